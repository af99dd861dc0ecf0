// `sample(f, n)` in one pass over vectors instead of n calls through mathjs (~2 µs each). When the body
// of `f()` is built only from elementwise operations, elementwise library functions and scalar random
// draws (`randn()`, `rand()`, `uniform(a, b)`, `normal(m, s)`, `bernoulli(p)`), evaluating it once with
// every draw replaced by a vector of n independent draws gives n independent samples of `f()`. The draws
// come from the same seeded generator (in a different order than n scalar calls would use them, so
// the numbers differ from the loop's, but each run of a block gives the same ones). Anything else, such
// as aggregates, shapes, indexing or assignments, falls back to calling `f` n times.
import type { MathNode } from 'mathjs';
import type { LibFn } from './library';
import { Tensor, alloc, isTensor, toTensor } from './tensor';

interface UserFunction {
  params: string[];
  expr: MathNode;
}

export interface VectoriseEnv {
  userFunctions: WeakMap<object, UserFunction>;
  scope: Map<string, unknown>;
  library: Record<string, LibFn>;
  /** The language's operator implementations (`add`, `dotMultiply`, …), which handle tensors. */
  operators: Record<string, LibFn>;
}

/** Library functions that act elementwise on their first argument; the value is how many leading
 * arguments may vary per sample (the rest, such as dropout's p, must be the same for every sample). */
const ELEMENTWISE: Record<string, number> = {
  relu: 1,
  leakyRelu: 1,
  sigmoid: 1,
  heaviside: 1,
  softplus: 1,
  dropout: 1,
  log: 1,
  round: 1,
  where: 3,
  ...Object.fromEntries(
    'abs exp expm1 log1p log2 log10 sqrt cbrt square sin cos tan asin acos atan sinh cosh tanh floor ceil sign isnan'
      .split(' ')
      .map((n) => [n, 1]),
  ),
};

/** Scalar random draws and their arity in the per-sample form. */
const RANDOM: Record<string, number> = { randn: 0, rand: 0, uniform: 2, normal: 2, bernoulli: 1 };

/** Operators mapped to their elementwise form: in a batch, `*` between two samples means `.*`. */
const OPERATORS: Record<string, string> = {
  add: 'add',
  subtract: 'subtract',
  multiply: 'dotMultiply',
  divide: 'dotDivide',
  pow: 'dotPow',
  dotMultiply: 'dotMultiply',
  dotDivide: 'dotDivide',
  dotPow: 'dotPow',
  mod: 'mod',
  unaryMinus: 'unaryMinus',
  unaryPlus: 'unaryPlus',
  equal: 'equal',
  unequal: 'unequal',
  larger: 'larger',
  largerEq: 'largerEq',
  smaller: 'smaller',
  smallerEq: 'smallerEq',
  and: 'and',
  or: 'or',
  not: 'not',
  xor: 'xor',
};

const MAX_DEPTH = 16;

type N = MathNode & {
  value?: unknown;
  name?: string;
  fn?: string | (MathNode & { name?: string });
  args?: MathNode[];
  content?: MathNode;
  condition?: MathNode;
  trueExpr?: MathNode;
  falseExpr?: MathNode;
};

/** Is the value one that varies per sample? (In the static pass, a marker for "depends on a draw".) */
type Kind = 'const' | 'batch';

class NotVectorisable extends Error {}

/** n samples of `f()` computed on vectors, or undefined when `f` is not of the vectorisable form. */
export function vectorisedSample(f: LibFn, n: number, env: VectoriseEnv): Tensor | undefined {
  const uf = env.userFunctions.get(f);
  if (!uf || uf.params.length !== 0) return undefined;
  try {
    analyse(uf.expr, new Map(), env, 0);
  } catch (e) {
    if (e instanceof NotVectorisable) return undefined;
    throw e;
  }
  const v = run(uf.expr, new Map(), env, n, 0);
  if (typeof v === 'number' || typeof v === 'boolean')
    return new Tensor(alloc(n, 'sample').fill(Number(v)), [n]);
  const t = toTensor(v, 'sample');
  if (t.data.length !== n) return undefined;
  return new Tensor(t.data, [n]);
}

function calleeName(node: N): string | undefined {
  const fn = node.fn;
  return typeof fn === 'object' && fn.type === 'SymbolNode' ? fn.name : undefined;
}

/** Static pass: is every part of the expression of a supported form? Consumes no randomness. */
function analyse(node: MathNode, params: Map<string, Kind>, env: VectoriseEnv, depth: number): Kind {
  if (depth > MAX_DEPTH) throw new NotVectorisable();
  const nd = node as N;
  switch (node.type) {
    case 'ConstantNode':
      if (typeof nd.value !== 'number' && typeof nd.value !== 'boolean') throw new NotVectorisable();
      return 'const';
    case 'ParenthesisNode':
      return analyse(nd.content as MathNode, params, env, depth);
    case 'SymbolNode': {
      const name = nd.name as string;
      const p = params.get(name);
      if (p) return p;
      const v = env.scope.has(name) ? env.scope.get(name) : undefined;
      if (typeof v === 'number' || typeof v === 'boolean') return 'const';
      if (!env.scope.has(name) && (name === 'pi' || name === 'e' || name === 'tau')) return 'const';
      throw new NotVectorisable();
    }
    case 'OperatorNode': {
      if (typeof nd.fn !== 'string' || !(nd.fn in OPERATORS)) throw new NotVectorisable();
      const kinds = (nd.args ?? []).map((a) => analyse(a, params, env, depth + 1));
      return kinds.includes('batch') ? 'batch' : 'const';
    }
    case 'ConditionalNode': {
      const kinds = [nd.condition, nd.trueExpr, nd.falseExpr].map((a) =>
        analyse(a as MathNode, params, env, depth + 1),
      );
      return kinds.includes('batch') ? 'batch' : 'const';
    }
    case 'FunctionNode': {
      const name = calleeName(nd);
      if (!name) throw new NotVectorisable();
      const args = nd.args ?? [];
      const kinds = args.map((a) => analyse(a, params, env, depth + 1));
      if (env.scope.has(name)) {
        const uf = userFunction(name, env);
        if (!uf || uf.params.length !== args.length) throw new NotVectorisable();
        const inner = new Map<string, Kind>();
        uf.params.forEach((p, i) => inner.set(p, kinds[i] as Kind));
        return analyse(uf.expr, inner, env, depth + 1);
      }
      if (name in RANDOM) {
        if (args.length !== RANDOM[name]) throw new NotVectorisable();
        return 'batch';
      }
      const varying = ELEMENTWISE[name];
      if (varying === undefined || !(name in env.library)) throw new NotVectorisable();
      if (kinds.slice(varying).includes('batch')) throw new NotVectorisable();
      // dropout draws its mask: it varies per sample even when its input does not.
      return name === 'dropout' || kinds.includes('batch') ? 'batch' : 'const';
    }
    default:
      throw new NotVectorisable();
  }
}

function userFunction(name: string, env: VectoriseEnv): UserFunction | undefined {
  const v = env.scope.get(name);
  return typeof v === 'function' ? env.userFunctions.get(v) : undefined;
}

/** Evaluation pass: values are numbers (same for all samples) or vectors of n (one per sample). */
function run(
  node: MathNode,
  params: Map<string, unknown>,
  env: VectoriseEnv,
  n: number,
  depth: number,
): unknown {
  const nd = node as N;
  const lib = env.library;
  const op = (name: string, ...args: unknown[]): unknown => (env.operators[name] as LibFn)(...args);
  switch (node.type) {
    case 'ConstantNode':
      return nd.value;
    case 'ParenthesisNode':
      return run(nd.content as MathNode, params, env, n, depth);
    case 'SymbolNode': {
      const name = nd.name as string;
      if (params.has(name)) return params.get(name);
      if (env.scope.has(name)) return env.scope.get(name);
      return name === 'pi' ? Math.PI : name === 'e' ? Math.E : 2 * Math.PI;
    }
    case 'OperatorNode':
      return op(
        OPERATORS[nd.fn as string] as string,
        ...(nd.args ?? []).map((a) => run(a, params, env, n, depth + 1)),
      );
    case 'ConditionalNode':
      return (lib.where as LibFn)(
        run(nd.condition as MathNode, params, env, n, depth + 1),
        run(nd.trueExpr as MathNode, params, env, n, depth + 1),
        run(nd.falseExpr as MathNode, params, env, n, depth + 1),
      );
    case 'FunctionNode': {
      const name = calleeName(nd) as string;
      const args = (nd.args ?? []).map((a) => run(a, params, env, n, depth + 1));
      if (env.scope.has(name)) {
        const uf = userFunction(name, env) as UserFunction;
        const inner = new Map<string, unknown>();
        uf.params.forEach((p, i) => inner.set(p, args[i]));
        return run(uf.expr, inner, env, n, depth + 1);
      }
      const call = (fn: string, ...a: unknown[]): unknown => (lib[fn] as LibFn)(...a);
      switch (name) {
        case 'randn':
        case 'rand':
          return call(name, n);
        case 'uniform': {
          const [a, b] = args;
          if (!isTensor(a) && !isTensor(b)) return call('uniform', a, b, n);
          return op('add', a, op('dotMultiply', op('subtract', b, a), call('rand', n)));
        }
        case 'normal': {
          const [m, s] = args;
          if (!isTensor(m) && !isTensor(s)) return call('normal', m, s, n);
          return op('add', m, op('dotMultiply', s, call('randn', n)));
        }
        case 'bernoulli':
          return isTensor(args[0]) ? op('smaller', call('rand', n), args[0]) : call('bernoulli', args[0], n);
        case 'dropout':
          // A mask per sample, so a fixed input is first repeated n times.
          return call(
            'dropout',
            isTensor(args[0]) ? args[0] : op('dotMultiply', call('ones', n), args[0]),
            args[1],
          );
        default:
          return call(name, ...args);
      }
    }
    default:
      throw new Error(`unexpected ${node.type} in a vectorised sample`);
  }
}
