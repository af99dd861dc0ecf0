// Verification of a document's derivations: starts runs in the worker, drops results for text that has
// changed since and moves stored results with edits. `verifyOn` is the Checker's (check.ts).
import * as vscode from 'vscode';
import type { DerivationResult } from '../core';
import type { OutlineCache } from './analysis';
import type { Config } from './config';
import { Disposable } from './dispose';
import type { ResultsStore } from './results';
import { shiftResults, type LineEdit } from './shift';
import type { VerifyService } from './verifyService';

export class Verification extends Disposable {
  private readonly runs = new Map<string, Set<vscode.CancellationTokenSource>>();

  constructor(
    private readonly store: ResultsStore,
    private readonly service: VerifyService,
    private readonly config: Config,
    private readonly outlines: OutlineCache,
    private readonly log: (line: string) => void,
  ) {
    super();
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.cancel(doc.uri);
        this.outlines.forget(doc);
      }),
      { dispose: () => this.cancel() },
    );
  }

  /**
   * Verifies the derivations opening at `lines` (1-based; every derivation when absent). Resolves with the
   * results, or undefined when cancelled, failed, or the text changed meanwhile (stale results are dropped).
   */
  async verify(doc: vscode.TextDocument, lines?: number[]): Promise<DerivationResult[] | undefined> {
    const options = this.config.current.verify;
    const version = doc.version;
    const outline = await this.outlines.get(doc, options);
    if (doc.version !== version) return undefined;
    const targets = lines ?? outline.derivations.map((d) => d.line);
    if (targets.length === 0) return [];
    const key = doc.uri.toString();
    const cts = new vscode.CancellationTokenSource();
    const mine = this.runs.get(key) ?? new Set();
    mine.add(cts);
    this.runs.set(key, mine);
    const run = this.store.begin(doc.uri, version, targets);
    const t0 = performance.now();
    this.log(
      `${vscode.workspace.asRelativePath(doc.uri)} v${version}: verifying ${lines ? `line(s) ${targets.join(', ')}` : 'the file'}`,
    );
    const outcome = await this.service.verify(doc.getText(), lines ? targets : undefined, options, cts.token);
    mine.delete(cts);
    cts.dispose();

    if (outcome.kind !== 'done' || !run.current || doc.version !== version) {
      if (outcome.kind === 'failed') {
        this.log(`verification failed: ${outcome.error}`);
        void vscode.window.showErrorMessage(`Stepwise: verification failed: ${outcome.error}`);
      }
      run.abandon();
      return undefined;
    }
    run.complete(targets, (now) => {
      if (!lines) now.derivations.clear();
      for (const l of targets) now.derivations.delete(l);
      for (const r of outcome.results) now.derivations.set(r.line, r);
      // Blocks redone are no longer pending; a whole-file run redid them all.
      now.pending = lines
        ? now.pending.filter((p) => !outcome.results.some((r) => r.line <= p.endLine && p.line <= r.endLine))
        : [];
    });
    const steps = outcome.results.reduce((n, r) => n + r.steps.length, 0);
    this.log(
      `${vscode.workspace.asRelativePath(doc.uri)} v${version}: verified ${outcome.results.length} block(s), ${steps} step(s) ` +
        `in ${Math.round(outcome.ms)} ms (round trip ${Math.round(performance.now() - t0)} ms)`,
    );
    return outcome.results;
  }

  /** Stops the runs of one document, or of all. */
  cancel(uri?: vscode.Uri): void {
    for (const [key, set] of this.runs) {
      if (uri && key !== uri.toString()) continue;
      for (const cts of set) cts.cancel();
    }
  }

  /** Whether a run for this document is under way. */
  isRunning(uri: vscode.Uri): boolean {
    return (this.runs.get(uri.toString())?.size ?? 0) > 0;
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const doc = e.document;
    if (doc.languageId !== 'markdown' || e.contentChanges.length === 0) return;
    this.cancel(doc.uri);
    const entry = this.store.get(doc.uri);
    if (entry) {
      const edits: LineEdit[] = e.contentChanges.map((c) => ({
        startLine: c.range.start.line + 1,
        endLine: c.range.end.line + 1,
        newLines: c.text.split('\n').length - 1,
      }));
      const moved = shiftResults(entry.derivations, entry.experiments, edits, entry.pending);
      this.store.rebase(doc.uri, doc.version, moved.derivations, moved.experiments, moved.pending);
      this.store.notify(doc.uri);
    }
  }
}
