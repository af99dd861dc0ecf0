// Steps of calculus read before they are sampled: an indefinite integral is checked by differentiating
// the other side, and a relation that only one side's unknown function appears in is a statement about a
// particular function.
import type { Why } from './reasons';
import { OperatorNode, type MathNode } from 'mathjs';
import { fn, isFunctionNamed } from '../latex/nodes';
import type { StepInput } from './step';

/**
 * `\int g(x)\,dx = G(x) + C` is checked as g(x) = d/dx (G(x) + C): an indefinite integral is only ever
 * a side of such an equation, and differentiating the other side is exact where integrating is not.
 */
export function antiderivativeStep(step: StepInput): StepInput {
  if (step.relation !== '=') return step;
  const [int, other, flipped] = isFunctionNamed(step.lhs, 'antiderivative')
    ? [step.lhs, step.rhs, false]
    : isFunctionNamed(step.rhs, 'antiderivative')
      ? [step.rhs, step.lhs, true]
      : [undefined, undefined, false];
  if (!int || !other) return step;
  const [x, g] = int.args as [MathNode, MathNode];
  // The constant of integration (`+ C`) differentiates to zero: dropped, so it is not a lone symbol.
  const o = other as MathNode & { type: string; fn?: string; args?: MathNode[] };
  const last = o.type === 'OperatorNode' && o.fn === 'add' ? o.args?.[o.args.length - 1] : undefined;
  const constant = last && (last as { name?: string }).name;
  const antiderivative =
    last && (constant === 'C' || constant === 'c' || constant === 'K')
      ? (o.args?.length ?? 0) > 2
        ? new OperatorNode('+', 'add', (o.args ?? []).slice(0, -1))
        : (o.args?.[0] as MathNode)
      : other;
  const derivative = fn('deriv', [x, antiderivative]);
  return { ...step, lhs: flipped ? derivative : g, rhs: flipped ? g : derivative };
}

/**
 * `f'(x) = 3` or `c_i(x) \le 0` with f, c_i defined nowhere: a relation about an unknown function that
 * only one side mentions is a statement about a particular function (defined in prose, a definition or a
 * constraint), not something every function satisfies. Refuting it would accuse a correct text. A
 * function with stated traits ("a convex function f") is any function of that class, so a lone mention
 * of it (`\lim_{ε → 0} (f(x+ε) + f(x-ε) - 2f(x))/ε^2 \ge 0`) is a claim about the whole class.
 */
export function loneUnknownFunction(
  left: ReadonlySet<string>,
  right: ReadonlySet<string>,
  hasTraits: (name: string) => boolean = () => false,
): Why | undefined {
  for (const [here, there, side] of [
    [left, right, 'left'],
    [right, left, 'right'],
  ] as const) {
    for (const f of here) {
      if (!there.has(f) && !hasTraits(f)) return { why: 'lone-function', name: f, side };
    }
  }
  return undefined;
}
