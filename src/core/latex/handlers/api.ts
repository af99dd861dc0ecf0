// The narrow interface command and environment handlers see: the token cursor (position, lookahead, TeX
// arguments) and the entry points of the precedence levels. Handlers never see the Parser class itself.
import type { Cursor } from '../cursor';
import type { MathNode } from '../nodes';
import type { Token } from '../tokens';

export interface ParserApi extends Cursor {
  /** `a + b - c`: a whole expression up to a relation, a closing delimiter or the end. */
  parseAdditive(): MathNode;
  /** `a \cdot b / c`: a term, the body of `\sum`. */
  parseMultiplicative(): MathNode;
  /** A product by juxtaposition; in `argMode` (the argument of `\sin x`) it stops before a function. */
  parseImplicit(argMode: boolean): MathNode;
  /** A TeX argument as an expression: `{…}` or a single token (one digit of a number). */
  parseArgument(owner: string): MathNode;
  /** Items between `open` (already read) and a closing token, separated by top-level commas. */
  parseList(open: Token, isClose: (t: Token) => boolean, closeName: string): MathNode[];
  /** Can `t` start a factor of an implicit product? */
  startsFactor(t: Token): boolean;
  /** The one item of a bracket, parenthesised; `only` without the parentheses. Both refuse lists. */
  single(items: MathNode[], open: Token): MathNode;
  only(items: MathNode[], open: Token): MathNode;
  /** A parser over `tokens` alone (an index, a subscript), sharing the context and bound indices. */
  subParser(tokens: Token[]): { parseWhole(): MathNode };
}

/** Reads one command at the cursor (the command token is `t`, not yet consumed). Returns undefined to
 *  decline without consuming anything, so that the next handler registered for the same name is tried. */
export type CommandHandler = (p: ParserApi, t: Token) => MathNode | undefined;

/** Reads the body of `\begin{name}` (the cursor is just past `{name}`; `t` is the `\begin` token). */
export type EnvironmentHandler = (p: ParserApi, t: Token, name: string) => MathNode;
