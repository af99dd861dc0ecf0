// Lists and matrices written with ellipses, checked as steps (issue 11): right readings verified, wrong
// variants refuted, unreadable patterns unverifiable with a reason, never guessed.
import assert from 'node:assert/strict';
import { block, only, statuses as status } from '../support/documentSteps';

const x =
  '<!-- let x \\in \\mathbb{R}^{n}\na \\in \\mathbb{R}^{m \\times n}\nb \\in \\mathbb{R}^{n \\times n} -->\n';

describe('calculus: columns, rows and matrices with ellipses', () => {
  it('verifies a column and a row of the declared vector; refutes a column with one entry changed', () => {
    assert.deepEqual(status(x + block('\\begin{bmatrix} x_1 \\\\ \\vdots \\\\ x_n \\end{bmatrix} = x')), [
      'verified',
    ]);
    assert.deepEqual(status(x + block('\\begin{bmatrix} x_1 & \\cdots & x_n \\end{bmatrix} = x^\\top')), [
      'verified',
    ]);
    const changed =
      '\\begin{bmatrix} x_1 \\\\ x_2 \\\\ \\vdots \\\\ x_n \\end{bmatrix} = \\begin{bmatrix} x_1 + 1 \\\\ x_2 \\\\ \\vdots \\\\ x_n \\end{bmatrix}';
    assert.deepEqual(status(x + block(changed)), ['refuted']);
  });

  it('verifies a matrix of its entries and its transpose; refutes the transpose taken for the matrix', () => {
    const a =
      '\\begin{bmatrix} a_{11} & \\cdots & a_{1n} \\\\ \\vdots & \\ddots & \\vdots \\\\ a_{m1} & \\cdots & a_{mn} \\end{bmatrix}';
    const at =
      '\\begin{bmatrix} a_{11} & \\cdots & a_{m1} \\\\ \\vdots & \\ddots & \\vdots \\\\ a_{1n} & \\cdots & a_{mn} \\end{bmatrix}';
    const bt =
      '\\begin{bmatrix} b_{11} & \\cdots & b_{n1} \\\\ \\vdots & \\ddots & \\vdots \\\\ b_{1n} & \\cdots & b_{nn} \\end{bmatrix}';
    assert.deepEqual(status(x + block(`${a} = a`)), ['verified']);
    assert.deepEqual(status(x + block(`${at} = a^\\top`)), ['verified']);
    assert.deepEqual(status(x + block(`${bt} = b`)), ['refuted']);
  });

  it('reads undeclared entries of a grid, a column and a row as vectors: the outer product', () => {
    const grid =
      '\\begin{bmatrix} x_1 y_1 & \\cdots & x_1 y_n \\\\ \\vdots & \\ddots & \\vdots \\\\ x_n y_1 & \\cdots & x_n y_n \\end{bmatrix}';
    const col = (v: string): string => `\\begin{bmatrix} ${v}_1 \\\\ \\vdots \\\\ ${v}_n \\end{bmatrix}`;
    const row = (v: string): string => `\\begin{bmatrix} ${v}_1 & \\cdots & ${v}_n \\end{bmatrix}`;
    assert.deepEqual(status(block(`${grid} = ${col('x')} ${row('y')}`)), ['verified']);
    assert.deepEqual(status(block(`${grid} = ${col('y')} ${row('x')}`)), ['refuted']);
  });

  it('refutes a matrix whose written size disagrees with the declared shape', () => {
    const s = only(
      x +
        block(
          '\\begin{bmatrix} a_{11} & \\cdots & a_{1n} \\\\ \\vdots & \\ddots & \\vdots \\\\ a_{n1} & \\cdots & a_{nn} \\end{bmatrix} = a',
        ),
    );
    assert.equal(s.status, 'refuted');
    assert.equal(s.reason, 'shape-mismatch');
  });

  it('leaves an identity written 1 & 0 & ⋯ unverifiable, naming the ellipsis', () => {
    const s = only(
      block(
        '\\begin{bmatrix} 1 & 0 & \\cdots & 0 \\\\ \\vdots & \\vdots & \\ddots & \\vdots \\\\ 0 & 0 & \\cdots & 1 \\end{bmatrix} = I',
      ),
    );
    assert.equal(s.status, 'unverifiable');
    assert.equal(s.reason, 'unsupported-notation');
    assert.equal(s.subject, '\\ddots');
  });
});

describe('calculus: a gradient written as a column of partials', () => {
  const bold = '<!-- let \\mathbf{x} \\in \\mathbb{R}^{n} -->\n';
  const column =
    '\\begin{bmatrix}\\partial_{x_1} f(\\mathbf{x})\\\\ \\vdots \\\\ \\partial_{x_n} f(\\mathbf{x})\\end{bmatrix}';
  it('with 𝐱 undeclared, reads it as the vector x_1, …, x_n list; refutes a rotated argument list', () => {
    assert.deepEqual(status(block(`\\nabla_{\\mathbf{x}} f(\\mathbf{x}) = ${column}`)), ['verified']);
    assert.deepEqual(status(block('f(\\mathbf{x}) = f(x_1, \\ldots, x_n)')), ['verified']);
    assert.deepEqual(status(block('f(\\mathbf{x}) = f(x_2, \\ldots, x_n, x_1)')), ['refuted']);
  });

  it('reads a Greek bold vector the same way: (β_1, …, β_n) is 𝛃', () => {
    const beta = (first: string): string =>
      `\\begin{bmatrix} ${first} \\\\ \\beta_2 \\\\ \\vdots \\\\ \\beta_n \\end{bmatrix} = \\boldsymbol{\\beta}`;
    assert.deepEqual(status(block(beta('\\beta_1'))), ['verified']);
    assert.deepEqual(status(block(beta('\\beta_1 + 1'))), ['refuted']);
  });

  it('perturbs the entries of 𝐱 that x_i names: verified, and twice the gradient refuted', () => {
    assert.deepEqual(status(bold + block(`\\nabla_{\\mathbf{x}} f(\\mathbf{x}) = ${column}`)), ['verified']);
    assert.deepEqual(status(bold + block(`2 \\nabla_{\\mathbf{x}} f(\\mathbf{x}) = ${column}`)), ['refuted']);
  });
});

describe('calculus: argument lists with ellipses', () => {
  it('an unknown function of a listed vector: verified as written, refuted with the arguments rotated', () => {
    assert.deepEqual(status(x + block('g(x_1, x_2, \\ldots, x_n) = g(x)')), ['verified']);
    assert.deepEqual(status(x + block('g(x_1, x_2, \\ldots, x_n) = g(x_1, x_2, x_3, \\ldots, x_n)')), [
      'verified',
    ]);
    assert.deepEqual(status(x + block('g(x_1, x_2, \\ldots, x_n) = g(x_2, \\ldots, x_n, x_1)')), ['refuted']);
  });

  it('reads undeclared listed entries as one vector, so ∂/∂w_1 perturbs the first argument', () => {
    const right =
      'L(w_1+\\epsilon_1, w_2, \\ldots, w_N) \\approx L(w_1, w_2, \\ldots, w_N) + \\epsilon_1 \\frac{d}{dw_1} L(w_1, w_2, \\ldots, w_N)';
    const s = only(block(right));
    assert.equal(s.status, 'verified');
    assert.ok(
      s.assumptions.some((a) => a.symbol === 'w' && a.convention === 'entries listed with an ellipsis'),
    );
    assert.deepEqual(status(block(right.replace('{dw_1}', '{dw_2}'))), ['refuted']);
  });

  it('never differentiates an undeclared name in a listed entry as if it were constant', () => {
    const s = only(block('L(w_1, \\ldots, w_N) + \\frac{d}{dw_1} q = L(w_1, \\ldots, w_N)'));
    assert.equal(s.status, 'unverifiable');
    assert.equal(s.reason, 'undeclared-symbol');
    assert.equal(s.subject, 'q');
  });

  it('verifies the first-order expansion in every listed argument, a sum over the listed ε; refutes it with 2ε', () => {
    const w = 'L(w_1, w_2, \\ldots, w_N)';
    const lhs = 'L(w_1+\\epsilon_1, w_2+\\epsilon_2, \\ldots, w_N+\\epsilon_N)';
    const right = `${lhs} \\approx ${w} + \\sum_i \\epsilon_i \\frac{\\partial}{\\partial w_i} ${w}`;
    assert.deepEqual(status(block(right)), ['verified']);
    assert.deepEqual(status(block(right.replace('\\epsilon_i \\frac', '2 \\epsilon_i \\frac'))), ['refuted']);
  });

  it('verifies the partial derivative as the limit of a difference in one argument; refutes a wrong one', () => {
    const lhs = '\\frac{\\partial}{\\partial z_j} g(z_1, \\ldots, z_m)';
    const moved = 'g(z_1, \\ldots, z_{j-1}, z_j+h, z_{j+1}, \\ldots, z_m)';
    assert.deepEqual(
      status(block(`${lhs} = \\lim_{h \\to 0} \\frac{${moved} - g(z_1, \\ldots, z_j, \\ldots, z_m)}{h}`)),
      ['verified'],
    );
    assert.deepEqual(status(block(`${lhs} = \\lim_{h \\to 0} \\frac{${moved} - g(z_1, \\ldots, z_m)}{2h}`)), [
      'refuted',
    ]);
  });

  it('verifies \\max\\{…\\} bounds; refutes a wrong one', () => {
    assert.deepEqual(status(x + block('\\max\\{x_1, x_2, \\ldots, x_n\\} \\ge x_2')), ['verified']);
    assert.deepEqual(status(x + block('\\max\\{x_1, x_2, \\ldots, x_n\\} \\le x_2')), ['refuted']);
  });

  it('is unverifiable with the reason where the pattern is ambiguous or the function declared', () => {
    const s = only(
      block('L(w_1+\\epsilon_1, w_2+\\epsilon_2, \\ldots, w_N) \\approx L(w_1, w_2, \\ldots, w_N)'),
    );
    assert.equal(s.status, 'unverifiable');
    assert.equal(s.reason, 'unsupported-notation');
    assert.equal(s.subject, '\\ldots');
    const declared = only('<!-- let f(u, v) = u v -->\n' + x + block('f(x_1, \\ldots, x_n) = x_1 x_2'));
    assert.equal(declared.status, 'unverifiable');
    assert.equal(declared.reason, 'unsupported-notation');
  });

  it('a listed vector alone on one side still reads as a definition, not a refutation', () => {
    const s = only(block('\\hat{\\theta} = \\max \\{X_1, X_2, \\ldots, X_n \\}'));
    assert.equal(s.status, 'unverifiable');
  });
});
