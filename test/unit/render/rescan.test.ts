import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { scanMarkdown } from '../../../src/core';
import { Rescanner } from '../../../src/render/rescan';

const d2l = path.resolve(__dirname, '../../../../shared/corpus/d2l');

/** A small deterministic generator, so a failure names an edit that can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

// Edits that change how the scanner reads what follows: openers and closers of every kind, blank lines.
const inserts = [
  '$',
  '$$',
  '\n',
  '\n\n',
  '```',
  '```math\n',
  '<!--',
  '-->',
  '\\[',
  '\\]',
  '> ',
  '- ',
  'x',
  '`',
  '#',
];

describe('render/rescan', () => {
  it('after every edit, gives the blocks a whole scan of the edited text gives', function () {
    this.timeout(60000);
    const files = readdirSync(d2l)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .slice(0, 6);
    const next = random(7);
    for (const f of files) {
      let text = readFileSync(path.join(d2l, f), 'utf8');
      const r = new Rescanner();
      r.blocks(text);
      for (let e = 0; e < 40; e++) {
        const at = Math.floor(next() * text.length);
        const cut = next() < 0.3 ? Math.floor(next() * 20) : 0;
        const put = next() < 0.8 ? (inserts[Math.floor(next() * inserts.length)] as string) : '';
        text = text.slice(0, at) + put + text.slice(at + cut);
        assert.deepEqual(r.blocks(text), scanMarkdown(text).blocks, `${f}, edit ${e} at ${at}`);
      }
    }
  });

  it('re-scans only the paragraphs around a one-character edit inside a formula', () => {
    const text = readFileSync(path.join(d2l, 'optimization--convexity.md'), 'utf8');
    const open = text.indexOf('$$', text.length / 2) + 2;
    const x = text.indexOf('x', open);
    const r = new Rescanner();
    r.blocks(text);
    const lines = text.split('\n').length;
    const edited = text.slice(0, x) + 'y' + text.slice(x + 1);
    assert.deepEqual(r.blocks(edited), scanMarkdown(edited).blocks);
    assert.ok(r.scannedLines > 0 && r.scannedLines < lines / 10, `${r.scannedLines} of ${lines} lines`);
  });

  it('re-reads the paragraph before a blank line the edit fills', () => {
    const r = new Rescanner();
    r.blocks('a $x\n\ny$ b\n\nc\n');
    const edited = 'a $x\nz\ny$ b\n\nc\n';
    assert.deepEqual(r.blocks(edited), scanMarkdown(edited).blocks);
    assert.equal(r.blocks(edited).length, 1);
  });

  it('scans on to the end when the edit leaves a block open', () => {
    const text = 'a\n\n$$\nx\n$$\n\nb $y$\n\nc\n';
    const r = new Rescanner();
    r.blocks(text);
    const edited = text.replace('$$\nx\n$$', '```\nx\n$$');
    assert.deepEqual(r.blocks(edited), scanMarkdown(edited).blocks);
    assert.equal(r.scannedLines, edited.split('\n').length - 1);
  });
});
