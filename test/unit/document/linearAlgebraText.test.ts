import assert from 'node:assert/strict';
import type { StepResult } from '../../../src/core/types';
import { only, steps } from '../support/documentSteps';

describe('document: linear-algebra notation as published texts write it', () => {
  describe('entries named by the plain letter', () => {
    // d2l, preliminaries: x was a real number paragraphs before; x_i are the entries of the vector 𝐱.
    const before = [
      String.raw`Just remember that the expression $x \in \mathbb{R}$ is a formal way to say that $x$ is a real.`,
      '',
      String.raw`We write $\mathbf{x} \in \mathbb{R}^n$.`,
      '',
    ];

    it('x_i are the entries of the declared vector 𝐱: the 2-norm and 1-norm are verified, with the reading listed', () => {
      const s = only(...before, String.raw`$$\|\mathbf{x}\|_2 = \sqrt{\sum_{i=1}^n x_i^2}$$`);
      assert.equal(s.status, 'verified', s.message);
      assert.ok(s.assumptions.some((a) => a.symbol === 'x' && a.isDefault && a.convention !== undefined));
      const t = only(...before, String.raw`$$\|\mathbf{x}\|_1 = \sum_{i=1}^n \left|x_i \right|$$`);
      assert.equal(t.status, 'verified', t.message);
    });

    it('a wrong norm formula is still refuted', () => {
      const s = only(...before, String.raw`$$\|\mathbf{x}\|_2 = \sum_{i=1}^n x_i^2$$`);
      assert.equal(s.status, 'refuted');
    });

    it("the student's own declaration of x is kept: no reading as entries", () => {
      const s = only(
        String.raw`<!-- let x \in \mathbb{R}, \mathbf{x} \in \mathbb{R}^n -->`,
        String.raw`$$\|\mathbf{x}\|_2 = \sqrt{\sum_{i=1}^n x_i^2}$$`,
      );
      assert.notEqual(s.status, 'verified');
    });

    it('with both 𝐱 and 𝐗 declared as vectors the text has not said which: not read', () => {
      const s = only(
        String.raw`Let $\mathbf{x} \in \mathbb{R}^n$ and $\mathbf{X} \in \mathbb{R}^n$.`,
        '',
        String.raw`$$\|\mathbf{x}\|_1 = \sum_{i=1}^n \left|x_i \right|$$`,
      );
      assert.notEqual(s.status, 'verified');
    });
  });

  describe('a worked example continued under the next heading', () => {
    // d2l, eigendecompositions.
    const example = (intro: string, sigma: string): string[] => [
      '### An Example',
      String.raw`$$\mathbf{A} = \begin{bmatrix} 2 & 1\\ 2 & 3 \end{bmatrix}.$$`,
      '',
      '## Decomposing Matrices',
      intro,
      '',
      String.raw`$$\mathbf{W} = \begin{bmatrix} 1 & 1 \\ -1 & 2 \end{bmatrix},$$`,
      '',
      String.raw`$$\boldsymbol{\Sigma} = \begin{bmatrix} ${sigma} \end{bmatrix},$$`,
      '',
      'Then the definition of eigenvalues and eigenvectors tells us that',
      '',
      String.raw`$$\mathbf{A}\mathbf{W} =\mathbf{W} \boldsymbol{\Sigma} .$$`,
    ];
    const last = (s: StepResult[]): StepResult => s[s.length - 1] as StepResult;

    it('"Let\'s continue the previous example" keeps its values: AW = WΣ is verified', () => {
      const s = steps(
        ...example("Let's continue the previous example one step further.  Let", '1 & 0 \\\\ 0 & 4'),
      );
      assert.equal(last(s).status, 'verified', last(s).message);
    });

    it('with the wrong eigenvalues it is refuted', () => {
      const s = steps(
        ...example("Let's continue the previous example one step further.  Let", '1 & 0 \\\\ 0 & 3'),
      );
      assert.equal(last(s).status, 'refuted');
    });

    it('without that sentence the example ended with its section', () => {
      const s = steps(...example('Consider a matrix. Let', '1 & 0 \\\\ 0 & 4'));
      assert.notEqual(last(s).status, 'verified');
    });
  });

  describe('written intervals and indexed values set in the prose', () => {
    // d2l, Gershgorin circle theorem.
    const gershgorin = (interval: string): StepResult => {
      const s = steps(
        'Consider the matrix:',
        '',
        String.raw`$$\mathbf{A} = \begin{bmatrix} 1.0 & 0.1 & 0.1 & 0.1 \\ 0.1 & 3.0 & 0.2 & 0.3 \\ 0.1 & 0.2 & 5.0 & 0.5 \\ 0.1 & 0.3 & 0.5 & 9.0 \end{bmatrix}.$$`,
        '',
        'We have $r_1 = 0.3$, $r_2 = 0.6$, $r_3 = 0.8$ and $r_4 = 0.9$.',
        '',
        `$$${interval}, $$`,
      );
      return s[s.length - 1] as StepResult;
    };

    it('[a_{22}-r_2, a_{22}+r_2] = [2.4, 3.6] is verified, a_{22} the entry of 𝐀 and r_2 as set', () => {
      const s = gershgorin(String.raw`[a_{22}-r_2, a_{22}+r_2] = [2.4, 3.6]`);
      assert.equal(s.status, 'verified', s.message);
    });

    it('a wrong end is refuted', () => {
      assert.equal(gershgorin(String.raw`[a_{22}-r_2, a_{22}+r_2] = [2.4, 3.7]`).status, 'refuted');
      assert.equal(gershgorin(String.raw`[a_{22}-r_2, a_{22}+r_2] = [3.6, 2.4]`).status, 'refuted');
    });

    it('lists of different lengths stay unread', () => {
      assert.equal(gershgorin(String.raw`[a_{22}-r_2, a_{22}+r_2] = [2.4, 3.6, 1]`).status, 'unverifiable');
    });

    it('an inline x = 0 (a point, not a setting) does not set x', () => {
      const s = only('At $x = 0$ we get', '', '$$ (x+1)^2 = x^2 + 1 $$');
      assert.equal(s.status, 'refuted');
    });
  });

  describe('vectors written as transposed lists', () => {
    // d2l, geometry and linear algebraic operations.
    const columns = [
      String.raw`Let's take $\mathbf{b}_1 = [2,4]^\top$ and $\mathbf{b}_2 = [-1, -2]^\top$`,
      String.raw`be the two columns of $\mathbf{B}$.`,
      '',
    ];

    it('b_1 + 2 b_2 = 0 is verified with the columns the prose sets; a wrong multiple is refuted', () => {
      const s = only(...columns, String.raw`$$\mathbf{b}_1  + 2\cdot\mathbf{b}_2 = 0.$$`);
      assert.equal(s.status, 'verified', s.message);
      assert.equal(
        only(...columns, String.raw`$$\mathbf{b}_1  + 3\cdot\mathbf{b}_2 = 0.$$`).status,
        'refuted',
      );
    });

    it('an arbitrary vector [x, y]^T makes Av a matrix-vector product; the transposed product is refuted', () => {
      const av = (rhs: string): StepResult | undefined =>
        steps(
          String.raw`$$\mathbf{A} = \begin{bmatrix} a & b \\ c & d \end{bmatrix}.$$`,
          '',
          String.raw`Take an arbitrary vector $\mathbf{v} = [x, y]^\top$. We multiply and see that`,
          '',
          `$$\\mathbf{A}\\mathbf{v} = ${rhs}$$`,
        ).find((x) => x.line === 5);
      const s = av(String.raw`\begin{bmatrix}ax+by\\ cx+dy\end{bmatrix}`);
      assert.equal(s?.status, 'verified', s?.message);
      assert.equal(av(String.raw`\begin{bmatrix}ax+cy\\ bx+dy\end{bmatrix}`)?.status, 'refuted');
    });

    it('without a sentence that sets it ("at"), a vector in the prose is a point, not a setting', () => {
      const s = only(
        String.raw`The gradient vanishes at $\mathbf{b}_1 = [0, 0]^\top$.`,
        '',
        String.raw`$$\|\mathbf{b}_1\| = 0$$`,
      );
      assert.notEqual(s.status, 'verified');
    });
  });

  describe('vectors written as tuples, lengths stated in words', () => {
    // d2l, geometry: the dot product and the angle.
    const angle = (words: string, rhs: string): StepResult[] =>
      steps(
        "To start, let's consider two specific vectors:",
        '',
        String.raw`$$\mathbf{v} = (r,0) \; \textrm{and} \; \mathbf{w} = (s\cos(\theta), s \sin(\theta)).$$`,
        '',
        words,
        'Computing the dot product of these two vectors, we see that',
        '',
        `$$\\mathbf{v}\\cdot\\mathbf{w} = ${rhs}$$`,
      ).slice(2);

    const lengths = String.raw`The vector $\mathbf{v}$ is length $r$, and the vector $\mathbf{w}$ is of length $s$.`;
    const full = String.raw`rs\cos(\theta) = \|\mathbf{v}\|\|\mathbf{w}\|\cos(\theta)`;

    it('v·w = rs cos θ = ‖v‖‖w‖ cos θ is verified, r and s lengths as the prose says', () => {
      const s = angle(lengths, full);
      assert.deepEqual(
        s.map((x) => x.status),
        ['verified', 'verified'],
      );
    });

    it('a wrong dot product is refuted', () => {
      assert.equal(angle(lengths, String.raw`rs\sin(\theta)`)[0]?.status, 'refuted');
    });

    it('without the lengths in words, s may be negative and ‖w‖ = s is refuted', () => {
      const s = angle('', full);
      assert.equal(s[1]?.status, 'refuted');
    });
  });
});
