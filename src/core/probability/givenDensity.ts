// A random variable declared with the density the text gives it: the table holds the law `Density(p)`,
// p a function defined in display math (analysis.ts, prose/density.ts); here p's body is compiled as a
// function of its one parameter, for densityLaw.ts to build the law from at each parameter point.
import type { MathNode } from 'mathjs';
import type { AnyNode, CompilerApi } from '../verify/compilerApi';
import { needScalar } from '../verify/ops';
import { EvalUnsupported } from '../verify/value';
import type { Density } from './model';

/** The law name a variable given by its density is declared with. */
export const densityLawName = 'Density';

/** The density `p` names, compiled: p must be a declared function of one variable. */
export function givenDensity(c: CompilerApi, param: MathNode | undefined): Density {
  const name = (param as AnyNode | undefined)?.name as string | undefined;
  const entry = name === undefined ? undefined : c.table.lookup(name);
  if (name === undefined || entry?.kind !== 'function' || entry.params.length !== 1)
    throw new EvalUnsupported(`the density of a random variable must be a function of one variable`);
  const slot = c.fresh();
  const reads = new Set<string>();
  c.trackers.push(reads);
  let body: ReturnType<CompilerApi['node']>;
  try {
    body = c.expand(name, () => c.node(entry.body as AnyNode, new Map([[entry.params[0] as string, slot]])));
  } finally {
    c.trackers.pop();
  }
  return {
    name: `${name}(${entry.params[0] as string})`,
    constant: reads.size === 0,
    at: (env, x) => {
      const saved = env.slots[slot];
      env.slots[slot] = x;
      try {
        return needScalar(body(env), `the density ${name}`);
      } finally {
        env.slots[slot] = saved as number;
      }
    },
  };
}
