import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkFile } from '../../../src/core/check';

const file = path.join(__dirname, '../../../examples/calculus.md');

describe('examples/calculus.md', function () {
  this.timeout(30_000);

  it('comes out as each block says: the verdict word before it names the status', async () => {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const r = await checkFile('calculus.md', text, { experiments: false });
    const steps = r.derivations.flatMap((d) => d.steps);
    assert.ok(steps.length >= 18);
    for (const d of r.derivations) {
      // The nearest paragraph above that names a status.
      let expected: string | undefined;
      for (let i = d.line - 2; i >= 0 && !expected; i--)
        expected = /^(Verified|Refuted|Unverifiable)\b/.exec(lines[i] ?? '')?.[1]?.toLowerCase();
      for (const s of d.steps)
        assert.equal(s.status, expected, `line ${s.line}: ${s.lhs} ${s.relation} ${s.rhs}: ${s.message}`);
    }
  });
});
