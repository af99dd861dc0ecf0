// `\nabla f` without a subscript (issue 11): the gradient in f's argument slots, at the point written.
import assert from 'node:assert/strict';
import { verifyDocument } from '../../../src/core/document';
import { block, statuses as status } from '../support/documentSteps';

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

describe('sums without bounds', () => {
  const ab = '<!-- let a, b \\in \\mathbb{R}^{n}\ny \\in \\mathbb{R}^{m} -->\n';
  const steps = (tex: string) => verifyDocument(ab + block(tex)).derivations.flatMap((d) => d.steps);
  it('runs the index over the declared length: verified, and a wrong right side refuted', () => {
    assert.deepEqual(status(ab + block('\\sum_{j} (a_j - b_j)^2 = \\|a - b\\|^2')), ['verified']);
    assert.deepEqual(status(ab + block('\\sum_i a_i b_i = a^\\top b')), ['verified']);
    assert.deepEqual(status(ab + block('\\sum_j (a_j - b_j)^2 = \\|a + b\\|^2')), ['refuted']);
  });

  it('is unverifiable with the reason when the range cannot be told', () => {
    for (const tex of ['\\sum_i a_i y_i = 0', '\\sum_i i = 3']) {
      const s = steps(tex)[0];
      assert.equal(s?.status, 'unverifiable', tex);
      assert.equal(s?.reason, 'unsupported-notation', tex);
      assert.equal(s?.subject, '\\sum_i', tex);
    }
  });
});

describe('calculus: a partial derivative evaluated at a point', () => {
  const f = '<!-- let f(x, y) = x^2 y + y^3\na, b \\in \\mathbb{R} -->\n';
  it('differentiates in the slot the parameter names, at the point written', () => {
    assert.deepEqual(status(f + block('\\frac{\\partial f}{\\partial x}(a, b) = 2 a b')), ['verified']);
    assert.deepEqual(status(f + block('\\frac{\\partial f}{\\partial y}(a, b) = a^2 + 3 b^2')), ['verified']);
    assert.deepEqual(status(f + block('\\frac{\\partial^2 f}{\\partial x \\partial y}(a, b) = 2 a')), [
      'verified',
    ]);
    assert.deepEqual(status(f + block('\\frac{\\partial f}{\\partial x}(a, b) = 2 a')), ['refuted']);
    assert.deepEqual(status(f + block('\\frac{\\partial f}{\\partial y}(a, b) = 2 a b')), ['refuted']);
  });

  it('is unverifiable with the reason for a function whose parameters are not declared', () => {
    const s = verifyDocument(
      '<!-- let a, b \\in \\mathbb{R} -->\n' + block('\\frac{\\partial h}{\\partial x}(a, b) = 2 a'),
    ).derivations.flatMap((d) => d.steps)[0];
    assert.equal(s?.status, 'unverifiable');
    assert.equal(s?.reason, 'unsupported-notation');
    assert.equal(s?.subject, 'h');
  });
});

describe('calculus: the Hessian \\nabla^2', () => {
  const xa = '<!-- let x, a \\in \\mathbb{R}^{3}\nA \\in \\mathbb{R}^{3 \\times 3} -->\n';
  it('reads \\nabla_x^2 as the Jacobian of the gradient: verified, and a non-symmetric answer refuted', () => {
    assert.deepEqual(status(xa + block('\\nabla_x^2 \\exp(a^\\top x) = \\exp(a^\\top x) a a^\\top')), [
      'verified',
    ]);
    assert.deepEqual(status(xa + block('\\nabla^2_x \\left(x^\\top A x\\right) = A')), ['refuted']);
  });

  it('refuses other powers of \\nabla', () => {
    const s = verifyDocument(xa + block('\\nabla^3_x \\exp(a^\\top x) = 0')).derivations.flatMap(
      (d) => d.steps,
    )[0];
    assert.equal(s?.status, 'unverifiable');
    assert.equal(s?.reason, 'unsupported-notation');
  });
});
