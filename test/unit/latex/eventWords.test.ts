// Events joined by words inside P(…): `\textrm{and}` is ∩ and `\text{or}` is ∪, never a factor named "and".
import assert from 'node:assert/strict';
import { show } from './helpers';

describe('latex: events joined by words', () => {
  it('reads \\textrm{and}, \\text{ and } and \\textrm{, and } as an intersection', () => {
    assert.equal(show('P(X = 1 \\; \\textrm{and} \\; Y = -1)'), 'prob(X == 1 and Y == -1)');
    assert.equal(show('P(X = 1 \\text{ and } Y = 3)'), 'prob(X == 1 and Y == 3)');
    assert.equal(
      show('P(X \\in [x, x+\\epsilon] \\textrm{, and } Y \\in \\mathbb{R})'),
      'prob(within(X, x, x + ϵ, 0, 0) and isReal(Y))',
    );
  });

  it('reads \\text{or} as a union, binding looser than and', () => {
    assert.equal(show('P(A \\text{ or } B \\text{ and } C)'), 'prob(A or B and C)');
    assert.equal(show('P(A \\text{ or } B \\cup C)'), 'prob(A or (B or C))');
  });

  it('keeps the word out of products: outside an event it is not an argument', () => {
    assert.match(show('f(a \\text{ and } b)'), /^error\(syntax\)/);
  });
});
