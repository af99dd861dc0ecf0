// Numerical derivatives by central differences: grad and jacobian.
import { checkBudget } from '../context';
import { ExperimentError, Tensor, alloc, copyOf, describe, isArrayLike, toTensor } from '../tensor';
import { type LibFn, type LibraryEnv, fnArg } from './args';

function callNumber(f: LibFn, x: unknown, fn: string): number {
  const y = f(x);
  if (typeof y === 'number') return y;
  if (isArrayLike(y) && toTensor(y).data.length === 1) return toTensor(y).data[0] as number;
  throw new ExperimentError(`${fn}: the function must return a number, but it returned ${describe(y)}`);
}

/** Central-difference step: ∛ε balances truncation (h²) against rounding (ε/h) error. */
function stepFor(x: number): number {
  return 6.055454452393343e-6 * Math.max(1, Math.abs(x));
}

function copyWith(t: Tensor, i: number, v: number): Tensor {
  const c = new Tensor(copyOf(t.data, 'a shifted point'), t.shape);
  c.data[i] = v;
  return c;
}

export function calculusFunctions({ ctx }: LibraryEnv): Record<string, LibFn> {
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

  const lib: Record<string, LibFn> = {
    grad,
    jacobian,
  };
  return lib;
}
