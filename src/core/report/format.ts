// The human-readable report of `stepwise check`: one line per step, experiment and diagnostic, in the
// `file:line:col` form terminals and editors turn into links, then a summary line.
import type { ExperimentResult, Report, StepResult } from '../types';
import { tallyReport } from './json';
import { formatAssignment, formatValue } from './values';

export interface FormatOptions {
  /** ANSI colours (the CLI turns them on only for a TTY without NO_COLOR). */
  color: boolean;
  /** Longest TeX shown for a side before it is shortened with `…`. */
  maxTex?: number;
}

const ansi = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;

function shorten(tex: string, max: number): string {
  const t = tex.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/**
 * The defaults that can decide a verdict, said on the step's line as the hover says them: a capital letter
 * nobody declared is taken as a real number, so `AB = BA` is verified for scalars — a reader must see that.
 */
export function scalarDefaults(s: StepResult): string {
  const names = s.assumptions
    .filter(
      (a) => a.isDefault && (a.role ?? 'value') === 'value' && a.domain === 'ℝ' && /^[A-Z]/.test(a.symbol),
    )
    .map((a) => a.symbol);
  if (names.length === 0) return '';
  const list = names.join(', ');
  return ` (taking ${list} ∈ ℝ by default: declare ${names.length === 1 ? 'it' : 'them'} if ${names.length === 1 ? 'it is a matrix' : 'they are matrices'})`;
}

/** Formats a whole report for a terminal. */
export function formatReport(report: Report, options: FormatOptions): string {
  const paint = (code: number, s: string): string => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const max = options.maxTex ?? 60;
  const out: string[] = [];

  const stepLine = (path: string, s: StepResult): string => {
    const where = paint(ansi.dim, `${path}:${s.line}:${s.column ?? 1}`);
    // A claim that failed to parse has no sides to show; its message says where reading stopped.
    const claim = s.lhs || s.rhs ? `${shorten(s.lhs, max)} ${s.relation} ${shorten(s.rhs, max)} — ` : '— ';
    if (s.status === 'verified')
      return `${where}  ${paint(ansi.green, '✓ verified')}      ${claim.slice(0, -3)}${paint(ansi.dim, scalarDefaults(s))}`;
    if (s.status === 'refuted') {
      const ce = formatAssignment(s.counterexample);
      const vals = s.values ? `left ${formatValue(s.values.lhs)}, right ${formatValue(s.values.rhs)}` : '';
      // The verifier's message repeats the counterexample in prose; the compact form suffices unless
      // there is nothing else to show (a shape mismatch, say).
      const why =
        ce !== ''
          ? `counterexample: ${ce}${vals ? `; ${vals}` : ''}`
          : vals !== '' && !s.message
            ? vals
            : s.message;
      return `${where}  ${paint(ansi.red, '✗ refuted')}       ${claim}${why}${paint(ansi.dim, scalarDefaults(s))}`;
    }
    return `${where}  ${paint(ansi.yellow, '? unverifiable')}  ${claim}${s.message}`;
  };

  const experimentLine = (path: string, e: ExperimentResult): string => {
    const where = paint(ansi.dim, `${path}:${e.errorLine ?? e.line}`);
    const title = e.title ? ` "${e.title}"` : '';
    const checks =
      e.checks.length > 0 ? ` (${e.checks.filter((c) => c.passed).length}/${e.checks.length} checks)` : '';
    const mark =
      e.status === 'passed'
        ? paint(ansi.green, '✓ experiment passed')
        : e.status === 'skipped'
          ? paint(ansi.dim, '- experiment skipped')
          : paint(ansi.red, `✗ experiment ${e.status}`);
    // A pass needs no words beyond its check count; anything else says why.
    const why = e.status !== 'passed' && e.message ? ` — ${e.message}` : '';
    const lines = [`${where}  ${mark}${title}${checks}${why}`];
    for (const c of e.checks) {
      if (!c.passed)
        lines.push(
          `${paint(ansi.dim, `${path}:${c.line}`)}    ✗ check ${c.label}${c.detail ? `: ${c.detail}` : ''}`,
        );
    }
    return lines.join('\n');
  };

  for (const f of report.files) {
    type Entry = { line: number; text: string };
    const entries: Entry[] = [];
    for (const d of f.derivations)
      for (const s of d.steps) entries.push({ line: s.line, text: stepLine(f.path, s) });
    for (const e of f.experiments) entries.push({ line: e.line, text: experimentLine(f.path, e) });
    for (const d of f.diagnostics) {
      const colour = d.severity === 'error' ? ansi.red : d.severity === 'warning' ? ansi.yellow : ansi.cyan;
      entries.push({
        line: d.line,
        text: `${paint(ansi.dim, `${f.path}:${d.line}:${d.column ?? 1}`)}  ${paint(colour, d.severity)}  ${d.message}`,
      });
    }
    // Stable sort by line keeps each block's steps in reading order.
    entries.sort((a, b) => a.line - b.line);
    for (const e of entries) out.push(e.text);
  }
  out.push(formatSummary(report, options));
  return out.join('\n');
}

/** The closing line: counts of steps, experiments and diagnostics. */
export function formatSummary(report: Report, options: FormatOptions): string {
  const t = tallyReport(report);
  const paint = (code: number, s: string): string => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const files = report.files.length;
  const steps = t.verified + t.refuted + t.unverifiable;
  const parts = [
    `${files} file${files === 1 ? '' : 's'}`,
    `${steps} step${steps === 1 ? '' : 's'}: ${paint(ansi.green, `${t.verified} verified`)}, ${paint(
      t.refuted > 0 ? ansi.red : ansi.green,
      `${t.refuted} refuted`,
    )}, ${paint(ansi.yellow, `${t.unverifiable} unverifiable`)}`,
  ];
  const experiments = t.experimentsPassed + t.experimentsFailed + t.experimentsError + t.experimentsSkipped;
  if (experiments > 0) {
    const e = [`${t.experimentsPassed} passed`, `${t.experimentsFailed} failed`];
    if (t.experimentsError > 0) e.push(`${t.experimentsError} error`);
    if (t.experimentsSkipped > 0) e.push(`${t.experimentsSkipped} skipped`);
    parts.push(`${experiments} experiment${experiments === 1 ? '' : 's'}: ${e.join(', ')}`);
  }
  if (t.errors + t.warnings > 0)
    parts.push(
      `${t.errors} error${t.errors === 1 ? '' : 's'}, ${t.warnings} warning${t.warnings === 1 ? '' : 's'}`,
    );
  return paint(ansi.bold, 'Summary: ') + parts.join(' · ');
}
