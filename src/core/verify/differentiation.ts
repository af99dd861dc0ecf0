// Derivatives: Leibniz `d/dx` and `∂/∂x_j`, gradients, and `f'(x)` of declared functions, by numeric stencils.
import { builtins } from './functions';
import { isFunctionNamed } from '../latex/nodes';
import { needScalar } from './ops';
import { EvalUnsupported, Eye, InvalidSample, Mat, ShapeError, type Value } from './value';
import { type Env, type Evaluator } from './env';
import { differentiate, scalarDerivative } from './stencil';
import { apply, familyHead } from './calls';
import { bareDerivativeBody, isGraphNode, nodeValue } from './dependencyGraph';
import { type AnyNode, type CompilerApi, type Scope, undeclaredEntries } from './compilerApi';
import type { FunctionSpec } from './registry';

export const derivatives: FunctionSpec[] = [
  {
    names: ['deriv', 'grad'],
    compile: (c, args, scope, name) => derivative(c, name as 'deriv' | 'grad', args, scope),
  },
  { names: ['derivFn'], compile: (c, args, scope) => derivFn(c, args, scope) },
  { names: ['gradAt'], compile: (c, args, scope) => gradientAt(c, args, scope) },
];

/** `\nabla f(x, y)`, `\nabla f(A x)`: f's gradient in its argument slots, evaluated at the arguments
 *  written; with several scalar arguments the partials stacked into a column. */
function gradientAt(c: CompilerApi, args: AnyNode[], scope: Scope): Evaluator {
  const [fNode, ...at] = args;
  if (!fNode || at.length === 0) throw new EvalUnsupported('a gradient needs a function and a point');
  const slots = at.map(() => c.fresh());
  const inner = new Map(scope);
  const names = slots.map((s) => `\u0000${s}`);
  names.forEach((n, i) => inner.set(n, slots[i] as number));
  const symbol = (name: string): AnyNode => ({ type: 'SymbolNode', name }) as unknown as AnyNode;
  const call = {
    type: 'FunctionNode',
    fn: symbol('call'),
    args: [fNode, ...names.map(symbol)],
  } as unknown as AnyNode;
  const points = at.map((a) => c.node(a, scope));
  const partials = names.map((n) => derivative(c, 'grad', [symbol(n), call], inner));
  return (env) => {
    const saved = slots.map((s) => env.slots[s] as Value);
    try {
      points.forEach((p, i) => (env.slots[slots[i] as number] = p(env)));
      if (partials.length === 1) return (partials[0] as Evaluator)(env);
      const out = Mat.zeros(partials.length, 1);
      partials.forEach((d, i) => (out.data[i] = needScalar(d(env), 'a partial derivative')));
      return out;
    } finally {
      saved.forEach((v, i) => (env.slots[slots[i] as number] = v));
    }
  };
}

export function derivative(c: CompilerApi, name: 'deriv' | 'grad', args: AnyNode[], scope: Scope): Evaluator {
  if (args.length !== 2) throw new EvalUnsupported(`${name} takes a variable and an expression`);
  c.usesDerivative = true;
  // `d/dw_1` where w_1 is defined as an entry (of 𝐰, or of a listed vector w): perturb that entry.
  const named = args[0]?.type === 'SymbolNode' && !scope.has(args[0].name as string);
  const defined = named ? c.table.lookup(args[0]?.name as string) : undefined;
  const target = (
    defined?.kind === 'definition' && isFunctionNamed(defined.body, 'entry') ? defined.body : args[0]
  ) as AnyNode;
  const targetFn = target.type === 'FunctionNode' ? ((target.fn as AnyNode).name as string) : '';
  if (targetFn === 'entry') {
    // ∂/∂z_j: perturb one entry of a vector (or matrix) variable.
    const [objectNode, ...subscripts] = target.args as AnyNode[];
    let variable = c.boundName(objectNode, 'a derivative');
    // `x_i` of a plain x that names the entries of the declared 𝐱 (prose/entries.ts): perturb 𝐱.
    for (let hops = 0; hops < 4 && !scope.has(variable); hops++) {
      const alias = c.table.lookup(variable);
      if (alias?.kind !== 'definition' || alias.body.type !== 'SymbolNode') break;
      variable = (alias.body as AnyNode).name as string;
    }
    if (!scope.has(variable) && !c.table.lookup(variable))
      throw undeclaredEntries(variable, subscripts.length);
    const slot = scope.get(variable) ?? c.slotOf(variable);
    const subs = subscripts.map((d) => c.node(d, scope));
    const body = dependentBody(c, variable, args[1] as AnyNode, scope);
    return (env) => {
      const z = env.slots[slot] as Value;
      const ij = subs.map((d) => needScalar(d(env), 'an index'));
      if (!(z instanceof Mat)) {
        if (ij.every((x) => x === 1)) return differentiate(env, slot, body);
        throw new ShapeError(`a subscript on the scalar ${variable}`);
      }
      const [i, j] = ij.length === 1 ? (z.cols === 1 ? [ij[0], 1] : [1, ij[0]]) : ij;
      const k = ((i as number) - 1) * z.cols + ((j as number) - 1);
      if (
        !Number.isInteger(k) ||
        (i as number) < 1 ||
        (i as number) > z.rows ||
        (j as number) < 1 ||
        (j as number) > z.cols
      ) {
        throw new InvalidSample(`index (${i}, ${j}) outside a ${z.rows}×${z.cols} value`);
      }
      try {
        return scalarDerivative(env, z.data[k] as number, (t) => {
          const moved = new Mat(z.rows, z.cols, Float64Array.from(z.data));
          moved.data[k] = t;
          env.slots[slot] = moved;
          return body(env);
        });
      } finally {
        env.slots[slot] = z;
      }
    };
  }
  const variable = c.boundName(target, 'a derivative');
  const bodyNode = bareDerivativeBody(c, args[1] as AnyNode) ?? (args[1] as AnyNode);
  if (!scope.has(variable) && isGraphNode(c.table, variable)) {
    // ∂f/∂u with u a node of a chain of declared functions: u is cut loose, set to its own value.
    const at = nodeValue(c, variable, scope);
    const cut = c.fresh();
    const inner = new Map(scope).set(variable, cut);
    const body = dependentBody(c, variable, bodyNode, inner);
    return (env) => {
      env.slots[cut] = at(env);
      return differentiate(env, cut, body);
    };
  }
  const slot = scope.get(variable) ?? c.slotOf(variable);
  const body = dependentBody(c, variable, bodyNode, scope);
  return (env) => differentiate(env, slot, body);
}

/** The compiled body of a derivative in `variable`, refused when it may not depend on the variable. */
function dependentBody(c: CompilerApi, variable: string, node: AnyNode, scope: Scope): Evaluator {
  const reads = new Set<string>();
  c.trackers.push(reads);
  c.boundReads.push(reads);
  let body: Evaluator;
  try {
    body = c.node(node, scope);
  } finally {
    c.trackers.pop();
    c.boundReads.pop();
  }
  checkDependence(c, variable, reads);
  return body;
}

/** `∂y_ℓ/∂y_{ℓ-1}` with y_ℓ undeclared would be 0 (y_ℓ drawn independently) and could refute a true
 *  step: a derivative whose body never reads its variable, through any definition, while it reads an
 *  undeclared symbol, differentiates something we were not told depends on the variable. */
export function checkDependence(c: CompilerApi, variable: string, reads: Set<string>): void {
  // `reads` holds bound names too (an integration variable, a parameter): reading one is dependence.
  if (reads.has(variable)) return;
  const free = [...reads].find((n) => !c.table.lookup(n));
  if (free === undefined) return;
  throw new EvalUnsupported(
    `${free} is not defined as a function of ${variable}; define it (e.g. <!-- let ${free} = … -->) to differentiate it`,
    'undeclared-symbol',
    free,
  );
}

/** `f'(x)`, `σ''(z)`: the k-th derivative of a one-variable function, entrywise over a vector argument. */
export function derivFn(c: CompilerApi, args: AnyNode[], scope: Scope): Evaluator {
  const [fNode, kNode, ...rest] = args;
  const family = familyHead(c, fNode, scope);
  if (family) {
    c.usesDerivative = true;
    const k = kNode?.type === 'ConstantNode' ? Number(kNode.value) : NaN;
    const xs = rest.map((a) => c.node(a, scope));
    return c.unknowns.member(family.name, family.shown, family.indices, xs, k);
  }
  const name = c.boundName(fNode, 'a derivative of a function');
  if (kNode && !c.table.lookup(name) && !builtins[name]) {
    // An unknown f's derivatives are exact at any order, and `f^{(i)}(x_0)` inside a sum over i reads
    // its order at each term.
    if (rest.length !== 1) throw new EvalUnsupported(`the derivative of ${name} needs exactly one argument`);
    c.usesDerivative = true;
    const order = kNode.type === 'ConstantNode' ? Number(kNode.value) : c.node(kNode, scope);
    return c.unknowns.derivative(name, order, c.node(rest[0] as AnyNode, scope));
  }
  if (kNode?.type !== 'ConstantNode')
    throw new EvalUnsupported(
      `${name} is declared: its derivatives are taken numerically, to a fixed order only, not ${name}^{(${String(kNode)})}`,
      'unsupported-notation',
      name,
    );
  const k = Number(kNode.value);
  if (!Number.isInteger(k) || k < 1 || k > 3)
    throw new EvalUnsupported(`cannot take derivative number ${k} of ${name}`);
  if (rest.length !== 1) throw new EvalUnsupported(`the derivative of ${name} needs exactly one argument`);
  c.usesDerivative = true;
  const x = c.node(rest[0] as AnyNode, scope);
  const slot = c.fresh();
  const placeholder = `\u0000${slot}`;
  const inner = new Map(scope).set(placeholder, slot);
  const t = { type: 'SymbolNode', name: placeholder } as unknown as AnyNode;
  const entry = c.table.lookup(name);
  const impl = builtins[name];
  let f: Evaluator;
  if (entry?.kind === 'function') f = apply(c, name, [t], inner);
  else if (impl && !entry) f = (env) => impl([env.slots[slot] as Value]);
  else
    throw new EvalUnsupported(
      `${name} is an undeclared function: declare it in a <!-- let … --> comment, e.g. ${name}(x) = …`,
      'undeclared-function',
      name,
    );
  const nth = (env: Env, at: number, order: number): number => {
    if (order === 0) {
      env.slots[slot] = at;
      return needScalar(f(env), `${name}`);
    }
    return needScalar(
      scalarDerivative(env, at, (u) => nth(env, u, order - 1)),
      `the derivative of ${name}`,
    );
  };
  return (env) => {
    const v = x(env);
    const saved = env.slots[slot];
    try {
      if (v instanceof Eye) throw new ShapeError(`the size of I given to ${name} is unknown`);
      if (typeof v === 'number') return nth(env, v, k);
      return v.map((e) => nth(env, e, k));
    } finally {
      env.slots[slot] = saved as Value;
    }
  };
}
