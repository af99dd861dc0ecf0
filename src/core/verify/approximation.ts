// `\approx` with a small quantity (ε, δ, h, η, a Δ…) is a claim about ε → 0, not about ε = 1: at each
// sample the small symbols are shrunk together along ε, ε/2, ε/4, … and the order of the gap lhs − rhs
// is fitted (calculus/asymptotic.ts). The order the right side keeps is read from its tree: the highest
// power of the small symbols it is written with.
import type { MathNode } from 'mathjs';
import { checkAsymptotic, type Asymptotic } from '../calculus/asymptotic';
import type { Env, Evaluator } from './env';
import { sub } from './ops';
import { maxAbs } from './stencil';
import { Eye, Mat, type Value } from './value';

/** Names conventionally standing for small quantities. */
const smallName = /^(?:ϵ|ε|δ|η|h|Δ.*)(?:_.*)?$/u;

/** Whether `name` reads as a small quantity. */
export function isSmallName(name: string): boolean {
  return smallName.test(name);
}

type Tree = MathNode & {
  type: string;
  name?: string;
  args?: Tree[];
  fn?: unknown;
  content?: Tree;
  value?: unknown;
};

/** Orders in the small symbols: the lowest present, and the order up to which the expression is written. */
interface Orders {
  low: number;
  top: number;
}

/** The order up to which `node` is written in the small symbols (NaN when it cannot be told): the highest
 *  order of a term of a sum, and for a product the least order its truncated factors leave exact, so that
 *  `(g + εg')(h + εh')` is first order while `1 - h^2` keeps order 2. */
export function keptOrder(node: MathNode, small: ReadonlySet<string>): number {
  return orders(node as Tree, small).top;
}

function orders(n: Tree, small: ReadonlySet<string>): Orders {
  const none = { low: NaN, top: NaN };
  switch (n.type) {
    case 'SymbolNode':
      return small.has(n.name as string) ? { low: 1, top: 1 } : { low: 0, top: 0 };
    case 'ConstantNode':
      return { low: 0, top: 0 };
    case 'ParenthesisNode':
      return orders(n.content as Tree, small);
    case 'OperatorNode': {
      const args = (n.args ?? []).map((a) => orders(a, small));
      const [a, b] = args;
      if (!a) return none;
      switch (n.fn) {
        case 'add':
        case 'subtract':
          return {
            low: Math.min(...args.map((x) => x.low)),
            top: Math.max(...args.map((x) => x.top)),
          };
        case 'unaryMinus':
        case 'unaryPlus':
          return a;
        case 'multiply': {
          const low = args.reduce((s, x) => s + x.low, 0);
          const top = Math.min(...args.map((x) => x.top + low - x.low));
          return { low, top };
        }
        case 'divide':
          if (!b) return none;
          return { low: a.low - b.low, top: Math.min(a.top - b.low, a.low + b.top - 2 * b.low) };
        case 'pow': {
          const e = n.args?.[1];
          const k = e?.type === 'ConstantNode' ? Number(e.value) : NaN;
          if (!b || b.top !== 0 || !Number.isInteger(k)) return a.top === 0 && b?.top === 0 ? a : none;
          return { low: k * a.low, top: a.top + (k - 1) * a.low };
        }
        default:
          return none;
      }
    }
    case 'FunctionNode': {
      // A function of an argument written to order d keeps order d (g(h(x) + ε h'(x)) is first order).
      const tops = (n.args ?? []).map((a) => orders(a, small).top).filter((d) => !Number.isNaN(d));
      return { low: 0, top: tops.length ? Math.max(0, ...tops) : 0 };
    }
    default:
      return none;
  }
}

/** A direction of unit size for a drawn value (a scalar's sign, a vector over its norm). */
function unit(v: Value): Value | undefined {
  if (typeof v === 'number') return v < 0 ? -1 : 1;
  if (v instanceof Eye) return undefined;
  const norm = Math.hypot(...v.data);
  if (!(norm > 0)) return undefined;
  return v.map((x) => x / norm);
}

/** Judges lhs ≈ rhs at the env's sample as the small symbols in `slots` go to zero together. */
export function judgeApproximation(
  env: Env,
  slots: readonly number[],
  lhs: Evaluator,
  rhs: Evaluator,
  kept: number,
): Asymptotic {
  const directions = slots.map((s) => unit(env.slots[s] as Value));
  if (directions.some((d) => d === undefined)) return { kind: 'unclear', why: 'not-finite' };
  const saved = slots.map((s) => env.slots[s] as Value);
  const at = (eps: number): void =>
    slots.forEach((s, i) => {
      const d = directions[i] as Value;
      env.slots[s] = typeof d === 'number' ? d * eps : (d as Mat).map((x) => x * eps);
    });
  let scale = 1;
  try {
    return checkAsymptotic(
      (eps) => {
        at(eps);
        const l = lhs(env);
        const r = rhs(env);
        scale = Math.max(maxAbs(l), maxAbs(r));
        return maxAbs(sub(l, r));
      },
      Number.isNaN(kept) ? 0 : kept,
      () => scale,
    );
  } finally {
    slots.forEach((s, i) => (env.slots[s] = saved[i] as Value));
  }
}
