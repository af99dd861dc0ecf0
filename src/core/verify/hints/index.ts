// Repair hints: for a refuted step, the smallest edit of a written side (right side first) that makes the
// step verify by the same check as any step. No hint is better than a wrong one: a candidate is offered
// only when its corrected step verifies, and the search gives up within a fixed budget.
import { parseExpression } from '../../latex/index';
import type { SymbolTable } from '../../symbols/table';
import type { StepHint, VerifyOptions } from '../../types';
import { verifyStep, type StepInput } from '../step';
import { candidates, symbolsOf, type EditKind } from './edits';
import { sameSide } from './moves';
import { coreOf } from './side';

export { coreOf } from './side';

/**
 * What one step's search may spend: about 50 ms, and at most 60 candidate checks. The first 12 candidates
 * (where the common slips are: signs, operators, swapped factors) are always checked, so that whether such
 * a hint is found does not depend on how busy the machine is (all 60 when the step has no symbol).
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
  move: 'a factor moved into the bracket',
  'into-function': 'the scaling moved inside the function',
  'inverse-of-sum': 'the inverse of the whole sum',
};

/**
 * Edits that undo a rewrite rule students misapply: when one of them turns a side back into the other
 * side, the step claimed that rule, and the hint says the rule does not hold here. Other edits that give
 * back the other side (a symbol replaced by the one opposite) say nothing: any step "holds" as `x = x`.
 */
const undoes: Partial<Record<EditKind, string>> = {
  swap: 'the factors do not commute here',
  'into-function': 'the function does not commute with the scaling',
  'inverse-of-sum': 'the inverse of a sum is not the sum of the inverses',
};

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
  const sides = (['rhs', 'lhs'] as const).map((side) => {
    const text = side === 'rhs' ? rhs : lhs;
    const other = side === 'rhs' ? lhs : rhs;
    const list = text ? candidates(text, scope) : [];
    return { side, other, list };
  });
  // The first edit that gives back the other side by undoing a misapplied rule. It is checked after the
  // guaranteed candidates (the common slips, which keep the step a statement of its own and so are
  // preferred) and before the rest, so that such a step stays within the budget.
  let revert: { side: 'lhs' | 'rhs'; kind: EditKind } | undefined;
  for (const { side, other, list } of sides) {
    const c = list.find((x) => undoes[x.kind] !== undefined && sameSide(x.tex, other));
    if (c && !revert) revert = { side, kind: c.kind };
  }
  const undo = (): StepHint | undefined => {
    if (!revert) return undefined;
    const { side, kind } = revert;
    revert = undefined;
    // The corrected side is the other side exactly as written, so the fix reads as the student's text.
    const tex = side === 'rhs' ? lhs : rhs;
    tried += 1;
    if (!holds(tex, side, step, table, options, seed)) return undefined;
    return {
      lhs: side === 'lhs' ? tex : lhs,
      rhs: side === 'rhs' ? tex : rhs,
      side,
      kind,
      message: `does not hold: ${undoes[kind] ?? ''}; it holds only with \`${tex}\` on the ${side === 'rhs' ? 'right' : 'left'}, as on the ${side === 'rhs' ? 'left' : 'right'}`,
    };
  };
  // Arithmetic alone (no symbol on either side) has cheap checks, so every candidate up to the cap is
  // tried: whether `(9 + 1) · 64 · 128` gets its hint must not depend on the machine's load.
  const guaranteed = scope.length === 0 ? budget.candidates : budget.guaranteed;
  search: for (const { side, other, list } of sides) {
    for (const c of list) {
      if (sameSide(c.tex, other)) continue;
      if (tried >= guaranteed && revert) {
        const h = undo();
        if (h) return done(h);
      }
      if (tried >= budget.candidates) break search;
      if (tried >= guaranteed && performance.now() > deadline) break search;
      tried += 1;
      if (!holds(c.tex, side, step, table, options, seed)) continue;
      const fixed = { lhs: side === 'lhs' ? c.tex : lhs, rhs: side === 'rhs' ? c.tex : rhs };
      return done({
        ...fixed,
        side,
        kind: c.kind,
        message: `holds with \`${c.tex}\` on the ${side === 'rhs' ? 'right' : 'left'} (${words[c.kind]})`,
      });
    }
  }
  const last = undo();
  if (last) return done(last);
  return done(undefined);
}

function holds(
  tex: string,
  side: 'lhs' | 'rhs',
  step: StepInput,
  table: SymbolTable,
  options: VerifyOptions,
  seed: number,
): boolean {
  const parsed = parseExpression(tex, table);
  if (!parsed.ok) return false;
  const input: StepInput = { ...step, [side]: parsed.node };
  return verifyStep(input, table, options, seed).status === 'verified';
}
