// Turns a mathjs tree of the parser's vocabulary into a closure evaluated once per sample. Compiling once
// per step and evaluating per sample keeps a scalar step in microseconds. Symbols live in numbered slots;
// definitions and declared functions are expanded inline (with a guard against circular definitions), so
// the sampler sees the symbols they depend on as free symbols of the step.
import { constants, identityName } from '../symbols/defaults';
import { builtins } from './functions';
import { add, div, mul, needScalar, neg, pow, sub } from './ops';
import { EvalUnsupported, Eye, type Value } from './value';
import { relationOps, truth } from './cases';
import type { Evaluator } from './env';
import type { AnyNode } from './compilerBase';
import { DerivativeCompiler } from './differentiation';
import { conventionallyRandom, RandomModel } from '../probability/model';
import { compileProbability, probabilityOperators } from '../probability/operators';
import type { MathNode } from 'mathjs';

export type { Env, Evaluator } from './env';

/** Names the evaluator takes from its raw (unevaluated) arguments. */
export const rawFunctions = new Set([
  'sumOver',
  'prodOver',
  'piecewise',
  'deriv',
  'grad',
  'call',
  'derivFn',
  'entry',
]);

/** mathjs's arithmetic operators on values (numbers, matrices, I). */
const binaryOps: Record<string, (a: Value, b: Value) => Value> = {
  add,
  subtract: sub,
  multiply: mul,
  divide: div,
  pow,
};

/** Compiles mathjs trees of the parser's vocabulary: dispatch by node type, symbols, operators, functions. */
export class Compiler extends DerivativeCompiler {
  /** The step's random symbols and the expectations over them (probability/model.ts). */
  readonly random = new RandomModel(this.table.declaredIndependent);

  protected node(n: AnyNode, scope: ReadonlyMap<string, number>): Evaluator {
    switch (n.type) {
      case 'ConstantNode': {
        const v = n.value;
        const num = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : Number(v);
        if (Number.isNaN(num)) throw new EvalUnsupported(`cannot evaluate the constant ${String(v)}`);
        return () => num;
      }
      case 'SymbolNode':
        return this.symbol(n.name as string, scope);
      case 'ParenthesisNode':
        return this.node(n.content as AnyNode, scope);
      case 'OperatorNode':
        return this.operator(n.fn as string, n.args as AnyNode[], scope);
      case 'FunctionNode':
        return this.func(n, scope);
      case 'ArrayNode':
        return this.array(n.items as AnyNode[], scope);
      case 'AccessorNode':
        return this.accessor(n, scope);
      case 'RelationalNode': {
        const conds = n.conditionals as string[];
        const params = (n.params as AnyNode[]).map((p) => this.node(p, scope));
        return (env) => {
          const vals = params.map((p) => needScalar(p(env), 'a comparison'));
          for (let i = 0; i < conds.length; i++) {
            const op = relationOps[conds[i] as string];
            if (!op || !op(vals[i] as number, vals[i + 1] as number)) return 0;
          }
          return 1;
        };
      }
      case 'ConditionalNode': {
        const c = this.node(n.condition as AnyNode, scope);
        const t = this.node(n.trueExpr as AnyNode, scope);
        const f = this.node(n.falseExpr as AnyNode, scope);
        return (env) => (needScalar(c(env), 'a condition') ? t(env) : f(env));
      }
      default:
        throw new EvalUnsupported(`cannot evaluate a ${n.type}`);
    }
  }

  protected symbol(name: string, scope: ReadonlyMap<string, number>): Evaluator {
    const bound = scope.get(name);
    if (bound !== undefined) return (env) => env.slots[bound] as Value;
    const random = this.randomSlot(name);
    if (random !== undefined) return (env) => env.slots[random] as Value;
    const entry = this.table.lookup(name);
    if (entry?.kind === 'definition') {
      const body = this.expand(name, () => this.node(entry.body as AnyNode, new Map()));
      return body;
    }
    if (entry?.kind === 'function') {
      throw new EvalUnsupported(`${name} is a declared function: apply it to an argument, as ${name}(x)`);
    }
    if (!entry) {
      const c = constants.get(name);
      if (c) {
        this.constantsUsed.add(name);
        return () => c.value;
      }
      // `I`, and `I_n`/`I_d` with the size written out, are the identity of the size the context needs.
      if (name === identityName || /^I_/.test(name)) {
        this.identityUsed = true;
        const eye = new Eye(1);
        return () => eye;
      }
      if (name === 'Infinity' || name === '∞') return () => Infinity;
    }
    const slot = this.slotOf(name);
    return (env) => env.slots[slot] as Value;
  }

  protected operator(fn: string, args: AnyNode[], scope: ReadonlyMap<string, number>): Evaluator {
    const ev = args.map((a) => this.node(a, scope));
    const [a, b] = ev;
    if (!a) throw new EvalUnsupported(`operator ${fn} without operands`);
    const binary = binaryOps[fn];
    if (binary && b) {
      if (ev.length > 2) {
        // mathjs folds `a + b + c` into one node for add and multiply only; keep the written order.
        return (env) => ev.slice(1).reduce((acc, e) => binary(acc, e(env)), a(env));
      }
      return (env) => binary(a(env), b(env));
    }
    if (fn === 'unaryMinus') return (env) => neg(a(env));
    if (fn === 'unaryPlus') return a;
    if (fn === 'factorial') {
      const f = builtins.factorial as (args: Value[]) => Value;
      return (env) => f([a(env)]);
    }
    const rel = relationOps[fn];
    if (rel && b) return (env) => truth(a(env), b(env), rel);
    if (fn === 'and' && b) return (env) => truth(a(env), b(env), (x, y) => x !== 0 && y !== 0);
    if (fn === 'or' && b) return (env) => truth(a(env), b(env), (x, y) => x !== 0 || y !== 0);
    if (fn === 'not') return (env) => (needScalar(a(env), 'not') ? 0 : 1);
    throw new EvalUnsupported(`cannot evaluate the operator ${fn}`);
  }

  protected func(n: AnyNode, scope: ReadonlyMap<string, number>): Evaluator {
    const fnNode = n.fn as AnyNode;
    const name = fnNode.type === 'SymbolNode' ? (fnNode.name as string) : '';
    const args = n.args as AnyNode[];
    switch (name) {
      case 'sumOver':
      case 'prodOver':
        return this.bigOperator(name, args, scope);
      case 'piecewise':
        return this.piecewise(args, scope);
      case 'deriv':
      case 'grad':
        return this.derivative(name, args, scope);
      case 'call':
        return this.call(args, scope);
      case 'derivFn':
        return this.derivFn(args, scope);
      case 'entry':
        return this.entry(args, scope);
    }
    if (probabilityOperators.has(name)) {
      this.random.slotOfName = (n) => this.free.get(n) ?? -1;
      return compileProbability(name, args, {
        model: this.random,
        scopeSlots: [...scope.values()],
        compile: (node: MathNode) => {
          const names = new Set<string>();
          this.trackers.push(names);
          try {
            return { evaluate: this.node(node as AnyNode, scope), names };
          } finally {
            this.trackers.pop();
          }
        },
      });
    }
    const impl = builtins[name];
    if (impl) {
      const ev = args.map((a) => this.node(a, scope));
      if (ev.length === 1) {
        const only = ev[0] as Evaluator;
        return (env) => impl([only(env)]);
      }
      return (env) => impl(ev.map((e) => e(env)));
    }
    if (name && this.table.lookup(name)?.kind === 'function') {
      return this.apply(name, args, scope);
    }
    throw new EvalUnsupported(
      name ? `unknown function ${name}` : 'cannot evaluate the application of an expression as a function',
    );
  }

  /**
   * The slot of `name` when it is random: declared with a law (`X \sim …`), or an undeclared capital met
   * inside 𝔼, Var, Cov or P (the convention of probability texts); registered with the step's model.
   */
  private randomSlot(name: string): number | undefined {
    if (this.random.symbols.has(name)) return this.slotOf(name);
    const entry = this.table.lookup(name);
    const law = entry ? this.table.lawOf(name) : undefined;
    if (law) {
      const shape = entry?.kind === 'value' ? entry.domain.shape.map((d) => this.compile(d)) : [];
      this.random.add({
        name,
        slot: this.slotOf(name),
        law: { name: law.name, params: law.params.map((p) => this.compile(p)) },
        shape,
        event: false,
        why: `declared with the law ${law.name}${shape.length ? ' (independent entries)' : ''}`,
      });
      return this.slotOf(name);
    }
    if (!entry && this.random.depth > 0 && conventionallyRandom(name)) {
      const event = this.random.eventNames.has(name);
      this.random.add({
        name,
        slot: this.slotOf(name),
        shape: [],
        event,
        why: `an undeclared capital inside 𝔼, Var, Cov or P with no law: checked on random finite ${event ? 'events' : 'distributions'}`,
      });
      return this.slotOf(name);
    }
    return undefined;
  }
}
