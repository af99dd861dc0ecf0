import assert from 'node:assert/strict';
import { verifyDocument } from '../../../src/core/document';
import type { StepResult } from '../../../src/core/types';

const steps = (...lines: string[]): StepResult[] =>
  verifyDocument(lines.join('\n')).derivations.flatMap((d) => d.steps);
const only = (...lines: string[]): StepResult => {
  const s = steps(...lines);
  assert.equal(s.length, 1, JSON.stringify(s));
  return s[0] as StepResult;
};

describe('document: blocks read with the prose that introduces them', () => {
  describe('hypotheses', () => {
    it('a hypothesis is reported as such, not refuted', () => {
      const s = only(
        String.raw`Let $V^0, V^1, \ldots$ be nonnegative sequences satisfying`,
        String.raw`$$V^{k+1} \le V^k - S^k$$`,
      );
      assert.equal(s.status, 'unverifiable');
      assert.equal(s.reason, 'hypothesis');
      const t = only('We train the model to satisfy', '$$ y_i x_i > 0 $$');
      assert.equal(t.reason, 'hypothesis');
      assert.equal(t.counterexample, null);
    });

    it('a student\'s "we get" or "therefore" before a wrong identity is still refuted', () => {
      for (const intro of ['Therefore we get', 'If we expand the square, we get', 'Suppose $x > 0$. Then']) {
        const s = only(intro, '$$ (x+1)^2 = x^2 + 1 $$');
        assert.equal(s.status, 'refuted', intro);
        assert.equal(s.reason ?? 'counterexample', 'counterexample');
      }
    });

    it('a mistake introduced "as if" a false rule held is still refuted', () => {
      const s = only(
        '<!-- let A \\in \\mathbb{R}^{2 \\times 2}, B \\in \\mathbb{R}^{2 \\times 2} -->',
        'Multiplying the Jacobians in either order, as if $AB = BA$:',
        '$$ (I + A)(I + B) = (I + B)(I + A) $$',
      );
      assert.equal(s.status, 'refuted');
    });
  });

  describe('conventions', () => {
    it('a text that fixes the base of log gets that base, listed as an assumption', () => {
      const s = only(
        'Note that we will always use base-2 logarithms in this section. For example,',
        String.raw`$$ - \log \left( \frac{1}{2^4} \right) = 4 $$`,
      );
      assert.equal(s.status, 'verified', s.message);
      assert.ok(s.assumptions.some((a) => a.includes('log base 2')));
    });

    it('without such a sentence, log is natural and the same step is refuted', () => {
      assert.equal(only(String.raw`$$ - \log \left( \frac{1}{2^4} \right) = 4 $$`).status, 'refuted');
      // The base applies after the sentence only.
      const [before, after] = steps(
        '$$ \\log 8 = 3 $$',
        'From now on we use base-2 logarithms.',
        '$$ \\log 8 = 3 $$',
      );
      assert.equal(before?.status, 'refuted');
      assert.equal(after?.status, 'verified');
    });

    it('a count in an exponent starts at 1', () => {
      const s = only('Thus we can say that', '$$ x^n - 0^n = x^n $$');
      assert.equal(s.status, 'verified', s.message);
      assert.ok(s.assumptions.some((a) => a.startsWith('n ∈ {1,…,')));
      assert.equal(only('$$ x^n - 0^n = x^{n+1} $$').status, 'refuted');
    });

    it('the r of polar coordinates is positive; a wrong step about it is still refuted', () => {
      const jacobian = String.raw`\left|\det\begin{bmatrix} \cos(\theta) & -r\sin(\theta) \\ \sin(\theta) & r\cos(\theta) \end{bmatrix}\right|`;
      const s = only(String.raw`$$ ${jacobian} = r(\cos^{2}(\theta) + \sin^{2}(\theta)) $$`);
      assert.equal(s.status, 'verified', s.message);
      assert.ok(s.assumptions.some((a) => a.startsWith('r > 0')));
      assert.equal(
        only(String.raw`$$ ${jacobian} = r(\cos^{2}(\theta) + 2\sin^{2}(\theta)) $$`).status,
        'refuted',
      );
      // Without an angle, r is any real.
      assert.equal(only(String.raw`$$ \sqrt{r^2} = r $$`).status, 'refuted');
    });

    it('an approximation in a count that holds for large counts is not refuted; a wrong one is', () => {
      const intro = 'Thus to choose it *at least* once is';
      const s = only(intro, String.raw`$$ 1 - (1-1/n)^n \approx 1-e^{-1} $$`);
      assert.equal(s.status, 'unverifiable');
      assert.equal(s.reason, 'approximation');
      assert.equal(only(intro, String.raw`$$ 1 - (1-1/n)^n \approx 2e^{-1} $$`).status, 'refuted');
    });
  });

  describe('sequences', () => {
    it('an update rule is a recurrence, never refuted', () => {
      const s = only(String.raw`$$ \theta^{k+1} = \theta^k - \alpha g^k $$`);
      assert.equal(s.status, 'unverifiable');
      assert.equal(s.reason, 'recurrence');
    });

    it('the power rule stays a claim about powers', () => {
      assert.equal(only(String.raw`$$ \frac{d}{dx} x^n = n x^{n-1} $$`).status, 'verified');
      assert.equal(only(String.raw`$$ \frac{d}{dx} x^n = x^{n-1} $$`).status, 'refuted');
    });

    it('keeps the file position of a relation after a rewritten superscript', () => {
      const s = only('Let', String.raw`$$ V^{k+1} \le V^k - S^k $$`);
      assert.deepEqual([s.line, s.column], [2, 12]);
    });
  });
});
