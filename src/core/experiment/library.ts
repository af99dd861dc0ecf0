// The functions experiments call by name. Each takes what the language hands it (numbers, booleans,
// tensors, mathjs matrices, strings, functions, plain objects), converts at the boundary and returns
// numbers or tensors. Randomness comes only from the run's seeded generator.
import type { ExperimentOutput } from '../types';
import { type RunContext, checkBudget } from './context';
import { det, inv, solve } from './linalg';
import { dot, map1, map2, matmul, meanAll, reduceAxis, sumAll, transpose, varianceAll } from './kernels';
import { meanInterval, varianceInterval } from './stats';
import {
  ExperimentError,
  Tensor,
  alloc,
  describe,
  isArrayLike,
  isTensor,
  numel,
  toScalar,
  toTensor,
  unwrapScalar,
  zerosOf,
} from './tensor';

// The language passes arbitrary values; each function checks what it got.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type LibFn = (...args: any[]) => unknown;

export interface LibraryHooks {
  /** Renders a value for outputs such as `show`. */
  format(value: unknown): string;
  /** `sample(f, n)` on vectors in one evaluation when `f` allows it; undefined when it does not. */
  sampleVectorised(f: LibFn, n: number): Tensor | undefined;
}

/** Largest number of points a plot sends to the preview; longer series are thinned evenly. */
const MAX_PLOT_POINTS = 2000;

/** Applies a scalar function elementwise to a number or array. */
function elementwise(name: string, f: (v: number) => number): LibFn {
  return (x: unknown, ...rest: unknown[]) => {
    if (rest.length > 0) throw new ExperimentError(`${name} takes one argument, got ${rest.length + 1}`);
    if (typeof x === 'number') return f(x);
    if (typeof x === 'boolean') return f(x ? 1 : 0);
    if (isArrayLike(x)) return map1(toTensor(x, name), f);
    throw new ExperimentError(`${name} needs a number or an array, not ${describe(x)}`);
  };
}

const reluScalar = elementwise('relu', (v) => (v > 0 ? v : 0));

/** relu's own loop: through the shared `map1` its callback would be one of many, and slower. */
function reluTensor(x: Tensor): Tensor {
  const src = x.data;
  const out = alloc(src.length, 'relu');
  for (let i = 0; i < src.length; i++) {
    const v = src[i] as number;
    out[i] = v > 0 ? v : 0;
  }
  return new Tensor(out, x.shape);
}

function sigmoid(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

function softplus(v: number): number {
  return Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
}

function intArg(x: unknown, what: string, min = 0): number {
  const v = toScalar(x, what);
  if (!Number.isInteger(v) || v < min)
    throw new ExperimentError(`${what} must be an integer ≥ ${min}, not ${v}`);
  return v;
}

/** Reads a shape given as `f(m, n)`, `f([m, n])` or `f(size(A))`. */
function shapeFrom(args: unknown[], fn: string): number[] {
  if (args.length === 1 && isArrayLike(args[0])) {
    return Array.from(toTensor(args[0], `${fn}: size`).data, (d) => intArg(d, `${fn}: size`));
  }
  return args.map((a) => intArg(a, `${fn}: size`));
}

function fractionArg(x: unknown, what: string): number {
  const p = toScalar(x, what);
  if (!(p >= 0 && p <= 1)) throw new ExperimentError(`${what} must be between 0 and 1, not ${p}`);
  return p;
}

function truthy(v: number): boolean {
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

/** Reduction over all elements, along a 1-based dimension, or over scalar arguments (`max(1, 2, 3)`). */
function reducer(name: string, f: (v: Float64Array) => number): LibFn {
  return (...args: unknown[]) => {
    if (args.length === 0) throw new ExperimentError(`${name} needs an argument`);
    const [x, dim] = args;
    if (isArrayLike(x)) {
      const t = toTensor(x, name);
      if (args.length === 1) {
        if (t.data.length === 0) throw new ExperimentError(`${name} of an empty array`);
        return f(t.data);
      }
      if (args.length === 2) return unwrapScalar(reduceAxis(t, intArg(dim, `${name}: dimension`, 1) - 1, f));
      throw new ExperimentError(`${name}(array, dim) takes two arguments`);
    }
    return f(Float64Array.from(args, (a) => toScalar(a, name)));
  };
}

function maxOf(v: Float64Array): number {
  let m = -Infinity;
  for (const x of v) if (x > m || Number.isNaN(x)) m = x;
  return m;
}

function minOf(v: Float64Array): number {
  let m = Infinity;
  for (const x of v) if (x < m || Number.isNaN(x)) m = x;
  return m;
}

function medianOf(v: Float64Array): number {
  const s = Float64Array.from(v).sort();
  const h = s.length >> 1;
  return s.length % 2 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
}

function prodOf(v: Float64Array): number {
  let p = 1;
  for (const x of v) p *= x;
  return p;
}

function callNumber(f: LibFn, x: unknown, fn: string): number {
  const y = f(x);
  if (typeof y === 'number') return y;
  if (isArrayLike(y) && toTensor(y).data.length === 1) return toTensor(y).data[0] as number;
  throw new ExperimentError(`${fn}: the function must return a number, but it returned ${describe(y)}`);
}

function fnArg(f: unknown, fn: string): LibFn {
  if (typeof f !== 'function')
    throw new ExperimentError(`${fn} needs a function as its first argument, not ${describe(f)}`);
  return f as LibFn;
}

/** Central-difference step: ∛ε balances truncation (h²) against rounding (ε/h) error. */
function stepFor(x: number): number {
  return 6.055454452393343e-6 * Math.max(1, Math.abs(x));
}

function copyWith(t: Tensor, i: number, v: number): Tensor {
  const c = new Tensor(t.data.slice(), t.shape);
  c.data[i] = v;
  return c;
}

/** Builds the library bound to one run. */
export function createLibrary(ctx: RunContext, hooks: LibraryHooks): Record<string, LibFn> {
  const rng = ctx.rng;
  const push = (o: ExperimentOutput): void => {
    ctx.outputs.push(o);
  };

  const random =
    (name: string, draw: () => number, fill: (out: Float64Array) => void) =>
    (...shapeArgs: unknown[]): number | Tensor => {
      if (shapeArgs.length === 0) return draw();
      const t = zerosOf(shapeFrom(shapeArgs, name), `${name}(…)`);
      fill(t.data);
      return t;
    };

  const dropout = (x: unknown, pArg: unknown): number | Tensor => {
    const p = fractionArg(pArg, 'dropout: p');
    // Inverted dropout: survivors are scaled by 1/(1−p) so the expectation is unchanged.
    const scale = p < 1 ? 1 / (1 - p) : 0;
    if (typeof x === 'number' || typeof x === 'boolean') return rng.nextDouble() >= p ? Number(x) * scale : 0;
    const t = toTensor(x, 'dropout');
    const out = alloc(t.data.length, 'dropout');
    rng.fillUniform(out);
    const src = t.data;
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) >= p ? (src[i] as number) * scale : 0;
    return new Tensor(out, t.shape);
  };

  const fill =
    (name: string, v: number) =>
    (...args: unknown[]) => {
      const t = zerosOf(shapeFrom(args, name), `${name}(…)`);
      if (v !== 0) t.data.fill(v);
      return t;
    };

  const eye = (...args: unknown[]): Tensor => {
    const s = shapeFrom(args, 'eye');
    const m = s[0] ?? 1;
    const n = s[1] ?? m;
    const t = zerosOf([m, n], 'eye(…)');
    for (let i = 0; i < Math.min(m, n); i++) t.data[i * n + i] = 1;
    return t;
  };

  const norm = (x: unknown, pArg: unknown = 2): number => {
    if (typeof x === 'number') return Math.abs(x);
    const t = toTensor(x, 'norm');
    const d = t.data;
    const p = pArg === 'fro' ? 'fro' : toScalar(pArg, 'norm: p');
    if (t.shape.length === 2 && p !== 'fro' && p !== 2) {
      const [m, n] = t.shape as [number, number];
      if (p === 1) return maxOf(reduceAxis(map1(t, Math.abs), 0, sumAll).data);
      if (p === Infinity) return maxOf(reduceAxis(map1(t, Math.abs), 1, sumAll).data);
      throw new ExperimentError(`norm(A, ${p}) of a ${m}×${n} matrix: use 1, Infinity or "fro"`);
    }
    if (p === 'fro' || p === 2) return Math.sqrt(dot(t, t));
    if (p === Infinity) return maxOf(map1(t, Math.abs).data);
    if (p === 1) return sumAll(map1(t, Math.abs).data);
    let s = 0;
    for (const v of d) s += Math.abs(v) ** p;
    return s ** (1 / p);
  };

  const interval = (x: unknown, what: string): [number, number] => {
    const t = toTensor(x, what);
    if (t.data.length !== 2)
      throw new ExperimentError(`${what} must be an interval [lo, hi], not ${describe(x)}`);
    return [t.data[0] as number, t.data[1] as number];
  };

  const allclose = (a: unknown, b: unknown, rtol: unknown = 1e-5, atol: unknown = 1e-8): boolean => {
    const r = toScalar(rtol, 'allclose: rtol');
    const at = toScalar(atol, 'allclose: atol');
    const ta = toTensor(a, 'allclose');
    const tb = toTensor(b, 'allclose');
    const close = (x: number, y: number): boolean => x === y || Math.abs(x - y) <= at + r * Math.abs(y); // x === y: equal infinities
    if (
      ta.data.length === tb.data.length &&
      ta.shape.length === tb.shape.length &&
      ta.shape.every((d, i) => d === tb.shape[i])
    ) {
      // The common case (two results of the same shape) without a temporary array.
      const A = ta.data;
      const B = tb.data;
      for (let i = 0; i < A.length; i++) if (!close(A[i] as number, B[i] as number)) return false;
      return true;
    }
    const diff = map2(ta, tb, (x, y) => (close(x, y) ? 1 : 0), 'allclose');
    for (const v of diff.data) if (v === 0) return false;
    return true;
  };

  const grad = (fArg: unknown, x: unknown): number | Tensor => {
    const f = fnArg(fArg, 'grad');
    if (typeof x === 'number') {
      const h = stepFor(x);
      return (callNumber(f, x + h, 'grad') - callNumber(f, x - h, 'grad')) / (2 * h);
    }
    const t = toTensor(x, 'grad');
    const out = alloc(t.data.length, 'grad');
    for (let i = 0; i < t.data.length; i++) {
      const xi = t.data[i] as number;
      const h = stepFor(xi);
      out[i] =
        (callNumber(f, copyWith(t, i, xi + h), 'grad') - callNumber(f, copyWith(t, i, xi - h), 'grad')) /
        (2 * h);
      if ((i & 255) === 255) checkBudget(ctx);
    }
    return new Tensor(out, t.shape);
  };

  const jacobian = (fArg: unknown, x: unknown): Tensor => {
    const f = fnArg(fArg, 'jacobian');
    const t = typeof x === 'number' ? new Tensor(Float64Array.of(x), [1]) : toTensor(x, 'jacobian');
    const at = (v: Tensor): Float64Array => {
      const y = f(typeof x === 'number' ? v.data[0] : v);
      if (typeof y === 'number') return Float64Array.of(y);
      if (isArrayLike(y)) return toTensor(y, 'jacobian').data;
      throw new ExperimentError(
        `jacobian: the function must return a number or a vector, not ${describe(y)}`,
      );
    };
    const n = t.data.length;
    let J: Float64Array | undefined;
    let m = 0;
    for (let j = 0; j < n; j++) {
      const xj = t.data[j] as number;
      const h = stepFor(xj);
      const plus = at(copyWith(t, j, xj + h));
      const minus = at(copyWith(t, j, xj - h));
      if (!J) {
        m = plus.length;
        J = alloc(m * n, 'jacobian');
      }
      if (plus.length !== m || minus.length !== m)
        throw new ExperimentError('jacobian: the function returned vectors of different lengths');
      for (let i = 0; i < m; i++) J[i * n + j] = ((plus[i] as number) - (minus[i] as number)) / (2 * h);
      if ((j & 63) === 63) checkBudget(ctx);
    }
    return new Tensor(J ?? alloc(0), [m, n]);
  };

  const sample = (fArg: unknown, nArg: unknown): Tensor => {
    const f = fnArg(fArg, 'sample');
    const n = intArg(nArg, 'sample: n');
    const fast = hooks.sampleVectorised(f, n);
    if (fast) return fast;
    const out = alloc(n, 'sample');
    for (let i = 0; i < n; i++) {
      if ((i & 1023) === 1023) checkBudget(ctx);
      const y = f();
      if (typeof y === 'number') out[i] = y;
      else if (typeof y === 'boolean') out[i] = y ? 1 : 0;
      else throw new ExperimentError(`sample: f() must return a number, but it returned ${describe(y)}`);
    }
    return new Tensor(out, [n]);
  };

  const conv2dParams = (
    cInA: unknown,
    cOutA: unknown,
    kA: unknown,
    biasA: unknown = true,
    groupsA: unknown = 1,
  ): number => {
    let biasArg = biasA;
    let groupsArg = groupsA;
    if (typeof biasA === 'object' && biasA !== null && !isArrayLike(biasA)) {
      const o = biasA as { bias?: unknown; groups?: unknown };
      biasArg = o.bias ?? true;
      groupsArg = o.groups ?? 1;
    }
    const cIn = intArg(cInA, 'conv2dParams: input channels', 1);
    const cOut = intArg(cOutA, 'conv2dParams: output channels', 1);
    const k = typeof kA === 'number' ? [kA, kA] : Array.from(toTensor(kA, 'conv2dParams: kernel size').data);
    if (k.length !== 2)
      throw new ExperimentError('conv2dParams: the kernel size is a number or [height, width]');
    const [kh, kw] = k.map((v) => intArg(v, 'conv2dParams: kernel size', 1)) as [number, number];
    const groups = intArg(groupsArg, 'conv2dParams: groups', 1);
    if (cIn % groups !== 0 || cOut % groups !== 0) {
      throw new ExperimentError(
        `conv2dParams: groups (${groups}) must divide both channel counts (${cIn} in, ${cOut} out)`,
      );
    }
    const bias = holds(biasArg);
    return cOut * (cIn / groups) * kh * kw + (bias ? cOut : 0);
  };

  const linearInit = (nInA: unknown, nOutA: unknown): { A: Tensor; b: Tensor } => {
    const nIn = intArg(nInA, 'linearInit: nIn', 1);
    const nOut = intArg(nOutA, 'linearInit: nOut', 1);
    const bound = 1 / Math.sqrt(nIn);
    const A = zerosOf([nOut, nIn], 'linearInit');
    const b = zerosOf([nOut], 'linearInit');
    rng.fillUniform(A.data, -bound, bound);
    rng.fillUniform(b.data, -bound, bound);
    return { A, b };
  };

  const softmax = (x: unknown): Tensor => {
    const t = toTensor(x, 'softmax');
    const rows = t.shape.length === 2 ? (t.shape[0] as number) : 1;
    if (t.shape.length > 2 || t.shape.length === 0)
      throw new ExperimentError('softmax needs a vector or a matrix (row-wise)');
    const n = t.data.length / rows;
    const out = alloc(t.data.length, 'softmax');
    for (let r = 0; r < rows; r++) {
      const row = t.data.subarray(r * n, (r + 1) * n);
      const m = maxOf(row);
      let s = 0;
      for (let i = 0; i < n; i++) s += out[r * n + i] = Math.exp((row[i] as number) - m);
      for (let i = 0; i < n; i++) out[r * n + i] = (out[r * n + i] as number) / s;
    }
    return new Tensor(out, t.shape);
  };

  const linspace = (aA: unknown, bA: unknown, nA: unknown = 100): Tensor => {
    const a = toScalar(aA, 'linspace: start');
    const b = toScalar(bA, 'linspace: end');
    const n = intArg(nA, 'linspace: n');
    const t = zerosOf([n], 'linspace');
    for (let i = 0; i < n; i++) t.data[i] = n === 1 ? a : a + ((b - a) * i) / (n - 1);
    return t;
  };

  const range = (sA: unknown, eA: unknown, stA: unknown = 1): Tensor => {
    const s = toScalar(sA, 'range: start');
    const e = toScalar(eA, 'range: end');
    const st = toScalar(stA, 'range: step');
    if (st === 0 || !Number.isFinite(st))
      throw new ExperimentError('range: the step must be a nonzero number');
    // The end is included, as in mathjs's expression language (`1:3` is [1, 2, 3]).
    const count = Math.max(0, Math.floor((e - s) / st + 1e-10) + 1);
    if (!Number.isFinite(count)) throw new ExperimentError('range: the bounds must be finite');
    const t = zerosOf([count], 'range');
    for (let i = 0; i < count; i++) t.data[i] = s + i * st;
    return t;
  };

  const reshape = (x: unknown, ...args: unknown[]): Tensor => {
    const t = toTensor(x, 'reshape');
    const shape = shapeFrom(args, 'reshape');
    if (numel(shape) !== t.data.length) {
      throw new ExperimentError(
        `reshape: ${t.data.length} elements do not fit the size [${shape.join(', ')}]`,
      );
    }
    return new Tensor(t.data, shape);
  };

  const diag = (x: unknown): Tensor => {
    const t = toTensor(x, 'diag');
    if (t.shape.length === 1) {
      const n = t.shape[0] as number;
      const out = zerosOf([n, n], 'diag');
      for (let i = 0; i < n; i++) out.data[i * n + i] = t.data[i] as number;
      return out;
    }
    if (t.shape.length !== 2) throw new ExperimentError('diag needs a vector or a matrix');
    const [m, n] = t.shape as [number, number];
    const k = Math.min(m, n);
    const out = zerosOf([k], 'diag');
    for (let i = 0; i < k; i++) out.data[i] = t.data[i * n + i] as number;
    return out;
  };

  const concat = (...args: unknown[]): Tensor => {
    let dim: number | undefined;
    if (args.length > 1 && typeof args[args.length - 1] === 'number')
      dim = intArg(args.pop(), 'concat: dimension', 1);
    const ts = args.map((a) =>
      typeof a === 'number' ? new Tensor(Float64Array.of(a), [1]) : toTensor(a, 'concat'),
    );
    const first = ts[0];
    if (!first) throw new ExperimentError('concat needs arrays');
    const rank = first.shape.length;
    const axis = (dim ?? rank) - 1;
    if (axis < 0 || axis >= rank) throw new ExperimentError(`concat: dimension ${axis + 1} does not exist`);
    for (const t of ts) {
      if (t.shape.length !== rank || t.shape.some((d, i) => i !== axis && d !== first.shape[i])) {
        throw new ExperimentError('concat: the arrays have mismatched sizes');
      }
    }
    const shape = first.shape.slice();
    shape[axis] = ts.reduce((s, t) => s + (t.shape[axis] as number), 0);
    const out = zerosOf(shape, 'concat');
    const outer = numel(shape.slice(0, axis));
    const inner = numel(shape.slice(axis + 1));
    let col = 0;
    for (const t of ts) {
      const w = (t.shape[axis] as number) * inner;
      for (let o = 0; o < outer; o++)
        out.data.set(t.data.subarray(o * w, (o + 1) * w), o * (shape[axis] as number) * inner + col);
      col += w;
    }
    return out;
  };

  const table = (...args: unknown[]): undefined => {
    let columns: string[];
    let data: Tensor[];
    const first = args[0];
    if (args.length === 1 && isPlainObject(first)) {
      columns = Object.keys(first);
      data = Object.values(first).map((v) => toTensor(v, 'table'));
    } else if (args.length === 1 && isArrayLike(first)) {
      const t = toTensor(first, 'table');
      const m = t.shape.length === 2 ? (t.shape[0] as number) : 1;
      const n = t.data.length / Math.max(1, m);
      columns = Array.from({ length: n }, (_, j) => `c${j + 1}`);
      data = columns.map(
        (_, j) =>
          new Tensor(
            Float64Array.from({ length: m }, (_, i) => t.data[i * n + j] as number),
            [m],
          ),
      );
    } else if (Array.isArray(first) && first.every((h) => typeof h === 'string')) {
      columns = first as string[];
      data = args.slice(1).map((v) => toTensor(v, 'table'));
      if (data.length !== columns.length) {
        throw new ExperimentError(`table: ${columns.length} headers but ${data.length} columns`);
      }
    } else {
      throw new ExperimentError(
        'table takes {name: column, …}, a matrix, or ["header", …] followed by the columns',
      );
    }
    const rows = Math.max(0, ...data.map((d) => d.data.length));
    const body: string[][] = [];
    for (let i = 0; i < Math.min(rows, 1000); i++) {
      body.push(
        data.map((d) =>
          d.data.length === 1 ? hooks.format(d.data[0]) : i < d.data.length ? hooks.format(d.data[i]) : '',
        ),
      );
    }
    push({ kind: 'table', line: ctx.line, columns, rows: body });
    return undefined;
  };

  const hist = (x: unknown, binsA: unknown = 20): undefined => {
    const bins = intArg(binsA, 'hist: bins', 1);
    const v = toTensor(x, 'hist').data.filter((e) => Number.isFinite(e));
    let lo = minOf(v);
    let hi = maxOf(v);
    if (v.length === 0) {
      lo = 0;
      hi = 1;
    } else if (lo === hi) {
      lo -= 0.5;
      hi += 0.5;
    }
    const w = (hi - lo) / bins;
    const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * w);
    const counts = new Array<number>(bins).fill(0);
    for (const e of v) {
      const b = Math.min(bins - 1, Math.floor((e - lo) / w));
      counts[b] = (counts[b] as number) + 1;
    }
    push({ kind: 'hist', line: ctx.line, edges, counts });
    return undefined;
  };

  const plot = (...args: unknown[]): undefined => {
    let title: string | undefined;
    if (typeof args[args.length - 1] === 'string') title = args.pop() as string;
    const [xA, ...ys] = args;
    if (xA === undefined || ys.length === 0)
      throw new ExperimentError('plot needs x and at least one y: plot(x, y)');
    const x = toTensor(xA, 'plot: x').data;
    const series: { label: string; y: Float64Array }[] = [];
    ys.forEach((y, k) => {
      if (isPlainObject(y)) {
        for (const [label, v] of Object.entries(y)) series.push({ label, y: toTensor(v, 'plot').data });
      } else {
        const t = toTensor(y, 'plot: y');
        if (t.shape.length === 2 && t.shape[1] === x.length) {
          const [m, n] = t.shape as [number, number];
          for (let r = 0; r < m; r++)
            series.push({ label: `y${series.length + 1}`, y: t.data.subarray(r * n, (r + 1) * n) });
        } else series.push({ label: ys.length === 1 ? 'y' : `y${k + 1}`, y: t.data });
      }
    });
    for (const s of series) {
      if (s.y.length !== x.length) {
        throw new ExperimentError(`plot: x has ${x.length} points but ${s.label} has ${s.y.length}`);
      }
    }
    const step = Math.max(1, Math.ceil(x.length / MAX_PLOT_POINTS));
    const thin = (a: Float64Array): number[] => {
      const out: number[] = [];
      for (let i = 0; i < a.length; i += step) out.push(a[i] as number);
      return out;
    };
    const out: ExperimentOutput = {
      kind: 'plot',
      line: ctx.line,
      x: thin(x),
      series: series.map((s) => ({ label: s.label, y: thin(s.y) })),
    };
    if (title !== undefined) out.title = title;
    push(out);
    return undefined;
  };

  const show = (...args: unknown[]): undefined => {
    if (args.length === 0 || args.length > 2)
      throw new ExperimentError('show takes ("label", value) or (value)');
    const [label, value] = args.length === 2 ? args : ['', args[0]];
    push({
      kind: 'show',
      line: ctx.line,
      label: String(typeof label === 'string' ? label : hooks.format(label)),
      text: hooks.format(value),
    });
    return undefined;
  };

  const where = (c: unknown, a: unknown, b: unknown): number | Tensor => {
    if (!isArrayLike(c) && !isArrayLike(a) && !isArrayLike(b)) return holds(c) ? toScalar(a) : toScalar(b);
    // Broadcast the three to one shape, then pick elementwise.
    let C = toTensor(c, 'where');
    let A = map2(toTensor(a, 'where'), toTensor(b, 'where'), (x) => x, 'where');
    let B = map2(toTensor(b, 'where'), A, (y) => y, 'where');
    C = map2(C, A, (v) => v, 'where');
    A = map2(A, C, (x) => x, 'where');
    B = map2(B, C, (y) => y, 'where');
    const out = alloc(C.data.length, 'where');
    for (let i = 0; i < out.length; i++)
      out[i] = truthy(C.data[i] as number) ? (A.data[i] as number) : (B.data[i] as number);
    return new Tensor(out, C.shape);
  };

  const trace = (x: unknown): number => {
    const t = toTensor(x, 'trace');
    if (t.shape.length !== 2 || t.shape[0] !== t.shape[1])
      throw new ExperimentError('trace needs a square matrix');
    let s = 0;
    const n = t.shape[0] as number;
    for (let i = 0; i < n; i++) s += t.data[i * n + i] as number;
    return s;
  };

  const scalarOrTensor = (
    x: unknown,
    fn: string,
    f: (t: Tensor) => Tensor | number,
    g: (v: number) => number,
  ): unknown => (typeof x === 'number' ? g(x) : f(toTensor(x, fn)));

  const lib: Record<string, LibFn> = {
    // random
    randn: random(
      'randn',
      () => rng.nextNormal(),
      (o) => rng.fillNormal(o),
    ),
    rand: random(
      'rand',
      () => rng.nextDouble(),
      (o) => rng.fillUniform(o),
    ),
    uniform: (a: unknown, b: unknown, ...shape: unknown[]) => {
      const lo = toScalar(a, 'uniform: a');
      const hi = toScalar(b, 'uniform: b');
      if (!(lo <= hi)) throw new ExperimentError(`uniform(a, b): a must not exceed b (got ${lo}, ${hi})`);
      return random(
        'uniform',
        () => rng.uniform(lo, hi),
        (o) => rng.fillUniform(o, lo, hi),
      )(...shape);
    },
    normal: (mu: unknown, sigma: unknown, ...shape: unknown[]) => {
      const m = toScalar(mu, 'normal: mean');
      const s = toScalar(sigma, 'normal: standard deviation');
      const r = random(
        'normal',
        () => m + s * rng.nextNormal(),
        (o) => {
          rng.fillNormal(o);
          for (let i = 0; i < o.length; i++) o[i] = m + s * (o[i] as number);
        },
      );
      return r(...shape);
    },
    bernoulli: (pA: unknown, ...shape: unknown[]) => {
      const p = fractionArg(pA, 'bernoulli: p');
      return random(
        'bernoulli',
        () => (rng.nextDouble() < p ? 1 : 0),
        (o) => {
          rng.fillUniform(o);
          for (let i = 0; i < o.length; i++) o[i] = (o[i] as number) < p ? 1 : 0;
        },
      )(...shape);
    },
    seed: (s: unknown) => {
      const v = toScalar(s, 'seed');
      if (!Number.isFinite(v)) throw new ExperimentError(`seed needs a finite number, not ${v}`);
      rng.reseed(v);
      return undefined;
    },
    // activations
    relu: (x: unknown, ...rest: unknown[]) =>
      isTensor(x) && rest.length === 0 ? reluTensor(x) : reluScalar(x, ...rest),
    leakyRelu: (x: unknown, alpha: unknown = 0.01) => {
      const a = toScalar(alpha, 'leakyRelu: alpha');
      return elementwise('leakyRelu', (v) => (v > 0 ? v : a * v))(x);
    },
    sigmoid: elementwise('sigmoid', sigmoid),
    heaviside: (x: unknown, h0: unknown = 0) => {
      const at0 = toScalar(h0, 'heaviside: value at 0');
      return elementwise('heaviside', (v) => (v > 0 ? 1 : v < 0 ? 0 : Number.isNaN(v) ? NaN : at0))(x);
    },
    softplus: elementwise('softplus', softplus),
    softmax,
    dropout,
    // layers
    linearInit,
    conv2dParams,
    // calculus
    grad,
    jacobian,
    // statistics
    sample,
    mean: reducer('mean', meanAll),
    variance: reducer('variance', varianceAll),
    std: reducer('std', (v) => Math.sqrt(varianceAll(v))),
    median: reducer('median', medianOf),
    sum: reducer('sum', sumAll),
    prod: reducer('prod', prodOf),
    max: reducer('max', maxOf),
    min: reducer('min', minOf),
    meanCI: (v: unknown, level: unknown = 0.95) =>
      new Tensor(
        Float64Array.from(meanInterval(toTensor(v, 'meanCI').data, toScalar(level, 'meanCI: level'))),
        [2],
      ),
    varCI: (v: unknown, level: unknown = 0.95) =>
      new Tensor(
        Float64Array.from(varianceInterval(toTensor(v, 'varCI').data, toScalar(level, 'varCI: level'))),
        [2],
      ),
    within: (value: unknown, iv: unknown) => {
      const [lo, hi] = interval(iv, 'within: the interval');
      if (typeof value === 'number') return value >= lo && value <= hi;
      for (const v of toTensor(value, 'within').data) if (!(v >= lo && v <= hi)) return false;
      return true;
    },
    // checks and output
    allclose,
    table,
    hist,
    plot,
    show,
    all: (x: unknown) => holds(x),
    any: (x: unknown) => {
      if (!isArrayLike(x)) return holds(x);
      for (const v of toTensor(x, 'any').data) if (truthy(v)) return true;
      return false;
    },
    where,
    // arrays
    zeros: fill('zeros', 0),
    ones: fill('ones', 1),
    eye,
    identity: eye,
    linspace,
    range,
    reshape,
    flatten: (x: unknown) => {
      const t = toTensor(x, 'flatten');
      return new Tensor(t.data, [t.data.length]);
    },
    diag,
    concat,
    size: (x: unknown) => {
      const shape = isArrayLike(x) ? toTensor(x, 'size').shape : [];
      return new Tensor(Float64Array.from(shape), [shape.length]);
    },
    numel: (x: unknown) => (isArrayLike(x) ? toTensor(x, 'numel').data.length : 1),
    cumsum: (x: unknown) => {
      const t = toTensor(x, 'cumsum');
      const out = alloc(t.data.length, 'cumsum');
      let s = 0;
      for (let i = 0; i < out.length; i++) out[i] = s += t.data[i] as number;
      return new Tensor(out, [out.length]);
    },
    // linear algebra
    transpose: (x: unknown) => (typeof x === 'number' ? x : transpose(toTensor(x, 'transpose'))),
    dot: (a: unknown, b: unknown) => dot(toTensor(a, 'dot'), toTensor(b, 'dot')),
    outer: (a: unknown, b: unknown) => {
      const u = toTensor(a, 'outer');
      const v = toTensor(b, 'outer');
      return matmul(new Tensor(u.data, [u.data.length, 1]), new Tensor(v.data, [1, v.data.length]));
    },
    norm,
    inv: (x: unknown) => scalarOrTensor(x, 'inv', inv, (v) => 1 / v),
    det: (x: unknown) => scalarOrTensor(x, 'det', det, (v) => v),
    solve: (a: unknown, b: unknown) => solve(toTensor(a, 'solve'), toTensor(b, 'solve')),
    trace,
  };
  const unary: Record<string, (v: number) => number> = {
    abs: Math.abs,
    exp: Math.exp,
    expm1: Math.expm1,
    log1p: Math.log1p,
    log2: Math.log2,
    log10: Math.log10,
    sqrt: Math.sqrt,
    cbrt: Math.cbrt,
    square: (v) => v * v,
    sin: Math.sin,
    cos: Math.cos,
    tan: Math.tan,
    asin: Math.asin,
    acos: Math.acos,
    atan: Math.atan,
    sinh: Math.sinh,
    cosh: Math.cosh,
    tanh: Math.tanh,
    floor: Math.floor,
    ceil: Math.ceil,
    sign: Math.sign,
    isnan: (v) => (Number.isNaN(v) ? 1 : 0),
  };
  for (const [name, f] of Object.entries(unary)) lib[name] = elementwise(name, f);
  lib.log = (x: unknown, base?: unknown) => {
    const r = elementwise('log', Math.log)(x);
    if (base === undefined) return r;
    const lb = Math.log(toScalar(base, 'log: base'));
    return typeof r === 'number' ? r / lb : map1(r as Tensor, (v) => v / lb);
  };
  lib.round = (x: unknown, digits: unknown = 0) => {
    const f = 10 ** intArg(digits, 'round: digits');
    return elementwise('round', (v) => Math.round(v * f) / f)(x);
  };
  return lib;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;
}
