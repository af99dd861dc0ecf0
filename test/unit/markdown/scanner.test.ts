import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { scanMarkdown } from '../../../src/core/markdown/scanner';
import { texPos, type MdBlock, type TexSource } from '../../../src/core/markdown/types';

const math = (md: string): string[] =>
  scanMarkdown(md)
    .blocks.filter((b) => b.kind === 'display' || b.kind === 'inline')
    .map((b) => (b.kind === 'display' || b.kind === 'inline' ? b.tex.text : ''));

const only = <K extends MdBlock['kind']>(md: string, kind: K): Extract<MdBlock, { kind: K }>[] =>
  scanMarkdown(md).blocks.filter((b): b is Extract<MdBlock, { kind: K }> => b.kind === kind);

/** Asserts every non-newline character of `src` sits at its mapped place in `md`. */
function assertMapped(md: string, src: TexSource): void {
  const lines = md.split(/\r?\n/);
  for (let k = 0; k < src.text.length; k++) {
    if (src.text[k] === '\n') continue;
    const pos = texPos(src, k);
    assert.equal(
      lines[pos.line - 1]?.[pos.column - 1],
      src.text[k],
      `offset ${k} → ${pos.line}:${pos.column}`,
    );
  }
}

describe('scanMarkdown', () => {
  describe('display math', () => {
    it('reads $$ … $$ on one line and over many lines, with the delimiter lines', () => {
      const md = 'intro\n\n$$a = b$$\n\n$$\nx\n= y\n$$\n';
      const d = only(md, 'display');
      assert.deepEqual(
        d.map((b) => [b.delimiter, b.tex.text, b.line, b.endLine]),
        [
          ['$$', 'a = b', 3, 3],
          ['$$', '\nx\n= y\n', 5, 8],
        ],
      );
    });

    it('opens $$ mid-line after text, as in d2l lists and bold wrappers', () => {
      const md = '(**$$\\|x\\|_1 = \\sum_i |x_i|.$$**)\n1. scale: $$\\|a x\\| = |a| \\|x\\|.$$';
      assert.deepEqual(math(md), ['\\|x\\|_1 = \\sum_i |x_i|.', '\\|a x\\| = |a| \\|x\\|.']);
    });

    it('strips list indentation, block quotes and admonition indentation, keeping columns', () => {
      const md =
        '- item\n\n    $$\n    a = b\n    $$\n\n> q\n> $$c\n>   = d$$\n\n!!! note "N"\n    $$e = f$$\n';
      const d = only(md, 'display');
      assert.deepEqual(
        d.map((b) => b.tex.text),
        ['\na = b\n', 'c\n= d', 'e = f'],
      );
      for (const b of d) assertMapped(md, b.tex);
      assert.deepEqual(texPos(d[1]!.tex, 2), { line: 9, column: 5 });
    });

    it('ends a block quote container at a line without the marker', () => {
      const md = '> $$a = b\n> c\nplain $x$ text';
      const r = scanMarkdown(md);
      const d = only(md, 'display');
      assert.equal(d.length, 1);
      assert.equal(d[0]?.tex.text, 'a = b\nc');
      assert.equal(r.diagnostics?.[0]?.line, 1);
      assert.deepEqual(math(md).slice(1), ['x']);
    });

    it('reads \\[ … \\] and ```math fences', () => {
      const md = 'See \\[ a^2 = b \\] and\n\n```math\ne^{i\\pi} = -1\n```\n';
      const d = only(md, 'display');
      assert.deepEqual(
        d.map((b) => [b.delimiter, b.tex.text, b.line, b.endLine]),
        [
          ['\\[', ' a^2 = b ', 1, 1],
          ['math-fence', 'e^{i\\pi} = -1', 3, 5],
        ],
      );
      assert.deepEqual(texPos(d[1]!.tex, 0), { line: 4, column: 1 });
    });

    it('treats an escaped \\[ without a closing \\] as plain text', () => {
      assert.deepEqual(only('a \\[1] b $x$', 'display'), []);
      assert.deepEqual(math('a \\[1] b $x$'), ['x']);
    });

    it('ends an unclosed $$ at the next blank line with a warning, and keeps scanning', () => {
      const md = 'text $$ a = b\nc\n\nlater $y$\n$$z$$';
      const r = scanMarkdown(md);
      assert.deepEqual(math(md), [' a = b\nc', 'y', 'z']);
      assert.equal(r.diagnostics?.length, 1);
      assert.deepEqual([r.diagnostics?.[0]?.line, r.diagnostics?.[0]?.column], [1, 6]);
      assert.match(r.diagnostics?.[0]?.message ?? '', /unclosed \$\$/);
    });

    it('never lets $$ cross a blank line (TeX forbids it): the block ends there', () => {
      const r = scanMarkdown('$$\na\n\nb\n$$');
      assert.deepEqual(math('$$\na\n\nb\n$$'), ['\na', '']);
      assert.equal(r.diagnostics?.length, 2);
    });

    it('does not look for a closing $$ inside a following code fence', () => {
      const r = scanMarkdown('$$ a = b\n```\n$$\n```\n');
      assert.deepEqual(math('$$ a = b\n```\n$$\n```\n'), [' a = b']);
      assert.equal(r.diagnostics?.length, 1);
    });

    it('does not close $$ at an escaped \\$$', () => {
      assert.deepEqual(math('$$a \\$$ b$$'), ['a \\$$ b']);
    });
  });

  describe('inline math', () => {
    it('finds $…$ and maps its position', () => {
      const md = 'Let $x \\in \\mathbb{R}$ be given.';
      const [b] = only(md, 'inline');
      assert.equal(b?.tex.text, 'x \\in \\mathbb{R}');
      assert.deepEqual(texPos(b!.tex, 0), { line: 1, column: 6 });
    });

    it('follows the money heuristics: $5 and $6 is prose', () => {
      assert.deepEqual(math('It costs $5 and $6 today.'), []);
      assert.deepEqual(math('between $ 5 and 6$ and $x$'), ['x']);
      assert.deepEqual(math('$a$5 then $b$'), ['b']);
    });

    it('ignores an escaped \\$ and never crosses a blank line', () => {
      assert.deepEqual(math('cost \\$x$ here'), []);
      assert.deepEqual(math('a $x\n\ny$ b'), []);
      assert.deepEqual(math('a $x\ny$ b'), ['x\ny']);
    });

    it('reads \\( … \\) as inline math, and a lone \\( as an escape', () => {
      const [b] = only('Let \\(x \\in \\mathbb{R}\\) hold.', 'inline');
      assert.equal(b?.tex.text, 'x \\in \\mathbb{R}');
      assert.deepEqual(texPos(b!.tex, 0), { line: 1, column: 7 });
      assert.deepEqual(math('a \\(b\n\nc\\) $d$'), ['d']);
    });

    it('does not read $$ as inline math', () => {
      const r = scanMarkdown('a $$b$$ c');
      assert.deepEqual(
        r.blocks.map((b) => b.kind),
        ['display'],
      );
    });
  });

  describe('code', () => {
    it('never finds math in code spans, including multi-backtick spans', () => {
      assert.deepEqual(math('`$x$` and ``a ` $y$`` and $z$'), ['z']);
      assert.deepEqual(math('price $5, see `f` and $w$'), ['w']);
    });

    it('never finds math in ``` or ~~~ fences of any length, even in lists and quotes', () => {
      const md =
        '````\n```\n$$a$$\n```\n````\n~~~python\n$b$\n~~~\n- ```\n  $c$\n  ```\n> ```\n> $$d$$\n> ```\n$e$';
      assert.deepEqual(math(md), ['e']);
    });

    it('runs an unclosed code fence to the end of its container', () => {
      assert.deepEqual(math('```\n$$a$$\n'), []);
      assert.deepEqual(math('> ```\n> $a$\n\n$b$'), ['b']);
    });

    it('reads a line with a backtick in the info string as text, not a fence', () => {
      assert.deepEqual(math('``` a ` b\n$x$'), ['x']);
    });
  });

  describe('HTML comments and declarations', () => {
    it('hides math in ordinary comments', () => {
      assert.deepEqual(math('<!-- $$a$$ \n $b$ -->\n$c$'), ['c']);
    });

    it('reads <!-- let … --> with the body mapped to the file', () => {
      const md = 'x\n<!-- let\np \\in (0, 1)\n  n \\in \\{1, \\dots, 512\\}\n-->\n';
      const [d] = only(md, 'declarations');
      assert.equal(d?.line, 2);
      assert.equal(d?.endLine, 5);
      assert.deepEqual(
        d?.body.text.split('\n').map((l) => l.trim()),
        ['', 'p \\in (0, 1)', 'n \\in \\{1, \\dots, 512\\}', ''],
      );
      assertMapped(md, d!.body);
      assert.deepEqual(texPos(d!.body, d!.body.text.indexOf('n \\in \\{')), { line: 4, column: 3 });
    });

    it('reads a one-line declaration comment and not <!-- letter -->', () => {
      const ds = only('<!-- let x \\in \\mathbb{R} -->\n<!-- letter -->', 'declarations');
      assert.deepEqual(
        ds.map((d) => d.body.text),
        [' x \\in \\mathbb{R} '],
      );
    });

    it('warns about an unclosed comment', () => {
      const r = scanMarkdown('a\n<!-- $x$\n');
      assert.equal(r.blocks.length, 0);
      assert.equal(r.diagnostics?.[0]?.line, 2);
    });
  });

  describe('experiments and headings', () => {
    it('reads ```experiment fences with and without a title', () => {
      const md = '```experiment "Dropout mean"\nx = 1\n  y = 2\n```\n\n- ~~~~experiment\n  z = 3\n  ~~~~\n';
      const ex = only(md, 'experiment');
      assert.deepEqual(ex[0], {
        kind: 'experiment',
        title: 'Dropout mean',
        code: 'x = 1\n  y = 2',
        codeLine: 2,
        line: 1,
        endLine: 4,
      });
      assert.deepEqual(ex[1], { kind: 'experiment', code: 'z = 3', codeLine: 7, line: 6, endLine: 8 });
    });

    it('reads ATX headings with their level and text', () => {
      const hs = only('# One\ntext\n### Three $x$ ###\n#nope\n####### seven\n## C# #\n#\n## #', 'heading');
      assert.deepEqual(
        hs.map((h) => [h.level, h.text, h.line]),
        [
          [1, 'One', 1],
          [3, 'Three $x$', 3],
          [2, 'C#', 6],
          [1, '', 7],
          [2, '', 8],
        ],
      );
    });

    it('keeps blocks in document order', () => {
      const md = '# H\n$a$\n```experiment\nq\n```\n$$b$$\n<!-- let c -->';
      assert.deepEqual(
        scanMarkdown(md).blocks.map((b) => b.kind),
        ['heading', 'inline', 'experiment', 'display', 'declarations'],
      );
    });
  });

  it('handles CRLF line endings with the same positions', () => {
    const md = 'a\r\n$$\r\nx = 1\r\n$$\r\n$y$';
    const [d] = only(md, 'display');
    assert.equal(d?.tex.text, '\nx = 1\n');
    assert.deepEqual(texPos(d!.tex, 1), { line: 3, column: 1 });
    assert.deepEqual(math(md), ['\nx = 1\n', 'y']);
  });

  it('scans every d2l corpus file and the OCR file, every TeX character mapped', () => {
    const root = path.join(__dirname, '../../../../shared/corpus');
    const files = [
      ...readdirSync(path.join(root, 'd2l'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => path.join(root, 'd2l', f)),
      path.join(root, 'ocr/homework6-ocr.md'),
    ];
    let displays = 0;
    for (const f of files) {
      const md = readFileSync(f, 'utf8');
      const r = scanMarkdown(md);
      for (const b of r.blocks) {
        if (b.kind === 'display' || b.kind === 'inline') assertMapped(md, b.tex);
        if (b.kind === 'display') displays++;
      }
      // The Python cells of the book never yield math.
      for (const b of r.blocks) {
        if (b.kind === 'display' || b.kind === 'inline') assert.doesNotMatch(b.tex.text, /^\s*import /m);
      }
    }
    assert.ok(displays > 300, `only ${displays} display blocks found`);
  });

  it('reads pathological input of 100+ KB (unmatched delimiters, deep quotes) to the right blocks', () => {
    const n = 40_000;
    const ticks = Array.from({ length: 300 }, (_, i) => '`'.repeat(i + 1)).join(' x ');
    const cases: [string, number][] = [
      ['$a '.repeat(n), 0],
      ['\\[ '.repeat(n), 0],
      ['$$ '.repeat(n), n / 2],
      ['<!-- '.repeat(n), 0],
      [`${ticks} $y$`, 1],
      ['a $x$ '.repeat(n), n],
      [`${'> '.repeat(200)}$$a\n`.repeat(200), 100],
    ];
    for (const [md, expected] of cases) {
      const r = scanMarkdown(md);
      assert.equal(r.blocks.filter((b) => b.kind === 'inline' || b.kind === 'display').length, expected);
    }
  });

  it('property: random Markdown never throws and every TeX position maps to the same character', () => {
    const piece = fc.constantFrom(
      '$',
      '$$',
      '\\$',
      '\\[',
      '\\]',
      '\\(',
      '\\)',
      '`',
      '```',
      '~~~',
      '```math',
      '```experiment "t"',
      '<!--',
      '<!-- let',
      '-->',
      '> ',
      '  ',
      '- ',
      '# ',
      '!!! note',
      '\n',
      '\n\n',
      '\r\n',
      'x',
      '5',
      ' ',
      'a = b',
      '\\frac{1}{2}',
      '\t',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const md = parts.join('');
        const r = scanMarkdown(md);
        for (const b of r.blocks) {
          if (b.kind === 'display' || b.kind === 'inline') assertMapped(md, b.tex);
          if (b.kind === 'declarations') assertMapped(md, b.body);
          if ('endLine' in b) assert.ok(b.endLine >= b.line);
        }
      }),
      { numRuns: 400, seed: 20261127 },
    );
  });
});
