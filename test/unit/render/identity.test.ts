import assert from 'node:assert/strict';
import { verifyDocument } from '../../../src/core/document';
import { DocumentRenderer, type RenderOptions } from '../../../src/render/document';

// The preview renders the scanner's spans, so every verdict the verifier gives lands on the relation it
// judged, wherever the block sits (list items, quotes, tables, lazy lines) and however many relations
// look alike on the line.
const options: RenderOptions = { macros: {}, marks: true, interactive: false, sanitizeRaw: true };

/** Statuses of the marks in the rendered HTML, in order, with the relation each wraps. */
function marks(text: string): string[] {
  const { derivations } = verifyDocument(text);
  const html = new DocumentRenderer()
    .render(text, { ...options, derivations })
    .blocks.map((b) => b.html)
    .join('');
  const out: string[] = [];
  for (const m of html.matchAll(/class="enclosing sw-step sw-step-(\d+) (sw-ok|sw-bad|sw-unk)/g))
    out.push(`${m[1]}:${m[2]}`);
  return out;
}

describe('render: one reader of the math', () => {
  const cases: [string, string, string[]][] = [
    ['a plain block', '$$\n2 + 2 = 4 = 5\n$$', ['1:sw-ok', '2:sw-bad']],
    [
      'an aligned block',
      '$$\n\\begin{aligned}\n1 + 1 &= 2 \\\\\n&= 3\n\\end{aligned}\n$$',
      ['1:sw-ok', '2:sw-bad'],
    ],
    ['a list item', '- Work:\n\n  $$\n  x + x = 2x = 3x\n  $$', ['1:sw-ok', '2:sw-bad']],
    ['a block quote', '> $$\n> 3 = 3 = 4\n> $$', ['1:sw-ok', '2:sw-bad']],
    [
      'a lazy line of a list item',
      '1. Show that\n$$2 \\cdot 3 = 6 = 7$$\n    * then more',
      ['1:sw-ok', '2:sw-bad'],
    ],
    ['a math fence', '```math\n4 = 4 = 5\n```', ['1:sw-ok', '2:sw-bad']],
  ];
  for (const [name, text, want] of cases) {
    it(`marks each relation of ${name} with its own verdict`, () => {
      assert.deepEqual(marks(text), want);
    });
  }

  it('renders as written what the scanner does not read as math, and never marks it', () => {
    const text = 'Costs $5 and $6, \\$x\\$, but $x^2$ is math.';
    const places = new DocumentRenderer().formulaPlaces(text);
    assert.deepEqual(
      places.map((p) => p.tex),
      ['x^2'],
    );
  });
});
