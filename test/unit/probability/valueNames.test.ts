// "X takes the values $x_i$ with probabilities $p_i$": in that section `\sum_i x_i p_i` is the sum over
// the values of X (probability/pairing.ts); without the words, x_i and p_i stay undeclared entries.
import assert from 'node:assert/strict';
import { valueNamesInWords } from '../../../src/core/prose/valueNames';
import { block, steps } from '../support/documentSteps';

const words =
  'If we have a discrete random variable $X$, which takes the values $x_i$ with probabilities $p_i$, then';

describe('probability: names for the values of a variable, in words', () => {
  it('reads the names after an inline capital', () => {
    const tex = { text: 'X', lines: [{ offset: 0, line: 1, column: 41 }] };
    assert.deepEqual(valueNamesInWords([words], tex), { variable: 'X', values: 'x', probabilities: 'p' });
    assert.equal(
      valueNamesInWords(['$X$ is a random variable with values $x_i$.'], {
        ...tex,
        lines: [{ offset: 0, line: 1, column: 2 }],
      }),
      undefined,
    );
  });

  it('Σ_i x_i p_i is E[X] in the section; Σ_i x_i² p_i is not', () => {
    const s = steps(words, '', block('E[X] = \\sum_i x_i p_i'), block('E[X] = \\sum_i x_i^2 p_i'));
    assert.deepEqual(
      s.map((x) => x.status),
      ['verified', 'refuted'],
    );
    assert.ok(s[1]?.counterexample && 'ℙ' in s[1].counterexample);
  });

  it('with a law stated in words after it, the sum is over that law', () => {
    const law =
      "Let's take $X$ to be the random variable which takes the value $a-2$ with probability $p$, $a+2$ with probability $p$ and $a$ with probability $1-2p$.";
    const s = steps(words, '', law, '', block('\\sum_i x_i p_i = (a-2)p + a(1-2p) + (a+2)p'));
    assert.deepEqual(
      s.map((x) => [x.status, x.method]),
      [['verified', 'exact']],
    );
  });

  it('ends with the section, and never reads x_i as values without the words', () => {
    const s = steps(words, '', '## Next', '', block('E[X] = \\sum_i x_i p_i'));
    assert.equal(s[0]?.status, 'unverifiable');
    assert.equal(s[0]?.reason, 'undeclared-symbol');
  });
});
