// Likelihoods as functions of their parameter (`P(X \mid \theta) = \theta^{n_H}(1-\theta)^{n_T}`), the
// example's counts set in the prose, and a chain that opens with `0 =` (an equation to solve).
import assert from 'node:assert/strict';
import { verifyDocument } from '../../../src/core/document';

const steps = (md: string) => verifyDocument(md).derivations.flatMap((d) => d.steps);
const verdicts = (md: string) => steps(md).map((s) => [s.status, s.reason ?? null]);

const coin =
  'Suppose that we have a single parameter $\\theta$.  Then\n\n' +
  '$$\nP(X \\mid \\theta) = \\theta^{n_H}(1-\\theta)^{n_T}.\n$$\n\n' +
  'If we flip $13$ coins and get the sequence "HHHTHTTHHHHHT", which has $n_H = 9$ and $n_T = 4$, we see that this is\n\n' +
  '$$\nP(X \\mid \\theta) = \\theta^9(1-\\theta)^4.\n$$\n\n';

describe('probability: likelihoods', () => {
  it('reads P(X | θ) = … with θ a parameter as the definition of the likelihood', () => {
    const [first] = steps(coin);
    assert.equal(first?.status, 'unverifiable');
    assert.equal(first?.reason, 'definition');
  });

  it('checks a restatement with the counts the prose set, and the derivative of the likelihood', () => {
    const md = `${coin}We compute\n\n$$\\frac{d}{d\\theta} P(X \\mid \\theta) = \\frac{d}{d\\theta} \\theta^9(1-\\theta)^4$$\n`;
    assert.deepEqual(verdicts(md), [
      ['unverifiable', 'definition'],
      ['verified', null],
      ['verified', null],
    ]);
  });

  it('refutes a wrong restatement and a wrong derivative of the likelihood', () => {
    const md =
      `${coin}We compute\n\n$$\\frac{d}{d\\theta} P(X \\mid \\theta) = 9\\theta^8(1-\\theta)^4 - 4\\theta^9(1-\\theta)^4$$\n\n` +
      'and\n\n$$P(X \\mid \\theta) = \\theta^9(1-\\theta)^5$$\n';
    assert.deepEqual(verdicts(md).slice(2), [
      ['refuted', 'counterexample'],
      ['refuted', 'counterexample'],
    ]);
  });

  it('reads a restatement as a new definition when the counts were not set', () => {
    const md =
      '$$P(X \\mid \\theta) = \\theta^{n_H}(1-\\theta)^{n_T}$$\n\nThen\n\n$$P(X \\mid \\theta) = \\theta^9(1-\\theta)^4$$\n';
    assert.deepEqual(verdicts(md), [
      ['unverifiable', 'definition'],
      ['unverifiable', 'definition'],
    ]);
  });

  it('reads a bold θ given to a likelihood defined in θ as that θ, in a later section', () => {
    const md =
      '$$P(X \\mid \\theta) = \\theta^{n_H}(1-\\theta)^{n_T}$$\n\n## Negative log-likelihood\n\nWe compute\n\n' +
      '$$-\\log(P(X \\mid \\boldsymbol{\\theta})) = -\\log(\\theta^{n_H}(1-\\theta)^{n_T}) = -(n_H\\log(\\theta) + n_T\\log(1-\\theta))$$\n\n' +
      'but not\n\n$$-\\log(P(X \\mid \\boldsymbol{\\theta})) = -(n_H\\log(\\theta) + n_T\\log(\\theta))$$\n';
    assert.deepEqual(verdicts(md).slice(1), [
      ['verified', null],
      ['verified', null],
      ['refuted', 'counterexample'],
    ]);
  });

  it('keeps P(X | Y) of two random variables a conditional probability', () => {
    assert.notEqual(verdicts('$$P(X \\mid Y) = Y^2$$')[0]?.[1], 'definition');
  });
});

describe('document: a chain that opens with 0 =', () => {
  const declared = '<!-- let\nx \\in \\mathbb{R}\n-->\n\n';

  it('reads its first relation as an equation to solve, never refuted, and checks the rest', () => {
    assert.deepEqual(verdicts(`${declared}$$0 = x^2 - 1 = (x-1)(x+1)$$`), [
      ['unverifiable', 'equation-to-solve'],
      ['verified', null],
    ]);
    assert.deepEqual(verdicts(`${declared}$$0 = x^2 - 1 = (x-1)(x+2)$$`)[1], ['refuted', 'counterexample']);
  });

  it('reads it so when its variable is undeclared too (one side only)', () => {
    assert.deepEqual(verdicts('$$0 = x^2 - 1 = (x-1)(x+1)$$')[0], ['unverifiable', 'equation-to-solve']);
  });

  it('leaves a lone 0 = … and a chain ending in = 0 as claims', () => {
    assert.deepEqual(verdicts(`${declared}$$0 = x^2 - 1$$`), [['refuted', 'counterexample']]);
    assert.deepEqual(verdicts(`${declared}$$x^2 - 1 = (x-1)(x+1) = 0$$`)[1], ['refuted', 'counterexample']);
  });

  it('never refutes 0 = d/dθ P(X | θ) where the text finds the maximum', () => {
    const md =
      `<!-- let\n\\theta \\in (0, 1)\n-->\n\n${coin}We compute:\n\n` +
      '$$\n\\begin{aligned}\n0 & = \\frac{d}{d\\theta} P(X \\mid \\theta) \\\\\n& = \\frac{d}{d\\theta} \\theta^9(1-\\theta)^4 \\\\\n' +
      '& = 9\\theta^8(1-\\theta)^4 - 4\\theta^9(1-\\theta)^3 \\\\\n& = \\theta^8(1-\\theta)^3(9-13\\theta).\n\\end{aligned}\n$$\n';
    assert.deepEqual(verdicts(md).slice(2), [
      ['unverifiable', 'equation-to-solve'],
      ['verified', null],
      ['verified', null],
      ['verified', null],
    ]);
  });
});
