// `Stepwise ✓ 12 ✗ 1 ? 2` for the active Markdown file; a click opens the output channel.
import * as vscode from 'vscode';
import { statusText } from './format';
import type { ResultsStore } from './results';

export class StatusBarView implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('stepwise.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: ResultsStore) {
    this.item.name = 'Stepwise';
    this.item.command = 'stepwise.showOutput';
    this.subscriptions = [
      store.onDidChange(() => this.render()),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
    ];
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
    this.item.text = `${busy ? '$(sync~spin) ' : ''}${statusText(fresh?.derivations.values() ?? [])}`;
    this.item.tooltip = fresh
      ? 'Stepwise: steps verified ✓, refuted ✗, unverifiable ? — click for the log'
      : 'Stepwise: no results yet — click for the log';
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
