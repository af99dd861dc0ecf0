// Comparison chains inside conditions: `0 < x < 1` in a case or an indicator becomes `0 < x and x < 1`.
import { fail } from '../errors';
import { binary, type MathNode } from '../nodes';
import { comparison, relationOf } from '../relations';
import { describeToken, type Token } from '../tokens';
import type { ParserApi } from './registry';

/** The comparisons `left < b \le c …` that follow `left` at the cursor, one node per relation (`where`
 *  names the construct in the message about a relation that cannot be a comparison). */
export function comparisonsAfter(p: ParserApi, left: MathNode, where: string): MathNode[] {
  const parts: MathNode[] = [];
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
