import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { splitChunks } from '../../../src/render/chunks';
import { DocumentRenderer, type RenderOptions } from '../../../src/render/document';

const options: RenderOptions = { macros: {}, marks: true, interactive: true, sanitizeRaw: false };
const d2l = path.resolve(__dirname, '../../../../shared/corpus/d2l');

function html(r: DocumentRenderer, text: string): string {
  const out = r.render(text, options);
  return out.blocks.map((b) => `${b.line}-${b.endLine}:${b.html}`).join('\n') + JSON.stringify(out.problems);
}

describe('render/chunks', () => {
  it('splits only where a blank line is followed by a line that starts a new block', () => {
    const text = [
      '# A',
      '',
      'para',
      '',
      '- x',
      '',
      '- y',
      '',
      '```',
      '',
      'code',
      '```',
      '',
      '$$',
      '',
      'a',
      '$$',
      '',
      'end',
    ].join('\n');
    assert.deepEqual(
      splitChunks(text).map((c) => c.line),
      [0, 2, 8, 13, 18],
    );
    assert.equal(
      splitChunks(text)
        .map((c) => c.text)
        .join(''),
      text,
    );
  });

  it('keeps a document with link reference definitions whole', () => {
    assert.equal(splitChunks('[a]\n\ntext\n\n[a]: https://x.org\n').length, 1);
  });

  it('renders every d2l corpus file exactly as a whole-document parse does', function () {
    this.timeout(60000);
    // Three files with the most varied structure (lists with math, quotes, tables, code) keep this quick.
    const files = [
      'preliminaries--linear-algebra.md',
      'appendix-mathematics-for-deep-learning--multivariable-calculus.md',
      'optimization--sgd.md',
    ];
    assert.ok(files.every((f) => readdirSync(d2l).includes(f)));
    for (const f of files) {
      const text = readFileSync(path.join(d2l, f), 'utf8');
      assert.equal(
        html(new DocumentRenderer(), text),
        html(new DocumentRenderer({ chunked: false }), text),
        f,
      );
    }
  });

  it('re-renders a one-character edit inside a formula (as the benchmark does) exactly as a full render', () => {
    const text = readFileSync(path.join(d2l, 'optimization--convexity.md'), 'utf8');
    const open = text.indexOf('$$', text.length / 2) + 2;
    const x = text.indexOf('x', open);
    assert.ok(x > open && x < text.indexOf('$$', open), 'the edit falls inside the formula');
    const edited = text.slice(0, x) + 'y' + text.slice(x + 1);
    const r = new DocumentRenderer();
    r.render(text, options);
    for (const e of [edited, text, edited]) {
      assert.equal(html(r, e), html(new DocumentRenderer(), e));
      assert.equal(r.parsedChunks, 1);
    }
    assert.equal(r.render(text, options).katexCalls, 1);
  });

  it('after edits that move chunks, still renders as a fresh whole-document parse', () => {
    const text = readFileSync(path.join(d2l, 'optimization--convexity.md'), 'utf8');
    const r = new DocumentRenderer();
    r.render(text, options);
    const edits = [
      'Intro line\n\n' + text,
      'Intro line\n\n' + text.replace('$$', '$$\n'),
      text.replace(/\n\n/, '\n\n$$\nx\n'), // an unclosed block swallows the rest
      text,
    ];
    for (const e of edits) assert.equal(html(r, e), html(new DocumentRenderer({ chunked: false }), e));
    assert.equal(r.parsedChunks, 1);
  });
});
