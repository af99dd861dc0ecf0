// Runs ```experiment blocks through the core's isolated runner (a worker with time and memory limits),
// only in a trusted workspace. The runner is loaded on first use; if it is not built in, no Run lens shows.
import * as vscode from 'vscode';
import type { Cancellation, ExperimentResult } from '../core';
import type { OutlineCache } from './analysis';
import type { Config } from './config';
import type { ResultsStore } from './results';
import { RESTRICTED_REASON, type Trust } from './trust';

type RunIsolated = (
  block: unknown,
  limits: { timeoutMs: number; memoryMb: number; seed?: number },
  cancel?: Cancellation,
) => Promise<ExperimentResult>;

let runner: RunIsolated | null | undefined;
function loadRunner(): RunIsolated | null {
  if (runner !== undefined) return runner;
  try {
    // The isolated runner only spawns a worker: requiring it loads no mathjs on this thread.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const m = require('../core/sandbox') as { runExperimentIsolated?: RunIsolated };
    runner = typeof m.runExperimentIsolated === 'function' ? m.runExperimentIsolated : null;
  } catch {
    runner = null;
  }
  return runner;
}

export class Experiments implements vscode.Disposable {
  private readonly running = new Set<vscode.CancellationTokenSource>();

  constructor(
    private readonly store: ResultsStore,
    private readonly config: Config,
    private readonly outlines: OutlineCache,
    private readonly trust: Trust,
    private readonly log: (line: string) => void,
  ) {}

  /** Whether this build has the experiment runner (the Run lens shows only then). */
  get available(): boolean {
    return loadRunner() !== null;
  }

  /** Runs the experiments opening at `lines` (all when absent); undefined when refused or stale. */
  async run(doc: vscode.TextDocument, lines?: number[]): Promise<ExperimentResult[] | undefined> {
    if (!this.trust.canRunExperiments) {
      void vscode.window
        .showWarningMessage(`Stepwise: ${RESTRICTED_REASON}.`, 'Manage Workspace Trust')
        .then((pick) => {
          if (pick) void vscode.commands.executeCommand('workbench.trust.manage');
        });
      return undefined;
    }
    const run = loadRunner();
    if (!run) {
      void vscode.window.showInformationMessage('Stepwise: this build has no experiment runner.');
      return undefined;
    }
    const cfg = this.config.current;
    const version = doc.version;
    const outline = await this.outlines.get(doc, cfg.verify);
    if (doc.version !== version) return undefined;
    const blocks = outline.experiments.filter((e) => !lines || lines.includes(e.line));
    const resultsRun = this.store.begin(
      doc.uri,
      version,
      blocks.map((b) => b.line),
    );
    const results: ExperimentResult[] = [];
    for (const b of blocks) {
      const cts = new vscode.CancellationTokenSource();
      this.running.add(cts);
      const edit = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === doc && e.contentChanges.length > 0) cts.cancel();
      });
      let result: ExperimentResult;
      try {
        const limits = { timeoutMs: cfg.experiment.timeoutMs, memoryMb: cfg.experiment.memoryMb };
        result = await run(
          b,
          cfg.verify.seed !== undefined ? { ...limits, seed: cfg.verify.seed } : limits,
          cts.token,
        );
      } catch (e) {
        result = {
          line: b.line,
          endLine: b.endLine,
          status: 'error',
          message: e instanceof Error ? e.message : String(e),
          checks: [],
          outputs: [],
        };
      } finally {
        edit.dispose();
        this.running.delete(cts);
        cts.dispose();
      }
      // Stale (the text changed or the results were cleared meanwhile): nothing is stored, the rest not run.
      if (doc.version !== version || !resultsRun.complete([b.line], (e) => e.experiments.set(b.line, result)))
        return undefined;
      this.log(
        `${vscode.workspace.asRelativePath(doc.uri)}: experiment at line ${b.line} ${result.status} (${result.message})`,
      );
      results.push(result);
    }
    return results;
  }

  cancel(): void {
    for (const cts of this.running) cts.cancel();
  }

  dispose(): void {
    this.cancel();
  }
}
