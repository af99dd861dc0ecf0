// The summary-statistic names of probability texts: `\mu_X` is 𝔼[X], `\sigma_X` is √Var(X) (so
// `\sigma_X^2` is Var(X)) and `\sigma_{XY}` is Cov(X, Y), whenever the subscript names random variables of
// the step. A text writes `\mu_X = E[X]` as a reminder of the notation, then uses `\mu_X` in the next
// equality (`E[(X - \mu_X)^2] = E[X^2] - \mu_X^2`): read as a free number, μ_X would make an identity
// about every distribution look like a claim about a particular one. An undeclared `\mu` with any other
// subscript, or a declared one, stays a symbol.
import { fn, sym, type MathNode } from '../latex/nodes';
import type { SymbolTable } from '../symbols/table';
import { conventionallyRandom, type RandomModel } from './model';

/** Whether `name` is, or would be taken as, a random variable of the step. */
function randomName(name: string, table: SymbolTable, model: RandomModel): boolean {
  if (model.symbols.has(name)) return true;
  if (table.lawOf(name)) return true;
  return table.lookup(name) === undefined && conventionallyRandom(name);
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
  if (!parts || table.lookup(name) !== undefined) return undefined;
  const [letter, sub] = parts;
  if (randomName(sub, table, model)) {
    const x = sym(sub);
    return letter === 'μ' ? fn('expect', [x]) : fn('sqrt', [fn('variance', [x])]);
  }
  // `\sigma_{XY}`: two single capitals, the covariance.
  const pair = /^([A-Z])([A-Z])$/.exec(sub);
  if (letter === 'σ' && pair) {
    const [a, b] = [pair[1] as string, pair[2] as string];
    if (randomName(a, table, model) && randomName(b, table, model)) return fn('cov', [sym(a), sym(b)]);
  }
  return undefined;
}
