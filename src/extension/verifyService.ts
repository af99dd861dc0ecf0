// Runs verifications in a worker thread so the extension host's main thread (and with it typing, lenses
// and hovers) never waits for mathjs. Cancellation raises a shared flag the worker polls between steps;
// a worker that does not stop soon after is terminated and replaced.
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { DerivationResult, VerifyOptions } from '../core/types';
import type { VerifyRequest, VerifyResponse } from '../core/verify/worker';

export type VerifyOutcome =
  | { kind: 'done'; results: DerivationResult[]; ms: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: string };

interface Pending {
  resolve(o: VerifyOutcome): void;
  flag: Int32Array;
}

/** How long a cancelled run may take to notice before its worker is replaced. */
const STOP_GRACE_MS = 1500;

export class VerifyService implements vscode.Disposable {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly extensionPath: string,
    private readonly log: (line: string) => void,
  ) {}

  private spawn(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(path.join(this.extensionPath, 'dist', 'verifyWorker.js'));
    w.on('message', (res: VerifyResponse) => {
      const p = this.pending.get(res.id);
      if (!p) return;
      this.pending.delete(res.id);
      if (res.ok) p.resolve({ kind: 'done', results: res.results, ms: res.ms });
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
      this.log(`verification worker failed: ${e.message}`);
      lost(`verification worker failed: ${e.message}`);
    });
    w.on('exit', (code) => lost(`verification worker exited (code ${code})`));
    this.worker = w;
    return w;
  }

  /** Verifies the blocks opening at `lines` (1-based; all when absent) of `text`. */
  verify(text: string, lines: number[] | undefined, options: VerifyOptions, token?: vscode.CancellationToken): Promise<VerifyOutcome> {
    if (token?.isCancellationRequested) return Promise.resolve({ kind: 'cancelled' });
    const id = this.nextId++;
    const buffer = new SharedArrayBuffer(4);
    const flag = new Int32Array(buffer);
    return new Promise<VerifyOutcome>((resolve) => {
      let sub: vscode.Disposable | undefined;
      const done = (o: VerifyOutcome) => {
        sub?.dispose();
        resolve(o);
      };
      this.pending.set(id, { resolve: done, flag });
      const worker = this.spawn();
      sub = token?.onCancellationRequested(() => {
        Atomics.store(flag, 0, 1);
        setTimeout(() => {
          // Still running long after the request to stop: a single step is stuck; replace the worker.
          if (this.pending.has(id) && this.worker === worker) {
            this.log('verification did not stop when cancelled: restarting its worker');
            void worker.terminate();
          }
        }, STOP_GRACE_MS);
      });
      const req: VerifyRequest = { id, text, options, cancel: buffer, ...(lines ? { lines } : {}) };
      worker.postMessage(req);
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
