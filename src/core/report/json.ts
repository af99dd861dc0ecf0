// The machine-readable report of `stepwise check --json` (issue 2 §5), and a validator for its shape so
// that tests, CI scripts and other adapters can check a report they received without trusting it.
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

type Check = (v: unknown, at: string, errs: string[]) => void;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const num: Check = (v, at, errs) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) errs.push(`${at}: expected a finite number`);
};
const int1: Check = (v, at, errs) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) errs.push(`${at}: expected an integer ≥ 1`);
};
const str: Check = (v, at, errs) => {
  if (typeof v !== 'string') errs.push(`${at}: expected a string`);
};
const bool: Check = (v, at, errs) => {
  if (typeof v !== 'boolean') errs.push(`${at}: expected a boolean`);
};
const oneOf =
  (...values: string[]): Check =>
  (v, at, errs) => {
    if (typeof v !== 'string' || !values.includes(v))
      errs.push(`${at}: expected one of ${values.join(', ')}`);
  };
const arr =
  (item: Check): Check =>
  (v, at, errs) => {
    if (!Array.isArray(v)) errs.push(`${at}: expected an array`);
    else v.forEach((x, i) => item(x, `${at}[${i}]`, errs));
  };
const obj =
  (fields: Record<string, Check>, optional: Record<string, Check> = {}): Check =>
  (v, at, errs) => {
    if (!isObj(v)) {
      errs.push(`${at}: expected an object`);
      return;
    }
    for (const [k, c] of Object.entries(fields)) {
      if (!(k in v)) errs.push(`${at}.${k}: missing`);
      else c(v[k], `${at}.${k}`, errs);
    }
    for (const [k, c] of Object.entries(optional))
      if (k in v && v[k] !== undefined) c(v[k], `${at}.${k}`, errs);
  };
const sampleValue: Check = (v, at, errs) => {
  const ok =
    (typeof v === 'number' && Number.isFinite(v)) ||
    (Array.isArray(v) &&
      (v.every((x) => typeof x === 'number') ||
        v.every((r) => Array.isArray(r) && r.every((x) => typeof x === 'number'))));
  if (!ok) errs.push(`${at}: expected a number, a vector or a matrix`);
};
const counterexample: Check = (v, at, errs) => {
  if (v === null) return;
  if (!isObj(v)) errs.push(`${at}: expected an object or null`);
  else for (const [k, x] of Object.entries(v)) sampleValue(x, `${at}.${k}`, errs);
};

const step = obj(
  {
    index: int1,
    line: int1,
    relation: str,
    lhs: str,
    rhs: str,
    status: oneOf('verified', 'refuted', 'unverifiable'),
    message: str,
    samples: (v, at, errs) => {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) errs.push(`${at}: expected an integer ≥ 0`);
    },
    counterexample,
  },
  { column: int1, assumptions: arr(str), method: oneOf('sampling', 'exact', 'quadrature', 'monte-carlo') },
);
const derivation = obj({ line: int1, endLine: int1, steps: arr(step) });
const experiment = obj(
  {
    line: int1,
    endLine: int1,
    status: oneOf('passed', 'failed', 'error', 'skipped'),
    message: str,
    checks: arr(obj({ line: int1, label: str, passed: bool })),
  },
  { title: str, errorLine: int1, durationMs: num },
);
const diagnostic = obj(
  { line: int1, severity: oneOf('error', 'warning', 'info'), message: str },
  { column: int1, endLine: int1, endColumn: int1 },
);
const file = obj({
  path: str,
  derivations: arr(derivation),
  experiments: arr(experiment),
  diagnostics: arr(diagnostic),
});
const report = obj({
  version: (v, at, errs) => {
    if (v !== 1) errs.push(`${at}: expected 1`);
  },
  files: arr(file),
});

/** Problems with a value claiming to be a report (empty when it has the documented shape). */
export function validateReport(value: unknown): string[] {
  const errs: string[] = [];
  report(value, 'report', errs);
  return errs;
}

/** The step numbering rule: 1, 2, 3 … within each block, in reading order. */
export function stepsNumbered(steps: readonly StepResult[]): boolean {
  return steps.every((s, i) => s.index === i + 1);
}
