// Runs a block in a worker thread with V8 heap limits and a wall-clock limit, so a runaway block
// (an endless `sample`, `zeros(1e9)`, deep recursion) ends with a clear message and the caller's thread
// (the extension host, the CLI) stays responsive. Terminating the worker is the only way to stop
// synchronous code, so the time limit and cancellation both end in `worker.terminate()`.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Cancellation, ExperimentResult } from '../types';
import { timeLimitMessage } from './context';
import type { ExperimentBlock, WorkerInput, WorkerMessage } from '../../protocol/experimentWorker';

export interface IsolatedOptions {
  timeoutMs: number;
  memoryMb: number;
  seed?: number;
  /** The worker script (a built `experimentWorker.js`); by default `defaultWorkerPath()`. */
  workerPath?: string;
}

/** Loading the worker (mathjs included) is not the block's time; this bounds it separately. */
const STARTUP_LIMIT_MS = 30_000;
const CANCEL_POLL_MS = 50;
const GRACE_MS = 250;

let workerPath: string | (() => string) | undefined;

/** Where the worker script is when none is given: the bundle's `experimentWorker.js` beside the running
 * bundle. Running from source (unit tests under tsx) there is no bundle beside the sources, so the test
 * setup names one it builds, with `setDefaultWorkerPath`. */
export function defaultWorkerPath(): string {
  if (typeof workerPath === 'function') workerPath = workerPath();
  return workerPath ?? path.join(__dirname, 'experimentWorker.js');
}

/** Names the default worker script, or a function that makes it on first use. */
export function setDefaultWorkerPath(file: string | (() => string) | undefined): void {
  workerPath = file;
}

/** Runs a block in a fresh worker thread within time and memory limits; never rejects. */
export function runExperimentIsolated(
  block: ExperimentBlock,
  opts: IsolatedOptions,
  cancel?: Cancellation,
): Promise<ExperimentResult> {
  const started = performance.now();
  const stopped = (message: string): ExperimentResult => {
    const r: ExperimentResult = {
      line: block.line,
      endLine: block.endLine,
      status: 'error',
      message,
      checks: [],
      outputs: [],
      errorLine: block.line,
      durationMs: performance.now() - started,
    };
    if (block.title !== undefined) r.title = block.title;
    return r;
  };
  if (cancel?.isCancellationRequested) return Promise.resolve(stopped('cancelled'));

  let workerFile: string;
  try {
    workerFile = opts.workerPath ?? defaultWorkerPath();
  } catch (e) {
    return Promise.resolve(stopped(`could not prepare the experiment worker: ${(e as Error).message}`));
  }
  const input: WorkerInput = { block, memoryMb: opts.memoryMb, timeoutMs: opts.timeoutMs };
  if (opts.seed !== undefined) input.seed = opts.seed;

  return new Promise((resolve) => {
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    let poll: NodeJS.Timeout | undefined;
    let worker: Worker;
    const finish = (r: ExperimentResult, terminate: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearInterval(poll);
      if (terminate) void worker.terminate();
      resolve(r);
    };
    try {
      worker = new Worker(workerFile, {
        workerData: input,
        // Not the parent's flags (a test runner's `--require` hooks, inspector ports…).
        execArgv: [],
        // Typed arrays live outside this heap; the runtime's allocation guard covers them.
        resourceLimits: {
          maxOldGenerationSizeMb: opts.memoryMb,
          maxYoungGenerationSizeMb: Math.max(4, Math.min(64, Math.floor(opts.memoryMb / 8))),
          stackSizeMb: 4,
        },
        stdout: true,
        stderr: true,
        env: {},
      });
    } catch (e) {
      resolve(stopped(`could not start the experiment worker: ${(e as Error).message}`));
      return;
    }
    timer = setTimeout(
      () => finish(stopped('the experiment worker did not start in time'), true),
      STARTUP_LIMIT_MS,
    );
    if (cancel) {
      poll = setInterval(() => {
        if (cancel.isCancellationRequested) finish(stopped('cancelled'), true);
      }, CANCEL_POLL_MS);
    }
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        // The worker checks the same limit inside its loops and then reports the statement's line; the
        // grace lets it, and the termination catches code that never reaches such a check.
        timer = setTimeout(
          () => finish(stopped(timeLimitMessage(opts.timeoutMs)), true),
          opts.timeoutMs + GRACE_MS,
        );
      } else if (m.type === 'result') {
        finish({ ...m.result, durationMs: performance.now() - started }, false);
      }
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY')
        finish(stopped(`ran out of memory (limit ${opts.memoryMb} MB)`), true);
      else finish(stopped(`the experiment failed: ${e.message}`), true);
    });
    worker.on('exit', (code) =>
      finish(stopped(`the experiment worker stopped unexpectedly (exit code ${code})`), false),
    );
  });
}
