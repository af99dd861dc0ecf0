// Turns a mathjs tree of the parser's vocabulary into a closure evaluated once per sample. Compiling once
// per step and evaluating per sample keeps a scalar step in microseconds. Symbols live in numbered slots;
// definitions and declared functions are expanded inline (with a guard against circular definitions), so
// the sampler sees the symbols they depend on as free symbols of the step. Each node type and each
// function is compiled by a handler of registry.ts.
import type { MathNode } from 'mathjs';
import { constants, identityName } from '../symbols/defaults';
import type { SymbolTable } from '../symbols/table';
import { type AnyNode, type CompilerApi, maxExpansionDepth, type Scope } from './compilerApi';
import type { Evaluator } from './env';
import { conventionallyRandom, lawSupport, RandomModel } from '../probability/model';
import { declaredSupport, statisticOf } from '../probability/statistics';
import { densityLawName, givenDensity } from '../probability/givenDensity';
import { nodeHandlers } from './registry';
import { EvalUnsupported, Eye, InvalidSample, Mat, type Value } from './value';
import { UnknownFunctions } from './unknown';
import { isGraphNode, nodeValue } from './dependencyGraph';
import { type LooseReading, noLooseReading } from './looseVectors';

export type { Env, Evaluator } from './env';

const invalid = (why: string): never => {
  throw new InvalidSample(why);
};
export { rawFunctions } from './registry';

export class Compiler implements CompilerApi {
  /** Free symbols of everything compiled so far, with their slots. */
  readonly free = new Map<string, number>();
  slotCount = 0;
  usesDerivative = false;
  /** Set for a step about a chain of declared functions: bare node names then mean their values. */
  graphReading = false;
  readonly constantsUsed = new Set<string>();
  identityUsed = false;
  readonly sizeSymbols = new Set<string>();
  readonly trackers: Set<string>[] = [];
  readonly boundReads: Set<string>[] = [];
  private readonly expanding: string[] = [];
  /** Names read as summary statistics of random variables (`\mu_X` is 𝔼[X]): never definitions. */
  readonly statistics = new Set<string>();

  readonly unknowns: UnknownFunctions;
  readonly random: RandomModel;
  /** Set by the step before compiling (looseVectors.ts). */
  loose: LooseReading = noLooseReading;

  constructor(readonly table: SymbolTable) {
    this.unknowns = new UnknownFunctions((name) => table.traitsOf(name)?.traits ?? []);
    this.random = new RandomModel(table.declaredIndependent, (n) => this.free.get(n) ?? -1);
  }

  /** A closure computing `node`; throws EvalUnsupported for what cannot be evaluated. */
  compile(node: MathNode): Evaluator {
    return this.node(node as AnyNode, new Map());
  }

  /** Like compile, also returning the free symbols the expression reads (to order sampling). */
  compileTracked(node: MathNode): { evaluate: Evaluator; names: Set<string> } {
    const names = new Set<string>();
    this.trackers.push(names);
    try {
      return { evaluate: this.compile(node), names };
    } finally {
      this.trackers.pop();
    }
  }

  node(n: AnyNode, scope: Scope): Evaluator {
    const handler = nodeHandlers[n.type];
    if (!handler) throw new EvalUnsupported(`cannot evaluate a ${n.type}`);
    return handler(this, n, scope);
  }

  symbol(name: string, scope: Scope): Evaluator {
    const bound = scope.get(name);
    if (bound !== undefined) {
      for (const t of this.boundReads) t.add(name);
      return (env) => env.slots[bound] as Value;
    }
    const member = this.familyMember(name, scope) ?? this.looseMember(name, scope);
    if (member) return member;
    const random = this.randomSlot(name);
    if (random !== undefined) return (env) => env.slots[random] as Value;
    const statistic = statisticOf(name, this.table, this.random);
    if (statistic) {
      this.statistics.add(name);
      return this.node(statistic as AnyNode, new Map());
    }
    const entry = this.table.lookup(name);
    if (entry?.kind === 'definition') {
      const body = this.expand(name, () => this.node(entry.body as AnyNode, new Map()));
      return body;
    }
    if (entry?.kind === 'function') {
      // In a chain of declared functions, a bare node name is its value (`u` is u(a, b)).
      if (this.graphReading && isGraphNode(this.table, name)) return nodeValue(this, name, scope);
      throw new EvalUnsupported(
        `${name} is a declared function: apply it to an argument, as ${name}(x)`,
        'function-not-applied',
        name,
      );
    }
    // A loose vector `\pi_i` (looseVectors.ts) is no constant π.
    if (!entry && !this.loose.symbols.has(name)) {
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

  slotOf(name: string): number {
    for (const t of this.trackers) t.add(name);
    let s = this.free.get(name);
    if (s === undefined) {
      s = this.slotCount++;
      this.free.set(name, s);
    }
    return s;
  }

  fresh(): number {
    return this.slotCount++;
  }

  expand<T>(name: string, build: () => T): T {
    if (this.expanding.includes(name)) {
      throw new EvalUnsupported(`circular definition: ${[...this.expanding, name].join(' → ')}`);
    }
    if (this.expanding.length >= maxExpansionDepth)
      throw new EvalUnsupported('definitions nested too deeply');
    this.expanding.push(name);
    try {
      return build();
    } finally {
      this.expanding.pop();
    }
  }

  boundName(node: AnyNode | undefined, what: string): string {
    if (node?.type !== 'SymbolNode') throw new EvalUnsupported(`${what} needs a variable name`);
    return node.name as string;
  }

  /**
   * `W_3` after `W_1, \dots, W_5 \overset{iid}{\sim} …`: the declaration made W a random vector of
   * independent entries, and `W_3` (a name of its own to the parser, since 3 is no bound index) is its
   * third entry. Read otherwise it would be an undeclared capital with no law, and the step would be
   * checked on random test distributions instead of the stated law.
   */
  private familyMember(name: string, scope: Scope): Evaluator | undefined {
    const m = /^(.+)_(?:(\d+)|\{(\d+)\})$/.exec(name);
    if (!m || this.table.lookup(name)) return undefined;
    const base = m[1] as string;
    const family = this.table.lookup(base);
    if (scope.has(base) || family?.kind !== 'value' || family.domain.shape.length !== 1) return undefined;
    if (!this.table.lawOf(base)) return undefined;
    const k = Number(m[2] ?? m[3]);
    const vector = this.symbol(base, scope);
    return (env) => {
      const v = vector(env);
      if (!(v instanceof Mat)) throw new EvalUnsupported(`${base} is not a vector here`);
      if (k < 1 || k > v.rows * v.cols)
        throw new InvalidSample(`${name} is outside the family ${base} of ${v.rows * v.cols} entries`);
      return v.data[k - 1] as number;
    };
  }

  /** A parameter of `random`'s law: a number, so a loose vector (`p` beside `p_i`) cannot be one. */
  private lawParameter(node: MathNode, random: string): Evaluator {
    const { evaluate, names } = this.compileTracked(node);
    const loose = [...names].find((n) => this.loose.symbols.has(n));
    if (loose !== undefined)
      throw new EvalUnsupported(
        `${loose} is a parameter of the law of ${random} and is written with subscripts (its entries) here: declare what it is`,
        'conflicting-use',
        loose,
      );
    return evaluate;
  }

  /** `𝐯` beside `v_i` is the vector v; `x_3` beside `x_i` is its third entry (looseVectors.ts). */
  private looseMember(name: string, scope: Scope): Evaluator | undefined {
    if (scope.has(name)) return undefined;
    const alias = this.loose.aliases.get(name);
    if (alias !== undefined) return this.symbol(alias, scope);
    const [base, k] = this.loose.members.get(name) ?? [];
    if (base === undefined || k === undefined) return undefined;
    const vector = this.symbol(base, scope);
    return (env) => {
      const v = vector(env);
      if (!(v instanceof Mat)) return k === 1 ? v : invalid(`${name} is outside ${base} of 1 entry`);
      if (k > v.data.length) return invalid(`${name} is outside ${base} of ${v.data.length} entries`);
      return v.data[k - 1] as number;
    };
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
        law:
          law.name === densityLawName
            ? { name: law.name, params: [], density: givenDensity(this, law.params[0]) }
            : { name: law.name, params: law.params.map((p) => this.lawParameter(p, name)) },
        shape,
        event: false,
        why: `declared with the law ${law.name}${shape.length ? ' (independent entries)' : ''}`,
      });
      return this.slotOf(name);
    }
    // A capital whose density the step uses (`p_X(x)`), anywhere in the step: a random continuous law.
    if (!entry && this.random.withDensity.variables.has(name)) {
      this.random.add({
        name,
        slot: this.slotOf(name),
        shape: [],
        event: false,
        density: true,
        why: 'a capital whose density the step uses, with no law: checked on random mixtures of normals',
      });
      return this.slotOf(name);
    }
    // A capital compared as a law (D_KL(P ‖ Q)) with no declared values: a random law over {0, 1, 2}.
    const support =
      this.random.depth > 0
        ? (declaredSupport(name, this.table) ??
          (!entry && this.random.lawNames.has(name) && conventionallyRandom(name) ? lawSupport : undefined))
        : undefined;
    if (support) {
      this.random.add({
        name,
        slot: this.slotOf(name),
        shape: [],
        event: false,
        support,
        why:
          support === lawSupport
            ? `a capital compared as a law in D_KL with no law: checked on random laws over {0, 1, 2}`
            : `a capital declared in {${support.join(', ')}} inside 𝔼, Var, Cov or P: checked on random distributions over those values`,
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
