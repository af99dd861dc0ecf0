import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { scanMarkdown } from '../../../src/core/markdown/scanner';
import { DocumentRenderer, type RenderOptions } from '../../../src/render/document';

// The preview and the verifier must agree on where every formula is: marks, KaTeX diagnostics and scroll
// sync all use the preview's positions, results and Problems use the scanner's.
const corpus = path.resolve(__dirname, '../../../../shared/corpus/d2l');
const options: RenderOptions = { macros: {}, marks: false, interactive: false, sanitizeRaw: true };

/** The scanner's formulas as the preview states them: TeX, 0-based line and column of its first character. */
function scanned(text: string): string[] {
  return scanMarkdown(text).blocks.flatMap((b) => {
    if (b.kind !== 'display' && b.kind !== 'inline') return [];
    const first = b.tex.lines[0];
    return first ? [`${first.line - 1}:${first.column - 1} ${b.tex.text.trim()}`] : [];
  });
}

function previewed(text: string): string[] {
  return new DocumentRenderer().formulaPlaces(text).map((f) => `${f.line}:${f.column} ${f.tex.trim()}`);
}

describe('render: formula positions', () => {
  const files = readdirSync(corpus).filter((f) => f.endsWith('.md'));

  it('finds the d2l corpus', () => {
    assert.ok(files.length >= 10, `expected the d2l corpus at ${corpus}`);
  });

  for (const file of files) {
    it(`places every formula of ${file} where the scanner does`, () => {
      const text = readFileSync(path.join(corpus, file), 'utf8');
      const mine = previewed(text);
      const theirs = scanned(text);
      assert.ok(theirs.length > 0);
      assert.deepEqual([...mine].sort(), [...theirs].sort());
    });
  }

  it('gives math in image alt text its own line and column, and keeps its source in the alt', () => {
    const text = [
      '# Figures', //                                              0
      '', //                                                       1
      'Some text with $a$ first.', //                             2
      '', //                                                       3
      '> ![The map $f(x) = x^2$ and', //                          4
      '> its slope $\\frac{1{2}$.](plot.png) and $b$ after', //   5
    ].join('\n');
    const places = new DocumentRenderer().formulaPlaces(text);
    assert.deepEqual(
      places.map((p) => [p.tex, p.line, p.column]),
      [
        ['a', 2, 16],
        ['f(x) = x^2', 4, 13],
        ['\\frac{1{2}', 5, 13],
        ['b', 5, 42],
      ],
    );
    const out = new DocumentRenderer().render(text, options);
    const html = out.blocks.map((b) => b.html).join('');
    assert.match(html, /alt="The map \$f\(x\) = x\^2\$ and\nits slope \$\\frac\{1\{2\}\$\."/);
    // A KaTeX error in alt text is reported at its own place, not at the top of the file.
    assert.equal(out.problems.length, 1);
    assert.equal(out.problems[0]?.line, 5);
  });

  it('keeps alt-text positions after an edit above moves the cached paragraph', () => {
    const renderer = new DocumentRenderer();
    const body = ['', '![a plot of $y$](p.png)', '', 'end'];
    renderer.formulaPlaces(['# T', ...body].join('\n'));
    const moved = renderer.formulaPlaces(['# T', 'one more line', '', ...body].join('\n'));
    assert.deepEqual(
      moved.map((p) => [p.tex, p.line, p.column]),
      [['y', 4, 13]],
    );
  });

  it('places math in table cells on its row, the same formula twice in one row at its own column', () => {
    const text = ['| a | b |', '|---|--:|', '| $x$ | $x$ |', '|  $y=1$ | z |'].join('\n');
    const places = new DocumentRenderer().formulaPlaces(text);
    assert.deepEqual(
      places.map((p) => [p.tex, p.line, p.column]),
      [
        ['x', 2, 3],
        ['x', 2, 9],
        ['y=1', 3, 4],
      ],
    );
    assert.deepEqual(previewed(text).sort(), scanned(text).sort());
  });

  it('keeps a list item whole when a lazy `$$…$$` line continues its paragraph', () => {
    const text = ['1. Let $a$ be:', '$$b = c$$', '    * nested $d.$', '    * more $e.$'].join('\n');
    assert.deepEqual(previewed(text).sort(), scanned(text).sort());
    const html = new DocumentRenderer()
      .render(text, options)
      .blocks.map((b) => b.html)
      .join('');
    assert.doesNotMatch(html, /<pre|<code/);
    assert.match(html, /<ul\b/);
  });
});
