// Taylor polynomials about a point x_0 (issue 11): `\approx` judged as x approaches x_0.
import assert from 'node:assert/strict';
import { verifyDocument } from '../../../src/core/document';
import type { StepResult } from '../../../src/core/types';

const steps = (text: string): StepResult[] => verifyDocument(text).derivations.flatMap((d) => d.steps);
const declared = '<!-- let x_0 \\in \\mathbb{R} -->\n';
const block = (tex: string): string => `${declared}$$\n${tex}\n$$\n`;
const status = (tex: string): string[] => steps(block(tex)).map((s) => s.status);

describe('calculus: Taylor polynomials about a point', () => {
  it('verifies a second-order expansion of an unknown function about x_0', () => {
    const taylor =
      'f(x) \\approx \\frac{1}{2}\\frac{d^2f}{dx^2}(x_0)(x-x_0)^{2}+ \\frac{df}{dx}(x_0)(x-x_0) + f(x_0)';
    assert.deepEqual(status(taylor), ['verified']);
    assert.deepEqual(status('\\sin(x) \\approx \\sin(x_0) + \\cos(x_0)(x - x_0)'), ['verified']);
  });

  it('refutes a wrong coefficient with the measured order, at the order the right side keeps', () => {
    const [s] = steps(
      block('f(x) \\approx \\frac{d^2f}{dx^2}(x_0)(x-x_0)^{2}+ \\frac{df}{dx}(x_0)(x-x_0) + f(x_0)'),
    );
    assert.equal(s?.status, 'refuted');
    assert.match(s?.message ?? '', /x - x_0 → 0.*order 2/);
  });

  it('does not take x_0 as an expansion point when the right side uses x otherwise', () => {
    // `+ x^3` is not a polynomial in x − x_0: the 1% reading applies, and fails at ordinary points.
    const [s] = steps(block('\\sin(x) \\approx \\sin(x_0) + \\cos(x_0)(x - x_0) + x^3'));
    assert.equal(s?.status, 'refuted');
    assert.doesNotMatch(s?.message ?? '', /→ 0/);
  });
});

describe('calculus: the prose calls it a Taylor or first-order approximation', () => {
  const said = (intro: string, tex: string): StepResult[] => steps(`${intro}\n\n$$\n${tex}\n$$\n`);
  it('takes the variables as the small quantities', () => {
    const [s] = said(
      'The first-order Taylor approximation of the hyperbolic tangent gives',
      '\\tanh(x) \\approx x',
    );
    assert.equal(s?.status, 'verified');
    assert.equal(said('To first order,', '\\sqrt{1 + x} \\approx 1 + \\frac{x}{2}')[0]?.status, 'verified');
  });

  it('still refutes a wrong expansion, and without the cue judges at ordinary points', () => {
    const [wrong] = said('To second order, we get', '\\cos(x) \\approx 1 - x^2');
    assert.equal(wrong?.status, 'refuted');
    assert.equal(wrong?.reason, 'counterexample');
    assert.equal(said('We get', '\\tanh(x) \\approx x')[0]?.status, 'refuted');
  });
});
