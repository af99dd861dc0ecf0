// The ends of an event along one random symbol (`a` and `b` of `a ≤ 2X ≤ b`): where its indicator can
// jump. No fixed quadrature rule sees a step that falls between its nodes, so expectations of events split
// their range there (expect.ts), and a symbol without a law takes values at and between them (model.ts).
import type { Env, Evaluator } from '../verify/env';
import type { Value } from '../verify/value';

/** An end of an event along its one random symbol: the indicator can jump where `diff` (the difference of
 *  a comparison's sides, `2X − a` for `2X ≥ a`) crosses zero as the symbol varies (see `Component.cuts`). */
export interface Cut {
  name: string;
  diff: Evaluator;
}

/** Grid of the scan for the zeros of a difference that is not affine in its variable. */
const cutGrid = 1024;

/** The zeros of g on [lo, hi]: exact for an affine g (the usual event, `a ≤ (X − μ)/σ`), else the sign
 *  changes of a grid, bisected. */
function zeros(g: (x: number) => number, lo: number, hi: number): number[] {
  const a = lo + (hi - lo) * 0.25;
  const b = lo + (hi - lo) * 0.75;
  const ga = g(a);
  const gb = g(b);
  const gm = g((a + b) / 2);
  const scale = Math.max(Math.abs(ga), Math.abs(gb), 1e-300);
  if (ga !== gb && Math.abs((ga + gb) / 2 - gm) <= 1e-12 * scale) return [a - (ga * (b - a)) / (gb - ga)];
  const out: number[] = [];
  let x0 = lo;
  let g0 = g(lo);
  for (let k = 1; k <= cutGrid; k++) {
    const x1 = lo + ((hi - lo) * k) / cutGrid;
    const g1 = g(x1);
    if (g0 === 0) out.push(x0);
    else if (Math.sign(g0) * Math.sign(g1) < 0) {
      let l = x0;
      let r = x1;
      let gl = g0;
      for (let i = 0; i < 60 && r - l > 1e-14 * Math.max(1, Math.abs(l)); i++) {
        const m = (l + r) / 2;
        const gm2 = g(m);
        if (Math.sign(gm2) === Math.sign(gl)) {
          l = m;
          gl = gm2;
        } else r = m;
      }
      out.push((l + r) / 2);
    }
    x0 = x1;
    g0 = g1;
  }
  return out;
}

/** The zeros in [lo, hi] of `cut`'s difference as its symbol (in `slot`) varies; the slot is restored. */
export function endsOf(cut: Cut, env: Env, slot: number, lo: number, hi: number): number[] {
  const saved = env.slots[slot] as Value;
  try {
    return zeros(
      (x) => {
        env.slots[slot] = x;
        const v = cut.diff(env);
        return typeof v === 'number' ? v : NaN;
      },
      lo,
      hi,
    ).filter(Number.isFinite);
  } finally {
    env.slots[slot] = saved;
  }
}
