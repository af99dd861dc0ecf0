import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FileCheck } from '../../src/extension/check';
import { api, closeAll, diagnostics, lenses, openFixture, replaceLine, setSetting, waitFor } from './helpers';

// checks.md, 0-based: a wrong transposed product opens at 7 (step on 8), a correct step at 11 (on 12), three
// identical probability claims at 15 (on 16), a passing experiment at 19 and a failing one at 24 (check on 25).
const WRONG = 7;
const CORRECT = 11;
const FAILING_CHECK = 25;

const E = vscode.DiagnosticSeverity.Error;
const H = vscode.DiagnosticSeverity.Hint;

const shown = (uri: vscode.Uri) =>
  diagnostics(uri)
    .map((d) => [d.range.start.line, d.severity, d.code] as const)
    .sort((a, b) => a[0] - b[0]);

describe('Check File, severities and the status bar', () => {
  let editor: vscode.TextEditor;
  let uri: vscode.Uri;
  before(async () => {
    editor = await openFixture('checks.md');
    uri = editor.document.uri;
    await vscode.commands.executeCommand('stepwise.clearAllResults');
  });
  after(closeAll);

  it('verifies every derivation and runs every experiment in one command', async () => {
    const r = await vscode.commands.executeCommand<FileCheck>('stepwise.checkFile', uri);
    assert.deepEqual(
      r.derivations?.map((d) => d.steps.map((s) => s.status)),
      [['refuted'], ['verified'], ['unverifiable', 'unverifiable', 'unverifiable']],
    );
    assert.deepEqual(
      r.experiments?.map((x) => x.status),
      ['passed', 'failed'],
    );
  });

  it('lists refuted steps and failed checks as Errors, identical reasons as one Hint', async () => {
    await waitFor('the diagnostics of the check', () => diagnostics(uri).length === 3);
    assert.deepEqual(shown(uri), [
      [WRONG + 1, E, 'refuted'],
      [16, H, 'unverifiable'],
      [FAILING_CHECK, E, 'check-failed'],
    ]);
    assert.match(diagnostics(uri).find((d) => d.severity === H)?.message ?? '', /^3 steps unverifiable/);
  });

  it('follows stepwise.diagnostics.unverifiable', async () => {
    const restore = await setSetting('stepwise.diagnostics.unverifiable', 'warning');
    try {
      await waitFor('Warnings', () => shown(uri).some((d) => d[1] === vscode.DiagnosticSeverity.Warning));
      await setSetting('stepwise.diagnostics.unverifiable', 'off');
      await waitFor('no unverifiable entry', () => shown(uri).every((d) => d[2] !== 'unverifiable'));
      assert.equal(diagnostics(uri).length, 2);
    } finally {
      await restore();
    }
    await waitFor('Hints again', () => shown(uri).some((d) => d[1] === H));
  });

  it('counts steps and experiments in the status bar', async () => {
    const stepwise = await api();
    await waitFor('the status text', () => stepwise.statusText() === 'Stepwise ✓ 1 ✗ 1 ? 3 · ▶ 1/2');
  });

  it('shows the hint in the hover and applies it as a Quick Fix', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(WRONG + 1, 2),
    );
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /\*\*Hint:\*\* it holds with `B\^\\top A\^\\top` on the right/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(WRONG + 1, 0, WRONG + 1, 0),
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.startsWith('Stepwise:'));
    assert.ok(fix?.edit, `a Stepwise Quick Fix among ${actions.map((a) => a.title).join('; ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(WRONG + 1).text, '(A B)^\\top = B^\\top A^\\top');
    const again = await vscode.commands.executeCommand<FileCheck>('stepwise.checkFile', uri);
    assert.equal(again.derivations?.[0]?.steps[0]?.status, 'verified', 'the fixed step verifies');
  });

  it('shows a pending state on the first keystroke in a verified block, never the old ✓', async () => {
    const stepwise = await api();
    await vscode.commands.executeCommand('stepwise.verifyFile', uri);
    const titleAt = async (line: number) =>
      (await lenses(uri)).find((l) => l.line === line && l.command === 'stepwise.verifyDerivation')?.title;
    assert.equal(await titleAt(CORRECT), '✓ 1 verified');
    assert.ok(stepwise.inlineMarks(uri).some((m) => m.line === CORRECT + 1 && m.text === '✓'));
    // One keystroke, and no waiting: the extension's state changes with the edit itself.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(CORRECT + 1, 5), ' ')));
    assert.ok(!stepwise.inlineMarks(uri).some((m) => m.line === CORRECT + 1), 'the old ✓ is gone');
    assert.ok(stepwise.inlineMarks(uri).some((m) => m.line === CORRECT && m.text.startsWith('…')));
    assert.match((await titleAt(CORRECT)) ?? '', /^… changed · Verify/);
    await vscode.commands.executeCommand('stepwise.verifyDerivation', uri, CORRECT);
    assert.equal(await titleAt(CORRECT), '✓ 1 verified');
    assert.ok(!stepwise.inlineMarks(uri).some((m) => m.text.startsWith('…')));
  });

  it('says Verifying at once while typing with verifyOn: type, then checks experiments too', async () => {
    const restore = [
      await setSetting('stepwise.verifyOn', 'type'),
      await setSetting('stepwise.verifyOnTypeDelay', 2000),
    ];
    try {
      await vscode.commands.executeCommand('stepwise.clearAllResults');
      await vscode.commands.executeCommand('stepwise.checkFile', uri);
      const stepwise = await api();
      const before = stepwise.results.get(uri)?.experiments.get(20);
      assert.ok(before, 'the experiment ran');
      // The debounce is long enough that the lens below is read before the automatic check has run.
      await replaceLine(editor, CORRECT + 1, 'x + x = 2 x');
      const title = (await lenses(uri)).find(
        (l) => l.line === CORRECT && l.command === 'stepwise.verifyDerivation',
      );
      assert.equal(title?.title, '$(sync~spin) Verifying…');
      await waitFor('the automatic check, experiments included', () => {
        const e = stepwise.results.get(uri);
        const again = e?.experiments.get(20);
        return (
          e?.version === editor.document.version && e.derivations.size === 3 && again && again !== before
        );
      });
    } finally {
      for (const r of restore.reverse()) await r();
    }
  });
});

describe('results and Problems go with their editors', () => {
  after(closeAll);

  it('clears a file when its last tab closes, not while it is open in another group', async () => {
    const editor = await openFixture('edits.md');
    const uri = editor.document.uri;
    await vscode.commands.executeCommand('stepwise.verifyFile', uri);
    assert.equal(diagnostics(uri).length, 1);
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.Beside);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(diagnostics(uri).length, 1, 'still open in the first group');
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor('the entries to go', () => diagnostics(uri).length === 0);
    assert.equal((await api()).results.get(uri), undefined);
  });

  it('Clear All Results clears every file', async () => {
    const a = (await openFixture('edits.md')).document.uri;
    const b = (await openFixture('checks.md')).document.uri;
    await vscode.commands.executeCommand('stepwise.verifyFile', a);
    await vscode.commands.executeCommand('stepwise.verifyFile', b);
    assert.ok(diagnostics(a).length > 0 && diagnostics(b).length > 0);
    await vscode.commands.executeCommand('stepwise.clearAllResults');
    const stepwise = await api();
    assert.equal(stepwise.results.get(a), undefined);
    assert.equal(stepwise.results.get(b), undefined);
    await waitFor('no results in Problems', () => diagnostics(a).length === 0 && diagnostics(b).length === 0);
  });
});
