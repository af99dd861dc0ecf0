// Builds verification results the way the verifier reports them: steps at the file position of their relation.
import type { DerivationResult, ExperimentResult, StepResult, StepStatus } from '../../../src/core/types';

/** The 1-based line and column of the `nth` occurrence of `needle` on or after 1-based line `from`. */
export function positionOf(
  text: string,
  from: number,
  needle: string,
  nth = 1,
): { line: number; column: number } {
  const lines = text.split('\n');
  let seen = 0;
  for (let l = from - 1; l < lines.length; l++) {
    let at = (lines[l] ?? '').indexOf(needle);
    while (at !== -1) {
      if (++seen === nth) return { line: l + 1, column: at + 1 };
      at = (lines[l] ?? '').indexOf(needle, at + 1);
    }
  }
  throw new Error(`'${needle}' #${nth} not found after line ${from}`);
}

/** The 1-based line of the first line equal to `content` (trimmed) on or after `from`. */
export function lineOf(text: string, content: string, from = 1): number {
  const i = text.split('\n').findIndex((l, k) => k >= from - 1 && l.trim() === content);
  if (i === -1) throw new Error(`line '${content}' not found`);
  return i + 1;
}

export function step(
  index: number,
  pos: { line: number; column: number },
  relation: string,
  status: StepStatus,
  extra: Partial<StepResult> = {},
): StepResult {
  // A refutation's message states the values it shows, as the verifier's does.
  const v = extra.values;
  const refutedMessage =
    v && typeof v.lhs === 'number' && typeof v.rhs === 'number'
      ? `left ${v.lhs.toPrecision(3)} ≠ right ${v.rhs.toPrecision(3)}`
      : 'left 0.731 ≠ right 0.269';
  return {
    index,
    ...pos,
    relation,
    lhs: 'a',
    rhs: 'b',
    status,
    message:
      status === 'refuted'
        ? refutedMessage
        : status === 'verified'
          ? 'holds at 24 points'
          : 'cannot evaluate',
    // Every verdict but a verified one carries its reason code, as the verifier's do.
    ...(status === 'refuted'
      ? { reason: 'counterexample' as const }
      : status === 'unverifiable'
        ? { reason: 'unsupported-notation' as const }
        : {}),
    samples: 24,
    counterexample: null,
    assumptions: [],
    ...extra,
  };
}

export function derivation(line: number, endLine: number, steps: StepResult[]): DerivationResult {
  return { line, endLine, steps };
}

export function experiment(
  line: number,
  endLine: number,
  extra: Partial<ExperimentResult> = {},
): ExperimentResult {
  return { line, endLine, status: 'passed', message: '', checks: [], outputs: [], ...extra };
}
