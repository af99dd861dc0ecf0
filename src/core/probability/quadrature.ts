// Deterministic quadrature for expectations over continuous laws: Gauss rules matched to each law's weight
// (Hermite for normals, Legendre for uniforms, Laguerre for exponentials and gammas), each computed once
// per order and cached. Integrands with kinks (`|x|`, `\max(0, x)`), where a fixed Gauss rule converges
// slowly, go to the adaptive Gauss–Kronrod rule of calculus/quadrature.ts (see expect.ts).

/** Nodes and weights of a rule. */
export interface Rule {
  x: Float64Array;
  w: Float64Array;
}

const eps = 3e-14;
const maxNewton = 100;

/** ln Γ(x) for x > 0 (Lanczos, 15 digits). */
export function lnGamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let a = g[0] as number;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (g[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const cache = new Map<string, Rule>();
function cached(key: string, make: () => Rule): Rule {
  let r = cache.get(key);
  if (!r) {
    r = make();
    cache.set(key, r);
  }
  return r;
}

/** Gauss–Legendre on [-1, 1] with n nodes (weights sum to 2). */
export function gaussLegendre(n: number): Rule {
  return cached(`L${n}`, () => {
    const x = new Float64Array(n);
    const w = new Float64Array(n);
    const m = Math.floor((n + 1) / 2);
    for (let i = 0; i < m; i++) {
      let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
      let pp = 1;
      for (let it = 0; it < maxNewton; it++) {
        let p1 = 1;
        let p2 = 0;
        for (let j = 0; j < n; j++) {
          const p3 = p2;
          p2 = p1;
          p1 = ((2 * j + 1) * z * p2 - j * p3) / (j + 1);
        }
        pp = (n * (z * p1 - p2)) / (z * z - 1);
        const z1 = z;
        z = z1 - p1 / pp;
        if (Math.abs(z - z1) <= eps) break;
      }
      x[i] = -z;
      x[n - 1 - i] = z;
      w[i] = 2 / ((1 - z * z) * pp * pp);
      w[n - 1 - i] = w[i] as number;
    }
    return { x, w };
  });
}

/** Gauss–Hermite for the weight e^{-x²} with n nodes (weights sum to √π). */
export function gaussHermite(n: number): Rule {
  return cached(`H${n}`, () => {
    const x = new Float64Array(n);
    const w = new Float64Array(n);
    const pim4 = 0.7511255444649425;
    const m = Math.floor((n + 1) / 2);
    let z = 0;
    for (let i = 0; i < m; i++) {
      if (i === 0) z = Math.sqrt(2 * n + 1) - 1.85575 * Math.pow(2 * n + 1, -0.16667);
      else if (i === 1) z -= (1.14 * Math.pow(n, 0.426)) / z;
      else if (i === 2) z = 1.86 * z - 0.86 * (x[0] as number);
      else if (i === 3) z = 1.91 * z - 0.91 * (x[1] as number);
      else z = 2 * z - (x[i - 2] as number);
      let pp = 1;
      for (let it = 0; it < maxNewton; it++) {
        let p1 = pim4;
        let p2 = 0;
        for (let j = 1; j <= n; j++) {
          const p3 = p2;
          p2 = p1;
          p1 = z * Math.sqrt(2 / j) * p2 - Math.sqrt((j - 1) / j) * p3;
        }
        pp = Math.sqrt(2 * n) * p2;
        const z1 = z;
        z = z1 - p1 / pp;
        if (Math.abs(z - z1) <= eps) break;
      }
      x[i] = z;
      x[n - 1 - i] = -z;
      w[i] = 2 / (pp * pp);
      w[n - 1 - i] = w[i] as number;
    }
    return { x, w };
  });
}

/** Generalised Gauss–Laguerre for the weight x^α e^{-x} on (0, ∞) (weights sum to Γ(α + 1)). */
export function gaussLaguerre(n: number, alpha = 0): Rule {
  return cached(`G${n}:${alpha}`, () => {
    const x = new Float64Array(n);
    const w = new Float64Array(n);
    let z = 0;
    for (let i = 0; i < n; i++) {
      if (i === 0) z = ((1 + alpha) * (3 + 0.92 * alpha)) / (1 + 2.4 * n + 1.8 * alpha);
      else if (i === 1) z += (15 + 6.25 * alpha) / (1 + 0.9 * alpha + 2.5 * n);
      else {
        const ai = i - 1;
        z +=
          (((1 + 2.55 * ai) / (1.9 * ai) + (1.26 * ai * alpha) / (1 + 3.5 * ai)) *
            (z - (x[i - 2] as number))) /
          (1 + 0.3 * alpha);
      }
      let pp = 1;
      let p2 = 0;
      for (let it = 0; it < maxNewton; it++) {
        let p1 = 1;
        p2 = 0;
        for (let j = 0; j < n; j++) {
          const p3 = p2;
          p2 = p1;
          p1 = ((2 * j + 1 + alpha - z) * p2 - (j + alpha) * p3) / (j + 1);
        }
        pp = (n * p1 - (n + alpha) * p2) / z;
        const z1 = z;
        z = z1 - p1 / pp;
        if (Math.abs(z - z1) <= eps * Math.max(1, z)) break;
      }
      x[i] = z;
      w[i] = -Math.exp(lnGamma(alpha + n) - lnGamma(n)) / (pp * n * p2);
    }
    return { x, w };
  });
}
