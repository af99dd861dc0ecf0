// Worker-thread entry (bundled to dist/experimentWorker.js): runs one block and posts its result.
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerInput, WorkerMessage } from '../../protocol/experimentWorker';
import { warmUp } from './language';
import { runExperiment } from './run';

const input = workerData as WorkerInput;
const post = (m: WorkerMessage): void => parentPort?.postMessage(m);
warmUp();
post({ type: 'ready' });
const opts: Parameters<typeof runExperiment>[1] = { memoryMb: input.memoryMb, timeoutMs: input.timeoutMs };
if (input.seed !== undefined) opts.seed = input.seed;
post({ type: 'result', result: runExperiment(input.block, opts) });
