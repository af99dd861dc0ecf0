// The state of one experiment run that library functions read and write.
import type { Cancellation, CheckResult, ExperimentOutput } from '../types';
import type { Rng } from '../numeric/random';
import { MAX_CHECKS, MAX_OUTPUTS, MAX_RESULT_CHARS, MAX_SOURCE, capText, count } from './limits';

export interface RunContext {
  rng: Rng;
  /** File line of the statement being evaluated (outputs and checks are reported on it). */
  line: number;
  /** The statement being evaluated, as written (outputs carry it as their label). */
  source?: string;
  outputs: ExperimentOutput[];
  checks: CheckResult[];
  /** Checks run and failed, including those past the listing cap. */
  checkCount?: number;
  failedCount?: number;
  /** Outputs and their JSON characters, including those dropped past the caps. */
  outputCount?: number;
  outputChars?: number;
  /** `performance.now()` after which long loops stop with the time-limit message. */
  deadline: number;
  timeoutMs: number;
  cancel?: Cancellation;
}

/** Adds an output labelled with the current statement, unless the run's outputs are full. */
export function pushOutput(ctx: RunContext, o: ExperimentOutput): void {
  ctx.outputCount = (ctx.outputCount ?? 0) + 1;
  if (ctx.source !== undefined && o.source === undefined) o.source = capText(ctx.source, MAX_SOURCE);
  if (ctx.outputs.length >= MAX_OUTPUTS) return;
  const chars = JSON.stringify(o).length;
  if ((ctx.outputChars ?? 0) + chars > MAX_RESULT_CHARS) return;
  ctx.outputChars = (ctx.outputChars ?? 0) + chars;
  ctx.outputs.push(o);
}

/** Records a check; past the cap it is counted but not listed (the first failure is always listed). */
export function pushCheck(ctx: RunContext, c: CheckResult): void {
  ctx.checkCount = (ctx.checkCount ?? 0) + 1;
  if (!c.passed) ctx.failedCount = (ctx.failedCount ?? 0) + 1;
  if (ctx.checks.length < MAX_CHECKS || (!c.passed && ctx.failedCount === 1)) ctx.checks.push(c);
}

/** What the caps left out of a run's result, in words; empty when nothing was. */
export function truncationNotes(ctx: RunContext): string[] {
  const notes: string[] = [];
  const outputs = ctx.outputCount ?? ctx.outputs.length;
  if (outputs > ctx.outputs.length)
    notes.push(`showing ${count(ctx.outputs.length)} of ${count(outputs)} outputs (truncated)`);
  const checks = ctx.checkCount ?? ctx.checks.length;
  if (checks > ctx.checks.length)
    notes.push(`listing ${count(ctx.checks.length)} of ${count(checks)} checks (truncated)`);
  return notes;
}

/** Thrown when a run must stop (time limit, cancellation); never caught by library code. */
export class StopError extends Error {
  override name = 'StopError';
}

/** Stops a long loop when the run is over time or cancelled; cheap enough to call every few thousand steps. */
export function checkBudget(ctx: RunContext): void {
  if (ctx.cancel?.isCancellationRequested) throw new StopError('cancelled');
  if (performance.now() > ctx.deadline) throw new StopError(timeLimitMessage(ctx.timeoutMs));
}

/** "stopped after 10 s (time limit)". */
export function timeLimitMessage(timeoutMs: number): string {
  const s = timeoutMs / 1000;
  return `stopped after ${Number.isInteger(s) ? s : s.toFixed(1)} s (time limit)`;
}
