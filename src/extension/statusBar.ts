// `Stepwise ✓ 21 ✗ 1 ? 3 · ▶ 4/4` for the active Markdown file (steps, then experiments passed of the
// file's experiments); a click opens the output channel.
import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import { statusText } from './format';
import type { OutlineCache } from './analysis';
import type { Config } from './config';
import type { ResultsStore } from './results';
import { Disposable } from './dispose';

export class StatusBarView extends Disposable {
  readonly item = vscode.window.createStatusBarItem('stepwise.status', vscode.StatusBarAlignment.Left, 50);

  constructor(
    private readonly store: ResultsStore,
    private readonly outlines: OutlineCache,
    private readonly config: Config,
  ) {
    super();
    this.item.name = 'Stepwise';
    this.item.command = CommandId.showOutput;
    this.register(
      this.item,
      store.onDidChange(() => this.render()),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
    );
    this.render();
  }

  render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'markdown') {
      this.item.hide();
      return;
    }
    const entry = this.store.get(doc.uri);
    const fresh = entry && entry.version === doc.version ? entry : undefined;
    const busy = (fresh?.running.size ?? 0) > 0;
    const show = (total?: number) => {
      this.item.text = `${busy ? '$(sync~spin) ' : ''}${statusText(fresh?.derivations.values() ?? [], fresh?.experiments.values() ?? [], total)}`;
    };
    show();
    this.item.tooltip = fresh
      ? 'Stepwise: steps verified ✓, refuted ✗, unverifiable ?; ▶ experiments passed of the file’s — click for the log'
      : 'Stepwise: no results yet — click for the log';
    this.item.show();
    // How many experiments the file has comes from its outline (read in the worker, cached per version).
    if (fresh && fresh.experiments.size > 0) {
      void this.outlines.get(doc, this.config.current.verify).then((o) => {
        if (vscode.window.activeTextEditor?.document === doc && doc.version === fresh.version)
          show(o.experiments.length);
      });
    }
  }
}
