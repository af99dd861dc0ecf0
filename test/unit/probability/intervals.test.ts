// Interval events: `X \in [a, b]`, its complement `X \notin [a, b]` / `X \not\in [a, b]`, and the order of
// the ends the text presumes.
import assert from 'node:assert/strict';
import { block, steps } from '../support/documentSteps';

const normal = '<!-- let X \\sim \\mathcal{N}(0, 1) -->\n';

describe('probability: interval events', function () {
  this.timeout(20_000);

  it('reads \\notin and \\not\\in as the complement of the interval', () => {
    const s = steps(
      normal,
      block('P(X \\notin [-1, 1]) = 2 P(X > 1)'),
      block('P(X \\not\\in [-1, 1]) = 2 P(X > 1)'),
      block('P(X \\not\\in [-1, 1]) = P(X > 1)'),
    );
    assert.deepEqual(
      s.map((x) => x.status),
      ['verified', 'verified', 'refuted'],
    );
  });

  it('takes the ends of [a, b] to be in order, as the text presumes', () => {
    // At a sample with a > b the right side is negative: read literally, the empty interval refutes it.
    const s = steps(normal, block('P(X \\in [a, b]) = P(X \\le b) - P(X < a)'));
    assert.deepEqual(
      s.map((x) => x.status),
      ['verified'],
    );
  });

  it("verifies Chebyshev's inequality for every law, with α left to the interval's order", () => {
    const s = steps(
      block(
        'P\\left(X \\not\\in [\\mu_X - \\alpha\\sigma_X, \\mu_X + \\alpha\\sigma_X]\\right) \\le \\frac{1}{\\alpha^2}',
      ),
    );
    assert.deepEqual(
      s.map((x) => x.status),
      ['verified'],
    );
  });

  it('still refutes a wrong bound with a stated law', () => {
    const s = steps(normal, block('P(X \\notin [-2, 2]) \\le \\frac{1}{100}'));
    assert.deepEqual(
      s.map((x) => x.status),
      ['refuted'],
    );
  });

  // Every Gauss rule, and the adaptive rule over the whole range, once read these events as probability 0:
  // no node fell inside them, so all estimates agreed on 0 with no error.
  it('never reads a narrow event between quadrature nodes as probability 0', () => {
    const s = steps(
      normal,
      '<!-- let B \\sim \\operatorname{Bernoulli}(0.5) -->\n<!-- let Y \\sim \\mathcal{N}(0, 1) -->\n',
      block('P(0.55 \\le X \\le 1.97) = 0'),
      block('P(0.5 \\le X \\le 0.505) = 0'),
      block('P(0.2 \\le 2X \\le 0.21) = 0'),
      block('P(X^2 \\le 0.0001) = 0'),
      block('P(0.5 \\le X \\le 0.505, B = 1) = 0'),
      block('P(0.5 \\le X + Y \\le 0.505) = 0'),
    );
    assert.deepEqual(
      s.map((x) => x.status),
      ['refuted', 'refuted', 'refuted', 'refuted', 'unverifiable', 'unverifiable'],
    );
  });

  it('gives a variable with no law atoms at the ends of its events', () => {
    assert.notEqual(steps(block('P(0.2 \\le 2Z \\le 0.21) = 0'))[0]?.status, 'verified');
  });

  // Two even Gauss orders have no node between 0 and 0.06 and read the step there as ½; the third, odd
  // order (a node at the centre) disagrees, so the adaptive rule decides.
  it('never reads an indicator inside an expectation as ½ by symmetric Gauss rules', () => {
    const s = steps(
      normal,
      block('\\mathbb{E}[\\mathbb{1}\\{X < 0.06\\}] = \\frac{1}{2}'),
      block('\\mathbb{E}[\\mathbb{1}\\{X < -0.06\\}] = \\frac{1}{2}'),
    );
    assert.deepEqual(
      s.map((x) => x.status),
      ['refuted', 'refuted'],
    );
  });
});
