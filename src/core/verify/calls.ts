// Function applications: declared functions by substitution (elementwise over vectors), builtins, and a
// declared value written before parentheses as a product.
import { builtins } from './functions';
import { mul, needScalar, scalarOf } from './ops';
import { EvalUnsupported, Eye, Mat, ShapeError, type Value } from './value';
import { tick, type Evaluator } from './env';
import type { AnyNode, CompilerApi, Scope } from './compilerApi';
import type { FunctionSpec } from './registry';
import { familyMemberOf } from './looseVectors';
import { compileDensity } from '../probability/densities';
export const calls: FunctionSpec = { names: ['call'], compile: (c, args, scope) => call(c, args, scope) };

export function call(c: CompilerApi, args: AnyNode[], scope: Scope): Evaluator {
  const rest = args.slice(1);
  const family = familyHead(c, args[0], scope);
  if (family)
    return c.unknowns.member(
      family.name,
      family.shown,
      family.indices,
      rest.map((a) => c.node(a, scope)),
    );
  const name = c.boundName(args[0], 'a function application');
  const entry = c.table.lookup(name);
  // `f(x_1, \ldots, x_n)`: a list of n arguments, which only an unknown function (of a vector) can take.
  const listed = rest.some((a) => a.type === 'FunctionNode' && (a.fn as AnyNode).name === 'stack');
  if (listed && (entry || builtins[name]))
    throw new EvalUnsupported(
      `${name} is applied to a list written with an ellipsis: cannot tell its arguments one by one`,
      'unsupported-notation',
      name,
    );
  if (entry?.kind === 'function') return apply(c, name, rest, scope);
  if (builtins[name] && !entry) {
    const impl = builtins[name];
    const ev = rest.map((a) => c.node(a, scope));
    return (env) => impl(ev.map((e) => e(env)));
  }
  // `p_X(x)`, `F_X(x)`, or `p(x)` as the density of one random variable (probability/densities.ts).
  const density = entry ? undefined : c.random.withDensity.densities.uses.get(name);
  if (density) return compileDensity(c, name, density, rest, scope);
  if (entry && rest.length === 1) {
    // A declared non-function written before parentheses: a product, as `a(b + c)`.
    const f = c.symbol(name, scope);
    const x = c.node(rest[0] as AnyNode, scope);
    return (env) => mul(f(env), x(env));
  }
  if (!entry)
    return c.unknowns.call(
      name,
      rest.map((a) => c.node(a, scope)),
      listed,
    );
  throw new EvalUnsupported(
    `${name} is an undeclared function: declare it in a <!-- let … --> comment, e.g. ${name}(x) = …`,
    'undeclared-function',
    name,
  );
}

/** `entry(f, i…)` at the head of an application, `f_i(x)`: a member of a family of unknown functions, with
 *  its index evaluators. Undefined for any other head. */
export function familyHead(
  c: CompilerApi,
  head: AnyNode | undefined,
  scope: Scope,
): { name: string; shown: string; indices: Evaluator[] } | undefined {
  // `f_1(x)` beside `f_i(x)`: member 1 of the family, the same function as the term i = 1 of a sum.
  const literal = head?.type === 'SymbolNode' ? familyMemberOf(c.loose, head.name as string) : undefined;
  if (literal && !c.table.lookup(head?.name as string) && !scope.has(head?.name as string)) {
    const [base, k] = literal;
    return { name: base, shown: c.loose.families.get(base) ?? base, indices: [() => k] };
  }
  if (head?.type !== 'FunctionNode' || (head.fn as AnyNode).name !== 'entry') return undefined;
  const [object, ...subs] = head.args as AnyNode[];
  const name = c.boundName(object, 'a family of functions');
  const shown = `${name}_${subs.length === 1 ? (subs[0] as AnyNode).toString() : `{${subs.map(String).join(',')}}`}`;
  // A declared function f and the family f_i live side by side (`f(x) = \frac{1}{n} \sum_i f_i(x)`); a
  // declared value f makes `f_i` an entry, which is no function.
  const declared = c.table.lookup(name);
  if ((declared && declared.kind !== 'function') || scope.has(name))
    throw new EvalUnsupported(
      `${name} is declared as a value, so ${shown}(…) cannot be read as an unknown function per index`,
      'unsupported-notation',
      shown,
    );
  return { name, shown, indices: subs.map((d) => c.node(d, scope)) };
}

/** Inline application of a declared function; entrywise when a scalar parameter receives a matrix. */
export function apply(c: CompilerApi, name: string, argNodes: AnyNode[], scope: Scope): Evaluator {
  const entry = c.table.lookup(name);
  if (entry?.kind !== 'function')
    throw new EvalUnsupported(`${name} is not a declared function`, 'undeclared-function', name);
  if (entry.params.length !== argNodes.length) {
    throw new EvalUnsupported(
      `${name} takes ${entry.params.length} argument${entry.params.length === 1 ? '' : 's'}, given ${argNodes.length}`,
    );
  }
  const args = argNodes.map((a) => c.node(a, scope));
  const slots = entry.params.map(() => c.fresh());
  const inner = new Map<string, number>();
  entry.params.forEach((p, i) => inner.set(p, slots[i] as number));
  const scalarParam = entry.params.map((p) => {
    const k = c.table.kindOf(p);
    return k !== 'vector' && k !== 'matrix';
  });
  const body = c.expand(name, () => c.node(entry.body as AnyNode, inner));
  return (env) => {
    const vals = args.map((a) => a(env));
    let shape: Mat | undefined;
    vals.forEach((v, i) => {
      if (v instanceof Eye) throw new ShapeError(`the size of I given to ${name} is unknown`);
      if (scalarParam[i] && v instanceof Mat && scalarOf(v) === undefined) {
        if (shape && (shape.rows !== v.rows || shape.cols !== v.cols)) {
          throw new ShapeError(`${name} applied entrywise to arguments of different shapes`);
        }
        shape = v;
      }
    });
    const saved = slots.map((s) => env.slots[s]);
    try {
      if (!shape) {
        vals.forEach((v, i) => (env.slots[slots[i] as number] = v));
        return body(env);
      }
      const out = Mat.zeros(shape.rows, shape.cols);
      for (let k = 0; k < out.data.length; k++) {
        tick(env);
        vals.forEach((v, i) => {
          env.slots[slots[i] as number] =
            scalarParam[i] && v instanceof Mat && scalarOf(v) === undefined ? (v.data[k] as number) : v;
        });
        out.data[k] = needScalar(body(env), `${name} applied entrywise`);
      }
      return out;
    } finally {
      saved.forEach((v, i) => (env.slots[slots[i] as number] = v as Value));
    }
  };
}
