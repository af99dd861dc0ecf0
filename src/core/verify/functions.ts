// Numeric meanings of the vocabulary's ordinary functions (those whose arguments are evaluated first).
// Scalar functions apply entrywise to vectors and matrices, as deep-learning notation does.
import { create, gammaDependencies, type FactoryFunctionMap } from 'mathjs';
import { det, diag, frobenius, pNorm, spectralNorm, trace } from './linalg';
import { elementwise, hadamard, inverse, needScalar, transposeValue } from './ops';
import { Eye, InvalidSample, Mat, ShapeError, type Value } from './value';
import { lookupTable } from '../lookup';

// Only the gamma function is taken from mathjs (for real-valued factorials and binomials): a lean instance
// keeps the bundle small, and everything else here is a few lines over Float64Array.
const math = create({ gammaDependencies } as FactoryFunctionMap);

function gamma(x: number): number {
  if (Number.isInteger(x) && x <= 0) return NaN;
  const g = math.gamma(x) as unknown;
  return typeof g === 'number' ? g : NaN;
}

export function factorial(x: number): number {
  if (Number.isInteger(x)) {
    if (x < 0) return NaN;
    if (x > 170) return Infinity;
    let p = 1;
    for (let i = 2; i <= x; i++) p *= i;
    return p;
  }
  return gamma(x + 1);
}

function binom(n: number, k: number): number {
  if (Number.isInteger(n) && Number.isInteger(k) && n >= 0) {
    if (k < 0 || k > n) return 0;
    // The partial products are C(n - m + i, i) ≥ 2^i, so the loop ends at overflow within ~1100 steps
    // however large n and k are (\binom{10^{15}}{10^{14}} once ran for hours).
    const m = Math.min(k, n - k);
    let p = 1;
    for (let i = 1; i <= m && p !== Infinity; i++) p = (p * (n - m + i)) / i;
    return p;
  }
  return gamma(n + 1) / (gamma(k + 1) * gamma(n - k + 1));
}

function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** The real n-th root (odd roots of negatives are negative; even roots of negatives undefined). */
function nthRoot(x: number, n: number): number {
  if (x < 0 && Number.isInteger(n) && Math.abs(n) % 2 === 1) return -Math.pow(-x, 1 / n);
  return Math.pow(x, 1 / n);
}

function requireMat(v: Value, name: string): Mat | number {
  if (v instanceof Eye) throw new ShapeError(`the size of I inside ${name} is unknown`);
  return v;
}

function extremum(args: Value[], pick: (a: number, b: number) => number, name: string): Value {
  if (args.length === 0) throw new ShapeError(`${name} needs an argument`);
  if (args.length === 1) {
    const only = requireMat(args[0] as Value, name);
    if (typeof only === 'number') return only;
    return only.data.reduce((m, x) => pick(m, x));
  }
  let acc = requireMat(args[0] as Value, name);
  for (const next of args.slice(1)) {
    const b = requireMat(next, name);
    const a = acc;
    if (typeof a === 'number' && typeof b === 'number') acc = pick(a, b);
    else if (typeof a === 'number') acc = (b as Mat).map((y) => pick(a, y));
    else if (typeof b === 'number') acc = a.map((x) => pick(x, b));
    else {
      if (a.rows !== b.rows || a.cols !== b.cols)
        throw new ShapeError(`${name} of values of different shapes`);
      acc = new Mat(
        a.rows,
        a.cols,
        a.data.map((x, i) => pick(x, b.data[i] as number)),
      );
    }
  }
  return acc;
}

function softmax(v: Value): Value {
  const m = requireMat(v, 'softmax');
  if (typeof m === 'number') return Number.isFinite(m) ? 1 : NaN;
  let top = -Infinity;
  for (const x of m.data) top = Math.max(top, x);
  const ex = m.map((x) => Math.exp(x - top));
  let s = 0;
  for (const x of ex.data) s += x;
  return ex.map((x) => x / s);
}

function unary(f: (x: number) => number, name: string): (args: Value[]) => Value {
  return (args) => {
    if (args.length !== 1) throw new ShapeError(`${name} takes one argument, given ${args.length}`);
    return elementwise(args[0] as Value, f, name);
  };
}

function onMatrix(name: string, ofMat: (m: Mat) => number | Mat): (args: Value[]) => Value {
  return (args) => {
    const v = requireMat(args[0] as Value, name);
    return typeof v === 'number'
      ? name === 'diag' || name === 'trace' || name === 'det'
        ? v
        : Math.abs(v)
      : ofMat(v);
  };
}

/** Every function of the vocabulary whose arguments are plain values. */
export const builtins: Readonly<Record<string, (args: Value[]) => Value>> = lookupTable({
  transpose: (a) => transposeValue(a[0] as Value),
  inv: (a) => inverse(a[0] as Value),
  det: onMatrix('det', det),
  trace: onMatrix('trace', trace),
  diag: onMatrix('diag', diag),
  norm: onMatrix('norm', (m) => (m.cols === 1 || m.rows === 1 ? pNorm(m, 2) : spectralNorm(m))),
  normFro: onMatrix('normFro', frobenius),
  normP: (a) => {
    const p = needScalar(a[1] ?? 2, 'the p of a p-norm');
    const v = requireMat(a[0] as Value, 'normP');
    return typeof v === 'number' ? Math.abs(v) : pNorm(v, p);
  },
  abs: unary(Math.abs, 'abs'),
  hadamard: (a) => hadamard(a[0] as Value, a[1] as Value),
  sqrt: unary(Math.sqrt, 'sqrt'),
  nthRoot: (a) => {
    const n = needScalar(a[1] ?? 2, 'the index of a root');
    return elementwise(a[0] as Value, (x) => nthRoot(x, n), 'nthRoot');
  },
  exp: unary(Math.exp, 'exp'),
  log: unary(Math.log, 'log'),
  log2: unary(Math.log2, 'log2'),
  log10: unary(Math.log10, 'log10'),
  sin: unary(Math.sin, 'sin'),
  cos: unary(Math.cos, 'cos'),
  tan: unary(Math.tan, 'tan'),
  tanh: unary(Math.tanh, 'tanh'),
  sinh: unary(Math.sinh, 'sinh'),
  cosh: unary(Math.cosh, 'cosh'),
  arctan: unary(Math.atan, 'arctan'),
  max: (a) => extremum(a, Math.max, 'max'),
  min: (a) => extremum(a, Math.min, 'min'),
  relu: unary((x) => (x > 0 ? x : 0), 'relu'),
  sigmoid: unary(sigmoid, 'sigmoid'),
  softmax: (a) => softmax(a[0] as Value),
  binom: (a) => binom(needScalar(a[0] as Value, 'binom'), needScalar(a[1] as Value, 'binom')),
  floor: unary(Math.floor, 'floor'),
  ceil: unary(Math.ceil, 'ceil'),
  sign: unary(Math.sign, 'sign'),
  factorial: unary(factorial, 'factorial'),
  // `X \in \mathbb{R}` in an event: the sure event, for a real random variable.
  isReal: (a) => (Number.isFinite(needScalar(a[0] as Value, 'x \\in \\mathbb{R}')) ? 1 : 0),
  within: (a) => {
    const [x, lo, hi, openLo, openHi] = a.map((v) => needScalar(v, 'an interval'));
    if ((lo as number) > (hi as number))
      throw new InvalidSample('an interval is written with its ends out of order at this point');
    const above = openLo ? (x as number) > (lo as number) : (x as number) >= (lo as number);
    const below = openHi ? (x as number) < (hi as number) : (x as number) <= (hi as number);
    return above && below ? 1 : 0;
  },
});
