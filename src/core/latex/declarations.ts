// Declarations: what the student says a symbol is, one a line in `<!-- let … -->` or as inline prose math.
//   x, y \in \mathbb{R}            A \in \mathbb{R}^{m \times n}, b \in \mathbb{R}^{n}
//   p \in (0, 1)   n \in \{1, \dots, 512\}   \lambda > 0   0 < p < 1   x \in \mathbb{R}_{>0}
//   \sigma(z) = \frac{1}{1 + e^{-z}}   (a function)      a = \frac{1}{\sqrt{n}}   (a definition)
//   i, j \text{ index}             (bound indices: `x_i` then reads as the i-th entry of x)
// ℕ is {1, 2, …} here (sizes and counts); write \mathbb{N}_0 for {0, 1, …}.
import { ConstantNode, type MathNode } from 'mathjs';
import { fail, toParseError } from './errors';
import { expandMacros, findDefinitions, skipArgument } from './macros';
import { Parser } from './parser';
import { relationOf } from './relations';
import { depthDelta, eofAt, significant } from './scan';
import { isChar, isCmd, tokenize, type Token } from './tokens';
import type { Declaration, Domain, MacroDef, ParseContext, ParseError, Relation } from './types';
import { readRandomRow } from './randomDeclarations';

/** Splits tokens at top-level occurrences of `isSep`. */
/** The number a set element denotes: `3`, `-1`, `+1`; NaN for anything else. */
function numberOf(v: MathNode): number {
  const n = v as MathNode & { fn?: string; args?: MathNode[] };
  if ((v as ConstantNode).isConstantNode) return Number((v as ConstantNode).value);
  if (n.type === 'OperatorNode' && n.args?.length === 1 && n.args[0]) {
    if (n.fn === 'unaryMinus') return -numberOf(n.args[0]);
    if (n.fn === 'unaryPlus') return numberOf(n.args[0]);
  }
  if (n.type === 'ParenthesisNode') return numberOf((n as unknown as { content: MathNode }).content);
  return NaN;
}

export function splitTop(tokens: readonly Token[], isSep: (t: Token) => boolean): Token[][] {
  return splitTopSeps(tokens, isSep).parts;
}

/** Like splitTop, and also the separators: `seps[k]` stands between `parts[k]` and `parts[k + 1]`. */
function splitTopSeps(
  tokens: readonly Token[],
  isSep: (t: Token) => boolean,
): { parts: Token[][]; seps: Token[] } {
  const parts: Token[][] = [[]];
  const seps: Token[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (depth === 0 && isSep(t)) {
      parts.push([]);
      seps.push(t);
      continue;
    }
    depth = Math.max(0, depth + depthDelta(t));
    (parts[parts.length - 1] as Token[]).push(t);
  }
  return { parts, seps };
}

/** Where an empty expression is missing, so that its error points at its own line: the separator before it
 *  (`\times`, `,`, `=`), else the one after it, else `fallback`. */
function gapAt(seps: readonly Token[], k: number, fallback: number): number {
  return (seps[k - 1] ?? seps[k])?.offset ?? fallback;
}

/** Parses an expression; an empty one fails at `missingAt` (the token that needed it) with `missing`. */
export function parseExpr(
  tokens: Token[],
  ctx: ParseContext,
  missingAt: number,
  missing = 'missing expression',
): MathNode {
  const sig = significant(tokens);
  if (sig.length === 0) fail(missing, missingAt);
  const last = sig[sig.length - 1] as Token;
  return new Parser([...sig, eofAt(last.end)], ctx).parseWhole();
}

/** "\\times" → "×" for messages about a separator. */
const sepName = (t: Token | undefined): string =>
  !t ? '' : t.kind === 'cmd' ? (t.value === 'times' ? '×' : `\\${t.value}`) : t.value;

/** The canonical names of a comma-separated list of symbols, or undefined if it is not one. */
export function readNames(tokens: Token[], ctx: ParseContext): string[] | undefined {
  const names: string[] = [];
  for (const part of splitTop(tokens, (t) => isChar(t, ','))) {
    const sig = significant(part);
    if (sig.length === 0) return undefined;
    const last = sig[sig.length - 1] as Token;
    try {
      const atom = new Parser([...sig, eofAt(last.end)], ctx).readWholeSymbol();
      if (!atom || atom.indices) return undefined;
      names.push(atom.name);
    } catch {
      return undefined;
    }
  }
  return names;
}

/** No free symbols: `0`, `\frac{1}{2}`, `-\infty` (function names are not arguments). */
const isNumberConstant = (n: MathNode): boolean =>
  n.filter((c) => (c as { isSymbolNode?: boolean }).isSymbolNode === true).length === 0;

function isInfinity(n: MathNode): 'pos' | 'neg' | undefined {
  const c = n as ConstantNode & { fn?: string; args?: MathNode[] };
  if (c.isConstantNode && c.value === Infinity) return 'pos';
  if (c.fn === 'unaryMinus' && c.args?.[0] && isInfinity(c.args[0]) === 'pos') return 'neg';
  return undefined;
}

/** The font letter of `\mathbb{R}`, `\mathbb R`, `ℝ`, or undefined. */
function blackboardAt(tokens: readonly Token[], i: number): { letter: string; end: number } | undefined {
  const t = tokens[i];
  const direct: Record<string, string> = { ℝ: 'R', ℕ: 'N', ℤ: 'Z', ℚ: 'Q' };
  if (t && t.kind === 'char' && direct[t.value]) return { letter: direct[t.value] as string, end: i + 1 };
  if (isCmd(t, 'R') || isCmd(t, 'reals') || isCmd(t, 'Reals')) return { letter: 'R', end: i + 1 };
  if (isCmd(t, 'N') || isCmd(t, 'naturals')) return { letter: 'N', end: i + 1 };
  if (isCmd(t, 'Z') || isCmd(t, 'integers')) return { letter: 'Z', end: i + 1 };
  if (!isCmd(t, 'mathbb') && !isCmd(t, 'mathbf') && !isCmd(t, 'Bbb')) return undefined;
  const end = skipArgument(tokens, i + 1);
  const inner = isChar(tokens[i + 1], '{') ? tokens.slice(i + 2, end - 1) : tokens.slice(i + 1, end);
  if (inner.length !== 1 || inner[0]?.kind !== 'letter') return undefined;
  return { letter: inner[0].value, end };
}

/** The tokens of the argument at `i` (a group's content or one token) and the index after it. */
function argumentAt(tokens: readonly Token[], i: number): { inner: Token[]; end: number } {
  const end = skipArgument(tokens, i);
  const inner = isChar(tokens[i], '{') ? tokens.slice(i + 1, end - 1) : tokens.slice(i, end);
  return { inner, end };
}

/** `^{m \times n}` or `^n`: the shape of vectors and matrices. */
function readShape(tokens: Token[], i: number, ctx: ParseContext): { shape: MathNode[]; end: number } {
  if (!isChar(tokens[i], '^')) return { shape: [], end: i };
  const { inner, end } = argumentAt(tokens, i + 1);
  const { parts: dims, seps } = splitTopSeps(
    inner,
    (t) => isCmd(t, 'times') || isChar(t, '×') || isChar(t, ','),
  );
  if (dims.length > 2)
    fail(
      'only vectors and matrices are supported (at most two dimensions)',
      tokens[i]?.offset ?? 0,
      'unsupported',
    );
  const hat = tokens[i] as Token;
  const missing = (k: number): string =>
    seps.length === 0
      ? 'missing size after ^'
      : `missing size ${k > 0 ? 'after' : 'before'} ${sepName(seps[k - 1] ?? seps[k])}`;
  return { shape: dims.map((d, k) => parseExpr(d, ctx, gapAt(seps, k, hat.offset), missing(k))), end };
}

/** Reads a domain: ℝ (with sign or shape), ℕ, ℤ, an interval, or `\{1, \dots, n\}`; `inAt` is where the
 *  `\in` stands, for the error when the domain is missing. */
export function readDomain(tokens: Token[], ctx: ParseContext, inAt?: number): Domain {
  const toks = significant(tokens);
  const first = toks[0];
  if (!first) fail('missing domain after \\in', tokens[0]?.offset ?? inAt ?? 0);
  const bb = blackboardAt(toks, 0);
  if (bb) {
    if (bb.letter !== 'R' && bb.letter !== 'N' && bb.letter !== 'Z')
      fail(`domain \\mathbb{${bb.letter}} is not supported (use ℝ, ℕ, ℤ)`, first.offset, 'unsupported');
    const domain: Domain = {
      field: bb.letter === 'R' ? 'real' : 'integer',
      loOpen: false,
      hiOpen: false,
      shape: [],
    };
    if (bb.letter === 'N') domain.lo = new ConstantNode(1);
    let i = bb.end;
    for (let round = 0; round < 2; round++) {
      if (isChar(toks[i], '_')) {
        const { inner, end } = argumentAt(toks, i + 1);
        const sig = inner.map((t) => (t.kind === 'cmd' ? `\\${t.value}` : t.value)).join('');
        // ℝ_+ is [0, ∞) and ℝ_{>0} is (0, ∞); ℤ_+ and ℕ_* start at 1, ℕ_0 at 0.
        const sign: Record<string, ['lo' | 'hi', boolean]> = {
          '+': ['lo', false],
          '>0': ['lo', true],
          '\\geq0': ['lo', false],
          '\\ge0': ['lo', false],
          '≥0': ['lo', false],
          '0': ['lo', false],
          '++': ['lo', true],
          '*': ['lo', true],
          '\\ast': ['lo', true],
          '-': ['hi', false],
          '<0': ['hi', true],
          '\\leq0': ['hi', false],
          '\\le0': ['hi', false],
        };
        const s = sign[sig];
        const at = toks[i] as Token;
        if (!s) fail(`unknown subscript on the domain`, at.offset, 'unsupported');
        const [side, open] = s;
        if (domain.field === 'integer' && side === 'lo' && open) {
          domain.lo = new ConstantNode(1);
          domain.loOpen = false;
        } else if (domain.field === 'integer' && sig === '+') {
          domain.lo = new ConstantNode(1);
        } else if (side === 'lo') {
          domain.lo = new ConstantNode(0);
          domain.loOpen = open;
        } else {
          domain.hi = new ConstantNode(0);
          domain.hiOpen = open;
        }
        i = end;
        continue;
      }
      if (isChar(toks[i], '^')) {
        const r = readShape(toks, i, ctx);
        domain.shape = r.shape;
        i = r.end;
        continue;
      }
    }
    if (i < toks.length)
      fail(`unexpected ${(toks[i] as Token).value} in the domain`, (toks[i] as Token).offset);
    return domain;
  }
  // `\{1, \dots, n\}`: a range of integers.
  const setOpen =
    isCmd(first, '{') || isCmd(first, 'lbrace') || (isCmd(first, 'left') && isCmd(toks[1], '{'));
  if (setOpen) {
    const startAt = isCmd(first, 'left') ? 2 : 1;
    let depth = 0;
    let close = -1;
    for (let k = startAt; k < toks.length; k++) {
      const t = toks[k] as Token;
      if (depth === 0 && (isCmd(t, '}') || isCmd(t, 'rbrace') || isCmd(t, 'right'))) {
        close = k;
        break;
      }
      depth = Math.max(0, depth + depthDelta(t));
    }
    if (close < 0) fail('missing \\} to close the set', first.offset);
    const { parts: items, seps: commas } = splitTopSeps(toks.slice(startAt, close), (t) => isChar(t, ','));
    const isDots = (p: Token[]): boolean => {
      const s = significant(p);
      return s.length === 1 && s[0]?.kind === 'cmd' && ['dots', 'ldots', 'cdots'].includes(s[0].value);
    };
    const values = items
      .map((p, k) =>
        isDots(p)
          ? undefined
          : parseExpr(p, ctx, gapAt(commas, k, first.offset), 'missing element in the set'),
      )
      .filter((v): v is MathNode => v !== undefined);
    const dots = items.some(isDots);
    if (values.length < 2) fail('a set needs at least two elements', first.offset, 'unsupported');
    const nums = values.map(numberOf);
    const consecutive = nums.every(
      (v, k) => Number.isInteger(v) && (k === 0 || v === (nums[k - 1] as number) + 1),
    );
    // `\{-1, +1\}`, `\{0.5, 2\}`: a finite set of numbers, sampled by its elements.
    const finite = !dots && !consecutive && nums.every(Number.isFinite);
    if (!dots && !consecutive && !finite)
      fail(
        'only sets of consecutive integers, like \\{1, \\dots, n\\}, are supported',
        first.offset,
        'unsupported',
      );
    let end = close + 1;
    if (isCmd(toks[close], 'right')) end++;
    const shape = readShape(toks, end, ctx);
    if (shape.end < toks.length) fail('unexpected text after the set', (toks[shape.end] as Token).offset);
    if (finite) {
      const order = values.map((v, k) => ({ v, x: nums[k] as number })).sort((a, b) => a.x - b.x);
      return {
        field: nums.every(Number.isInteger) ? 'integer' : 'real',
        lo: (order[0] as { v: MathNode }).v,
        hi: (order[order.length - 1] as { v: MathNode }).v,
        loOpen: false,
        hiOpen: false,
        shape: shape.shape,
        values,
      };
    }
    return {
      field: 'integer',
      lo: values[0] as MathNode,
      hi: values[values.length - 1] as MathNode,
      loOpen: false,
      hiOpen: false,
      shape: shape.shape,
    };
  }
  // Intervals: (a, b), [a, b], (a, b], ]a, b[ …
  let i = 0;
  const left = isCmd(first, 'left');
  if (left) i++;
  const open = toks[i];
  if (isChar(open, '(') || isChar(open, '[') || isChar(open, ']')) {
    const loOpen = !isChar(open, '[');
    let depth = 0;
    let close = -1;
    const parts: Token[][] = [[]];
    let comma: Token | undefined;
    for (let k = i + 1; k < toks.length; k++) {
      const t = toks[k] as Token;
      if (depth === 0 && (isChar(t, ')') || isChar(t, ']') || isChar(t, '[') || isCmd(t, 'right'))) {
        close = k;
        break;
      }
      if (depth === 0 && isChar(t, ',')) {
        parts.push([]);
        comma = t;
        continue;
      }
      depth = Math.max(0, depth + depthDelta(t));
      (parts[parts.length - 1] as Token[]).push(t);
    }
    if (close < 0 || parts.length !== 2)
      fail('an interval is written (a, b), [a, b], (a, b] or [a, b)', open!.offset);
    const closeTok = isCmd(toks[close], 'right') ? toks[close + 1] : toks[close];
    const hiOpen = !isChar(closeTok, ']');
    const at = comma?.offset ?? open!.offset;
    const lo = parseExpr(parts[0] as Token[], ctx, at, 'missing lower end of the interval');
    const hi = parseExpr(parts[1] as Token[], ctx, at, 'missing upper end of the interval');
    const domain: Domain = { field: 'real', loOpen, hiOpen, shape: [] };
    if (isInfinity(lo) !== 'neg') domain.lo = lo;
    if (isInfinity(hi) !== 'pos') domain.hi = hi;
    let end = close + 1;
    if (isCmd(toks[close], 'right')) end++;
    const shape = readShape(toks, end, ctx);
    domain.shape = shape.shape;
    if (shape.end < toks.length)
      fail('unexpected text after the interval', (toks[shape.end] as Token).offset);
    return domain;
  }
  return fail(`unknown domain`, first.offset, 'unsupported');
}

type Piece = Token[];

interface Options {
  strict?: boolean;
}

const lowerRelations: ReadonlySet<Relation> = new Set(['<', '\\le']);
const upperRelations: ReadonlySet<Relation> = new Set(['>', '\\ge']);

/** `λ > 0`, `0 < p < 1`, `x, y \ge 0`, `p \le 1`: a real domain with bounds. */
function readInequality(
  parts: Token[][],
  rels: Relation[],
  relToks: Token[],
  ctx: ParseContext,
  strict: boolean,
): { names: string[]; domain: Domain } | undefined {
  const domain: Domain = { field: 'real', loOpen: false, hiOpen: false, shape: [] };
  const setBound = (side: 'lo' | 'hi', node: MathNode, open: boolean): void => {
    if (strict && !isNumberConstant(node)) throw new Error('not constant');
    if (side === 'lo') {
      domain.lo = node;
      domain.loOpen = open;
    } else {
      domain.hi = node;
      domain.hiOpen = open;
    }
  };
  if (rels.some((r) => !lowerRelations.has(r) && !upperRelations.has(r))) return undefined;
  const at = (k: number): number => relToks[k]?.offset ?? 0;
  const missing = (side: 'before' | 'after', k: number): string =>
    `missing expression ${side} ${relToks[k]?.kind === 'cmd' ? '\\' : ''}${relToks[k]?.value ?? ''}`;
  if (parts.length === 2) {
    const [a, b] = parts as [Token[], Token[]];
    const rel = rels[0] as Relation;
    const open = rel === '<' || rel === '>';
    const namesA = readNames(a, ctx);
    if (namesA) {
      setBound(lowerRelations.has(rel) ? 'hi' : 'lo', parseExpr(b, ctx, at(0), missing('after', 0)), open);
      return { names: namesA, domain };
    }
    const namesB = readNames(b, ctx);
    if (namesB) {
      setBound(lowerRelations.has(rel) ? 'lo' : 'hi', parseExpr(a, ctx, at(0), missing('before', 0)), open);
      return { names: namesB, domain };
    }
    return undefined;
  }
  if (parts.length === 3) {
    const [a, b, c] = parts as [Token[], Token[], Token[]];
    const [r1, r2] = rels as [Relation, Relation];
    const names = readNames(b, ctx);
    if (!names) return undefined;
    const ascending = lowerRelations.has(r1) && lowerRelations.has(r2);
    const descending = upperRelations.has(r1) && upperRelations.has(r2);
    if (!ascending && !descending) return undefined;
    const [loT, hiT, loRel, hiRel] = ascending ? [a, c, r1, r2] : [c, a, r2, r1];
    const [loK, hiK] = ascending ? [0, 1] : [1, 0];
    const loSide = loK === 0 ? 'before' : 'after';
    const hiSide = hiK === 0 ? 'before' : 'after';
    setBound('lo', parseExpr(loT, ctx, at(loK), missing(loSide, loK)), loRel === '<' || loRel === '>');
    setBound('hi', parseExpr(hiT, ctx, at(hiK), missing(hiSide, hiK)), hiRel === '<' || hiRel === '>');
    return { names, domain };
  }
  return undefined;
}

/** One piece of a line (`A \in \mathbb{R}^{n\times n}`); `pending` holds names listed before it (`x, y \in`). */
function readPiece(
  piece: Piece,
  pending: string[],
  ctx: ParseContext,
  strict: boolean,
): Declaration | 'names' | undefined {
  const toks = significant(piece);
  const first = toks[0];
  if (!first) return undefined;
  const offset = first.offset;
  // `i, j \text{ index}`
  const textIdx = toks.findIndex((t) => isCmd(t, 'text') || isCmd(t, 'mathrm') || isCmd(t, 'textrm'));
  if (textIdx > 0 && skipArgument(toks, textIdx + 1) === toks.length) {
    const word = toks
      .slice(textIdx + 2, toks.length - 1)
      .map((t) => t.value)
      .join('')
      .trim();
    if (word === 'index' || word === 'indices') {
      const names = readNames(toks.slice(0, textIdx), ctx);
      if (!names) fail('expected symbols before \\text{ index}', offset);
      return { kind: 'index', names: [...pending, ...names], offset };
    }
  }
  // `f: \mathbb{R} \to \mathbb{R}` names a map but says nothing we can sample.
  if (
    toks.some((t) => isCmd(t, 'to') || isCmd(t, 'rightarrow')) &&
    toks.some((t) => isChar(t, ':') || isCmd(t, 'colon'))
  )
    fail(`a signature f: A → B defines nothing; write f(x) = … instead`, offset, 'unsupported');
  // `x \in D`
  const inAt = toks.findIndex((t) => isCmd(t, 'in') || isChar(t, '∈'));
  if (inAt >= 0) {
    const names = readNames(toks.slice(0, inAt), ctx);
    if (!names) fail(`expected symbols before \\in`, offset);
    return {
      kind: 'domain',
      names: [...pending, ...names],
      domain: readDomain(toks.slice(inAt + 1), ctx, (toks[inAt] as Token).offset),
      offset,
    };
  }
  // relations at top level
  const parts: Token[][] = [[]];
  const rels: Relation[] = [];
  const relToks: Token[] = [];
  let depth = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k] as Token;
    const rel = depth === 0 ? (isChar(t, ':') && isChar(toks[k + 1], '=') ? '=' : relationOf(t)) : undefined;
    if (rel) {
      rels.push(rel);
      relToks.push(t);
      parts.push([]);
      if (isChar(t, ':')) k++;
      continue;
    }
    depth = Math.max(0, depth + depthDelta(t));
    (parts[parts.length - 1] as Token[]).push(t);
  }
  if (rels.length === 0) {
    if (readNames(toks, ctx)) return 'names';
    if (strict) return undefined;
    fail(`not a declaration (expected \\in, an inequality or =)`, offset);
  }
  if (rels.length === 1 && rels[0] === '=') {
    if (strict) return undefined;
    const [lhs, rhs] = parts as [Token[], Token[]];
    const eqAt = (relToks[0] as Token).offset;
    const l = significant(lhs);
    // `f(x, y) = body`: a function
    const parenAt = l.findIndex((t) => isChar(t, '(') || isCmd(t, 'left'));
    if (
      parenAt > 0 &&
      (isChar(l[l.length - 1], ')') || isChar(l[l.length - 1], '.') || isChar(l[l.length - 1], ')'))
    ) {
      const nameToks = l.slice(0, parenAt);
      const names = readNames(nameToks, ctx);
      const inner = isCmd(l[parenAt], 'left') ? l.slice(parenAt + 2, -2) : l.slice(parenAt + 1, -1);
      const params = readNames(inner, ctx);
      if (names?.length === 1 && params) {
        const fname = names[0] as string;
        const kinds = (n: string): ReturnType<ParseContext['kindOf']> =>
          params.includes(n) ? 'scalar' : n === fname ? 'function' : ctx.kindOf(n);
        const body = parseExpr(rhs, { kindOf: kinds, macros: ctx.macros }, eqAt, `missing body after =`);
        return { kind: 'function', name: fname, params, body, offset };
      }
    }
    const names = readNames(lhs, ctx);
    if (names?.length === 1)
      return {
        kind: 'definition',
        name: names[0] as string,
        body: parseExpr(rhs, ctx, eqAt, 'missing expression after ='),
        offset,
      };
    return fail(`the left side of = is not a symbol or f(x)`, offset);
  }
  if (pending.length && parts.length === 2 && rels.every((r) => r !== '=')) {
    // `x, y > 0` arrives as pieces "x" and "y > 0".
    const r = readInequality(parts, rels, relToks, ctx, strict);
    if (r) return { kind: 'domain', names: [...pending, ...r.names], domain: r.domain, offset };
  }
  try {
    const r = readInequality(parts, rels, relToks, ctx, strict);
    if (r) return { kind: 'domain', names: r.names, domain: r.domain, offset };
  } catch (e) {
    if (strict) return undefined;
    throw e;
  }
  if (strict) return undefined;
  return fail(`not a declaration`, offset);
}

/** Keeps an error on the line it belongs to: one placed outside `[from, to]` (a fallback offset) moves to
 *  `at`, the start of the offending piece. */
function onLine(error: ParseError, from: number, to: number, at: number): ParseError {
  return error.offset >= from && error.offset <= to ? error : { ...error, offset: at };
}

/** Reads declarations, one a line (several on a line separated by commas). In `strict` mode, for inline prose
 *  math, anything that is not clearly a declaration yields nothing and no error. Never throws. */
export function parseDeclarations(
  tex: string,
  ctx: ParseContext,
  opts: Options = {},
): { declarations: Declaration[]; errors: ParseError[] } {
  const strict = opts.strict === true;
  const declarations: Declaration[] = [];
  const errors: ParseError[] = [];
  let raw: Token[];
  let macros: ReadonlyMap<string, MacroDef> = ctx.macros;
  try {
    raw = tokenize(tex);
    const defs = findDefinitions(tex, raw);
    if (defs.length) {
      const merged = new Map(ctx.macros);
      for (const d of defs) merged.set(d.name, d.def);
      macros = merged;
    }
  } catch (e) {
    return { declarations, errors: strict ? [] : [toParseError(e)] };
  }
  const local: ParseContext = { kindOf: ctx.kindOf, macros };
  // Lines: split the TeX at newlines (and at `\\`), keeping token offsets.
  let lineStart = 0;
  const lines: [number, number][] = [];
  for (let k = 0; k <= tex.length; k++) {
    if (k === tex.length || tex[k] === '\n') {
      lines.push([lineStart, k]);
      lineStart = k + 1;
    }
  }
  const pieceAt = (piece: Token[]): number => significant(piece)[0]?.offset ?? 0;
  let cursor = 0;
  for (const [a, b] of lines) {
    // Tokens are in offset order: walk them once instead of filtering the whole list for every line.
    while (cursor < raw.length && (raw[cursor] as Token).offset < a) cursor++;
    const from = cursor;
    while (cursor < raw.length && (raw[cursor] as Token).end <= b && (raw[cursor] as Token).kind !== 'eof')
      cursor++;
    let lineTokens = raw.slice(from, cursor);
    const defs = findDefinitions(tex, lineTokens);
    if (defs.length) continue; // a macro definition line
    try {
      lineTokens = expandMacros([...lineTokens, eofAt(b)], macros).filter((t) => t.kind !== 'eof');
    } catch (e) {
      if (!strict) errors.push(toParseError(e, a));
      continue;
    }
    const rows = splitTop(lineTokens, (t) => isCmd(t, '\\'));
    for (const row of rows) {
      const sig = significant(row);
      while (sig.length && (isChar(sig[sig.length - 1], '.') || isChar(sig[sig.length - 1], ';'))) sig.pop();
      if (sig.length === 0) continue;
      // `X \sim \mathcal{N}(0, 1)`, `X_1, \dots, X_n \overset{iid}{\sim} …`, `X \perp Y`: a row of their own.
      try {
        const random = readRandomRow(sig, local, strict);
        if (random) {
          declarations.push(...random);
          continue;
        }
      } catch (e) {
        if (!strict) errors.push(onLine(toParseError(e, pieceAt(sig)), a, b, pieceAt(sig)));
        continue;
      }
      const pieces = splitTop(sig, (t) => isChar(t, ',') || isChar(t, ';'));
      let pending: string[] = [];
      const found: Declaration[] = [];
      let bad = false;
      for (const piece of pieces) {
        if (significant(piece).length === 0) continue;
        try {
          const r = readPiece(piece, pending, local, strict);
          if (r === 'names') {
            pending = pending.concat(readNames(piece, local) ?? []);
            continue;
          }
          pending = [];
          if (r) found.push(r);
          else if (strict) bad = true;
        } catch (e) {
          if (strict) bad = true;
          else errors.push(onLine(toParseError(e, pieceAt(piece)), a, b, pieceAt(piece)));
        }
      }
      if (pending.length && !strict) {
        const at = sig[0] as Token;
        errors.push({
          message: `symbols ${pending.join(', ')} are listed without a domain`,
          offset: at.offset,
          code: 'syntax',
        });
      }
      if (strict && bad) continue;
      declarations.push(...found);
    }
  }
  return { declarations, errors };
}
