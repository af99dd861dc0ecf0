// Cases: piecewise definitions, comparisons as values (1 or 0, entrywise over vectors and matrices), and
// the cases of a piecewise definition taken entry by entry, as ReLU(x) of a vector needs.
import type { CompilerApi, Scope, AnyNode } from './compilerApi';
import type { Env, Evaluator } from './env';
import { needScalar, scalarOf } from './ops';
import { Eye, InvalidSample, Mat, ShapeError, type Value } from './value';
import type { FunctionSpec } from './registry';

export const piecewiseFunction: FunctionSpec = {
  names: ['piecewise'],
  compile: (c, args, scope) => piecewise(c, args, scope),
};

/** The numeric meaning of mathjs's comparison operators. */
export const relationOps: Record<string, (a: number, b: number) => boolean> = {
  smaller: (a, b) => a < b,
  smallerEq: (a, b) => a <= b,
  larger: (a, b) => a > b,
  largerEq: (a, b) => a >= b,
  equal: (a, b) => a === b,
  unequal: (a, b) => a !== b,
};

/** A comparison as 1/0, entrywise when a side is a vector or matrix (`x > 0` in the cases of ReLU(x)). */
export function truth(a: Value, b: Value, op: (x: number, y: number) => boolean): Value {
  const sa = a instanceof Mat ? scalarOf(a) : needScalar(a, 'a comparison');
  const sb = b instanceof Mat ? scalarOf(b) : needScalar(b, 'a comparison');
  if (sa !== undefined && sb !== undefined) return op(sa, sb) ? 1 : 0;
  if (sa !== undefined) return (b as Mat).map((y) => (op(sa, y) ? 1 : 0));
  if (sb !== undefined) return (a as Mat).map((x) => (op(x, sb) ? 1 : 0));
  const am = a as Mat;
  const bm = b as Mat;
  if (am.rows !== bm.rows || am.cols !== bm.cols)
    throw new ShapeError(`cannot compare ${am.rows}×${am.cols} and ${bm.rows}×${bm.cols}`);
  return new Mat(
    am.rows,
    am.cols,
    am.data.map((x, i) => (op(x, bm.data[i] as number) ? 1 : 0)),
  );
}

/** Cases whose conditions hold entry by entry: each entry takes the value of its first true case. */
export function entrywiseCases(
  env: Env,
  first: Mat,
  from: number,
  pairs: [Evaluator, Evaluator][],
  otherwise: Evaluator | undefined,
): Mat {
  const out = new Float64Array(first.data.length).fill(NaN);
  const done = new Uint8Array(out.length);
  const entry = (v: Value, k: number): number => {
    if (typeof v === 'number') return v;
    if (v instanceof Eye) throw new ShapeError('the size of I inside cases is unknown');
    const s = scalarOf(v);
    if (s !== undefined) return s;
    if (v.rows !== first.rows || v.cols !== first.cols) throw new ShapeError('cases of different shapes');
    return v.data[k] as number;
  };
  for (let p = from; p < pairs.length; p++) {
    const [cond, value] = pairs[p] as [Evaluator, Evaluator];
    const c = p === from ? first : cond(env);
    const v = value(env);
    for (let k = 0; k < out.length; k++) {
      if (!done[k] && entry(c, k) !== 0) {
        out[k] = entry(v, k);
        done[k] = 1;
      }
    }
  }
  if (otherwise && done.some((d) => d === 0)) {
    const v = otherwise(env);
    for (let k = 0; k < out.length; k++) if (!done[k]) out[k] = entry(v, k);
  } else if (done.some((d) => d === 0)) {
    throw new InvalidSample('no case of the piecewise definition applies');
  }
  return new Mat(first.rows, first.cols, out);
}

export function piecewise(c: CompilerApi, args: AnyNode[], scope: Scope): Evaluator {
  const ev = args.map((a) => c.node(a, scope));
  const otherwise = ev.length % 2 === 1 ? ev[ev.length - 1] : undefined;
  const pairs: [Evaluator, Evaluator][] = [];
  for (let i = 0; i + 1 < ev.length; i += 2) pairs.push([ev[i] as Evaluator, ev[i + 1] as Evaluator]);
  return (env) => {
    for (let k = 0; k < pairs.length; k++) {
      const [cond, value] = pairs[k] as [Evaluator, Evaluator];
      const truthValue = cond(env);
      if (truthValue instanceof Mat && scalarOf(truthValue) === undefined)
        return entrywiseCases(env, truthValue, k, pairs, otherwise);
      const s = needScalar(truthValue, 'a condition of cases');
      if (s !== 0 && !Number.isNaN(s)) return value(env);
    }
    if (otherwise) return otherwise(env);
    throw new InvalidSample('no case of the piecewise definition applies');
  };
}
