// A finite law stated in words, as worked examples state it, and `\operatorname{Values}(v₁, p₁, …)`.
import assert from 'node:assert/strict';
import { block, steps } from '../support/documentSteps';

const example =
  "Let's take $X$ to be the random variable which takes the value $a-2$ with probability $p$, $a+2$ with probability $p$ and $a$ with probability $1-2p$.";

describe('probability: a finite law stated in words', function () {
  this.timeout(20_000);

  it('reads the values and their probabilities as the law of X', () => {
    const s = steps(
      example,
      '',
      block('E\\left[X^2\\right] = (a-2)^2p + a^2(1-2p) + (a+2)^2p'),
      block('E[X^2] - \\mu_X^2 = 8p'),
      block('E[X^2] = a^2 + 4p'),
    );
    assert.deepEqual(
      s.map((x) => [x.status, x.method]),
      [
        ['verified', 'exact'],
        ['verified', 'exact'],
        ['refuted', 'exact'],
      ],
    );
  });

  it('holds for the section of the worked example only', () => {
    const s = steps(example, '', block('E[X] = a'), '### Next', '', block('E[X] = a'));
    assert.deepEqual(
      s.map((x) => x.status),
      ['verified', 'unverifiable'],
    );
  });

  it('never verifies with probabilities that cannot be a law', () => {
    const s = steps(
      'Let $X$ be the random variable which takes the value $1$ with probability $p$ and $2$ with probability $p$.',
      '',
      block('E[X] = 3p'),
    );
    assert.equal(s[0]?.status, 'unverifiable');
  });

  it('takes the law written out with \\operatorname{Values}', () => {
    const s = steps(
      '<!-- let X \\sim \\operatorname{Values}(-1, 0.25, 0, 0.5, 1, 0.25) -->',
      block('\\operatorname{Var}(X) = \\frac{1}{2}'),
      block('\\operatorname{Var}(X) = 1'),
    );
    assert.deepEqual(
      s.map((x) => x.status),
      ['verified', 'refuted'],
    );
  });
});
