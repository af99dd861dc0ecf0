// The experiment runtime's numeric value: a dense row-major Float64Array with a shape. Library functions
// and the language's operators take and return it, so bulk work runs on typed arrays instead of mathjs's
// nested arrays (about ten times faster, ../shared/notes/libraries.md). mathjs sees it through `subset`
// (indexing and indexed assignment) and the conversions below.

import { ExperimentError } from './errors';
import { outOfMemory, reserveArray, startBudget } from './memory';

export { ExperimentError };

/** Per-run cap on one allocation, in elements. */
let maxElements = 16 * 1024 * 1024;

/** Starts a run's memory budget (see memory.ts); one value may take at most half of it. */
export function setMemoryLimit(memoryMb: number, held?: () => number): void {
  maxElements = Math.max(1024, Math.floor((memoryMb * 1024 * 1024) / 2 / 8));
  startBudget(memoryMb, held);
}

/** Allocates `n` doubles after checking them against the run's budget: typed arrays live outside the
 * V8 heap, so the worker's `resourceLimits` alone would not stop `zeros(1e9)` or forty `ones(8e6)`. */
export function alloc(n: number, what = 'array'): Float64Array {
  if (!Number.isInteger(n) || n < 0) throw new ExperimentError(`invalid size ${n} for ${what}`);
  if (n > maxElements) {
    throw outOfMemory(
      `${what} of ${n.toLocaleString('en-US')} numbers would need ${formatMb((n * 8) / (1024 * 1024))}, ` +
        'more than half the limit',
    );
  }
  if (n > 8) reserveArray(n * 8, `${what} of ${n.toLocaleString('en-US')} numbers`);
  return new Float64Array(n);
}

/** A copy of an array's data, through the budget. */
export function copyOf(data: Float64Array, what = 'array'): Float64Array {
  const out = alloc(data.length, what);
  out.set(data);
  return out;
}

function formatMb(mb: number): string {
  return mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${Math.ceil(mb)} MB`;
}

/** Product of a shape's dimensions. */
export function numel(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Minimal shape of a mathjs `Index`, the only members the runtime relies on. */
interface MathIndex {
  isScalar(): boolean;
  toArray(): unknown[];
}

/** Hooks into mathjs for indexing a tensor; set by the language module (breaks an import cycle). */
export const indexHooks: {
  subset: (t: Tensor, index: MathIndex, replacement?: unknown) => unknown;
} = {
  subset: () => {
    throw new ExperimentError('indexing is not available');
  },
};

/** A dense array of doubles, row-major: a scalar has shape [], a vector [n], a matrix [m, n]. */
export class Tensor {
  constructor(
    readonly data: Float64Array,
    readonly shape: readonly number[],
    /** Holds 0/1 from a comparison: as an index it is a mask (`x[x > 0]`), not positions. */
    readonly logical = false,
  ) {}

  // mathjs calls `subset` for `x[i]` and `x[i] = v`; a method is the only way it reaches a custom value.
  // Methods are callable from the language (mathjs allows non-Object methods), so the class keeps only
  // harmless ones.
  subset(index: MathIndex, replacement?: unknown): unknown {
    if (index.isScalar()) {
      const ix = index.toArray() as number[];
      const off = this.offsetOf(ix);
      if (off !== undefined) {
        if (replacement === undefined) return this.data[off];
        if (typeof replacement === 'number') {
          const copy = new Tensor(copyOf(this.data, 'indexed assignment'), this.shape);
          copy.data[off] = replacement;
          return copy;
        }
      }
    }
    return indexHooks.subset(this, index, replacement);
  }

  /** mathjs resolves `end` in `x[end]` and `A[:, j]` through `size()` on values it takes for matrices. */
  size(): number[] {
    return this.shape.slice();
  }

  toString(): string {
    return `Tensor(${this.shape.join('×')})`;
  }

  private offsetOf(ix: number[]): number | undefined {
    if (ix.length !== this.shape.length) return undefined;
    let off = 0;
    for (let d = 0; d < ix.length; d++) {
      const i = ix[d] as number;
      const n = this.shape[d] as number;
      if (!Number.isInteger(i) || i < 0 || i >= n) return undefined;
      off = off * n + i;
    }
    return off;
  }
}

// mathjs's `isMatrix` test reads this flag; it lets IndexNode resolve `end` on tensors.
(Tensor.prototype as unknown as { isMatrix: boolean }).isMatrix = true;

export function isTensor(x: unknown): x is Tensor {
  return x instanceof Tensor;
}

/** A new tensor of the shape, zero-filled, through the allocation guard. */
export function zerosOf(shape: readonly number[], what = 'array'): Tensor {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0)
      throw new ExperimentError(`invalid dimension ${d} in size [${shape.join(', ')}]`);
  }
  return new Tensor(alloc(numel(shape), what), shape.slice());
}

/** Something mathjs may hand us for an array: its DenseMatrix (duck-typed) or a nested JS array. */
interface MatrixLike {
  valueOf(): unknown;
  size(): number[];
}

function isMatrixLike(x: unknown): x is MatrixLike {
  return (
    typeof x === 'object' &&
    x !== null &&
    (x as { isMatrix?: boolean }).isMatrix === true &&
    typeof (x as MatrixLike).size === 'function'
  );
}

/** True for the values `toTensor` accepts as arrays (not scalars). */
export function isArrayLike(x: unknown): boolean {
  return isTensor(x) || Array.isArray(x) || isMatrixLike(x);
}

/** Converts a number, boolean, Tensor, mathjs matrix or nested array to a Tensor. */
export function toTensor(x: unknown, what = 'argument'): Tensor {
  if (isTensor(x)) return x;
  if (typeof x === 'number') return new Tensor(Float64Array.of(x), []);
  if (typeof x === 'boolean') return new Tensor(Float64Array.of(x ? 1 : 0), []);
  let nested: unknown = x;
  if (isMatrixLike(x)) nested = x.valueOf();
  if (Array.isArray(nested)) {
    const shape: number[] = [];
    let probe: unknown = nested;
    while (Array.isArray(probe)) {
      shape.push(probe.length);
      probe = probe[0];
    }
    const out = zerosOf(shape);
    let k = 0;
    const walk = (v: unknown, depth: number): void => {
      if (depth === shape.length) {
        out.data[k++] = scalarOf(v, what);
        return;
      }
      if (!Array.isArray(v) || v.length !== shape[depth]) {
        throw new ExperimentError(`${what}: rows of different lengths`);
      }
      for (const e of v) walk(e, depth + 1);
    };
    walk(nested, 0);
    return out;
  }
  throw new ExperimentError(`${what} must be a number or an array, not ${describe(x)}`);
}

function scalarOf(v: unknown, what: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new ExperimentError(`${what} must hold numbers, not ${describe(v)}`);
}

/** A short name of a value's type for messages. */
export function describe(x: unknown): string {
  if (x === null || x === undefined) return 'nothing';
  if (isTensor(x)) return x.shape.length === 1 ? `a vector of ${x.shape[0]}` : `a ${x.shape.join('×')} array`;
  if (typeof x === 'function') return 'a function';
  if (typeof x === 'string') return 'a string';
  if (Array.isArray(x) || isMatrixLike(x)) return 'a matrix';
  if (typeof x === 'object') return 'an object';
  return `a ${typeof x}`;
}

/** Converts to a plain number if the value is one (a number, boolean or one-element array). */
export function toScalar(x: unknown, what = 'argument'): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (isArrayLike(x)) {
    const t = toTensor(x, what);
    if (t.data.length === 1) return t.data[0] as number;
  }
  throw new ExperimentError(`${what} must be a number, not ${describe(x)}`);
}

/** Scalars stay numbers; arrays become tensors (so `size(x)` etc. can be used as shapes). */
export function unwrapScalar(t: Tensor): number | Tensor {
  return t.shape.length === 0 ? (t.data[0] as number) : t;
}

/** Nested JS arrays of a tensor (numbers for a scalar). */
export function toNested(t: Tensor): number | unknown[] {
  if (t.shape.length === 0) return t.data[0] as number;
  const build = (depth: number, off: number): unknown[] => {
    const n = t.shape[depth] as number;
    const out: unknown[] = new Array(n);
    if (depth === t.shape.length - 1) {
      for (let i = 0; i < n; i++) out[i] = t.data[off + i];
      return out;
    }
    const stride = numel(t.shape.slice(depth + 1));
    for (let i = 0; i < n; i++) out[i] = build(depth + 1, off + i * stride);
    return out;
  };
  return build(0, 0);
}
