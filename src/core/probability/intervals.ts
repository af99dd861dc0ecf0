// `X \in (a, b]` inside an event: the interval notation presupposes a ≤ b. With the ends reversed the
// event is empty and `P(X \in (a, b]) = \int_a^b p(x) \, dx` would fail on a negative integral, refuting
// what the text states for every interval it can write; such a sample is skipped, with the reason.
import { needScalar } from '../verify/ops';
import { InvalidSample } from '../verify/value';
import type { FunctionSpec } from '../verify/registry';

/** `orderedEnds(lo, hi)`: 1 when lo ≤ hi, else an invalid sample. */
export const orderedEndsSpec: FunctionSpec = {
  names: ['orderedEnds'],
  compile: (c, args, scope) => {
    const [lo, hi] = args.map((a) => c.node(a, scope)) as [
      ReturnType<typeof c.node>,
      ReturnType<typeof c.node>,
    ];
    return (env) => {
      const a = needScalar(lo(env), 'an end of an interval');
      const b = needScalar(hi(env), 'an end of an interval');
      if (!(a <= b)) throw new InvalidSample('the ends of an interval in an event are reversed');
      return 1;
    };
  },
};
