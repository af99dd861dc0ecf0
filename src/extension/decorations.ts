// A short faded verdict after each checked step's line (`✓`, `✗ at x = 1`, `?`).
import * as vscode from 'vscode';
import type { StepResult } from '../core/types';
import type { Config } from './config';
import { inlineText } from './format';
import type { ResultsStore } from './results';

export class DecorationsView implements vscode.Disposable {
  // A ✓ in the lens colour was a thin grey tick that read as nothing at all: the Testing view's green
  // says "passed" in every theme; `?` keeps the quiet lens colour.
  private readonly ok = vscode.window.createTextEditorDecorationType({
    after: {
      margin: '0 0 0 2em',
      color: new vscode.ThemeColor('testing.iconPassed'),
      fontWeight: 'bold',
    },
  });
  private readonly unknown = vscode.window.createTextEditorDecorationType({
    after: {
      margin: '0 0 0 2em',
      color: new vscode.ThemeColor('editorCodeLens.foreground'),
      fontStyle: 'italic',
    },
  });
  private readonly bad = vscode.window.createTextEditorDecorationType({
    after: {
      margin: '0 0 0 2em',
      color: new vscode.ThemeColor('editorError.foreground'),
      fontStyle: 'italic',
    },
  });
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly store: ResultsStore,
    private readonly config: Config,
  ) {
    const all = () => vscode.window.visibleTextEditors.forEach((e) => this.render(e));
    this.subscriptions = [
      store.onDidChange((uri) => {
        for (const e of vscode.window.visibleTextEditors)
          if (e.document.uri.toString() === uri.toString()) this.render(e);
      }),
      vscode.window.onDidChangeVisibleTextEditors(all),
      config.onDidChange(all),
    ];
  }

  render(editor: vscode.TextEditor): void {
    const entry = this.store.get(editor.document.uri);
    const ok: vscode.DecorationOptions[] = [];
    const unknown: vscode.DecorationOptions[] = [];
    const bad: vscode.DecorationOptions[] = [];
    if (entry && entry.version === editor.document.version && this.config.current.decorations) {
      const byLine = new Map<number, StepResult[]>();
      for (const d of entry.derivations.values())
        for (const s of d.steps) byLine.set(s.line, [...(byLine.get(s.line) ?? []), s]);
      for (const [line, steps] of byLine) {
        if (line - 1 >= editor.document.lineCount) continue;
        const end = editor.document.lineAt(line - 1).range.end;
        const text = inlineText(steps);
        (text.startsWith('✗') ? bad : text.startsWith('✓') ? ok : unknown).push({
          range: new vscode.Range(end, end),
          renderOptions: { after: { contentText: text } },
        });
      }
    }
    editor.setDecorations(this.ok, ok);
    editor.setDecorations(this.unknown, unknown);
    editor.setDecorations(this.bad, bad);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.ok.dispose();
    this.unknown.dispose();
    this.bad.dispose();
  }
}
