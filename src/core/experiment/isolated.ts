// Runs a block in a worker thread with V8 heap limits and a wall-clock limit, so a runaway block
// (an endless `sample`, `zeros(1e9)`, deep recursion) ends with a clear message and the caller's thread
// (the extension host, the CLI) stays responsive. Terminating the worker is the only way to stop
// synchronous code, so the time limit and cancellation both end in `worker.terminate()`.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Cancellation, ExperimentResult } from '../types';
import { timeLimitMessage } from './context';
import type { ExperimentBlock } from './run';

export interface IsolatedOptions {
  timeoutMs: number;
  memoryMb: number;
  seed?: number;
  /** The worker script; by default the bundle's `experimentWorker.js`, or `worker.ts` under tsx. */
  workerPath?: string;
}

/** Messages the worker posts: `ready` once loaded (the time limit starts then), then its result. */
export type WorkerMessage = { type: 'ready' } | { type: 'result'; result: ExperimentResult };

/** Input the worker receives as `workerData`. */
export interface WorkerInput {
  block: ExperimentBlock;
  seed?: number;
  memoryMb: number;
  timeoutMs: number;
}

/** Loading the worker (mathjs included) is not the block's time; this bounds it separately. */
const STARTUP_LIMIT_MS = 30_000;
const CANCEL_POLL_MS = 50;

/** tsx's require hook, resolved here so the worker finds it whatever the current directory. Only used
 * when running from source; the name is not a literal so that bundlers leave it alone. */
function tsxHook(): string {
  const name = ['tsx', 'cjs'].join('/');
  return require.resolve(name);
}

function defaultWorker(): { file: string; execArgv: string[] } {
  // Running from source (tests under tsx): start the TypeScript entry through tsx's require hook.
  if (__filename.endsWith('.ts')) {
    return { file: path.join(__dirname, 'worker.ts'), execArgv: ['--require', tsxHook()] };
  }
  return { file: path.join(__dirname, 'experimentWorker.js'), execArgv: [] };
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

  const target = opts.workerPath
    ? {
        file: opts.workerPath,
        execArgv: opts.workerPath.endsWith('.ts') ? ['--require', tsxHook()] : [],
      }
    : defaultWorker();
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
      worker = new Worker(target.file, {
        workerData: input,
        execArgv: target.execArgv,
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
        timer = setTimeout(() => finish(stopped(timeLimitMessage(opts.timeoutMs)), true), opts.timeoutMs);
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
