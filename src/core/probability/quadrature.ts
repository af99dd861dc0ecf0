// Deterministic quadrature for expectations over continuous laws: Gauss rules matched to each law's weight
// (Hermite for normals, Legendre for uniforms, Laguerre for exponentials and gammas), each computed once
// per order and cached, and an adaptive Gauss–Kronrod rule for integrands with kinks (`|x|`, `\max(0, x)`),
// where a fixed Gauss rule converges slowly: bisecting the panel whose two estimates disagree localises a
// kink to a tiny panel, which is what splitting at the kink achieves without knowing where it is.

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

// Kronrod 15-point nodes on [0, 1] of the symmetric rule, with the embedded 7-point Gauss weights.
const xgk = [
  0.9914553711208126, 0.9491079123427585, 0.8648644233597691, 0.7415311855993945, 0.5860872354676911,
  0.4058451513773972, 0.20778495500789848, 0.0,
];
const wgk = [
  0.022935322010529224, 0.06309209262997856, 0.10479001032225019, 0.14065325971552592, 0.1690047266392679,
  0.19035057806478542, 0.20443294007529889, 0.20948214108472782,
];
const wg = [0.1294849661688697, 0.27970539148927664, 0.3818300505051189, 0.4179591836734694];

/** Result of an adaptive integration: the estimate, its error bound, and whether it met the tolerance. */
export interface Adaptive {
  value: number;
  error: number;
  converged: boolean;
  evaluations: number;
}

function gk15(f: (x: number) => number, a: number, b: number): { value: number; error: number } {
  const c = 0.5 * (a + b);
  const h = 0.5 * (b - a);
  const fc = f(c);
  let k = fc * (wgk[7] as number);
  let g = fc * (wg[3] as number);
  for (let j = 0; j < 7; j++) {
    const dx = h * (xgk[j] as number);
    const s = f(c - dx) + f(c + dx);
    k += (wgk[j] as number) * s;
    if (j % 2 === 1) g += (wg[(j - 1) / 2] as number) * s;
  }
  return { value: k * h, error: Math.abs((k - g) * h) };
}

/**
 * ∫_a^b f by bisecting the panel with the largest error until the total error is under
 * `absTol + relTol·|value|` or `maxPanels` is reached. The error reported is the sum of the panels' G7/K15
 * differences, a pessimistic bound for smooth panels.
 */
export function adaptiveIntegrate(
  f: (x: number) => number,
  a: number,
  b: number,
  absTol: number,
  relTol: number,
  maxPanels = 400,
): Adaptive {
  const panels: { a: number; b: number; value: number; error: number }[] = [];
  const first = gk15(f, a, b);
  panels.push({ a, b, ...first });
  let evaluations = 15;
  for (;;) {
    let value = 0;
    let error = 0;
    let worst = 0;
    for (let i = 0; i < panels.length; i++) {
      const p = panels[i] as (typeof panels)[number];
      value += p.value;
      error += p.error;
      if (p.error > (panels[worst] as (typeof panels)[number]).error) worst = i;
    }
    if (!Number.isFinite(value)) return { value, error: Infinity, converged: false, evaluations };
    if (error <= absTol + relTol * Math.abs(value)) return { value, error, converged: true, evaluations };
    if (panels.length >= maxPanels) return { value, error, converged: false, evaluations };
    const p = panels[worst] as (typeof panels)[number];
    const mid = 0.5 * (p.a + p.b);
    if (mid <= p.a || mid >= p.b) return { value, error, converged: false, evaluations };
    const left = gk15(f, p.a, mid);
    const right = gk15(f, mid, p.b);
    evaluations += 30;
    panels[worst] = { a: p.a, b: mid, ...left };
    panels.push({ a: mid, b: p.b, ...right });
  }
}
