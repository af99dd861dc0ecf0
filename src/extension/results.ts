// The latest results per document, shared by the CodeLens, diagnostics, decorations, status bar and the
// preview. Results carry the document version they were computed for, so stale ones are never shown.
import * as vscode from 'vscode';
import type { DerivationResult, ExperimentResult } from '../core';
import type { Spanned } from './shift';

export interface DocumentResults {
  version: number;
  /** Keyed by the 1-based line of the block's opening delimiter. */
  derivations: Map<number, DerivationResult>;
  experiments: Map<number, ExperimentResult>;
  /** Blocks with work under way, by opening line. */
  running: Set<number>;
  /** Derivations whose text changed since their result was shown (the result is gone; not yet redone). */
  pending: Spanned[];
}

/** Whether the block at `line..endLine` changed since its last result. */
export function isPending(entry: DocumentResults, line: number, endLine: number): boolean {
  return entry.pending.some((p) => p.line <= endLine && line <= p.endLine);
}

/** A run begun with `ResultsStore.begin`. */
export interface ResultsRun {
  /** Whether the document's text is still the text the run began on. */
  readonly current: boolean;
  /** Stores results of the blocks at `lines` (no longer running); false, storing nothing, when stale. */
  complete(lines: readonly number[], apply: (entry: DocumentResults) => void): boolean;
  /** Stops showing the run's blocks as running (cancelled or failed), storing nothing. */
  abandon(): void;
}

export class ResultsStore implements vscode.Disposable {
  private readonly byUri = new Map<string, DocumentResults>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the document whose results changed. */
  readonly onDidChange = this.emitter.event;

  get(uri: vscode.Uri): DocumentResults | undefined {
    return this.byUri.get(uri.toString());
  }

  /** The entry for a document at a version; a newer version starts empty. */
  ensure(uri: vscode.Uri, version: number): DocumentResults {
    const key = uri.toString();
    const existing = this.byUri.get(key);
    if (existing && existing.version === version) return existing;
    const fresh: DocumentResults = {
      version,
      derivations: new Map(),
      experiments: new Map(),
      running: new Set(),
      pending: [],
    };
    this.byUri.set(key, fresh);
    return fresh;
  }

  /** Moves a document's entry to a new version with results carried over (already moved to the new text). */
  rebase(
    uri: vscode.Uri,
    version: number,
    derivations: Map<number, DerivationResult>,
    experiments: Map<number, ExperimentResult>,
    pending: Spanned[] = [],
  ): DocumentResults {
    const entry: DocumentResults = { version, derivations, experiments, running: new Set(), pending };
    this.byUri.set(uri.toString(), entry);
    return entry;
  }

  /**
   * Starts work on blocks of a document at a version: they show as running until the handle completes or
   * abandons them. A result is stored only while the entry it began on is still the document's: any edit
   * (which moves the entry to a new version) or a clear makes the run stale, and `complete` then drops it.
   * Verification and experiments both go through here, so neither can show a result for changed text.
   */
  begin(uri: vscode.Uri, version: number, lines: readonly number[]): ResultsRun {
    const entry = this.ensure(uri, version);
    for (const l of lines) entry.running.add(l);
    this.notify(uri);
    const current = () => this.byUri.get(uri.toString()) === entry;
    return {
      get current() {
        return current();
      },
      complete: (done, apply) => {
        if (!current()) return false;
        for (const l of done) entry.running.delete(l);
        apply(entry);
        this.notify(uri);
        return true;
      },
      abandon: () => {
        if (!current()) return;
        for (const l of lines) entry.running.delete(l);
        this.notify(uri);
      },
    };
  }

  /** Every document with results. */
  uris(): vscode.Uri[] {
    return [...this.byUri.keys()].map((k) => vscode.Uri.parse(k));
  }

  notify(uri: vscode.Uri): void {
    this.emitter.fire(uri);
  }

  /** Forgets the results of every document. */
  clearAll(): void {
    const uris = this.uris();
    this.byUri.clear();
    for (const u of uris) this.emitter.fire(u);
  }

  clear(uri: vscode.Uri): void {
    this.byUri.delete(uri.toString());
    this.emitter.fire(uri);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
