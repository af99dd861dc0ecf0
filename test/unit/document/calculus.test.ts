// The calculus of issue 11 as documents read it: unknown functions, approximations, stated traits.
import assert from 'node:assert/strict';
import { verifyDocument } from '../../../src/core/document';
import type { StepResult } from '../../../src/core/types';

const steps = (text: string): StepResult[] => verifyDocument(text).derivations.flatMap((d) => d.steps);
const status = (text: string): string[] => steps(text).map((s) => s.status);
const block = (tex: string): string => `$$\n${tex}\n$$\n`;

describe('calculus: unknown functions', () => {
  it('verifies derivative rules for every function and refutes a wrong one', () => {
    assert.deepEqual(status(block("\\frac{d}{dx} g(x)^2 = 2 g(x) g'(x)")), ['verified']);
    assert.deepEqual(status(block("\\frac{d}{dx} g(x)^2 = 2 g'(x)")), ['refuted']);
    assert.deepEqual(
      status(block("\\frac{d}{dx} \\frac{f(x)}{g(x)} = \\frac{f'(x) g(x) - f(x) g'(x)}{g(x)^2}")),
      ['verified'],
    );
    assert.deepEqual(status(block("\\frac{d}{dx} f(g(x)) = f'(g(x)) g'(x)")), ['verified']);
    assert.deepEqual(status(block("f''(x) = \\frac{d}{dx} f'(x)")), ['verified']);
  });

  it('names the functions taken as unknown, and describes the one that breaks a step', () => {
    const [s] = steps(block("\\frac{d}{dx} g(x)^2 = 2 g'(x)"));
    assert.ok(s?.assumptions.some((a) => a.startsWith('g: any smooth function')));
    assert.match(s?.message ?? '', /with g\(x\) = [-\d.]+/);
  });

  it('keeps products: p(1 - p) and x(1 - x) are not applications', () => {
    assert.deepEqual(status(block('p(1 - p) = p - p^2')), ['verified']);
    assert.deepEqual(status(block('x(1 - x) = x - x^2')), ['verified']);
  });

  it('applies functions of several variables and vectors, one function per name', () => {
    assert.deepEqual(status(block('u(a, b) + v(a, b) = v(a, b) + u(a, b)')), ['verified']);
    assert.deepEqual(status(block('2 u(a, b) = u(a, b) + u(b, a)')), ['refuted']);
    const vectors = '<!-- let x, y \\in \\mathbb{R}^{3} -->\n';
    assert.deepEqual(status(vectors + block('f(x + y) = f(y + x)')), ['verified']);
    assert.deepEqual(status(vectors + block('f(x + y) = f(x) + f(y)')), ['refuted']);
  });

  it('leaves a statement about one particular function unverifiable, never refuted', () => {
    assert.deepEqual(status(block("f'(x) = 3")), ['unverifiable']);
    assert.deepEqual(status(block('c(x) \\le 0')), ['unverifiable']);
  });

  it('applies σ entrywise, as an activation', () => {
    const text =
      '<!-- let A \\in \\mathbb{R}^{3 \\times 3}\nb, y \\in \\mathbb{R}^{3} -->\n' +
      block(
        "\\frac{\\partial}{\\partial y}\\left(\\sigma(A y + b) + y\\right) = \\operatorname{diag}\\left(\\sigma'(A y + b)\\right) A + I",
      ) +
      block(
        "\\frac{\\partial}{\\partial y}\\left(\\sigma(A y + b) + y\\right) = A \\operatorname{diag}\\left(\\sigma'(A y + b)\\right) + I",
      );
    assert.deepEqual(status(text), ['verified', 'refuted']);
  });
});

describe('calculus: stated traits', () => {
  const jensen = block('f\\left(\\frac{x + y}{2}\\right) \\le \\frac{f(x) + f(y)}{2}');

  it('samples convex functions for f \\text{ convex}, and refutes Jensen without it', () => {
    assert.deepEqual(status('<!-- let f \\text{ convex} -->\n' + jensen), ['verified']);
    const [s] = steps(jensen);
    assert.equal(s?.status, 'refuted');
    assert.match(s?.message ?? '', /with f\(x\) = /);
  });

  it('reads other traits from a let comment', () => {
    assert.deepEqual(status('<!-- let f \\text{ odd} -->\n' + block('f(-x) = -f(x)')), ['verified']);
    assert.deepEqual(status('<!-- let f \\text{ even} -->\n' + block('f(-x) = f(x)')), ['verified']);
    assert.deepEqual(status('<!-- let f \\text{ linear} -->\n' + block('f(2x) = 2 f(x)')), ['verified']);
    assert.deepEqual(status('<!-- let g > 0 -->\n' + block('g(x) + g(y) > g(x)')), ['verified']);
    assert.deepEqual(status(block('g(x) + g(y) > g(x)')), ['refuted']);
    assert.deepEqual(status(block('f(-x) = -f(x)')), ['refuted']);
  });

  it('reads convexity from the prose, where a counterexample is never a refutation', () => {
    const prose = 'Let $f$ be a convex function.\n\n';
    assert.deepEqual(status(prose + jensen), ['verified']);
    // Holds only for a < x < b, which the prose would say: unverifiable, not refuted.
    assert.deepEqual(status(prose + block('\\frac{x-a}{b-a}f(b) + \\frac{b-x}{b-a}f(a) \\geq f(x)')), [
      'unverifiable',
    ]);
  });
});

describe('calculus: approximations with a small quantity', () => {
  it('holds when the gap vanishes faster than the order kept', () => {
    assert.deepEqual(status(block('\\sqrt{1 + \\delta} \\approx 1 + \\frac{\\delta}{2}')), ['verified']);
    assert.deepEqual(status(block('\\tanh(\\epsilon) \\approx \\epsilon')), ['verified']);
    assert.deepEqual(status(block("\\frac{f(x + h) - f(x - h)}{2h} \\approx f'(x)")), ['verified']);
    assert.deepEqual(
      status(
        block(
          "g(x+\\epsilon) h(x+\\epsilon) \\approx \\left(g(x) + \\epsilon g'(x)\\right)\\left(h(x) + \\epsilon h'(x)\\right)",
        ),
      ),
      ['verified'],
    );
  });

  it('is refuted with the measured order when the gap is as large as a kept term', () => {
    const [s] = steps(block('\\cos(h) \\approx 1 - h^2'));
    assert.equal(s?.status, 'refuted');
    assert.match(s?.message ?? '', /order 2\.0/);
    assert.deepEqual(status(block('e^{h} \\approx 2 + h')), ['refuted']);
  });

  it('about an unknown function with no small quantity is unverifiable', () => {
    assert.deepEqual(status(block("f(x + v) \\approx f(x) + v f'(x)")), ['unverifiable']);
  });
});
