// `\sigma_{aX+b}`, `\mu_{X+Y}`: a statistic subscripted by an expression of random variables; a random
// variable the prose defines as such an expression (`$Y=aX+b$`) for the displays of its sentence; events
// joined by the word "and" inside P(…).
import assert from 'node:assert/strict';
import { verifyDocument } from '../../../src/core/document';
import { Rng } from '../../../src/core/numeric/random';
import { expectation } from '../../../src/core/probability/expect';

const steps = (md: string) => verifyDocument(md).derivations.flatMap((d) => d.steps);
const verdicts = (md: string) => steps(md).map((s) => [s.status, s.reason ?? null]);
const declared = '<!-- let\na \\in \\mathbb{R}\nb \\in \\mathbb{R}\n-->\n\n';

describe('probability: statistics of expressions', () => {
  it('takes the mean of a quantity equal on every outcome exactly (no ulp off from weights)', () => {
    // 0.1 + 0.2 + 0.7 is 0.9999999999999999: summed, the mean of the constant -1 would be off by an ulp.
    const comps = [{ kind: 'table' as const, probs: [0.1, 0.2, 0.7] }];
    const m = expectation({ components: comps, assign: () => undefined, f: () => -1 }, new Rng(1));
    assert.equal(m.value, -1);
  });

  it('reads \\sigma_{aX+b} as the standard deviation of aX + b, \\mu_{aX+b} as its mean', () => {
    assert.deepEqual(
      verdicts(`${declared}$$\\sigma_{aX+b} = |a|\\sigma_{X}, \\quad \\mu_{aX+b} = a\\mu_X + b$$`),
      [
        ['verified', null],
        ['verified', null],
      ],
    );
  });

  it('refutes forgetting the absolute value (a < 0) and the shift of the mean', () => {
    assert.deepEqual(verdicts(`${declared}$$\\sigma_{aX+b} = a\\sigma_{X}, \\quad \\mu_{aX+b} = a\\mu_X$$`), [
      ['refuted', 'counterexample'],
      ['refuted', 'counterexample'],
    ]);
  });

  it('leaves a subscript with no random variable a symbol', () => {
    assert.deepEqual(verdicts(`${declared}$$\\sigma_{a+b} = \\sigma_{b+a}$$`)[0]?.[0], 'unverifiable');
  });
});

describe('probability: a random variable the prose defines', () => {
  const intro =
    'As another example, consider $X$ as any random variable, and $Y=aX+b$ as any linear deterministic ' +
    'function of $X$.  Then, one can compute that\n\n';

  it('reads $Y=aX+b$ as the definition of Y for the displays of its sentence', () => {
    const md =
      `${intro}$$\\sigma_{Y} = \\sigma_{aX+b} = |a|\\sigma_{X},$$\n\n` +
      '$$\\textrm{Cov}(X, Y) = \\textrm{Cov}(X, aX+b) = a\\textrm{Cov}(X, X) = a\\textrm{Var}(X),$$\n';
    assert.deepEqual(
      steps(md).map((s) => s.status),
      ['verified', 'verified', 'verified', 'verified', 'verified'],
    );
  });

  it('refutes a wrong statistic of the defined variable', () => {
    assert.deepEqual(verdicts(`${declared}${intro}$$\\sigma_{Y} = a\\sigma_{X}$$\n`), [
      ['refuted', 'counterexample'],
    ]);
  });

  it('ends the definition with its sentence: a new paragraph reads Y as a random variable again', () => {
    const md =
      `${intro}$$\\sigma_{Y} = |a|\\sigma_{X}$$\n\n` +
      'If $X$ and $Y$ are independent then\n\n' +
      '$$\\textrm{Var}(X+Y) = \\textrm{Var}(X) + \\textrm{Var}(Y)$$\n';
    assert.deepEqual(
      steps(md).map((s) => s.status),
      ['verified', 'verified'],
    );
  });

  it('keeps a sentence carried on below a display ("and thus … that")', () => {
    const md = `${intro}$$\\sigma_{Y} = |a|\\sigma_{X},$$\n\nand thus that\n\n$$\\mu_{Y} = a\\mu_X + b$$\n`;
    assert.deepEqual(
      steps(md).map((s) => s.status),
      ['verified', 'verified'],
    );
  });

  it('does not read a lower-case name or a value as a random variable defined', () => {
    const md = 'Consider $y = aX + b$ and then\n\n$$\\mathbb{E}[y] = a\\mathbb{E}[X] + b$$\n';
    assert.notEqual(steps(md)[0]?.status, 'verified');
  });
});

describe('probability: events joined by "and"', () => {
  it('reads \\textrm{and} in P(…) as ∩', () => {
    assert.deepEqual(
      verdicts('$$P(X = 1 \\; \\textrm{and} \\; Y = 3) = P(X = 1, Y = 3) = P(X = 1 \\cap Y = 3)$$'),
      [
        ['verified', null],
        ['verified', null],
      ],
    );
  });

  it('never refutes a joint law stated with "and"', () => {
    const md =
      '<!-- let\np \\in [0, 1]\n-->\n\n$$\n\\begin{aligned}\nP(X = 1 \\; \\textrm{and} \\; Y = -1) & = \\frac{p}{2}, \\\\\n' +
      'P(X = 3 \\; \\textrm{and} \\; Y = 3) & = \\frac{1-p}{2}\n\\end{aligned}\n$$\n';
    assert.deepEqual(verdicts(md), [
      ['unverifiable', 'particular-distribution'],
      ['unverifiable', 'particular-distribution'],
    ]);
  });

  it('refutes a wrong rule written with words', () => {
    assert.deepEqual(verdicts('$$P(A \\text{ or } B) = P(A) + P(B)$$'), [['refuted', 'counterexample']]);
  });
});
