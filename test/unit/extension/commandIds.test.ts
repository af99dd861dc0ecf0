import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CommandId } from '../../../src/extension/commandIds';

// package.json and the table of ids must name the same commands: the lenses, status bar and preview call
// commands only through the table, so an id missing on either side would be a button that does nothing.
describe('extension/commandIds', () => {
  it('declares every command of the table in package.json, and the preview commands besides', () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
      contributes: { commands: { command: string }[] };
    };
    const declared = pkg.contributes.commands.map((c) => c.command).sort();
    const preview = ['stepwise.exportHtml', 'stepwise.openPreviewToSide'];
    assert.deepEqual(declared, [...Object.values(CommandId), ...preview].sort());
  });
});
