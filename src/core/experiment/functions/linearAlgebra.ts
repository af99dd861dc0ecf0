// Linear algebra on tensors: transpose, dot, outer, norm, inv, det, solve, trace.
import { dot, map1, matmul, reduceAxis, sumAll, transpose } from '../kernels';
import { det, inv, solve } from '../linalg';
import { ExperimentError, Tensor, toScalar, toTensor } from '../tensor';
import { type LibFn, type LibraryEnv, maxOf } from './args';

export function linearAlgebraFunctions(_env: LibraryEnv): Record<string, LibFn> {
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
  return lib;
}
