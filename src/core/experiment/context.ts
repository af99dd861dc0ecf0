// The state of one experiment run that library functions read and write.
import type { Cancellation, CheckResult, ExperimentOutput } from '../types';
import type { Rng } from '../numeric/random';

export interface RunContext {
  rng: Rng;
  /** File line of the statement being evaluated (outputs and checks are reported on it). */
  line: number;
  outputs: ExperimentOutput[];
  checks: CheckResult[];
  /** `performance.now()` after which long loops stop with the time-limit message. */
  deadline: number;
  timeoutMs: number;
  cancel?: Cancellation;
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
