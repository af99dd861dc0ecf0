// Big operators `\\sum`/`\\prod` over integer ranges, and piecewise definitions (cases).
import { add, mul, needScalar, scalarOf } from './ops';
import { BudgetExceeded, EvalUnsupported, InvalidSample, Mat, type Value } from './value';
import { entrywiseCases } from './cases';
import { tick, type Evaluator } from './env';
import { CompilerBase, maxTerms, type AnyNode } from './compilerBase';
export abstract class SumCompiler extends CompilerBase {
  protected bigOperator(
    name: 'sumOver' | 'prodOver',
    args: AnyNode[],
    scope: ReadonlyMap<string, number>,
  ): Evaluator {
    if (args.length !== 4) throw new EvalUnsupported(`${name} takes an index, two bounds and a body`);
    const index = this.boundName(args[0], name === 'sumOver' ? 'a sum' : 'a product');
    const boundNames = new Set<string>();
    this.trackers.push(boundNames);
    let lo: Evaluator;
    let hi: Evaluator;
    try {
      lo = this.node(args[1] as AnyNode, scope);
      hi = this.node(args[2] as AnyNode, scope);
    } finally {
      this.trackers.pop();
    }
    boundNames.forEach((n) => this.sizeSymbols.add(n));
    const slot = this.fresh();
    const inner = new Map(scope).set(index, slot);
    const body = this.node(args[3] as AnyNode, inner);
    const isSum = name === 'sumOver';
    return (env) => {
      const a = Math.ceil(needScalar(lo(env), 'a bound') - 1e-9);
      const b = Math.floor(needScalar(hi(env), 'a bound') + 1e-9);
      if (!Number.isFinite(a) || !Number.isFinite(b)) throw new InvalidSample('an infinite bound');
      const count = b - a + 1;
      if (count > maxTerms) {
        throw new BudgetExceeded(
          `a ${isSum ? 'sum' : 'product'} of ${count} terms is beyond the work budget`,
        );
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

  protected piecewise(args: AnyNode[], scope: ReadonlyMap<string, number>): Evaluator {
    const ev = args.map((a) => this.node(a, scope));
    const otherwise = ev.length % 2 === 1 ? ev[ev.length - 1] : undefined;
    const pairs: [Evaluator, Evaluator][] = [];
    for (let i = 0; i + 1 < ev.length; i += 2) pairs.push([ev[i] as Evaluator, ev[i + 1] as Evaluator]);
    return (env) => {
      for (let k = 0; k < pairs.length; k++) {
        const [cond, value] = pairs[k] as [Evaluator, Evaluator];
        const c = cond(env);
        if (c instanceof Mat && scalarOf(c) === undefined) return entrywiseCases(env, c, k, pairs, otherwise);
        const s = needScalar(c, 'a condition of cases');
        if (s !== 0 && !Number.isNaN(s)) return value(env);
      }
      if (otherwise) return otherwise(env);
      throw new InvalidSample('no case of the piecewise definition applies');
    };
  }
}
