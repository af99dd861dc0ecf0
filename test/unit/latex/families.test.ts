// Functions indexed by a bound variable, derivative orders in a label, sums over several indices and
// chained `\partial_x` (issue 11): what the parser makes of each, and what it refuses.
import assert from 'node:assert/strict';
import { context, errorOf, show } from './helpers';

describe('latex: families of functions and numbered derivatives', () => {
  it('reads f_i(x), f_i′(x) and l^{(i)}(w, b) inside a sum over i as members of a family', () => {
    assert.equal(show('\\sum_{i=1}^{n} f_i(x)'), 'sumOver(i, 1, n, call(entry(f, i), x))');
    assert.equal(show("\\sum_{i=1}^{n} f_i'(x)"), 'sumOver(i, 1, n, derivFn(entry(f, i), 1, x))');
    assert.equal(show('\\sum_{i=1}^{n} l^{(i)}(w, b)'), 'sumOver(i, 1, n, call(entry(l, i), w, b))');
    // Any undeclared letter applied to several arguments: u_i(a, b).
    assert.equal(show('\\sum_{i=1}^{n} u_i(a, b)'), 'sumOver(i, 1, n, call(entry(u, i), a, b))');
  });

  it('keeps an indexed value before parentheses a product, and refuses other indexed functions', () => {
    assert.equal(show('\\sum_{i=1}^{n} c_i(x + 1)'), 'sumOver(i, 1, n, entry(c, i) (x + 1))');
    // A plain l is a length as often as a loss: only l^{(i)} names a family.
    assert.equal(show('\\sum_{i=1}^{n} l_i(x + 1)'), 'sumOver(i, 1, n, entry(l, i) (x + 1))');
    assert.equal(
      show('\\sum_{i=1}^{n} f_i(x + 1)', context({ f: 'vector' })),
      'sumOver(i, 1, n, entry(f, i) (x + 1))',
    );
    // σ_i (x_i − μ) is a standard deviation times a difference as often as a function.
    assert.equal(errorOf('\\sum_{i=1}^{n} \\sigma_i(x)').code, 'unsupported');
    // A declared scalar f is no function, even applied to two arguments.
    assert.equal(errorOf('\\sum_{i=1}^{n} f_i(x, y)', context({ f: 'scalar' })).code, 'unsupported');
    // l^{(i)} declared under that very name is one function, not a family.
    assert.equal(
      errorOf('\\sum_{i=1}^{n} l^{(i)}(w, b)', context({ 'l^{(i)}': 'function' })).code,
      'unsupported',
    );
  });

  it('reads f^{(i)}(x_0) as the i-th derivative of f, and f^{(3)}(x) as the third', () => {
    assert.equal(show('\\sum_{i=0}^{n} f^{(i)}(x_0)'), 'sumOver(i, 0, n, derivFn(f, i, x_0))');
    assert.equal(show('f^{(3)}(x)'), 'derivFn(f, 3, x)');
    // Not for every letter: l^{(3)} stays a name of its own.
    assert.match(show('l^{(3)}(x)'), /^l\^\{\(3\)\}/);
    assert.equal(errorOf('\\sum_{i=0}^{n} f^{(i)}(x, y)').code, 'unsupported');
  });

  it('reads \\sum_{i,j}, \\sum_{ij} and \\sum_{i, j = 1}^{n} as nested sums', () => {
    assert.equal(
      show('\\sum_{i,j} A_{ij}'),
      'sumOver(i, 1, indexExtent(i), sumOver(j, 1, indexExtent(j), entry(A, i, j)))',
    );
    assert.equal(show('\\sum_{ij} A_{ij}'), show('\\sum_{i, j} A_{ij}'));
    assert.equal(
      show('\\sum_{i, j = 1}^{n} a_i b_j'),
      'sumOver(i, 1, n, sumOver(j, 1, n, entry(a, i) entry(b, j)))',
    );
    assert.equal(errorOf('\\sum_{i, j = 0}^{\\infty} a_i').code, 'unsupported');
  });

  it('reads \\partial_x^2 f and \\partial_x \\partial_y f with the bare f applied to every variable', () => {
    assert.equal(show('\\partial_x^2 f'), 'deriv(x, deriv(x, call(f, x)))');
    assert.equal(show('\\partial_x \\partial_y f'), 'deriv(x, deriv(y, call(f, x, y)))');
    assert.equal(show('\\partial_y \\partial_x f'), 'deriv(y, deriv(x, call(f, x, y)))');
    assert.equal(errorOf('\\partial_x^{1/2} f').code, 'unsupported');
  });
});
