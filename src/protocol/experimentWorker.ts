// Messages between the experiment runner (src/core/experiment/isolated.ts) and its worker thread
// (src/core/experiment/worker.ts, bundled to dist/experimentWorker.js). Types only: both sides import
// this file with `import type`.
import type { ExperimentResult } from '../core';

/** An experiment block as the Markdown scanner reports it. */
export interface ExperimentBlock {
  code: string;
  /** File line (1-based) of the code's first line. */
  codeLine: number;
  /** File lines of the opening and closing fences. */
  line: number;
  endLine: number;
  title?: string;
}

/** Input the worker receives as `workerData`. */
export interface WorkerInput {
  block: ExperimentBlock;
  seed?: number;
  memoryMb: number;
  timeoutMs: number;
}

/** Messages the worker posts: `ready` once loaded (the time limit starts then), then its result. */
export type WorkerMessage = { type: 'ready' } | { type: 'result'; result: ExperimentResult };
