// The experiment language: a mathjs instance made with `create()` from only the parser, `index` and
// `matrix` factories; its operators replaced so arrays run on the Float64Array kernels, the library
// defined over it, every function mathjs's security notes name replaced by one that refuses, and every
// other name mathjs put in its namespace refused too.
import { type MathNode, create, indexDependencies, matrixDependencies, parseDependencies } from 'mathjs';
import { type RunContext, pushCheck } from './context';
import { MAX_SOURCE, capText } from './limits';
import { formatValue } from './format';
import { type BinaryOp, map1, map2, matmul, transpose } from './kernels';
import { assertClosed } from './closed';
import { createLibrary, holds } from './library';
import { reserveHeap } from './memory';
import { inv } from './linalg';
import { Rng } from '../numeric/random';
import { vectorisedSample } from './sample';
import {
  ExperimentError,
  Tensor,
  describe,
  indexHooks,
  isArrayLike,
  isTensor,
  toNested,
  toTensor,
  zerosOf,
} from './tensor';

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

const isScalar = (x: unknown): x is number | boolean => typeof x === 'number' || typeof x === 'boolean';
const truth = (v: number): boolean => v !== 0 && !Number.isNaN(v);
const b01 = (b: boolean): number => (b ? 1 : 0);

/** The mathjs instance and the run-independent overrides, made once per process: creating an instance
 * and importing into it costs hundreds of milliseconds, defining properties microseconds. Runs are
 * synchronous, so each run rebinds the per-run names (library, `check`) before it evaluates anything. */
interface Shared {
  parse: (code: string) => MathNode;
  /** The namespaces compiled expressions read names from. */
  namespaces: Record<string, unknown>[];
  operators: Record<string, AnyFn>;
  call(name: string, a: unknown, b: unknown): unknown;
}

let shared: Shared | undefined;

/** Names of the library, from a throwaway instance (the functions close over a run's context). */
const LIBRARY_NAMES = Object.keys(
  createLibrary(
    { rng: new Rng(0), line: 0, outputs: [], checks: [], deadline: 0, timeoutMs: 0 },
    { format: formatValue, sampleVectorised: () => undefined },
  ),
);

function define(
  namespaces: Record<string, unknown>[],
  name: string,
  value: unknown,
  configurable: boolean,
): void {
  for (const ns of namespaces)
    Object.defineProperty(ns, name, { value, writable: false, configurable, enumerable: true });
}

function getShared(): Shared {
  if (shared) return shared;
  const factories = { parseDependencies, indexDependencies, matrixDependencies };

  // mathjs's typings mark each `…Dependencies` export as possibly undefined; they are all defined.
  const math = create(factories as unknown as Parameters<typeof create>[0]) as unknown as Record<
    string,
    AnyFn
  > & {
    expression: { mathWithTransform: Record<string, unknown> };
  };
  const parse = math.parse as (code: string) => MathNode;
  const origMatrix = math.matrix as AnyFn;
  const IndexClass = math.Index as unknown as new (...dims: unknown[]) => unknown;
  /** A binary operator: numbers (and booleans) inline, arrays on the kernels; nothing else has a meaning
   * in experiments, so mathjs's own typed operators (slow to create) are never needed. */
  const binary = (
    name: string,
    scalar: (a: number, b: number) => unknown,
    onTensors: (a: Tensor, b: Tensor) => unknown,
  ): AnyFn => {
    return (...args: unknown[]) => {
      const [a, b] = args;
      if (args.length !== 2) throw new ExperimentError(`${name} takes two arguments, got ${args.length}`);
      if (isScalar(a) && isScalar(b)) return scalar(Number(a), Number(b));
      if ((isArrayLike(a) || isScalar(a)) && (isArrayLike(b) || isScalar(b))) {
        return onTensors(toTensor(a, name), toTensor(b, name));
      }
      throw new ExperimentError(`${name} cannot combine ${describe(a)} and ${describe(b)}`);
    };
  };
  const elementwise2 = (name: string, f: (a: number, b: number) => number, kind: BinaryOp = 'other'): AnyFn =>
    binary(name, f, (a, b) => map2(a, b, f, name, kind));
  const compare = (name: string, f: (a: number, b: number) => boolean): AnyFn =>
    binary(name, f, (a, b) => {
      const t = map2(a, b, (x, y) => b01(f(x, y)), name);
      return new Tensor(t.data, t.shape, true);
    });
  const unary = (name: string, f: (a: number) => unknown, onTensor: (t: Tensor) => unknown): AnyFn => {
    return (x: unknown) => {
      if (isScalar(x)) return f(Number(x));
      if (isArrayLike(x)) return onTensor(toTensor(x, name));
      throw new ExperimentError(`${name} cannot be applied to ${describe(x)}`);
    };
  };

  const multiply = binary(
    'multiply',
    (a, b) => a * b,
    (a, b) =>
      a.shape.length === 0 || b.shape.length === 0
        ? map2(a, b, (x, y) => x * y, 'multiply', 'mul')
        : matmul(a, b),
  );
  const divide = binary(
    'divide',
    (a, b) => a / b,
    (a, b) => {
      if (b.shape.length >= 2) {
        throw new ExperimentError(
          'A / B with a matrix B is ambiguous here: write A * inv(B), or ./ for elementwise division',
        );
      }
      return map2(a, b, (x, y) => x / y, 'divide', 'div');
    },
  );
  const pow = binary(
    'pow',
    (a, b) => a ** b,
    (a, b) => {
      if (a.shape.length === 0 && b.shape.length === 0) return (a.data[0] as number) ** (b.data[0] as number);
      if (b.shape.length === 0 && a.shape.length === 2 && a.shape[0] === a.shape[1])
        return matrixPower(a, b.data[0] as number);
      throw new ExperimentError(
        `^ of ${describe(a)}: use .^ for elementwise powers (A ^ k needs a square matrix and a whole k)`,
      );
    },
  );
  const trans = (x: unknown): unknown => (isArrayLike(x) ? transpose(toTensor(x, 'transpose')) : x);

  const operators: Record<string, AnyFn> = {
    add: elementwise2('add', (a, b) => a + b, 'add'),
    subtract: elementwise2('subtract', (a, b) => a - b, 'sub'),
    multiply,
    divide,
    pow,
    dotMultiply: elementwise2('dotMultiply', (a, b) => a * b, 'mul'),
    dotDivide: elementwise2('dotDivide', (a, b) => a / b, 'div'),
    dotPow: elementwise2('dotPow', (a, b) => a ** b),
    mod: elementwise2('mod', (a, b) => (b === 0 ? a : a - b * Math.floor(a / b))),
    unaryMinus: unary(
      'unaryMinus',
      (a) => -a,
      (t) => map1(t, (v) => -v),
    ),
    unaryPlus: unary(
      'unaryPlus',
      (a) => a,
      (t) => t,
    ),
    not: unary(
      'not',
      (a) => !truth(a),
      (t) => new Tensor(map1(t, (v) => b01(!truth(v))).data, t.shape, true),
    ),
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
  };
  const fixed: Record<string, unknown> = {
    ...operators,
    // `[…]` literals become tensors (rows of `[1, 2; 3, 4]` arrive as tensors already).
    matrix: (x: unknown = []) => stack(x),
    // The language indexes from 1; mathjs's Index from 0. Ranges `a:b` arrive as tensors.
    index: (...dims: unknown[]) => new IndexClass(...dims.map(zeroBased)),
    pi: Math.PI,
    e: Math.E,
    tau: 2 * Math.PI,
    Infinity,
    NaN,
  };
  const namespaces = [math as Record<string, unknown>, math.expression.mathWithTransform];
  for (const [name, value] of Object.entries(fixed)) define(namespaces, name, value, false);
  for (const name of DISABLED_FUNCTIONS) {
    const refuse = (): never => {
      throw new ExperimentError(`${name} is disabled in experiments`);
    };
    define(namespaces, name, refuse, false);
  }
  // Everything else mathjs put in its namespaces (conversions, `format`, internal helpers…) is refused:
  // the language should offer only what is documented, and mathjs's lazily built functions could not be
  // created anyway once `typed` is disabled.
  const own = new Set([...Object.keys(fixed), ...DISABLED_FUNCTIONS, ...LIBRARY_NAMES, 'check']);
  for (const ns of namespaces) {
    for (const name of Object.keys(ns)) {
      if (own.has(name)) continue;
      const refuse = (): never => {
        throw new ExperimentError(`${name} is not available in experiments`);
      };
      define([ns], name, refuse, false);
    }
  }
  indexHooks.subset = (t, index, replacement) => {
    // mathjs indexes its own nested arrays: several heap copies of the whole tensor.
    reserveHeap(t.data.length * 32, `indexing ${describe(t)}`);
    const m = origMatrix(toNested(t));
    const r =
      replacement === undefined
        ? m.subset(index)
        : m.subset(index, isTensor(replacement) ? toNested(replacement) : replacement);
    return typeof r === 'number' ? r : toTensor(r);
  };
  shared = { parse, namespaces, operators, call: (name, a, b) => (operators[name] as AnyFn)(a, b) };
  return shared;
}

/** Creates the shared instance ahead of the first run (the worker does this before its time limit starts). */
export function warmUp(): void {
  getShared().parse('1 + 1');
}

/** Binds the shared instance to one run's context and returns the run's language. */
export function createLanguage(ctx: RunContext): Language {
  const { parse, namespaces, operators, call } = getShared();
  const operatorNames = new Set(Object.keys(operators));
  const userFunctions = new WeakMap<object, UserFunction>();
  let currentScope: Map<string, unknown> = new Map();
  let pendingDefinitions = (): void => undefined;
  const library = createLibrary(ctx, {
    format: formatValue,
    sampleVectorised: (f, n) => {
      pendingDefinitions();
      return vectorisedSample(f, n, { userFunctions, scope: currentScope, library, operators });
    },
  });
  for (const [name, fn] of Object.entries(library))
    if (!(name in operators)) define(namespaces, name, fn, true);
  define(namespaces, 'check', makeCheck(), true);

  function makeCheck(): AnyFn {
    const check = (args: MathNode[], _math: unknown, scope: Map<string, unknown>): undefined => {
      const [condNode, labelNode, ...rest] = args;
      if (!condNode || rest.length > 0) throw new ExperimentError('check takes (condition, "label")');
      const ev = (n: MathNode): unknown => n.compile().evaluate(scope);
      const label = capText(labelNode ? String(ev(labelNode)) : condNode.toString(), MAX_SOURCE);
      const { value, detail } = evaluateWithDetail(unparen(condNode), ev);
      const passed = holds(value);
      pushCheck(
        ctx,
        passed
          ? { line: ctx.line, label, passed }
          : { line: ctx.line, label, passed, detail: capText(detail) },
      );
      return undefined;
    };
    check.rawArgs = true;
    return check;
  }

  /** Evaluates a check's condition once, keeping the values it compared for the failure message. */
  function evaluateWithDetail(
    node: MathNode,
    ev: (n: MathNode) => unknown,
  ): { value: unknown; detail: string } {
    const n = node as MathNode & { fn?: unknown; args?: MathNode[]; op?: string; name?: string };
    if (
      node.type === 'OperatorNode' &&
      n.args?.length === 2 &&
      typeof n.fn === 'string' &&
      n.fn in operators
    ) {
      const [l, r] = n.args as [MathNode, MathNode];
      const lv = ev(l);
      const rv = ev(r);
      const value = call(n.fn, lv, rv);
      // Constants need no echo: `1 > 2` reads better than `1 = 1, 2 = 2`.
      const parts: string[] = [];
      if (l.type !== 'ConstantNode') parts.push(`${l.toString()} = ${formatValue(lv)}`);
      if (r.type !== 'ConstantNode') parts.push(`${r.toString()} = ${formatValue(rv)}`);
      return { value, detail: parts.length > 0 ? parts.join(', ') : `${node.toString()} is false` };
    }
    if (node.type === 'FunctionNode' && n.args) {
      const name = (n.fn as { name?: string } | undefined)?.name ?? '';
      const fn = ev(n.fn as MathNode);
      if (typeof fn !== 'function') throw new ExperimentError(`${name} is not a function`);
      const vals = n.args.map(ev);
      const value = (fn as AnyFn)(...vals);
      if (name === 'allclose' && vals.length >= 2)
        return { value, detail: allcloseDetail(vals[0], vals[1], n.args) };
      const parts = n.args.map((a, i) => `${a.toString()} = ${formatValue(vals[i])}`);
      return { value, detail: `${node.toString()} is ${formatValue(value)}; ${parts.join(', ')}` };
    }
    const value = ev(node);
    return { value, detail: `${node.toString()} is ${formatValue(value)}` };
  }

  function evaluate(node: MathNode, scope: Map<string, unknown>): unknown {
    assertClosed(node, operatorNames);
    currentScope = scope;
    // Definitions may sit inside the statement (`sample(g() = relu(randn()), n)`): `sample` runs before
    // the statement ends, so they are registered as soon as mathjs has stored them in the scope.
    const defs: { name: string; params: string[]; expr: MathNode }[] = [];
    node.traverse((n) => {
      if (n.type === 'FunctionAssignmentNode')
        defs.push(n as MathNode & { name: string; params: string[]; expr: MathNode });
    });
    pendingDefinitions = () => {
      for (const d of defs) {
        const fn = scope.get(d.name);
        if (typeof fn === 'function' && !userFunctions.has(fn))
          userFunctions.set(fn, { params: d.params, expr: d.expr });
      }
    };
    const value = node.compile().evaluate(scope);
    pendingDefinitions();
    pendingDefinitions = () => undefined;
    return value;
  }

  return { parse, evaluate, userFunctions };
}

/** A square matrix to a whole power, by repeated squaring. */
function matrixPower(a: Tensor, k: number): Tensor {
  if (!Number.isInteger(k))
    throw new ExperimentError(`A ^ ${k}: the power of a matrix must be a whole number`);
  let base = k < 0 ? inv(a) : a;
  // Halving by division, not bit shifts: `>>` and `&` work on 32 bits, so 2³² + 1 would become 1.
  let e = Math.abs(k);
  const n = a.shape[0] as number;
  let result = zerosOf([n, n], 'matrix power');
  for (let i = 0; i < n; i++) result.data[i * n + i] = 1;
  while (e > 0) {
    if (e % 2 === 1) result = matmul(result, base) as Tensor;
    e = Math.floor(e / 2);
    if (e > 0) base = matmul(base, base) as Tensor;
  }
  return result;
}

function zeroBased(d: unknown): unknown {
  if (typeof d === 'number') return d - 1;
  if (typeof d === 'string') return d;
  if (isArrayLike(d)) reserveHeap(toTensor(d, 'index').data.length * 16, 'an index');
  if (isTensor(d) && d.logical) return Array.from(d.data, (v) => v !== 0);
  if (isArrayLike(d)) return Array.from(toTensor(d, 'index').data, (v) => v - 1);
  throw new ExperimentError(`an index must be a number, a range or a vector, not ${describe(d)}`);
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
  for (let i = 1; i < diff.data.length; i++)
    if (!((diff.data[i] as number) <= (diff.data[worst] as number))) worst = i;
  const an = args[0]?.toString() ?? 'a';
  const bn = args[1]?.toString() ?? 'b';
  const pick = (t: Tensor): number =>
    t.data.length === 1 ? (t.data[0] as number) : (t.data[worst] as number);
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
