// The summary-statistic names of probability texts: `\mu_X` is 𝔼[X], `\sigma_X` is √Var(X) (so
// `\sigma_X^2` is Var(X)) and `\sigma_{XY}` is Cov(X, Y), whenever the subscript names random variables of
// the step. A text writes `\mu_X = E[X]` as a reminder of the notation, then uses `\mu_X` in the next
// equality (`E[(X - \mu_X)^2] = E[X^2] - \mu_X^2`): read as a free number, μ_X would make an identity
// about every distribution look like a claim about a particular one. An undeclared `\mu` with any other
// subscript, a declared one, or one that is a parameter of X's own declared law, stays a symbol. A subscript
// that is an expression of random variables (`\sigma_{aX+b}`) is the statistic of that expression.
import { fn, sym, symbolNames, type MathNode } from '../latex/nodes';
import { parseExpression } from '../latex/index';
import type { SymbolTable } from '../symbols/table';
import { conventionallyRandom, type RandomModel } from './model';

/** Whether `name` is, or would be taken as, a random variable of the step: also a name defined as an
 *  expression of random variables (`Y = aX + b` in the prose). */
function randomName(name: string, table: SymbolTable, model: RandomModel, depth = 0): boolean {
  if (model.symbols.has(name)) return true;
  if (table.lawOf(name)) return true;
  const entry = table.lookup(name);
  if (entry?.kind === 'definition' && depth < 8)
    return [...symbolNames(entry.body)].some((n) => randomName(n, table, model, depth + 1));
  return entry === undefined && conventionallyRandom(name);
}

/** `aX+b` in `\sigma_{aX+b}`: the subscript read as an expression, when it reads a random variable. */
function randomExpression(sub: string, table: SymbolTable, model: RandomModel): MathNode | undefined {
  const r = parseExpression(sub, { kindOf: table.kindOf, macros: table.macros });
  if (!r.ok || (r.node as MathNode & { type: string }).type === 'SymbolNode') return undefined;
  return [...symbolNames(r.node)].some((n) => randomName(n, table, model)) ? r.node : undefined;
}

/** `μ_X`, `σ_{XY}` → ['μ', 'X'], ['σ', 'XY']. */
function split(name: string): [string, string] | undefined {
  const m = /^(μ|σ)_(?:\{(.+)\}|(.+))$/u.exec(name);
  if (!m) return undefined;
  return [m[1] as string, (m[2] ?? m[3]) as string];
}

/**
 * The expression an undeclared statistic name stands for (𝔼[X], √Var(X), Cov(X, Y)), or undefined when
 * the name is not one: the caller compiles it in place of a free symbol.
 */
export function statisticOf(name: string, table: SymbolTable, model: RandomModel): MathNode | undefined {
  const parts = split(name);
  if (!parts) return undefined;
  const [letter, sub] = parts;
  const entry = table.lookup(name);
  if (entry !== undefined && !(letter === 'σ' && signOnly(entry))) return undefined;
  // `X \sim \mathcal{N}(\mu_X, \sigma_X^2)`: there μ_X and σ_X are the law's parameters, not its moments
  // (reading them as 𝔼[X] would define the law by itself).
  const params = table.lawOf(sub)?.params ?? [];
  if (params.some((q) => symbolNames(q).has(name))) return undefined;
  if (randomName(sub, table, model)) {
    const x = sym(sub);
    return letter === 'μ' ? fn('expect', [x]) : fn('sqrt', [fn('variance', [x])]);
  }
  // `\sigma_{XY}`: two single capitals, the covariance.
  const pair = /^([A-Z])([A-Z])$/.exec(sub);
  if (letter === 'σ' && pair) {
    const [a, b] = [pair[1] as string, pair[2] as string];
    if (randomName(a, table, model) && randomName(b, table, model)) return fn('cov', [sym(a), sym(b)]);
    return undefined;
  }
  // `\sigma_{aX+b}`, `\mu_{X+Y}`: the statistic of the expression written in the subscript.
  const e = randomExpression(sub, table, model);
  if (e) return letter === 'μ' ? fn('expect', [e]) : fn('sqrt', [fn('variance', [e])]);
  return undefined;
}

/**
 * `\sigma_X \ge 0` in the prose ("for any random variable X, σ_X ≥ 0") states the sign of a standard
 * deviation, a property of the statistic: it does not make σ_X a free parameter. A `<!-- let -->`
 * declaration, or any other range, does.
 */
function signOnly(entry: NonNullable<ReturnType<SymbolTable['lookup']>>): boolean {
  if (entry.kind !== 'value' || entry.source !== 'prose') return false;
  const d = entry.domain;
  return !d.values && !d.hi && d.shape.length === 0 && d.lo !== undefined && numberOf(d.lo) === 0;
}

/**
 * The values of a capital declared with a finite set (`D_1 \in \{0, 1\}`, a diagnosis in a Bayes example)
 * and met inside 𝔼, Var, Cov or P: by the same convention as an undeclared capital it is a random variable,
 * and the declaration gives its support. Undefined unless every value is a plain number.
 */
export function declaredSupport(name: string, table: SymbolTable): number[] | undefined {
  const entry = table.lookup(name);
  if (entry?.kind !== 'value' || entry.domain.shape.length) return undefined;
  if (!conventionallyRandom(name) || table.lawOf(name)) return undefined;
  const d = entry.domain;
  if (d.values) {
    const values = d.values.map(numberOf);
    return values.every(Number.isFinite) ? [...new Set(values)] : undefined;
  }
  // `\{0, 1\}`, `\{1, \dots, 6\}`: a short run of integers with numeric ends.
  if (d.field !== 'integer' || !d.lo || !d.hi || d.loOpen || d.hiOpen) return undefined;
  const [lo, hi] = [numberOf(d.lo), numberOf(d.hi)];
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo || hi - lo > 11) return undefined;
  return Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
}

/** A plain number written as a node (`1`, `-1`, `0.5`), NaN otherwise. */
function numberOf(node: MathNode): number {
  try {
    const x = (node as MathNode & { evaluate(): unknown }).evaluate();
    return typeof x === 'number' ? x : NaN;
  } catch {
    return NaN;
  }
}
