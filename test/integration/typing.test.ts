import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, diagnostics, longHomework, setSetting, waitFor } from './helpers';

const BLOCKS = 100;

describe('verifyOn: type in a 1,000-line homework', () => {
  const restore: (() => Promise<void>)[] = [];
  after(async () => {
    for (const r of restore.splice(0).reverse()) await r();
    await closeAll();
  });

  it('re-verifies while typing, cancels stale runs and shows results of the latest text only', async () => {
    const stepwise = await api();
    restore.push(await setSetting('stepwise.verifyOn', 'type'));
    restore.push(await setSetting('stepwise.verifyOnTypeDelay', 50));
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: longHomework() });
    assert.equal(doc.lineCount, 1000);
    const editor = await vscode.window.showTextDocument(doc);
    const blockLines = [...Array(BLOCKS).keys()].map((i) => 6 + i * 10 + 4); // 0-based `$$` lines
    const lastBlock = blockLines.filter((l) => l < 1000 - 2).length;

    // Event-loop lag on the extension host while all this runs: typing stays fluid if it stays small.
    let maxLag = 0;
    let last = performance.now();
    const probe = setInterval(() => {
      const now = performance.now();
      maxLag = Math.max(maxLag, now - last - 10);
      last = now;
    }, 10);
    try {
      // First edit: starts a verification of the whole file after the debounce.
      const started = new Promise<void>((resolve) => {
        const sub = stepwise.results.onDidChange((u) => {
          if (u.toString() === doc.uri.toString() && stepwise.isVerifying(doc.uri)) {
            sub.dispose();
            resolve();
          }
        });
      });
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'Typed.')));
      await started;
      // Second edit while it runs: make Part 50's step wrong. The running verification is now stale.
      const wrongLine = blockLines[49]! + 1;
      const editedWhileRunning = stepwise.isVerifying(doc.uri);
      await editor.edit((b) => b.replace(doc.lineAt(wrongLine).range, '(x + 50)^2 = x^2 + 100x + 2501'));
      assert.ok(editedWhileRunning, 'the edit landed while a verification was running');
      const entry = await waitFor(
        'results for the latest text',
        () => {
          const e = stepwise.results.get(doc.uri);
          return e &&
            e.version === doc.version &&
            !stepwise.isVerifying(doc.uri) &&
            e.derivations.size === lastBlock
            ? e
            : undefined;
        },
        60_000,
      );
      const refuted = [...entry.derivations.values()].filter((d) =>
        d.steps.some((s) => s.status === 'refuted'),
      );
      assert.deepEqual(
        refuted.map((d) => d.line - 1),
        [blockLines[49]],
        'exactly the block edited during the run is refuted',
      );
      const diags = await waitFor('the diagnostic of the edited step', () =>
        diagnostics(doc.uri).length === 1 ? diagnostics(doc.uri) : undefined,
      );
      assert.equal(diags[0]?.range.start.line, wrongLine);
    } finally {
      clearInterval(probe);
    }
    console.log(
      `    1,000-line homework, verifyOn: type: max extension-host event-loop lag ${maxLag.toFixed(0)} ms`,
    );
  });
});
