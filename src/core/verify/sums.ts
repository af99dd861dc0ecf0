// Big operators `\\sum`/`\\prod` over integer ranges.
import { add, mul, needScalar } from './ops';
import { BudgetExceeded, EvalUnsupported, InvalidSample, type Value } from './value';
import { tick, type Evaluator } from './env';
import { type AnyNode, type CompilerApi, maxTerms, type Scope } from './compilerApi';
import type { FunctionSpec } from './registry';
import { indexExtent, isIndexExtent } from './indexExtent';
export const bigOperators: FunctionSpec = {
  names: ['sumOver', 'prodOver'],
  compile: (c, args, scope, name) => bigOperator(c, name as 'sumOver' | 'prodOver', args, scope),
};

export function bigOperator(
  c: CompilerApi,
  name: 'sumOver' | 'prodOver',
  args: AnyNode[],
  scope: Scope,
): Evaluator {
  if (args.length !== 4) throw new EvalUnsupported(`${name} takes an index, two bounds and a body`);
  const index = c.boundName(args[0], name === 'sumOver' ? 'a sum' : 'a product');
  const boundNames = new Set<string>();
  c.trackers.push(boundNames);
  let lo: Evaluator;
  let hi: Evaluator;
  try {
    lo = c.node(args[1] as AnyNode, scope);
    hi = isIndexExtent(args[2]) ? () => 0 : c.node(args[2] as AnyNode, scope);
  } finally {
    c.trackers.pop();
  }
  boundNames.forEach((n) => c.sizeSymbols.add(n));
  // `\sum_i x_i`: the range is the length of what i indexes, read outside the trackers (x is no size).
  if (isIndexExtent(args[2])) hi = indexExtent(c, index, args[3] as AnyNode, scope);
  const slot = c.fresh();
  const inner = new Map(scope).set(index, slot);
  const body = c.node(args[3] as AnyNode, inner);
  const isSum = name === 'sumOver';
  return (env) => {
    const a = Math.ceil(needScalar(lo(env), 'a bound') - 1e-9);
    const b = Math.floor(needScalar(hi(env), 'a bound') + 1e-9);
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new InvalidSample('an infinite bound');
    const count = b - a + 1;
    if (count > maxTerms) {
      throw new BudgetExceeded(`a ${isSum ? 'sum' : 'product'} of ${count} terms is beyond the work budget`);
    }
    let acc: Value = isSum ? 0 : 1;
    const saved = env.slots[slot];
    try {
      for (let i = a; i <= b; i++) {
        tick(env);
        env.slots[slot] = i;
        const v = body(env);
        if (typeof acc === 'number' && typeof v === 'number') acc = isSum ? acc + v : acc * v;
        else acc = isSum ? add(acc, v) : mul(acc, v);
      }
    } finally {
      env.slots[slot] = saved as Value;
    }
    return acc;
  };
}
