import assert from 'node:assert/strict';
import { verifyDocument } from '../../../src/core/document';
import type { StepResult } from '../../../src/core/types';

const steps = (...lines: string[]): StepResult[] =>
  verifyDocument(lines.join('\n')).derivations.flatMap((d) => d.steps);

// From the OCR'd homework 6: the residual layer y_ℓ = σ(A_ℓ y_{ℓ-1} + b_ℓ) + y_{ℓ-1}, never written alone.
const restating = String.raw`$$\frac{\partial y_{\ell}}{\partial y_{\ell-1}} = \frac{\partial}{\partial y_{\ell-1}} \left(\sigma \left(A_{\ell} y_{\ell-1} + b_{\ell} \right) + y_{\ell-1} \right)$$`;
const shapes = String.raw`<!-- let A_\ell \in \mathbb{R}^{3 \times 3}, b_\ell \in \mathbb{R}^3, y_{\ell-1} \in \mathbb{R}^3, \sigma(z) = \tanh(z) -->`;
/** The restating block with more steps written after it. */
const then = (more: string): string => `${restating.slice(0, -2)}${more}$$`;
const jacobian = String.raw`\operatorname{diag}\left(\sigma^{\prime}(A_\ell y_{\ell-1} + b_\ell)\right) A_\ell`;

describe('document: a step that restates a definition', () => {
  it('∂y_ℓ/∂y_{ℓ-1} = ∂/∂y_{ℓ-1}(…) with y_ℓ undefined is reported as the definition of y_ℓ', () => {
    const [s] = steps('For $\\ell=2,...,L-1$', '', restating);
    assert.equal(s?.status, 'unverifiable');
    assert.equal(s?.reason, 'definition');
    assert.equal(s?.subject, 'y_ℓ');
  });

  it('the same restatement written again stays a definition, never a vacuous pass', () => {
    const all = steps(restating, '', restating, '', restating);
    assert.deepEqual(
      all.map((s) => s.reason),
      ['definition', 'definition', 'definition'],
    );
  });

  it("the student's next step, the Jacobian, is checked against it", () => {
    const [def, next] = steps(shapes, then(` = ${jacobian} + I`));
    assert.equal(def?.reason, 'definition');
    assert.equal(next?.status, 'verified', next?.message);
    // In the following blocks too.
    const [, later] = steps(
      shapes,
      restating,
      `$$\\frac{\\partial y_{\\ell}}{\\partial y_{\\ell-1}} = ${jacobian} + I$$`,
    );
    assert.equal(later?.status, 'verified', later?.message);
  });

  it('a wrong Jacobian after it is refuted (the skip connection forgotten)', () => {
    const [, next] = steps(shapes, then(` = ${jacobian}`));
    assert.equal(next?.status, 'refuted');
    const [, later] = steps(
      shapes,
      restating,
      `$$\\frac{\\partial y_{\\ell}}{\\partial y_{\\ell-1}} = ${jacobian}$$`,
    );
    assert.equal(later?.status, 'refuted');
  });

  it('a scalar chain: the definition, then its derivative checked, a wrong one refuted', () => {
    const s = steps(
      String.raw`$$\frac{d y}{d x} = \frac{d}{d x}\left(x^2 + x\right) = 2x + 1$$`,
      String.raw`$$\frac{d y}{d x} = 2x$$`,
    );
    assert.deepEqual(
      s.map((x) => x.status),
      ['unverifiable', 'verified', 'refuted'],
    );
    assert.equal(s[0]?.reason, 'definition');
    assert.equal(s[2]?.reason, 'counterexample');
  });

  it('a symbol the student declared keeps the step a claim about it, and a false one is refuted', () => {
    const [s] = steps(
      '<!-- let y = x^3 -->',
      String.raw`$$\frac{d y}{d x} = \frac{d}{d x}\left(x^2\right)$$`,
    );
    assert.equal(s?.status, 'refuted');
  });

  it('not a restatement: different variables on the two sides, or the body not reading the variable', () => {
    const [a] = steps(
      String.raw`$$\frac{\partial y}{\partial x} = \frac{\partial}{\partial t}\left(t^2\right)$$`,
    );
    assert.notEqual(a?.reason, 'definition');
    const [b] = steps(
      String.raw`$$\frac{\partial y}{\partial x} = \frac{\partial}{\partial x}\left(t^2\right)$$`,
    );
    assert.notEqual(b?.reason, 'definition');
  });

  it('a later restatement with another body replaces the earlier one', () => {
    const s = steps(
      String.raw`$$\frac{d y}{d x} = \frac{d}{d x}\left(x^2\right)$$`,
      String.raw`$$\frac{d y}{d x} = \frac{d}{d x}\left(x^3\right) = 3x^2$$`,
    );
    assert.deepEqual(
      s.map((x) => x.status),
      ['unverifiable', 'unverifiable', 'verified'],
    );
  });
});
