// Random smooth functions standing in for functions nobody wrote down (`f`, `g(u, v)`, `\ell`): a step
// about an unknown f holds only if it holds for every f, so each sample draws a new one. Every function
// is a constant plus a few ridge terms s·g(w·x + φ) with g a low power, a sine or an exponential, which
// gives exact derivatives of any order (∂^α f = Σ s·g^(|α|)(w·x + φ)·Π w_i) and lets a trait such as
// convex or odd be had by choosing the terms, not by checking after the fact.
import type { Rng } from '../numeric/random';

/** A property the text states of an unknown function. */
export type FunctionTrait = 'convex' | 'linear' | 'odd' | 'even' | 'positive' | 'increasing';

type Shape = 't' | 't2' | 't3' | 't4' | 'sin' | 'exp';

interface Ridge {
  shape: Shape;
  s: number;
  w: number[];
  phase: number;
}

/** The k-th derivative of t^p. */
function power(p: number, k: number, t: number): number {
  if (k > p) return 0;
  let c = 1;
  for (let i = 0; i < k; i++) c *= p - i;
  return c * Math.pow(t, p - k);
}

/** The k-th derivative of a ridge's profile at t (no closure: this is the innermost loop of a limit). */
function profile(shape: Shape, k: number, t: number): number {
  switch (shape) {
    case 't':
      return power(1, k, t);
    case 't2':
      return power(2, k, t);
    case 't3':
      return power(3, k, t);
    case 't4':
      return power(4, k, t);
    case 'sin':
      return Math.sin(t + (k * Math.PI) / 2);
    case 'exp':
      return Math.exp(t);
  }
}

/** One sampled function of `arity` real arguments. */
export class SmoothFunction {
  constructor(
    readonly arity: number,
    private readonly constant: number,
    private readonly ridges: Ridge[],
  ) {}

  /** f(x). */
  value(x: readonly number[]): number {
    return this.derivative(x, []);
  }

  /** The mixed partial derivative ∂/∂x_{i₁} ⋯ ∂/∂x_{i_k} at x (`[]` is the value). */
  derivative(x: readonly number[], indices: readonly number[]): number {
    let out = indices.length === 0 ? this.constant : 0;
    for (const r of this.ridges) {
      let t = r.phase;
      for (let i = 0; i < this.arity; i++) t += (r.w[i] as number) * (x[i] as number);
      let c = r.s;
      for (const i of indices) c *= r.w[i] as number;
      if (c !== 0) out += c * profile(r.shape, indices.length, t);
    }
    return out;
  }

  /** The formula, for a message saying which function broke a step. */
  describe(name: string): string {
    const vars = this.arity === 1 ? ['x'] : Array.from({ length: this.arity }, (_, i) => `x${i + 1}`);
    const r3 = (v: number): string => String(Math.round(v * 1000) / 1000);
    const inner = (r: Ridge): string => {
      const lin = r.w
        .map((w, i) => (w === 0 ? '' : `${r3(w)}${vars[i] as string}`))
        .filter(Boolean)
        .join(' + ');
      return r.phase === 0 ? lin : `${lin} + ${r3(r.phase)}`;
    };
    const terms = this.ridges.map((r) => {
      const t = inner(r);
      switch (r.shape) {
        case 't':
          return `${r3(r.s)}·(${t})`;
        case 't2':
          return `${r3(r.s)}·(${t})²`;
        case 't3':
          return `${r3(r.s)}·(${t})³`;
        case 't4':
          return `${r3(r.s)}·(${t})⁴`;
        case 'sin':
          return `${r3(r.s)}·sin(${t})`;
        case 'exp':
          return `${r3(r.s)}·exp(${t})`;
      }
    });
    const body = [...(this.constant !== 0 ? [r3(this.constant)] : []), ...terms].join(' + ') || '0';
    return `${name}(${vars.join(', ')}) = ${body.replace(/\+ -/g, '− ')}`;
  }
}

/** A random direction with moderate entries (each in ±[lo, hi]); `positive` keeps every entry > 0. */
function direction(rng: Rng, arity: number, lo: number, hi: number, positive = false): number[] {
  return Array.from({ length: arity }, () => {
    const m = rng.uniform(lo, hi);
    return positive || rng.nextDouble() < 0.5 ? m : -m;
  });
}

const signed = (rng: Rng, lo: number, hi: number): number =>
  (rng.nextDouble() < 0.5 ? -1 : 1) * rng.uniform(lo, hi);

/** A new random smooth function of `arity` arguments with all of `traits`. */
export function randomSmooth(rng: Rng, arity: number, traits: readonly FunctionTrait[] = []): SmoothFunction {
  const has = (t: FunctionTrait): boolean => traits.includes(t);
  const ridges: Ridge[] = [];
  const add = (shape: Shape, s: number, w: number[], phase = 0): void => {
    ridges.push({ shape, s, w, phase });
  };
  const dir = (lo = 0.3, hi = 1.2, positive = false): number[] => direction(rng, arity, lo, hi, positive);
  const constant = signed(rng, 0.2, 2);
  if (has('linear')) {
    add('t', 1, dir(0.5, 2));
    return new SmoothFunction(arity, 0, ridges);
  }
  if (has('convex')) {
    // Convex pieces only: affine, s(w·x)² and s(w·x + φ)⁴ with s > 0, s·exp(w·x + φ) with s > 0.
    add('t', 1, dir(0.2, 1.5));
    for (let i = 0; i < Math.max(1, arity); i++) add('t2', rng.uniform(0.2, 1), dir());
    add('t4', rng.uniform(0.005, 0.05), dir(), signed(rng, 0, 1));
    add('exp', rng.uniform(0.1, 1), dir(0.1, 0.5), signed(rng, 0, 1));
    return new SmoothFunction(arity, constant, ridges);
  }
  if (has('increasing')) {
    // Increasing in every argument: a steep affine part outweighs bounded sine slopes; odd powers and
    // exponentials only ever add slope.
    const slope = rng.uniform(2, 3);
    add('t', slope, dir(0.8, 1.2, true));
    add('t3', rng.uniform(0.01, 0.1), dir(0.3, 1, true), signed(rng, 0, 1));
    add('sin', rng.uniform(0.2, 0.6), dir(0.3, 1, true), rng.uniform(0, 6.28));
    return new SmoothFunction(arity, constant, ridges);
  }
  if (has('odd')) {
    add('t', signed(rng, 0.3, 2), dir());
    add('t3', signed(rng, 0.02, 0.2), dir());
    add('sin', signed(rng, 0.5, 2), dir());
    return new SmoothFunction(arity, 0, ridges);
  }
  if (has('even')) {
    add('t2', signed(rng, 0.2, 1), dir());
    add('t4', signed(rng, 0.005, 0.05), dir());
    add('sin', signed(rng, 0.5, 2), dir(), Math.PI / 2);
    return new SmoothFunction(arity, constant, ridges);
  }
  if (has('positive')) {
    // A positive constant above the reach of the sines; squares and fourth powers are ≥ 0.
    const amp = rng.uniform(0.3, 1.5);
    add('sin', amp, dir(), rng.uniform(0, 6.28));
    add('t2', rng.uniform(0.1, 0.8), dir(), signed(rng, 0, 1));
    return new SmoothFunction(arity, amp + rng.uniform(0.5, 2), ridges);
  }
  // The general case: a polynomial of degree ≤ 3 in random directions and two sines.
  add('t', signed(rng, 0.3, 2), dir());
  add('t2', signed(rng, 0.1, 0.8), dir(), signed(rng, 0, 1));
  add('t3', signed(rng, 0.02, 0.2), dir(), signed(rng, 0, 1));
  add('sin', signed(rng, 0.5, 2), dir(), rng.uniform(0, 6.28));
  add('sin', signed(rng, 0.3, 1), dir(0.8, 2), rng.uniform(0, 6.28));
  return new SmoothFunction(arity, constant, ridges);
}
