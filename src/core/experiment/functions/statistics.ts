// Sampling, reductions and confidence intervals: sample, mean, variance, median, meanCI, within…
import { checkBudget } from '../context';
import { meanAll, reduceAxis, sumAll, varianceAll } from '../kernels';
import { meanInterval, varianceInterval } from '../stats';
import {
  ExperimentError,
  Tensor,
  alloc,
  describe,
  isArrayLike,
  toScalar,
  toTensor,
  unwrapScalar,
} from '../tensor';
import { type LibFn, type LibraryEnv, fnArg, intArg, interval, maxOf, minOf } from './args';

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

export function statisticsFunctions({ ctx, hooks }: LibraryEnv): Record<string, LibFn> {
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

  const lib: Record<string, LibFn> = {
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
  };
  return lib;
}
