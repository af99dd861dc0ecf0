// The worker behind the editor: it reads documents (outline: blocks, step counts, headings, problems) and
// verifies them, so the extension host's main thread never loads mathjs or the parser and typing never
// waits for them. The host posts { id, text, lines, options, cancel }; `cancel` is a shared flag the host
// raises when the text changes again, so a stale run stops at its next step instead of finishing for nothing.
import { parentPort } from 'node:worker_threads';
import { analyzeDocument, verifyDocument } from '../document';
import type { Cancellation, DerivationResult, Diagnostic, VerifyOptions } from '../types';

/** What the host sends: the whole text, the 1-based opening lines of the blocks to verify (all when absent). */
export interface VerifyRequest {
  /** `verify` when absent. */
  kind?: 'verify' | 'outline';
  id: number;
  text: string;
  lines?: number[];
  options: VerifyOptions;
  /** An Int32Array's buffer; a non-zero first element asks the run to stop. */
  cancel?: SharedArrayBuffer;
}

/** The document's structure as plain data (it crosses the thread boundary). */
export interface OutlineData {
  /** `readable`: the steps whose both sides were read (0 when nothing in the block can be checked). */
  derivations: { line: number; endLine: number; stepCount: number; readable: number }[];
  experiments: { code: string; codeLine: number; line: number; endLine: number; title?: string }[];
  headings: { line: number; level: number; text: string }[];
  diagnostics: Diagnostic[];
}

export type VerifyResponse =
  | { id: number; ok: true; results: DerivationResult[]; ms: number }
  | { id: number; ok: true; outline: OutlineData; ms: number }
  | { id: number; ok: false; cancelled: boolean; error: string; ms: number };

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
