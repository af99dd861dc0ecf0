// Messages between the extension host's verify service (src/extension/verifyService.ts) and its worker
// thread (src/core/verify/worker.ts, bundled to dist/verifyWorker.js). Types only: both sides import this
// file with `import type`.
import type { Diagnostic, VerifyOptions, DerivationResult } from '../core';

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
