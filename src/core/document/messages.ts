// The messages of steps reported unverifiable before any sample was drawn, and the clean-up of parser text.
import type { ParseError, UnreadStep } from '../latex/types';
import { texPos, type TexSource } from '../markdown/types';
import type { StepResult } from '../types';

export function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A parser message without its own `at column N` or `at line L, column N` (relative to the TeX, and
 *  `localize` rewrites the first into the second for multi-line blocks): we give the file position once. */
export function bare(msg: string): string {
  return msg.replace(/ at (?:line \d+, )?column \d+/g, '');
}

export function failedStepMessage(error: ParseError, tex: TexSource): string {
  if (error.code === 'probability') {
    const what =
      /^(.*?) (?:at (?:line \d+, )?column \d+ )?is probability notation/.exec(error.message)?.[1] ??
      'expectation or probability';
    return (
      `uses probability notation (${what}) that Stepwise cannot sample; declare the quantity as a symbol ` +
      `or a function (e.g. <!-- let m = … -->) to check the algebra around it`
    );
  }
  const at = texPos(tex, error.offset);
  const kind =
    error.code === 'unsupported'
      ? 'unsupported notation'
      : error.code === 'unsupported-relation'
        ? 'unsupported relation'
        : 'parse error';
  return `${kind} at line ${at.line}, column ${at.column}: ${bare(error.message)}`;
}

/** The reason first, then which side it is in ("parse error at line 3, column 7: … (right side)"), so the
 *  diagnostic reads "step 2 unverifiable: <reason>" like every other one; both sides when both failed. */
export function unreadSidesMessage(step: UnreadStep, tex: TexSource, fallback: ParseError): string {
  const { lhsError: l, rhsError: r } = step;
  if (l && r) {
    const [lm, rm] = [failedStepMessage(l, tex), failedStepMessage(r, tex)];
    return lm === rm ? `${lm} (both sides)` : `left side: ${lm}; right side: ${rm}`;
  }
  if (l) return `${failedStepMessage(l, tex)} (left side)`;
  if (r) return `${failedStepMessage(r, tex)} (right side)`;
  return failedStepMessage(fallback, tex);
}

/** A step reported unverifiable before any sample was drawn. */
export function unchecked(
  step: Pick<StepResult, 'index' | 'line' | 'column' | 'relation' | 'lhs' | 'rhs'>,
  message: string,
): StepResult {
  return {
    ...step,
    status: 'unverifiable',
    message,
    samples: 0,
    counterexample: null,
    values: null,
    assumptions: [],
  };
}
