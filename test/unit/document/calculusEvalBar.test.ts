// The evaluation bar `\left. … \right|_{x = a}`, `\Big|_{x=a}` (issue 11): substitute after differentiating.
import assert from 'node:assert/strict';
import { block, statuses as status, steps } from '../support/documentSteps';

describe('calculus: the evaluation bar', () => {
  it('substitutes after differentiating a written expression', () => {
    assert.deepEqual(status(block('\\left.\\frac{d}{dx} x^2\\right|_{x=a} = 2a')), ['verified']);
    assert.deepEqual(status(block('\\left.\\frac{d}{dx} x^2\\right|_{x=a} = a')), ['refuted']);
    assert.deepEqual(status(block('\\left. \\frac{d}{dx} x^2 \\right\\vert_{x = 3} = 6')), ['verified']);
  });

  it('reads an unknown or declared f’s derivative at the point', () => {
    assert.deepEqual(status(block("\\left.\\frac{df}{dx}\\right|_{x = a} = f'(a)")), ['verified']);
    assert.deepEqual(status(block('\\left.\\frac{df}{dx}\\right|_{x = a} = f(a)')), ['refuted']);
    const g = '<!-- let g(x) = x^3 -->\n';
    assert.deepEqual(status(g + block('\\left.\\frac{dg}{dx}\\right|_{x = 2} = 12')), ['verified']);
    assert.deepEqual(status(g + block('\\left.\\frac{dg}{dx}\\right|_{x = 2} = 8')), ['refuted']);
  });

  it('takes a sized bar after the whole expression before it, not as an absolute value', () => {
    assert.deepEqual(status(block('\\frac{d}{dx} (x^3 + x) \\Big|_{x=1} = 4')), ['verified']);
    assert.deepEqual(status(block('\\frac{d}{dx} (x^3 + x) \\Big|_{x=1} = 3')), ['refuted']);
    assert.deepEqual(status(block('x^2 + x \\bigg|_{x=2} = 6')), ['verified']);
    // An absolute value is still one: |x|_{…} never opens a bar inside |…|.
    assert.deepEqual(status(block('|x - 1| + 1 = |1 - x| + 1')), ['verified']);
  });

  it('does not check a bar whose variable is unsaid or that substitutes several variables', () => {
    for (const tex of ['\\left. x^2 \\right|_{0} = 0', '\\left. x y \\right|_{x = 1, y = 2} = 2']) {
      const [s] = steps(block(tex));
      assert.equal(s?.status, 'unverifiable', tex);
    }
  });

  it('leaves a free variable outside the bar to the one-sided check, not a ✓', () => {
    assert.notEqual(status(block('\\left.\\frac{d}{dx} x^2\\right|_{x=a} = 2x'))[0], 'verified');
  });
});
