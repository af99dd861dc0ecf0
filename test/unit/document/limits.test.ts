// Input limits: a file past them is refused or cut with a message at the place it stopped — never minutes
// of work and gigabytes of memory, never a silent pass.
import assert from 'node:assert/strict';
import { checkFile } from '../../../src/core/check';
import { analyzeDocument, verifyDocument } from '../../../src/core/document';
import { inputLimits } from '../../../src/core/limits';

describe('input limits', () => {
  it('refuses a file over the character limit, before scanning it', async () => {
    const text = '$$a = a$$\n\n'.repeat(Math.ceil(inputLimits.fileChars / 11) + 1);
    const a = analyzeDocument(text);
    assert.equal(a.derivations.length, 0);
    assert.equal(a.diagnostics.length, 1);
    assert.equal(a.diagnostics[0]?.severity, 'error');
    assert.deepEqual([a.diagnostics[0]?.line, a.diagnostics[0]?.column], [1, 1]);
    assert.match(a.diagnostics[0]?.message ?? '', /has [\d,]+ characters; .* up to 2,000,000/);
    const r = await checkFile('big.md', text, { experiments: true });
    assert.equal(r.derivations.length, 0);
    assert.equal(r.experiments.length, 0);
    assert.equal(r.diagnostics.length, 1);
  });

  it('refuses a file over the line limit', () => {
    const a = analyzeDocument('\n'.repeat(inputLimits.fileLines) + '$$a = a$$\n');
    assert.equal(a.derivations.length, 0);
    assert.match(a.diagnostics[0]?.message ?? '', /lines/);
  });

  it('checks the first blocks up to the limit and says where it stopped', () => {
    const block = '$$a = a$$\n';
    const text = block.repeat(inputLimits.blocks + 3);
    const a = analyzeDocument(text);
    assert.equal(a.derivations.length, inputLimits.blocks);
    const limit = a.diagnostics.filter((d) => d.severity === 'warning');
    assert.equal(limit.length, 1);
    assert.equal(limit[0]?.line, inputLimits.blocks + 1, 'on the first block left unchecked');
  });

  it('verifies no more steps than the limit and says where it stopped', () => {
    const chain = Array.from({ length: inputLimits.steps + 2 }, () => 'a').join(' = ');
    const { analysis, derivations } = verifyDocument(`Intro.\n\n$$\nx = x\n$$\n\n$$\n${chain}\n$$\n`);
    assert.equal(derivations.length, 1, 'the first block is checked');
    assert.equal(derivations[0]?.steps[0]?.status, 'verified');
    const limit = analysis.diagnostics.find((d) => /steps/.test(d.message));
    assert.equal(limit?.line, 7);
  });

  it('runs no more experiments than the limit; the rest are skipped with the reason', async () => {
    const text = '```experiment\nx = 1\n```\n\n'.repeat(inputLimits.experiments + 2);
    let runs = 0;
    const r = await checkFile(
      'many.md',
      text,
      { experiments: true },
      {
        verifyDocument,
        runExperimentIsolated: async (b) => {
          runs++;
          return { line: b.line, endLine: b.endLine, status: 'passed', message: '', checks: [], outputs: [] };
        },
      },
    );
    assert.equal(runs, inputLimits.experiments);
    assert.equal(r.experiments.length, inputLimits.experiments + 2);
    assert.deepEqual(
      r.experiments.slice(-2).map((e) => e.status),
      ['skipped', 'skipped'],
    );
    assert.match(r.experiments.at(-1)?.message ?? '', /first 200 experiments/);
  });
});
