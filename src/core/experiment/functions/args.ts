// Helpers every category of the library shares: argument readers, conditions, elementwise maps.
import type { Rng } from '../../numeric/random';
import type { RunContext } from '../context';
import { ExperimentError, Tensor, describe, isArrayLike, toScalar, toTensor } from '../tensor';
import { map1 } from '../kernels';

// The language passes arbitrary values; each function checks what it got.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type LibFn = (...args: any[]) => unknown;

export interface LibraryHooks {
  /** Renders a value for outputs such as `show`. */
  format(value: unknown): string;
  /** `sample(f, n)` on vectors in one evaluation when `f` allows it; undefined when it does not. */
  sampleVectorised(f: LibFn, n: number): Tensor | undefined;
}

/** What each category's factory receives: the run's state and the language's hooks. */
export interface LibraryEnv {
  ctx: RunContext;
  rng: Rng;
  hooks: LibraryHooks;
}

/** Applies a scalar function elementwise to a number or array. */
export function elementwise(name: string, f: (v: number) => number): LibFn {
  return (x: unknown, ...rest: unknown[]) => {
    if (rest.length > 0) throw new ExperimentError(`${name} takes one argument, got ${rest.length + 1}`);
    if (typeof x === 'number') return f(x);
    if (typeof x === 'boolean') return f(x ? 1 : 0);
    if (isArrayLike(x)) return map1(toTensor(x, name), f);
    throw new ExperimentError(`${name} needs a number or an array, not ${describe(x)}`);
  };
}

export function intArg(x: unknown, what: string, min = 0): number {
  const v = toScalar(x, what);
  if (!Number.isInteger(v) || v < min)
    throw new ExperimentError(`${what} must be an integer ≥ ${min}, not ${v}`);
  return v;
}

/** Reads a shape given as `f(m, n)`, `f([m, n])` or `f(size(A))`. */
export function shapeFrom(args: unknown[], fn: string): number[] {
  if (args.length === 1 && isArrayLike(args[0])) {
    return Array.from(toTensor(args[0], `${fn}: size`).data, (d) => intArg(d, `${fn}: size`));
  }
  return args.map((a) => intArg(a, `${fn}: size`));
}

export function fractionArg(x: unknown, what: string): number {
  const p = toScalar(x, what);
  if (!(p >= 0 && p <= 1)) throw new ExperimentError(`${what} must be between 0 and 1, not ${p}`);
  return p;
}

export function truthy(v: number): boolean {
  return v !== 0 && !Number.isNaN(v);
}

/** Whether a condition holds: a number or boolean, or every element of an array. */
export function holds(cond: unknown): boolean {
  if (typeof cond === 'boolean') return cond;
  if (typeof cond === 'number') return truthy(cond);
  if (isArrayLike(cond)) {
    for (const v of toTensor(cond, 'condition').data) if (!truthy(v)) return false;
    return true;
  }
  throw new ExperimentError(`a condition must be true/false, a number or an array, not ${describe(cond)}`);
}

export function maxOf(v: Float64Array): number {
  let m = -Infinity;
  for (const x of v) if (x > m || Number.isNaN(x)) m = x;
  return m;
}

export function minOf(v: Float64Array): number {
  let m = Infinity;
  for (const x of v) if (x < m || Number.isNaN(x)) m = x;
  return m;
}

export function fnArg(f: unknown, fn: string): LibFn {
  if (typeof f !== 'function')
    throw new ExperimentError(`${fn} needs a function as its first argument, not ${describe(f)}`);
  return f as LibFn;
}

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;
}

/** A tensor argument that must be `[lo, hi]`. */
export function interval(x: unknown, what: string): [number, number] {
  const t = toTensor(x, what);
  if (t.data.length !== 2)
    throw new ExperimentError(`${what} must be an interval [lo, hi], not ${describe(x)}`);
  return [t.data[0] as number, t.data[1] as number];
}
