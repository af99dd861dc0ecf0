// The laws Stepwise knows, their parameters and what the expectation engine needs of each: moments in
// closed form (the linearity path and the error messages for Cauchy), atoms for discrete laws (exact
// enumeration), a Gauss rule matched to the law's weight for continuous ones, a bounded range with a
// density for the adaptive rule, and a sampler for the Monte Carlo fallback and for identities of random
// variables checked outcome by outcome. Parameters are validated with a message naming the parameter.
// One row a law (`specs`): a new law, or a new property of every law, is written once per row.
import type { Rng } from '../numeric/random';
import { gaussHermite, gaussLaguerre, gaussLegendre, lnGamma, type Rule } from './quadrature';
import { lookupTable } from '../lookup';
import { normalCdf } from '../experiment/stats';

/** The normal density with mean m and standard deviation s. */
export const normalPdf = (x: number, m: number, s: number): number =>
  Math.exp(-0.5 * ((x - m) / s) ** 2) / (s * Math.sqrt(2 * Math.PI));

/** Parameters that do not define a law (`\mathcal{U}(1, 0)`, `\operatorname{Bernoulli}(2)`). */
export class LawError extends Error {}

/** A law at fixed parameter values. */
export interface ScalarLaw {
  /** How the report writes it: `Bernoulli(0.3)`. */
  label: string;
  kind: 'finite' | 'countable' | 'continuous';
  /** Undefined where the moment does not exist (Cauchy). */
  mean: number | undefined;
  variance: number | undefined;
  /** Discrete laws: the support and probabilities; a countable one is cut where the tail is below `tail`. */
  atoms?(tail: number): { x: number[]; p: number[]; rest: number };
  /** Continuous laws with a Gauss rule: n nodes mapped to the law, weights summing to 1. */
  rule?(n: number): Rule;
  /** Continuous laws: E f = ∫_lo^hi f(point(u)) weight(u) du, for the adaptive rule (tails beyond are negligible). */
  range?: { lo: number; hi: number; point: (u: number) => number; weight: (u: number) => number };
  /** Laws without a mean: an integrand must stay bounded in the tails. */
  heavyTails?: boolean;
  /** Continuous laws with a closed form: the density and the distribution function (`p_X`, `F_X`). */
  pdf?(x: number): number;
  cdf?(x: number): number;
  sample(rng: Rng): number;
}

const fmt = (x: number): string => String(Number(x.toPrecision(6)));
const label = (name: string, ps: number[]): string => `${name}(${ps.map(fmt).join(', ')})`;

function need(ok: boolean, message: string): void {
  if (!ok) throw new LawError(message);
}
const finite = (xs: number[], name: string): void =>
  need(
    xs.every((x) => Number.isFinite(x)),
    `${name} needs finite parameters`,
  );

function mapped(base: Rule, shift: number, scale: number, norm: number): Rule {
  const x = new Float64Array(base.x.length);
  const w = new Float64Array(base.w.length);
  for (let i = 0; i < x.length; i++) {
    x[i] = shift + scale * (base.x[i] as number);
    w[i] = (base.w[i] as number) / norm;
  }
  return { x, w };
}

/** A discrete law from its parts, labelled `name(ps)`; without a direct sampler, inverse transform. */
function discrete(name: string, ps: number[], parts: DiscreteParts): ScalarLaw {
  const { mean, variance, pmf, first, last } = parts;
  // The atoms at a tail, kept: every expectation of a sample enumerates the same law (E X, then Var X).
  const atomsAt = new Map<number, { x: number[]; p: number[]; rest: number }>();
  const law: ScalarLaw = {
    // Built when read (a message, a counterexample), not at every parameter point.
    get label() {
      return label(name, ps);
    },
    kind: last === undefined ? 'countable' : 'finite',
    mean,
    variance,
    atoms(tail) {
      const known = atomsAt.get(tail);
      if (known) return known;
      const x: number[] = [];
      const p: number[] = [];
      let total = 0;
      // Past the mean, stop where the remaining mass is below `tail` (rounding keeps 1 − total from reaching
      // tiny values, so a term far below it stops too; at most a million atoms).
      for (let k = first; last === undefined ? k - first < 1_000_000 : k <= last; k++) {
        const pk = pmf(k);
        if (pk > 0) {
          x.push(k);
          p.push(pk);
          total += pk;
        }
        if (last === undefined && k > mean && (1 - total < tail || pk < tail * 1e-3)) break;
      }
      const out = { x, p, rest: Math.max(0, 1 - total) };
      atomsAt.set(tail, out);
      return out;
    },
    sample: parts.sample ?? ((rng) => inverseSample(rng, law)),
  };
  return law;
}

const lnChoose = (n: number, k: number): number => lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1);

function sampleGamma(rng: Rng, k: number): number {
  // Marsaglia–Tsang; shapes below 1 through the boost X·U^{1/k}.
  if (k < 1) return sampleGamma(rng, k + 1) * Math.pow(rng.nextDouble() || 1e-300, 1 / k);
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = rng.nextNormal();
    const v = Math.pow(1 + c * z, 3);
    if (v <= 0) continue;
    const u = rng.nextDouble();
    if (Math.log(u || 1e-300) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

function inverseSample(rng: Rng, law: ScalarLaw): number {
  const { x, p } = (law.atoms as NonNullable<ScalarLaw['atoms']>)(1e-16);
  let u = rng.nextDouble();
  for (let i = 0; i < x.length; i++) {
    u -= p[i] as number;
    if (u < 0) return x[i] as number;
  }
  return x[x.length - 1] as number;
}

const isInt = (x: number): boolean => Number.isInteger(x) || Math.abs(x - Math.round(x)) < 1e-9;

/** What a discrete law's entry gives: the rest (atoms, inverse-transform sampling) is built alike. */
interface DiscreteParts {
  mean: number;
  variance: number;
  pmf: (k: number) => number;
  first: number;
  /** The last atom; undefined for a countable support. */
  last: number | undefined;
  /** A direct sampler; without one, inverse transform over the atoms. */
  sample?: (rng: Rng) => number;
}

/** What a continuous law's entry gives: its moments, weight and sampler. */
type ContinuousParts = Omit<ScalarLaw, 'label' | 'kind' | 'atoms'>;

/**
 * One row a law: its name, the parameters' names for messages, the domain check (the first failing
 * message, or undefined) and its parts at valid parameters. Finiteness and arity are checked for all rows
 * alike before `check`.
 */
type LawSpec<P extends number[]> = {
  /** Canonical name used in reports. */
  name: string;
  /** How labels write it (`𝒩(0, 1)`); the name by default. */
  symbol?: string;
  /** How messages name it: `a normal law`. */
  noun: string;
  params: { [K in keyof P]: string };
  check(ps: P): string | undefined;
} & ({ discrete(ps: P): DiscreteParts } | { continuous(ps: P): ContinuousParts });

/** Erases a row's parameter tuple once its arity is fixed, so rows of different arities share a table. */
const row = <P extends number[]>(spec: LawSpec<P>): LawSpec<number[]> => spec as unknown as LawSpec<number[]>;
const probability = (noun: string, p: number): string | undefined =>
  p >= 0 && p <= 1 ? undefined : `${noun} needs a probability in [0, 1], not ${fmt(p)}`;

const specs: LawSpec<number[]>[] = [
  row<[number, number]>({
    name: 'Normal',
    symbol: '𝒩',
    noun: 'a normal law',
    params: ['mean', 'variance'],
    check: ([, s2]) => (s2 > 0 ? undefined : `a normal law needs a positive variance, not ${fmt(s2)}`),
    continuous([m, s2]) {
      const s = Math.sqrt(s2);
      return {
        mean: m,
        variance: s2,
        rule: (n) => mapped(gaussHermite(n), m, Math.SQRT2 * s, Math.sqrt(Math.PI)),
        range: {
          lo: m - 10 * s,
          hi: m + 10 * s,
          point: (u) => u,
          weight: (u) => normalPdf(u, m, s),
        },
        pdf: (x) => normalPdf(x, m, s),
        cdf: (x) => normalCdf((x - m) / s),
        sample: (rng) => m + s * rng.nextNormal(),
      };
    },
  }),
  row<[number, number]>({
    name: 'Uniform',
    symbol: '𝒰',
    noun: 'a uniform law',
    params: ['lower end', 'upper end'],
    check: ([a, b]) =>
      a < b ? undefined : `a uniform law 𝒰(a, b) needs a < b, not a = ${fmt(a)}, b = ${fmt(b)}`,
    continuous: ([a, b]) => ({
      mean: (a + b) / 2,
      variance: (b - a) ** 2 / 12,
      rule: (n) => mapped(gaussLegendre(n), (a + b) / 2, (b - a) / 2, 2),
      range: { lo: a, hi: b, point: (u) => u, weight: () => 1 / (b - a) },
      pdf: (x) => (x >= a && x <= b ? 1 / (b - a) : 0),
      cdf: (x) => Math.min(1, Math.max(0, (x - a) / (b - a))),
      sample: (rng) => rng.uniform(a, b),
    }),
  }),
  row<[number]>({
    name: 'Bernoulli',
    noun: 'a Bernoulli law',
    params: ['probability'],
    check: ([p]) => probability('a Bernoulli law', p),
    discrete: ([p]) => ({
      mean: p,
      variance: p * (1 - p),
      pmf: (k) => (k === 1 ? p : 1 - p),
      first: 0,
      last: 1,
      sample: (rng) => (rng.nextDouble() < p ? 1 : 0),
    }),
  }),
  row<[number, number]>({
    name: 'Binomial',
    noun: 'a binomial law',
    params: ['number of trials', 'probability'],
    check: ([n, p]) =>
      n >= 0 && isInt(n)
        ? probability('a binomial law', p)
        : `a binomial law needs a whole number of trials, not ${fmt(n)}`,
    discrete([n, p]) {
      const T = Math.round(n);
      return {
        mean: T * p,
        variance: T * p * (1 - p),
        pmf: (k) =>
          p === 0
            ? Number(k === 0)
            : p === 1
              ? Number(k === T)
              : Math.exp(lnChoose(T, k) + k * Math.log(p) + (T - k) * Math.log1p(-p)),
        first: 0,
        last: T,
      };
    },
  }),
  row<[number]>({
    name: 'Poisson',
    noun: 'a Poisson law',
    params: ['rate'],
    check: ([l]) => (l > 0 ? undefined : `a Poisson law needs a positive rate, not ${fmt(l)}`),
    discrete: ([l]) => ({
      mean: l,
      variance: l,
      pmf: (k) => Math.exp(k * Math.log(l) - l - lnGamma(k + 1)),
      first: 0,
      last: undefined,
    }),
  }),
  row<[number]>({
    name: 'Geometric',
    noun: 'a geometric law',
    params: ['probability'],
    check: ([p]) =>
      p > 0 && p <= 1 ? undefined : `a geometric law needs a probability in (0, 1], not ${fmt(p)}`,
    // Trials up to and including the first success: support 1, 2, …
    discrete: ([p]) => ({
      mean: 1 / p,
      variance: (1 - p) / (p * p),
      pmf: (k) => Math.exp((k - 1) * Math.log1p(-p)) * p,
      first: 1,
      last: p === 1 ? 1 : undefined,
    }),
  }),
  row<[number]>({
    name: 'Exponential',
    symbol: 'Exp',
    noun: 'an exponential law',
    params: ['rate'],
    check: ([l]) => (l > 0 ? undefined : `an exponential law needs a positive rate, not ${fmt(l)}`),
    continuous: ([l]) => ({
      mean: 1 / l,
      variance: 1 / (l * l),
      rule: (n) => mapped(gaussLaguerre(n), 0, 1 / l, 1),
      range: { lo: 0, hi: 60 / l, point: (u) => u, weight: (u) => l * Math.exp(-l * u) },
      pdf: (x) => (x < 0 ? 0 : l * Math.exp(-l * x)),
      cdf: (x) => (x < 0 ? 0 : -Math.expm1(-l * x)),
      sample: (rng) => -Math.log(1 - rng.nextDouble()) / l,
    }),
  }),
  row<[number, number]>({
    name: 'Gamma',
    noun: 'a gamma law',
    params: ['shape', 'scale'],
    check: ([a, th]) =>
      a > 0 && th > 0 ? undefined : `a gamma law needs a positive shape and scale, not ${fmt(a)}, ${fmt(th)}`,
    continuous([a, th]) {
      const lg = lnGamma(a);
      return {
        mean: a * th,
        variance: a * th * th,
        rule: (n) => mapped(gaussLaguerre(n, a - 1), 0, th, Math.exp(lg)),
        range: {
          lo: 0,
          hi: th * (a + 40 * Math.sqrt(a) + 40),
          point: (u) => u,
          weight: (u) => (u <= 0 ? 0 : Math.exp((a - 1) * Math.log(u / th) - u / th - lg) / th),
        },
        sample: (rng) => th * sampleGamma(rng, a),
      };
    },
  }),
  row<[number, number]>({
    name: 'Beta',
    noun: 'a beta law',
    params: ['α', 'β'],
    check: ([a, b]) =>
      a > 0 && b > 0 ? undefined : `a beta law needs positive parameters, not ${fmt(a)}, ${fmt(b)}`,
    continuous([a, b]) {
      const lb = lnGamma(a) + lnGamma(b) - lnGamma(a + b);
      return {
        mean: a / (a + b),
        variance: (a * b) / ((a + b) ** 2 * (a + b + 1)),
        range: {
          lo: 0,
          hi: 1,
          point: (u) => u,
          weight: (u) => Math.exp((a - 1) * Math.log(u) + (b - 1) * Math.log1p(-u) - lb),
        },
        sample: (rng) => {
          const x = sampleGamma(rng, a);
          return x / (x + sampleGamma(rng, b));
        },
      };
    },
  }),
  row<[number, number]>({
    name: 'Cauchy',
    noun: 'a Cauchy law',
    params: ['location', 'scale'],
    check: ([, s]) => (s > 0 ? undefined : `a Cauchy law needs a positive scale, not ${fmt(s)}`),
    continuous: ([m, s]) => ({
      mean: undefined,
      variance: undefined,
      heavyTails: true,
      // Through the quantile: E f(X) = ∫_0^1 f(x0 + γ tan(π(u − ½))) du.
      range: { lo: 0, hi: 1, point: (u) => m + s * Math.tan(Math.PI * (u - 0.5)), weight: () => 1 },
      pdf: (x) => s / (Math.PI * (s * s + (x - m) ** 2)),
      cdf: (x) => 0.5 + Math.atan((x - m) / s) / Math.PI,
      sample: (rng) => m + s * Math.tan(Math.PI * (rng.nextDouble() - 0.5)),
    }),
  }),
];

/** Categorical(π₁, …, π_k) on {1, …, k}: any number of parameters, so built apart from the table. */
export function categorical(ps: number[]): ScalarLaw {
  finite(ps, 'a categorical law');
  need(ps.length > 0, 'a categorical law needs at least one probability');
  need(
    ps.every((p) => p >= 0),
    'a categorical law needs probabilities that are not negative',
  );
  const total = ps.reduce((a, p) => a + p, 0);
  need(Math.abs(total - 1) < 1e-9, `a categorical law needs probabilities summing to 1, not ${fmt(total)}`);
  const mean = ps.reduce((a, p, i) => a + p * (i + 1), 0);
  const second = ps.reduce((a, p, i) => a + p * (i + 1) ** 2, 0);
  return discrete('Categorical', ps, {
    mean,
    variance: second - mean * mean,
    pmf: (k) => ps[k - 1] ?? 0,
    first: 1,
    last: ps.length,
  });
}

/**
 * A finite law on written values, the worked example's "X takes the value a − 2 with probability p, a + 2
 * with probability p and a with probability 1 − 2p": `\operatorname{Values}(v₁, p₁, …, v_k, p_k)`.
 */
export function valued(params: number[]): ScalarLaw {
  finite(params, 'a finite law');
  need(params.length >= 2 && params.length % 2 === 0, 'a finite law takes values and probabilities in pairs');
  const x = params.filter((_, i) => i % 2 === 0);
  const p = params.filter((_, i) => i % 2 === 1);
  need(
    p.every((q) => q >= 0),
    'a finite law needs probabilities that are not negative',
  );
  const total = p.reduce((a, q) => a + q, 0);
  need(Math.abs(total - 1) < 1e-9, `a finite law needs probabilities summing to 1, not ${fmt(total)}`);
  const mean = x.reduce((a, v, i) => a + v * (p[i] as number), 0);
  const second = x.reduce((a, v, i) => a + v * v * (p[i] as number), 0);
  const atoms = { x, p, rest: 0 };
  return {
    get label() {
      return `Values(${x.map((v, i) => `${fmt(v)} w.p. ${fmt(p[i] as number)}`).join(', ')})`;
    },
    kind: 'finite',
    mean,
    variance: second - mean * mean,
    atoms: () => atoms,
    sample: (rng) => {
      let u = rng.nextDouble();
      for (let i = 0; i < x.length - 1; i++) if ((u -= p[i] as number) < 0) return x[i] as number;
      return x[x.length - 1] as number;
    },
  };
}

/** The spelling people use for each law (after `\mathcal`, `\operatorname`, `\mathrm`… are stripped). */
const aliases: Readonly<Record<string, string>> = lookupTable({
  N: 'Normal',
  Normal: 'Normal',
  Gaussian: 'Normal',
  U: 'Uniform',
  Unif: 'Uniform',
  Uniform: 'Uniform',
  Bernoulli: 'Bernoulli',
  Ber: 'Bernoulli',
  Bern: 'Bernoulli',
  Binomial: 'Binomial',
  Bin: 'Binomial',
  Binom: 'Binomial',
  Poisson: 'Poisson',
  Pois: 'Poisson',
  Poi: 'Poisson',
  Exp: 'Exponential',
  Exponential: 'Exponential',
  Geometric: 'Geometric',
  Geom: 'Geometric',
  Geo: 'Geometric',
  Gamma: 'Gamma',
  Beta: 'Beta',
  Cauchy: 'Cauchy',
  Categorical: 'Categorical',
  Cat: 'Categorical',
  Values: 'Values',
});

/** The laws whose density and distribution function are written in closed form (`pdf`, `cdf` above). */
export const lawsWithDensity: ReadonlySet<string> = new Set(['Normal', 'Uniform', 'Exponential', 'Cauchy']);

/** The canonical name of a law written `name`, or undefined for a law Stepwise does not know. */
export function lawName(name: string): string | undefined {
  return aliases[name];
}

/** How many parameters a law takes (undefined: any number, as Categorical). */
export function lawArity(name: string): number | undefined {
  return specs.find((s) => s.name === name)?.params.length;
}

/** The law `name` (canonical) at `params`; throws LawError for parameters outside its domain. */
export function buildLaw(name: string, params: number[]): ScalarLaw {
  if (name === 'Categorical') return categorical(params);
  if (name === 'Values') return valued(params);
  const spec = specs.find((s) => s.name === name);
  if (!spec) throw new LawError(`the law ${name} is not one Stepwise knows`);
  if (params.length !== spec.params.length) {
    throw new LawError(
      `${name} takes ${spec.params.length} parameter${spec.params.length === 1 ? '' : 's'} (${spec.params.join(', ')}), not ${params.length}`,
    );
  }
  finite(params, spec.noun);
  const wrong = spec.check(params);
  if (wrong !== undefined) throw new LawError(wrong);
  if ('discrete' in spec) return discrete(name, params, spec.discrete(params));
  const symbol = spec.symbol ?? name;
  return {
    get label() {
      return label(symbol, params);
    },
    kind: 'continuous',
    ...spec.continuous(params),
  };
}
