import assert from 'node:assert/strict';
import { DocumentRenderer, type RenderOptions } from '../../../src/render/document';

const options: RenderOptions = { macros: {}, marks: true, interactive: false, sanitizeRaw: false };

describe('render/document', () => {
  it('finds display math as blocks in lists, quotes, admonitions and math fences, with their lines', () => {
    const text = [
      '- item', //           0
      '  $$', //             1
      '  a = b', //          2
      '  $$', //             3
      '', //                 4
      '> $$c \\le d$$', //   5
      '', //                 6
      '!!! note "N"', //     7
      '    $$', //           8
      '    e = f', //        9
      '    $$', //           10
      '', //                 11
      '```math', //          12
      'g = h', //            13
      '```', //              14
      '', //                 15
      '\\[ i = j \\]', //    16
    ].join('\n');
    const out = new DocumentRenderer().render(text, options);
    assert.deepEqual(
      out.blocks.map((b) => [b.line, b.endLine, (b.html.match(/sw-math-block/g) ?? []).length]),
      [
        [0, 5, 1],
        [5, 6, 1],
        [7, 11, 1],
        [12, 15, 1],
        [16, 17, 1],
      ],
    );
    assert.equal(out.formulas, 5);
    assert.deepEqual(out.problems, []);
  });

  it('reads inline math but not prices or escaped dollars', () => {
    const out = new DocumentRenderer().render(
      'Costs $5 and $6, \\$x\\$, but $x^2$ and \\(y\\) are math.',
      options,
    );
    assert.equal(out.formulas, 2);
  });

  it('reports a KaTeX error at its file line and column and shows the source', () => {
    const out = new DocumentRenderer().render('para\n\n> $$\n> x = \\frac{1}{\n> $$\n', options);
    assert.deepEqual(out.problems, [
      { line: 3, column: 15, message: "Unexpected end of input in a macro argument, expected '}'" },
    ]);
    assert.match(out.blocks[1]?.html ?? '', /sw-katex-error.*\\frac\{1\}\{/s);
  });

  it('serves unchanged formulas from the cache and re-renders those whose macros changed', () => {
    const r = new DocumentRenderer();
    const text = '$$\\def\\w{W}$$\n\n$$\\w x$$\n\n$$y = 1$$\n';
    assert.equal(r.render(text, options).katexCalls, 3);
    assert.equal(r.render(text.replace('y = 1', 'y = 2'), options).katexCalls, 2); // the definition + the edit
    // A new definition changes the fingerprint: the formula using it renders again.
    assert.equal(r.render(text.replace('{W}', '{V}').replace('y = 1', 'y = 2'), options).katexCalls, 3);
  });

  it('keeps block HTML free of absolute lines so an edit above does not change blocks below', () => {
    const r = new DocumentRenderer();
    const a = r.render('# T\n\n$$a = b$$\n', options).blocks.map((b) => b.html);
    const b = r.render('# T\n\nnew\n\n$$a = b$$\n', options).blocks.map((b) => b.html);
    assert.equal(a[1], b[2]);
  });

  it('marks raw HTML blocks for sanitising, or sanitises them itself for the export', () => {
    const text = '<script>x()</script>\n\ntext <b>b</b>\n\nplain\n';
    assert.deepEqual(
      new DocumentRenderer().render(text, options).blocks.map((b) => b.raw),
      [true, true, false],
    );
    const exported = new DocumentRenderer().render(text, { ...options, sanitizeRaw: true }).blocks;
    assert.doesNotMatch(exported.map((b) => b.html).join(''), /<script/);
    assert.deepEqual(
      exported.map((b) => b.raw),
      [false, false, false],
    );
  });

  it('does not let a document fake a verification mark with \\htmlClass', () => {
    const out = new DocumentRenderer().render('$$a \\htmlClass{sw-step sw-ok}{=} b$$', options);
    assert.doesNotMatch(out.blocks[0]?.html ?? '', /class="[^"]*sw-ok/);
  });

  it('resolves relative image paths against the base URI only', () => {
    const out = new DocumentRenderer().render('![a](fig.png) ![b](https://x.org/y.png)', {
      ...options,
      baseUri: 'https://file+.vscode-resource/hw/',
    });
    assert.match(out.blocks[0]?.html ?? '', /src="https:\/\/file\+\.vscode-resource\/hw\/fig\.png"/);
    assert.match(out.blocks[0]?.html ?? '', /src="https:\/\/x\.org\/y\.png"/);
  });
});

describe('render/document definitions', () => {
  it('shows a block of definitions as the list of macros it defines', () => {
    const out = new DocumentRenderer().render(
      '$$\n\\newcommand{\\E}{\\mathbb{E}}\n\\def\\norm#1{\\left\\|#1\\right\\|}\n$$\n\n$$\\E \\norm{x}$$\n',
      options,
    );
    assert.match(out.blocks[0]?.html ?? '', /sw-defs.*<code>\\E<\/code> <code>\\norm<\/code>/s);
    assert.doesNotMatch(out.blocks[1]?.html ?? '', /sw-defs|sw-katex-error/);
  });

  it('renders a block that defines and also writes math as math', () => {
    const out = new DocumentRenderer().render('$$\\def\\a{A} \\a = 1$$\n', options);
    assert.doesNotMatch(out.blocks[0]?.html ?? '', /sw-defs/);
    assert.match(out.blocks[0]?.html ?? '', /katex-display/);
  });
});
