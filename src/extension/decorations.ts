// A short faded verdict after each checked step's line (`✓`, `✗ at x = 1`, `?`), shortened on long lines
// so that it stays in view (the hover has it all); `…` on a block whose text changed since its verdict.
import * as vscode from 'vscode';
import type { StepResult } from '../core';
import type { Config } from './config';
import { fitInline, inlineText } from './format';
import { isPending, type ResultsStore } from './results';
import { Disposable } from './dispose';

/** After the opening line of a block changed since its verdict. */
const pendingMark = '… changed since verified';

export class DecorationsView extends Disposable {
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
  /** What was last rendered per document (0-based lines), for the integration tests. */
  private readonly shown = new Map<string, { line: number; text: string }[]>();

  constructor(
    private readonly store: ResultsStore,
    private readonly config: Config,
  ) {
    super();
    const all = () => vscode.window.visibleTextEditors.forEach((e) => this.render(e));
    this.register(
      this.ok,
      this.unknown,
      this.bad,
      store.onDidChange((uri) => {
        for (const e of vscode.window.visibleTextEditors)
          if (e.document.uri.toString() === uri.toString()) this.render(e);
      }),
      vscode.window.onDidChangeVisibleTextEditors(all),
      config.onDidChange(all),
    );
  }

  render(editor: vscode.TextEditor): void {
    const entry = this.store.get(editor.document.uri);
    const ok: vscode.DecorationOptions[] = [];
    const unknown: vscode.DecorationOptions[] = [];
    const bad: vscode.DecorationOptions[] = [];
    const marks: { line: number; text: string }[] = [];
    const doc = editor.document;
    if (entry && entry.version === doc.version && this.config.current.decorations) {
      const byLine = new Map<number, StepResult[]>();
      for (const d of entry.derivations.values())
        for (const s of d.steps) byLine.set(s.line, [...(byLine.get(s.line) ?? []), s]);
      for (const [line, steps] of byLine) {
        if (line - 1 >= doc.lineCount || isPending(entry, line, line)) continue;
        const end = doc.lineAt(line - 1).range.end;
        const text = fitInline(inlineText(steps), end.character);
        marks.push({ line: line - 1, text });
        (text.startsWith('✗') ? bad : text.startsWith('✓') ? ok : unknown).push({
          range: new vscode.Range(end, end),
          renderOptions: { after: { contentText: text } },
        });
      }
      for (const p of entry.pending) {
        if (p.line - 1 >= doc.lineCount) continue;
        const end = doc.lineAt(p.line - 1).range.end;
        marks.push({ line: p.line - 1, text: pendingMark });
        unknown.push({
          range: new vscode.Range(end, end),
          renderOptions: { after: { contentText: pendingMark } },
        });
      }
    }
    this.shown.set(doc.uri.toString(), marks);
    editor.setDecorations(this.ok, ok);
    editor.setDecorations(this.unknown, unknown);
    editor.setDecorations(this.bad, bad);
  }

  marks(uri: vscode.Uri): { line: number; text: string }[] {
    return this.shown.get(uri.toString()) ?? [];
  }
}
