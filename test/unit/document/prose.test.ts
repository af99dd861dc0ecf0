import assert from 'node:assert/strict';
import type { StepResult } from '../../../src/core/types';
import { only, steps } from '../support/documentSteps';

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
      assert.ok(s.assumptions.some((a) => a.symbol === 'log' && a.domain === 'log base 2' && a.isDefault));
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
      assert.ok(s.assumptions.some((a) => a.symbol === 'n' && a.convention === 'a count in an exponent'));
      assert.equal(only('$$ x^n - 0^n = x^{n+1} $$').status, 'refuted');
    });

    it('the r of polar coordinates is positive; a wrong step about it is still refuted', () => {
      const jacobian = String.raw`\left|\det\begin{bmatrix} \cos(\theta) & -r\sin(\theta) \\ \sin(\theta) & r\cos(\theta) \end{bmatrix}\right|`;
      const s = only(String.raw`$$ ${jacobian} = r(\cos^{2}(\theta) + \sin^{2}(\theta)) $$`);
      assert.equal(s.status, 'verified', s.message);
      assert.ok(
        s.assumptions.some((a) => a.symbol === 'r' && a.domain === '(0, ∞)' && a.convention === 'a radius'),
      );
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
  describe('domains stated in words or sets', () => {
    const hinge = String.raw`$$ \frac{1}{2}|1 - y_1 y_2| = \begin{cases} 0 & y_1 = y_2 \\ 1 & y_1 \ne y_2 \end{cases} $$`;

    it('labels in a finite set are drawn from it', () => {
      const s = only(String.raw`Consider labels $y_1, y_2 \in \{-1, +1\}$. Then`, hinge);
      assert.equal(s.status, 'verified', s.message);
      // Undeclared, the labels are reals and the identity fails.
      assert.equal(only(hinge).status, 'refuted');
      // A wrong identity about the labels is still refuted.
      const wrong = only(String.raw`Let $y \in \{-1, +1\}$.`, '$$ y^2 = y $$');
      assert.equal(wrong.status, 'refuted');
      assert.deepEqual(wrong.counterexample, { y: -1 });
    });

    it('"positive", "nonnegative" and "positive integers" before a symbol are its domain', () => {
      assert.equal(only('For a positive number $u$,', '$$ \\sqrt{u^2} = u $$').status, 'verified');
      assert.equal(
        only('For nonnegative weights $w_1, w_2$,', '$$ \\sqrt{w_2^2} = w_2 $$').status,
        'verified',
      );
      assert.equal(only('For positive integers $n$,', '$$ (-1)^{2n} = 1 $$').status, 'verified');
      // "positive definite" says nothing about the sign of the symbol.
      assert.equal(
        only('The positive definite matrix $P$ is fine.', '$$ \\sqrt{P^2} = P $$').status,
        'refuted',
      );
      assert.equal(only('For a positive number $u$,', '$$ \\sqrt{u^2} = -u $$').status, 'refuted');
    });

    it('a hypothesis constrains its symbols for the steps after it', () => {
      const [, , after, wrong] = steps(
        'Suppose that',
        String.raw`$$ x > 0, \quad y \in \{-1, 1\} $$`,
        String.raw`$$ \sqrt{x^2} = x, \quad y^2 = 1 $$`,
        String.raw`$$ y^3 = 1 $$`,
      );
      assert.equal(after?.status, 'verified', after?.message);
      assert.equal(wrong?.status, 'refuted');
      // A claim the text makes ("we know that") constrains nothing.
      const [, later] = steps('We know that', '$$ z > 0 $$', '$$ \\sqrt{z^2} = z $$');
      assert.equal(later?.status, 'refuted');
    });
  });
  describe('worked examples', () => {
    it('a matrix written out entry by entry is what its name means in the steps after it', () => {
      const [def, product, wrong] = steps(
        'Suppose that we have some matrix:',
        String.raw`$$ \mathbf{A} = \begin{bmatrix} a & b \\ c & d \end{bmatrix} $$`,
        String.raw`$$ \mathbf{A}\begin{bmatrix} 1 \\ 0 \end{bmatrix} = \begin{bmatrix} a \\ c \end{bmatrix} $$`,
        String.raw`$$ \mathbf{A}\begin{bmatrix} 1 \\ 1 \end{bmatrix} = \begin{bmatrix} a + b \\ c - d \end{bmatrix} $$`,
      );
      assert.equal(def?.status, 'unverifiable');
      assert.equal(product?.status, 'verified', product?.message);
      assert.equal(wrong?.status, 'refuted');
    });
    it('a symbol set to a number is that number for the steps after it, until the next heading', () => {
      const s = steps(
        String.raw`Let $x \in \mathbb{R}^3$ be the input.`,
        '## Example',
        '$$ x = 3, \\quad y = 2 $$',
        String.raw`$$ a = \log x = \log 3, \quad x y = 6, \quad x^2 = 10 $$`,
        '## Next',
        '$$ x^2 = 9 $$',
      );
      const by = (lhs: string, rhs: string): StepResult | undefined =>
        s.find((t) => t.lhs === lhs && t.rhs === rhs);
      assert.equal(by('x', '3')?.status, 'unverifiable');
      assert.equal(by('x', '3')?.counterexample, null);
      assert.equal(by('\\log x', '\\log 3')?.status, 'verified');
      assert.equal(by('x y', '6')?.status, 'verified');
      // A wrong step of the example is refuted at the example's values.
      assert.equal(by('x^2', '10')?.status, 'refuted');
      // After the heading x is the vector the prose declared again: no longer 3.
      assert.notEqual(by('x^2', '9')?.status, 'verified');
    });
  });
  describe('claims about objects that could not be read', () => {
    // A row whose pattern cannot be read (it does not step by one): `w_1 & w_2 & \cdots` now reads.
    const unread = String.raw`$$ A = \begin{bmatrix} w_1 & w_3 & \cdots & w_f \end{bmatrix} $$`;

    it('a step about a symbol whose definition could not be read is not refuted by sampling it as free', () => {
      const [, wrong, right] = steps(unread, '$$ A + 1 = A $$', '$$ 2A = A + A $$');
      assert.equal(wrong?.status, 'unverifiable');
      assert.equal(wrong?.reason, 'unreadable-definition');
      assert.equal(wrong?.subject, 'A');
      assert.equal(right?.status, 'verified');
      // Without that definition the same step is refuted, and a later assignment makes A readable again.
      assert.equal(only('$$ A + 1 = A $$').status, 'refuted');
      const [, , again] = steps(unread, '$$ A = 2 $$', '$$ A + 1 = A $$');
      assert.equal(again?.status, 'refuted');
    });
  });
  describe('properties of defined functions', () => {
    it('a bound on a defined function is a bound on its values, elementwise', () => {
      const s = steps(
        String.raw`<!-- let z \in \mathbb{R}^3 -->`,
        String.raw`$$ \mu(z) = \operatorname{softmax}(z) $$`,
        String.raw`$$ \sum_{i=1}^{3} \mu(z)_i = 1, \quad \mu > 0, \quad \mu < 1, \quad \mu > 1 $$`,
      );
      assert.deepEqual(
        s.map((t) => t.status),
        ['unverifiable', 'verified', 'verified', 'verified', 'refuted'],
      );
    });
  });
});
