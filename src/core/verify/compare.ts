// Judging one sample: both sides brought to the same shape, then compared entrywise with a tolerance
// relative to the largest entry of either side (so a matrix entry that cancels to ~0 is not held to a
// tighter standard than its neighbours) plus the estimated rounding error of the two sides (rounding.ts).
// There is no fixed absolute floor: `x / 10^{10} = 0` is refuted, and `\sin(\pi) = 0` holds because the
// error of π, carried through sin, covers the 1.2e-16 it leaves.
import type { Relation } from '../latex/types';
import { lostPrecision } from './rounding';
import { Eye, Mat, type Value } from './value';

export interface Tolerance {
  relTol: number;
  absTol: number;
  approxTol: number;
}

export type Comparison =
  | { kind: 'shapes'; left: string; right: string }
  /** `holds`: the relation is true at this sample (for `\ne`: the sides differ here). */
  | { kind: 'judged'; holds: boolean }
  /** Rounding swamped the values here (cancellation): this sample cannot judge the relation. */
  | { kind: 'imprecise'; error: number };

/** `\approx` with nothing else to go by holds within this absolute amount too (`e^{-50} \approx 0`). */
const approxFloor = 1e-9;

/** Whether one entry pair satisfies the relation within `eps` (`\approx`: within `loose`). `\ne` tests
 *  equality here; compareValues negates it over all the entries. */
const entryHolds: Record<Relation, (x: number, y: number, eps: number, loose: number) => boolean> = {
  '=': (x, y, eps) => Math.abs(x - y) <= eps,
  '\\ne': (x, y, eps) => Math.abs(x - y) <= eps,
  '\\approx': (x, y, _eps, loose) => Math.abs(x - y) <= loose,
  '<': (x, y, eps) => y - x > eps,
  '\\le': (x, y, eps) => x - y <= eps,
  '>': (x, y, eps) => x - y > eps,
  '\\ge': (x, y, eps) => y - x <= eps,
};

/** `3×2`, `a vector of 3`, `a scalar` for messages. */
export function describeShape(v: Value): string {
  if (typeof v === 'number') return 'a scalar';
  if (v instanceof Eye) return 'I';
  if (v.cols === 1) return `a vector of ${v.rows}`;
  return `${v.rows}×${v.cols}`;
}

/** Both sides as numbers of one shape, or undefined when their shapes differ. */
function align(
  l: Value,
  r: Value,
  zero: { lhs: boolean; rhs: boolean },
  broadcast: boolean,
): [Float64Array, Float64Array] | undefined {
  const asMat = (v: Value, like: Mat, isZero: boolean): Mat | undefined => {
    if (v instanceof Mat) return v;
    if (v instanceof Eye) return like.rows === like.cols ? Mat.identity(like.rows, v.c) : undefined;
    if (isZero && v === 0) return Mat.zeros(like.rows, like.cols);
    if (broadcast) return new Mat(like.rows, like.cols, new Float64Array(like.rows * like.cols).fill(v));
    if (like.rows === 1 && like.cols === 1) return new Mat(1, 1, Float64Array.of(v));
    return undefined;
  };
  if (l instanceof Mat && l.rows * l.cols === 1 && !(r instanceof Mat)) l = l.data[0] as number;
  if (r instanceof Mat && r.rows * r.cols === 1 && !(l instanceof Mat)) r = r.data[0] as number;
  if (!(l instanceof Mat) && !(r instanceof Mat)) {
    const a = l instanceof Eye ? l.c : l;
    const b = r instanceof Eye ? r.c : r;
    return [Float64Array.of(a), Float64Array.of(b)];
  }
  const lm = l instanceof Mat ? l : asMat(l, r as Mat, zero.lhs);
  const rm = r instanceof Mat ? r : asMat(r, l as Mat, zero.rhs);
  if (!lm || !rm || lm.rows !== rm.rows || lm.cols !== rm.cols) return undefined;
  return [lm.data, rm.data];
}

/** Whether `l REL r` holds at this sample, entrywise. */
export function compareValues(
  l: Value,
  r: Value,
  relation: Relation,
  tol: Tolerance,
  zero: { lhs: boolean; rhs: boolean } = { lhs: false, rhs: false },
  /** Estimated rounding errors of the two sides; omitted for values known exactly. */
  errors: { lhs: number; rhs: number } = { lhs: 0, rhs: 0 },
): Comparison {
  // `x \ge 0`, `p \le 1` compare every entry with the scalar; an equation needs equal shapes.
  const inequality = relation === '<' || relation === '\\le' || relation === '>' || relation === '\\ge';
  const pair = align(l, r, zero, inequality);
  if (!pair) return { kind: 'shapes', left: describeShape(l), right: describeShape(r) };
  const [a, b] = pair;
  let scale = 0;
  for (let i = 0; i < a.length; i++)
    scale = Math.max(scale, Math.abs(a[i] as number), Math.abs(b[i] as number));
  const error = errors.lhs + errors.rhs;
  if (lostPrecision(error, scale)) return { kind: 'imprecise', error };
  const eps = tol.absTol + tol.relTol * scale + error;
  const loose = Math.max(tol.absTol, approxFloor) + tol.approxTol * scale + error;
  const holds = entryHolds[relation];
  let all = true;
  for (let i = 0; i < a.length && all; i++) all = holds(a[i] as number, b[i] as number, eps, loose);
  // `\ne` holds where some entry differs: the negation of entrywise equality.
  return { kind: 'judged', holds: relation === '\\ne' ? !all : all };
}

/** True when every entry is a finite number. */
export function isFiniteValue(v: Value): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (v instanceof Eye) return Number.isFinite(v.c);
  for (const x of v.data) if (!Number.isFinite(x)) return false;
  return true;
}
