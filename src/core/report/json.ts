// The machine-readable report of `stepwise check --json` (issue 2 §5); its shape is validated by
// `validateReport` (src/protocol/shapes.ts), so tests, scripts and adapters need not trust a report.
import type { FileReport, Report, StepResult } from '../types';

/** The one JSON document the CLI prints for all files checked. */
export function buildReport(files: FileReport[]): Report {
  return { version: 1, files };
}

/** Counts of a report's outcomes, for summaries and exit codes. */
export interface ReportTally {
  verified: number;
  refuted: number;
  unverifiable: number;
  experimentsPassed: number;
  experimentsFailed: number;
  experimentsError: number;
  experimentsSkipped: number;
  errors: number;
  warnings: number;
}

/** Adds up the statuses of every step, experiment and diagnostic in a report. */
export function tallyReport(report: Report): ReportTally {
  const t: ReportTally = {
    verified: 0,
    refuted: 0,
    unverifiable: 0,
    experimentsPassed: 0,
    experimentsFailed: 0,
    experimentsError: 0,
    experimentsSkipped: 0,
    errors: 0,
    warnings: 0,
  };
  for (const f of report.files) {
    for (const d of f.derivations) for (const s of d.steps) t[s.status] += 1;
    for (const e of f.experiments) {
      if (e.status === 'passed') t.experimentsPassed += 1;
      else if (e.status === 'failed') t.experimentsFailed += 1;
      else if (e.status === 'error') t.experimentsError += 1;
      else t.experimentsSkipped += 1;
    }
    for (const d of f.diagnostics) {
      if (d.severity === 'error') t.errors += 1;
      else if (d.severity === 'warning') t.warnings += 1;
    }
  }
  return t;
}

/** 0 when nothing is refuted and no experiment failed or broke, 1 otherwise (2 is the CLI's, for usage). */
export function reportExitCode(report: Report): 0 | 1 {
  const t = tallyReport(report);
  return t.refuted + t.experimentsFailed + t.experimentsError === 0 ? 0 : 1;
}

// The report's shape is described once, in src/protocol/shapes.ts, with the other results that cross a
// boundary; readers of a report (tests, scripts, other adapters) check it there.
export { validateReport } from '../../protocol/shapes';

/** The step numbering rule: 1, 2, 3 … within each block, in reading order. */
export function stepsNumbered(steps: readonly StepResult[]): boolean {
  return steps.every((s, i) => s.index === i + 1);
}
