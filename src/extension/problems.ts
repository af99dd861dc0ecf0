// What the Problems panel lists for a file's results, as plain data (no `vscode` import, so it is
// unit-tested in Node): severities, and identical reasons of one block collapsed into one entry.
import type { DerivationResult, ExperimentResult, Pos, StepResult } from '../core';
import { stepMessage } from './format';

export type ProblemSeverity = 'error' | 'warning' | 'information' | 'hint';

/** How unverifiable steps show: the `stepwise.diagnostics.unverifiable` setting. */
export type UnverifiableSeverity = 'hint' | 'information' | 'warning' | 'off';

export interface Problem {
  /** 1-based place where the entry starts; `step` is given for step entries so the view can range it. */
  line: number;
  column: number;
  severity: ProblemSeverity;
  message: string;
  /** `refuted`, `unverifiable`, `check-failed` or `experiment-error`. */
  code: string;
  /** The step the entry is about (the first of a collapsed group). */
  step?: StepResult;
  /** Steps folded into this entry (1 unless identical reasons were collapsed). */
  count: number;
}

/** Steps of one block that share a reason are one entry. A parse error is never folded: each has its own
 *  position. Without a reason code the message itself is the key (a parse error's names its column). */
function groupKey(s: StepResult): string | undefined {
  if (s.reason === 'parse-error') return undefined;
  return s.reason ? `${s.reason}\u0000${s.subject ?? s.message}` : `\u0001${s.message}`;
}

function unverifiableProblems(d: DerivationResult, severity: ProblemSeverity): Problem[] {
  const out: Problem[] = [];
  const groups = new Map<string, StepResult[]>();
  for (const s of d.steps) {
    if (s.status !== 'unverifiable') continue;
    const key = groupKey(s);
    if (key === undefined) out.push(single(s, severity));
    else groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const steps of groups.values()) {
    const [first] = steps;
    if (!first) continue;
    if (steps.length === 1) {
      out.push(single(first, severity));
      continue;
    }
    out.push({
      line: (first.errorAt ?? first).line,
      column: (first.errorAt ?? first).column,
      severity,
      message: `${steps.length} steps unverifiable (steps ${steps.map((s) => s.index).join(', ')}): ${first.message}`,
      code: 'unverifiable',
      step: first,
      count: steps.length,
    });
  }
  return out;
}

function single(s: StepResult, severity: ProblemSeverity): Problem {
  const at: Pos = s.errorAt ?? s;
  return {
    line: at.line,
    column: at.column,
    severity,
    message: stepMessage(s),
    code: s.status,
    step: s,
    count: 1,
  };
}

/**
 * The Problems entries of a file's results: refuted steps, failed checks and experiment errors are Errors
 * (each is something written that is wrong, and each makes `stepwise check` exit 1); unverifiable steps
 * take the configured severity (Hints by default: "can't tell" is not a fault of the homework).
 */
export function resultProblems(
  derivations: Iterable<DerivationResult>,
  experiments: Iterable<ExperimentResult>,
  unverifiable: UnverifiableSeverity,
): Problem[] {
  const list: Problem[] = [];
  for (const d of derivations) {
    for (const s of d.steps) if (s.status === 'refuted') list.push(single(s, 'error'));
    if (unverifiable !== 'off') list.push(...unverifiableProblems(d, unverifiable));
  }
  for (const x of experiments) {
    if (x.status === 'failed') {
      for (const c of x.checks.filter((k) => !k.passed)) {
        list.push({
          line: c.line,
          column: 1,
          severity: 'error',
          message: `check failed: ${c.label}${c.detail ? ` (${c.detail})` : ''}`,
          code: 'check-failed',
          count: 1,
        });
      }
    } else if (x.status === 'error') {
      list.push({
        line: x.errorLine ?? x.line,
        column: 1,
        severity: 'error',
        message: `experiment error: ${x.message}`,
        code: 'experiment-error',
        count: 1,
      });
    }
  }
  return list.sort((a, b) => a.line - b.line || a.column - b.column);
}
