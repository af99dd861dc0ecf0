// The README is the first thing a student tries: its declaration example must read without a warning and
// its experiment must pass, or the guide teaches something the product does not do.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeDocument } from '../../../src/core/document';
import { runExperiment } from '../../../src/core/experiment/run';
import { scanMarkdown } from '../../../src/core/markdown/scanner';

const readme = readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');

/** The bodies of the README's fenced examples with the given info string (fences of four backticks too). */
function fenced(info: string): string[] {
  const re = new RegExp('^(`{3,4})' + info + '\\n([\\s\\S]*?)^\\1$', 'gm');
  return [...readme.matchAll(re)].map((m) => m[2] ?? '');
}

describe('README examples', () => {
  it('the declaration example declares every symbol without a warning', () => {
    const [example] = fenced('markdown').filter((b) => b.includes('<!-- let'));
    assert.ok(example, 'README has a <!-- let --> example');
    const doc = `${example}\n$$\n\\sigma(A x + b) = \\sigma(A x + b)\n$$\n`;
    const analysis = analyzeDocument(doc);
    assert.deepEqual(
      analysis.diagnostics.map((d) => d.message),
      [],
    );
    assert.equal(analysis.derivations.length, 1);
  });

  it('the experiment example passes both its checks', () => {
    const [example] = fenced('markdown').filter((b) => b.includes('```experiment'));
    assert.ok(example, 'README has an experiment example');
    const blocks = scanMarkdown(example).blocks.flatMap((b) => (b.kind === 'experiment' ? [b] : []));
    assert.equal(blocks.length, 1);
    const r = runExperiment(blocks[0]!);
    assert.equal(r.status, 'passed', r.message);
    assert.equal(r.checks.length, 2);
  });
});

describe('README reasons table', () => {
  it('lists exactly the reason codes of the core', () => {
    const types = readFileSync(path.join(__dirname, '../../../src/core/types.ts'), 'utf8');
    const union = /export type ReasonCode =([\s\S]*?');\n/.exec(types)?.[1] ?? '';
    const codes = [...union.matchAll(/\| '([a-z-]+)'/g)].map((m) => m[1]).sort();
    assert.ok(codes.length >= 10, 'the union was found');
    const table = [...readme.matchAll(/^\| `([a-z-]+)` +\|/gm)]
      .map((m) => m[1])
      .filter((c) => c !== 'reason')
      .sort();
    assert.deepEqual(table, codes);
  });
});
