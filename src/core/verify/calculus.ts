// Integrals and limits in the compiler: the bound variable gets a fresh slot, the body is evaluated along
// the points the numeric method asks for (calculus/quadrature.ts, calculus/limits.ts), and a result
// without a trustworthy error estimate makes the sample invalid with the reason, never a number.
import { integrate, type Quadrature } from '../calculus/quadrature';
import { limit as numericLimit, type Limit } from '../calculus/limits';
import { needScalar } from './ops';
import { EvalUnsupported, InvalidSample, type Value } from './value';
import { tick, type Env, type Evaluator } from './env';
import type { AnyNode, CompilerApi, Scope } from './compilerApi';
import type { FunctionSpec } from './registry';
import { asOneOperation } from './rounding';

/** The body as a function of the bound variable; a point where it is undefined gives NaN. */
function along(env: Env, slot: number, body: Evaluator, what: string): (t: number) => number {
  return (t) => {
    tick(env);
    env.slots[slot] = t;
    try {
      return needScalar(body(env), what);
    } catch (e) {
      if (e instanceof InvalidSample) return NaN;
      throw e;
    }
  };
}

/** `x p(x)` under `\\int … dx` with p declared nowhere reads as the product p·(x), but the text almost
 *  surely means a density or a function: refuse it rather than integrate a product nobody meant. */
function refuseAmbiguousApplication(c: CompilerApi, body: AnyNode, variable: string): void {
  body.traverse((n) => {
    const o = n as AnyNode;
    if (o.type !== 'OperatorNode' || o.fn !== 'multiply' || !o.implicit) return;
    const arg = (o.args as AnyNode[])[1];
    let head = (o.args as AnyNode[])[0];
    // `x p (x)` is (x·p)·(x): the factor before the parenthesis is the last of the left operand.
    while (head?.type === 'OperatorNode' && head.fn === 'multiply' && head.implicit)
      head = (head.args as AnyNode[])[(head.args as AnyNode[]).length - 1];
    if (head?.type !== 'SymbolNode' || arg?.type !== 'ParenthesisNode') return;
    const name = head.name as string;
    // A value declared only in the prose (`$p(x) \\ge 0$` reads as a bound on p) is as ambiguous.
    const entry = c.table.lookup(name);
    if ((entry && !(entry.kind === 'value' && entry.source === 'prose')) || name === variable) return;
    let reads = false;
    (arg as AnyNode).traverse((m) => {
      if ((m as AnyNode).type === 'SymbolNode' && (m as AnyNode).name === variable) reads = true;
    });
    if (reads)
      throw new EvalUnsupported(
        `${name}(…) of ${variable} reads as a product with ${name} undeclared: declare ${name} (e.g. <!-- let ${name}(${variable}) = … -->)`,
      );
  });
}

/**
 * The last result of one integral or limit, by what it was computed from. Within a sample the rounding
 * probe evaluates each side twice more (rounding.ts), but the numeric method itself runs with nudges off
 * (asOneOperation): from the same sample (the unknown functions drawn), the same ends or point and the
 * same slot values it computes the same result again, so it is reused and only nudged. A step with random
 * symbols is left alone: an expectation inside may draw Monte Carlo points.
 */
export function lastResult<R>(c: Pick<CompilerApi, 'random'>, slot: number) {
  let last: { env: Env; sample: number; key: number[]; slots: Value[]; result: R } | undefined;
  const same = (xs: readonly unknown[], ys: readonly unknown[]): boolean =>
    xs.length === ys.length && xs.every((x, i) => i === slot || Object.is(x, ys[i]));
  return (env: Env, key: number[], compute: () => R): R => {
    const sample = env.sample;
    if (sample === undefined || c.random.size > 0) return compute();
    if (
      last &&
      last.env === env &&
      last.sample === sample &&
      key.every((k, i) => Object.is(k, last?.key[i])) &&
      same(last.slots, env.slots)
    )
      return last.result;
    const slots = env.slots.slice();
    const result = compute();
    last = { env, sample, key, slots, result };
    return result;
  };
}

function bind(c: CompilerApi, args: AnyNode[], scope: Scope, what: string) {
  const variable = c.boundName(args[0], what);
  refuseAmbiguousApplication(c, args[args.length - 1] as AnyNode, variable);
  const slot = c.fresh();
  const body = c.node(args[args.length - 1] as AnyNode, new Map(scope).set(variable, slot));
  c.usesDerivative = true;
  return { slot, body };
}

export const integralSpec: FunctionSpec = {
  names: ['integral'],
  compile: (c, args, scope) => {
    if (args.length !== 4) throw new EvalUnsupported('an integral takes a variable, two limits and a body');
    const lo = c.node(args[1] as AnyNode, scope);
    const hi = c.node(args[2] as AnyNode, scope);
    const { slot, body } = bind(c, args, scope, 'an integral');
    const reuse = lastResult<Quadrature>(c, slot);
    return (env) => {
      const a = needScalar(lo(env), 'a limit of integration');
      const b = needScalar(hi(env), 'a limit of integration');
      const saved = env.slots[slot] as Value;
      try {
        const out: { q?: Quadrature } = {};
        const value = asOneOperation(() => {
          const r = reuse(env, [a, b], () => integrate(along(env, slot, body, 'an integrand'), a, b));
          out.q = r;
          return r.ok ? r.value : NaN;
        });
        const failed = out.q as Quadrature;
        if (failed.ok) return value;
        throw new InvalidSample(integralFailure[failed.reason]);
      } finally {
        env.slots[slot] = saved;
      }
    };
  },
};

/** Why a sample has no integral, by the quadrature's reason. */
const integralFailure: Record<Extract<Quadrature, { ok: false }>['reason'], string> = {
  diverges: 'the integral diverges',
  'not-finite': 'the integrand is undefined inside the range',
  inaccurate: 'the integral could not be estimated to the needed accuracy',
};

export const antiderivativeSpec: FunctionSpec = {
  names: ['antiderivative'],
  compile: () => {
    throw new EvalUnsupported('an indefinite integral is checked only as ∫ g(x) dx = G(x) + C');
  },
};

export const limitSpec: FunctionSpec = {
  names: ['limit'],
  compile: (c, args, scope) => {
    if (args.length !== 4) throw new EvalUnsupported('a limit takes a variable, a point, a side and a body');
    const at = c.node(args[1] as AnyNode, scope);
    const sideNode = args[2] as AnyNode;
    const side = sideNode.type === 'ConstantNode' ? Number(sideNode.value) : 0;
    const { slot, body } = bind(c, args, scope, 'a limit');
    const reuse = lastResult<Limit>(c, slot);
    return (env) => {
      const a = needScalar(at(env), 'the point of a limit');
      const saved = env.slots[slot] as Value;
      try {
        const f = along(env, slot, body, 'a limit');
        const out: { l?: Limit } = {};
        const value = asOneOperation(() => {
          const r = reuse(env, [a], () =>
            Number.isFinite(a)
              ? numericLimit(f, { point: a, side: side > 0 ? 'above' : side < 0 ? 'below' : 'both' })
              : numericLimit(f, { point: a }),
          );
          out.l = r;
          return r.ok ? r.value : NaN;
        });
        const l = out.l as Limit;
        if (l.ok) return value;
        throw new InvalidSample(
          l.reason === 'unbounded' ? 'the limit is infinite' : 'the limit does not settle to a number',
        );
      } finally {
        env.slots[slot] = saved;
      }
    };
  },
};
