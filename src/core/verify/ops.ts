// Arithmetic on evaluator values with the conventions homework relies on: `AB` is the matrix product
// (operand order kept), a 1×1 result such as `xᵀy` behaves as a scalar, `x · y` of two columns is their
// dot product, a scalar added to a matrix is broadcast (the NumPy convention of deep-learning notes), and
// `I` takes the size of the matrix it meets.
import { dims, inv, matmul, matPow, transpose, zipWith } from './linalg';
import { probe, sumOf, underflowCheck } from './rounding';
import { Eye, Mat, ShapeError, type Value } from './value';

/** The scalar a value stands for, if it is one (a number, a 1×1 matrix). */
export function scalarOf(v: Value): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof Mat && v.rows === 1 && v.cols === 1) return v.data[0] as number;
  return undefined;
}

/** A scalar, or an error naming what it was. */
export function needScalar(v: Value, what: string): number {
  const s = scalarOf(v);
  if (s !== undefined) return s;
  if (v instanceof Eye) return v.c;
  throw new ShapeError(`${what} needs a scalar, got a ${dims(v as Mat)} matrix`);
}

/** `I` made concrete at the size of a square matrix it meets. */
function eyeAs(e: Eye, m: Mat, what: string): Mat {
  if (m.rows !== m.cols) throw new ShapeError(`cannot ${what} I and a non-square ${dims(m)} matrix`);
  return Mat.identity(m.rows, e.c);
}

// Arithmetic results pass through `probe`, which nudges them while a rounding probe runs (rounding.ts).
export function add(a: Value, b: Value): Value {
  return probe(addSub(a, b, 1));
}

export function sub(a: Value, b: Value): Value {
  return probe(addSub(a, b, -1));
}

function addSub(a: Value, b: Value, sign: 1 | -1): Value {
  const what = sign === 1 ? 'add' : 'subtract';
  if (typeof a === 'number' && typeof b === 'number') return sumOf(a, sign * b);
  if (a instanceof Eye && b instanceof Eye) return new Eye(a.c + sign * b.c);
  if (a instanceof Eye) a = b instanceof Mat ? eyeAs(a, b, what) : a.c;
  if (b instanceof Eye) b = a instanceof Mat ? eyeAs(b, a, what) : b.c;
  if (typeof a === 'number' && typeof b === 'number') return sumOf(a, sign * b);
  if (typeof a === 'number') {
    const s = a;
    return (b as Mat).map((y) => s + sign * y);
  }
  if (typeof b === 'number') {
    const s = b;
    return a.map((x) => x + sign * s);
  }
  const bm = b as Mat;
  if (a.rows !== bm.rows || a.cols !== bm.cols) {
    const sa = scalarOf(a);
    const sb = scalarOf(bm);
    if (sa !== undefined) return bm.map((y) => sa + sign * y);
    if (sb !== undefined) return a.map((x) => x + sign * sb);
  }
  return zipWith(a, bm, sign === 1 ? (x, y) => x + y : (x, y) => x - y, what);
}

export function neg(a: Value): Value {
  if (typeof a === 'number') return -a;
  if (a instanceof Eye) return new Eye(-a.c);
  return a.map((x) => -x);
}

export function mul(a: Value, b: Value): Value {
  return probe(product(a, b));
}

function product(a: Value, b: Value): Value {
  if (typeof a === 'number') {
    if (typeof b === 'number') return underflowCheck(a * b, a !== 0 && b !== 0);
    if (b instanceof Eye) return new Eye(a * b.c);
    return b.map((y) => a * y);
  }
  if (typeof b === 'number') {
    if (a instanceof Eye) return new Eye(a.c * b);
    return a.map((x) => x * b);
  }
  if (a instanceof Eye) return b instanceof Eye ? new Eye(a.c * b.c) : b.map((y) => a.c * y);
  if (b instanceof Eye) return a.map((x) => x * b.c);
  if (a.cols === b.rows) return matmul(a, b);
  const sa = scalarOf(a);
  if (sa !== undefined) return b.map((y) => sa * y);
  const sb = scalarOf(b);
  if (sb !== undefined) return a.map((x) => x * sb);
  if (a.cols === 1 && b.cols === 1 && a.rows === b.rows) {
    let s = 0;
    for (let i = 0; i < a.rows; i++) s += (a.data[i] as number) * (b.data[i] as number);
    return s;
  }
  return matmul(a, b);
}

export function div(a: Value, b: Value): Value {
  return probe(quotient(a, b));
}

function quotient(a: Value, b: Value): Value {
  const d = scalarOf(b) ?? (b instanceof Eye ? b.c : undefined);
  if (d === undefined) throw new ShapeError(`cannot divide by a ${dims(b as Mat)} matrix`);
  if (typeof a === 'number') return underflowCheck(a / d, a !== 0);
  if (a instanceof Eye) return new Eye(a.c / d);
  return a.map((x) => x / d);
}

export function pow(a: Value, b: Value): Value {
  return probe(power(a, b));
}

function power(a: Value, b: Value): Value {
  const e = needScalar(b, 'an exponent');
  if (typeof a === 'number') return underflowCheck(Math.pow(a, e), a !== 0);
  if (a instanceof Eye) return new Eye(Math.pow(a.c, e));
  const s = scalarOf(a);
  if (s !== undefined) return Math.pow(s, e);
  if (!Number.isInteger(e)) throw new ShapeError(`non-integer power of a ${dims(a)} matrix`);
  if (a.rows !== a.cols) {
    throw new ShapeError(
      `power of a non-square ${dims(a)} value (write x \\odot x or \\|x\\|^2 for a vector)`,
    );
  }
  return matPow(a, e);
}

export function transposeValue(a: Value): Value {
  if (a instanceof Mat) return transpose(a);
  return a;
}

export function inverse(a: Value): Value {
  if (typeof a === 'number') return 1 / a;
  if (a instanceof Eye) return new Eye(1 / a.c);
  const s = scalarOf(a);
  if (s !== undefined) return 1 / s;
  return inv(a);
}

const positiveFunctions = new Set(['exp', 'sigmoid', 'softplus']);

/** A scalar function applied entrywise, as deep-learning notation applies σ, exp, log to vectors. */
export function elementwise(a: Value, f: (x: number) => number, name: string): Value {
  // The argument is nudged, not the result: the error of `\sin(\pi)` is the error of π, not of sin.
  a = probe(a);
  // exp and the sigmoid are positive everywhere: a 0 from them is an underflow (`e^{-1712}`).
  if (typeof a === 'number') return underflowCheck(f(a), positiveFunctions.has(name));
  if (a instanceof Eye) throw new ShapeError(`the size of I inside ${name} is unknown`);
  return a.map(f);
}

export function hadamard(a: Value, b: Value): Value {
  if (a instanceof Eye && b instanceof Mat) a = eyeAs(a, b, 'multiply entrywise');
  if (b instanceof Eye && a instanceof Mat) b = eyeAs(b, a, 'multiply entrywise');
  if (!(a instanceof Mat) || !(b instanceof Mat)) return mul(a, b);
  return zipWith(a, b, (x, y) => x * y, 'multiply entrywise');
}
