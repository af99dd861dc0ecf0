// The LaTeX → mathjs expression parser: precedence climbing with one method per level, in the manner
// of mathjs's own parse.js (additive → multiplicative → unary → implicit product → postfix → primary).
// It never reorders a product, takes the meaning of `f(x)`, `A^{-1}`, `x_i` from the symbol table, and
// reports failures as ParseErrors that name the token and its column. Commands and environments are read
// by the handlers registered in handlers/ (see handlers/registry.ts); symbols by atoms.ts.
import {
  type Atom,
  parseIndexArgument,
  parseSymbolOrCall,
  readApplicationHead,
  readWholeSymbol,
} from './atoms';
import { endsFactors, multiplicativeCommands } from './commands';
import { factorsOf, foldEllipsis, isEllipsis } from './ellipses';
import { endsEntry, foldList, isListDots, isStack, type ListItem } from './lists';
import { Cursor } from './cursor';
import { fail, toParseError, unexpected } from './errors';
import type { ParserApi } from './handlers/api';
import { parseAbs } from './handlers/delimiters';
import { registry } from './handlers';
import type { Registry } from './handlers/registry';
import { tokensToName } from './names';
import { binary, fn, isFunctionNamed, isSymbol, num, paren, unary, type MathNode } from './nodes';
import { conditionalBar, findProbability } from './probability';
import { isEvaluationBarAhead, parseTrailingBar } from './handlers/evaluationBar';
import { describeDelimiter, describeToken, isChar, isCmd, tokenize, type Token } from './tokens';
import type { ParseContext, ParseError } from './types';

export class Parser extends Cursor implements ParserApi {
  /** `commands` reads commands and environments: the registry of handlers/index.ts unless a test says. */
  constructor(
    toks: Token[],
    ctx: ParseContext,
    bound: string[] = [],
    depth = 0,
    readonly commands: Registry = registry,
  ) {
    super(toks, ctx, bound, depth);
  }

  /** Reads one symbol (for canonical names and declarations); undefined when the input is not exactly one. */
  readWholeSymbol(): Atom | undefined {
    return readWholeSymbol(this);
  }

  /** The name `p` when the input is exactly `p(x)` or `c_i(\mathbf{x}, y)`: an application to symbols. */
  readApplicationHead(): string | undefined {
    return readApplicationHead(this);
  }

  /** Parses the whole input as one expression. */
  parseWhole(): MathNode {
    const node = this.parseAdditive();
    const t = this.peek();
    if (t.kind !== 'eof') this.unexpectedHere(t);
    return node;
  }

  subParser(tokens: Token[]): Parser {
    const last = tokens[tokens.length - 1];
    const end = last ? last.end : 0;
    return new Parser(
      [...tokens, { kind: 'eof', value: '', offset: end, end, space: false }],
      this.ctx,
      this.bound,
      this.depth,
      this.commands,
    );
  }

  // ---- precedence levels --------------------------------------------------------------------------

  /** `a + b - c`; `x_1 + x_2 + \cdots + x_n` becomes a Σ over the pattern (ellipses.ts). */
  parseAdditive(): MathNode {
    const start = this.peek();
    this.enter(start);
    const terms: { minus: boolean; node: MathNode }[] = [{ minus: false, node: this.parseMultiplicative() }];
    for (;;) {
      const t = this.peek();
      if (isChar(t, '+')) {
        this.next();
        if (isEllipsis(this.peek())) this.foldSumEllipsis(terms);
        else terms.push({ minus: false, node: this.parseMultiplicative() });
      } else if (isChar(t, '-') || isChar(t, '−')) {
        this.next();
        terms.push({ minus: true, node: this.parseMultiplicative() });
      } else if (isCmd(t, 'pm') || isCmd(t, 'mp') || isChar(t, '±')) {
        fail(
          `${describeToken(t)} (plus or minus) is not supported`,
          t.offset,
          'unsupported',
          describeToken(t),
        );
      } else break;
    }
    this.leave();
    let left = (terms[0] as (typeof terms)[number]).node;
    for (const term of terms.slice(1)) left = binary(term.minus ? 'subtract' : 'add', left, term.node);
    // `… \Big|_{x = a}`: the bar takes the whole expression before it.
    if (isEvaluationBarAhead(this)) left = parseTrailingBar(this, left);
    return left;
  }

  /** `… + \cdots + last`: the trailing added terms and `last` become one Σ term. */
  private foldSumEllipsis(terms: { minus: boolean; node: MathNode }[]): void {
    const dots = this.next();
    if (!isChar(this.peek(), '+'))
      fail(`\\${dots.value} needs a last term after '+'`, dots.offset, 'unsupported', `\\${dots.value}`);
    this.next();
    const last = this.parseMultiplicative();
    let from = terms.length;
    while (from > 0 && !(terms[from - 1] as (typeof terms)[number]).minus) from--;
    const run = terms.splice(from).map((t) => t.node);
    const { kept, node } = foldEllipsis('sum', run, last, dots);
    terms.push(...kept.map((n) => ({ minus: false, node: n })), { minus: false, node });
  }

  /** `a \cdot b`, `a \times b`, `a / b`, `a \odot b`. */
  parseMultiplicative(): MathNode {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      if (isEllipsis(t) || (isCmd(t, 'cdot') && isEllipsis(this.at(this.pos + 1)))) {
        left = this.foldProductEllipsis(left);
      } else if (
        isCmd(t, 'cdot') ||
        isCmd(t, 'times') ||
        isChar(t, '*') ||
        isChar(t, '·') ||
        isChar(t, '×')
      ) {
        this.next();
        left = binary('multiply', left, this.parseUnary());
      } else if (isChar(t, '/') || isCmd(t, 'div') || isChar(t, '÷')) {
        this.next();
        left = binary('divide', left, this.parseUnary());
      } else if (isCmd(t, 'odot') || isChar(t, '⊙')) {
        this.next();
        left = fn('hadamard', [left, this.parseUnary()]);
      } else if (t.kind === 'cmd' && multiplicativeCommands.has(t.value)) {
        fail(`\\${t.value} is not supported`, t.offset, 'unsupported', `\\${t.value}`);
      } else break;
    }
    return left;
  }

  /** `x_1 x_2 \cdots x_n`, `x_1 \cdot x_2 \cdot \cdots \cdot x_n`: the factors of `left` and the last one
   *  become one Π factor. */
  private foldProductEllipsis(left: MathNode): MathNode {
    if (isCmd(this.peek(), 'cdot')) this.next();
    const dots = this.next();
    if (isCmd(this.peek(), 'cdot')) this.next();
    if (!this.startsFactor(this.peek()) || isEllipsis(this.peek()))
      fail(`\\${dots.value} needs a last factor`, dots.offset, 'unsupported', `\\${dots.value}`);
    const { kept, node } = foldEllipsis('prod', factorsOf(left), this.parseUnary(), dots);
    return [...kept, node].reduce((l, r) => binary('multiply', l, r));
  }

  /** A leading sign: `-x y` is -(x y), `-x^2` is -(x²). */
  parseUnary(): MathNode {
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
  parseImplicit(argMode: boolean): MathNode {
    let left = this.parsePostfixed();
    for (;;) {
      const t = this.peek();
      if (!this.startsFactor(t) || isEvaluationBarAhead(this)) break;
      // `X = 1 \textrm{ and } Y = 3` inside P(…): a connective ends the product (the event reads it).
      if (this.connectiveAt(this.pos)) break;
      if (argMode && this.startsFunction(t)) break;
      // `x_1 x_2 \cdots x_n`: the ellipsis is read by parseMultiplicative, with every factor before it.
      if (!argMode && isEllipsis(t)) break;
      left = binary('multiply', left, this.parsePostfixed(), true);
    }
    return left;
  }

  startsFactor(t: Token): boolean {
    if (t.kind === 'num' || t.kind === 'letter') return true;
    if (t.kind === 'char') {
      if (t.value === '|') return this.absDepth === 0;
      return t.value === '(' || t.value === '[' || t.value === '{';
    }
    if (t.kind !== 'cmd') return false;
    if (t.value === '|' || t.value === 'Vert') return this.normDepth === 0;
    if (t.value === 'vert') return this.absDepth === 0;
    if (t.value === '}') return false;
    // `X \not\in [a, b]`: a negated relation, read by the caller.
    if (t.value === 'not' && isCmd(this.at(this.pos + 1), 'in')) return false;
    return !endsFactors(t);
  }

  startsFunction(t: Token): boolean {
    return t.kind === 'cmd' && this.commands.startsFunction(t.value);
  }

  /** A primary followed by its superscripts, subscripts, primes and `!`. */
  parsePostfixed(): MathNode {
    let node = this.parsePrimary();
    let powered = false;
    for (;;) {
      const t = this.peek();
      if (isChar(t, '^')) {
        // TeX itself rejects `x^2^3`; reading it either way would be a guess.
        if (powered) fail(`double superscript: write x^{2^3} or (x^2)^3`, t.offset);
        this.next();
        node = this.parseSuperscript(node, t);
        powered = true;
        continue;
      }
      powered = false;
      if (isChar(t, '_')) {
        this.next();
        node = fn('entry', [node, ...parseIndexArgument(this)]);
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

  /** `^{\top}`, `^T`, `^{-1}`, `^2`: transposes and inverses are recognised before powers. */
  parseSuperscript(base: MathNode, caret: Token): MathNode {
    const t = this.peek();
    if (t.kind === 'eof') fail(`missing superscript after '^'`, caret.offset);
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
  isMatrixish(n: MathNode): boolean {
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
  parseArgument(owner: string): MathNode {
    const t = this.peek();
    if (t.kind === 'eof' || isChar(t, '}') || isChar(t, '&') || isCmd(t, '\\'))
      fail(`${owner} is missing an argument`, t.offset);
    if (isChar(t, '{')) return this.parseBraceGroup();
    if (t.kind === 'num') {
      this.splitNumber(this.pos);
      this.next();
      return num(Number(t.value.length > 1 ? t.value[0] : t.value));
    }
    return this.parsePrimary();
  }

  parseBraceGroup(): MathNode {
    const open = this.next();
    if (isChar(this.peek(), '}')) fail(`empty group {}`, open.offset);
    const saved = [this.absDepth, this.normDepth] as const;
    this.absDepth = 0;
    this.normDepth = 0;
    const node = this.parseAdditive();
    this.expectChar('}', open);
    [this.absDepth, this.normDepth] = saved;
    return node;
  }

  /** Items between `open` (already read) and a closing token, separated by top-level commas. */
  parseList(open: Token, isClose: (t: Token) => boolean, closeName: string): MathNode[] {
    const saved = [this.absDepth, this.normDepth] as const;
    this.absDepth = 0;
    this.normDepth = 0;
    // After \left, the delimiter is the token just read (every caller steps over it).
    const openName = isCmd(open, 'left')
      ? `\\left${describeDelimiter(this.toks[this.pos - 1])}`
      : describeToken(open);
    if (isClose(this.peek())) fail(`empty ${openName} … ${closeName}`, open.offset);
    // `x_1, \ldots, x_n`: an ellipsis as an entry makes the list one vector (lists.ts).
    const written: ListItem[] = [];
    const entry = (): void => {
      const d = this.peek();
      if (isListDots(d)) {
        this.next();
        written.push({ dots: d });
        // `x_1, x_2, \ldots x_n` with the comma after the ellipsis left out.
        if (endsEntry(this.peek(), isClose)) return;
        if (!this.startsFactor(this.peek())) this.unexpectedHere(this.peek());
      }
      written.push({ node: this.parseAdditive() });
    };
    entry();
    while (isChar(this.peek(), ',')) {
      this.next();
      entry();
    }
    const items = written.some((w) => 'dots' in w)
      ? [foldList(written, 0)]
      : written.map((w) => (w as { node: MathNode }).node);
    const t = this.peek();
    if (!isClose(t)) {
      if (t.kind === 'eof') fail(`missing ${closeName} for ${openName}`, open.offset);
      unexpected(t, `expected ${closeName} to close ${openName}`);
    }
    this.next();
    if (isCmd(t, 'right')) this.pos++; // the delimiter after \right, whatever it is
    [this.absDepth, this.normDepth] = saved;
    return items;
  }

  parsePrimary(): MathNode {
    const t = this.peek();
    this.enter(t);
    const node = this.parsePrimaryInner(t);
    this.leave();
    return node;
  }

  parsePrimaryInner(t: Token): MathNode {
    switch (t.kind) {
      case 'num':
        this.next();
        return num(Number(t.value));
      case 'letter':
        return parseSymbolOrCall(this);
      case 'eof':
        return fail(`unexpected end of input: an operand is missing`, t.offset);
      case 'param':
        return fail(`macro parameter #${t.value} outside a macro`, t.offset);
      case 'char':
        break;
      case 'cmd':
        return this.commands.readCommand(this, t);
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
        return parseAbs(this, t, (u) => isChar(u, '|'), "'|'");
      case '∞':
        this.next();
        return num(Infinity);
      default:
        return this.unexpectedHere(t);
    }
  }

  /** The one item of a bracket, as a parenthesised node (brackets group like parentheses). */
  single(items: MathNode[], open: Token): MathNode {
    return paren(this.only(items, open));
  }

  only(items: MathNode[], open: Token): MathNode {
    if (items.length !== 1)
      fail(`a list of ${items.length} values is not an expression`, open.offset, 'unsupported');
    // `(x_1, \ldots, x_n)` is a tuple, a vector; `[x_1, \ldots, x_n]` may be a row and `\{…\}` is a set.
    const delimiter = isCmd(open, 'left') ? this.toks[this.toks.indexOf(open) + 1] : open;
    if (isStack(items[0] as MathNode) && !isChar(delimiter, '('))
      fail(
        `a list written with an ellipsis in ${describeToken(delimiter ?? open)} … is not read as a vector`,
        open.offset,
        'unsupported',
        describeToken(delimiter ?? open),
      );
    return items[0] as MathNode;
  }
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
    const error = toParseError(e, tokens[0]?.offset ?? 0);
    // A `D_{\mathrm{KL}}` the divergence reader did not take is probability notation after all.
    const kl = error.code === 'probability' ? undefined : findProbability(tokens, ctx, true);
    if (kl) return { ok: false, error: kl };
    // `p(y \mid x)` and other conditional bars outside 𝔼 and P: probability notation, not a garbled side.
    return { ok: false, error: error.code === 'probability' ? error : (conditionalBar(tokens) ?? error) };
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
