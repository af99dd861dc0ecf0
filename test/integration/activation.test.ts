import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, api, closeAll, openFixture } from './helpers';

describe('activation', () => {
  after(closeAll);

  it('activates on a Markdown file, quickly, and registers every command', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension present');
    await openFixture('homework.md');
    const stepwise = await api();
    assert.ok(ext.isActive);
    // Printed, not asserted: a timed assertion would be flaky on a shared 2-core machine. Target < 50 ms.
    console.log(`    activate() took ${stepwise.activationMs.toFixed(1)} ms (target < 50 ms)`);
    assert.ok(Number.isFinite(stepwise.activationMs) && stepwise.activationMs >= 0);
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'stepwise.verifyDerivation',
      'stepwise.verifyFile',
      'stepwise.verifySection',
      'stepwise.runExperiment',
      'stepwise.runAllExperiments',
      'stepwise.clearResults',
      'stepwise.showOutput',
      'stepwise.cancel',
    ]) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('declares limited support for untrusted workspaces and activates only on Markdown', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      activationEvents: string[];
      capabilities: { untrustedWorkspaces: { supported: string } };
    };
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(pkg.activationEvents.includes('onLanguage:markdown'));
    assert.ok(!pkg.activationEvents.includes('*'));
  });
});
