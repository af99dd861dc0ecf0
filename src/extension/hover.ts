// Hover on a checked step: status, samples, assumed domains and the counterexample as a small table.
import * as vscode from 'vscode';
import { stepHoverMarkdown } from './format';
import type { ResultsStore } from './results';

export class StepHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: ResultsStore) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const entry = this.store.get(doc.uri);
    if (!entry || entry.version !== doc.version) return undefined;
    const line = pos.line + 1;
    for (const d of entry.derivations.values()) {
      if (line < d.line || line > d.endLine) continue;
      const steps = d.steps.filter((s) => s.line === line);
      if (steps.length === 0) continue;
      const md = new vscode.MarkdownString(steps.map(stepHoverMarkdown).join('\n\n---\n\n'));
      md.isTrusted = false;
      return new vscode.Hover(md, doc.lineAt(pos.line).range);
    }
    return undefined;
  }
}
