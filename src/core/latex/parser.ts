// The LaTeX → mathjs expression parser: precedence climbing with one method per level, in the manner
// of mathjs's own parse.js (additive → multiplicative → unary → implicit product → postfix → primary).
// It never reorders a product, takes the meaning of `f(x)`, `A^{-1}`, `x_i` from the symbol table, and
// reports failures as ParseErrors that name the token and its column.
import {
  conditionWords,
  endsFactors,
  functionCommands,
  multiplicativeCommands,
  operatorNames,
  probabilityNames,
  relationChars,
  relationCommands,
  spacing,
  spacingWithArgument,
  unsupportedCommands,
  wrappers,
} from './commands';
import { fail, toParseError, unexpected } from './errors';
import { skipArgument } from './macros';
import { accents, applyFont, defaultFunctionNames, fonts, greek, tokensToName } from './names';
import {
  array,
  binary,
  fn,
  isConstant,
  isFunctionNamed,
  isSymbol,
  num,
  paren,
  sym,
  unary,
  type BinaryOp,
  type MathNode,
} from './nodes';
import { findProbability } from './probability';
import { describeToken, isChar, isCmd, tokenize, type Token } from './tokens';
import type { ParseContext, ParseError, Relation } from './types';
import type { VocabularyName } from './vocabulary';

/** Deepest nesting of groups the parser follows before it reports an error (the stack stays small). */
export const maxNesting = 100;

interface Atom {
  /** The symbol's canonical name. */
  name: string;
  /** Subscripts that hold a bound index: `x_i` inside `\sum_i` reads as entry(x, i). */
  indices?: MathNode[];
}

const textCommands = new Set([
  'text',
  'textrm',
  'textnormal',
  'mbox',
  'textit',
  'textbf',
  'textsf',
  'texttt',
]);
const wordCommands = new Set([
  ...textCommands,
  'operatorname',
  'mathrm',
  'mathit',
  'mathsf',
  'mathtt',
  'mathbf',
]);
const layoutEnvironments = new Set([
  'align',
  'align*',
  'aligned',
  'gather',
  'gather*',
  'gathered',
  'split',
  'eqnarray',
  'eqnarray*',
  'equation',
  'equation*',
  'multline',
  'multline*',
  'alignat',
  'alignat*',
  'alignedat',
  'flalign',
  'flalign*',
]);
const matrixEnvironments = new Set([
  'matrix',
  'bmatrix',
  'pmatrix',
  'Bmatrix',
  'vmatrix',
  'Vmatrix',
  'smallmatrix',
  'array',
]);
/** `{\bf x}`: plain-TeX font switches, read as a font on the next symbol. */
const oldFonts: Readonly<Record<string, string>> = {
  bf: 'mathbf',
  rm: 'mathrm',
  cal: 'mathcal',
  it: 'mathit',
  sf: 'mathsf',
  tt: 'mathtt',
  Bbb: 'mathbb',
  bold: 'mathbf',
};
const boldFonts = new Set(['mathbf', 'boldsymbol', 'bm', 'pmb']);
const trig = new Set(['sin', 'cos', 'tan', 'tanh', 'sinh', 'cosh']);

const comparison: Partial<Record<Relation, BinaryOp>> = {
  '=': 'equal',
  '\\ne': 'unequal',
  '<': 'smaller',
  '\\le': 'smallerEq',
  '>': 'larger',
  '\\ge': 'largerEq',
};

/** The relation a token stands for, if any. */
export function relationOf(t: Token | undefined): Relation | undefined {
  if (!t) return undefined;
  if (t.kind === 'cmd') return relationCommands[t.value];
  if (t.kind === 'char') return relationChars[t.value];
  return undefined;
}

export class Parser {
  private pos = 0;
  private depth: number;
  private absDepth = 0;
  private normDepth = 0;
  private readonly euler = new WeakSet<MathNode>();

  /** `toks` must end with an `eof` token; `bound` holds the indices of enclosing sums. */
  constructor(
    private readonly toks: Token[],
    private readonly ctx: ParseContext,
    private readonly bound: string[] = [],
    depth = 0,
  ) {
    this.depth = depth;
  }

  /** Parses the whole input as one expression. */
  parseWhole(): MathNode {
    const node = this.parseAdditive();
    const t = this.peek();
    if (t.kind !== 'eof') this.unexpectedHere(t);
    return node;
  }

  /** Reads one symbol (for canonical names and declarations); undefined when the input is not exactly one. */
  readWholeSymbol(): Atom | undefined {
    const t = this.peek();
    if (!(
      t.kind === 'letter' ||
      (t.kind === 'cmd' && (greek[t.value] || accents[t.value] || fonts[t.value]))
    ))
      return undefined;
    const atom = this.readSymbolAtom();
    return this.peek().kind === 'eof' ? atom : undefined;
  }

  /** The name `p` when the input is exactly `p(x)` or `c_i(\mathbf{x}, y)`: an application to symbols. */
  readApplicationHead(): string | undefined {
    const t = this.peek();
    if (!(
      t.kind === 'letter' ||
      (t.kind === 'cmd' && (greek[t.value] || accents[t.value] || fonts[t.value]))
    ))
      return undefined;
    const atom = this.readSymbolAtom();
    if (atom.indices || !this.isCallOpen()) return undefined;
    const args = this.parseCallArgs();
    if (!args.every((a) => isSymbol(a)) || this.peek().kind !== 'eof') return undefined;
    return atom.name;
  }

  /** True when nothing but trivia is left. */
  atEnd(): boolean {
    return this.peek().kind === 'eof';
  }

  // ---- token access -------------------------------------------------------------------------------

  /** Index of the next significant token at or after `i` (spacing and style commands skipped). */
  private sigIndex(i: number): number {
    for (;;) {
      const t = this.toks[i];
      if (!t || t.kind === 'eof') return Math.min(i, this.toks.length - 1);
      if (t.kind === 'cmd' && spacing.has(t.value)) i++;
      else if (t.kind === 'char' && t.value === '~') i++;
      else if (t.kind === 'cmd' && spacingWithArgument.has(t.value)) i = skipArgument(this.toks, i + 1);
      else return i;
    }
  }

  private peek(): Token {
    this.pos = this.sigIndex(this.pos);
    return this.toks[this.pos] as Token;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private at(i: number): Token {
    return this.toks[this.sigIndex(i)] as Token;
  }

  private expectChar(ch: string, opener?: Token): Token {
    const t = this.peek();
    if (isChar(t, ch)) return this.next();
    if (t.kind === 'eof' && opener)
      fail(`missing '${ch}' for ${describeToken(opener)} at column ${opener.offset + 1}`, opener.offset);
    return unexpected(t, `expected '${ch}'`);
  }

  private unexpectedHere(t: Token): never {
    if (isCmd(t, 'right'))
      fail(`unexpected \\right at column ${t.offset + 1} (no matching \\left)`, t.offset);
    if (isChar(t, '}')) fail(`unexpected '}' at column ${t.offset + 1} (no matching '{')`, t.offset);
    return unexpected(t);
  }

  private enter(t: Token): void {
    if (++this.depth > maxNesting) fail(`expression nested too deeply at column ${t.offset + 1}`, t.offset);
  }

  private leave(): void {
    this.depth--;
  }

  /** TeX reads one digit as a superscript or `\frac` argument: `x^23` is x²·3, `\frac12` is ½. */
  private splitNumber(i: number): void {
    const t = this.toks[i];
    if (t?.kind !== 'num' || t.value.length < 2) return;
    const first: Token = { ...t, value: t.value[0] as string, end: t.offset + 1 };
    const rest: Token = { ...t, value: t.value.slice(1), offset: t.offset + 1, space: false };
    this.toks.splice(i, 1, first, rest);
  }

  private subParser(tokens: Token[]): Parser {
    const last = tokens[tokens.length - 1];
    const end = last ? last.end : 0;
    return new Parser(
      [...tokens, { kind: 'eof', value: '', offset: end, end, space: false }],
      this.ctx,
      this.bound,
      this.depth,
    );
  }

  // ---- precedence levels --------------------------------------------------------------------------

  /** `a + b - c`. */
  parseAdditive(): MathNode {
    const start = this.peek();
    this.enter(start);
    let left = this.parseMultiplicative();
    for (;;) {
      const t = this.peek();
      if (isChar(t, '+')) {
        this.next();
        left = binary('add', left, this.parseMultiplicative());
      } else if (isChar(t, '-') || isChar(t, '−')) {
        this.next();
        left = binary('subtract', left, this.parseMultiplicative());
      } else if (isCmd(t, 'pm') || isCmd(t, 'mp') || isChar(t, '±')) {
        fail(`${describeToken(t)} (plus or minus) is not supported`, t.offset, 'unsupported');
      } else break;
    }
    this.leave();
    return left;
  }

  /** `a \cdot b`, `a \times b`, `a / b`, `a \odot b`. */
  private parseMultiplicative(): MathNode {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      if (isCmd(t, 'cdot') || isCmd(t, 'times') || isChar(t, '*') || isChar(t, '·') || isChar(t, '×')) {
        this.next();
        left = binary('multiply', left, this.parseUnary());
      } else if (isChar(t, '/') || isCmd(t, 'div') || isChar(t, '÷')) {
        this.next();
        left = binary('divide', left, this.parseUnary());
      } else if (isCmd(t, 'odot') || isChar(t, '⊙')) {
        this.next();
        left = fn('hadamard', [left, this.parseUnary()]);
      } else if (t.kind === 'cmd' && multiplicativeCommands.has(t.value)) {
        fail(`\\${t.value} is not supported`, t.offset, 'unsupported');
      } else break;
    }
    return left;
  }

  /** A leading sign: `-x y` is -(x y), `-x^2` is -(x²). */
  private parseUnary(): MathNode {
    const t = this.peek();
    if (isChar(t, '-') || isChar(t, '−')) {
      this.next();
      this.enter(t);
      const node = unary('unaryMinus', this.parseUnary());
      this.leave();
      return node;
    }
    if (isChar(t, '+')) {
      this.next();
      return this.parseUnary();
    }
    return this.parseImplicit(false);
  }

  /** Juxtaposition, `2xy`, `AB`, `x(y+1)`, kept in written order. In `argMode` (the argument of `\sin x`)
   *  the product stops before another function, so `\sin x \cos y` is sin(x)·cos(y). */
  private parseImplicit(argMode: boolean): MathNode {
    let left = this.parsePostfixed();
    for (;;) {
      const t = this.peek();
      if (!this.startsFactor(t)) break;
      if (argMode && this.startsFunction(t)) break;
      left = binary('multiply', left, this.parsePostfixed(), true);
    }
    return left;
  }

  private startsFactor(t: Token): boolean {
    if (t.kind === 'num' || t.kind === 'letter') return true;
    if (t.kind === 'char') {
      if (t.value === '|') return this.absDepth === 0;
      return t.value === '(' || t.value === '[' || t.value === '{';
    }
    if (t.kind !== 'cmd') return false;
    if (t.value === '|' || t.value === 'Vert') return this.normDepth === 0;
    if (t.value === 'vert') return this.absDepth === 0;
    if (t.value === '}') return false;
    return !endsFactors(t);
  }

  private startsFunction(t: Token): boolean {
    if (t.kind !== 'cmd') return false;
    return (
      t.value in functionCommands ||
      t.value === 'operatorname' ||
      t.value === 'sum' ||
      t.value === 'prod' ||
      t.value === 'nabla'
    );
  }

  /** A primary followed by its superscripts, subscripts, primes and `!`. */
  private parsePostfixed(): MathNode {
    let node = this.parsePrimary();
    let powered = false;
    for (;;) {
      const t = this.peek();
      if (isChar(t, '^')) {
        // TeX itself rejects `x^2^3`; reading it either way would be a guess.
        if (powered) fail(`double superscript at column ${t.offset + 1}: write x^{2^3} or (x^2)^3`, t.offset);
        this.next();
        node = this.parseSuperscript(node, t);
        powered = true;
        continue;
      }
      powered = false;
      if (isChar(t, '_')) {
        this.next();
        node = fn('entry', [node, ...this.parseIndexArgument()]);
      } else if (isChar(t, "'")) {
        this.next();
        node = fn('transpose', [node]);
      } else if (isChar(t, '!')) {
        this.next();
        node = unary('factorial', node);
      } else break;
    }
    return node;
  }

  /** Index just past the TeX argument starting at token `start`: `n_\textrm{in}`, `x_\mathbf{i}` carry
   *  the command's own argument along. */
  private argumentEnd(start: number): number {
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
  private argumentTokens(): { inner: Token[]; end: number; start: number } {
    const start = this.sigIndex(this.pos);
    const end = this.argumentEnd(start);
    const braced = isChar(this.toks[start], '{');
    const inner = braced
      ? this.toks.slice(start + 1, Math.max(start + 1, end - 1))
      : this.toks.slice(start, end);
    return { inner: inner.filter((t) => !(t.kind === 'cmd' && spacing.has(t.value))), end, start };
  }

  /** `^{\top}`, `^T`, `^{-1}`, `^2`: transposes and inverses are recognised before powers. */
  private parseSuperscript(base: MathNode, caret: Token): MathNode {
    const t = this.peek();
    if (t.kind === 'eof') fail(`missing superscript after '^' at column ${caret.offset + 1}`, caret.offset);
    if (t.kind === 'num') this.splitNumber(this.pos);
    if (this.euler.has(base)) return fn('exp', [this.parseArgument('^')]);
    const { inner, end } = this.argumentTokens();
    const sig = inner.map((u) => (u.kind === 'cmd' ? `\\${u.value}` : u.value)).join(' ');
    const tIsScalar = this.ctx.kindOf('T') === 'scalar' || this.ctx.kindOf('T') === 'index';
    const transposeSigs = [
      '\\top',
      '\\intercal',
      '\\mathsf { T }',
      '\\mathrm { T }',
      '\\mathsf T',
      '\\mathrm T',
      '\\prime',
      '\\mathbf { T }',
    ];
    if (transposeSigs.includes(sig) || (sig === 'T' && !tIsScalar)) {
      this.pos = end;
      return fn('transpose', [base]);
    }
    if (sig === '- 1' || sig === '− 1') {
      this.pos = end;
      return this.isMatrixish(base) ? fn('inv', [base]) : binary('pow', base, unary('unaryMinus', num(1)));
    }
    if (
      ['- \\top', '- T', '- \\intercal', '− \\top', '− T'].includes(sig) &&
      !(sig.endsWith('T') && tIsScalar)
    ) {
      this.pos = end;
      return fn('transpose', [fn('inv', [base])]);
    }
    if (['\\dagger', '+', '\\dag'].includes(sig))
      fail(`pseudo-inverse ^{${sig}} is not supported`, caret.offset, 'unsupported');
    if (['*', '\\ast', '\\star'].includes(sig))
      fail(`^* on an expression (not a symbol) is not supported`, caret.offset, 'unsupported');
    return binary('pow', base, this.parseArgument('^'));
  }

  /** Could this expression be a matrix? Decides whether `^{-1}` is a matrix inverse. */
  private isMatrixish(n: MathNode): boolean {
    if (isSymbol(n)) {
      const kind = this.ctx.kindOf(n.name);
      return kind === 'matrix' || (kind === undefined && n.name === 'I');
    }
    const any = n as unknown as {
      type: string;
      fn?: unknown;
      args?: MathNode[];
      content?: MathNode;
      items?: MathNode[];
    };
    if (any.type === 'ParenthesisNode' && any.content) return this.isMatrixish(any.content);
    if (any.type === 'OperatorNode' && any.args) {
      const f = any.fn as string;
      if (f === 'divide' || f === 'pow') return this.isMatrixish(any.args[0] as MathNode);
      return any.args.some((a) => this.isMatrixish(a));
    }
    if (any.type === 'FunctionNode' && any.args) {
      if (isFunctionNamed(n, 'diag')) return true;
      if (isFunctionNamed(n, 'transpose') || isFunctionNamed(n, 'inv') || isFunctionNamed(n, 'hadamard'))
        return any.args.some((a) => this.isMatrixish(a));
      return false;
    }
    if (any.type === 'ArrayNode' && any.items) {
      const first = any.items[0] as unknown as { items?: MathNode[] } | undefined;
      return any.items.length > 1 && (first?.items?.length ?? 0) > 1;
    }
    return false;
  }

  /** A TeX argument as an expression: `{…}` or a single token (one digit of a number). */
  private parseArgument(owner: string): MathNode {
    const t = this.peek();
    if (t.kind === 'eof' || isChar(t, '}') || isChar(t, '&') || isCmd(t, '\\'))
      fail(`${owner} is missing an argument at column ${t.offset + 1}`, t.offset);
    if (isChar(t, '{')) return this.parseBraceGroup();
    if (t.kind === 'num') {
      this.splitNumber(this.pos);
      this.next();
      return num(Number(t.value.length > 1 ? t.value[0] : t.value));
    }
    return this.parsePrimary();
  }

  private parseBraceGroup(): MathNode {
    const open = this.next();
    if (isChar(this.peek(), '}')) fail(`empty group {} at column ${open.offset + 1}`, open.offset);
    const saved = [this.absDepth, this.normDepth] as const;
    this.absDepth = 0;
    this.normDepth = 0;
    const node = this.parseAdditive();
    this.expectChar('}', open);
    [this.absDepth, this.normDepth] = saved;
    return node;
  }

  /** Items between `open` (already read) and a closing token, separated by top-level commas. */
  private parseList(open: Token, isClose: (t: Token) => boolean, closeName: string): MathNode[] {
    const saved = [this.absDepth, this.normDepth] as const;
    this.absDepth = 0;
    this.normDepth = 0;
    // After \left, the delimiter is the token just read (every caller steps over it).
    const openName = isCmd(open, 'left')
      ? `\\left${describeDelimiter(this.toks[this.pos - 1])}`
      : describeToken(open);
    if (isClose(this.peek()))
      fail(`empty ${openName} … ${closeName} at column ${open.offset + 1}`, open.offset);
    const items = [this.parseAdditive()];
    while (isChar(this.peek(), ',')) {
      this.next();
      items.push(this.parseAdditive());
    }
    const t = this.peek();
    if (!isClose(t)) {
      if (t.kind === 'eof')
        fail(`missing ${closeName} for ${openName} at column ${open.offset + 1}`, open.offset);
      unexpected(t, `expected ${closeName} to close ${openName} at column ${open.offset + 1}`);
    }
    this.next();
    if (isCmd(t, 'right')) this.pos++; // the delimiter after \right, whatever it is
    [this.absDepth, this.normDepth] = saved;
    return items;
  }

  /** Is a parenthesised argument list next: `(`, `\left(`? */
  private isCallOpen(): boolean {
    const t = this.peek();
    return isChar(t, '(') || (isCmd(t, 'left') && isChar(this.toks[this.pos + 1], '('));
  }

  private parseCallArgs(): MathNode[] {
    const t = this.next();
    if (isCmd(t, 'left')) {
      this.pos++;
      return this.parseList(t, (u) => isCmd(u, 'right'), '\\right)');
    }
    return this.parseList(t, (u) => isChar(u, ')'), "')'");
  }

  // ---- primaries ----------------------------------------------------------------------------------

  private parsePrimary(): MathNode {
    const t = this.peek();
    this.enter(t);
    const node = this.parsePrimaryInner(t);
    this.leave();
    return node;
  }

  private parsePrimaryInner(t: Token): MathNode {
    switch (t.kind) {
      case 'num':
        this.next();
        return num(Number(t.value));
      case 'letter':
        return this.parseSymbolOrCall();
      case 'eof':
        return fail(`unexpected end of input at column ${t.offset + 1}: an operand is missing`, t.offset);
      case 'param':
        return fail(`macro parameter #${t.value} outside a macro at column ${t.offset + 1}`, t.offset);
      case 'char':
        break;
      case 'cmd':
        return this.parseCommand(t);
    }
    switch (t.value) {
      case '(':
      case '[': {
        this.next();
        const close = t.value === '(' ? ')' : ']';
        const items = this.parseList(t, (u) => isChar(u, close), `'${close}'`);
        return this.single(items, t);
      }
      case '{':
        return this.parseBraceGroup();
      case '|':
        return this.parseAbs(t, (u) => isChar(u, '|'), "'|'");
      case '∞':
        this.next();
        return num(Infinity);
      default:
        return this.unexpectedHere(t);
    }
  }

  /** The one item of a bracket, as a parenthesised node (brackets group like parentheses). */
  private single(items: MathNode[], open: Token): MathNode {
    return paren(this.only(items, open));
  }

  private only(items: MathNode[], open: Token): MathNode {
    if (items.length !== 1)
      fail(
        `a list of ${items.length} values at column ${open.offset + 1} is not an expression`,
        open.offset,
        'unsupported',
      );
    return items[0] as MathNode;
  }

  private parseAbs(open: Token, isClose: (t: Token) => boolean, closeName: string): MathNode {
    this.next();
    const savedNorm = this.normDepth;
    this.absDepth++;
    this.normDepth = 0;
    if (isClose(this.peek())) fail(`empty |…| at column ${open.offset + 1}`, open.offset);
    const inner = this.parseAdditive();
    const c = this.peek();
    if (!isClose(c)) {
      if (c.kind === 'eof')
        fail(`missing closing ${closeName} for '|' at column ${open.offset + 1}`, open.offset);
      unexpected(c, `expected closing ${closeName} for '|' at column ${open.offset + 1}`);
    }
    this.next();
    this.absDepth--;
    this.normDepth = savedNorm;
    return fn('abs', [inner]);
  }

  private parseNorm(open: Token, isClose: (t: Token) => boolean): MathNode {
    this.next();
    const savedAbs = this.absDepth;
    this.normDepth++;
    this.absDepth = 0;
    if (isClose(this.peek())) fail(`empty norm at column ${open.offset + 1}`, open.offset);
    const inner = this.parseAdditive();
    const c = this.peek();
    if (!isClose(c)) {
      if (c.kind === 'eof') fail(`missing closing \\| for \\| at column ${open.offset + 1}`, open.offset);
      unexpected(c, `expected closing \\| for the norm at column ${open.offset + 1}`);
    }
    this.next();
    if (isCmd(c, 'right')) this.pos++;
    this.normDepth--;
    this.absDepth = savedAbs;
    return this.normSubscript(inner);
  }

  /** `\|x\|`, `\|x\|_2` → norm; `_F` → normFro; `_1`, `_\infty`, `_p` → normP. */
  private normSubscript(inner: MathNode): MathNode {
    const u = this.peek();
    if (isChar(u, '^')) {
      // `\|x\|^2_2`: the subscript still belongs to the norm.
      const saved = this.pos;
      this.next();
      const power = this.parseArgument('^');
      if (isChar(this.peek(), '_')) return binary('pow', this.normSubscript(inner), power);
      this.pos = saved;
    }
    if (!isChar(this.peek(), '_')) return fn('norm', [inner]);
    this.next();
    if (this.peek().kind === 'num') this.splitNumber(this.pos);
    const { inner: sub, end } = this.argumentTokens();
    const sig = sub.map((u) => (u.kind === 'cmd' ? `\\${u.value}` : u.value)).join(' ');
    if (sig === '2') {
      this.pos = end;
      return fn('norm', [inner]);
    }
    if (tokensToName(sub) === 'F') {
      this.pos = end;
      return fn('normFro', [inner]);
    }
    if (sig === '\\infty' || sig === '∞') {
      this.pos = end;
      return fn('normP', [inner, num(Infinity)]);
    }
    return fn('normP', [inner, this.parseArgument('norm subscript')]);
  }

  private parseLeft(t: Token): MathNode {
    this.next();
    const d = this.toks[this.pos] as Token;
    if (d.kind === 'eof') fail(`missing delimiter after \\left at column ${t.offset + 1}`, t.offset);
    this.pos++;
    const isRight = (u: Token): boolean => isCmd(u, 'right');
    const dv = d.kind === 'cmd' ? `\\${d.value}` : d.value;
    switch (dv) {
      case '(':
      case '[':
      case '\\{':
      case '\\lbrace':
      case '\\lbrack':
      case '.':
        return this.single(this.parseList(t, isRight, '\\right'), t);
      case '|':
      case '\\vert':
      case '\\lvert': {
        const items = this.parseList(t, isRight, '\\right|');
        return fn('abs', [this.only(items, t)]);
      }
      case '\\|':
      case '\\Vert':
      case '\\lVert': {
        const items = this.parseList(t, isRight, '\\right\\|');
        return this.normSubscript(this.only(items, t));
      }
      case '\\lfloor':
      case '\\lceil': {
        const items = this.parseList(t, isRight, '\\right');
        return fn(dv === '\\lfloor' ? 'floor' : 'ceil', [this.only(items, t)]);
      }
      case '\\langle':
        return fail(`\\left\\langle (inner product brackets) is not supported`, t.offset, 'unsupported');
      default:
        return fail(`\\left${dv} at column ${t.offset + 1} is not a delimiter`, t.offset);
    }
  }

  private parseCommand(t: Token): MathNode {
    const v = t.value;
    if (
      (v === 'mathbb' || v === 'mathbf' || v === 'mathbbm' || v === 'mathds' || v === 'boldsymbol') &&
      this.wordAt(this.pos + 1)?.word === '1'
    )
      return this.parseIndicator(t);
    if (wordCommands.has(v)) return this.parseWordCommand(t);
    if (greek[v] || accents[v] || fonts[v] || oldFonts[v]) return this.parseSymbolOrCall();
    if (v in functionCommands) {
      this.next();
      return this.parseFunctionApplication(functionCommands[v] as VocabularyName, t, `\\${v}`);
    }
    if (v in wrappers) return this.parseWrapper(t);
    switch (v) {
      case 'left':
        return this.parseLeft(t);
      case '{':
      case 'lbrace': {
        this.next();
        return this.single(
          this.parseList(t, (u) => isCmd(u, '}') || isCmd(u, 'rbrace'), "'\\}'"),
          t,
        );
      }
      case '|':
      case 'Vert':
      case 'lVert':
        return this.parseNorm(t, (u) => isCmd(u, '|') || isCmd(u, 'Vert') || isCmd(u, 'rVert'));
      case 'vert':
      case 'lvert':
        return this.parseAbs(t, (u) => isCmd(u, 'vert') || isCmd(u, 'rvert'), '\\rvert');
      case 'lfloor':
      case 'lceil': {
        this.next();
        const close = v === 'lfloor' ? 'rfloor' : 'rceil';
        const items = this.parseList(t, (u) => isCmd(u, close), `\\${close}`);
        return fn(v === 'lfloor' ? 'floor' : 'ceil', [this.only(items, t)]);
      }
      case 'frac':
      case 'dfrac':
      case 'tfrac':
      case 'cfrac':
        return this.parseFrac(t);
      case 'sqrt':
        return this.parseSqrt(t);
      case 'binom':
      case 'dbinom':
      case 'tbinom': {
        this.next();
        const n = this.parseArgument(`\\${v}`);
        return fn('binom', [n, this.parseArgument(`\\${v}`)]);
      }
      case 'sum':
      case 'prod':
        return this.parseBigOperator(t);
      case 'nabla':
        return this.parseNabla(t);
      case 'begin':
        return this.parseEnvironment(t);
      case 'infty':
        this.next();
        return num(Infinity);
      case 'Pr':
      case 'mid':
      case 'sim':
        return fail(`\\${v} is probability notation, which sampling cannot check`, t.offset, 'probability');
      case 'partial':
        return fail(
          `\\partial outside \\frac{\\partial …}{\\partial …} at column ${t.offset + 1}`,
          t.offset,
          'unsupported',
        );
      case 'right':
      case 'end':
        return this.unexpectedHere(t);
    }
    if (['dots', 'cdots', 'ldots', 'vdots', 'ddots', 'dotsb', 'dotsc', 'hdots'].includes(v))
      return fail(`an ellipsis \\${v} cannot be evaluated`, t.offset, 'unsupported');
    if (unsupportedCommands.has(v)) return fail(`\\${v} is not supported`, t.offset, 'unsupported');
    return fail(`unknown command \\${v} at column ${t.offset + 1}`, t.offset);
  }

  /** `\mathbb{1}_{x > 0}`, `\mathbb{1}[x > 0]`, `\mathbf{1}\{x \ge 0\}`: 1 where the condition holds, else 0. */
  private parseIndicator(t: Token): MathNode {
    const w = this.wordAt(this.pos + 1) as { end: number };
    this.pos = w.end;
    const u = this.peek();
    let cond: MathNode;
    if (isChar(u, '_')) {
      this.next();
      const open = this.peek();
      if (!isChar(open, '{'))
        fail(
          `the indicator at column ${t.offset + 1} needs a condition, \\mathbb{1}_{x > 0}`,
          t.offset,
          'unsupported',
        );
      this.next();
      cond = this.parseComparisonChain(open);
      this.expectChar('}', open);
    } else if (isChar(u, '[') || isChar(u, '(') || isCmd(u, '{') || isCmd(u, 'left')) {
      this.next();
      if (isCmd(u, 'left')) this.pos++;
      cond = this.parseComparisonChain(u);
      const c = this.next();
      if (!(isChar(c, ']') || isChar(c, ')') || isCmd(c, '}') || isCmd(c, 'right')))
        unexpected(c, `expected the end of the indicator's condition`);
      if (isCmd(c, 'right')) this.pos++;
    } else {
      return fail(
        `\\${t.value}{1} at column ${t.offset + 1}: a vector of ones is not supported; an indicator needs a condition`,
        t.offset,
        'unsupported',
      );
    }
    return fn('piecewise', [cond, num(1), num(0)]);
  }

  private parseWrapper(t: Token): MathNode {
    this.next();
    const arity = wrappers[t.value] ?? 1;
    for (let k = 1; k < arity; k++) this.pos = skipArgument(this.toks, this.sigIndex(this.pos));
    const node = this.parseArgument(`\\${t.value}`);
    if (t.value === 'underbrace' && isChar(this.peek(), '_'))
      this.pos = skipArgument(this.toks, this.sigIndex(this.pos + 1));
    if (t.value === 'overbrace' && isChar(this.peek(), '^'))
      this.pos = skipArgument(this.toks, this.sigIndex(this.pos + 1));
    return paren(node);
  }

  /** The word in `\operatorname{…}`/`\mathrm{…}`/`\text{…}` starting at token `i` (the `{`). */
  private wordAt(i: number): { word: string; end: number; letters: boolean } | undefined {
    let j = this.sigIndex(i);
    if (isChar(this.toks[j], '*')) j++;
    const open = this.toks[j];
    if (open?.kind === 'letter') return { word: open.value, end: j + 1, letters: true };
    if (!isChar(open, '{')) return undefined;
    const end = skipArgument(this.toks, j);
    let word = '';
    let letters = true;
    for (let k = j + 1; k < end - 1; k++) {
      const u = this.toks[k] as Token;
      if (u.space && word !== '') word += ' ';
      if (u.kind === 'letter') word += u.value;
      else {
        letters = false;
        word += u.kind === 'cmd' ? (greek[u.value] ?? `\\${u.value}`) : u.value;
      }
    }
    return { word: word.trim(), end, letters };
  }

  /** `\operatorname{tr}`, `\mathrm{Var}`, `\text{ReLU}`, `\mathrm{x}`. */
  private parseWordCommand(t: Token): MathNode {
    const w = this.wordAt(this.pos + 1);
    if (!w) {
      if (textCommands.has(t.value) || t.value === 'operatorname')
        fail(`\\${t.value} needs a {…} argument at column ${t.offset + 1}`, t.offset);
      return this.parseSymbolOrCall();
    }
    const isText = textCommands.has(t.value);
    if (
      /^arg\s*(\\[,;! ])?\s*(min|max)$/.test(w.word) ||
      ['argmin', 'argmax', 'arg min', 'arg max'].includes(w.word)
    )
      fail(`${w.word} (an optimum over a set) is not supported`, t.offset, 'unsupported');
    if (probabilityNames.has(w.word) && (w.word.length > 1 || t.value !== 'mathbf'))
      fail(`${w.word} is probability notation, which sampling cannot check`, t.offset, 'probability');
    const known = operatorNames[w.word];
    if (known) {
      this.pos = w.end;
      return this.parseFunctionApplication(known, t, w.word);
    }
    if (boldFonts.has(t.value) && w.letters && w.word.length > 1 && !w.word.includes(' ')) {
      // `\mathbf{AB}` is the product of bold A and bold B, not one symbol.
      this.pos = w.end;
      const letters = [...w.word].map((c) => this.symbolNode(applyFont(t.value, c)));
      return paren(letters.reduce((a, b) => binary('multiply', a, b, true)));
    }
    if (
      !isText &&
      (w.word.length <= 1 ||
        t.value === 'mathbf' ||
        t.value === 'mathsf' ||
        t.value === 'mathtt' ||
        t.value === 'mathit')
    )
      return this.parseSymbolOrCall();
    if (w.word === 'd')
      fail(`a differential d at column ${t.offset + 1} outside \\frac{d}{dx}`, t.offset, 'unsupported');
    // `\text{price}` names a quantity; `\text{if}` inside an expression is prose we cannot read.
    if (isText && !(w.letters && !w.word.includes(' ') && !conditionWords.has(w.word.toLowerCase())))
      fail(`text '${w.word}' inside an expression at column ${t.offset + 1}`, t.offset, 'unsupported');
    if (!w.letters) fail(`\\${t.value}{${w.word}} at column ${t.offset + 1} is not a name`, t.offset);
    this.pos = w.end;
    // An operator we do not know, such as \operatorname{dropout}: an unknown function (its step ends
    // unverifiable unless the student declares it), or a multi-letter symbol when not applied.
    if (this.isCallOpen()) return fn('call', [sym(w.word), ...this.parseCallArgs()]);
    return this.symbolNode(w.word);
  }

  private isCallOpenAt(i: number): boolean {
    const saved = this.pos;
    this.pos = i;
    const r = this.isCallOpen();
    this.pos = saved;
    return r;
  }

  /** `\sin x`, `\sin^2 x`, `\log_2 x`, `\exp(x)`, `\max(a, b)`, `\max\{a, b\}`, `\det A`. */
  private parseFunctionApplication(name: VocabularyName, t: Token, label: string): MathNode {
    let power: MathNode | undefined;
    let base: MathNode | undefined;
    for (let k = 0; k < 2; k++) {
      const u = this.peek();
      if (isChar(u, '^') && !power) {
        this.next();
        power = this.parseArgument(label);
      } else if (isChar(u, '_') && !base) {
        if (name === 'max' || name === 'min')
          fail(`${label}_{…} (an optimum over a set) is not supported`, t.offset, 'unsupported');
        if (name !== 'log') unexpected(u, `${label} takes no subscript`);
        this.next();
        if (this.peek().kind === 'num') this.splitNumber(this.pos);
        base = this.parseArgument(label);
      }
    }
    let args: MathNode[];
    const u = this.peek();
    if (this.isCallOpen()) args = this.parseCallArgs();
    else if (
      (name === 'max' || name === 'min') &&
      (isCmd(u, '{') || (isCmd(u, 'left') && isCmd(this.toks[this.pos + 1], '{')))
    ) {
      this.next();
      if (isCmd(u, 'left')) this.pos++;
      args = this.parseList(u, (c) => isCmd(c, '}') || isCmd(c, 'right'), "'\\}'");
    } else {
      if (!this.startsFactor(u)) fail(`${label} needs an argument at column ${t.offset + 1}`, t.offset);
      args = [this.parseImplicit(true)];
    }
    if (name !== 'max' && name !== 'min' && args.length !== 1)
      fail(`${label} takes one argument, not ${args.length}`, t.offset);
    let node: MathNode;
    if (name === 'log' && base) {
      const b = isConstant(base) ? Number(base.value) : NaN;
      node =
        b === 2
          ? fn('log2', args)
          : b === 10
            ? fn('log10', args)
            : binary('divide', fn('log', args), fn('log', [base]));
    } else node = fn(name, args);
    if (power) {
      const p = power as unknown as { fn?: string; args?: MathNode[] };
      if (trig.has(name) && p.fn === 'unaryMinus')
        fail(`${label}^{-1} (an inverse function) is not supported`, t.offset, 'unsupported');
      node = binary('pow', node, power);
    }
    return node;
  }

  // ---- symbols ------------------------------------------------------------------------------------

  /** Is `name` applied as a function in `name(…)`: declared so, or an undeclared f, g, h, σ, φ, ψ, ℓ, L? */
  private isFunctionName(name: string): boolean {
    const kind = this.ctx.kindOf(name);
    if (kind !== undefined) return kind === 'function';
    const base = /^[^_^*']+/.exec(name)?.[0] ?? name;
    return defaultFunctionNames.has(base);
  }

  /** Is `x'` another point named x-prime rather than a transpose? Transposing a scalar changes nothing, so
   *  for a symbol not declared a vector or matrix, and not written as a capital (the matrix convention),
   *  the prime makes a new name. Functions keep their primes for derivatives, `f'(x)`. */
  private primeNamesPoint(name: string): boolean {
    const kind = this.ctx.kindOf(name);
    if (kind === 'matrix' || kind === 'vector' || this.isFunctionName(name)) return false;
    return !/^[A-Z\u{1D400}-\u{1D419}]/u.test(name);
  }

  private isIndexName(name: string): boolean {
    return this.bound.includes(name) || this.ctx.kindOf(name) === 'index';
  }

  private symbolNode(name: string): MathNode {
    const kind = this.ctx.kindOf(name);
    if (kind === undefined) {
      if (name === 'π') return num(Math.PI);
      if (name === 'e') {
        const n = num(Math.E);
        this.euler.add(n);
        return n;
      }
      if (name === '𝟎') return num(0);
      if (name === '𝐈') return sym('I');
    }
    return sym(name);
  }

  /** A symbol, or the application `f(x)` / `σ'(z)` of a function symbol. */
  private parseSymbolOrCall(): MathNode {
    const start = this.peek();
    if (start.kind === 'letter' && this.ctx.kindOf(start.value) === undefined) {
      const after = this.at(this.pos + 1);
      const opens = isChar(after, '(') || isChar(after, '[') || isCmd(after, 'left');
      if ((start.value === 'P' || start.value === 'E') && opens && !isChar(this.at(this.pos + 1), '_'))
        fail(
          `${start.value}(…) is probability notation, which sampling cannot check`,
          start.offset,
          'probability',
        );
    }
    const atom = this.readSymbolAtom();
    if (atom.indices) {
      if ((this.isFunctionName(atom.name) || this.listFollows()) && this.isCallOpen())
        fail(
          `a function indexed by a bound variable, ${atom.name}_…(…), is not supported`,
          start.offset,
          'unsupported',
        );
      return fn('entry', [sym(atom.name), ...atom.indices]);
    }
    if (this.isFunctionName(atom.name) || (this.ctx.kindOf(atom.name) === undefined && this.listFollows())) {
      let primes = 0;
      let i = this.sigIndex(this.pos);
      while (isChar(this.toks[i], "'")) {
        primes++;
        i = this.sigIndex(i + 1);
      }
      // f^{\prime}(x), f^{\prime\prime}(x)
      if (primes === 0 && isChar(this.toks[i], '^')) {
        const a = this.sigIndex(i + 1);
        const end = skipArgument(this.toks, a);
        const inner = isChar(this.toks[a], '{') ? this.toks.slice(a + 1, end - 1) : this.toks.slice(a, end);
        if (inner.length > 0 && inner.every((x) => isCmd(x, 'prime') || isChar(x, "'"))) {
          primes = inner.length;
          i = this.sigIndex(end);
        }
      }
      const saved = this.pos;
      this.pos = i;
      if (primes > 0 && !this.isCallOpen())
        fail(
          `${atom.name}${"'".repeat(primes)} needs its argument, as in ${atom.name}'(x)`,
          start.offset,
          'unsupported',
        );
      if (this.isCallOpen()) {
        const args = this.parseCallArgs();
        return primes > 0
          ? fn('derivFn', [sym(atom.name), num(primes), ...args])
          : fn('call', [sym(atom.name), ...args]);
      }
      this.pos = saved;
    }
    return this.symbolNode(atom.name);
  }

  /** Is a parenthesised list with a top-level comma next? `u(a, b)` can only be an application. */
  private listFollows(): boolean {
    let i = this.sigIndex(this.pos);
    if (isCmd(this.toks[i], 'left')) i++;
    if (!isChar(this.toks[i], '(')) return false;
    let depth = 0;
    for (let k = i; k < this.toks.length; k++) {
      const t = this.toks[k] as Token;
      if (t.kind === 'eof') return false;
      if (isChar(t, '(') || isChar(t, '[') || isChar(t, '{') || isCmd(t, 'left')) depth++;
      else if (isChar(t, ')') || isChar(t, ']') || isChar(t, '}') || isCmd(t, 'right')) {
        if (isCmd(t, 'right')) k++;
        if (--depth === 0) return false;
      } else if (depth === 1 && isChar(t, ',')) return true;
    }
    return false;
  }

  /** The base of a symbol: a letter, a Greek command, an accented or font-styled symbol. */
  private readSymbolBase(): string {
    const t = this.next();
    if (t.kind === 'letter' || t.kind === 'num') return t.value;
    if (t.kind === 'cmd') {
      const g = greek[t.value];
      if (g) return g;
      const mark = accents[t.value];
      if (mark) {
        if (isChar(this.peek(), '{')) {
          const open = this.next();
          const inner = this.readSymbolAtom();
          if (inner.indices)
            fail(`an accent over an indexed entry at column ${t.offset + 1}`, t.offset, 'unsupported');
          if (!isChar(this.peek(), '}'))
            fail(
              `\\${t.value} over more than one symbol at column ${t.offset + 1} is not supported`,
              t.offset,
              'unsupported',
            );
          this.expectChar('}', open);
          return withMark(inner.name, mark);
        }
        return withMark(this.readSymbolBase(), mark);
      }
      const oldFont = oldFonts[t.value];
      if (oldFont) return applyFont(oldFont, this.readSymbolBase());
      if (fonts[t.value]) {
        const w = this.wordAt(this.pos);
        if (w && w.letters && w.word !== '' && !w.word.includes(' ')) {
          if (t.value === 'mathbb' && (w.word === 'E' || w.word === 'P'))
            fail(
              `\\mathbb{${w.word}} is probability notation, which sampling cannot check`,
              t.offset,
              'probability',
            );
          this.pos = w.end;
          return applyFont(t.value, w.word);
        }
        if (isChar(this.peek(), '{')) {
          const open = this.next();
          const inner = this.readSymbolAtom();
          if (inner.indices)
            fail(`a font over an indexed entry at column ${t.offset + 1}`, t.offset, 'unsupported');
          this.expectChar('}', open);
          return applyFont(t.value, inner.name);
        }
        return applyFont(t.value, this.readSymbolBase());
      }
    }
    return unexpected(t, 'expected a symbol');
  }

  /** A whole symbol: its base and the parts that belong to its name (`_{ℓ-1}`, `^*`, `^{(ℓ)}`); a subscript
   *  holding a bound index becomes an entry instead. */
  private readSymbolAtom(): Atom {
    let name = this.readSymbolBase();
    let indices: MathNode[] | undefined;
    let subscripted = false;
    for (;;) {
      const u = this.peek();
      if (isChar(u, '_') && !subscripted) {
        this.next();
        subscripted = true;
        if (this.peek().kind === 'num' && !isChar(this.toks[this.pos - 1], '{')) this.splitNumber(this.pos);
        const { inner, end } = this.argumentTokens();
        if (inner.length === 0) fail(`empty subscript at column ${u.offset + 1}`, u.offset);
        if (inner.some((x) => (x.kind === 'letter' || x.kind === 'cmd') && this.isIndexName(tokenName(x)))) {
          indices = this.indicesFrom(inner);
        } else {
          const text = tokensToName(inner);
          name += [...text].length === 1 ? `_${text}` : `_{${text}}`;
        }
        this.pos = end;
        continue;
      }
      if (isChar(u, "'") && !indices && this.primeNamesPoint(name)) {
        this.next();
        name += "'";
        continue;
      }
      if (isChar(u, '^') && !subscripted && !indices) {
        // `x^2_i` is x_i squared: read the subscript into the name first.
        const supEnd = this.argumentEnd(this.sigIndex(this.pos + 1));
        const b = this.sigIndex(supEnd);
        if (isChar(this.toks[b], '_')) {
          const subEnd = this.argumentEnd(this.sigIndex(b + 1));
          const sup = this.toks.slice(this.pos, supEnd);
          const sub = this.toks.slice(b, subEnd);
          this.toks.splice(this.pos, subEnd - this.pos, ...sub, ...sup);
          continue;
        }
      }
      if (isChar(u, '^') && !indices) {
        const a = this.sigIndex(this.pos + 1);
        const first = this.toks[a];
        const isStar = (x: Token | undefined): boolean =>
          isChar(x, '*') || isCmd(x, 'ast') || isCmd(x, 'star');
        if (isStar(first)) {
          this.pos = a + 1;
          name += '*';
          continue;
        }
        if (isChar(first, '{')) {
          const end = skipArgument(this.toks, a);
          const inner = this.toks.slice(a + 1, end - 1);
          if (inner.length === 1 && isStar(inner[0])) {
            this.pos = end;
            name += '*';
            continue;
          }
          // `W^{(\ell)}` is a layer label, part of the name, not a power.
          if (inner.length >= 3 && isChar(inner[0], '(') && isChar(inner[inner.length - 1], ')')) {
            this.pos = end;
            const label = inner.slice(1, -1);
            // `x^{(i)}` inside a sum over i is the i-th sample: an entry, like `x_i`.
            if (
              label.some((x) => (x.kind === 'letter' || x.kind === 'cmd') && this.isIndexName(tokenName(x)))
            ) {
              if (indices)
                fail(
                  `both a subscript and a (label) index a bound variable at column ${u.offset + 1}`,
                  u.offset,
                  'unsupported',
                );
              indices = this.indicesFrom(label);
              continue;
            }
            name += `^{${tokensToName(inner)}}`;
            continue;
          }
        }
      }
      break;
    }
    return indices ? { name, indices } : { name };
  }

  /** `_{ij}` → [i, j]; `_{i,j}` → [i, j]; `_{i+1}` → [i+1]. */
  private indicesFrom(inner: Token[]): MathNode[] {
    const parts: Token[][] = [[]];
    let depth = 0;
    for (const t of inner) {
      if (isChar(t, '{') || isChar(t, '(')) depth++;
      if (isChar(t, '}') || isChar(t, ')')) depth--;
      if (depth === 0 && isChar(t, ',')) parts.push([]);
      else (parts[parts.length - 1] as Token[]).push(t);
    }
    if (
      parts.length === 1 &&
      inner.length > 1 &&
      inner.every((t) => t.kind === 'letter' || (t.kind === 'cmd' && greek[t.value]))
    )
      return inner.map((t) => this.symbolNode(tokenName(t)));
    return parts.map((p) => {
      if (p.length === 0) fail('empty index in a subscript', inner[0]?.offset ?? 0);
      return this.subParser(p).parseWhole();
    });
  }

  /** A variable of differentiation: a symbol, or an entry `z_j` of a vector with a bound index. */
  private readVariable(): MathNode {
    if (isChar(this.peek(), '{')) {
      const open = this.next();
      const v = this.readVariable();
      this.expectChar('}', open);
      return v;
    }
    const atom = this.readSymbolAtom();
    return atom.indices ? fn('entry', [sym(atom.name), ...atom.indices]) : sym(atom.name);
  }

  // ---- calculus, sums, environments -----------------------------------------------------------------

  /** Index after a `d`, `\mathrm{d}` or `\partial` marker at token `i`, or -1. */
  private markerAt(i: number): number {
    const k = this.sigIndex(i);
    const t = this.toks[k];
    if (isCmd(t, 'partial')) return k + 1;
    if (t?.kind === 'letter' && t.value === 'd' && this.ctx.kindOf('d') === undefined) return k + 1;
    if (
      t?.kind === 'cmd' &&
      ['mathrm', 'operatorname', 'text', 'mathit'].includes(t.value) &&
      isChar(this.toks[k + 1], '{') &&
      isChar(this.toks[k + 2], 'd') &&
      isChar(this.toks[k + 3], '}')
    )
      return k + 4;
    return -1;
  }

  private isDerivativeAhead(): boolean {
    const i = this.sigIndex(this.pos);
    if (!isChar(this.toks[i], '{') || this.markerAt(i + 1) < 0) return false;
    const j = this.sigIndex(skipArgument(this.toks, i));
    if (!isChar(this.toks[j], '{')) return false;
    const m = this.markerAt(j + 1);
    if (m < 0) return false;
    const v = this.at(m);
    return (
      v.kind === 'letter' ||
      (v.kind === 'cmd' && (!!greek[v.value] || !!accents[v.value] || !!fonts[v.value])) ||
      isChar(v, '{')
    );
  }

  private parseOrder(owner: Token): number {
    if (!isChar(this.peek(), '^')) return 1;
    this.next();
    const o = this.parseArgument('^');
    const k = isConstant(o) ? Number(o.value) : NaN;
    if (!Number.isInteger(k) || k < 1 || k > 4)
      fail(
        `derivative order at column ${owner.offset + 1} must be a small whole number`,
        owner.offset,
        'unsupported',
      );
    return k;
  }

  private parseFrac(t: Token): MathNode {
    this.next();
    if (this.isDerivativeAhead()) return this.parseDerivative(t);
    const a = this.parseArgument(`\\${t.value}`);
    const b = this.parseArgument(`\\${t.value}`);
    return binary('divide', a, b);
  }

  /** `\frac{d}{dx} f`, `\frac{df}{dx}`, `\frac{\partial^2 f}{\partial x \partial y}`. */
  private parseDerivative(t: Token): MathNode {
    const open = this.next();
    const partial = isCmd(this.at(this.pos), 'partial');
    this.pos = this.markerAt(this.pos);
    const order = this.parseOrder(t);
    let body: MathNode | undefined;
    if (!isChar(this.peek(), '}')) body = this.parseAdditive();
    this.expectChar('}', open);
    const open2 = this.expectChar('{');
    const vars: MathNode[] = [];
    while (!isChar(this.peek(), '}')) {
      const m = this.markerAt(this.pos);
      if (m < 0) unexpected(this.peek(), 'expected d or \\partial in the denominator of a derivative');
      this.pos = m;
      const v = this.readVariable();
      const k = this.parseOrder(t);
      for (let r = 0; r < k; r++) vars.push(v);
    }
    this.expectChar('}', open2);
    if (vars.length !== order)
      fail(
        `derivative at column ${t.offset + 1}: order ${order} above, ${vars.length} below`,
        t.offset,
        'unsupported',
      );
    if (!body) {
      if (!this.startsFactor(this.peek()))
        fail(`nothing to differentiate after the derivative at column ${t.offset + 1}`, t.offset);
      // The operand of d/dx runs over the whole product that follows: d/dx sin x cos x is (sin x cos x)'.
      body = this.parseImplicit(false);
    }
    const evaluatedAt = this.isCallOpen();
    if (
      !partial &&
      isSymbol(body) &&
      this.isFunctionName(body.name) &&
      new Set(vars.map((v) => v.toString())).size === 1
    ) {
      // `\frac{df}{dx}`, `\frac{d^2 f}{dx^2}(x_0)`: the derivative of a one-variable function, at the
      // point in parentheses if one follows (not a product with it).
      if (!evaluatedAt) return fn('derivFn', [body, num(order), vars[0] as MathNode]);
      const args = this.parseCallArgs();
      return fn('derivFn', [body, num(order), ...args]);
    }
    if (evaluatedAt && isSymbol(body) && this.isFunctionName(body.name))
      fail(
        `a partial derivative evaluated at a point, at column ${t.offset + 1}, is not supported`,
        t.offset,
        'unsupported',
      );
    body = this.applyBareFunction(body, vars);
    for (let r = vars.length - 1; r >= 0; r--) body = fn('deriv', [vars[r] as MathNode, body]);
    return body;
  }

  /** `\frac{\partial f}{\partial x}` with f a function symbol means f applied to x. */
  private applyBareFunction(body: MathNode, vars: MathNode[]): MathNode {
    if (!isSymbol(body) || !this.isFunctionName(body.name)) return body;
    const distinct: MathNode[] = [];
    for (const v of vars) if (!distinct.some((d) => d.equals(v))) distinct.push(v);
    return fn('call', [body, ...distinct]);
  }

  private parseSqrt(t: Token): MathNode {
    this.next();
    if (isChar(this.peek(), '[')) {
      const open = this.next();
      const n = this.parseAdditive();
      this.expectChar(']', open);
      return fn('nthRoot', [this.parseArgument('\\sqrt'), n]);
    }
    return fn('sqrt', [this.parseArgument(`\\${t.value}`)]);
  }

  /** `\sum_{i=1}^{n} body`: the body runs to the next `+`/`-` at this level. */
  private parseBigOperator(t: Token): MathNode {
    this.next();
    let v: string | undefined;
    let lo: MathNode | undefined;
    let hi: MathNode | undefined;
    const label = `\\${t.value}`;
    for (let k = 0; k < 2; k++) {
      const u = this.peek();
      if (isChar(u, '_') && !v) {
        this.next();
        const open = this.peek();
        if (!isChar(open, '{'))
          fail(`${label} needs bounds such as ${label}_{i=1}^{n}`, t.offset, 'unsupported');
        this.next();
        v = this.readSymbolAtom().name;
        if (!isChar(this.peek(), '='))
          fail(`${label}_{…} over a set is not supported; write ${label}_{i=1}^{n}`, t.offset, 'unsupported');
        this.next();
        lo = this.parseAdditive();
        this.expectChar('}', open);
      } else if (isChar(u, '^') && !hi) {
        this.next();
        if (this.peek().kind === 'num') this.splitNumber(this.pos);
        hi = this.parseArgument(label);
      }
    }
    if (!v || !lo || !hi) fail(`${label} needs bounds such as ${label}_{i=1}^{n}`, t.offset, 'unsupported');
    if (
      (isConstant(hi) && !Number.isFinite(Number(hi.value))) ||
      (isConstant(lo) && !Number.isFinite(Number(lo.value)))
    )
      fail(`an infinite ${label} cannot be evaluated`, t.offset, 'unsupported');
    if (!this.startsFactor(this.peek()) && !isChar(this.peek(), '-'))
      fail(`${label} at column ${t.offset + 1} has no body`, t.offset);
    this.bound.push(v);
    const body = this.parseMultiplicative();
    this.bound.pop();
    return fn(t.value === 'sum' ? 'sumOver' : 'prodOver', [sym(v), lo, hi, body]);
  }

  /** `\nabla_\theta L(\theta)` → grad(θ, …). */
  private parseNabla(t: Token): MathNode {
    this.next();
    if (isChar(this.peek(), '^'))
      fail('\\nabla^2 (Hessian or Laplacian) is not supported', t.offset, 'unsupported');
    let v: MathNode | undefined;
    if (isChar(this.peek(), '_')) {
      this.next();
      v = this.readVariable();
    }
    if (!this.startsFactor(this.peek()))
      fail(`\\nabla at column ${t.offset + 1} has nothing to differentiate`, t.offset);
    let body = this.parseImplicit(false);
    if (!v) {
      const args = isFunctionNamed(body, 'call') ? body.args.slice(1) : [];
      if (args.length !== 1 || !isSymbol(args[0] as MathNode))
        fail(`\\nabla needs a subscript, \\nabla_x, at column ${t.offset + 1}`, t.offset, 'unsupported');
      v = args[0] as MathNode;
    }
    body = this.applyBareFunction(body, [v]);
    return fn('grad', [v, body]);
  }

  private readEnvironmentName(at: Token): string {
    const open = this.toks[this.pos];
    if (!isChar(open, '{')) fail(`\\${at.value} needs {name} at column ${at.offset + 1}`, at.offset);
    const end = skipArgument(this.toks, this.pos);
    const name = this.toks
      .slice(this.pos + 1, end - 1)
      .map((u) => u.value)
      .join('');
    this.pos = end;
    return name;
  }

  private parseEnvironment(t: Token): MathNode {
    this.next();
    const env = this.readEnvironmentName(t);
    if (env === 'cases' || env === 'dcases' || env === 'rcases') return this.parseCases(t, env);
    if (matrixEnvironments.has(env)) {
      if (env === 'array') this.pos = skipArgument(this.toks, this.sigIndex(this.pos));
      const rows = this.parseRows(t, env, () => this.parseAdditive());
      const width = rows[0]?.length ?? 0;
      if (rows.length === 0 || width === 0) fail(`empty \\begin{${env}}`, t.offset);
      if (rows.some((r) => r.length !== width))
        fail(`rows of \\begin{${env}} at column ${t.offset + 1} have different lengths`, t.offset);
      const m = array(rows.map((r) => array(r)));
      return env === 'vmatrix' ? fn('det', [m]) : env === 'Vmatrix' ? fn('norm', [m]) : m;
    }
    if (layoutEnvironments.has(env))
      fail(`\\begin{${env}} inside an expression at column ${t.offset + 1}`, t.offset, 'unsupported');
    return fail(`unknown environment ${env} at column ${t.offset + 1}`, t.offset);
  }

  /** Rows of `&`-separated cells up to `\end{env}`. */
  private parseRows(t: Token, env: string, cell: (column: number) => MathNode): MathNode[][] {
    const rows: MathNode[][] = [];
    let row: MathNode[] = [];
    for (;;) {
      const u = this.peek();
      if (isCmd(u, 'end')) break;
      if (u.kind === 'eof')
        fail(`missing \\end{${env}} for \\begin{${env}} at column ${t.offset + 1}`, t.offset);
      row.push(cell(row.length));
      const s = this.peek();
      if (isChar(s, '&')) this.next();
      else if (isCmd(s, '\\')) {
        this.next();
        if (isChar(this.peek(), '[')) this.skipBracket();
        rows.push(row);
        row = [];
      } else if (!isCmd(s, 'end')) {
        if (s.kind === 'eof')
          fail(`missing \\end{${env}} for \\begin{${env}} at column ${t.offset + 1}`, t.offset);
        unexpected(s, `in \\begin{${env}}`);
      }
    }
    if (row.length) rows.push(row);
    const end = this.next();
    const name = this.readEnvironmentName(end);
    if (name !== env)
      fail(`\\end{${name}} does not match \\begin{${env}} at column ${t.offset + 1}`, end.offset);
    return rows;
  }

  private skipBracket(): void {
    while (!isChar(this.peek(), ']') && this.peek().kind !== 'eof') this.pos++;
    this.next();
  }

  /** `\begin{cases} v & \text{if } x > 0 \\ w & \text{otherwise} \end{cases}` → piecewise(cond, v, w). */
  private parseCases(t: Token, env: string): MathNode {
    const rows = this.parseRows(t, env, (column) => {
      if (column === 0) {
        const v = this.parseAdditive();
        this.skipPunctuation();
        return v;
      }
      if (column === 1) return this.parseCondition(t);
      return unexpected(this.peek(), 'a case has two columns');
    });
    const args: MathNode[] = [];
    rows.forEach((r, i) => {
      const [value, cond] = r;
      if (!value) return;
      if (!cond) fail(`case ${i + 1} at column ${t.offset + 1} has no condition`, t.offset);
      if (isSymbol(cond) && cond.name === '__otherwise__') {
        if (i !== rows.length - 1) fail(`'otherwise' must be the last case`, t.offset);
        args.push(value);
      } else args.push(cond, value);
    });
    if (args.length === 0) fail(`empty \\begin{${env}}`, t.offset);
    return fn('piecewise', args);
  }

  private skipPunctuation(): void {
    while (isChar(this.peek(), ',') || isChar(this.peek(), '.') || isChar(this.peek(), ';')) this.next();
  }

  /** `\text{if } x > 0`, `x \ge 0`, `0 < x < 1`, `x > 0, y > 0`, `\text{otherwise}`. */
  private parseCondition(t: Token): MathNode {
    const conds: MathNode[] = [];
    for (;;) {
      const u = this.peek();
      if (wordCommands.has(u.value) && u.kind === 'cmd') {
        const w = this.wordAt(this.pos + 1);
        const word = (w?.word ?? '').replace(/[,.:]/g, ' ').trim().toLowerCase();
        if (/^(otherwise|else|elsewhere|o\s*w|for all other.*|in all other cases)$/.test(word)) {
          this.pos = w?.end ?? this.pos + 1;
          this.skipPunctuation();
          if (conds.length) fail(`'otherwise' after a condition at column ${u.offset + 1}`, u.offset);
          return sym('__otherwise__');
        }
        if (/probab/.test(word))
          fail(`'${w?.word}' is probability notation, which sampling cannot check`, u.offset, 'probability');
        if (/^(if|for|when|whenever|and|where|if and only if)$/.test(word) || word === '') {
          this.pos = w?.end ?? this.pos + 1;
          continue;
        }
        fail(
          `condition '${w?.word ?? ''}' at column ${u.offset + 1} is not a comparison`,
          u.offset,
          'unsupported',
        );
      }
      if (isChar(u, ',') || isChar(u, ';') || isChar(u, '.')) {
        this.next();
        continue;
      }
      if (isChar(u, '&') || isCmd(u, '\\') || isCmd(u, 'end') || u.kind === 'eof') break;
      if (isCmd(u, 'land') || isCmd(u, 'wedge')) {
        this.next();
        continue;
      }
      conds.push(this.parseComparisonChain(u));
    }
    if (conds.length === 0) fail(`a case at column ${t.offset + 1} has an empty condition`, t.offset);
    return conds.reduce((a, b) => binary('and', a, b));
  }

  private parseComparisonChain(start: Token): MathNode {
    let left = this.parseAdditive();
    const parts: MathNode[] = [];
    for (;;) {
      const r = this.peek();
      const rel = relationOf(r);
      if (!rel) break;
      const op = comparison[rel];
      if (!op) fail(`${describeToken(r)} in a condition is not supported`, r.offset, 'unsupported');
      this.next();
      const right = this.parseAdditive();
      parts.push(binary(op, left, right));
      left = right;
    }
    if (parts.length === 0) {
      const r = this.peek();
      if (r.kind === 'cmd' && r.value === 'in')
        fail(`a condition with \\in is not supported`, r.offset, 'unsupported');
      fail(`condition at column ${start.offset + 1} is not a comparison`, start.offset, 'unsupported');
    }
    return parts.reduce((a, b) => binary('and', a, b));
  }

  /** `_{ij}` after an expression: `softmax(z)_i`, `(A_\ell)_{ij}`. */
  private parseIndexArgument(): MathNode[] {
    if (this.peek().kind === 'num') this.splitNumber(this.pos);
    const { inner, end } = this.argumentTokens();
    if (inner.length === 0) fail('empty subscript', this.peek().offset);
    this.pos = end;
    return this.indicesFrom(inner);
  }
}

function describeDelimiter(t: Token | undefined): string {
  if (!t) return '';
  return t.kind === 'cmd' ? `\\${t.value}` : t.value;
}

/** A letter's or Greek command's canonical name. */
function tokenName(t: Token): string {
  return t.kind === 'cmd' ? (greek[t.value] ?? `\\${t.value}`) : t.value;
}

/** Puts an accent's combining mark after the base letter, before a subscript: `\hat{x_i}` → `x̂_i`. */
function withMark(name: string, mark: string): string {
  const m = /^(\P{M}\p{M}*)(.*)$/su.exec(name);
  return (m ? `${m[1]}${mark}${m[2]}` : `${name}${mark}`).normalize('NFC');
}

/** Parses tokens (ending with eof) as one expression, never throwing. */
export function parseTokens(
  tokens: Token[],
  ctx: ParseContext,
): { ok: true; node: MathNode } | { ok: false; error: ParseError } {
  const prob = findProbability(tokens, ctx);
  if (prob) return { ok: false, error: prob };
  try {
    return { ok: true, node: new Parser(tokens, ctx).parseWhole() };
  } catch (e) {
    return { ok: false, error: toParseError(e, tokens[0]?.offset ?? 0) };
  }
}

/** The canonical name of the TeX of one symbol, or its tokens' canonical text when it is not one symbol. */
export function readSymbolName(tex: string, ctx: ParseContext): string {
  const tokens = tokenize(tex);
  try {
    const atom = new Parser(tokens.slice(), ctx).readWholeSymbol();
    if (atom && !atom.indices) return atom.name;
  } catch {
    // not a single symbol: fall through to the token text
  }
  return tokensToName(tokens);
}
