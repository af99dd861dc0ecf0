// Infinite series `\sum_{n=0}^{\infty} a_n` in the compiler: the index gets a fresh slot, the terms are
// summed with an error estimate (calculus/series.ts), and a series that diverges or cannot be summed
// accurately makes the sample invalid with that reason, never a number.
import { sumSeries, type Series } from '../calculus/series';
import { needScalar } from './ops';
import { EvalUnsupported, InvalidSample, type Value } from './value';
import { tick } from './env';
import type { AnyNode } from './compilerApi';
import type { FunctionSpec } from './registry';
import { asOneOperation } from './rounding';

/** Why a sample has no sum, by the summation's reason. */
const seriesFailure: Record<Extract<Series, { ok: false }>['reason'], string> = {
  diverges: 'the series diverges',
  'not-finite': 'a term of the series is undefined',
  inaccurate: 'the series could not be summed to the needed accuracy',
};

export const seriesSpec: FunctionSpec = {
  names: ['seriesOver'],
  compile: (c, args, scope) => {
    if (args.length !== 3) throw new EvalUnsupported('a series takes an index, a start and a body');
    const index = c.boundName(args[0], 'a series');
    const start = c.node(args[1] as AnyNode, scope);
    const slot = c.fresh();
    const body = c.node(args[2] as AnyNode, new Map(scope).set(index, slot));
    return (env) => {
      const n0 = needScalar(start(env), 'the start of a series');
      if (!Number.isInteger(n0)) throw new InvalidSample('a series starting at a non-integer');
      const saved = env.slots[slot] as Value;
      try {
        const out: { s?: Series } = {};
        const value = asOneOperation(() => {
          const r = sumSeries((n) => {
            tick(env);
            env.slots[slot] = n;
            try {
              return needScalar(body(env), 'a term of a series');
            } catch (e) {
              if (e instanceof InvalidSample) return NaN;
              throw e;
            }
          }, n0);
          out.s = r;
          return r.ok ? r.value : NaN;
        });
        const s = out.s as Series;
        // The estimate must be small beside the sum: e^{-25} as Σ (-25)^n/n! cancels terms near 1e10.
        if (s.ok && s.error <= 1e-8 * Math.max(Math.abs(value), 1e-3)) return value;
        throw new InvalidSample(seriesFailure[s.ok ? 'inaccurate' : s.reason]);
      } finally {
        env.slots[slot] = saved;
      }
    };
  },
};
