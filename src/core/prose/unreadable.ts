// Claims about objects that could not be read: after `A = \begin{bmatrix} w_1 & w_3 & \cdots \end{bmatrix}` fails
// to parse, `A` is not a free symbol but an object the text defined and we could not read. Sampling it as
// if free would refute true steps about it (`(Ax)_j = \sum_i w_i x_{j+i-1}`); such steps are unverifiable.
import type { MathNode } from 'mathjs';
import { parseBlock } from '../latex/index';
import type { Claim, ParseContext } from '../latex/types';

/** Names the block's unreadable claims set out to define: `name = <something that could not be read>`. */
export function unreadDefinitions(claims: readonly Claim[], ctx: ParseContext): string[] {
  const names: string[] = [];
  for (const claim of claims) {
    if (claim.ok) continue;
    const first = claim.steps?.[0];
    if (!first || first.lhsError || !first.rhsError || first.relationTex.replace(/&/g, '').trim() !== '=')
      continue;
    try {
      const [again] = parseBlock(`${first.lhsTex} = 0`, ctx);
      const lhs = again?.ok
        ? (again.steps[0]?.lhs.node as MathNode & { type: string; name?: string })
        : undefined;
      if (lhs?.type === 'SymbolNode' && lhs.name !== undefined) names.push(lhs.name);
    } catch {
      // A left side that does not parse on its own names nothing.
    }
  }
  return names;
}

/** The first name of `unreadable` that the nodes mention, if any. */
export function mentionsUnreadable(
  nodes: readonly MathNode[],
  unreadable: ReadonlySet<string> | undefined,
): string | undefined {
  if (!unreadable?.size) return undefined;
  let found: string | undefined;
  for (const node of nodes)
    node.traverse((n) => {
      const s = n as MathNode & { type: string; name?: string };
      if (found === undefined && s.type === 'SymbolNode' && s.name !== undefined && unreadable.has(s.name))
        found = s.name;
    });
  return found;
}
