// Compiling the plain nodes of a tree: constants, arithmetic and logical operators, mathjs comparisons
// (`a < b < c`) and conditionals.
import { builtins } from './functions';
import { add, div, mul, needScalar, neg, pow, sub } from './ops';
import { EvalUnsupported, type Value } from './value';
import { relationOps, truth } from './cases';
import type { AnyNode, NodeHandler } from './compilerApi';

/** mathjs's arithmetic operators on values (numbers, matrices, I). */
const binaryOps: Record<string, (a: Value, b: Value) => Value> = {
  add,
  subtract: sub,
  multiply: mul,
  divide: div,
  pow,
};

export const constant: NodeHandler = (_c, n) => {
  const v = n.value;
  const num = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : Number(v);
  if (Number.isNaN(num)) throw new EvalUnsupported(`cannot evaluate the constant ${String(v)}`);
  return () => num;
};

export const operator: NodeHandler = (c, n, scope) => {
  const fn = n.fn as string;
  const ev = (n.args as AnyNode[]).map((a) => c.node(a, scope));
  const [a, b] = ev;
  if (!a) throw new EvalUnsupported(`operator ${fn} without operands`);
  const binary = binaryOps[fn];
  if (binary && b) {
    if (ev.length > 2) {
      // mathjs folds `a + b + c` into one node for add and multiply only; keep the written order.
      return (env) => ev.slice(1).reduce((acc, e) => binary(acc, e(env)), a(env));
    }
    return (env) => binary(a(env), b(env));
  }
  if (fn === 'unaryMinus') return (env) => neg(a(env));
  if (fn === 'unaryPlus') return a;
  if (fn === 'factorial') {
    const f = builtins.factorial as (args: Value[]) => Value;
    return (env) => f([a(env)]);
  }
  const rel = relationOps[fn];
  if (rel && b) return (env) => truth(a(env), b(env), rel);
  if (fn === 'and' && b) return (env) => truth(a(env), b(env), (x, y) => x !== 0 && y !== 0);
  if (fn === 'or' && b) return (env) => truth(a(env), b(env), (x, y) => x !== 0 || y !== 0);
  if (fn === 'not') return (env) => (needScalar(a(env), 'not') ? 0 : 1);
  throw new EvalUnsupported(`cannot evaluate the operator ${fn}`);
};

export const relational: NodeHandler = (c, n, scope) => {
  const conds = n.conditionals as string[];
  const params = (n.params as AnyNode[]).map((p) => c.node(p, scope));
  return (env) => {
    const vals = params.map((p) => needScalar(p(env), 'a comparison'));
    for (let i = 0; i < conds.length; i++) {
      const op = relationOps[conds[i] as string];
      if (!op || !op(vals[i] as number, vals[i + 1] as number)) return 0;
    }
    return 1;
  };
};

export const conditional: NodeHandler = (c, n, scope) => {
  const cond = c.node(n.condition as AnyNode, scope);
  const t = c.node(n.trueExpr as AnyNode, scope);
  const f = c.node(n.falseExpr as AnyNode, scope);
  return (env) => (needScalar(cond(env), 'a condition') ? t(env) : f(env));
};
