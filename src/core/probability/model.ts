// The random side of one step: which symbols are random (declared with a law, or undeclared capitals
// under 𝔼/Var/Cov/P with no law), their laws at the current parameter point, the random test
// distribution of those without a law, and the expectations evaluated over them. The compiler registers
// symbols while compiling; the step calls `prepare` after drawing each parameter point, then reads the
// error and method the expectations of that sample accumulated.
import type { Assumption } from '../types';
import { Rng } from '../numeric/random';
import type { Env, Evaluator } from '../verify/env';
import { needScalar } from '../verify/ops';
import { markMovable } from '../verify/rounding';
import { EvalUnsupported, Eye, InvalidSample, Mat, type Value } from '../verify/value';
import { expectation, methodRank, NoExpectation, type Component, type Estimate, type Method } from './expect';
import { buildLaw, LawError, type ScalarLaw } from './laws';
import { randomJoint, type RandomJoint } from './tables';
import { endsOf, type Cut } from './eventEnds';
import { DensityLaws } from './densityLaws';
import { densityLaw } from './densityLaw';

/** A density the text gives a variable (`p(x) = …` "the random variable with density"), compiled. */
export interface Density {
  name: string;
  at(env: Env, x: number): number;
  /** Reads no symbol but its variable: its law is built once, not at every sample. */
  constant: boolean;
  law?: ScalarLaw;
}

/** A random symbol of the step. */
export interface RandomSymbol {
  name: string;
  slot: number;
  /** Declared law (canonical name) with its parameters compiled; absent for a symbol with no law. */
  law?: { name: string; params: Evaluator[]; density?: Density };
  /** [] scalar, [n] vector, [m, n] matrix of independent entries with the law. */
  shape: Evaluator[];
  /** Takes the values 0 and 1 (an event such as A in P(A ∪ B)). */
  event: boolean;
  /** The values a symbol with no law may take, when declared (`D \in \{0, 1\}`). */
  support?: readonly number[];
  /** Why it is random, for the report. */
  why: string;
  /** Has no law but the step uses its density (`p_X(x)`): checked on random continuous laws. */
  density?: boolean;
}

/** Whether a canonical name reads as a random variable by convention: an undeclared capital (`X`, `Y_1`). */
export function conventionallyRandom(name: string): boolean {
  return /^[A-Z](_[A-Za-z0-9]+)?$/.test(name) && name !== 'I';
}

/** The values of a variable D_KL compares as a law, when it has none: one support for both laws. */
export const lawSupport: readonly number[] = [0, 1, 2];

/** One compiled operator: its identity and the slots of the bound indices its operand may read. */
export interface Site {
  id: number;
  inputs: readonly number[];
}

interface Drawn {
  law: ScalarLaw;
  params: number[];
  rows: number;
  cols: number;
  shaped: boolean;
}

/** Scalar integrands only: an expectation of a vector is refused by name. */
function scalarOf(v: Value): number {
  if (v instanceof Eye) throw new EvalUnsupported('an expectation of the identity matrix is not a number');
  if (v instanceof Mat && v.rows * v.cols !== 1)
    throw new EvalUnsupported(
      'an expectation of a vector or matrix is not supported: take it entry by entry',
    );
  return needScalar(v, 'an expectation');
}

export class RandomModel {
  readonly symbols = new Map<string, RandomSymbol>();
  /** Per sample: each lawful symbol's law at the parameter point, the joint of those without. */
  private drawn = new Map<string, Drawn>();
  private joint: RandomJoint | undefined;
  private unknowns: RandomSymbol[] = [];
  /** The variables whose density the step uses, and their random mixtures (densityLaws.ts). */
  readonly withDensity = new DensityLaws();
  private rng = new Rng(0);
  /** Accumulated over one sample's evaluation: the summed error estimates and the weakest method. */
  error = 0;
  method: Method = 'sampling';
  /** Monte Carlo draws in the sample, when any. */
  draws = 0;
  /** Nesting of expectation operators being compiled: undeclared capitals inside are random. */
  depth = 0;
  /** Expectations already computed in this step, by everything they depend on (see `keyOf`). */
  private readonly cache = new Map<string, Estimate>();
  /** Counts parameter points: the test distribution of symbols without a law is redrawn at each. */
  private epoch = 0;

  /** Symbols to read as events (0/1) when they turn out random, marked before their operand is compiled. */
  readonly eventNames = new Set<string>();
  /** Symbols an event sets a random variable equal to (`A = a`): the constants among them are atoms. */
  readonly pointNames = new Set<string>();
  /** Symbols D_KL compares as laws: without a law or declared values, drawn over `lawSupport`. */
  readonly lawNames = new Set<string>();
  /** The ends of the step's events: a symbol without a law takes values at and between them (so that
   *  P(0.2 ≤ 2X ≤ 0.21) = 0 meets a law with an atom inside). */
  readonly cuts: Cut[] = [];

  constructor(
    private readonly independent: (a: string, b: string) => boolean,
    /** The slot of a non-random free symbol (−1 when it has none), for cache keys. */
    private readonly slotOfName: (name: string) => number,
  ) {}

  /** Seeds the test distributions, line tests and Monte Carlo draws of the step. */
  seed(seed: number): void {
    this.rng = new Rng(seed ^ 0x5bd1e995);
  }

  get size(): number {
    return this.symbols.size;
  }

  add(symbol: RandomSymbol): void {
    if (!this.symbols.has(symbol.name)) this.symbols.set(symbol.name, symbol);
    else if (symbol.event) (this.symbols.get(symbol.name) as RandomSymbol).event = true;
  }

  /** How the report names the random symbols and why each is random. */
  notes(): Assumption[] {
    return [...this.symbols.values()].map((s) => ({
      symbol: s.name,
      domain: `random: ${s.why}`,
      isDefault: !s.law,
      role: 'random',
    }));
  }

  /** After a parameter point is drawn: laws at it, a fresh test distribution, one outcome per symbol. */
  prepare(env: Env): void {
    this.error = 0;
    this.method = 'sampling';
    this.draws = 0;
    this.epoch++;
    this.drawn.clear();
    this.withDensity.clear();
    this.unknowns = [];
    for (const s of this.symbols.values()) {
      if (!s.law && s.density) {
        const law = this.withDensity.draw(s.name, this.symbols.values(), this.independent, this.rng);
        this.drawn.set(s.name, { law, params: [], rows: 1, cols: 1, shaped: false });
        continue;
      }
      if (!s.law) {
        this.unknowns.push(s);
        continue;
      }
      const params = s.law.params.map((p) => needScalar(p(env), 'a parameter of a law'));
      let law: ScalarLaw;
      try {
        const density = s.law.density;
        law = density
          ? (density.law ?? densityLaw((x) => density.at(env, x), density.name))
          : buildLaw(s.law.name, params);
        if (density?.constant) density.law = law;
      } catch (e) {
        if (e instanceof LawError) throw new InvalidSample(`${s.name}: ${e.message}`);
        throw e;
      }
      const dims = s.shape.map((d) => needScalar(d(env), 'a size'));
      if (dims.some((d) => !Number.isInteger(d) || d < 1 || d > 4096))
        throw new InvalidSample('a size out of range');
      this.drawn.set(s.name, {
        law,
        params,
        rows: dims[0] ?? 1,
        cols: dims[1] ?? 1,
        shaped: dims.length > 0,
      });
    }
    this.joint = this.unknowns.length
      ? randomJoint(
          this.unknowns.map((u) => ({ name: u.name, event: u.event, support: u.support })),
          this.independent,
          this.rng,
          this.points(env),
        )
      : undefined;
    // One outcome of everything, for random symbols met outside any expectation (an identity of random
    // variables must hold on every outcome).
    for (const [name, d] of this.drawn) {
      const s = this.symbols.get(name) as RandomSymbol;
      const data = new Float64Array(d.rows * d.cols).map(() => d.law.sample(this.rng));
      env.slots[s.slot] = d.shaped ? new Mat(d.rows, d.cols, data) : (data[0] as number);
    }
    if (this.joint) {
      const pt = new Float64Array(this.joint.components.length).map((_, i) => {
        const c = (this.joint as RandomJoint).components[i] as { probs: readonly number[] };
        let u = this.rng.nextDouble();
        let j = 0;
        for (; j < c.probs.length - 1; j++) if ((u -= c.probs[j] as number) < 0) break;
        return j;
      });
      this.unknowns.forEach((u, k) => (env.slots[u.slot] = (this.joint as RandomJoint).value(k, pt)));
    }
  }

  /** The law of a random symbol at the current sample (declared, or the mixture drawn for a density). */
  lawOf(name: string): ScalarLaw | undefined {
    return this.drawn.get(name)?.law;
  }

  /** The current values of the constants events compare random variables with (`a` in `A = a`). */
  private points(env: Env): number[] {
    const out: number[] = [];
    const ends = new Map<string, number[]>();
    for (const cut of this.cuts) {
      const s = this.symbols.get(cut.name);
      if (!s || s.law || s.shape.length) continue;
      ends.set(cut.name, [...(ends.get(cut.name) ?? []), ...endsOf(cut, env, s.slot, -10, 10)]);
    }
    // The ends, and the points between them (an end found numerically may sit just outside its event).
    for (const at of ends.values()) {
      at.sort((a, b) => a - b);
      out.push(...at, ...at.slice(1).map((x, i) => (x + (at[i] as number)) / 2));
    }
    for (const name of this.pointNames) {
      if (this.symbols.has(name)) continue;
      const slot = this.slotOfName(name);
      const v = slot < 0 ? undefined : env.slots[slot];
      if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
    }
    return out;
  }

  /** The test distribution of the symbols without a law, as a table for a counterexample. */
  distribution(): Record<string, number[]> | undefined {
    const table = this.joint?.table();
    return this.withDensity.size ? { ...table, ...this.withDensity.columns() } : table;
  }

  /**
   * What an expectation over `names` depends on: the laws (with parameters) of its random symbols, the test
   * distribution's epoch, the values of its other symbols and of the bound indices in `inputs`. The same key
   * is the same number, so a step computes E|Z| once rather than at every sample, and an inner 𝔼 inside an
   * outer one once rather than at every outer point. Undefined (no caching) when a value is not a number.
   */
  private keyOf(
    env: Env,
    names: ReadonlySet<string>,
    inputs: readonly number[],
    what: string,
  ): string | undefined {
    const parts: (string | number)[] = [what];
    for (const name of names) {
      const s = this.symbols.get(name);
      // A law given by a density may depend on any symbol its body reads: never shared across samples.
      if (s && (!s.law || s.law.density)) parts.push(name, 'e', this.epoch);
      else if (s) {
        const d = this.drawn.get(name) as Drawn;
        // The law by its name and parameters (its label is only built for messages).
        parts.push(name, s.law?.name ?? '', ...d.params, d.rows, d.cols);
      } else if (s === undefined) {
        const v = env.slots[this.slotOfName(name)];
        if (typeof v !== 'number') return undefined;
        parts.push(name, v);
      }
    }
    for (const slot of inputs) {
      const v = env.slots[slot];
      if (typeof v !== 'number') return undefined;
      parts.push(v);
    }
    return parts.join('\u0000');
  }

  /** E f, reusing the value computed for the same key (see `keyOf`). */
  cached(
    env: Env,
    names: ReadonlySet<string>,
    site: Site | undefined,
    what: string,
    f: () => number,
    /** Defined for an indicator (an event): the integrand steps, at these ends where they are known. */
    cuts?: readonly Cut[],
  ): number {
    const key = site ? this.keyOf(env, names, site.inputs, `${site.id}${what}`) : undefined;
    // Not cached: a rounding probe's re-evaluation computes it again, with Monte Carlo draws of its own.
    if (key === undefined) markMovable();
    const hit = key === undefined ? undefined : this.cache.get(key);
    if (hit) {
      this.error += hit.error;
      if (methodRank[hit.method] > methodRank[this.method]) this.method = hit.method;
      return hit.value;
    }
    const est = this.integrate(env, names, f, cuts);
    if (key !== undefined) {
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(key, est);
    }
    return est.value;
  }

  /** E f over the random symbols among `names` (f reads them from their slots). */
  integrate(env: Env, names: ReadonlySet<string>, f: () => number, cuts?: readonly Cut[]): Estimate {
    const comps: Component[] = [];
    const writers: ((pt: Float64Array) => void)[] = [];
    const saved: [number, Value][] = [];
    let usesUnknown = false;
    for (const name of names) {
      const s = this.symbols.get(name);
      if (!s) continue;
      saved.push([s.slot, env.slots[s.slot] as Value]);
      const d = this.drawn.get(name);
      if (!d) {
        usesUnknown = true;
        continue;
      }
      const first = comps.length;
      const count = d.rows * d.cols;
      const range = d.law.range;
      const at =
        !cuts || d.shaped || !range || d.law.kind !== 'continuous'
          ? []
          : cuts.filter((c) => c.name === name).flatMap((c) => endsOf(c, env, s.slot, range.lo, range.hi));
      for (let i = 0; i < count; i++)
        comps.push(cuts ? { kind: 'law', law: d.law, cuts: at } : { kind: 'law', law: d.law });
      writers.push((pt) => {
        env.slots[s.slot] = d.shaped
          ? new Mat(d.rows, d.cols, pt.slice(first, first + count))
          : (pt[first] as number);
      });
    }
    if (usesUnknown && this.joint) {
      const joint = this.joint;
      const first = comps.length;
      comps.push(...joint.components);
      const size = joint.components.length;
      writers.push((pt) => {
        const sub = pt.subarray(first, first + size);
        this.unknowns.forEach((u, k) => {
          if (names.has(u.name)) env.slots[u.slot] = joint.value(k, sub);
        });
      });
    }
    try {
      const est = expectation(
        {
          components: comps,
          assign: (pt) => {
            for (const w of writers) w(pt);
          },
          f,
        },
        this.rng,
      );
      this.error += est.error;
      if (methodRank[est.method] > methodRank[this.method]) this.method = est.method;
      if (est.draws) this.draws = Math.max(this.draws, est.draws);
      return est;
    } catch (e) {
      if (e instanceof NoExpectation) throw new EvalUnsupported(e.message);
      throw e;
    } finally {
      for (const [slot, v] of saved) env.slots[slot] = v;
    }
  }

  /** 𝔼[g]; `site` identifies the operator for the cache (undefined: never cache). */
  expect(g: Evaluator, names: ReadonlySet<string>, site?: Site): Evaluator {
    return (env) => this.cached(env, names, site, 'E', () => scalarOf(g(env)));
  }

  /** Var(g) = 𝔼[(g − 𝔼g)²], the mean computed once. */
  variance(g: Evaluator, names: ReadonlySet<string>, site?: Site): Evaluator {
    return (env) => {
      const m = this.cached(env, names, site, 'E', () => scalarOf(g(env)));
      return this.cached(env, names, site, 'V', () => (scalarOf(g(env)) - m) ** 2);
    };
  }

  /** Cov(a, b) = 𝔼[(a − 𝔼a)(b − 𝔼b)]. */
  covariance(a: Evaluator, b: Evaluator, names: ReadonlySet<string>, site?: Site): Evaluator {
    return (env) => {
      const ma = this.cached(env, names, site, 'Ca', () => scalarOf(a(env)));
      const mb = this.cached(env, names, site, 'Cb', () => scalarOf(b(env)));
      return this.cached(env, names, site, 'C', () => (scalarOf(a(env)) - ma) * (scalarOf(b(env)) - mb));
    };
  }

  /** P(event), the event an evaluator of 0/1 (a relation, ∪, ∩, a complement, an event symbol). */
  probability(
    event: Evaluator,
    names: ReadonlySet<string>,
    site?: Site,
    cuts: readonly Cut[] = [],
  ): Evaluator {
    return (env) => this.cached(env, names, site, 'P', () => indicator(event(env)), cuts);
  }

  /** P(a | b) = P(a ∩ b) / P(b). */
  conditionalProbability(
    a: Evaluator,
    b: Evaluator,
    names: ReadonlySet<string>,
    site?: Site,
    cuts: readonly Cut[] = [],
  ): Evaluator {
    return (env) => {
      const pb = this.cached(env, names, site, 'Pb', () => indicator(b(env)), cuts);
      if (!(pb > 1e-12)) throw new InvalidSample('the conditioning event has probability 0');
      const pab = this.cached(env, names, site, 'Pab', () => indicator(a(env)) * indicator(b(env)), cuts);
      return pab / pb;
    };
  }

  /**
   * The joint entropy of `parts` in nats, −Σ p log p over the distinct value tuples. Only for a finite joint
   * law (enumerated exactly): the differential entropy of a continuous variable is another quantity.
   */
  entropy(parts: Evaluator[], names: ReadonlySet<string>): Evaluator {
    return (env) => {
      const tuple = (): number[] => parts.map((g) => scalarOf(g(env)));
      const seen = new Map<string, number[]>();
      const pass = this.integrate(env, names, () => {
        const t = tuple();
        seen.set(t.join(','), t);
        return 0;
      });
      if (pass.method !== 'exact' || seen.size > 2000)
        throw new EvalUnsupported(
          'the entropy of a continuous variable (a differential entropy) is not supported',
        );
      let h = 0;
      for (const t of seen.values()) {
        const p = this.integrate(env, names, () => (tuple().every((v, i) => v === t[i]) ? 1 : 0)).value;
        if (p > 0) h -= p * Math.log(p);
      }
      return h;
    };
  }

  /** The law of g as value → probability; only for a finite law (enumerated exactly). */
  private pmf(env: Env, names: ReadonlySet<string>, g: Evaluator, what: string): Map<number, number> {
    const seen = new Set<number>();
    const pass = this.integrate(env, names, () => (seen.add(scalarOf(g(env))), 0));
    if (pass.method !== 'exact' || seen.size > 2000)
      throw new EvalUnsupported(`the ${what} of a continuous law is not supported`);
    const out = new Map<number, number>();
    for (const v of seen) {
      const p = this.integrate(env, names, () => (scalarOf(g(env)) === v ? 1 : 0)).value;
      if (p > 0) out.set(v, p);
    }
    return out;
  }

  /** D_KL(law of a ‖ law of b) in nats, Σ p log(p / q) over the atoms of a; infinite (an invalid sample)
   *  where a has an atom b lacks. */
  divergence(a: Evaluator, b: Evaluator, names: ReadonlySet<string>): Evaluator {
    return (env) => {
      const p = this.pmf(env, names, a, 'KL divergence');
      const q = this.pmf(env, names, b, 'KL divergence');
      let d = 0;
      for (const [v, pv] of p) {
        const qv = q.get(v) ?? 0;
        if (qv === 0) throw new InvalidSample('D_KL is infinite: the first law has an atom the second lacks');
        d += pv * Math.log(pv / qv);
      }
      return d;
    };
  }

  /** 𝔼[g | h]: a function of h's current outcome, 𝔼[g·1{h = y}] / P(h = y) at y = h now. */
  conditionalExpectation(g: Evaluator, h: Evaluator, names: ReadonlySet<string>): Evaluator {
    return (env) => {
      markMovable(); // computed afresh at every evaluation, as an uncached expectation is
      const y = scalarOf(h(env));
      const same = (): number => (scalarOf(h(env)) === y ? 1 : 0);
      const py = this.integrate(env, names, same).value;
      if (!(py > 1e-12))
        throw new EvalUnsupported('a conditional expectation given a continuous variable is not supported');
      return this.integrate(env, names, () => (same() ? scalarOf(g(env)) : 0)).value / py;
    };
  }
}

function indicator(v: Value): number {
  const x = scalarOf(v);
  if (x !== 0 && x !== 1) throw new EvalUnsupported(`an event must be true or false, not the number ${x}`);
  return x;
}
