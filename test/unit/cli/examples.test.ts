import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkFile } from '../../../src/core/check';
import { buildReport, reportExitCode, validateReport } from '../../../src/core/report/json';

const examples = path.join(__dirname, '../../../examples');
const load = (name: string): string => readFileSync(path.join(examples, name), 'utf8');

describe('examples', function () {
  this.timeout(30_000);

  it('homework.md verifies clean: nothing refuted, every unverifiable step explained', async () => {
    const r = await checkFile('homework.md', load('homework.md'), { experiments: false });
    assert.deepEqual(validateReport(buildReport([r])), []);
    const steps = r.derivations.flatMap((d) => d.steps);
    assert.deepEqual(
      steps.filter((s) => s.status === 'refuted').map((s) => `${s.line}: ${s.lhs} ${s.relation} ${s.rhs}`),
      [],
    );
    assert.equal(reportExitCode(buildReport([r])), 0);
    assert.ok(steps.filter((s) => s.status === 'verified').length >= 20);
    for (const s of steps.filter((x) => x.status === 'unverifiable'))
      assert.ok(s.message.length > 10, s.message);
    assert.deepEqual(r.diagnostics, []);
  });

  it('mistakes.md has each marked mistake refuted at its line, and only those', async () => {
    const text = load('mistakes.md');
    const lines = text.split('\n');
    // The line after the `$$` that follows each "**Mistake N**" marker holds the wrong step.
    const expected: number[] = [];
    lines.forEach((l, i) => {
      if (!/^\*\*Mistake \d+\*\*/.test(l)) return;
      const open = lines.findIndex((x, j) => j > i && x.trim() === '$$');
      expected.push(open + 2);
    });
    assert.equal(expected.length, 7);
    const r = await checkFile('mistakes.md', text, { experiments: false });
    const steps = r.derivations.flatMap((d) => d.steps);
    const refuted = steps.filter((s) => s.status === 'refuted');
    assert.deepEqual(
      refuted.map((s) => s.line),
      expected,
    );
    for (const s of refuted) assert.ok(s.counterexample !== null, `${s.line} has no counterexample`);
    assert.equal(steps.filter((s) => s.status === 'unverifiable').length, 0);
    assert.equal(reportExitCode(buildReport([r])), 1);
  });
});
