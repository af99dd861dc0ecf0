// Comparison chains inside conditions: `0 < x < 1` in a case or an indicator becomes `0 < x and x < 1`.
import { fail } from '../errors';
import { binary, fn, num, unary, type MathNode } from '../nodes';
import { comparison, relationOf } from '../relations';
import { describeToken, isChar, isCmd, type Token } from '../tokens';
import type { ParserApi } from './registry';

/** The comparisons `left < b \le c …` that follow `left` at the cursor, one node per relation (`where`
 *  names the construct in the message about a relation that cannot be a comparison). */
export function comparisonsAfter(p: ParserApi, left: MathNode, where: string): MathNode[] {
  const parts: MathNode[] = [];
  const within = membership(p, left);
  if (within) return within;
  for (;;) {
    const r = p.peek();
    const rel = relationOf(r);
    if (!rel) break;
    const op = comparison[rel];
    if (!op) fail(`${describeToken(r)} in ${where} is not supported`, r.offset, 'unsupported');
    p.next();
    const right = p.parseAdditive();
    parts.push(binary(op, left, right));
    left = right;
  }
  return parts;
}

/** `x \in [a, b]`, `X \in (a, b]`, `\in \left[a, b\right)`: membership of an interval, `X \notin [a, b]`
 *  (also `\not\in`) its complement. One `within` node, which refuses a sample where the ends are out of
 *  order: writing [a, b] presumes a ≤ b, as Chebyshev's [μ − ασ, μ + ασ] presumes α ≥ 0. `X \in \mathbb{R}`
 *  is the sure event (`P(X \in \mathbb{R}) = 1`). Undefined, cursor unmoved, when neither follows. */
function membership(p: ParserApi, left: MathNode): MathNode[] | undefined {
  let i = p.pos;
  const negated = isCmd(p.at(i), 'notin') || (isCmd(p.at(i), 'not') && isCmd(p.at(i + 1), 'in'));
  if (isCmd(p.at(i), 'not')) i++;
  if (!negated && !isCmd(p.at(i), 'in')) return undefined;
  i++;
  const reals = negated ? undefined : realLine(p, i);
  if (reals !== undefined) {
    p.pos = reals;
    return [fn('isReal', [left])];
  }
  if (isCmd(p.at(i), 'left')) i++;
  const open = p.at(i);
  if (!isChar(open, '[') && !isChar(open, '(')) return undefined;
  const start = p.pos;
  p.pos = i + 1;
  const lo = p.parseAdditive();
  // `\in [n]` (the set 1…n) is no interval: leave it to the caller's message.
  if (!isChar(p.peek(), ',')) {
    p.pos = start;
    return undefined;
  }
  p.next();
  const hi = p.parseAdditive();
  if (isCmd(p.peek(), 'right')) p.next();
  const close = p.peek();
  if (!isChar(close, ']') && !isChar(close, ')'))
    fail(`expected ] or ) to close the interval, found ${describeToken(close)}`, close.offset);
  p.next();
  const node = fn('within', [left, lo, hi, num(isChar(open, '(') ? 1 : 0), num(isChar(close, ')') ? 1 : 0)]);
  return [negated ? unary('not', node) : node];
}

/** The index after `\mathbb{R}` (or `\mathbb R`) at `i`, or undefined. */
function realLine(p: ParserApi, i: number): number | undefined {
  if (!isCmd(p.at(i), 'mathbb')) return undefined;
  const t = p.at(i + 1);
  if (t?.kind === 'letter' && t.value === 'R') return i + 2;
  const u = p.at(i + 2);
  return isChar(t, '{') && u?.kind === 'letter' && u.value === 'R' && isChar(p.at(i + 3), '}')
    ? i + 4
    : undefined;
}

export function parseComparisonChain(p: ParserApi, start: Token): MathNode {
  const parts = comparisonsAfter(p, p.parseAdditive(), 'a condition');
  if (parts.length === 0) {
    const r = p.peek();
    if (r.kind === 'cmd' && r.value === 'in')
      fail(`a condition with \\in is not supported`, r.offset, 'unsupported');
    fail(`condition is not a comparison`, start.offset, 'unsupported');
  }
  return parts.reduce((a, b) => binary('and', a, b));
}
