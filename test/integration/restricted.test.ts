import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DerivationResult, ExperimentResult } from '../../src/core/types';
import { api, closeAll, lenses, openFixture, waitFor } from './helpers';

// restricted.md, 0-based: a derivation opens at 6, an experiment fence at 10.
// The test host runs with workspace trust disabled (everything trusted) and VS Code gives extensions no way
// to revoke trust, so Restricted Mode is simulated through the extension's test hook, which feeds the same
// gate (`vscode.workspace.isTrusted && !simulated`) that lenses and the run command consult.
describe('Restricted Mode', () => {
  let uri: vscode.Uri;
  before(async () => {
    uri = (await openFixture('restricted.md')).document.uri;
    await vscode.commands.executeCommand('stepwise.clearResults', uri);
  });
  after(async () => {
    (await api()).simulateRestrictedMode(false);
    await closeAll();
  });

  const runLens = async () => (await lenses(uri)).find((l) => l.line === 10);

  it('shows the Run lens when trusted (the runner is built into the extension)', async () => {
    // The packaged extension always carries the runner: a missing lens is a failure, never a skip.
    const lens = await waitFor('the Run lens', runLens);
    assert.equal(lens.title, '▶ Run');
    assert.equal(lens.command, 'stepwise.runExperiment');
  });

  it('in Restricted Mode the lens says why, the command refuses, and derivations still verify', async () => {
    const stepwise = await api();
    stepwise.simulateRestrictedMode(true);
    const lens = await waitFor('the restricted lens', async () => {
      const l = await runLens();
      return l && l.title.includes('Restricted Mode') ? l : undefined;
    });
    assert.equal(
      lens.title,
      '▶ Run — blocked in Restricted Mode (experiments run only in trusted workspaces)',
    );
    assert.equal(lens.command, 'stepwise.explainRestricted');
    const ran = await vscode.commands.executeCommand<ExperimentResult[] | undefined>(
      'stepwise.runExperiment',
      uri,
      10,
    );
    assert.equal(ran, undefined, 'nothing ran');
    assert.equal(stepwise.results.get(uri)?.experiments.size ?? 0, 0);
    const all = await vscode.commands.executeCommand<ExperimentResult[] | undefined>(
      'stepwise.runAllExperiments',
      uri,
    );
    assert.equal(all, undefined);
    const verified = await vscode.commands.executeCommand<DerivationResult[]>(
      'stepwise.verifyDerivation',
      uri,
      6,
    );
    assert.equal(verified?.[0]?.steps[0]?.status, 'verified');
  });

  it('runs the experiment once trusted again', async () => {
    const stepwise = await api();
    stepwise.simulateRestrictedMode(false);
    await waitFor('the Run lens back', async () => (await runLens())?.title === '▶ Run');
    const ran = await vscode.commands.executeCommand<ExperimentResult[] | undefined>(
      'stepwise.runExperiment',
      uri,
      10,
    );
    assert.equal(ran?.[0]?.status, 'passed', ran?.[0]?.message);
    assert.match((await runLens())?.title ?? '', /^✓ passed/);
  });
});
