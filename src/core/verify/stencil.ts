// Numeric derivatives: the five-point stencil, with a kink test, and the gradient over a vector or
// matrix variable entry by entry.
import { tick, type Env, type Evaluator } from './env';
import { add, div, mul, scalarOf, sub } from './ops';
import { Eye, InvalidSample, Mat, ShapeError, type Value } from './value';

/** The combination Σ cᵢ·vᵢ of values of one shape (numbers or matrices). */
function combine(coeffs: number[], vals: Value[]): Value {
  let acc: Value = 0;
  coeffs.forEach((c, i) => {
    acc = add(acc, mul(c, vals[i] as Value));
  });
  return acc;
}

/** The largest absolute entry of a value. */
export function maxAbs(v: Value): number {
  if (typeof v === 'number') return Math.abs(v);
  if (v instanceof Eye) return Math.abs(v.c);
  let m = 0;
  for (const x of v.data) m = Math.max(m, Math.abs(x));
  return m;
}

/** d body / dt at t, by the five-point stencil; a kink (left and right slopes differ) makes the sample invalid. */
export function scalarDerivative(env: Env, t: number, at: (x: number) => Value): Value {
  const h = 1e-3 * Math.max(1, Math.abs(t));
  tick(env, 5);
  const f0 = at(t);
  const fp1 = at(t + h);
  const fm1 = at(t - h);
  const fp2 = at(t + 2 * h);
  const fm2 = at(t - 2 * h);
  const coarse = div(combine([1, -8, 8, -1], [fm2, fm1, fp1, fp2]), 12 * h);
  // One Richardson step on the stencil (its error is O(h⁴)): a fast-turning body such as sin(x²) at
  // x = 7 is off by 1e-5 at this h, enough to refute a true derivative.
  tick(env, 4);
  const q = h / 2;
  const fine = div(combine([1, -8, 8, -1], [at(t - 2 * q), at(t - q), at(t + q), at(t + 2 * q)]), 12 * q);
  const central = add(fine, div(sub(fine, coarse), 15));
  const forward = div(combine([-3, 4, -1], [f0, fp1, fp2]), 2 * h);
  const backward = div(combine([3, -4, 1], [f0, fm1, fm2]), 2 * h);
  const gap = maxAbs(sub(forward, backward));
  if (!(gap <= 1e-3 * (1 + maxAbs(central) + maxAbs(f0)))) {
    throw new InvalidSample('not differentiable at this point');
  }
  return central;
}

/** d body / d(slot) at the sample: a number, or one derivative per entry of a vector or matrix variable. */
export function differentiate(env: Env, slot: number, body: Evaluator): Value {
  const x0 = env.slots[slot] as Value;
  try {
    if (typeof x0 === 'number') {
      return scalarDerivative(env, x0, (t) => {
        env.slots[slot] = t;
        return body(env);
      });
    }
    if (x0 instanceof Eye) throw new ShapeError('cannot differentiate with respect to I');
    const parts: Value[] = [];
    for (let j = 0; j < x0.data.length; j++) {
      parts.push(
        scalarDerivative(env, x0.data[j] as number, (t) => {
          const x = new Mat(x0.rows, x0.cols, Float64Array.from(x0.data));
          x.data[j] = t;
          env.slots[slot] = x;
          return body(env);
        }),
      );
    }
    if (parts.every((p) => scalarOf(p) !== undefined)) {
      return new Mat(x0.rows, x0.cols, Float64Array.from(parts.map((p) => scalarOf(p) as number)));
    }
    // A vector-valued body: the Jacobian, one column per component of the variable.
    const first = parts[0];
    if (x0.cols !== 1 || !(first instanceof Mat) || first.cols !== 1) {
      throw new ShapeError(
        'a derivative of a matrix-valued expression, or with respect to a matrix, is not supported',
      );
    }
    const m = first.rows;
    const jac = Mat.zeros(m, x0.rows);
    parts.forEach((p, j) => {
      if (!(p instanceof Mat) || p.rows !== m || p.cols !== 1)
        throw new ShapeError('a Jacobian of uneven parts');
      for (let i = 0; i < m; i++) jac.data[i * x0.rows + j] = p.data[i] as number;
    });
    return jac;
  } finally {
    env.slots[slot] = x0;
  }
}
