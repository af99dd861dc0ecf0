// Repair hints: for a refuted step, the smallest edit of a written side (right side first) that makes the
// step verify by the same check as any step. No hint is better than a wrong one: a candidate is offered
// only when its corrected step verifies, and the search gives up within a fixed budget.
import { parseExpression } from '../../latex/index';
import type { SymbolTable } from '../../symbols/table';
import type { StepHint, VerifyOptions } from '../../types';
import { verifyStep, type StepInput } from '../step';
import { candidates, symbolsOf, type Candidate, type EditKind } from './edits';
import { coreOf } from './side';

export { coreOf } from './side';

/**
 * What one step's search may spend: about 50 ms, and at most 60 candidate checks. The first 12 candidates
 * (where the common slips are: signs, operators, swapped factors) are always checked, so that whether such
 * a hint is found does not depend on how busy the machine is.
 */
export const hintBudget = { ms: 50, candidates: 60, guaranteed: 12 };

const words: Record<EditKind, string> = {
  sign: 'the sign flipped',
  operator: 'another operator',
  swap: 'the factors swapped',
  transpose: 'a transpose added or dropped',
  inverse: 'an inverse added or dropped',
  constant: 'another constant',
  exponent: 'the exponent changed by one',
  symbol: 'another symbol',
  'drop-term': 'a term dropped',
};

const squash = (s: string) => s.replace(/\s+/g, '');

export interface HintSearch {
  hint: StepHint | undefined;
  /** Candidates whose corrected step was checked. */
  tried: number;
  ms: number;
}

/** Searches edits of the written sides of a refuted step for one that makes it verify. */
export function searchHint(
  step: StepInput,
  written: { lhs: string; rhs: string },
  table: SymbolTable,
  options: VerifyOptions,
  seed: number,
  budget = hintBudget,
): HintSearch {
  const t0 = performance.now();
  const deadline = t0 + budget.ms;
  const lhs = coreOf(written.lhs);
  const rhs = coreOf(written.rhs);
  let tried = 0;
  const done = (hint: StepHint | undefined): HintSearch => ({ hint, tried, ms: performance.now() - t0 });
  // A side spanning rows of an alignment is left alone: an edit there could not be placed as written.
  if (/\\\\|&/.test(lhs + rhs)) return done(undefined);
  const scope = symbolsOf(lhs, rhs);
  for (const side of ['rhs', 'lhs'] as const) {
    const text = side === 'rhs' ? rhs : lhs;
    const other = side === 'rhs' ? lhs : rhs;
    if (!text) continue;
    for (const c of candidates(text, scope)) {
      if (tried >= budget.candidates) return done(undefined);
      if (tried >= budget.guaranteed && performance.now() > deadline) return done(undefined);
      // Making one side a copy of the other "verifies" anything: that is no hint.
      if (squash(c.tex) === squash(other)) continue;
      tried += 1;
      if (!holds(c, side, step, table, options, seed)) continue;
      const fixed = { lhs: side === 'lhs' ? c.tex : lhs, rhs: side === 'rhs' ? c.tex : rhs };
      return done({
        ...fixed,
        side,
        kind: c.kind,
        message: `holds with \`${c.tex}\` on the ${side === 'rhs' ? 'right' : 'left'} (${words[c.kind]})`,
      });
    }
  }
  return done(undefined);
}

function holds(
  c: Candidate,
  side: 'lhs' | 'rhs',
  step: StepInput,
  table: SymbolTable,
  options: VerifyOptions,
  seed: number,
): boolean {
  const parsed = parseExpression(c.tex, table);
  if (!parsed.ok) return false;
  const input: StepInput = { ...step, [side]: parsed.node };
  return verifyStep(input, table, options, seed).status === 'verified';
}
