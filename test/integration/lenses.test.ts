import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DerivationResult } from '../../src/core/types';
import { api, closeAll, diagnostics, lenses, openFixture, waitFor } from './helpers';

// homework.md, 0-based lines: headings at 0, 8, 16, 25; derivations open at 12 (correct, 2 steps) and
// 18 (aligned, step 2 wrong on line 21); the experiment fence at 27.
const CORRECT = 12;
const WRONG = 18;
const WRONG_STEP_LINE = 21;

const titleAt = async (uri: vscode.Uri, line: number, prefix = '') =>
  (await lenses(uri))
    .filter((l) => l.line === line && l.command !== 'stepwise.verifySection' && l.title.startsWith(prefix))
    .map((l) => l.title);

describe('CodeLenses and diagnostics on homework.md', () => {
  let uri: vscode.Uri;
  before(async () => {
    uri = (await openFixture('homework.md')).document.uri;
    await vscode.commands.executeCommand('stepwise.clearResults', uri);
  });
  after(async () => {
    await vscode.commands.executeCommand('stepwise.clearResults', uri);
    await closeAll();
  });

  it('shows Verify lenses with step counts and Verify section above headings with claims', async () => {
    // The first lenses of a window may come in a second round while the worker loads: poll.
    const all = await waitFor('the lenses', async () => {
      const l = await lenses(uri);
      return l.length > 0 ? l : undefined;
    });
    const verify = all.filter((l) => l.command === 'stepwise.verifyDerivation');
    assert.deepEqual(
      verify.map((l) => [l.line, l.title]),
      [
        [CORRECT, 'Verify · 2 steps'],
        [WRONG, 'Verify · 2 steps'],
      ],
    );
    // Lens arguments are (uri, 0-based line of the opening delimiter), as the preview calls them too.
    assert.equal(String(verify[0]?.args[0]), uri.toString());
    assert.equal(verify[0]?.args[1], CORRECT);
    const sections = all.filter((l) => l.command === 'stepwise.verifySection');
    assert.deepEqual(
      sections.map((l) => [l.line, l.title]),
      [
        [0, 'Verify section'],
        [8, 'Verify section'],
        [16, 'Verify section'],
      ],
      'the experiment-only section (line 25) has no Verify section lens',
    );
  });

  it('verifies a correct derivation: ✓ 2 verified and no diagnostic', async () => {
    const results = await vscode.commands.executeCommand<DerivationResult[]>(
      'stepwise.verifyDerivation',
      uri,
      CORRECT,
    );
    assert.ok(results, 'the command returns its results');
    assert.deepEqual(
      results[0]?.steps.map((s) => s.status),
      ['verified', 'verified'],
    );
    assert.deepEqual(await titleAt(uri, CORRECT), ['✓ 2 verified']);
    assert.deepEqual(
      diagnostics(uri).filter((d) => d.range.start.line >= CORRECT && d.range.start.line <= CORRECT + 2),
      [],
    );
  });

  it('refutes the wrong step: an Error on its own line with the counterexample, and the lens says which', async () => {
    await vscode.commands.executeCommand('stepwise.verifyDerivation', uri, WRONG);
    assert.deepEqual(await titleAt(uri, WRONG), ['✗ step 2 refuted · ✓ 1 verified']);
    const diags = await waitFor('the refuted diagnostic', () => {
      const d = diagnostics(uri);
      return d.length > 0 ? d : undefined;
    });
    assert.equal(diags.length, 1);
    const d = diags[0]!;
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.range.start.line, WRONG_STEP_LINE);
    assert.match(d.message, /^step 2: .*≠.* at x = /);
  });

  it('explains a step in its hover: status, samples and the counterexample table', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(WRONG_STEP_LINE, 14),
    );
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /Step 2 refuted/);
    assert.match(text, /Samples evaluated: \d+/);
    assert.match(text, /\| symbol \| value \|/);
    assert.match(text, /\| x \| /);
  });

  it('verifies at the cursor when called without arguments', async () => {
    await vscode.commands.executeCommand('stepwise.clearResults', uri);
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(CORRECT + 1, 3, CORRECT + 1, 3);
    const results = await vscode.commands.executeCommand<DerivationResult[]>('stepwise.verifyDerivation');
    assert.equal(results?.length, 1);
    assert.equal(results?.[0]?.line, CORRECT + 1);
    assert.deepEqual(await titleAt(uri, WRONG), ['Verify · 2 steps'], 'the other block was not verified');
  });

  it('Verify section verifies only the derivations under that heading', async () => {
    await vscode.commands.executeCommand('stepwise.clearResults', uri);
    const results = await vscode.commands.executeCommand<DerivationResult[]>(
      'stepwise.verifySection',
      uri,
      16,
    );
    assert.deepEqual(
      results?.map((r) => r.line),
      [WRONG + 1],
    );
    assert.deepEqual(await titleAt(uri, CORRECT), ['Verify · 2 steps']);
  });

  it('Verify File, the status counts and Clear Results', async () => {
    const stepwise = await api();
    await vscode.commands.executeCommand('stepwise.verifyFile', uri);
    const entry = stepwise.results.get(uri);
    const statuses = [...(entry?.derivations.values() ?? [])]
      .flatMap((r) => r.steps.map((s) => s.status))
      .sort();
    assert.deepEqual(statuses, ['refuted', 'verified', 'verified', 'verified']);
    await vscode.commands.executeCommand('stepwise.clearResults', uri);
    assert.deepEqual(diagnostics(uri), []);
    assert.deepEqual(await titleAt(uri, WRONG), ['Verify · 2 steps']);
  });
});

// nothing.md, 0-based: a section whose only block cannot be read (opens at 6, parse error on 7), then a
// section (10) with a correct block opening at 12.
describe('a block with nothing checkable', () => {
  after(closeAll);

  const shown = async (uri: vscode.Uri) =>
    (await lenses(uri)).map((l) => [l.line, l.command === 'stepwise.verifySection' ? 'section' : l.title]);

  it('has no lens, nor does its section, before a run and after it; its reason is a Hint', async () => {
    const uri = (await openFixture('nothing.md')).document.uri;
    await vscode.commands.executeCommand('stepwise.clearResults', uri);
    const before = await waitFor('the lenses', async () => {
      const l = await shown(uri);
      return l.length > 0 ? l : undefined;
    });
    assert.deepEqual(before, [
      [10, 'section'],
      [12, 'Verify · 1 step'],
    ]);
    await vscode.commands.executeCommand('stepwise.verifyFile', uri);
    assert.deepEqual(await shown(uri), [
      [10, 'section'],
      [12, '✓ 1 verified'],
    ]);
    assert.deepEqual(
      diagnostics(uri).map((d) => [d.range.start.line, d.severity, d.code]),
      [[7, vscode.DiagnosticSeverity.Hint, 'unverifiable']],
    );
  });
});
