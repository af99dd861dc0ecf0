// Re-verification of a step whose verdict depends on a function defined in display math.
import type { SymbolTable } from '../symbols/table';
import type { VerifyOptions } from '../types';
import { usedFunction } from '../verify/defines';
import { verifyStep, type StepInput, type StepVerdict } from '../verify/step';

/**
 * Two readings of a function defined in display math (`a(w, x) = …`) that a `<!-- let -->` declaration
 * would not get. Texts reuse short names: a later step using `a` as a plain symbol (`xax`) means a number,
 * so it is checked with that name undeclared again. And `f(x, y) \approx` a Taylor expansion holds only
 * near the point of expansion: a failing sample far from it is no refutation of the text.
 */
export function displayFunctionVerdict(
  verdict: StepVerdict,
  input: StepInput,
  symbols: SymbolTable,
  names: ReadonlySet<string>,
  opts: VerifyOptions,
  seed: number,
): StepVerdict {
  let table = symbols;
  for (let tries = 0; tries < names.size && verdict.status === 'unverifiable'; tries++) {
    const bare = /^(.+?) is a declared function: apply it/.exec(verdict.message)?.[1];
    if (bare === undefined || !names.has(bare) || table.lookup(bare)?.kind !== 'function') break;
    table = table.without(bare);
    verdict = verifyStep(input, table, opts, seed);
  }
  const used = usedFunction([input.lhs, input.rhs], names, table);
  if (verdict.status !== 'refuted' || input.relation !== '\\approx' || used === undefined) return verdict;
  return {
    ...verdict,
    status: 'unverifiable',
    message:
      `${verdict.message}; ${used} is defined in the text and an approximation of it may hold only near a ` +
      `point (a Taylor expansion), so this is not a refutation`,
    counterexample: null,
    values: null,
  };
}
