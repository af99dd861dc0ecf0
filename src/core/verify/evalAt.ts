// `evalAt(body, x, a)`, the evaluation bar `\left. … \right|_{x = a}`: body compiled with x bound to its own
// slot, set to a's value, so a derivative in x inside it is taken before the substitution.
import type { Evaluator } from './env';
import { type AnyNode, type CompilerApi, type Scope } from './compilerApi';
import type { FunctionSpec } from './registry';
import { EvalUnsupported, type Value } from './value';

export const evalAtSpec: FunctionSpec = {
  names: ['evalAt'],
  compile: (c, args, scope) => evalAt(c, args, scope),
};

function evalAt(c: CompilerApi, args: AnyNode[], scope: Scope): Evaluator {
  const [bodyNode, varNode, atNode] = args;
  if (!bodyNode || !varNode || !atNode) throw new EvalUnsupported('an evaluation bar needs x = a');
  const variable = c.boundName(varNode, 'an evaluation bar');
  // The point is read outside the bar: in `|_{x = x + 1}` the right x is the outer one.
  const at = c.node(atNode, scope);
  const slot = c.fresh();
  const body = c.node(bodyNode, new Map(scope).set(variable, slot));
  return (env) => {
    const saved = env.slots[slot] as Value;
    try {
      env.slots[slot] = at(env);
      return body(env);
    } finally {
      env.slots[slot] = saved;
    }
  };
}
