import assert from 'node:assert/strict';
import { readCues, type Cue } from '../../../src/core/prose/cues';
import { introBefore, sentences } from '../../../src/core/prose/intro';

/** The cues of a sentence that runs into a block. */
const cues = (sentence: string): Cue[] => [...readCues({ sentence, runsIn: true })].sort();

describe('prose cues: the sentence before a block', () => {
  it('reads hypotheses from lecture notes and d2l', () => {
    for (const s of [
      String.raw`Let $V^0, V^1, \ldots$ be nonnegative sequences satisfying`,
      'Given labeled data, we train the model to satisfy',
      String.raw`In general, if we can find a number $\lambda$ and a vector $\mathbf{v}$ such that`,
      'Instead, we simply try to satisfy:',
      String.raw`They are non-negative functions $p(x) \ge 0$ such that`,
      String.raw`To find a matrix which undoes what our matrix $\mathbf{A}$ has done, we want to find a matrix $\mathbf{A}^{-1}$ such that`,
      'Suppose that we are working with the function',
      String.raw`Assuming that $\mathbf{x}$ is a vector, the model is trained subject to`,
      // d2l's Bayes example: the factorisation below holds only under that assumption.
      "Let's calculate the requisite probabilities to invoke Bayes' theorem by assuming conditional independence:",
    ]) {
      assert.deepEqual(cues(s), ['hypothesis'], s);
    }
  });

  it('reads conclusions, invitations and "as if" as no hypothesis', () => {
    for (const s of [
      'If we push the logic further to $n=3$, we will conclude that',
      'Thus, if we take negative logarithms of this we obtain',
      "Let's consider",
      String.raw`Similarly, we know that the derivative of $e^{x}$ is itself, so that means`,
      String.raw`**Mistake 3** — multiplying the Jacobians of two residual blocks in either order, as if $AB = BA$:`,
      '**Mistake 1** — assuming the sigmoid commutes with dropout as well:',
      'Therefore we get',
      'If we differentiate both sides, we get',
      'Suppose the loss is quadratic. Then',
      String.raw`Assuming that $\mathbf{x}$ is an univariate variable, we saw that it had a density of`,
    ]) {
      assert.deepEqual(cues(s).includes('hypothesis'), false, s);
    }
  });

  it('reads definitions and approximations', () => {
    assert.deepEqual(cues('For a distribution $P$ its *entropy*, $H[P]$, is defined as:'), ['definition']);
    assert.deepEqual(cues('In this case, our integral is approximately'), ['approximation']);
  });

  it('takes no cue from a sentence that ends before the block', () => {
    assert.equal(readCues({ sentence: 'Let $x > 0$.', runsIn: false }).size, 0);
    assert.equal(readCues(undefined).size, 0);
  });
});

describe('prose: the sentence introducing a block', () => {
  it('is the last sentence of the paragraph above, with inline math and abbreviations kept whole', () => {
    const lines = [
      'Note that we use base-2 logarithms. For the sake of simplicity, i.e., $\\log(.)$ is $\\log_2(.)$, let',
      '$x > 0.5$ satisfy',
      '',
      '$$ x^2 > 0.25 $$',
    ];
    assert.deepEqual(introBefore(lines, 4), {
      sentence: 'For the sake of simplicity, i.e., $\\log(.)$ is $\\log_2(.)$, let $x > 0.5$ satisfy',
      runsIn: true,
    });
  });

  it('says whether the sentence runs into the block', () => {
    assert.equal(introBefore(['We are done.', '$$ a = b $$'], 2)?.runsIn, false);
    assert.equal(introBefore(['# Heading', '$$ a = b $$'], 2), undefined);
  });

  it('splits sentences outside inline math only', () => {
    assert.deepEqual(sentences('Take $x = 1. 5$ here. Then go.'), ['Take $x = 1. 5$ here.', 'Then go.']);
  });
});
