// The repair hint of a refuted step as a Quick Fix: replaces the written side with the corrected one.
import * as vscode from 'vscode';
import { coreOf, type StepResult } from '../core';
import type { ResultsStore } from './results';

/** Where the hinted side stands in the document: searched from the step's relation (forward for the right
 *  side, backward for the left), so it is the text the verifier read. */
export function sideRange(doc: vscode.TextDocument, step: StepResult): vscode.Range | undefined {
  const hint = step.hint;
  if (!hint) return undefined;
  const written = coreOf(hint.side === 'rhs' ? step.rhs : step.lhs);
  if (!written) return undefined;
  const text = doc.getText();
  const at = doc.offsetAt(new vscode.Position(step.line - 1, step.column - 1));
  const start =
    hint.side === 'rhs' ? text.indexOf(written, at + step.relation.length) : text.lastIndexOf(written, at);
  // Only within a few lines of the relation: a match further away is another step's text.
  if (start < 0 || Math.abs(doc.positionAt(start).line - (step.line - 1)) > 3) return undefined;
  return new vscode.Range(doc.positionAt(start), doc.positionAt(start + written.length));
}

export class HintFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly store: ResultsStore) {}

  provideCodeActions(
    doc: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const entry = this.store.get(doc.uri);
    if (!entry || entry.version !== doc.version) return [];
    const out: vscode.CodeAction[] = [];
    for (const d of entry.derivations.values()) {
      for (const s of d.steps) {
        if (s.status !== 'refuted' || !s.hint) continue;
        const where = sideRange(doc, s);
        if (!where) continue;
        // Offered on the step's lines: from its relation to the end of the side it corrects.
        const first = Math.min(s.line - 1, where.start.line);
        const last = Math.max(s.line - 1, where.end.line);
        if (range.end.line < first || range.start.line > last) continue;
        const corrected = s.hint.side === 'rhs' ? s.hint.rhs : s.hint.lhs;
        const action = new vscode.CodeAction(
          `Stepwise: write \`${corrected}\` on the ${s.hint.side === 'rhs' ? 'right' : 'left'} (step ${s.index} then holds)`,
          vscode.CodeActionKind.QuickFix,
        );
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(doc.uri, where, corrected);
        action.isPreferred = true;
        action.diagnostics = context.diagnostics.filter(
          (g) => g.source === 'stepwise' && g.code === 'refuted' && g.range.start.line === s.line - 1,
        );
        out.push(action);
      }
    }
    return out;
  }
}
