// Ellipses in sums and products read as the pattern of the terms around them (issue 11).
import assert from 'node:assert/strict';
import { errorOf, show } from './helpers';

describe('latex: ellipses in sums and products', () => {
  it('reads x_1 + x_2 + ⋯ + x_n and a_1 b_1 + … + a_n b_n as a Σ', () => {
    assert.equal(show('x_1 + x_2 + \\cdots + x_n'), 'sumOver(i, 1, n, entry(x, i))');
    assert.equal(show('a_1 b_1 + \\dots + a_n b_n'), 'sumOver(i, 1, n, entry(a, i) entry(b, i))');
    assert.equal(show('3 + x_1 + \\ldots + x_n'), '3 + sumOver(i, 1, n, entry(x, i))');
  });

  it('reads x_1 x_2 ⋯ x_n and x_1 · x_2 · ⋯ · x_n as a Π', () => {
    assert.equal(show('x_1 x_2 \\cdots x_n'), 'prodOver(i, 1, n, entry(x, i))');
    assert.equal(show('x_1 \\cdot x_2 \\cdot \\cdots \\cdot x_n'), 'prodOver(i, 1, n, entry(x, i))');
    assert.equal(show('x_1 \\cdot x_2 \\cdots x_n'), 'prodOver(i, 1, n, entry(x, i))');
  });

  it('refuses a pattern it cannot read, naming the ellipsis', () => {
    for (const tex of [
      'x_1 + x_3 + \\cdots + x_n', // does not step by one: never read from x_3 on
      'x_1 + x_2 + \\cdots + y_n', // the last term differs
      'x_1 + x_2 + \\cdots', // no last term
      'x_1 + \\cdots - x_n', // a sign change
      'x_1 + x_2 x_1 + \\cdots + x_n x_1', // the term before the run names x's entry
    ]) {
      const e = errorOf(tex);
      assert.equal(e.code, 'unsupported', tex);
      assert.equal(e.subject, '\\cdots', tex);
    }
  });
});
