// The host side of the core worker (dist/verifyWorker.js). Two lanes, each its own worker thread: one
// reads documents for lenses and commands (fast, never stuck behind a long run), one verifies. The main
// thread of the extension host never loads mathjs or the parser. Cancellation raises a shared flag the
// worker polls between steps; a worker that does not stop soon after is terminated and replaced.
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { DerivationResult, VerifyOptions } from '../core';
import type { OutlineData, VerifyRequest, VerifyResponse } from '../protocol/verifyWorker';

export type VerifyOutcome =
  | { kind: 'done'; results: DerivationResult[]; ms: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: string };

type Answer =
  { kind: 'ok'; response: VerifyResponse } | { kind: 'cancelled' } | { kind: 'failed'; error: string };

/** How long a cancelled run may take to notice before its worker is replaced. */
const STOP_GRACE_MS = 1500;

/** One worker thread with its queue of pending requests. */
class Lane {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(a: Answer): void; flag: Int32Array }>();

  constructor(
    private readonly script: string,
    private readonly name: string,
    private readonly log: (line: string) => void,
  ) {}

  get started(): boolean {
    return this.worker !== undefined;
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.script, { name: `stepwise-${this.name}` });
    w.on('message', (res: VerifyResponse) => {
      const p = this.pending.get(res.id);
      if (!p) return;
      this.pending.delete(res.id);
      if (res.ok) p.resolve({ kind: 'ok', response: res });
      else if (res.cancelled) p.resolve({ kind: 'cancelled' });
      else p.resolve({ kind: 'failed', error: res.error });
    });
    const lost = (why: string) => {
      if (this.worker !== w) return;
      this.worker = undefined;
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.resolve(Atomics.load(p.flag, 0) ? { kind: 'cancelled' } : { kind: 'failed', error: why });
      }
    };
    w.on('error', (e) => {
      this.log(`${this.name} worker failed: ${e.message}`);
      lost(`${this.name} worker failed: ${e.message}`);
    });
    w.on('exit', (code) => lost(`${this.name} worker exited (code ${code})`));
    this.worker = w;
    return w;
  }

  /** Fire and forget (warm-up): the answer is ignored. */
  post(req: Omit<VerifyRequest, 'id'>): void {
    this.spawn().postMessage({ ...req, id: 0 });
  }

  request(req: Omit<VerifyRequest, 'id' | 'cancel'>, token?: vscode.CancellationToken): Promise<Answer> {
    if (token?.isCancellationRequested) return Promise.resolve({ kind: 'cancelled' });
    const id = this.nextId++;
    const buffer = new SharedArrayBuffer(4);
    const flag = new Int32Array(buffer);
    return new Promise<Answer>((resolve) => {
      this.pending.set(id, {
        resolve: (a) => {
          sub?.dispose();
          resolve(a);
        },
        flag,
      });
      const worker = this.spawn();
      // Read by the resolver above only after this line has run: answers arrive asynchronously.
      const sub = token?.onCancellationRequested(() => {
        Atomics.store(flag, 0, 1);
        setTimeout(() => {
          // Still running long after the request to stop: a single step is stuck; replace the worker.
          if (this.pending.has(id) && this.worker === worker) {
            this.log(`${this.name} did not stop when cancelled: restarting its worker`);
            void worker.terminate();
          }
        }, STOP_GRACE_MS);
      });
      const message: VerifyRequest = { ...req, id, cancel: buffer };
      worker.postMessage(message);
    });
  }

  dispose(): void {
    const w = this.worker;
    this.worker = undefined;
    for (const p of this.pending.values()) p.resolve({ kind: 'cancelled' });
    this.pending.clear();
    void w?.terminate();
  }
}

export class VerifyService implements vscode.Disposable {
  private readonly reader: Lane;
  private readonly verifier: Lane;

  constructor(extensionPath: string, log: (line: string) => void) {
    const script = path.join(extensionPath, 'dist', 'verifyWorker.js');
    this.reader = new Lane(script, 'outline', log);
    this.verifier = new Lane(script, 'verify', log);
  }

  /** Starts the reading worker now (it loads in its own thread), so the first lenses come sooner. */
  warmReader(options: VerifyOptions): void {
    if (!this.reader.started) this.reader.post({ kind: 'outline', text: '$$\nx = x\n$$\n', options });
  }

  /**
   * Starts the verification worker and runs one tiny verification, so that the first real click does not
   * pay for loading mathjs and compiling the verifier (seconds on a busy machine). Cheap when already warm.
   */
  warm(options: VerifyOptions): void {
    if (!this.verifier.started) this.verifier.post({ text: '$$\nx + x = 2x\n$$\n', options });
  }

  /** The structure of `text` (blocks, step counts, headings, problems), read in the worker. */
  async outline(text: string, options: VerifyOptions): Promise<OutlineData> {
    const a = await this.reader.request({ kind: 'outline', text, options });
    if (a.kind === 'ok' && 'outline' in a.response) return a.response.outline;
    throw new Error(a.kind === 'failed' ? a.error : 'reading the document was cancelled');
  }

  /** Verifies the blocks opening at `lines` (1-based; all when absent) of `text`. */
  async verify(
    text: string,
    lines: number[] | undefined,
    options: VerifyOptions,
    token?: vscode.CancellationToken,
  ): Promise<VerifyOutcome> {
    const a = await this.verifier.request(
      { kind: 'verify', text, options, ...(lines ? { lines } : {}) },
      token,
    );
    if (a.kind === 'ok' && 'results' in a.response)
      return { kind: 'done', results: a.response.results, ms: a.response.ms };
    if (a.kind === 'failed') return a;
    return { kind: 'cancelled' };
  }

  dispose(): void {
    this.reader.dispose();
    this.verifier.dispose();
  }
}
