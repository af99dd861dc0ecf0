// The expectation engine: E f over independent components (scalar laws, or the atom index of a random
// finite joint distribution), by the cheapest method that is exact or has a trustworthy error estimate:
//   exact        every component finite and the joint outcomes few enough to enumerate;
//   quadrature   up to three continuous components: a product Gauss rule at two orders, their difference
//                as the error; one continuous component whose Gauss rule disagrees (a kink) goes adaptive;
//   exact        many components (a mean of n i.i.d. terms): when f is a polynomial of degree ≤ 2 in them,
//                E f = f(m) + ½ Σ Var_i ∂²f/∂x_i², from the laws' moments (linearity and independence);
//   monte-carlo  otherwise, seeded, with the standard error.
import type { Rng } from '../numeric/random';
import { adaptiveGaussKronrod } from '../calculus/quadrature';
import type { ScalarLaw } from './laws';

export type Method = 'sampling' | 'exact' | 'quadrature' | 'monte-carlo';

/** Later methods are weaker evidence: a step reports the weakest it used. */
export const methodRank: Record<Method, number> = { sampling: 0, exact: 1, quadrature: 2, 'monte-carlo': 3 };

/** One independent coordinate of the outcome. */
export type Component =
  /** `cuts`, set when the integrand steps (an event's indicator): where it may jump along this component
   *  (the ends of `a ≤ X ≤ b`). No Gauss rule, nor the moments' line tests, sees a step that falls between
   *  their points: with steps, only the adaptive rule split at the cuts, or Monte Carlo, is used.
   *  `located`: every step of the integrand is among the cuts, so the pieces between them are smooth. */
  | { kind: 'law'; law: ScalarLaw; cuts?: readonly number[]; located?: boolean }
  /** The atom index 0…k−1 of a random finite distribution, with its probabilities. */
  | { kind: 'table'; probs: readonly number[] };

/** What to integrate: `assign` writes an outcome (one coordinate per component) where `f` reads it. */
export interface Integrand {
  components: readonly Component[];
  assign(point: Float64Array): void;
  f(): number;
}

export interface Estimate {
  value: number;
  /** An estimate of |value − truth| (for Monte Carlo: one standard error). */
  error: number;
  method: Exclude<Method, 'sampling'>;
  /** Monte Carlo: the number of draws. */
  draws?: number;
}

/** An expectation that does not exist (E X for a Cauchy X) or cannot be computed. */
export class NoExpectation extends Error {}

/** Joint outcomes enumerated at most. */
export const exactBudget = 60_000;
/** Quadrature points at most, over both orders. */
export const quadratureBudget = 20_000;
/** Wall-clock cap of one Monte Carlo estimate. */
export const monteCarloMs = 100;
/** Monte Carlo draws of the fallback. */
export const monteCarloDraws = 20_000;
/** Countable supports are cut where the remaining mass is below this. */
const tail = 1e-17;
/** A Gauss estimate is accepted when its two orders agree this closely (relative, with an absolute floor). */
const acceptRel = 1e-10;
const acceptAbs = 1e-12;

/** The adaptive rule aims near machine precision: its error estimate is least reliable at a kink. */
const adaptiveRel = 1e-13;
const adaptiveAbs = 1e-14;
/** Panels the adaptive rule starts from over a whole range: one rule over it can miss a feature between its
 *  nodes (a step of an event whose ends are not known, a narrow kink) and read 0 with no error. Between
 *  located steps the integrand is smooth, and a few panels per piece do. */
const startPanels = { unlocatedSteps: 64, kinks: 16, betweenSteps: 8 };
/** At most 1 000 panels: 15 evaluations for the first, 30 for each split after it. */
const adaptiveEvaluations = 15 + 30 * 999;

const accepts = (value: number, error: number): boolean =>
  Number.isFinite(value) && error <= acceptAbs + acceptRel * Math.abs(value);

interface Axis {
  x: ArrayLike<number>;
  w: ArrayLike<number>;
}

/** Sums f over the product grid of the axes. */
function productSum(p: Integrand, axes: Axis[]): number {
  const d = axes.length;
  const point = new Float64Array(d);
  const idx = new Array<number>(d).fill(0);
  let total = 0;
  // The mean of a quantity that is the same on every outcome is that value, exactly: summed with weights
  // that add up to 1 only to rounding it would be off by an ulp, and a standard deviation (the root of
  // 𝔼[(g − 𝔼g)²]) would stand at 1e-16 against an exact 0.
  let weight = 0;
  let same: number | undefined;
  let constant = true;
  for (;;) {
    let w = 1;
    for (let i = 0; i < d; i++) {
      const a = axes[i] as Axis;
      point[i] = a.x[idx[i] as number] as number;
      w *= a.w[idx[i] as number] as number;
    }
    if (w !== 0) {
      p.assign(point);
      const v = p.f();
      total += w * v;
      weight += w;
      if (same === undefined) same = v;
      else if (v !== same) constant = false;
    }
    let i = 0;
    for (; i < d; i++) {
      idx[i] = (idx[i] as number) + 1;
      if ((idx[i] as number) < (axes[i] as Axis).x.length) break;
      idx[i] = 0;
    }
    if (i === d) return constant && same !== undefined && Math.abs(weight - 1) < 1e-12 ? same : total;
  }
}

function finiteAxis(c: Component): (Axis & { rest: number }) | undefined {
  if (c.kind === 'table') return { x: c.probs.map((_, i) => i), w: c.probs, rest: 0 };
  if (!c.law.atoms) return undefined;
  const a = c.law.atoms(tail);
  return { x: a.x, w: a.p, rest: a.rest };
}

/** Gauss orders (low, high, check) for d continuous axes besides `discrete` finite points. The check is odd,
 *  with a node at the centre: two even rules can agree exactly on a step that falls between their nodes
 *  near the centre (P(Z < 0.06) read as ½ by both), and the odd one then disagrees. */
function orders(d: number, discrete: number): [number, number, number] | undefined {
  for (const n of [32, 24, 16, 12, 8]) {
    if (discrete * (n ** d + (2 * n) ** d + (n + 1) ** d) <= quadratureBudget) return [n, 2 * n, n + 1];
  }
  return undefined;
}

/** The growth test for laws without moments: f must stay bounded far in the tails. */
function boundedTails(p: Integrand): boolean {
  const d = p.components.length;
  const base = new Float64Array(d);
  p.components.forEach((c, i) => {
    base[i] = c.kind === 'law' ? (c.law.mean ?? (c.law.range ? c.law.range.point(0.5) : 0)) : 0;
  });
  for (let i = 0; i < d; i++) {
    const c = p.components[i] as Component;
    if (c.kind !== 'law' || !c.law.heavyTails) continue;
    for (const sign of [-1, 1]) {
      const at = (r: number): number => {
        const pt = Float64Array.from(base);
        pt[i] = (base[i] as number) + sign * r;
        p.assign(pt);
        return Math.abs(p.f());
      };
      const near = at(1e4);
      const far = at(1e8);
      if (!Number.isFinite(far) || far > 2 * Math.max(near, 1)) return false;
    }
  }
  return true;
}

/** Whether a law's integration range is the variable itself (every law but the Cauchy's, integrated
 *  through its quantile): then its ends are the support's, and a point of the variable is one of the range. */
function plainRange(r: NonNullable<ScalarLaw['range']>): boolean {
  return r.point(r.lo) === r.lo && r.point(r.hi) === r.hi;
}

/** Coordinates whose line through the mean is tested (the first ones: i.i.d. families are symmetric). */
const coordinateLines = 64;

/** E f when f is a polynomial of degree ≤ 2 in independent components with moments, else undefined. */
function byMoments(p: Integrand, rng: Rng): number | undefined {
  const d = p.components.length;
  const m = new Float64Array(d);
  const s = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    const c = p.components[i] as Component;
    if (c.kind !== 'law' || c.law.mean === undefined || c.law.variance === undefined) return undefined;
    m[i] = c.law.mean;
    s[i] = Math.sqrt(c.law.variance);
  }
  const at = (pt: Float64Array): number => {
    p.assign(pt);
    return p.f();
  };
  // Degree ≤ 2 along two random lines through random points: the third difference vanishes.
  for (let line = 0; line < 2; line++) {
    const o = new Float64Array(d);
    const dir = new Float64Array(d);
    for (let i = 0; i < d; i++) {
      const si = (s[i] as number) || 1;
      o[i] = (m[i] as number) + si * rng.uniform(-1, 1);
      dir[i] = si * rng.uniform(0.3, 1.3) * (rng.nextDouble() < 0.5 ? -1 : 1);
    }
    const g = [-1.3, -0.2, 0.9, 2].map((t) => at(o.map((x, i) => x + t * (dir[i] as number))));
    const scale = Math.max(...g.map(Math.abs));
    if (!g.every(Number.isFinite)) return undefined;
    // Equally spaced t (step 1.1): third difference g3 − 3g2 + 3g1 − g0.
    const third = (g[3] as number) - 3 * (g[2] as number) + 3 * (g[1] as number) - (g[0] as number);
    if (Math.abs(third) > 1e-9 * scale + 1e-300) return undefined;
  }
  // Along each coordinate through the mean, across the law's bulk (six standard deviations, inside its
  // support): a kink or a step out in a tail (`\max(0, X + Y - 3)`, `1\{X > 2.5\}`) is a non-polynomial
  // piece the random lines above rarely reach, and the moments would silently drop it.
  for (let i = 0; i < Math.min(d, coordinateLines); i++) {
    const c = p.components[i] as { law: ScalarLaw };
    const si = s[i] as number;
    if (si === 0) continue;
    const r = c.law.range;
    const support = r && plainRange(r) ? r : undefined;
    const lo = Math.max((m[i] as number) - 6 * si, support?.lo ?? -Infinity);
    const hi = Math.min((m[i] as number) + 6 * si, support?.hi ?? Infinity);
    const pt = Float64Array.from(m);
    const g: number[] = [];
    for (let k = 0; k < 7; k++) {
      pt[i] = lo + ((hi - lo) * k) / 6;
      g.push(at(pt));
    }
    if (!g.every(Number.isFinite)) return undefined;
    const scale = Math.max(...g.map(Math.abs));
    for (let k = 0; k + 3 < g.length; k++) {
      const third =
        (g[k + 3] as number) - 3 * (g[k + 2] as number) + 3 * (g[k + 1] as number) - (g[k] as number);
      if (Math.abs(third) > 1e-9 * scale + 1e-300) return undefined;
    }
  }
  const f0 = at(m);
  let e = f0;
  for (let i = 0; i < d; i++) {
    const si = s[i] as number;
    if (si === 0) continue;
    const pt = Float64Array.from(m);
    pt[i] = (m[i] as number) + si;
    const up = at(pt);
    pt[i] = (m[i] as number) - si;
    const down = at(pt);
    e += 0.5 * (up + down - 2 * f0);
  }
  return e;
}

function monteCarlo(p: Integrand, rng: Rng, draws: number): Estimate {
  const d = p.components.length;
  const pt = new Float64Array(d);
  let mean = 0;
  let m2 = 0;
  // A wall-clock cap as well: an expensive integrand stops early, with the standard error of what it drew.
  const stop = Date.now() + monteCarloMs;
  let k = 1;
  for (; k <= draws; k++) {
    if ((k & 255) === 0 && Date.now() > stop) break;
    for (let i = 0; i < d; i++) {
      const c = p.components[i] as Component;
      if (c.kind === 'law') pt[i] = c.law.sample(rng);
      else {
        let u = rng.nextDouble();
        let j = 0;
        for (; j < c.probs.length - 1; j++) {
          u -= c.probs[j] as number;
          if (u < 0) break;
        }
        pt[i] = j;
      }
    }
    p.assign(pt);
    const v = p.f();
    const delta = v - mean;
    mean += delta / k;
    m2 += delta * (v - mean);
  }
  const n = k - 1;
  return { value: mean, error: Math.sqrt(m2 / (n - 1) / n), method: 'monte-carlo', draws: n };
}

/** E f over one continuous law by the adaptive rule on its range, split at the integrand's steps where
 *  the range is the variable itself (every law but the Cauchy's). Undefined when it does not converge. */
function adaptive(p: Integrand, c: Component & { kind: 'law' }): Estimate | undefined {
  const range = c.law.range;
  if (!range) return undefined;
  if (!plainRange(range) && c.cuts?.length) return undefined;
  const ends = [
    range.lo,
    ...[...(c.cuts ?? [])].filter((x) => x > range.lo && x < range.hi).sort((a, b) => a - b),
    range.hi,
  ];
  const panels = !c.cuts
    ? startPanels.kinks
    : c.located && c.cuts.length
      ? startPanels.betweenSteps
      : startPanels.unlocatedSteps;
  const pt = new Float64Array(1);
  const g = (u: number): number => {
    const w = range.weight(u);
    if (w === 0) return 0;
    pt[0] = range.point(u);
    p.assign(pt);
    return w * p.f();
  };
  let value = 0;
  let error = 0;
  for (let i = 0; i + 1 < ends.length; i++) {
    const r = adaptiveGaussKronrod(
      g,
      ends[i] as number,
      ends[i + 1] as number,
      adaptiveRel,
      adaptiveAbs,
      adaptiveEvaluations,
      Math.max(
        2,
        Math.round((panels * ((ends[i + 1] as number) - (ends[i] as number))) / (range.hi - range.lo)),
      ),
    );
    if (!r.ok) return undefined;
    value += r.value;
    error += r.error;
  }
  // A panel holding a kink can have its G7/K15 difference undershoot the error: report ten times it.
  return { value, error: 10 * error, method: 'quadrature' };
}

/** E f; throws NoExpectation when it does not exist. `rng` drives the line tests and Monte Carlo. */
export function expectation(p: Integrand, rng: Rng): Estimate {
  const comps = p.components;
  if (comps.length === 0) {
    p.assign(new Float64Array(0));
    return { value: p.f(), error: 0, method: 'exact' };
  }
  const heavy = comps.some((c) => c.kind === 'law' && c.law.heavyTails);
  if (heavy && !boundedTails(p)) {
    const c = comps.find((x) => x.kind === 'law' && x.law.heavyTails) as { law: ScalarLaw };
    throw new NoExpectation(
      `the expectation does not exist: ${c.law.label} has no mean, and the quantity grows in its tails`,
    );
  }
  const finiteAxes = comps.map(finiteAxis);
  const points = finiteAxes.reduce((a, x) => a * (x ? x.x.length : Infinity), 1);
  if (points <= exactBudget) {
    const axes = finiteAxes as (Axis & { rest: number })[];
    const value = productSum(p, axes);
    const rest = axes.reduce((a, x) => a + x.rest, 0);
    return { value, error: rest * Math.max(1, Math.abs(value)), method: 'exact' };
  }
  const continuous = comps.filter((c) => c.kind === 'law' && c.law.kind === 'continuous').length;
  // Two or more continuous components make a product Gauss rule cost thousands of evaluations at every
  // parameter point, where a polynomial of degree ≤ 2 (a mean or variance of a few i.i.d. terms) needs 2d + 9
  // by its moments. Anything else fails the moments' line test and goes on to the rules below, as before.
  const steps = comps.some((c) => c.kind === 'law' && c.law.kind === 'continuous' && c.cuts);
  const moments = !heavy && !steps && continuous >= 2 ? byMoments(p, rng) : undefined;
  if (moments !== undefined && Number.isFinite(moments))
    return { value: moments, error: 1e-13 * Math.abs(moments), method: 'exact' };
  const discretePoints = finiteAxes.reduce((a, x) => a * (x ? x.x.length : 1), 1);
  // A step of the integrand (an event's end) can fall between the nodes of every Gauss order: then they all
  // agree on the wrong value, P(0.5 ≤ Z ≤ 0.505) = 0. Only the rules below, split at the steps, see it.
  const gauss = !steps && comps.every((c) => finiteAxis(c) || (c.kind === 'law' && c.law.rule));
  const ns = continuous <= 3 && gauss ? orders(continuous, discretePoints) : undefined;
  if (ns) {
    const [lo, hi, check] = ns.map((n) =>
      productSum(
        p,
        comps.map((c, i) => finiteAxes[i] ?? ((c as { law: ScalarLaw }).law.rule as (n: number) => Axis)(n)),
      ),
    ) as [number, number, number];
    const error = Math.max(Math.abs(hi - lo), Math.abs(hi - check));
    if (accepts(hi, error)) return { value: hi, error, method: 'quadrature' };
  }
  if (comps.length === 1) {
    const r = adaptive(p, comps[0] as Component & { kind: 'law' });
    if (r) return r;
  }
  if (!heavy && !steps && continuous < 2) {
    const m = byMoments(p, rng);
    if (m !== undefined && Number.isFinite(m))
      return { value: m, error: 1e-13 * Math.abs(m), method: 'exact' };
  }
  return monteCarlo(p, rng, monteCarloDraws);
}
