// A step's verdict read together with its block's prose: a hypothesis is assumed, not claimed; a
// recurrence defines the next term of a sequence; an approximation may fail exactly; a definition holds
// by fiat. Each cue turns only a refutation into "unverifiable, because …" (a hypothesis also a pass:
// it is not the author's claim), never a refutation into a pass, so a student's wrong step stays refuted.
import type { MathNode } from 'mathjs';
import type { SymbolTable } from '../symbols/table';
import type { ReasonCode } from '../types';
import type { StepVerdict } from '../verify/step';
import { largeCount, withConventions, withLargeCounts } from './conventions';
import type { ProseReading } from './read';
import { isNextTerm } from './sequences';
import { mentionsUnreadable } from './unreadable';

/** The table a step is sampled under, with the conventions for its undeclared symbols and their notes. */
export function conventionsFor(
  roots: readonly MathNode[],
  table: SymbolTable,
  reading: ProseReading | undefined,
): { table: SymbolTable; notes: string[]; counts: string[] } {
  const c = withConventions(roots, table);
  return { table: c.table, notes: [...(reading?.notes ?? []), ...c.notes], counts: c.counts };
}

/**
 * `(1 - 1/n)^n \approx e^{-1}` fails at n = 1 and holds for large n: an approximation in a count is about
 * large counts. A refuted `\approx` whose counterexample sets a count is checked again with the counts
 * large; if it holds there it is unverifiable (reason `approximation`), and if not the refutation stands.
 */
export function asymptoticVerdict(
  verdict: StepVerdict,
  relation: string,
  counts: readonly string[],
  table: SymbolTable,
  recheck: (table: SymbolTable) => StepVerdict,
): StepVerdict & { reason?: ReasonCode } {
  const cx = verdict.counterexample;
  if (verdict.status !== 'refuted' || relation !== '\\approx' || !cx) return verdict;
  const involved = counts.filter((n) => n in cx);
  if (involved.length === 0) return verdict;
  if (recheck(withLargeCounts(table, involved)).status !== 'verified') return verdict;
  const names = involved.join(', ');
  return {
    ...verdict,
    status: 'unverifiable',
    reason: 'approximation',
    message:
      `an approximation for large ${names}: it holds at ${names} ≥ ${largeCount} but not at every size ` +
      `(${verdict.message}), so it is not checked`,
    counterexample: null,
    values: null,
  };
}

/** The verdict as the prose says to read the step. */
export function proseVerdict(
  verdict: StepVerdict,
  reading: ProseReading | undefined,
  step: { relation: string; lhs: MathNode; rhs: MathNode; first?: boolean; blockFirst: boolean },
  notes: readonly string[] = [],
): StepVerdict & { reason?: ReasonCode; subject?: string } {
  const v = notes.length ? { ...verdict, assumptions: [...verdict.assumptions, ...notes] } : verdict;
  if (!reading) return v;
  const said = reading.intro ? ` (the text before says "${reading.intro}")` : '';
  const notChecked = (reason: ReasonCode, message: string): StepVerdict & { reason: ReasonCode } => ({
    ...v,
    status: 'unverifiable',
    reason,
    message,
    counterexample: null,
    values: null,
  });
  const lhs = step.lhs as MathNode & { type: string; name?: string };
  if (
    step.first &&
    (step.relation === '=' || step.relation === '\\leftarrow') &&
    lhs.type === 'SymbolNode' &&
    isNextTerm(lhs.name ?? '')
  ) {
    return notChecked('recurrence', `a recurrence: defines the next term ${lhs.name ?? ''} of a sequence`);
  }
  // A hypothesis that holds at every sample is true whatever the author meant by it: the ✓ stays.
  if (reading.cues.has('hypothesis') && v.status !== 'verified') {
    return notChecked('hypothesis', `a hypothesis${said}: assumed, not claimed, so not checked`);
  }
  if (v.status !== 'refuted') return v;
  const unread = mentionsUnreadable([step.lhs, step.rhs], reading.unreadable);
  if (unread !== undefined) {
    return {
      ...notChecked(
        'unreadable-definition',
        `${unread} is defined above by math that could not be read, so a step about it cannot be checked`,
      ),
      subject: unread,
    };
  }
  if (reading.cues.has('definition') && step.blockFirst && step.relation === '=') {
    return notChecked('definition', `a definition${said}: it holds by fiat, so it is not checked`);
  }
  if (reading.cues.has('approximation') && (step.relation === '=' || step.relation === '\\approx')) {
    return notChecked(
      'approximation',
      `an approximation${said}; it fails exactly (${v.message}), so it is not checked`,
    );
  }
  return v;
}
