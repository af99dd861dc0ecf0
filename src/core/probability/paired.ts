// The nodes pairing.ts writes for values of random variables, compiled against the step's random model:
//   expectOver(g, X, x, …)    𝔼[g] with x bound to the value of X at each outcome (E_{x ∼ P}[g]);
//   varianceOver(g, X, x, …)  Var[g] likewise;
//   sumSupport(g, X, x, …)    Σ g over the values of X with positive probability (joint values for several);
//   pmf(X, x, …)              P(X = x, …) of variables with a finite law, x numbers;
//   entropyBits, klBits       the entropy and divergence in bits.
// A pmf or a sum over values needs a finite law (enumerated exactly): for a continuous one, p(x) is a
// density and the sum an integral, which is refused by name rather than computed as a pmf of zeros.
import type { Evaluator } from '../verify/env';
import type { AnyNode, CompilerApi, Scope } from '../verify/compilerApi';
import type { FunctionSpec } from '../verify/registry';
import { needScalar } from '../verify/ops';
import { markMovable } from '../verify/rounding';
import { EvalUnsupported, InvalidSample } from '../verify/value';
import { probabilityFunctions } from './operators';
import type { RandomModel } from './model';

let sites = 0;

/** Values enumerated at most by a sum over a variable's values. */
const maxValues = 2000;

interface Pairs {
  /** The variables' evaluators and names. */
  vars: { name: string; value: Evaluator }[];
  /** The slots bound to their values. */
  slots: number[];
  scope: Scope;
}

/** Compiles the (variable, value) pairs after the first argument; binds each value to a fresh slot. */
function pairsOf(c: CompilerApi, args: AnyNode[], scope: Scope, why: string): Pairs {
  if (args.length < 2 || args.length % 2 !== 0)
    throw new EvalUnsupported('expected variables paired with their values');
  const inner = new Map(scope);
  const vars: Pairs['vars'] = [];
  const slots: number[] = [];
  const model = c.random;
  for (let i = 0; i < args.length; i += 2) {
    const name = c.boundName(args[i], 'a random variable');
    const value = c.boundName(args[i + 1], 'a value');
    model.depth++;
    let evaluate: Evaluator;
    try {
      evaluate = c.node(args[i] as AnyNode, scope);
    } finally {
      model.depth--;
    }
    const s = model.symbols.get(name);
    if (!s)
      throw new EvalUnsupported(
        `${value} is paired with ${name}, which is not a random variable here`,
        'probability-notation',
        name,
      );
    if (!s.why.includes(`${value} `)) s.why += `; ${value} ${why}`;
    vars.push({ name, value: evaluate });
    const slot = c.fresh();
    slots.push(slot);
    inner.set(value, slot);
  }
  return { vars, slots, scope: inner };
}

/** Compiles `body` under the pairs' scope, tracking the free names it reads. */
function tracked(c: CompilerApi, body: AnyNode, scope: Scope): { evaluate: Evaluator; names: Set<string> } {
  const names = new Set<string>();
  c.trackers.push(names);
  c.random.depth++;
  try {
    return { evaluate: c.node(body, scope), names };
  } finally {
    c.random.depth--;
    c.trackers.pop();
  }
}

const scalar = (v: ReturnType<Evaluator>, what: string): number => needScalar(v, what);

/** Binds every value slot to its variable's current outcome. */
const bind = (p: Pairs, env: Parameters<Evaluator>[0]): void => {
  p.vars.forEach((v, i) => (env.slots[p.slots[i] as number] = scalar(v.value(env), 'a random variable')));
};

function expectOver(c: CompilerApi, args: AnyNode[], scope: Scope, variance: boolean): Evaluator {
  const p = pairsOf(c, args.slice(1), scope, 'is its value, drawn from its law (a subscript x \\sim P)');
  const body = tracked(c, args[0] as AnyNode, p.scope);
  const names = new Set([...p.vars.map((v) => v.name), ...body.names]);
  const g: Evaluator = (env) => (bind(p, env), body.evaluate(env));
  const site = { id: sites++, inputs: [...scope.values()] };
  return variance ? c.random.variance(g, names, site) : c.random.expect(g, names, site);
}

/** The distinct joint values of `vars` with positive probability, exactly; refused for a continuous law. */
function support(
  model: RandomModel,
  env: Parameters<Evaluator>[0],
  p: Pairs,
  names: Set<string>,
): number[][] {
  const seen = new Map<string, number[]>();
  const tuple = (): number[] => p.vars.map((v) => scalar(v.value(env), 'a random variable'));
  const pass = model.integrate(env, names, () => {
    const t = tuple();
    seen.set(t.join(','), t);
    return 0;
  });
  if (pass.method !== 'exact' || seen.size > maxValues)
    throw new EvalUnsupported(
      `a sum over the values of ${p.vars.map((v) => v.name).join(', ')}, which has no finite law, is not supported`,
      'probability-notation',
      p.vars[0]?.name,
    );
  return [...seen.values()].filter(
    (t) => model.integrate(env, names, () => (tuple().every((x, i) => x === t[i]) ? 1 : 0)).value > 0,
  );
}

function sumSupport(c: CompilerApi, args: AnyNode[], scope: Scope): Evaluator {
  const p = pairsOf(c, args.slice(1), scope, 'runs over its values (a sum over x)');
  const body = tracked(c, args[0] as AnyNode, p.scope);
  const names = new Set(p.vars.map((v) => v.name));
  const model = c.random;
  return (env) => {
    markMovable();
    let total = 0;
    for (const t of support(model, env, p, names)) {
      t.forEach((x, i) => (env.slots[p.slots[i] as number] = x));
      total += scalar(body.evaluate(env), 'a term of a sum');
    }
    return total;
  };
}

function pmf(c: CompilerApi, args: AnyNode[], scope: Scope): Evaluator {
  if (args.length < 2 || args.length % 2 !== 0) throw new EvalUnsupported('pmf takes variables and values');
  const vars: Evaluator[] = [];
  const at: Evaluator[] = [];
  const names = new Set<string>();
  for (let i = 0; i < args.length; i += 2) {
    const v = tracked(c, args[i] as AnyNode, scope);
    if (![...v.names].every((n) => c.random.symbols.has(n)))
      throw new EvalUnsupported('p(x) of something that is not a random variable', 'probability-notation');
    v.names.forEach((n) => names.add(n));
    vars.push(v.evaluate);
    at.push(c.node(args[i + 1] as AnyNode, scope));
  }
  const model = c.random;
  return (env) => {
    markMovable();
    const x = at.map((a) => scalar(a(env), 'a value of a random variable'));
    const est = model.integrate(env, names, () =>
      vars.every((v, i) => scalar(v(env), 'a random variable') === x[i]) ? 1 : 0,
    );
    if (est.method !== 'exact')
      throw new EvalUnsupported(
        'p(x) of a continuous law is a density, which is not supported here',
        'probability-notation',
      );
    return est.value;
  };
}

/** The entropy or divergence in bits: the same in nats over ln 2. */
function inBits(c: CompilerApi, args: AnyNode[], scope: Scope, name: string): Evaluator {
  const nats = probabilityFunctions.compile(c, args, scope, name === 'entropyBits' ? 'entropy' : 'kl');
  return (env) => {
    const h = needScalar(nats(env), 'an entropy');
    if (!Number.isFinite(h)) throw new InvalidSample('an infinite entropy');
    return h / Math.LN2;
  };
}

/** The registration of the paired forms with the compiler (verify/registry.ts). */
export const pairedFunctions: FunctionSpec = {
  names: [
    'expectOver',
    'varianceOver',
    'sumSupport',
    'pmf',
    'entropyBits',
    'klBits',
    'pmfGiven',
    'expectFrom',
    'varianceFrom',
  ],
  compile: (c, args, scope, name) => {
    switch (name) {
      case 'expectOver':
        return expectOver(c, args, scope, false);
      case 'varianceOver':
        return expectOver(c, args, scope, true);
      case 'sumSupport':
        return sumSupport(c, args, scope);
      case 'pmf':
        return pmf(c, args, scope);
      case 'entropyBits':
      case 'klBits':
        return inBits(c, args, scope, name);
      case 'pmfGiven':
        throw new EvalUnsupported(
          'p(y \\mid x) of values not paired with random variables (a conditional density or a likelihood) is not supported',
          'probability-notation',
          '\\mid',
        );
      default:
        // Left by pairing.ts: a vector drawn from a law, or a step that does not tell which variable the
        // value is drawn from.
        if (
          args
            .slice(2)
            .some((a) => !/^[A-Za-z](_[A-Za-z0-9]+)?$/.test(String((a as { name?: unknown }).name)))
        )
          throw new EvalUnsupported(
            'an expectation over a vector drawn from a law (E_{\\mathbf{x} \\sim P}) is not supported',
            'probability-notation',
            '\\sim',
          );
        throw new EvalUnsupported(
          'E_{x \\sim P}: which random variable x is the value of is not told (write E[X] beside it, or declare X \\sim …)',
          'probability-notation',
          '\\sim',
        );
    }
  },
};
