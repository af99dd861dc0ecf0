// Lists and matrices written with ellipses read as the pattern of the entries around them (issue 11).
import assert from 'node:assert/strict';
import { errorOf, show } from './helpers';

describe('latex: lists with ellipses', () => {
  it('reads the arguments f(x_1, …, x_n) as one list of a pattern', () => {
    assert.equal(show('f(x_1, \\ldots, x_n)'), 'call(f, stack(0, listOver(i, 1, n, entry(x, i), 1)))');
    assert.equal(show('(x_1, \\ldots, x_n)'), '(stack(0, listOver(i, 1, n, entry(x, i), 1)))');
    assert.equal(
      show('\\max\\{X_1, X_2, \\ldots, X_n\\}'),
      'max(stack(0, listOver(i, 1, n, entry(X, i), 2)))',
    );
  });

  it('keeps entries written outside the pattern, naming the pattern’s vector as its entries', () => {
    assert.equal(
      show('L(w_1+\\epsilon_1, w_2, \\ldots, w_N)'),
      'call(L, stack(0, entry(w, 1) + ϵ_1, listOver(i, 2, N, entry(w, i), 1)))',
    );
    assert.equal(
      show('L(\\mathbf{x}, \\alpha_1, \\ldots, \\alpha_n)'),
      'call(L, stack(0, 𝐱, listOver(i, 1, n, entry(α, i), 1)))',
    );
  });

  it('reads runs around a changed entry, and one run through a written entry', () => {
    assert.equal(
      show('f(z_1, \\ldots, z_{j-1}, z_j + h, z_{j+1}, \\ldots, z_m)'),
      'call(f, stack(0, listOver(i, 1, j - 1, entry(z, i), 1), entry(z, j) + h, listOver(i, j + 1, m, entry(z, i), 1)))',
    );
    assert.equal(
      show('f(x_1, \\ldots, x_i, \\ldots, x_n)'),
      'call(f, stack(0, listOver(i, 1, n, entry(x, i), 1)))',
    );
  });

  it('refuses a pattern it cannot read, naming the ellipsis', () => {
    for (const tex of [
      'f(w_1+\\epsilon_1, w_2+\\epsilon_2, \\ldots, w_N)', // w_2 + ε_2, …, w_N: which entries carry an ε?
      'f(x_2, x_1, x_3, \\ldots, x_n)', // does not step by one
      'f(x_n, \\ldots, x_1)', // a run down to a number
      'f(x_1, x_2, \\ldots)', // no last entry
      'g(f_1(x), \\ldots, f_n(x))', // a family of functions
      'f(x_1, \\ldots, x_5, \\ldots, x_3)', // passes x_5 on the way to x_3
    ]) {
      const e = errorOf(tex);
      assert.equal(e.code, 'unsupported', tex);
      assert.equal(e.subject, '\\ldots', tex);
    }
    assert.equal(errorOf('\\sin(x_1, \\ldots, x_n)').code, 'unsupported');
    assert.equal(errorOf('f(x_1, \\ldots + x_n)').code, 'syntax');
    // `[x_1, …, x_n]` may be a row and `\{x_1, …, x_n\}` is a set: neither is read as a column.
    assert.equal(errorOf('[x_1, \\ldots, x_n]').subject, "'['");
    assert.equal(errorOf('\\left[x_1, \\ldots, x_n\\right]').subject, "'['");
    assert.equal(errorOf('\\{x_1, \\ldots, x_n\\}').code, 'unsupported');
  });

  it('reads an entry written straight after its dots (the comma left out) in a list and a column', () => {
    assert.equal(show('f(x_1, x_2, \\ldots x_n)'), 'call(f, stack(0, listOver(i, 1, n, entry(x, i), 2)))');
    assert.equal(
      show('\\begin{bmatrix} x_1 \\\\ x_2 \\\\ \\ldots x_n \\end{bmatrix}'),
      'stack(0, listOver(i, 1, n, entry(x, i), 2))',
    );
  });
});

describe('latex: matrices with ellipses', () => {
  it('reads a column, a row, \\ldots as a row of a column, and rows or columns each with dots', () => {
    assert.equal(
      show('\\begin{bmatrix} x_1 \\\\ \\vdots \\\\ x_n \\end{bmatrix}'),
      'stack(0, listOver(i, 1, n, entry(x, i), 1))',
    );
    assert.equal(
      show('\\begin{bmatrix} x_1 \\\\ \\ldots \\\\ x_n \\end{bmatrix}'),
      'stack(0, listOver(i, 1, n, entry(x, i), 1))',
    );
    assert.equal(
      show('\\begin{bmatrix} x_1 & \\cdots & x_n \\end{bmatrix}'),
      'stack(1, listOver(i, 1, n, entry(x, i), 1))',
    );
    assert.equal(
      show('\\begin{bmatrix} x_1 & y_1 \\\\ \\vdots & \\vdots \\\\ x_n & y_n \\end{bmatrix}'),
      'stack(1, stack(0, listOver(i, 1, n, entry(x, i), 1)), stack(0, listOver(i, 1, n, entry(y, i), 1)))',
    );
  });

  it('reads a square pattern with \\ddots, the size from the last row and column', () => {
    assert.equal(
      show(
        '\\begin{bmatrix} a_{11} & \\cdots & a_{1n} \\\\ \\vdots & \\ddots & \\vdots \\\\ a_{m1} & \\cdots & a_{mn} \\end{bmatrix}',
      ),
      'gridOver(i, j, m, n, entry(a, i, j), 2, 2)',
    );
    assert.equal(
      show(
        '\\begin{bmatrix} a_{11} & a_{21} & \\dots & a_{m1} \\\\ a_{12} & a_{22} & \\dots & a_{m2} \\\\ \\vdots & \\vdots & \\ddots & \\vdots \\\\ a_{1n} & a_{2n} & \\dots & a_{mn} \\end{bmatrix}',
      ),
      'gridOver(i, j, n, m, entry(a, j, i), 3, 3)',
    );
  });

  it('refuses a matrix whose pattern cannot be read, naming the ellipsis', () => {
    const identity =
      '\\begin{bmatrix} 1 & 0 & \\cdots & 0 \\\\ \\vdots & \\vdots & \\ddots & \\vdots \\\\ 0 & 0 & \\cdots & 1 \\end{bmatrix}';
    for (const [tex, subject] of [
      [identity, '\\ddots'],
      ['\\begin{bmatrix} x_1 \\\\ \\ddots \\\\ x_n \\end{bmatrix}', '\\ddots'],
      ['\\begin{bmatrix} x_1 & \\vdots & x_n \\end{bmatrix}', '\\vdots'],
      ['\\begin{bmatrix} x_1 \\\\ x_3 \\\\ \\vdots \\\\ x_n \\end{bmatrix}', '\\vdots'],
    ] as const) {
      const e = errorOf(tex);
      assert.equal(e.code, 'unsupported', tex);
      assert.equal(e.subject, subject, tex);
    }
  });
});
