import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  api,
  closeAll,
  diagnostics,
  lenses,
  longHomework,
  openFixture,
  replaceLine,
  setSetting,
  waitFor,
} from './helpers';

// edits.md, 0-based: a wrong block opens at 6 (its step on 7), a correct one at 12.
describe('diagnostics follow edits', () => {
  let editor: vscode.TextEditor;
  let uri: vscode.Uri;
  before(async () => {
    editor = await openFixture('edits.md');
    uri = editor.document.uri;
    await vscode.commands.executeCommand('stepwise.clearResults', uri);
  });
  after(closeAll);

  const verifyTitles = async () =>
    (await lenses(uri))
      .filter((l) => l.command === 'stepwise.verifyDerivation')
      .map((l) => [l.line, l.title]);

  it('sets an Error on the wrong step and none on the correct one', async () => {
    await vscode.commands.executeCommand('stepwise.verifyFile', uri);
    const diags = diagnostics(uri);
    assert.deepEqual(
      diags.map((d) => [d.range.start.line, d.severity]),
      [[7, vscode.DiagnosticSeverity.Error]],
    );
    assert.match(diags[0]!.message, /^step 1: /);
    assert.deepEqual(await verifyTitles(), [
      [6, '✗ step 1 refuted'],
      [12, '✓ 1 verified'],
    ]);
  });

  it('moves diagnostics and results down when lines are inserted above', async () => {
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'An added line.\n\n')));
    await waitFor('the diagnostic to move to line 9', () => diagnostics(uri)[0]?.range.start.line === 9);
    assert.equal(diagnostics(uri).length, 1);
    assert.deepEqual(await verifyTitles(), [
      [8, '✗ step 1 refuted'],
      [14, '✓ 1 verified'],
    ]);
  });

  it('clears the result of a block whose text changes, keeping the others', async () => {
    await replaceLine(editor, 9, '2x + x = 3x');
    await waitFor('the diagnostic to clear', () => diagnostics(uri).length === 0);
    // Its text now differs from what was verified: the lens says so (issue 14), never the old verdict.
    assert.deepEqual(await verifyTitles(), [
      [8, '… changed · Verify · 1 step'],
      [14, '✓ 1 verified'],
    ]);
    await vscode.commands.executeCommand('stepwise.verifyDerivation', uri, 8);
    assert.deepEqual(diagnostics(uri), []);
    assert.deepEqual(await verifyTitles(), [
      [8, '✓ 1 verified'],
      [14, '✓ 1 verified'],
    ]);
  });

  it('never shows a result computed for text that changed while it ran', async () => {
    await vscode.commands.executeCommand('stepwise.clearResults', uri);
    // Keep the worker busy (a long homework, many samples) so that this file's run is still queued when the
    // edit lands; the assertions below hold whichever finishes first.
    const restore = await setSetting('stepwise.samples', 300);
    const long = await vscode.workspace.openTextDocument({ language: 'markdown', content: longHomework() });
    const busy = vscode.commands.executeCommand('stepwise.verifyFile', long.uri);
    const pending = vscode.commands.executeCommand('stepwise.verifyFile', uri);
    await replaceLine(editor, 9, '2x + x = 5x');
    const [, result] = await Promise.all([busy, pending]);
    await restore();
    console.log(
      `    the run ${result === undefined ? 'was stale and dropped' : 'finished before the edit; the edit then cleared its block'}`,
    );
    // Either way the edited block shows no verdict: its new text (now wrong) has not been verified.
    assert.deepEqual(diagnostics(uri), []);
    // A verdict that was shown and then overtaken by the edit leaves the pending state (issue 14).
    const expected = result === undefined ? 'Verify · 1 step' : '… changed · Verify · 1 step';
    assert.equal((await verifyTitles())[0]?.[1], expected);
    await vscode.commands.executeCommand('stepwise.verifyDerivation', uri, 8);
    assert.deepEqual(
      diagnostics(uri).map((d) => d.range.start.line),
      [9],
    );
  });
});

// unverifiable.md, 0-based: probability notation on line 7, a parse error at column 5 of line 11.
describe('unverifiable steps', () => {
  after(closeAll);

  it('are Hints by default, naming the reason, at the offending column for a parse error', async () => {
    const uri = (await openFixture('unverifiable.md')).document.uri;
    await vscode.commands.executeCommand('stepwise.verifyFile', uri);
    const diags = diagnostics(uri).sort((a, b) => a.range.start.line - b.range.start.line);
    assert.deepEqual(
      diags.map((d) => [d.range.start.line, d.range.start.character, d.severity]),
      [
        // at the notation that stops it: `\sim` in `\mathbb{E}_{x \sim p}`
        [7, 14, vscode.DiagnosticSeverity.Hint],
        [11, 4, vscode.DiagnosticSeverity.Hint],
      ],
    );
    assert.match(diags[0]!.message, /^step 1 unverifiable: uses probability notation/);
    assert.match(diags[1]!.message, /^step 1 unverifiable: parse error.*column 5/);
    // Neither block has anything the verifier can read: no lens (lenses.test.ts, 'nothing checkable').
    const titles = (await lenses(uri))
      .filter((l) => l.command === 'stepwise.verifyDerivation')
      .map((l) => l.title);
    assert.deepEqual(titles, []);
  });
});

// declarations.md, 0-based: `<!-- let` on 4; `z \in \mathbb{Q}` (unsupported domain) on 6, `y is real` on 7.
describe('problems with declarations', () => {
  let editor: vscode.TextEditor;
  let uri: vscode.Uri;
  after(closeAll);

  const shown = () =>
    diagnostics(uri)
      .map((d) => [d.range.start.line, d.range.start.character, d.severity] as const)
      .sort((a, b) => a[0] - b[0]);

  it('show as Warnings on their lines as soon as the file is opened, before any verification', async () => {
    editor = await openFixture('declarations.md');
    uri = editor.document.uri;
    const W = vscode.DiagnosticSeverity.Warning;
    await waitFor('the declaration warnings', () => (diagnostics(uri).length === 2 ? true : undefined));
    assert.deepEqual(shown(), [
      [6, 6, W],
      [7, 0, W],
    ]);
    const messages = diagnostics(uri)
      .map((d) => d.message)
      .sort();
    assert.match(messages[0]!, /^declaration not understood: domain \\mathbb\{Q\} is not supported/);
    assert.match(messages[1]!, /^declaration not understood: not a declaration/);
    assert.equal((await api()).results.get(uri), undefined, 'nothing was verified');
  });

  it('follow edits: a fixed line loses its warning, lines moved down carry theirs', async () => {
    await replaceLine(editor, 7, 'y \\in \\mathbb{R}');
    await waitFor('the fixed line to lose its warning', () => diagnostics(uri).length === 1);
    assert.deepEqual(shown(), [[6, 6, vscode.DiagnosticSeverity.Warning]]);
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'Added.\n\n')));
    await waitFor('the warning to move to line 8', () => shown()[0]?.[0] === 8);
    assert.equal(diagnostics(uri).length, 1);
  });

  it('stay beside verification results', async () => {
    await vscode.commands.executeCommand('stepwise.verifyFile', uri);
    await waitFor('the warning after verifying', () => diagnostics(uri).length === 1);
    assert.equal(diagnostics(uri)[0]?.range.start.line, 8);
    await vscode.commands.executeCommand('stepwise.clearResults', uri);
    await waitFor('the warning after clearing results', () => diagnostics(uri).length === 1);
  });
});
