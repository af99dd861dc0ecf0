// Checking a homework is one job: verify every derivation and, in a trusted workspace, run every
// experiment. The Check File command, `verifyOn: save` and `verifyOn: type` all go through here.
import * as vscode from 'vscode';
import type { DerivationResult, ExperimentResult } from '../core';
import type { Config } from './config';
import { Disposable } from './dispose';
import type { Experiments } from './experiments';
import type { Trust } from './trust';
import type { Verification } from './verification';

export interface FileCheck {
  /** Undefined when the run was cancelled or its text changed meanwhile. */
  derivations: DerivationResult[] | undefined;
  /** Empty when experiments cannot run here (Restricted Mode); undefined when stale. */
  experiments: ExperimentResult[] | undefined;
}

export class Checker extends Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly verification: Verification,
    private readonly experiments: Experiments,
    private readonly trust: Trust,
    private readonly config: Config,
  ) {
    super();
    this.register(
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (doc.languageId === 'markdown' && this.config.current.verifyOn === 'save') void this.check(doc);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.cancel(doc.uri)),
      { dispose: () => this.cancel() },
    );
  }

  /** Verifies the whole file and runs its experiments (both at once; each drops stale results itself). */
  async check(doc: vscode.TextDocument): Promise<FileCheck> {
    const runExperiments = this.trust.canRunExperiments && this.experiments.available;
    const [derivations, experiments] = await Promise.all([
      this.verification.verify(doc),
      runExperiments ? this.experiments.run(doc) : Promise.resolve([]),
    ]);
    return { derivations, experiments };
  }

  /** Drops a pending `verifyOn: type` check of one document, or of all. */
  cancel(uri?: vscode.Uri): void {
    for (const [key, t] of this.timers) {
      if (uri && key !== uri.toString()) continue;
      clearTimeout(t);
      this.timers.delete(key);
    }
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const doc = e.document;
    if (doc.languageId !== 'markdown' || e.contentChanges.length === 0) return;
    if (this.config.current.verifyOn !== 'type') return;
    const key = doc.uri.toString();
    this.cancel(doc.uri);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(doc);
      }, this.config.current.typeDelayMs),
    );
  }

  /** Whether a `verifyOn: type` check of this document is waiting for typing to pause. */
  isScheduled(uri: vscode.Uri): boolean {
    return this.timers.has(uri.toString());
  }
}
