// The example files are part of the definition of done: every experiment of examples/experiments.md
// passes, and the mistakes file holds one that fails.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runExperiment } from '../../../src/core/experiment/run';
import { scanMarkdown } from '../../../src/core/markdown/scanner';

function experimentsOf(file: string) {
  const text = readFileSync(path.join(__dirname, '../../../examples', file), 'utf8');
  return scanMarkdown(text).blocks.flatMap((b) => (b.kind === 'experiment' ? [b] : []));
}

describe('example experiments', () => {
  it('every experiment of examples/experiments.md passes, one per homework topic or more', () => {
    const blocks = experimentsOf('experiments.md');
    assert.ok(blocks.length >= 5);
    for (const b of blocks) {
      const r = runExperiment(b, { memoryMb: 512 });
      assert.equal(r.status, 'passed', `${b.title}: ${r.message}`);
      assert.ok(r.checks.length > 0, `${b.title} checks something`);
    }
  });

  it('examples/mistakes-experiments.md has a failing check, reported on its line', () => {
    const results = experimentsOf('mistakes-experiments.md').map((b) => runExperiment(b));
    const failed = results.filter((r) => r.status === 'failed');
    assert.equal(failed.length, 1);
    assert.match(
      failed[0]?.message ?? '',
      /check "sigmoid\(dropout\(x\)\) = dropout\(sigmoid\(x\)\)" failed on line 19: max \|/,
    );
  });
});
