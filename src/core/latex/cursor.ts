// The parser's cursor over tokens: position, lookahead, nesting guards and argument spans. The parser is
// built in layers (cursor → atoms → command forms → derivatives → environments → operators), each a class
// extending the one before; a layer calls later ones through the abstract methods declared here.
import { spacing, spacingWithArgument, textCommands } from './commands';
import { fail, unexpected } from './errors';
import { skipArgument } from './macros';
import { accents, fonts } from './names';
import type { MathNode } from './nodes';
import { describeToken, isChar, isCmd, type Token } from './tokens';
import type { ParseContext } from './types';
import { maxNesting } from './grammar';

export abstract class ParserCursor {
  protected pos = 0;
  protected depth: number;
  protected absDepth = 0;
  protected normDepth = 0;
  protected readonly euler = new WeakSet<MathNode>();

  /** `toks` must end with an `eof` token; `bound` holds the indices of enclosing sums. */
  constructor(
    protected readonly toks: Token[],
    protected readonly ctx: ParseContext,
    protected readonly bound: string[] = [],
    depth = 0,
  ) {
    this.depth = depth;
  }

  /** True when nothing but trivia is left. */
  atEnd(): boolean {
    return this.peek().kind === 'eof';
  }

  // ---- token access -------------------------------------------------------------------------------

  /** Index of the next significant token at or after `i` (spacing and style commands skipped). */
  protected sigIndex(i: number): number {
    for (;;) {
      const t = this.toks[i];
      if (!t || t.kind === 'eof') return Math.min(i, this.toks.length - 1);
      if (t.kind === 'cmd' && spacing.has(t.value)) i++;
      else if (t.kind === 'char' && t.value === '~') i++;
      else if (t.kind === 'cmd' && spacingWithArgument.has(t.value)) i = skipArgument(this.toks, i + 1);
      else return i;
    }
  }

  protected peek(): Token {
    this.pos = this.sigIndex(this.pos);
    return this.toks[this.pos] as Token;
  }

  protected next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  protected at(i: number): Token {
    return this.toks[this.sigIndex(i)] as Token;
  }

  protected expectChar(ch: string, opener?: Token): Token {
    const t = this.peek();
    if (isChar(t, ch)) return this.next();
    if (t.kind === 'eof' && opener)
      fail(`missing '${ch}' for ${describeToken(opener)} at column ${opener.offset + 1}`, opener.offset);
    return unexpected(t, `expected '${ch}'`);
  }

  protected unexpectedHere(t: Token): never {
    if (isCmd(t, 'right'))
      fail(`unexpected \\right at column ${t.offset + 1} (no matching \\left)`, t.offset);
    if (isChar(t, '}')) fail(`unexpected '}' at column ${t.offset + 1} (no matching '{')`, t.offset);
    return unexpected(t);
  }

  protected enter(t: Token): void {
    if (++this.depth > maxNesting) fail(`expression nested too deeply at column ${t.offset + 1}`, t.offset);
  }

  protected leave(): void {
    this.depth--;
  }

  /** TeX reads one digit as a superscript or `\frac` argument: `x^23` is x²·3, `\frac12` is ½. */
  protected splitNumber(i: number): void {
    const t = this.toks[i];
    if (t?.kind !== 'num' || t.value.length < 2) return;
    const first: Token = { ...t, value: t.value[0] as string, end: t.offset + 1 };
    const rest: Token = { ...t, value: t.value.slice(1), offset: t.offset + 1, space: false };
    this.toks.splice(i, 1, first, rest);
  }

  /** Index just past the TeX argument starting at token `start`: `n_\textrm{in}`, `x_\mathbf{i}` carry
   *  the command's own argument along. */
  protected argumentEnd(start: number): number {
    let end = skipArgument(this.toks, start);
    const first = this.toks[start];
    if (
      first?.kind === 'cmd' &&
      (fonts[first.value] || accents[first.value] || textCommands.has(first.value))
    )
      end = skipArgument(this.toks, end);
    return end;
  }

  /** The raw tokens of the next TeX argument (a `{…}` group's content, or one token) and where it ends. */
  protected argumentTokens(): { inner: Token[]; end: number; start: number } {
    const start = this.sigIndex(this.pos);
    const end = this.argumentEnd(start);
    const braced = isChar(this.toks[start], '{');
    const inner = braced
      ? this.toks.slice(start + 1, Math.max(start + 1, end - 1))
      : this.toks.slice(start, end);
    return { inner: inner.filter((t) => !(t.kind === 'cmd' && spacing.has(t.value))), end, start };
  }

  protected skipBracket(): void {
    while (!isChar(this.peek(), ']') && this.peek().kind !== 'eof') this.pos++;
    this.next();
  }

  protected skipPunctuation(): void {
    while (isChar(this.peek(), ',') || isChar(this.peek(), '.') || isChar(this.peek(), ';')) this.next();
  }

  // Implemented by later layers.
  protected abstract wordAt(i: number): { word: string; end: number; letters: boolean } | undefined;
  protected abstract parseFrac(t: Token): MathNode;
  protected abstract applyBareFunction(body: MathNode, vars: MathNode[]): MathNode;
  protected abstract parseComparisonChain(start: Token): MathNode;
  protected abstract parseEnvironment(t: Token): MathNode;
  protected abstract parseLeft(t: Token): MathNode;
  protected abstract only(items: MathNode[], open: Token): MathNode;
  protected abstract parseList(open: Token, isClose: (t: Token) => boolean, closeName: string): MathNode[];
  protected abstract parseMultiplicative(): MathNode;
  protected abstract subParser(tokens: Token[]): { parseWhole(): MathNode };
  protected abstract parseAbs(open: Token, isClose: (t: Token) => boolean, closeName: string): MathNode;
  protected abstract parseNorm(open: Token, isClose: (t: Token) => boolean): MathNode;
  protected abstract startsFactor(t: Token): boolean;
  protected abstract single(items: MathNode[], open: Token): MathNode;
  abstract parseAdditive(): MathNode;
  protected abstract parseArgument(owner: string): MathNode;
  protected abstract parseImplicit(argMode: boolean): MathNode;
}
