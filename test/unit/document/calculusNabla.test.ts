// `\nabla f` without a subscript (issue 11): the gradient in f's argument slots, at the point written.
import assert from 'node:assert/strict';
import { verifyDocument } from '../../../src/core/document';

const status = (text: string): string[] =>
  verifyDocument(text)
    .derivations.flatMap((d) => d.steps)
    .map((s) => s.status);
const block = (tex: string): string => `$$\n${tex}\n$$\n`;

describe('calculus: gradients without a subscript', () => {
  it('stacks the partials of a declared function of two variables', () => {
    const f = '<!-- let f(x, y) = x e^{-x^2-y^2} -->\n';
    const right = '\\nabla f(x, y) = e^{-x^2-y^2}\\begin{pmatrix}1-2x^2 \\\\ -2xy\\end{pmatrix}';
    const wrong = '\\nabla f(x, y) = e^{-x^2-y^2}\\begin{pmatrix}1-2x^2 \\\\ 2xy\\end{pmatrix}';
    assert.deepEqual(status(f + block(right)), ['verified']);
    assert.deepEqual(status(f + block(wrong)), ['refuted']);
  });

  it('evaluates an unknown function’s gradient at a point that is not a variable', () => {
    const shapes = '<!-- let A \\in \\mathbb{R}^{3 \\times 2}\nx \\in \\mathbb{R}^{2} -->\n';
    assert.deepEqual(status(shapes + block('\\nabla_x h(A x) = A^\\top \\nabla h(A x)')), ['verified']);
    assert.deepEqual(status(shapes + block('\\nabla_x h(A x) = \\nabla h(A x)')), ['refuted']);
  });
});

describe('calculus: ellipses as patterns', () => {
  const x = '<!-- let x \\in \\mathbb{R}^{n}\na, b \\in \\mathbb{R}^{n} -->\n';
  it('verifies x_1 x_2 ⋯ x_n = Π x_i and a_1 b_1 + ⋯ + a_n b_n = aᵀb; refutes a wrong range', () => {
    assert.deepEqual(status(x + block('x_1 x_2 \\cdots x_n = \\prod_{i=1}^{n} x_i')), ['verified']);
    assert.deepEqual(status(x + block('a_1 b_1 + \\cdots + a_n b_n = a^\\top b')), ['verified']);
    assert.deepEqual(status(x + block('x_1 + \\cdots + x_n = \\sum_{i=2}^{n} x_i')), ['refuted']);
    assert.deepEqual(status(x + block('x_1 x_2 \\cdots x_n = \\prod_{i=1}^{n-1} x_i')), ['refuted']);
  });

  it('leaves an unreadable pattern unverifiable with the reason', () => {
    const steps = verifyDocument(
      x + block('x_1 + x_3 + \\cdots + x_n = \\sum_{i=1}^{n} x_i'),
    ).derivations.flatMap((d) => d.steps);
    assert.equal(steps[0]?.status, 'unverifiable');
    assert.equal(steps[0]?.reason, 'unsupported-notation');
    assert.equal(steps[0]?.subject, '\\cdots');
  });
});
