// Distribution functions for the confidence intervals: the normal and Student t quantiles, found by
// bisection on CDFs built from the regularized incomplete gamma and beta functions (continued
// fractions as in Numerical Recipes). Bisection is slow by numerics standards but costs microseconds
// here and has no accuracy cliffs.
import { ExperimentError } from './tensor';
import { meanAll, varianceAll } from './kernels';

const EPS = 1e-15;
const TINY = 1e-300;

/** ln Γ(x) for x > 0 (Lanczos). */
export function lnGamma(x: number): number {
  const c = [
    76.18009172947146, -86.50532032941678, 24.01409824083091, -1.231739572450155, 1.208650973866179e-3,
    -5.395239384953e-6,
  ];
  let y = x;
  const t = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let s = 1.000000000190015;
  for (const ci of c) s += ci / ++y;
  return -t + Math.log((2.5066282746310007 * s) / x);
}

/** Regularized upper incomplete gamma Q(a, x). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const front = Math.exp(-x + a * Math.log(x) - lnGamma(a));
  if (x < a + 1) {
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let i = 0; i < 100000; i++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) break;
    }
    return 1 - sum * front;
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return front * h;
}

/** Standard normal CDF. */
export function normalCdf(z: number): number {
  const q = 0.5 * gammaQ(0.5, (z * z) / 2);
  return z >= 0 ? 1 - q : q;
}

function betaCf(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 100000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b). */
export function betaI(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const bt = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (bt * betaCf(a, b, x)) / a;
  return 1 - (bt * betaCf(b, a, 1 - x)) / b;
}

/** Student t CDF with `nu` degrees of freedom. */
export function tCdf(t: number, nu: number): number {
  const tail = 0.5 * betaI(nu / 2, 0.5, nu / (nu + t * t));
  return t >= 0 ? 1 - tail : tail;
}

function bisect(cdf: (x: number) => number, p: number, lo: number, hi: number): number {
  for (let i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, Math.abs(lo)); i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Standard normal quantile. */
export function normalQuantile(p: number): number {
  return bisect(normalCdf, p, -40, 40);
}

/** Student t quantile; the normal one beyond 1e5 degrees of freedom, where they agree to 1e-5. */
export function tQuantile(p: number, nu: number): number {
  if (nu > 1e5) return normalQuantile(p);
  return bisect((t) => tCdf(t, nu), p, -1e7, 1e7);
}

function checkLevel(level: number, fn: string): void {
  if (!(level > 0 && level < 1))
    throw new ExperimentError(`${fn}: level must be between 0 and 1, not ${level}`);
}

/** Student t confidence interval for the mean. */
export function meanInterval(v: Float64Array, level: number): [number, number] {
  checkLevel(level, 'meanCI');
  const n = v.length;
  if (n < 2) throw new ExperimentError(`meanCI needs at least 2 values, got ${n}`);
  const m = meanAll(v);
  const half = (tQuantile(1 - (1 - level) / 2, n - 1) * Math.sqrt(varianceAll(v))) / Math.sqrt(n);
  return [m - half, m + half];
}

/** Large-sample interval for the variance that does not assume normal data: the standard error of
 * s² is estimated from the sample's fourth central moment, so uniform or heavy-tailed Monte Carlo
 * draws get honest intervals (the χ² interval is only right for normal data). */
export function varianceInterval(v: Float64Array, level: number): [number, number] {
  checkLevel(level, 'varCI');
  const n = v.length;
  if (n < 4) throw new ExperimentError(`varCI needs at least 4 values, got ${n}`);
  const m = meanAll(v);
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (v[i] as number) - m;
    const d2 = d * d;
    m2 += d2;
    m4 += d2 * d2;
  }
  m4 /= n;
  const s2 = m2 / (n - 1);
  const se = Math.sqrt(Math.max(0, m4 - (s2 * s2 * (n - 3)) / (n - 1)) / n);
  const z = normalQuantile(1 - (1 - level) / 2);
  return [Math.max(0, s2 - z * se), s2 + z * se];
}
