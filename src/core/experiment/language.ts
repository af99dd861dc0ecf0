// The experiment language: a mathjs instance made with `create()` from only the factories the parser and
// operators need, the library imported over it, operators overridden so arrays run on the Float64Array
// kernels, and every function mathjs's security notes name replaced by one that refuses.
import {
  type MathNode,
  addDependencies,
  andDependencies,
  create,
  divideDependencies,
  dotDivideDependencies,
  dotMultiplyDependencies,
  dotPowDependencies,
  equalDependencies,
  indexDependencies,
  largerDependencies,
  largerEqDependencies,
  matrixDependencies,
  modDependencies,
  multiplyDependencies,
  notDependencies,
  orDependencies,
  parseDependencies,
  powDependencies,
  smallerDependencies,
  smallerEqDependencies,
  subsetDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  unequalDependencies,
  xorDependencies,
} from 'mathjs';
import { type RunContext } from './context';
import { formatValue } from './format';
import { type BinaryOp, map1, map2, matmul, transpose } from './kernels';
import { type LibFn, createLibrary, holds } from './library';
import { inv } from './linalg';
import { vectorisedSample } from './sample';
import { ExperimentError, Tensor, describe, indexHooks, isArrayLike, isTensor, toNested, toTensor, unwrapScalar, zerosOf } from './tensor';

/** What mathjs's security notes name, and the instance's own members that reach the same power. */
export const DISABLED_FUNCTIONS = [
  'import',
  'createUnit',
  'reviver',
  'replacer',
  'evaluate',
  'parse',
  'compile',
  'simplify',
  'simplifyConstant',
  'simplifyCore',
  'derivative',
  'resolve',
  'rationalize',
  'symbolicEqual',
  'leafCount',
  'chain',
  'parser',
  'config',
  'typed',
  'create',
  'factory',
  'help',
  'on',
  'off',
  'once',
  'emit',
] as const;

/** A user function defined in the block, as the vectoriser needs it. */
export interface UserFunction {
  params: string[];
  expr: MathNode;
}

export interface Language {
  /** Parses one statement (never exposed to the block itself). */
  parse(code: string): MathNode;
  /** Evaluates a parsed statement in the block's scope. */
  evaluate(node: MathNode, scope: Map<string, unknown>): unknown;
  /** Functions the block defined (`f(x) = …`), keyed by the function value, for `sample`. */
  userFunctions: WeakMap<object, UserFunction>;
}

type AnyFn = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any

// mathjs's nearlyEqual tolerances (its default config), so `0.1 + 0.2 == 0.3` holds on arrays as on numbers.
const REL_TOL = 1e-12;
const ABS_TOL = 1e-15;

function near(x: number, y: number): boolean {
  if (x === y) return true;
  if (Number.isNaN(x) || Number.isNaN(y) || !Number.isFinite(x) || !Number.isFinite(y)) return false;
  return Math.abs(x - y) <= Math.max(REL_TOL * Math.max(Math.abs(x), Math.abs(y)), ABS_TOL);
}

const truth = (v: number): boolean => v !== 0 && !Number.isNaN(v);
const b01 = (b: boolean): number => (b ? 1 : 0);

/** Creates a fresh instance bound to one run's context. */
export function createLanguage(ctx: RunContext): Language {
  const factories = {
    parseDependencies,
    addDependencies,
    subtractDependencies,
    multiplyDependencies,
    divideDependencies,
    powDependencies,
    modDependencies,
    unaryMinusDependencies,
    unaryPlusDependencies,
    dotMultiplyDependencies,
    dotDivideDependencies,
    dotPowDependencies,
    equalDependencies,
    unequalDependencies,
    largerDependencies,
    largerEqDependencies,
    smallerDependencies,
    smallerEqDependencies,
    andDependencies,
    orDependencies,
    notDependencies,
    xorDependencies,
    indexDependencies,
    subsetDependencies,
    matrixDependencies,
  };
  // mathjs's typings mark each `…Dependencies` export as possibly undefined; they are all defined.
  const math = create(factories as unknown as Parameters<typeof create>[0]) as unknown as Record<string, AnyFn> & {
    import(o: Record<string, unknown>, opts: { override: boolean }): void;
    expression: { transform: Record<string, AnyFn> };
  };
  const parse = math.parse as (code: string) => MathNode;
  const origMatrix = math.matrix as AnyFn;
  // The 1-based index of the expression language is a transform of `index`, found in this namespace.
  const origIndex = (math.expression as unknown as { mathWithTransform: Record<string, AnyFn> }).mathWithTransform.index as AnyFn;
  const orig = (name: string): AnyFn => math[name] as AnyFn;

  const userFunctions = new WeakMap<object, UserFunction>();
  const library = createLibrary(ctx, {
    format: formatValue,
    sampleVectorised: (f, n) => vectorisedSample(f, n, { userFunctions, scope: currentScope, library: lib, operators }),
  });
  let currentScope: Map<string, unknown> = new Map();

  /** A binary operator: numbers inline, arrays on the kernels, anything else to mathjs. */
  const binary = (name: string, scalar: (a: number, b: number) => unknown, onTensors: (a: Tensor, b: Tensor) => unknown): AnyFn => {
    const fallback = orig(name);
    return (...args: unknown[]) => {
      if (args.length === 2) {
        const [a, b] = args;
        if (typeof a === 'number' && typeof b === 'number') return scalar(a, b);
        if (isArrayLike(a) || isArrayLike(b)) return onTensors(toTensor(a, name), toTensor(b, name));
      }
      return fallback(...args);
    };
  };
  const elementwise2 = (name: string, f: (a: number, b: number) => number, kind: BinaryOp = 'other'): AnyFn =>
    binary(name, f, (a, b) => map2(a, b, f, name, kind));
  const compare = (name: string, f: (a: number, b: number) => boolean): AnyFn =>
    binary(name, f, (a, b) => map2(a, b, (x, y) => b01(f(x, y)), name));
  const unary = (name: string, f: (a: number) => unknown, onTensor: (t: Tensor) => unknown): AnyFn => {
    const fallback = orig(name);
    return (x: unknown) => (typeof x === 'number' ? f(x) : isArrayLike(x) ? onTensor(toTensor(x, name)) : fallback(x));
  };

  const multiply = binary(
    'multiply',
    (a, b) => a * b,
    (a, b) => (a.shape.length === 0 || b.shape.length === 0 ? map2(a, b, (x, y) => x * y, 'multiply', 'mul') : matmul(a, b)),
  );
  const divide = binary(
    'divide',
    (a, b) => a / b,
    (a, b) => {
      if (b.shape.length >= 2) {
        throw new ExperimentError('A / B with a matrix B is ambiguous here: write A * inv(B), or ./ for elementwise division');
      }
      return map2(a, b, (x, y) => x / y, 'divide', 'div');
    },
  );
  const pow = binary(
    'pow',
    (a, b) => a ** b,
    (a, b) => {
      if (a.shape.length === 0 && b.shape.length === 0) return (a.data[0] as number) ** (b.data[0] as number);
      if (b.shape.length === 0 && a.shape.length === 2 && a.shape[0] === a.shape[1]) return matrixPower(a, b.data[0] as number);
      throw new ExperimentError(`^ of ${describe(a)}: use .^ for elementwise powers (A ^ k needs a square matrix and a whole k)`);
    },
  );
  const trans = (x: unknown): unknown => (isArrayLike(x) ? transpose(toTensor(x, 'transpose')) : x);

  const overrides: Record<string, unknown> = {
    add: elementwise2('add', (a, b) => a + b, 'add'),
    subtract: elementwise2('subtract', (a, b) => a - b, 'sub'),
    multiply,
    divide,
    pow,
    dotMultiply: elementwise2('dotMultiply', (a, b) => a * b, 'mul'),
    dotDivide: elementwise2('dotDivide', (a, b) => a / b, 'div'),
    dotPow: elementwise2('dotPow', (a, b) => a ** b),
    mod: elementwise2('mod', (a, b) => (b === 0 ? a : a - b * Math.floor(a / b))),
    unaryMinus: unary('unaryMinus', (a) => -a, (t) => map1(t, (v) => -v)),
    unaryPlus: unary('unaryPlus', (a) => a, (t) => t),
    not: unary('not', (a) => !truth(a), (t) => map1(t, (v) => b01(!truth(v)))),
    transpose: trans,
    ctranspose: trans,
    equal: compare('equal', near),
    unequal: compare('unequal', (a, b) => !near(a, b)),
    larger: compare('larger', (a, b) => a > b && !near(a, b)),
    largerEq: compare('largerEq', (a, b) => a > b || near(a, b)),
    smaller: compare('smaller', (a, b) => a < b && !near(a, b)),
    smallerEq: compare('smallerEq', (a, b) => a < b || near(a, b)),
    and: compare('and', (a, b) => truth(a) && truth(b)),
    or: compare('or', (a, b) => truth(a) || truth(b)),
    xor: compare('xor', (a, b) => truth(a) !== truth(b)),
    // `[…]` literals become tensors (rows of `[1, 2; 3, 4]` arrive as tensors already).
    matrix: (x: unknown = []) => stack(x),
    // Index arguments arrive as tensors from `a:b`; mathjs's index transform wants arrays.
    index: (...dims: unknown[]) => origIndex(...dims.map((d) => (isTensor(d) ? toNested(d) : d))),
    check: makeCheck(),
    pi: Math.PI,
    e: Math.E,
    tau: 2 * Math.PI,
    Infinity,
    NaN,
  };
  const lib: Record<string, LibFn> = { ...library };
  const operators = overrides as Record<string, LibFn>;
  const disabled: Record<string, AnyFn> = {};
  for (const name of DISABLED_FUNCTIONS) {
    disabled[name] = () => {
      throw new ExperimentError(`${name} is disabled in experiments`);
    };
  }
  const emitter = ['on', 'off', 'once', 'emit'];
  const viaImport = Object.fromEntries(Object.entries(disabled).filter(([k]) => !emitter.includes(k)));
  math.import({ ...library, ...overrides, ...viaImport }, { override: true });
  // `import` itself calls `emit`, so the event methods are replaced last, directly, in both namespaces
  // (the compiled expressions look names up in `mathWithTransform`).
  const withTransform = (math.expression as unknown as { mathWithTransform: Record<string, unknown> }).mathWithTransform;
  for (const name of emitter) {
    for (const ns of [math as Record<string, unknown>, withTransform]) {
      Object.defineProperty(ns, name, { value: disabled[name], writable: false, configurable: false, enumerable: true });
    }
  }

  indexHooks.subset = (t, index, replacement) => {
    const m = origMatrix(toNested(t));
    const r = replacement === undefined ? m.subset(index) : m.subset(index, isTensor(replacement) ? toNested(replacement) : replacement);
    return typeof r === 'number' ? r : toTensor(r);
  };

  function matrixPower(a: Tensor, k: number): Tensor {
    if (!Number.isInteger(k)) throw new ExperimentError(`A ^ ${k}: the power of a matrix must be a whole number`);
    let base = k < 0 ? inv(a) : a;
    let e = Math.abs(k);
    const n = a.shape[0] as number;
    let result = new Tensor(new Float64Array(n * n), [n, n]);
    for (let i = 0; i < n; i++) result.data[i * n + i] = 1;
    while (e > 0) {
      if (e & 1) result = matmul(result, base) as Tensor;
      e >>= 1;
      if (e > 0) base = matmul(base, base) as Tensor;
    }
    return result;
  }

  function makeCheck(): AnyFn {
    const check = (args: MathNode[], _math: unknown, scope: Map<string, unknown>): undefined => {
      const [condNode, labelNode, ...rest] = args;
      if (!condNode || rest.length > 0) throw new ExperimentError('check takes (condition, "label")');
      const ev = (n: MathNode): unknown => n.compile().evaluate(scope);
      const label = labelNode ? String(ev(labelNode)) : condNode.toString();
      const { value, detail } = evaluateWithDetail(unparen(condNode), ev);
      const passed = holds(value);
      ctx.checks.push(passed ? { line: ctx.line, label, passed } : { line: ctx.line, label, passed, detail });
      return undefined;
    };
    check.rawArgs = true;
    return check;
  }

  /** Evaluates a check's condition once, keeping the values it compared for the failure message. */
  function evaluateWithDetail(node: MathNode, ev: (n: MathNode) => unknown): { value: unknown; detail: string } {
    const n = node as MathNode & { fn?: unknown; args?: MathNode[]; op?: string; name?: string };
    if (node.type === 'OperatorNode' && n.args?.length === 2 && typeof n.fn === 'string') {
      const [l, r] = n.args as [MathNode, MathNode];
      const lv = ev(l);
      const rv = ev(r);
      const value = (math[n.fn] as AnyFn)(lv, rv);
      return { value, detail: `${l.toString()} = ${formatValue(lv)}, ${r.toString()} = ${formatValue(rv)}` };
    }
    if (node.type === 'FunctionNode' && n.args) {
      const name = (n.fn as { name?: string } | undefined)?.name ?? '';
      const fn = ev(n.fn as MathNode);
      if (typeof fn !== 'function') throw new ExperimentError(`${name} is not a function`);
      const vals = n.args.map(ev);
      const value = (fn as AnyFn)(...vals);
      if (name === 'allclose' && vals.length >= 2) return { value, detail: allcloseDetail(vals[0], vals[1], n.args) };
      const parts = n.args.map((a, i) => `${a.toString()} = ${formatValue(vals[i])}`);
      return { value, detail: `${node.toString()} is ${formatValue(value)}; ${parts.join(', ')}` };
    }
    const value = ev(node);
    return { value, detail: `${node.toString()} is ${formatValue(value)}` };
  }

  function evaluate(node: MathNode, scope: Map<string, unknown>): unknown {
    currentScope = scope;
    const value = node.compile().evaluate(scope);
    if (node.type === 'FunctionAssignmentNode') {
      const f = node as MathNode & { name: string; params: string[]; expr: MathNode };
      const fn = scope.get(f.name);
      if (typeof fn === 'function') userFunctions.set(fn, { params: f.params, expr: f.expr });
    }
    return value;
  }

  return { parse, evaluate, userFunctions };
}

function unparen(n: MathNode): MathNode {
  let x = n as MathNode & { content?: MathNode };
  while (x.type === 'ParenthesisNode' && x.content) x = x.content as MathNode & { content?: MathNode };
  return x;
}

function allcloseDetail(a: unknown, b: unknown, args: MathNode[]): string {
  const ta = toTensor(a, 'allclose');
  const tb = toTensor(b, 'allclose');
  const diff = map2(ta, tb, (x, y) => Math.abs(x - y), 'allclose');
  let worst = 0;
  for (let i = 1; i < diff.data.length; i++) if (!((diff.data[i] as number) <= (diff.data[worst] as number))) worst = i;
  const an = args[0]?.toString() ?? 'a';
  const bn = args[1]?.toString() ?? 'b';
  const pick = (t: Tensor): number => (t.data.length === 1 ? (t.data[0] as number) : (t.data[worst] as number));
  const where = diff.data.length > 1 ? ` at element ${worst + 1}` : '';
  return `max |${an} − ${bn}| = ${formatValue(diff.data[worst])}${where} (${formatValue(pick(ta))} vs ${formatValue(pick(tb))})`;
}

/** Builds a tensor from an array literal whose items may be numbers, booleans or tensors. */
function stack(x: unknown): unknown {
  if (isTensor(x)) return x;
  if (!Array.isArray(x)) return toTensor(x, 'matrix');
  if (x.some((v) => typeof v === 'string' || (typeof v === 'object' && v !== null && !isArrayLike(v)))) {
    return x; // e.g. table headers ["a", "b"]: kept as a plain array
  }
  const items = x.map((v) => (Array.isArray(v) ? (stack(v) as Tensor) : toTensor(v, 'matrix')));
  const first = items[0];
  if (!first) return zerosOf([0]);
  for (const t of items) {
    if (t.shape.length !== first.shape.length || t.shape.some((d, i) => d !== first.shape[i])) {
      throw new ExperimentError('rows of a matrix must have the same size');
    }
  }
  const n = first.data.length;
  const out = zerosOf([items.length, ...first.shape], 'matrix');
  items.forEach((t, i) => out.data.set(t.data, i * n));
  return out;
}

export { unwrapScalar };
