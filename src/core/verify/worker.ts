// The verification worker: runs the verifier off the extension host's main thread so typing never waits
// for it. The host posts { id, text, lines, options, cancel }; `cancel` is a shared flag the host raises
// when the text changes again, so a stale run stops at its next step instead of finishing for nothing.
import { parentPort } from 'node:worker_threads';
import type { Cancellation, DerivationResult, VerifyOptions } from '../types';

type VerifyDocument = (
  text: string,
  options: VerifyOptions,
  lines?: number[],
  cancel?: Cancellation,
) => DerivationResult[] | Promise<DerivationResult[]>;

let facade: VerifyDocument | undefined;
/** The core facade, required on the first request (inside `try` so a tree without it still bundles). */
function verifyDocument(...args: Parameters<VerifyDocument>): ReturnType<VerifyDocument> {
  if (!facade) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      facade = (require('../document') as { verifyDocument: VerifyDocument }).verifyDocument;
    } catch (e) {
      throw new Error(`the verifier is not built in: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return facade(...args);
}

/** What the host sends: the whole text, the 1-based opening lines of the blocks to verify (all when absent). */
export interface VerifyRequest {
  id: number;
  text: string;
  lines?: number[];
  options: VerifyOptions;
  /** An Int32Array's buffer; a non-zero first element asks the run to stop. */
  cancel?: SharedArrayBuffer;
}

export type VerifyResponse =
  | { id: number; ok: true; results: DerivationResult[]; ms: number }
  | { id: number; ok: false; cancelled: boolean; error: string; ms: number };

function flag(buffer: SharedArrayBuffer | undefined): Cancellation {
  const view = buffer ? new Int32Array(buffer) : undefined;
  return {
    get isCancellationRequested() {
      return view !== undefined && Atomics.load(view, 0) !== 0;
    },
  };
}

async function handle(req: VerifyRequest): Promise<VerifyResponse> {
  const t0 = performance.now();
  const cancel = flag(req.cancel);
  try {
    if (cancel.isCancellationRequested) throw new Error('cancelled');
    const results = await verifyDocument(req.text, req.options, req.lines, cancel);
    if (cancel.isCancellationRequested) throw new Error('cancelled');
    return { id: req.id, ok: true, results, ms: performance.now() - t0 };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return { id: req.id, ok: false, cancelled: cancel.isCancellationRequested, error, ms: performance.now() - t0 };
  }
}

parentPort?.on('message', (req: VerifyRequest) => {
  void handle(req).then((res) => parentPort?.postMessage(res));
});
