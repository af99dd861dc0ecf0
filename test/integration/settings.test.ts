import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DerivationResult } from '../../src/core/types';
import { closeAll, lenses, openFixture, setSetting, waitFor } from './helpers';

describe('settings take effect', () => {
  let uri: vscode.Uri;
  const restore: (() => Promise<void>)[] = [];
  before(async () => {
    uri = (await openFixture('homework.md')).document.uri;
  });
  afterEach(async () => {
    for (const r of restore.splice(0).reverse()) await r();
  });
  after(closeAll);

  it('turns each kind of lens off', async () => {
    const commands = async () => new Set((await lenses(uri)).map((l) => l.command));
    assert.ok((await commands()).has('stepwise.verifyDerivation'));
    restore.push(await setSetting('stepwise.codeLens.derivations', false));
    await waitFor(
      'derivation lenses to go',
      async () => !(await commands()).has('stepwise.verifyDerivation'),
    );
    assert.ok((await commands()).has('stepwise.verifySection'), 'section lenses stay');
    restore.push(await setSetting('stepwise.codeLens.sections', false));
    await waitFor('section lenses to go', async () => !(await commands()).has('stepwise.verifySection'));
    restore.push(await setSetting('stepwise.codeLens.experiments', false));
    await waitFor('every lens to go', async () => (await lenses(uri)).length === 0);
  });

  it('uses the samples setting', async () => {
    const run = async () =>
      (await vscode.commands.executeCommand<DerivationResult[]>('stepwise.verifyDerivation', uri, 12))?.[0]
        ?.steps[0]?.samples;
    const byDefault = await run();
    restore.push(await setSetting('stepwise.samples', 5));
    const fewer = await run();
    assert.equal(byDefault, 24);
    assert.equal(fewer, 5);
  });

  it('reads verifyOn: save', async () => {
    restore.push(await setSetting('stepwise.verifyOn', 'save'));
    await vscode.commands.executeCommand('stepwise.clearResults', uri);
    // The runner opens a temporary copy of the fixture workspace, so saving here never touches the repository.
    const editor = vscode.window.visibleTextEditors.find(
      (e) => e.document.uri.toString() === uri.toString(),
    )!;
    assert.ok(
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\nSaved.\n')),
    );
    const title = async () =>
      (await lenses(uri)).find((l) => l.line === 12 && l.command === 'stepwise.verifyDerivation')?.title;
    assert.equal(await title(), 'Verify · 2 steps', 'not verified before the save');
    assert.ok(await editor.document.save());
    await waitFor('verification on save', async () => (await title()) === '✓ 2 verified');
  });
});
