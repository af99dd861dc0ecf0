// How much of a computed value is rounding noise. Each side of a step is evaluated once as written and
// then again with every arithmetic result (and every argument of an elementary function) nudged by a
// random relative amount δ. How far the nudged value moves, scaled from δ down to the unit roundoff, is an
// estimate of the value's rounding error — large exactly where cancellation ate the digits:
// `(x + 10^{20}) - 10^{20}` moves by ~10^{11} while `\sin(\pi)` moves by ~10^{-9}. The estimate lets
// comparisons drop the old absolute tolerance, which called any value under 10^{-9} zero (`x / 10^{10} = 0`
// was verified), and lets a sample whose digits were lost be set aside instead of judged.
import type { Rng } from '../numeric/random';
import type { Env, Evaluator } from './env';
import { Eye, type Value } from './value';

/** Relative size of one nudge: far above the unit roundoff, far below what changes a verdict. */
const delta = 2 ** -30;
/** Rounding error per unit of nudge response: unit roundoff 2^-52 over δ, times a safety factor of 64
 *  (two nudges of opposite sign can partly cancel, so one run may under-read its error). */
const perNudge = (2 ** -52 / delta) * 64;

let nudge: (() => number) | undefined;
/** Additions since `resetAbsorbed` in which a non-zero term vanished entirely into a much larger one. */
let absorbed = 0;
/** Values since `resetAbsorbed` that a probe would nudge (see `nudgesWouldMove`). */
let movable = 0;

/**
 * `a + b` (or `a - b`), noting when a non-zero term was absorbed whole: `1 + 10^{-17} x` is exactly 1, so
 * nothing after it can tell whether the claim holds — the nudges cannot see a term that is already gone.
 */
export function sumOf(a: number, b: number): number {
  const s = a + b;
  if ((s === a && b !== 0) || (s === b && a !== 0)) absorbed++;
  return s;
}

/**
 * `r`, noting when it underflowed: a non-zero computation that came out as zero or subnormal
 * (`e^{-1712}` is 0 in floating point, and `e^x > 0` must not be refuted there).
 */
export function underflowCheck(r: number, nonZeroInputs: boolean): number {
  if (nonZeroInputs && Math.abs(r) < 2.3e-308) absorbed++;
  return r;
}

export function resetAbsorbed(): void {
  absorbed = 0;
  movable = 0;
}

/**
 * Whether a rounding probe of what was evaluated since `resetAbsorbed` could move anything. A probe nudges
 * only the values that pass through `probe` (and results of `asOneOperation`), and leaves small integers
 * exact; when every such value was a small integer the nudged evaluations repeat the plain one exactly and
 * the probe would measure an error of 0, so it can be skipped (`2^{10} = 1024`, `\binom{5}{2} = 10`).
 */
export function nudgesWouldMove(): boolean {
  return movable > 0;
}

/** Marks the evaluation as one a probe could change by other means than nudges (a Monte Carlo estimate
 *  recomputed with fresh draws), so the probe runs. */
export function markMovable(): void {
  movable++;
}

const keptExact = (x: number): boolean => Number.isInteger(x) && Math.abs(x) < 2 ** 31;

/** Counts `v` when a nudge would change it. */
function note(v: Value): void {
  if (typeof v === 'number') {
    if (!keptExact(v)) movable++;
  } else if (v instanceof Eye) {
    if (!keptExact(v.c)) movable++;
  } else if (!v.data.every(keptExact)) movable++;
}

/** Whether a term was absorbed, or a value underflowed, since the last reset. */
export function wasAbsorbed(): boolean {
  return absorbed > 0;
}

/** `f()` with no nudging and no absorption counted: a numeric method (an integral, a limit) judges its own
 *  error from many evaluations, which nudges would swamp; its result is then nudged once, as one operation. */
export function asOneOperation(f: () => number): number {
  const savedNudge = nudge;
  const savedAbsorbed = absorbed;
  const savedMovable = movable;
  nudge = undefined;
  let r: number;
  try {
    r = f();
  } finally {
    nudge = savedNudge;
    absorbed = savedAbsorbed;
    // Values inside are never nudged; only the result is.
    movable = savedMovable;
  }
  if (!nudge) note(r);
  return jitter(r);
}

/** A small integer is left exact: it is an index, a count or a size, and exact in floating point. */
function jitter(x: number): number {
  if (!nudge || (Number.isInteger(x) && Math.abs(x) < 2 ** 31)) return x;
  return x * (1 + nudge());
}

/** The value, nudged when a probe is running (the identity otherwise, at the cost of one test). */
export function probe(v: Value): Value {
  if (!nudge) {
    note(v);
    return v;
  }
  if (typeof v === 'number') return jitter(v);
  if (v instanceof Eye) return new Eye(jitter(v.c));
  return v.map(jitter);
}

/** Evaluates `f` with every operation nudged by ±δ, signs drawn from `rng`. */
function nudged(rng: Rng, f: () => Value): Value | undefined {
  // Random sign and size in [δ/2, δ]: equal and opposite nudges would cancel exactly.
  nudge = () => (rng.nextDouble() < 0.5 ? -delta : delta) * (0.5 + rng.nextDouble() / 2);
  try {
    return f();
  } catch {
    return undefined;
  } finally {
    nudge = undefined;
  }
}

function entries(v: Value): ArrayLike<number> {
  if (typeof v === 'number') return [v];
  if (v instanceof Eye) return [v.c];
  return v.data;
}

/**
 * The estimated rounding error of `value` (the largest over its entries), from two nudged re-evaluations;
 * Infinity when a nudged evaluation fails or changes shape (the value is then too fragile to judge).
 */
export function roundingError(value: Value, evaluate: () => Value, rng: Rng): number {
  const base = entries(value);
  let moved = 0;
  for (let k = 0; k < 2; k++) {
    const v = nudged(rng, evaluate);
    if (v === undefined) return Infinity;
    const e = entries(v);
    if (e.length !== base.length) return Infinity;
    for (let i = 0; i < e.length; i++)
      moved = Math.max(moved, Math.abs((e[i] as number) - (base[i] as number)));
  }
  return Number.isNaN(moved) ? Infinity : moved * perNudge;
}

/** True when the rounding error swamps the value: fewer than about six digits are left. */
export function lostPrecision(error: number, magnitude: number): boolean {
  return !(error <= 1e-6 * Math.max(magnitude, 1));
}

/** Both sides' rounding errors at the current sample; the sample's slots are left as they were. */
export function sideErrors(
  l: Value,
  r: Value,
  lhs: Evaluator,
  rhs: Evaluator,
  env: Env,
  rng: Rng,
): { lhs: number; rhs: number } {
  const saved = env.slots.slice();
  const restoring = (f: Evaluator) => (): Value => {
    try {
      return f(env);
    } finally {
      for (let i = 0; i < saved.length; i++) env.slots[i] = saved[i] as Value;
    }
  };
  return { lhs: roundingError(l, restoring(lhs), rng), rhs: roundingError(r, restoring(rhs), rng) };
}

/** Why a sample was set aside, for the message of a step with too few samples left. */
export const precisionLost =
  'rounding swamped the values (cancellation between large terms, or terms below double precision)';
