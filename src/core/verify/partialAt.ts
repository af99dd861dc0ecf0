// `\frac{\partial f}{\partial x}(a, b)` of a declared `f(x, y)`: the partial in the slot the parameter x
// names, evaluated at the point written. The slot is read from f's declaration; for an unknown f the
// letter does not say which slot it is, so the step is unverifiable with that reason.
import type { Evaluator } from './env';
import { type AnyNode, type CompilerApi, type Scope } from './compilerApi';
import { derivative } from './differentiation';
import type { FunctionSpec } from './registry';
import { EvalUnsupported, type Value } from './value';

export const partialAtSpec: FunctionSpec = {
  names: ['partialAt'],
  compile: (c, args, scope) => partialAt(c, args, scope),
};

const symbol = (name: string): AnyNode => ({ type: 'SymbolNode', name }) as unknown as AnyNode;

/** partialAt(f, k, v₁…v_k, a₁…a_m): ∂^k f / ∂v₁⋯∂v_k at (a₁…a_m). */
function partialAt(c: CompilerApi, args: AnyNode[], scope: Scope): Evaluator {
  const [fNode, kNode, ...rest] = args;
  const k = Number(kNode?.value);
  const f = fNode?.type === 'SymbolNode' ? (fNode.name as string) : '';
  const entry = c.table.lookup(f);
  if (entry?.kind !== 'function')
    throw new EvalUnsupported(
      `∂${f}/∂… at a point needs ${f}'s parameters declared, e.g. <!-- let ${f}(x, y) = … -->`,
      'unsupported-notation',
      f,
    );
  const vars = rest.slice(0, k);
  const at = rest.slice(k);
  if (at.length !== entry.params.length)
    throw new EvalUnsupported(`${f} takes ${entry.params.length} arguments, not ${at.length}`);
  const slots = at.map(() => c.fresh());
  const names = slots.map((s) => `\u0000${s}`);
  const inner = new Map(scope);
  names.forEach((n, i) => inner.set(n, slots[i] as number));
  // Each variable of differentiation is one of f's parameters: differentiate in that argument slot.
  let body = {
    type: 'FunctionNode',
    fn: symbol('call'),
    args: [fNode, ...names.map(symbol)],
  } as unknown as AnyNode;
  for (let r = vars.length - 1; r >= 0; r--) {
    const v = vars[r] as AnyNode;
    const slot = v.type === 'SymbolNode' ? entry.params.indexOf(v.name as string) : -1;
    if (slot < 0)
      throw new EvalUnsupported(`${v.toString()} is not a parameter of ${f}`, 'unsupported-notation', f);
    body = {
      type: 'FunctionNode',
      fn: symbol('deriv'),
      args: [symbol(names[slot] as string), body],
    } as unknown as AnyNode;
  }
  const d = derivative(c, 'deriv', body.args as AnyNode[] as AnyNode[], inner);
  const points = at.map((a) => c.node(a, scope));
  return (env) => {
    const saved = slots.map((s) => env.slots[s] as Value);
    try {
      points.forEach((p, i) => (env.slots[slots[i] as number] = p(env)));
      return d(env);
    } finally {
      saved.forEach((v, i) => (env.slots[slots[i] as number] = v));
    }
  };
}
