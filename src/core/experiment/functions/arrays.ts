// Building, reshaping, comparing and mapping arrays: zeros, linspace, concat, where, allclose, exp, log…
import { map1, map2 } from '../kernels';
import { ExperimentError, Tensor, alloc, isArrayLike, numel, toScalar, toTensor, zerosOf } from '../tensor';
import { type LibFn, type LibraryEnv, elementwise, holds, intArg, shapeFrom, truthy } from './args';

export function arrayFunctions(_env: LibraryEnv): Record<string, LibFn> {
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

  const lib: Record<string, LibFn> = {
    allclose,
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
