import assert from 'node:assert/strict';
import { texPos, type TexSource } from '../../../src/core/markdown/types';
import { applyEdits } from '../../../src/core/prose/texEdit';

describe('prose: TeX edits keep file positions', () => {
  // Two lines of TeX, the second indented by 4 in the file (line 8).
  const src: TexSource = {
    text: 'a = \\log x\n  = V^k',
    lines: [
      { offset: 0, line: 7, column: 3 },
      { offset: 11, line: 8, column: 5 },
    ],
  };

  it('maps every unedited character to where it stands in the file', () => {
    const out = applyEdits(src, [
      { offset: 8, length: 0, text: '_{2}' },
      { offset: 16, length: 2, text: '^{(k)}' },
    ]);
    assert.equal(out.text, 'a = \\log_{2} x\n  = V^{(k)}');
    // `x` after the first edit, `=` on the second line, `V` before the second edit.
    assert.deepEqual(texPos(out, out.text.indexOf('x')), texPos(src, src.text.indexOf('x')));
    assert.deepEqual(texPos(out, out.text.lastIndexOf('=')), { line: 8, column: 7 });
    assert.deepEqual(texPos(out, out.text.indexOf('V')), texPos(src, src.text.indexOf('V')));
  });

  it('returns the source itself when there is nothing to edit', () => {
    assert.equal(applyEdits(src, []), src);
  });
});
