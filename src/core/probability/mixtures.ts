// Random continuous test laws for a random variable whose density the text uses (`p_X(x)`, `F_X(x)`,
// `\int x p(x) dx`) but whose law it never states. A claim about "the density of X" must hold for every
// density, so it is tested on a random mixture of one to three normals, drawn anew at each parameter point:
// the mixture has a density and a distribution function in closed form, every moment, skew and several
// modes (which break identities that hold only for symmetric or unimodal laws), and its expectations are
// computed deterministically, by Gauss–Hermite per component, with the adaptive rule at kinks (expect.ts).
import { normalCdf } from '../experiment/stats';
import type { Rng } from '../numeric/random';
import { gaussHermite, type Rule } from './quadrature';
import { normalPdf, type ScalarLaw } from './laws';

/** One normal of a mixture: its weight, mean and standard deviation. */
export interface MixturePart {
  weight: number;
  mean: number;
  sd: number;
}

const fmt = (x: number): string => String(Number(x.toPrecision(4)));

/** The law Σ w_k 𝒩(m_k, s_k²). */
export function normalMixture(parts: readonly MixturePart[]): ScalarLaw {
  const mean = parts.reduce((a, c) => a + c.weight * c.mean, 0);
  const second = parts.reduce((a, c) => a + c.weight * (c.sd * c.sd + c.mean * c.mean), 0);
  const lo = Math.min(...parts.map((c) => c.mean - 10 * c.sd));
  const hi = Math.max(...parts.map((c) => c.mean + 10 * c.sd));
  const pdf = (x: number): number => parts.reduce((a, c) => a + c.weight * normalPdf(x, c.mean, c.sd), 0);
  return {
    get label() {
      return parts.map((c) => `${fmt(c.weight)}·𝒩(${fmt(c.mean)}, ${fmt(c.sd)}²)`).join(' + ');
    },
    kind: 'continuous',
    mean,
    variance: Math.max(0, second - mean * mean),
    // Gauss–Hermite per component: exact for polynomials up to degree 2n − 1, as for one normal.
    rule(n: number): Rule {
      const base = gaussHermite(n);
      const x = new Float64Array(n * parts.length);
      const w = new Float64Array(n * parts.length);
      parts.forEach((c, k) => {
        for (let i = 0; i < n; i++) {
          x[k * n + i] = c.mean + Math.SQRT2 * c.sd * (base.x[i] as number);
          w[k * n + i] = (c.weight * (base.w[i] as number)) / Math.sqrt(Math.PI);
        }
      });
      return { x, w };
    },
    range: { lo, hi, point: (u) => u, weight: pdf },
    pdf,
    cdf: (x) => parts.reduce((a, c) => a + c.weight * normalCdf((x - c.mean) / c.sd), 0),
    sample(rng) {
      let u = rng.nextDouble();
      for (const c of parts) if ((u -= c.weight) < 0) return c.mean + c.sd * rng.nextNormal();
      const last = parts[parts.length - 1] as MixturePart;
      return last.mean + last.sd * rng.nextNormal();
    },
  };
}

/**
 * A random mixture: one to three normals, weights from small integers, means in −2…2 and standard
 * deviations in ½…2 by halves, so that a counterexample reads easily.
 */
export function randomMixture(rng: Rng): { law: ScalarLaw; parts: MixturePart[] } {
  const k = rng.int(1, 3);
  const raw = Array.from({ length: k }, () => rng.int(1, 5));
  const total = raw.reduce((a, x) => a + x, 0);
  const parts = raw.map((w) => ({ weight: w / total, mean: rng.int(-4, 4) / 2, sd: rng.int(1, 4) / 2 }));
  return { law: normalMixture(parts), parts };
}
