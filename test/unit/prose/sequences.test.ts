import assert from 'node:assert/strict';
import { isNextTerm, sequenceEdits } from '../../../src/core/prose/sequences';
import { applyEdits } from '../../../src/core/prose/texEdit';

/** The block's TeX with sequence superscripts rewritten as labels. */
function read(tex: string): string {
  return applyEdits({ text: tex, lines: [{ offset: 0, line: 1, column: 1 }] }, sequenceEdits(tex).edits).text;
}

describe('prose: superscripts that index a sequence', () => {
  it('reads V^{k+1} and V^k as terms when a symbol carries the counter plain and shifted, beside another', () => {
    assert.equal(read(String.raw`V^{k+1} \le V^k - S^k`), String.raw`V^{(k+1)} \le V^{(k)} - S^{(k)}`);
    assert.equal(
      read(String.raw`\theta^{k+1} = \theta^{k} - \alpha g^k`),
      String.raw`\theta^{(k+1)} = \theta^{(k)} - \alpha g^{(k)}`,
    );
    assert.equal(
      read(String.raw`m_2^{k+1} = \beta m_2^k + g^k`),
      String.raw`m_2^{(k+1)} = \beta m_2^{(k)} + g^{(k)}`,
    );
  });

  it('reads a lone symbol with the counter as a sequence when the prose says so', () => {
    const tex = String.raw`x^{k+1} = x^k - 1`;
    assert.equal(read(tex), tex);
    const edits = sequenceEdits(tex, 'the iterates satisfy').edits;
    assert.equal(edits.length, 2);
  });

  it('leaves powers alone', () => {
    for (const tex of [
      String.raw`x^{k+1} = x \cdot x^k`,
      String.raw`x^n - 0^n = x^{n+1}`,
      String.raw`\frac{d}{dx} x^n = n x^{n-1}`,
      String.raw`x^{k+1} - x^k = x^k (x - 1)`,
      String.raw`\sum_{k=0}^{n} x^k = \frac{x^{n+1} - 1}{x - 1}`,
      String.raw`e^{t+1} = e \cdot e^t`,
    ]) {
      assert.equal(read(tex), tex, tex);
    }
  });

  it('names the next term of a sequence', () => {
    assert.equal(isNextTerm('V^{(k+1)}'), true);
    assert.equal(isNextTerm('x^{(t+1)}'), true);
    assert.equal(isNextTerm('V^{(k)}'), false);
    assert.equal(isNextTerm('W^{(2)}'), false);
  });
});
