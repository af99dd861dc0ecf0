// The lenses above derivations (`Verify · 3 steps` → `✓ 3 verified`), experiments (`▶ Run`) and headings
// whose section holds claims (`Verify section`). Lens commands get (uri, 0-based line of the block).
import * as vscode from 'vscode';
import type { OutlineCache } from './analysis';
import { CommandId } from './commandIds';
import type { Config } from './config';
import type { Experiments } from './experiments';
import { experimentLensTitle, resultLensTitle, verifyLensTitle } from './format';
import type { Checker } from './check';
import { isPending, type ResultsStore } from './results';
import { RESTRICTED_LENS, type Trust } from './trust';
import { Disposable } from './dispose';

const COLD_WAIT_MS = 150;
const delay = (ms: number) => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms));

export class StepwiseCodeLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(
    private readonly store: ResultsStore,
    private readonly config: Config,
    private readonly outlines: OutlineCache,
    private readonly experiments: Experiments,
    private readonly trust: Trust,
    private readonly checker: Checker,
  ) {
    super();
    const refresh = () => this.emitter.fire();
    this.register(
      this.emitter,
      store.onDidChange(refresh),
      config.onDidChange(refresh),
      trust.onDidChange(refresh),
    );
  }

  async provideCodeLenses(
    doc: vscode.TextDocument,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeLens[]> {
    const cfg = this.config.current;
    const { lenses } = cfg;
    if (!lenses.derivations && !lenses.experiments && !lenses.sections) return [];
    const pending = this.outlines.get(doc, cfg.verify);
    // VS Code spaces later lens refreshes by the average time this call took: a first call that waits
    // for the worker to load (seconds on a busy machine) would slow every refresh after it. So while the
    // worker is cold, answer at once and refresh when the outline arrives.
    const outline = this.outlines.warm ? await pending : await Promise.race([pending, delay(COLD_WAIT_MS)]);
    if (!outline) {
      void pending.then(() => this.emitter.fire());
      return [];
    }
    if (token.isCancellationRequested) return [];
    const entry = this.store.get(doc.uri);
    const fresh = entry && entry.version === doc.version ? entry : undefined;
    const at = (line: number) => new vscode.Range(line - 1, 0, line - 1, 0);
    const out: vscode.CodeLens[] = [];

    // A block with nothing the verifier can read gets no lens, before or after a run: there is nothing to
    // check, its reasons are in Problems (Hints), the hover and the preview, and as it depends on the text
    // only, no lens appears or vanishes (moving the lines) when a run ends.
    const readable = new Set(outline.derivations.filter((d) => d.readable > 0).map((d) => d.line));
    if (lenses.sections) {
      for (const h of outline.headings) {
        if (!h.derivations.some((line) => readable.has(line))) continue;
        out.push(
          new vscode.CodeLens(at(h.line), {
            title: 'Verify section',
            tooltip: `Verify the ${h.derivations.length} derivation(s) under “${h.text}”`,
            command: CommandId.verifySection,
            arguments: [doc.uri, h.line - 1],
          }),
        );
      }
    }
    if (lenses.derivations) {
      for (const d of outline.derivations) {
        if (!readable.has(d.line)) continue;
        const result = fresh?.derivations.get(d.line);
        const running = fresh?.running.has(d.line) ?? false;
        // Text changed since its verdict: never the old verdict; say a check is coming, or that it is due.
        const changed = !result && fresh !== undefined && isPending(fresh, d.line, d.endLine);
        const title =
          running || (changed && this.checker.isScheduled(doc.uri))
            ? '$(sync~spin) Verifying…'
            : result
              ? resultLensTitle(result)
              : changed
                ? `… changed · ${verifyLensTitle(d.stepCount)}`
                : verifyLensTitle(d.stepCount);
        out.push(
          new vscode.CodeLens(at(d.line), {
            title,
            tooltip: result ? 'Verify again' : 'Check each step at random points of its domains',
            command: CommandId.verifyDerivation,
            arguments: [doc.uri, d.line - 1],
          }),
        );
      }
    }
    if (lenses.experiments && outline.experiments.length > 0 && this.experiments.available) {
      for (const x of outline.experiments) {
        if (!this.trust.canRunExperiments) {
          out.push(
            new vscode.CodeLens(at(x.line), {
              title: RESTRICTED_LENS,
              tooltip: 'Experiments execute the notebook’s code; trust this workspace to run them',
              command: CommandId.explainRestricted,
              arguments: [],
            }),
          );
          continue;
        }
        const result = fresh?.experiments.get(x.line);
        const running = fresh?.running.has(x.line) ?? false;
        out.push(
          new vscode.CodeLens(at(x.line), {
            title: running ? '$(sync~spin) Running…' : result ? experimentLensTitle(result) : '▶ Run',
            tooltip: x.title ? `Run “${x.title}”` : 'Run this experiment',
            command: CommandId.runExperiment,
            arguments: [doc.uri, x.line - 1],
          }),
        );
      }
    }
    return out;
  }
}
