// Values of random variables as probability texts write them, read for a whole step: `E_{x \sim P}[g(x)]`
// (x the value of the variable whose law is P), `\sum_x x P(X = x)` (x runs over the values of X),
// `p(x)`, `P(x)`, `p_{X, Y}(x, y)` (the probability that the variables take those values). The convention
// paired here: a lower-case x drawn from P is the value of the capital X, and the same law P anywhere in
// the step is the same variable, so `E[X] = E_{x \sim P}[x]` compares one variable with itself. A pairing
// the step does not tell (`E[Y] = E_{x \sim P}[x]`) is not guessed: the expectation is left as written and
// reported unsupported. The rewritten nodes (expectOver, varianceOver, sumSupport, pmf) are compiled by
// paired.ts.
import { FunctionNode, SymbolNode, type MathNode } from 'mathjs';
import { binary, fn, sym } from '../latex/nodes';
import type { SymbolTable } from '../symbols/table';
import { conventionallyRandom } from './model';
import type { ValueNames } from '../prose/valueNames';

type Node = MathNode & {
  type: string;
  name?: string;
  fn?: string | { name?: string };
  op?: string;
  args?: MathNode[];
  content?: MathNode;
  implicit?: boolean;
};

const head = (n: MathNode): string | undefined => {
  const f = (n as Node).fn;
  return (n as Node).type === 'FunctionNode' && typeof f === 'object' ? f.name : undefined;
};
const nameOf = (n: MathNode | undefined): string | undefined =>
  (n as Node | undefined)?.type === 'SymbolNode' ? (n as Node).name : undefined;

/** The variable a lower-case value names by the convention (x → X, x_1 → X_1); a capital names itself.
 *  (A value declared with a law itself, `r \\sim \\operatorname{Bernoulli}(q)`, is that variable.) */
function capitalOf(value: string): string | undefined {
  if (/^[a-z](_[A-Za-z0-9]+)?$/.test(value)) return value.charAt(0).toUpperCase() + value.slice(1);
  if (conventionallyRandom(value)) return value;
  return undefined;
}

/** What the step tells about its laws: the variables each law draws, which values they are drawn as. */
interface Laws {
  /** Law name → the variables it is the (joint) law of. */
  variables: Map<string, string[]>;
  /** Value name → its variable, from every `x \sim P` of the step. */
  values: Map<string, string>;
  /** Capitals compared as laws by D_KL: the law P is the variable P there. */
  compared: Set<string>;
}

function walk(n: MathNode, visit: (m: Node) => void): void {
  (n as MathNode & { traverse(cb: (m: MathNode) => void): void }).traverse((m) => visit(m as Node));
}

function collectLaws(sides: readonly MathNode[], table: SymbolTable): Laws | undefined {
  const laws: Laws = { variables: new Map(), values: new Map(), compared: new Set() };
  const written = new Set<string>();
  let draws = false;
  for (const side of sides)
    walk(side, (m) => {
      const h = head(m);
      if (h === 'kl') for (const a of m.args ?? []) if (nameOf(a)) laws.compared.add(nameOf(a) as string);
      if (h === 'expectFrom' || h === 'varianceFrom') draws = true;
      if (m.type === 'SymbolNode' && m.name && conventionallyRandom(m.name) && !table.lookup(m.name))
        written.add(m.name);
    });
  if (!draws) return undefined;
  for (const side of sides)
    walk(side, (m) => {
      const h = head(m);
      if (h !== 'expectFrom' && h !== 'varianceFrom') return;
      const [law, , ...drawn] = m.args ?? [];
      const name = nameOf(law) as string;
      const values = drawn.map((d) => nameOf(d) as string);
      let vars = laws.variables.get(name);
      if (!vars) {
        const single = values.length === 1 && laws.compared.has(name);
        const named = single ? [name] : values.map((v) => (table.lawOf(v) ? v : capitalOf(v)));
        if (named.some((v) => v === undefined)) return;
        vars = named as string[];
        laws.variables.set(name, vars);
      }
      if (vars.length !== values.length) return;
      values.forEach((v, i) => {
        if (!laws.values.has(v)) laws.values.set(v, vars[i] as string);
      });
    });
  // A variable only a subscript names, beside a capital no law pairs with: which is which is not told.
  const drawnVars = new Set([...laws.variables.values()].flat());
  const lawNames = new Set([...laws.variables.keys(), ...laws.compared]);
  const unpaired = [...written].filter((w) => !drawnVars.has(w) && !lawNames.has(w));
  const unwritten = [...drawnVars].filter((v) => !written.has(v) && !lawNames.has(v));
  if (unpaired.length && unwritten.length) laws.variables.clear();
  return laws;
}

/** The variables a pmf letter stands for, applied to `count` values bound to `bound` (l = lowercase law). */
function pmfVariables(
  letter: string,
  args: readonly MathNode[],
  bound: ReadonlyMap<string, string>,
  laws: Laws | undefined,
): string[] | undefined {
  const values = args.map(nameOf);
  if (!values.every((v) => v !== undefined && bound.has(v))) return undefined;
  const sub = /^p_\{?([^{}]+)\}?$/.exec(letter);
  if (sub) {
    const vars = (sub[1] as string).split(',').map((s) => s.trim());
    return vars.length === args.length && vars.every(conventionallyRandom) ? vars : undefined;
  }
  if (!/^[a-z]$/.test(letter)) return undefined;
  const law = letter.toUpperCase();
  const vars = laws?.variables.get(law) ?? (laws?.compared.has(law) ? [law] : undefined);
  if (vars) return vars.length === args.length ? vars : undefined;
  if (letter === 'p') return values.map((v) => bound.get(v as string) as string);
  // `q(x)` beside `x \sim P`: the law Q of the text, a variable of its own.
  if (letter === 'q' && laws && args.length === 1) return ['Q'];
  return undefined;
}

const pmf = (vars: readonly string[], args: readonly MathNode[]): MathNode =>
  fn(
    'pmf',
    vars.flatMap((v, i) => [sym(v), args[i] as MathNode]),
  );

/** A letter applied to arguments, `call(p, x, y)`. */
function application(m: Node): { letter: string; args: MathNode[] } | undefined {
  const args = m.args ?? [];
  if (head(m) === 'call' && nameOf(args[0]))
    return { letter: nameOf(args[0]) as string, args: args.slice(1) };
  return undefined;
}

const isImplicit = (m: Node): boolean =>
  m.type === 'OperatorNode' && m.fn === 'multiply' && m.implicit === true;

/** The factors of a chain of juxtapositions: `p_X(x) p_Y(y)` reads as ((p_X·(x))·p_Y)·(y). */
function juxtaposed(m: Node): MathNode[] {
  return isImplicit(m) ? (m.args ?? []).flatMap((a) => juxtaposed(a as Node)) : [m];
}

/** `p (x)` among juxtaposed factors, at `i`: a letter before a parenthesised argument. It reads as a
 *  product until x is known to be a value. */
function letterApplied(fs: readonly MathNode[], i: number): { letter: string; args: MathNode[] } | undefined {
  const letter = nameOf(fs[i]);
  const next = fs[i + 1] as Node | undefined;
  const inner = next?.type === 'ParenthesisNode' ? next.content : undefined;
  return letter && inner ? { letter, args: [inner] } : undefined;
}

/** Every application at `m`, written as a call or as a juxtaposition `p (x)`. */
function applications(m: Node): { letter: string; args: MathNode[] }[] {
  const direct = application(m);
  if (direct) return [direct];
  if (!isImplicit(m)) return [];
  const fs = juxtaposed(m);
  return fs.flatMap((_, i) => letterApplied(fs, i) ?? []);
}

/** The variable a summation index runs over, when the body pairs them: `P(X = x)`, `p_X(x)`, `x \sim P`. */
function pairedIndex(
  index: string,
  body: MathNode,
  laws: Laws | undefined,
  named: ReadonlySet<string>,
): string | undefined {
  const capital = capitalOf(index);
  // `H(Y \mid X) = -\sum_x \sum_y p(x, y) \log p(y \mid x)`: p of x beside an entropy of X.
  if (capital && capital !== index && named.has(capital) && appliesP(body, index)) return capital;
  let found: string | undefined;
  walk(body, (m) => {
    if (found) return;
    if (m.type === 'OperatorNode' && m.fn === 'equal') {
      const [a, b] = (m.args ?? []).map(nameOf);
      if (b === index && a && conventionallyRandom(a)) found = a;
      else if (a === index && b && conventionallyRandom(b)) found = b;
    }
    for (const applied of applications(m)) {
      const sub = /^p_\{?([^{}]+)\}?$/.exec(applied.letter);
      const vars = sub ? (sub[1] as string).split(',').map((v) => v.trim()) : [];
      const k = applied.args.findIndex((a) => nameOf(a) === index);
      if (!found && k >= 0 && vars.length === applied.args.length && conventionallyRandom(vars[k] as string))
        found = vars[k];
    }
  });
  return found ?? laws?.values.get(index);
}

/** Whether the pmf letter p is applied to `index` in `body`: `p(x, y)`, `p (x)`, `p(y \\mid x)`. */
function appliesP(body: MathNode, index: string): boolean {
  let found = false;
  walk(body, (m) => {
    const given = head(m) === 'pmfGiven' ? (m.args ?? []).slice(1) : [];
    const items = given.flatMap((a) => (a as Node & { items?: MathNode[] }).items ?? []);
    const applied = applications(m).filter((a) => a.letter === 'p');
    if ([...items, ...applied.flatMap((a) => a.args)].some((a) => nameOf(a) === index)) found = true;
  });
  return found;
}

/** The capitals a step takes entropies of. */
function entropyVariables(sides: readonly MathNode[]): Set<string> {
  const out = new Set<string>();
  for (const side of sides)
    walk(side, (m) => {
      if (head(m) === 'entropy') for (const a of m.args ?? []) if (nameOf(a)) out.add(nameOf(a) as string);
    });
  return out;
}

/** The factors of a product (implicit or written), through parentheses. */
function factors(n: MathNode): MathNode[] {
  const m = n as Node;
  if (m.type === 'ParenthesisNode' && m.content) return factors(m.content);
  if (m.type === 'OperatorNode' && m.fn === 'multiply') return (m.args ?? []).flatMap(factors);
  return [n];
}

/** Whether the body is weighted by the joint pmf of exactly `vars` (terms off its support are then 0). */
function weightedBy(body: MathNode, vars: ReadonlySet<string>): boolean {
  return factors(body).some((f) => {
    if (head(f) !== 'pmf') return false;
    const named = ((f as Node).args ?? []).filter((_, i) => i % 2 === 0).map(nameOf);
    return named.length === vars.size && named.every((v) => v !== undefined && vars.has(v));
  });
}

/** The event that each variable takes its value: `X = x, Y = y`. */
function valuesEvent(values: readonly MathNode[], bound: ReadonlyMap<string, string>): MathNode {
  return values
    .map((v) => binary('equal', sym(bound.get(nameOf(v) as string) as string), v))
    .reduce((a, b) => binary('and', a, b));
}

/** `p(y \mid x)` of bound values: P(Y = y | X = x); undefined when a value is not paired. */
function conditional(args: readonly MathNode[], bound: ReadonlyMap<string, string>): MathNode | undefined {
  const [, values, given] = args as [MathNode, Node, Node];
  const items = (a: Node): MathNode[] => (a as Node & { items?: MathNode[] }).items ?? [];
  const all = [...items(values), ...items(given)];
  if (!all.length || !all.every((v) => bound.has(nameOf(v) ?? ''))) return undefined;
  return fn('condProb', [valuesEvent(items(values), bound), valuesEvent(items(given), bound)]);
}

function rewrite(n: MathNode, bound: ReadonlyMap<string, string>, ctx: Context): MathNode {
  const { laws, named } = ctx;
  const m = n as Node;
  const h = head(n);
  const args = m.args ?? [];
  if ((h === 'expectFrom' || h === 'varianceFrom') && laws) {
    const [law, body, ...drawn] = args as [MathNode, MathNode, ...MathNode[]];
    const vars = laws.variables.get(nameOf(law) as string);
    if (vars && vars.length === drawn.length) {
      const inner = new Map(bound);
      drawn.forEach((d, i) => inner.set(nameOf(d) as string, vars[i] as string));
      const pairs = drawn.flatMap((d, i) => [sym(vars[i] as string), d]);
      return fn(h === 'expectFrom' ? 'expectOver' : 'varianceOver', [rewrite(body, inner, ctx), ...pairs]);
    }
  }
  if (h === 'sumOver' && head(args[2] as MathNode) === 'indexExtent') {
    const index = nameOf(args[0]) as string;
    const body = args[3] as MathNode;
    const byName = bound.has(index) ? undefined : namedValuesSum(index, body, ctx);
    const variable =
      byName?.variable ?? (bound.has(index) ? undefined : pairedIndex(index, body, laws, named));
    if (variable) {
      const inner = new Map(bound).set(index, variable);
      const b = rewrite(byName?.body ?? body, inner, ctx);
      const pair = [sym(variable), sym(index)];
      // `\sum_x \sum_y p(x, y) …`: over the joint values of (X, Y), where the weight is positive.
      if (head(b) === 'sumSupport') {
        const [g, ...pairs] = (b as Node).args as MathNode[];
        const vars = new Set([
          variable,
          ...pairs.filter((_, i) => i % 2 === 0).map((p) => nameOf(p) as string),
        ]);
        if (weightedBy(g as MathNode, vars)) return fn('sumSupport', [g as MathNode, ...pair, ...pairs]);
      }
      return fn('sumSupport', [b, ...pair]);
    }
  }
  if (h === 'prob' && args.length === 1) {
    const v = nameOf(args[0]);
    if (v && bound.has(v)) return pmf([bound.get(v) as string], args);
  }
  if (h === 'pmfGiven') {
    const given = conditional(args, bound);
    if (given) return given;
  }
  const applied = application(m);
  const vars = applied ? pmfVariables(applied.letter, applied.args, bound, laws) : undefined;
  if (applied && vars) return pmf(vars, applied.args);
  if (isImplicit(m)) {
    const fs = juxtaposed(m);
    const out: MathNode[] = [];
    let changed = false;
    for (let i = 0; i < fs.length; i++) {
      const a = letterApplied(fs, i);
      const v = a ? pmfVariables(a.letter, a.args, bound, laws) : undefined;
      if (a && v) {
        out.push(pmf(v, a.args));
        changed = true;
        i++;
      } else out.push(rewrite(fs[i] as MathNode, bound, ctx));
    }
    if (changed) return out.reduce((x, y) => binary('multiply', x, y, true));
  }
  return (n as MathNode & { map(cb: (c: MathNode) => MathNode): MathNode }).map((c) =>
    rewrite(c, bound, ctx),
  );
}

/** What the whole step (and the prose about it) tells about values of random variables. */
interface Context {
  laws: Laws | undefined;
  /** Capitals the step names as variables of an entropy (`H(Y \\mid X)`). */
  named: ReadonlySet<string>;
  /** Names the prose gives values and their probabilities (`x_i`, `p_i` of X). */
  valueNames: readonly ValueNames[];
  table: SymbolTable;
}

/** `entry(x, i)` with x the given name and i the index. */
const isEntry = (m: MathNode, object: string, index: string): boolean =>
  head(m) === 'entry' &&
  (m as Node).args?.length === 2 &&
  nameOf((m as Node).args?.[0]) === object &&
  nameOf((m as Node).args?.[1]) === index;

/**
 * `\\sum_i x_i p_i` where the prose named x_i the values of X and p_i their probabilities: the sum over
 * the values of X, with x_i the value (bound as i) and p_i its probability. Undefined when the body uses
 * neither name, or the text declared them as something else.
 */
function namedValuesSum(
  index: string,
  body: MathNode,
  ctx: Context,
): { variable: string; body: MathNode } | undefined {
  for (const v of ctx.valueNames) {
    if (ctx.table.lookup(v.values) || ctx.table.lookup(v.probabilities)) continue;
    let uses = false;
    walk(body, (m) => {
      if (isEntry(m, v.values, index) || isEntry(m, v.probabilities, index)) uses = true;
    });
    if (!uses) continue;
    const replaced = (body as MathNode & { transform(cb: (c: MathNode) => MathNode): MathNode }).transform(
      (m) =>
        isEntry(m, v.values, index)
          ? sym(index)
          : isEntry(m, v.probabilities, index)
            ? pmf([v.variable], [sym(index)])
            : m,
    );
    return { variable: v.variable, body: replaced };
  }
  return undefined;
}

/** Whether every logarithm of the sides is in base 2, and there is one. */
function bitsOnly(sides: readonly MathNode[]): boolean {
  let log2 = false;
  let other = false;
  for (const side of sides)
    walk(side, (m) => {
      const h = head(m);
      if (h === 'log2') log2 = true;
      else if (h && /^(log|ln|log10|exp)$/.test(h)) other = true;
    });
  return log2 && !other;
}

/**
 * The step's sides with values paired to their variables. Where the step writes its logarithms in base 2
 * beside an entropy or a divergence (`H(X) = -E_{x \sim P}[\log_2 p(x)]`), those are in bits: the step
 * states the base itself.
 */
export function pairValues(
  lhs: MathNode,
  rhs: MathNode,
  table: SymbolTable,
  valueNames: readonly ValueNames[] = [],
): { lhs: MathNode; rhs: MathNode } {
  const laws = collectLaws([lhs, rhs], table);
  const named = entropyVariables([lhs, rhs]);
  const bits = bitsOnly([lhs, rhs]);
  const side = (n: MathNode): MathNode => {
    const out = rewrite(n, new Map(), { laws, named, valueNames, table });
    if (!bits) return out;
    return (out as MathNode & { transform(cb: (c: MathNode) => MathNode): MathNode }).transform((c) => {
      const h = head(c);
      if (h !== 'entropy' && h !== 'kl') return c;
      return new FunctionNode(
        new SymbolNode(h === 'entropy' ? 'entropyBits' : 'klBits'),
        (c as Node).args ?? [],
      );
    });
  };
  return { lhs: side(lhs), rhs: side(rhs) };
}
