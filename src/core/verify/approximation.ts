// `\approx` with a small quantity (ε, δ, h, η, a Δ…) is a claim about ε → 0, not about ε = 1: at each
// sample the small symbols are shrunk together along ε, ε/2, ε/4, … and the order of the gap lhs − rhs
// is fitted (calculus/asymptotic.ts). The order the right side keeps is read from its tree: the highest
// power of the small symbols it is written with.
import { SymbolNode, type MathNode } from 'mathjs';
import { checkAsymptotic, type Asymptotic } from '../calculus/asymptotic';
import type { Env, Evaluator } from './env';
import { add, sub } from './ops';
import { maxAbs } from './stencil';
import { Eye, Mat, type Value } from './value';

/** Names conventionally standing for small quantities. */
const smallName = /^(?:ϵ|ε|δ|η|h|Δ.*)(?:_.*)?$/u;

/** Whether `name` reads as a small quantity. */
export function isSmallName(name: string): boolean {
  return smallName.test(name);
}

/** A quantity `\approx` shrinks: a small symbol towards 0, or a variable towards its expansion point. */
export interface Shrinking {
  name: string;
  slot: number;
  /** The slot of the expansion point x_0 that x approaches; none for a small symbol. */
  centre?: number;
}

interface Planned {
  name: string;
  slot: number;
  role: string;
  assumed?: unknown;
  field?: string;
  hi?: unknown;
  values?: unknown;
}

/** Undeclared, or declared only as not negative (`\epsilon > 0`, "intervals of length $\epsilon$"): a sign
 *  says nothing of size, so ε stays a small quantity; a declared upper end or set makes it a parameter. */
const signOnly = (p: Planned): boolean =>
  p.assumed !== undefined || (p.hi === undefined && p.values === undefined && p.field !== 'integer');

/**
 * What an `\approx` step shrinks, and the order its right side keeps. Undeclared symbols named as small
 * (ε, h, Δx…) go to zero. Failing those, a Taylor polynomial about a point: a variable x beside a symbol
 * x_0 that the right side uses only through x − x_0 approaches x_0, and the order kept is the highest
 * power of x − x_0 written.
 */
export function shrinking(
  symbols: readonly Planned[],
  rhs: MathNode,
  variablesSmall = false,
): { small: Shrinking[]; kept: number } {
  const values = symbols.filter((p) => p.role === 'value');
  const small = values.filter((p) => signOnly(p) && isSmallName(p.name));
  if (small.length) return { small, kept: keptOrder(rhs, new Set(small.map((p) => p.name))) };
  const centred: Shrinking[] = [];
  let tree = rhs as Tree;
  for (const p of values) {
    const centre = values.find((q) => q.name === `${p.name}_0`);
    if (!centre) continue;
    const gap = `${p.name} - ${centre.name}`;
    const rewritten = tree.transform((n) => {
      const o = n as Tree;
      const [a, b] = o.args ?? [];
      if (o.type === 'OperatorNode' && o.fn === 'subtract' && a?.name === p.name && b?.name === centre.name)
        return new SymbolNode(gap);
      return n;
    }) as Tree;
    if (rewritten.filter((n) => (n as Tree).type === 'SymbolNode' && (n as Tree).name === p.name).length)
      continue;
    tree = rewritten;
    centred.push({ name: gap, slot: p.slot, centre: centre.slot });
  }
  if (!centred.length) {
    // "The Taylor approximation", "to first order": with nothing named small, the free scalars are.
    const free = variablesSmall ? values.filter((p) => p.assumed !== undefined) : [];
    if (!free.length) return { small: [], kept: NaN };
    return { small: free, kept: keptOrder(rhs, new Set(free.map((p) => p.name))) };
  }
  return { small: centred, kept: keptOrder(tree, new Set(centred.map((c) => c.name))) };
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
      // `ε_i`, an entry of a small vector (`w_1 + ε_1, …, w_N + ε_N`), is as small as the vector.
      const [object] = n.args ?? [];
      if (
        (n.fn as Tree | undefined)?.name === 'entry' &&
        object?.type === 'SymbolNode' &&
        small.has(object.name as string)
      )
        return { low: 1, top: 1 };
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

/** Judges lhs ≈ rhs at the env's sample as the quantities in `small` shrink together (a small symbol
 *  along its drawn direction towards 0, a variable along its drawn offset towards its expansion point). */
export function judgeApproximation(
  env: Env,
  small: readonly Shrinking[],
  lhs: Evaluator,
  rhs: Evaluator,
  kept: number,
): Asymptotic {
  const slots = small.map((q) => q.slot);
  const centres = small.map((q) => (q.centre === undefined ? 0 : (env.slots[q.centre] as Value)));
  const directions = slots.map((s, i) => unit(sub(env.slots[s] as Value, centres[i] as Value)));
  if (directions.some((d) => d === undefined)) return { kind: 'unclear', why: 'not-finite' };
  const saved = slots.map((s) => env.slots[s] as Value);
  const at = (eps: number): void =>
    slots.forEach((s, i) => {
      const d = directions[i] as Value;
      const c = centres[i] as Value;
      const step = typeof d === 'number' ? d * eps : (d as Mat).map((x) => x * eps);
      env.slots[s] = c === 0 ? step : add(c, step);
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
