// Reading what a declaration says a symbol is: domains (ℝ with a sign or a shape, ℕ, ℤ, intervals,
// `\{1, \dots, n\}`), lists of names, and the top-level splitting of declaration tokens.
import { ConstantNode, type MathNode } from 'mathjs';
import { fail } from './errors';
import { skipArgument } from './macros';
import { Parser } from './parser';
import { depthDelta, eofAt, significant } from './scan';
import { isChar, isCmd, type Token } from './tokens';
import type { Domain, ParseContext } from './types';

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

/** Splits tokens at top-level occurrences of `isSep`. */
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
export const isNumberConstant = (n: MathNode): boolean =>
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

// A subscript on ℝ, ℤ or ℕ: which end it bounds, and whether that end is open. ℝ_+ is [0, ∞) and ℝ_{>0}
// is (0, ∞); ℤ_+ and ℕ_* start at 1, ℕ_0 at 0. A Map, so a subscript such as `constructor` finds nothing.
const domainSubscripts = new Map<string, ['lo' | 'hi', boolean]>(
  Object.entries({
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
  }),
);

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
        const s = domainSubscripts.get(sig);
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
