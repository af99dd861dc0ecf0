// Where samples come from. Symbols are drawn in dependency order: dimension symbols first (small sizes),
// then any symbol a bound depends on, then values from their domains. The first draws use simple values
// (0, 1, -1, 2, ½ and small-integer matrices) so that a counterexample, when there is one, is readable;
// later draws are random over wide ranges.
import type { MathNode } from 'mathjs';
import {
  defaultDimension as defaultDimensionAssumption,
  defaultDimensionRange,
  defaultIndex,
  defaultScalar,
  domainText,
} from '../symbols/defaults';
import type { SymbolTable } from '../symbols/table';
import type { Assumption } from '../types';
import type { Compiler, Env, Evaluator } from './compile';
import { needScalar } from './ops';
import type { Rng } from '../numeric/random';
import { BudgetExceeded, EvalUnsupported, InvalidSample, Mat } from './value';

/** How many first draws use simple values. */
export const simpleDraws = 5;
/** Largest matrix sampled: products of such matrices stay around a millisecond. */
export const maxEntries = 10_000;

export interface SymbolPlan {
  name: string;
  slot: number;
  /** A dimension symbol (appears in a shape) is a small positive integer. */
  role: 'dimension' | 'value';
  field: 'real' | 'integer';
  lo?: Evaluator;
  hi?: Evaluator;
  loOpen: boolean;
  hiOpen: boolean;
  shape: Evaluator[];
  /** A finite set to draw from (`y \in \{-1, +1\}`). */
  values?: Evaluator[];
  /** A fixed value (an undeclared dimension when `defaultDimension` is set). */
  fixed?: number;
  /** The domain the verifier assumed; undefined when declared. */
  assumed?: Assumption;
  /** The declared domain as a report shows it. */
  declared?: string;
}

export interface SamplingPlan {
  /** In drawing order: every symbol after those its bounds and shape depend on. */
  symbols: SymbolPlan[];
  /** Numbers written in the step (`20.5` in `\frac{1}{x - 20.5}`): draws land near them at times, where
   *  a claim is likeliest to break. */
  landmarks?: number[];
  /** Keep draws near the origin (no magnitude probes): a numeric derivative loses accuracy far out. */
  narrow?: boolean;
}

/** What a scalar draw may aim at beyond its domain's ordinary spread. */
export interface DrawAims {
  /** Index into the magnitude probes, for the draws right after the simple ones. */
  probe?: number;
  /** Numbers written in the step, sometimes drawn near. */
  landmarks?: readonly number[];
  /** A value just beside one of them, for the draws after the probes. */
  near?: number;
  /** Spread random draws over six decades now and then. */
  wide?: boolean;
}

const constant =
  (x: number): Evaluator =>
  () =>
    x;

/** Decides how to draw every free symbol of what `compiler` has compiled so far. */
export function planSampling(
  compiler: Compiler,
  table: SymbolTable,
  defaultDimension?: number,
): SamplingPlan {
  const plans = new Map<string, SymbolPlan & { deps: Set<string> }>();
  const dimensions = new Set<string>();
  const lengths = new Map<number, Evaluator>();
  // The length of a group of loose vectors (looseVectors.ts): its sum's bound, or a size of its own.
  const looseLength = (g: number, deps: Set<string>): Evaluator => {
    const len = compiler.loose.lengths[g];
    if (!len) throw new EvalUnsupported('a vector read from its entries has no length');
    if (len.bound) {
      const c = compiler.compileTracked(len.bound);
      c.names.forEach((x) => {
        deps.add(x);
        dimensions.add(x);
      });
      return c.evaluate;
    }
    deps.add(len.name);
    const known = lengths.get(g);
    if (known) return known;
    const slot = compiler.fresh();
    plans.set(len.name, {
      name: len.name,
      slot,
      role: 'dimension',
      field: 'integer',
      lo: constant(len.min),
      loOpen: false,
      hiOpen: false,
      shape: [],
      assumed: defaultDimensionAssumption(len.name),
      deps: new Set(),
    });
    const e: Evaluator = (env) => env.slots[slot] as number;
    lengths.set(g, e);
    return e;
  };
  // Compiling a bound or a shape can reveal more free symbols: work until none is new.
  for (;;) {
    const pending = [...compiler.free.keys()].filter((n) => !plans.has(n));
    if (pending.length === 0) break;
    for (const name of pending) {
      const entry = table.lookup(name);
      const deps = new Set<string>();
      const track = (node: MathNode | undefined): Evaluator | undefined => {
        if (!node) return undefined;
        const c = compiler.compileTracked(node);
        c.names.forEach((x) => deps.add(x));
        return c.evaluate;
      };
      let plan: SymbolPlan;
      if (entry?.kind === 'value') {
        const d = entry.domain;
        const shape = d.shape.map((s) => {
          const c = compiler.compileTracked(s);
          c.names.forEach((x) => {
            deps.add(x);
            dimensions.add(x);
          });
          return c.evaluate;
        });
        plan = {
          name,
          slot: compiler.slotOf(name),
          role: 'value',
          field: d.field,
          lo: track(d.lo),
          hi: track(d.hi),
          loOpen: d.loOpen,
          hiOpen: d.hiOpen,
          shape,
          // A domain read by a convention of the step is still an assumption: a symbol on one side only
          // then reads as a definition, and a small ε so named still shrinks.
          ...(entry.source === 'convention'
            ? { assumed: { symbol: name, domain: domainText(d), isDefault: true, role: 'value' as const } }
            : { declared: domainText(d) }),
          ...(d.values ? { values: d.values.map((v) => track(v) as Evaluator) } : {}),
        };
      } else if (entry?.kind === 'index') {
        plan = {
          name,
          slot: compiler.slotOf(name),
          role: 'value',
          field: 'integer',
          lo: constant(1),
          hi: constant(defaultDimensionRange.hi),
          loOpen: false,
          hiOpen: false,
          shape: [],
          assumed: defaultIndex(name),
        };
      } else {
        // An undeclared name: a real scalar, or the vector or matrix its loose sums index (looseVectors.ts).
        const groups = compiler.loose.symbols.get(name);
        const sizes = (groups ?? []).map((g) => compiler.loose.lengths[g]?.name ?? '?');
        const what = sizes.length > 1 ? `a matrix of ${sizes.join('×')}` : `a vector of length ${sizes[0]}`;
        plan = {
          name,
          slot: compiler.slotOf(name),
          role: 'value',
          field: 'real',
          loOpen: true,
          hiOpen: true,
          shape: (groups ?? []).map((g) => looseLength(g, deps)),
          assumed: groups
            ? {
                symbol: name,
                domain: `ℝ^{${sizes.join('×')}}`,
                isDefault: true,
                role: 'value',
                convention: `taken as ${what}, sampled`,
              }
            : defaultScalar(name),
        };
      }
      plans.set(name, { ...plan, deps });
    }
  }
  // An undeclared symbol bounding a sum (`\sum_{i=1}^n`) is a count: draw it like a size.
  for (const name of compiler.sizeSymbols) if (plans.get(name)?.assumed !== undefined) dimensions.add(name);
  for (const name of dimensions) {
    const p = plans.get(name);
    if (!p) continue;
    p.role = 'dimension';
    if (p.assumed !== undefined) {
      p.field = 'integer';
      if (defaultDimension !== undefined) p.fixed = defaultDimension;
      p.assumed = defaultDimensionAssumption(name, defaultDimension);
    }
  }
  return { symbols: order(plans) };
}

function order(plans: Map<string, SymbolPlan & { deps: Set<string> }>): SymbolPlan[] {
  const out: SymbolPlan[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]): void => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') throw new EvalUnsupported(`circular domains: ${[...path, name].join(' → ')}`);
    const p = plans.get(name);
    if (!p) return;
    state.set(name, 'visiting');
    for (const d of p.deps) if (d !== name) visit(d, [...path, name]);
    state.set(name, 'done');
    const { deps: _deps, ...plan } = p;
    out.push(plan);
  };
  // Dimension symbols first, then the rest in order of appearance, each after what it depends on.
  for (const [name, p] of plans) if (p.role === 'dimension') visit(name, []);
  for (const name of plans.keys()) visit(name, []);
  return out;
}

const simpleReals = [0, 1, -1, 2, 0.5];
const simpleIntegers = [0, 1, -1, 2, 3];
/** Draws right after the simple ones probe other magnitudes: a claim true only for |x| < 20 (`e^x < 10^9`)
 *  or for integers up to 100 (`n^2 \le 10000`) must meet a value that breaks it. */
export const probeDraws = 3;
const probeReals = [-37.25, 123.5, 0.0137, -1712.5];
const probeIntegers = [-137, 1024, 10007, -4099];
const simpleEntries = [1, -1, 2, 0, -2];
const simpleSizes = [2, 3, 1, 4];

function bound(e: Evaluator | undefined, env: Env): number | undefined {
  if (!e) return undefined;
  const v = needScalar(e(env), 'a bound');
  if (Number.isNaN(v)) throw new InvalidSample('a bound is undefined');
  return Number.isFinite(v) ? v : undefined;
}

/** Fills the plan's slots of `env` with one sample; `attempt` counts from 0 (simple values first). */
export function drawSample(plan: SamplingPlan, env: Env, rng: Rng, attempt: number): void {
  plan.symbols.forEach((p, k) => {
    const lo = bound(p.lo, env);
    const hi = bound(p.hi, env);
    if (p.role === 'dimension') {
      env.slots[p.slot] =
        p.fixed ?? drawSize(lo, hi, p.loOpen, p.hiOpen, rng, attempt + k, attempt < simpleSizes.length);
      return;
    }
    const simple = attempt < simpleDraws;
    const probe = attempt >= simpleDraws && attempt < simpleDraws + probeDraws;
    // Then, for each number written in the step, one draw just above it and one just below (10^-5 of its size
    // away: a pole there shows as a value of 10^5).
    const near = attempt - simpleDraws - probeDraws;
    const landmark =
      near >= 0 && near < 2 * Math.min(4, plan.landmarks?.length ?? 0)
        ? (plan.landmarks?.[near >> 1] as number) +
          (near & 1 ? -1 : 1) * 1e-5 * Math.max(1, Math.abs(plan.landmarks?.[near >> 1] as number))
        : undefined;
    const shape = p.shape.map((e) => {
      const v = needScalar(e(env), 'a dimension');
      if (!Number.isInteger(v) || v < 1) throw new InvalidSample(`a dimension evaluates to ${v}`);
      return v;
    });
    const set = p.values?.map((v) => needScalar(v(env), 'an element of a set'));
    const draw = (entry: boolean): number =>
      set
        ? (set[simple && !entry ? (attempt + k) % set.length : rng.int(0, set.length - 1)] as number)
        : drawScalar(
            p.field,
            lo,
            hi,
            p.loOpen,
            p.hiOpen,
            rng,
            simple ? (entry ? undefined : attempt + k) : undefined,
            simple && entry,
            entry || plan.narrow
              ? {}
              : {
                  wide: true,
                  ...(probe ? { probe: attempt + k } : {}),
                  ...(plan.landmarks ? { landmarks: plan.landmarks } : {}),
                  ...(landmark !== undefined ? { near: landmark } : {}),
                },
          );
    if (shape.length === 0) {
      env.slots[p.slot] = draw(false);
      return;
    }
    const rows = shape[0] as number;
    const cols = shape.length > 1 ? (shape[1] as number) : 1;
    if (shape.length > 2) throw new EvalUnsupported(`${p.name} has more than two dimensions`);
    if (rows * cols > maxEntries) {
      throw new BudgetExceeded(
        `${p.name} would be ${rows}×${cols}, too large to sample (at most ${maxEntries} entries)`,
      );
    }
    const m = Mat.zeros(rows, cols);
    for (let i = 0; i < m.data.length; i++) m.data[i] = draw(true);
    env.slots[p.slot] = m;
  });
}

function drawSize(
  lo: number | undefined,
  hi: number | undefined,
  loOpen: boolean,
  hiOpen: boolean,
  rng: Rng,
  index: number,
  simple: boolean,
): number {
  let L = Math.max(
    1,
    lo === undefined ? defaultDimensionRange.lo : loOpen ? Math.floor(lo) + 1 : Math.ceil(lo),
  );
  let H = hi === undefined ? Infinity : hiOpen ? Math.ceil(hi) - 1 : Math.floor(hi);
  // Small sizes keep matrix steps fast and counterexamples readable.
  H = Math.min(H, L + defaultDimensionRange.hi - defaultDimensionRange.lo);
  if (L > H) throw new InvalidSample('no size fits the declared bounds');
  L = Math.max(L, 1);
  const fits = simpleSizes.filter((s) => s >= L && s <= H);
  if (simple && fits.length) return fits[index % fits.length] as number;
  return rng.int(L, H);
}

/** One value of a scalar domain; `simpleIndex` picks among the simple values, `smallEntry` a small integer. */
export function drawScalar(
  field: 'real' | 'integer',
  lo: number | undefined,
  hi: number | undefined,
  loOpen: boolean,
  hiOpen: boolean,
  rng: Rng,
  simpleIndex?: number,
  smallEntry = false,
  aims: DrawAims = {},
): number {
  const { probe: probeIndex, landmarks = [], near: nearLandmark } = aims;
  const inside = (x: number): boolean =>
    (lo === undefined || (loOpen ? x > lo : x >= lo)) && (hi === undefined || (hiOpen ? x < hi : x <= hi));
  if (nearLandmark !== undefined && field === 'real' && inside(nearLandmark)) return nearLandmark;
  if (probeIndex !== undefined) {
    const probes = field === 'integer' ? probeIntegers : probeReals;
    const p = probes[probeIndex % probes.length] as number;
    const x =
      lo !== undefined && hi === undefined
        ? lo + Math.abs(p)
        : hi !== undefined && lo === undefined
          ? hi - Math.abs(p)
          : p;
    if (inside(x)) return x;
  }
  // Near a number written in the step, from either side, at a distance from 10^-4 to 10^-1 of its size.
  if (landmarks.length > 0 && simpleIndex === undefined && !smallEntry && rng.nextDouble() < 0.1) {
    const c = landmarks[rng.int(0, landmarks.length - 1)] as number;
    const x =
      field === 'integer'
        ? c + (rng.nextDouble() < 0.5 ? -1 : 1)
        : c + (rng.nextDouble() < 0.5 ? -1 : 1) * 10 ** rng.uniform(-4, -1) * Math.max(1, Math.abs(c));
    if (inside(x) && (field === 'real' || Number.isInteger(x))) return x;
  }
  if (smallEntry) {
    const fits = simpleEntries.filter(inside);
    if (fits.length) return fits[rng.int(0, fits.length - 1)] as number;
  } else if (simpleIndex !== undefined) {
    const fits = (field === 'integer' ? simpleIntegers : simpleReals).filter(inside);
    if (fits.length) return fits[simpleIndex % fits.length] as number;
  }
  if (field === 'integer') {
    const L = lo === undefined ? undefined : loOpen ? Math.floor(lo) + 1 : Math.ceil(lo);
    const H = hi === undefined ? undefined : hiOpen ? Math.ceil(hi) - 1 : Math.floor(hi);
    const u = rng.nextDouble();
    // Mostly small integers (readable counterexamples), sometimes up to ten thousand.
    const reach = u < 0.7 ? 10 : u < 0.9 || !aims.wide ? 100 : 10_000;
    if (L !== undefined && H !== undefined) {
      if (L > H) throw new InvalidSample('the integer domain is empty');
      return rng.int(L, Math.min(H, L + reach));
    }
    if (L !== undefined) return L + rng.int(0, reach);
    if (H !== undefined) return H - rng.int(0, reach);
    return rng.int(-reach, reach);
  }
  if (lo !== undefined && hi !== undefined) {
    if (lo > hi || (lo === hi && (loOpen || hiOpen))) throw new InvalidSample('the interval is empty');
    for (let i = 0; i < 8; i++) {
      const x = rng.uniform(lo, hi);
      if (inside(x)) return x;
    }
    return (lo + hi) / 2;
  }
  // Magnitudes spread over six decades now and then, so a claim true only near the origin meets its limit.
  const spread = (): number => {
    const r = rng.nextDouble();
    return r < 0.35
      ? Math.abs(rng.nextNormal())
      : r < 0.6
        ? 3 * Math.abs(rng.nextNormal())
        : r < 0.85 || !aims.wide
          ? rng.uniform(0, 10)
          : 10 ** rng.uniform(-3, 3);
  };
  if (lo !== undefined) {
    const x = lo + spread();
    return inside(x) ? x : lo + 0.5;
  }
  if (hi !== undefined) {
    const x = hi - spread();
    return inside(x) ? x : hi - 0.5;
  }
  return (rng.nextDouble() < 0.5 ? -1 : 1) * spread();
}

/** The domain each symbol was drawn from, declared or assumed, in drawing order. */
export function assumptions(plan: SamplingPlan): Assumption[] {
  return plan.symbols.map(
    (p) => p.assumed ?? { symbol: p.name, domain: p.declared ?? '', isDefault: false, role: p.role },
  );
}

/** The numbers written in a step, with their negatives (`x + 20.5` breaks near −20.5), at most eight. */
export function landmarksOf(nodes: readonly MathNode[]): number[] {
  const out = new Set<number>();
  for (const n of nodes) {
    n.traverse((c) => {
      const v = (c as { isConstantNode?: boolean; value?: unknown }).value;
      if (
        (c as { isConstantNode?: boolean }).isConstantNode &&
        typeof v === 'number' &&
        v !== 0 &&
        Number.isFinite(v)
      ) {
        out.add(v);
        out.add(-v);
      }
    });
  }
  return [...out].slice(0, 8);
}
