// Refuted steps as Errors and unverifiable ones as Information in the Problems panel (collection
// `stepwise`), rebuilt from the results store whenever it changes, so they move and clear with edits.
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic, StepResult } from '../core/types';
import type { OutlineCache } from './analysis';
import type { Config } from './config';
import { stepMessage } from './format';
import type { ResultsStore } from './results';

const severities: Record<CoreDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** A core diagnostic (1-based) as VS Code's, reaching the end of its line when the core gives no end. */
function fromCore(doc: vscode.TextDocument, d: CoreDiagnostic): vscode.Diagnostic {
  const line = Math.min(Math.max(0, d.line - 1), doc.lineCount - 1);
  const start = Math.max(0, d.column - 1);
  const endLine = d.endLine !== undefined ? Math.min(d.endLine - 1, doc.lineCount - 1) : line;
  const end = d.endColumn !== undefined ? d.endColumn - 1 : doc.lineAt(endLine).range.end.character;
  const diag = new vscode.Diagnostic(
    new vscode.Range(line, start, endLine, Math.max(end, endLine === line ? start : 0)),
    d.message,
    severities[d.severity],
  );
  diag.source = 'stepwise';
  return diag;
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** The range of a step on its line: from its error column for unverifiable steps, else the whole line's text. */
export function stepRange(doc: vscode.TextDocument | undefined, step: StepResult): vscode.Range {
  const line = Math.max(0, step.line - 1);
  if (!doc || line >= doc.lineCount)
    return new vscode.Range(line, Math.max(0, step.column - 1), line, Number.MAX_SAFE_INTEGER);
  const text = doc.lineAt(line);
  const first = text.firstNonWhitespaceCharacterIndex;
  const end = text.range.end.character;
  const start = step.status === 'unverifiable' ? Math.min(Math.max(0, step.column - 1), end) : first;
  return new vscode.Range(line, start, line, Math.max(end, start));
}

export class DiagnosticsView implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('stepwise');
  private readonly subscription: vscode.Disposable;
  /** Per document, so that a late outline never overwrites a newer render. */
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly store: ResultsStore,
    private readonly outlines: OutlineCache,
    private readonly config: Config,
  ) {
    this.subscription = store.onDidChange((uri) => this.render(uri));
  }

  render(uri: vscode.Uri): void {
    const entry = this.store.get(uri);
    const doc = openDocument(uri);
    if (!entry || (doc && doc.version !== entry.version)) {
      this.collection.delete(uri);
      return;
    }
    const list: vscode.Diagnostic[] = [];
    for (const d of entry.derivations.values()) {
      for (const s of d.steps) {
        if (s.status === 'verified') continue;
        const severity =
          s.status === 'refuted' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Information;
        const diag = new vscode.Diagnostic(stepRange(doc, s), stepMessage(s), severity);
        diag.source = 'stepwise';
        diag.code = s.status;
        list.push(diag);
      }
    }
    for (const x of entry.experiments.values()) {
      if (x.status === 'failed') {
        for (const c of x.checks.filter((k) => !k.passed)) {
          const diag = new vscode.Diagnostic(
            new vscode.Range(c.line - 1, 0, c.line - 1, Number.MAX_SAFE_INTEGER),
            `check failed: ${c.label}${c.detail ? ` (${c.detail})` : ''}`,
            vscode.DiagnosticSeverity.Warning,
          );
          diag.source = 'stepwise';
          list.push(diag);
        }
      } else if (x.status === 'error') {
        const line = (x.errorLine ?? x.line) - 1;
        const diag = new vscode.Diagnostic(
          new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
          `experiment error: ${x.message}`,
          vscode.DiagnosticSeverity.Error,
        );
        diag.source = 'stepwise';
        list.push(diag);
      }
    }
    this.collection.set(uri, list);
    // Problems with the file itself (declarations not understood, unclosed blocks) show once the student
    // has asked Stepwise to look at it; they come from the outline, read in the worker, so they follow.
    if (!doc) return;
    const generation = (this.generations.get(uri.toString()) ?? 0) + 1;
    this.generations.set(uri.toString(), generation);
    const version = doc.version;
    void this.outlines.get(doc, this.config.current.verify).then((o) => {
      if (
        this.generations.get(uri.toString()) !== generation ||
        doc.version !== version ||
        o.diagnostics.length === 0
      )
        return;
      this.collection.set(uri, [...list, ...o.diagnostics.map((d) => fromCore(doc, d))]);
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
