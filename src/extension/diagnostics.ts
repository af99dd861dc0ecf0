// Results in the Problems panel (collection `stepwise`; what is listed, and how severe, is problems.ts), rebuilt from the results store whenever it changes, so they move and clear with edits;
// the file's own problems (declarations not understood, unclosed blocks) from the moment it is opened.
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic, StepResult } from '../core';
import type { OutlineCache } from './analysis';
import type { Config } from './config';
import { resultProblems, type ProblemSeverity, type UnverifiableSeverity } from './problems';
import type { DocumentResults, ResultsStore } from './results';
import { Disposable } from './dispose';

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
  return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key);
}

/** The range of a step on its line: from its error (or its column) for unverifiable steps, else the whole
 *  line's text. */
export function stepRange(doc: vscode.TextDocument | undefined, step: StepResult): vscode.Range {
  const at = step.errorAt ?? step;
  const line = Math.max(0, at.line - 1);
  if (!doc || line >= doc.lineCount)
    return new vscode.Range(line, Math.max(0, at.column - 1), line, Number.MAX_SAFE_INTEGER);
  const text = doc.lineAt(line);
  const first = text.firstNonWhitespaceCharacterIndex;
  const end = text.range.end.character;
  const start = step.status === 'unverifiable' ? Math.min(Math.max(0, at.column - 1), end) : first;
  return new vscode.Range(line, start, line, Math.max(end, start));
}

/** How long typing must pause before the file's own problems are read again. */
const outlineDelayMs = 250;

export class DiagnosticsView extends Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('stepwise');
  /** Per document, so that a late outline never overwrites a newer render. */
  private readonly generations = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The document version whose own problems are on show. */
  private readonly shownVersion = new Map<string, number>();

  constructor(
    private readonly store: ResultsStore,
    private readonly outlines: OutlineCache,
    private readonly config: Config,
  ) {
    super();
    // Problems with the file itself (declarations not understood, unclosed blocks) show as soon as it is
    // open and follow its edits; verification results join them when the student verifies.
    this.register(
      this.collection,
      { dispose: () => this.timers.forEach((t) => clearTimeout(t)) },
      store.onDidChange((uri) => this.render(uri)),
      vscode.workspace.onDidOpenTextDocument((doc) => this.show(doc.uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.render(doc.uri)),
      // The severity of unverifiable steps is a setting: show every file's entries anew.
      config.onDidChange(() => {
        const uris = new Map(
          [...store.uris(), ...vscode.workspace.textDocuments.map((d) => d.uri)].map((u) => [
            u.toString(),
            u,
          ]),
        );
        for (const u of uris.values()) this.render(u);
      }),
    );
    for (const doc of vscode.workspace.textDocuments) if (isMarkdown(doc)) this.render(doc.uri);
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!isMarkdown(doc)) return;
    const key = doc.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.render(doc.uri);
      }, outlineDelayMs),
    );
  }

  /** Files whose last tab closed: no entries until they are opened again. */
  private readonly hidden = new Set<string>();

  /** Removes a file's entries (its editors closed) until `show` is called for it. */
  hide(uri: vscode.Uri): void {
    this.hidden.add(uri.toString());
    const pending = this.timers.get(uri.toString());
    if (pending) clearTimeout(pending);
    this.timers.delete(uri.toString());
    this.collection.delete(uri);
  }

  /** Shows a file's entries again (it was opened). */
  show(uri: vscode.Uri): void {
    this.hidden.delete(uri.toString());
    this.render(uri);
  }

  render(uri: vscode.Uri): void {
    if (this.hidden.has(uri.toString())) {
      this.collection.delete(uri);
      return;
    }
    const entry = this.store.get(uri);
    const doc = openDocument(uri);
    // Results of an older version point at old lines: none until they are moved or recomputed.
    const list =
      entry && (!doc || doc.version === entry.version)
        ? resultDiagnostics(entry, doc, this.config.current.unverifiable)
        : [];
    const generation = (this.generations.get(uri.toString()) ?? 0) + 1;
    this.generations.set(uri.toString(), generation);
    if (!doc || !isMarkdown(doc)) {
      if (list.length > 0) this.collection.set(uri, list);
      else this.collection.delete(uri);
      return;
    }
    const version = doc.version;
    // Keep the file's problems already shown while its new outline is read, unless they are for older text.
    const shown = (this.collection.get(uri) ?? []).filter(
      (d) => d.code === fileProblem && version === this.shownVersion.get(uri.toString()),
    );
    this.collection.set(uri, [...list, ...shown]);
    void this.outlines.get(doc, this.config.current.verify).then((o) => {
      const stale = this.generations.get(uri.toString()) !== generation || doc.version !== version;
      if (stale || doc.isClosed || this.hidden.has(uri.toString())) return;
      const own = o.diagnostics.map((d) => {
        const diag = fromCore(doc, d);
        diag.code = fileProblem;
        return diag;
      });
      this.shownVersion.set(uri.toString(), version);
      this.collection.set(uri, [...list, ...own]);
    });
  }
}

/** Marks the file's own problems (from the outline) among the diagnostics. */
const fileProblem = 'document';

function isMarkdown(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown';
}

const problemSeverities: Record<ProblemSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Refuted and unverifiable steps, failed checks and experiment errors (see problems.ts). */
function resultDiagnostics(
  entry: DocumentResults,
  doc: vscode.TextDocument | undefined,
  unverifiable: UnverifiableSeverity,
): vscode.Diagnostic[] {
  return resultProblems(entry.derivations.values(), entry.experiments.values(), unverifiable).map((p) => {
    const range = p.step
      ? stepRange(doc, p.step)
      : new vscode.Range(p.line - 1, p.column - 1, p.line - 1, Number.MAX_SAFE_INTEGER);
    const diag = new vscode.Diagnostic(range, p.message, problemSeverities[p.severity]);
    diag.source = 'stepwise';
    diag.code = p.code;
    return diag;
  });
}
