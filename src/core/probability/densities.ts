// Densities and distribution functions of random variables: `p_X(x)`, `f_X(x)`, `F_X(x)`, and a bare
// `p(x)` where the step uses p as the density of one random variable. Before a step is compiled its sides
// are read once (`densitiesOf`) to tell which names are densities of which variable, since `\mu_X` on the
// left must already know that X has a density when `p_X` first appears on the right. A variable with a
// declared law has that law's density; one with none gets a random continuous test law (mixtures.ts).
import type { MathNode } from 'mathjs';
import type { SymbolTable } from '../symbols/table';
import type { AnyNode, CompilerApi, Scope } from '../verify/compilerApi';
import type { Evaluator } from '../verify/env';
import { needScalar } from '../verify/ops';
import { EvalUnsupported } from '../verify/value';
import { conventionallyRandom } from './model';
import { probabilityOperators } from './operators';

/** A name of the step that is the density (`pdf`) or distribution function (`cdf`) of `variable`. */
export interface DensityUse {
  variable: string;
  kind: 'pdf' | 'cdf';
}

/** What a step's sides say about densities: the names that are densities, and the points they are read at. */
export interface Densities {
  uses: Map<string, DensityUse>;
  /** Symbols in a density's argument, in an event or in an integral's limits: points, not properties. */
  points: Set<string>;
}

type Node = MathNode & {
  type: string;
  name?: string;
  fn?: { name?: string };
  args?: MathNode[];
  forEach(cb: (child: MathNode) => void): void;
};

/** `p_X`, `f_{X}`, `F_X`: a density or distribution function named by its variable. */
const subscripted = /^([pfF])_(?:\{([A-Z])\}|([A-Z]))$/;
/** `\mu_X`, `\sigma_X`: summary statistics (statistics.ts), which name their variable. */
const statistic = /^[μσ]_(?:\{([A-Z])\}|([A-Z]))$/u;

/** Whether `name` can be a random variable with a density: an undeclared capital, or one with a law. */
function variableName(name: string, table: SymbolTable): boolean {
  return conventionallyRandom(name) && (table.lookup(name) === undefined || table.lawOf(name) !== undefined);
}

const headOf = (n: Node): string | undefined => (n.type === 'FunctionNode' ? n.fn?.name : undefined);

/** Reads the density names of a step (see the file comment). */
export function densitiesOf(nodes: readonly MathNode[], table: SymbolTable): Densities {
  const uses = new Map<string, DensityUse>();
  const points = new Set<string>();
  // Random capitals the step names under P, 𝔼, Var, Cov, or as μ_X, σ_X: a bare p is the density of one.
  const capitals = new Set<string>();
  const bare: { arg: Node; underIntegral: boolean }[] = [];
  let pAlone = false;
  const symbolsOf = (n: Node, into: Set<string>): void => {
    if (n.type === 'SymbolNode' && n.name) into.add(n.name);
    n.forEach((m) => symbolsOf(m as Node, into));
  };
  const walk = (n: Node, underIntegral: boolean, inOperator: boolean): void => {
    const head = headOf(n);
    if (head === 'call') {
      const [f, ...args] = (n.args ?? []) as Node[];
      const name = f?.name;
      const m = name ? subscripted.exec(name) : null;
      if (name && m && args.length === 1 && table.lookup(name) === undefined) {
        const variable = (m[2] ?? m[3]) as string;
        if (variableName(variable, table)) {
          uses.set(name, { variable, kind: m[1] === 'F' ? 'cdf' : 'pdf' });
          capitals.add(variable);
          symbolsOf(args[0] as Node, points);
        }
      } else if (name === 'p' && args.length === 1 && table.lookup('p') === undefined)
        bare.push({ arg: args[0] as Node, underIntegral });
      for (const a of args) walk(a, underIntegral, inOperator);
      return;
    }
    if (n.type === 'SymbolNode' && n.name) {
      if (n.name === 'p') pAlone = true;
      const s = statistic.exec(n.name);
      const named = s ? ((s[1] ?? s[2]) as string) : inOperator ? n.name : undefined;
      if (named && variableName(named, table) && (s === null || table.lookup(n.name) === undefined))
        capitals.add(named);
      return;
    }
    if (head === 'integral') {
      const args = (n.args ?? []) as Node[];
      for (const limit of args.slice(1, 3)) symbolsOf(limit, points);
      n.forEach((m) => walk(m as Node, true, inOperator));
      return;
    }
    if (head === 'prob' || head === 'condProb') n.forEach((m) => symbolsOf(m as Node, points));
    const operator = head !== undefined && probabilityOperators.has(head);
    n.forEach((m) => walk(m as Node, underIntegral, inOperator || operator));
  };
  for (const node of nodes) walk(node as Node, false, false);
  // A bare p used also as a number (`p(1 - p)`, `P(X = 1) = p`) is a probability, not a density.
  if (bare.length && !pAlone) {
    const variables = new Set(bare.map((b) => bareVariable(b.arg, b.underIntegral, capitals, table)));
    const [only] = variables;
    if (variables.size === 1 && only !== undefined) {
      uses.set('p', { variable: only, kind: 'pdf' });
      for (const b of bare) symbolsOf(b.arg, points);
    }
  }
  for (const u of uses.values()) points.delete(u.variable);
  return { uses, points };
}

/**
 * The variable a bare `p(arg)` is the density of: among the capitals the step names, the one of the
 * argument's letter (`p(x)` beside `P(X \le x)`), else the only one; with none named, the argument's
 * capital when p stands under an integral (`\int x p(x) \, dx`). Undefined when it cannot be told.
 */
function bareVariable(
  arg: Node,
  underIntegral: boolean,
  capitals: ReadonlySet<string>,
  table: SymbolTable,
): string | undefined {
  const letter = arg.type === 'SymbolNode' && /^[a-z]$/.test(arg.name ?? '') ? arg.name : undefined;
  const capital = letter?.toUpperCase();
  if (capitals.size) {
    if (capital && capitals.has(capital)) return capital;
    return capitals.size === 1 ? [...capitals][0] : undefined;
  }
  return underIntegral && capital && variableName(capital, table) ? capital : undefined;
}

/** `p_X(x)`: the density (or distribution function) of the variable's law at the current sample. */
export function compileDensity(
  c: CompilerApi,
  name: string,
  use: DensityUse,
  args: AnyNode[],
  scope: Scope,
): Evaluator {
  if (args.length !== 1) throw new EvalUnsupported(`${name} takes one argument`);
  // Registers the variable with the step's model (and tracks it: the value depends on its law).
  c.symbol(use.variable, new Map());
  if (!c.random.symbols.has(use.variable))
    throw new EvalUnsupported(`${use.variable} is not a random variable here, so ${name} is no density`);
  const x = c.node(args[0] as AnyNode, scope);
  const what = use.kind === 'pdf' ? 'density' : 'distribution function';
  return (env) => {
    const law = c.random.lawOf(use.variable);
    const f = use.kind === 'pdf' ? law?.pdf : law?.cdf;
    if (!law || !f)
      throw new EvalUnsupported(`the ${what} of ${law?.label ?? use.variable} is not supported`);
    return f(needScalar(x(env), `the argument of ${name}`));
  };
}
