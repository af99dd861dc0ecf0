// The one description of the result shapes that cross a boundary: the JSON report a CLI user or script
// reads back, the results the host posts to the webview, the problems the webview posts back. Each reader
// checks what it received against these (and trusts nothing else); plain functions, no DOM, no Node.
import type { DerivationResult, ExperimentResult, Report } from '../core';
import type { RenderProblem } from './preview';

/** Checks `v` (found at path `at`), adding one message per problem to `errs`. */
export type Shape = (v: unknown, at: string, errs: string[]) => void;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const num: Shape = (v, at, errs) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) errs.push(`${at}: expected a finite number`);
};
export const int1: Shape = (v, at, errs) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) errs.push(`${at}: expected an integer ≥ 1`);
};
const int0: Shape = (v, at, errs) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) errs.push(`${at}: expected an integer ≥ 0`);
};
/** A 0-based editor line or column (fractional lines come from scrolling). */
export const line0: Shape = (v, at, errs) => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v >= 1e7)
    errs.push(`${at}: expected a line ≥ 0`);
};
export const str: Shape = (v, at, errs) => {
  if (typeof v !== 'string') errs.push(`${at}: expected a string`);
};
const bool: Shape = (v, at, errs) => {
  if (typeof v !== 'boolean') errs.push(`${at}: expected a boolean`);
};
export const oneOf =
  (...values: string[]): Shape =>
  (v, at, errs) => {
    if (typeof v !== 'string' || !values.includes(v))
      errs.push(`${at}: expected one of ${values.join(', ')}`);
  };
export const arr =
  (item: Shape): Shape =>
  (v, at, errs) => {
    if (!Array.isArray(v)) errs.push(`${at}: expected an array`);
    else v.forEach((x, i) => item(x, `${at}[${i}]`, errs));
  };
/** An object with string values only (macros). */
export const strings: Shape = (v, at, errs) => {
  if (!isObj(v)) errs.push(`${at}: expected an object`);
  else for (const [k, x] of Object.entries(v)) str(x, `${at}.${k}`, errs);
};
export const obj =
  (fields: Record<string, Shape>, optional: Record<string, Shape> = {}): Shape =>
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

const sampleValue: Shape = (v, at, errs) => {
  const ok =
    (typeof v === 'number' && Number.isFinite(v)) ||
    (Array.isArray(v) &&
      (v.every((x) => typeof x === 'number') ||
        v.every((r) => Array.isArray(r) && r.every((x) => typeof x === 'number'))));
  if (!ok) errs.push(`${at}: expected a number, a vector or a matrix`);
};
const counterexample: Shape = (v, at, errs) => {
  if (v === null) return;
  if (!isObj(v)) errs.push(`${at}: expected an object or null`);
  else for (const [k, x] of Object.entries(v)) sampleValue(x, `${at}.${k}`, errs);
};
const values: Shape = (v, at, errs) => {
  if (v !== null) obj({ lhs: sampleValue, rhs: sampleValue })(v, at, errs);
};
const pos = obj({ line: int1, column: int1 });

const assumption = obj(
  { symbol: str, domain: str, isDefault: bool },
  { role: oneOf('value', 'dimension', 'index', 'constant', 'function', 'random') },
);
/** A reason code: kebab-case, so an adapter that does not know a new code can still show it. */
const reasonCode: Shape = (v, at, errs) => {
  if (typeof v !== 'string' || !/^[a-z]+(?:-[a-z]+)*$/.test(v))
    errs.push(`${at}: expected a kebab-case code`);
};
const stepFields = obj(
  {
    index: int1,
    line: int1,
    relation: str,
    lhs: str,
    rhs: str,
    status: oneOf('verified', 'refuted', 'unverifiable'),
    message: str,
    samples: int0,
    counterexample,
    assumptions: arr(assumption),
  },
  {
    column: int1,
    reason: reasonCode,
    subject: str,
    meaning: oneOf('=', '\\ne', '<', '\\le', '>', '\\ge', '\\approx'),
    values,
    errorAt: pos,
    method: oneOf('sampling', 'exact', 'quadrature', 'monte-carlo'),
    hint: obj({ lhs: str, rhs: str, message: str }, { side: oneOf('lhs', 'rhs'), kind: str }),
  },
);
export const stepShape: Shape = (v, at, errs) => {
  stepFields(v, at, errs);
  // Every verdict but a verified one says why, as a code.
  if (isObj(v) && v.status !== 'verified' && v.reason === undefined) errs.push(`${at}.reason: missing`);
};
export const derivationShape = obj({ line: int1, endLine: int1, steps: arr(stepShape) });
export const experimentShape = obj(
  {
    line: int1,
    endLine: int1,
    status: oneOf('passed', 'failed', 'error', 'skipped'),
    message: str,
    checks: arr(obj({ line: int1, label: str, passed: bool }, { detail: str })),
  },
  {
    title: str,
    errorLine: int1,
    errorColumn: int1,
    errorBlockLine: int1,
    durationMs: num,
    // Output kinds grow with the library; their fields are escaped wherever they are shown.
    outputs: arr(obj({ kind: str, line: int1 })),
  },
);
const diagnosticShape = obj(
  { line: int1, severity: oneOf('error', 'warning', 'info'), message: str },
  { column: int1, endLine: int1, endColumn: int1 },
);
const fileShape = obj({
  path: str,
  derivations: arr(derivationShape),
  experiments: arr(experimentShape),
  diagnostics: arr(diagnosticShape),
});
export const reportShape = obj({
  version: (v, at, errs) => {
    if (v !== 1) errs.push(`${at}: expected 1`);
  },
  files: arr(fileShape),
});
/** A KaTeX problem the webview reports: 0-based line and column. */
export const problemShape = obj({ line: line0, column: line0, message: str });

/** The problems of `value` against `shape` (empty when it conforms), paths starting at `at`. */
export function check(shape: Shape, value: unknown, at = 'value'): string[] {
  const errs: string[] = [];
  shape(value, at, errs);
  return errs;
}

/** True when `value` conforms to `shape`. */
export function conforms(shape: Shape, value: unknown): boolean {
  return check(shape, value).length === 0;
}

/** Problems with a value claiming to be a report (empty when it has the documented shape). */
export function validateReport(value: unknown): string[] {
  return check(reportShape, value, 'report');
}

export const isDerivation = (v: unknown): v is DerivationResult => conforms(derivationShape, v);
export const isExperiment = (v: unknown): v is ExperimentResult => conforms(experimentShape, v);
export const isReport = (v: unknown): v is Report => conforms(reportShape, v);
export const isProblem = (v: unknown): v is RenderProblem => conforms(problemShape, v);
