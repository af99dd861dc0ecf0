// `0 = \frac{d}{d\theta} P(X \mid \theta) = \frac{d}{d\theta} \theta^9(1-\theta)^4 = …`: a chain that starts
// with `0 =` sets an expression to zero and then works it out. Its first relation is the equation to solve
// ("the values of θ where the derivative is zero"), true at the solutions only; the relations after it are
// the working and stay claims. Only the first step of a chain of two or more is read so: a lone `0 = f(x)`
// keeps its verdict, as does a chain that ends in `= 0`.
import type { Claim } from '../latex/types';

type Step = Extract<Claim, { ok: true }>['steps'][number];
type Node = { type: string; value?: unknown; content?: Node };

function isZero(node: unknown): boolean {
  const n = node as Node;
  if (n.type === 'ParenthesisNode' && n.content) return isZero(n.content);
  return n.type === 'ConstantNode' && n.value === 0;
}

/** Whether `step` is the `0 = …` that opens a chain of several steps. */
export function setsToZero(claim: Claim, step: Step): boolean {
  return (
    claim.ok &&
    claim.steps.length > 1 &&
    claim.steps[0] === step &&
    step.relation === '=' &&
    isZero(step.lhs.node)
  );
}
