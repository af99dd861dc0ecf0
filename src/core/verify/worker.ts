// The worker behind the editor: it reads documents (outline: blocks, step counts, headings, problems) and
// verifies them, so the extension host's main thread never loads mathjs or the parser and typing never
// waits for them. The host posts { id, text, lines, options, cancel }; `cancel` is a shared flag the host
// raises when the text changes again, so a stale run stops at its next step instead of finishing for nothing.
// The messages' types are in src/protocol/verifyWorker.ts.
import { parentPort } from 'node:worker_threads';
import { analyzeDocument, verifyDocument } from '../document';
import type { OutlineData, VerifyRequest, VerifyResponse } from '../../protocol/verifyWorker';
import type { Cancellation, VerifyOptions } from '../types';

function flag(buffer: SharedArrayBuffer | undefined): Cancellation {
  const view = buffer ? new Int32Array(buffer) : undefined;
  return {
    get isCancellationRequested() {
      return view !== undefined && Atomics.load(view, 0) !== 0;
    },
  };
}

/** The outline of a document: what lenses, commands and the Problems panel need, without sampling. */
export function outline(text: string, options: VerifyOptions): OutlineData {
  const a = analyzeDocument(text, options);
  return {
    derivations: a.derivations.map((d) => ({
      line: d.line,
      endLine: d.endLine,
      stepCount: d.stepCount,
      readable: d.claims.reduce((n, c) => n + (c.ok ? c.steps.length : 0), 0),
    })),
    experiments: a.experiments.map((e) => ({
      code: e.code,
      codeLine: e.codeLine,
      line: e.line,
      endLine: e.endLine,
      ...(e.title !== undefined ? { title: e.title } : {}),
    })),
    headings: a.headings.map((h) => ({ line: h.line, level: h.level, text: h.text })),
    diagnostics: a.diagnostics,
  };
}

/** Answers one request; a cancelled run answers `cancelled` rather than partial results. */
export function handle(req: VerifyRequest): VerifyResponse {
  const t0 = performance.now();
  const cancel = flag(req.cancel);
  try {
    if (cancel.isCancellationRequested) throw new Error('cancelled');
    if (req.kind === 'outline')
      return { id: req.id, ok: true, outline: outline(req.text, req.options), ms: performance.now() - t0 };
    const { derivations } = verifyDocument(req.text, req.options, req.lines, cancel);
    if (cancel.isCancellationRequested) throw new Error('cancelled');
    return { id: req.id, ok: true, results: derivations, ms: performance.now() - t0 };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return {
      id: req.id,
      ok: false,
      cancelled: cancel.isCancellationRequested,
      error,
      ms: performance.now() - t0,
    };
  }
}

parentPort?.on('message', (req: VerifyRequest) => parentPort?.postMessage(handle(req)));
