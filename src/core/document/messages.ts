// Verdicts of steps reported unverifiable before any sample was drawn, built from the parser's structured
// errors (their wording lives with every other verdict's, in verify/reasons.ts).
import type { ParseError, UnreadStep } from '../latex/types';
import { texPos, type TexSource } from '../markdown/types';
import type { ReasonCode, StepResult } from '../types';
import type { UnreadError, Why } from '../verify/reasons';
import { because } from '../verify/step';

export function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const parseReasons: Readonly<Record<ParseError['code'], ReasonCode>> = {
  syntax: 'parse-error',
  unsupported: 'unsupported-notation',
  probability: 'probability-notation',
  'unsupported-relation': 'unsupported-relation',
};

/** A parser error as a verdict reports it, at its place in the file. */
export function unreadError(error: ParseError, tex: TexSource): UnreadError {
  return {
    code: parseReasons[error.code],
    ...(error.subject !== undefined ? { subject: error.subject } : {}),
    detail: error.message,
    at: texPos(tex, error.offset),
  };
}

/** Why a step with unreadable sides is unverifiable: the reason first, then which side it is in
 *  ("parse error at line 3, column 7: … (right side)"); both sides when both failed. */
export function unreadSides(step: UnreadStep, tex: TexSource, fallback: ParseError): Why {
  const { lhsError: l, rhsError: r } = step;
  if (l && r) return { why: 'unread', error: unreadError(l, tex), side: 'both', other: unreadError(r, tex) };
  if (l) return { why: 'unread', error: unreadError(l, tex), side: 'left' };
  if (r) return { why: 'unread', error: unreadError(r, tex), side: 'right' };
  return { why: 'unread', error: unreadError(fallback, tex) };
}

/** A step reported unverifiable before any sample was drawn. */
export function unchecked(
  step: Pick<StepResult, 'index' | 'line' | 'column' | 'relation' | 'lhs' | 'rhs'> &
    Partial<Pick<StepResult, 'meaning'>>,
  why: Why,
): StepResult {
  return {
    ...step,
    status: 'unverifiable',
    ...because(why),
    samples: 0,
    counterexample: null,
    values: null,
    assumptions: [],
  };
}
