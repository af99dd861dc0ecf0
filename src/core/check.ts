// One file's full check, as `stepwise check` and CI see it: verify every derivation, run (or skip) every
// experiment, and gather the diagnostics, into the `FileReport` of issue 2 §5. Never throws: an internal
// failure becomes an error diagnostic, so one bad file never hides the report of the others.
// A heavy entry of the core's facade (see index.ts): it loads mathjs, so adapters require it on demand.
import { verifyDocument } from './document';
import { fileTooLarge, inputLimits } from './limits';
import { runExperimentIsolated } from './experiment/index';
import { scanMarkdown } from './markdown/scanner';
import type { MdBlock } from './markdown/types';
import type { Cancellation, Diagnostic, ExperimentResult, FileReport, VerifyOptions } from './types';

export interface CheckOptions {
  /** Run ```` ```experiment ```` blocks (the CLI's `--no-experiments` turns this off). */
  experiments: boolean;
  verify?: Partial<VerifyOptions>;
  /** Limits of one experiment's sandbox. */
  experimentTimeoutMs?: number;
  experimentMemoryMb?: number;
  cancel?: Cancellation;
}

type ExperimentBlock = Extract<MdBlock, { kind: 'experiment' }>;

/** What checkFile needs from the engine; tests may pass fakes. */
export interface CheckEngine {
  verifyDocument: typeof verifyDocument;
  runExperimentIsolated: typeof runExperimentIsolated;
}

const defaultEngine: CheckEngine = { verifyDocument, runExperimentIsolated };

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function skipped(b: ExperimentBlock, why: string): ExperimentResult {
  return {
    line: b.line,
    endLine: b.endLine,
    ...(b.title !== undefined ? { title: b.title } : {}),
    status: 'skipped',
    message: why,
    checks: [],
    outputs: [],
  };
}

/** Verifies and runs everything in one Markdown file and returns its report. */
export async function checkFile(
  path: string,
  text: string,
  options: CheckOptions,
  engine: CheckEngine = defaultEngine,
): Promise<FileReport> {
  const report: FileReport = { path, derivations: [], experiments: [], diagnostics: [] };
  const tooLarge = fileTooLarge(text);
  if (tooLarge) {
    report.diagnostics.push(tooLarge);
    return report;
  }
  let experiments: ExperimentBlock[];
  try {
    const { analysis, derivations } = engine.verifyDocument(text, options.verify, undefined, options.cancel);
    report.derivations = derivations;
    report.diagnostics.push(...analysis.diagnostics);
    experiments = analysis.experiments;
  } catch (e) {
    report.diagnostics.push({
      line: 1,
      column: 1,
      severity: 'error',
      message: `internal error: ${message(e)}`,
    });
    experiments = scanMarkdown(text).blocks.filter((b): b is ExperimentBlock => b.kind === 'experiment');
  }
  // The scanner's own warnings (an unclosed `$$` …) belong in the report even if the facade drops them.
  const seen = new Set(report.diagnostics.map((d) => `${d.line}:${d.message}`));
  for (const d of scanMarkdown(text).diagnostics ?? []) {
    if (!seen.has(`${d.line}:${d.message}`)) report.diagnostics.push(d);
  }

  for (const b of experiments) {
    if (!options.experiments) {
      report.experiments.push(skipped(b, 'experiments are turned off (--no-experiments)'));
      continue;
    }
    if (options.cancel?.isCancellationRequested) {
      report.experiments.push(skipped(b, 'cancelled'));
      continue;
    }
    if (report.experiments.length >= inputLimits.experiments) {
      report.experiments.push(
        skipped(b, `only the first ${inputLimits.experiments} experiments of a file are run`),
      );
      continue;
    }
    try {
      const r = await engine.runExperimentIsolated(
        {
          code: b.code,
          codeLine: b.codeLine,
          line: b.line,
          endLine: b.endLine,
          ...(b.title !== undefined ? { title: b.title } : {}),
        },
        {
          timeoutMs: options.experimentTimeoutMs ?? 10_000,
          memoryMb: options.experimentMemoryMb ?? 256,
          ...(options.verify?.seed !== undefined ? { seed: options.verify.seed } : {}),
        },
        options.cancel,
      );
      report.experiments.push(r);
    } catch (e) {
      report.experiments.push({
        ...skipped(b, ''),
        status: 'error',
        message: `could not run: ${message(e)}`,
      });
    }
  }
  report.diagnostics.sort(
    (a: Diagnostic, b: Diagnostic) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0),
  );
  return report;
}
