// The calculus of issue 11 as documents read it: unknown functions, approximations, stated traits.
import assert from 'node:assert/strict';
import { block, statuses as status, steps } from '../support/documentSteps';

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
    assert.ok(s?.assumptions.some((a) => a.symbol === 'g' && a.role === 'function'));
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

describe('calculus: integrals', () => {
  it('verifies definite, improper and singular integrals by quadrature', () => {
    assert.deepEqual(status(block('\\int_0^{\\pi} \\sin x \\, dx = 2')), ['verified']);
    assert.deepEqual(status(block('\\int_{-\\infty}^{\\infty} \\frac{dx}{1 + x^2} = \\pi')), ['verified']);
    assert.deepEqual(status(block('\\int_0^1 \\frac{dx}{\\sqrt{x}} = 2')), ['verified']);
    assert.deepEqual(status(block('\\int_0^1 \\int_0^1 x y \\, dx \\, dy = \\frac{1}{4}')), ['verified']);
    assert.deepEqual(status(block('\\int_{\\mathbb{R}} e^{-x^2} \\mathrm{d}x = \\sqrt{\\pi}')), ['verified']);
    assert.deepEqual(status(block('\\int_0^{\\pi} \\sin x \\, dx = 1')), ['refuted']);
  });

  it('leaves a divergent integral unverifiable with that reason', () => {
    const [s] = steps(block('\\int_1^{\\infty} \\frac{dx}{x} = 1'));
    assert.equal(s?.status, 'unverifiable');
    assert.equal(s?.reason, 'too-few-samples');
    assert.match(s?.message ?? '', /diverges/);
  });

  it('checks an indefinite integral by differentiating the other side', () => {
    assert.deepEqual(status(block('\\int 2x \\cos(x^2)\\,dx = \\sin(x^2) + C')), ['verified']);
    assert.deepEqual(status(block('\\int 2x \\,dx = x^3 + C')), ['refuted']);
  });

  it('verifies the fundamental theorem for an unknown function', () => {
    assert.deepEqual(status(block("\\int_a^b f'(x)\\,dx = f(b) - f(a)")), ['verified']);
    assert.deepEqual(status(block('\\frac{d}{dx} \\int_0^x f(t)\\,dt = f(x)')), ['verified']);
    assert.deepEqual(status(block("\\int_a^b f'(x)\\,dx = f(b) + f(a)")), ['refuted']);
  });

  it('does not differentiate a symbol nothing says depends on the integration variable', () => {
    assert.deepEqual(status(block('F(u(x)) - F(u(0)) = \\int_0^x f(u(y)) \\frac{du}{dy} \\;dy')), [
      'unverifiable',
    ]);
  });
});

describe('calculus: limits', () => {
  it('verifies limits by extrapolation along a sequence', () => {
    assert.deepEqual(status(block('\\lim_{h \\to 0} \\frac{\\sin h}{h} = 1')), ['verified']);
    assert.deepEqual(status(block('\\lim_{n \\to \\infty} \\left(1 + \\frac{1}{n}\\right)^n = e')), [
      'verified',
    ]);
    assert.deepEqual(status(block("f'(x) = \\lim_{h \\rightarrow 0} \\frac{f(x+h) - f(x)}{h}")), [
      'verified',
    ]);
    assert.deepEqual(status(block('\\lim_{x \\to 0^+} \\frac{|x|}{x} = 1')), ['verified']);
    assert.deepEqual(status(block('\\lim_{h \\to 0} \\frac{\\sin h}{h} = 0')), ['refuted']);
  });

  it('leaves a limit that does not settle unverifiable with that reason', () => {
    const [s] = steps(block('\\lim_{h \\to 0} \\sin(1/h) = 0'));
    assert.equal(s?.status, 'unverifiable');
    assert.equal(s?.reason, 'too-few-samples');
    assert.match(s?.message ?? '', /does not settle/);
  });
});

describe('calculus: ambiguous applications', () => {
  it('refuses p(x + 1) under an integral in x when p is declared nowhere, and keeps a(1 - a) a product', () => {
    const [s] = steps(block('\\int_0^1 xp(x + 1) \\; dx = \\int_0^1 x \\; dx'));
    assert.equal(s?.status, 'unverifiable');
    assert.equal(s?.reason, 'unsupported-notation');
    assert.match(s?.message ?? '', /p\(…\) of x reads as a product/);
    // p(x) of the letter alone is the density of a random X (probability/densities.ts): a claim about a
    // particular density is not refuted on a random one.
    const [d] = steps(block('\\int_{-\\infty}^\\infty xp(x) \\; dx = \\int_0^1 x \\; dx'));
    assert.equal(d?.status, 'unverifiable');
    assert.equal(d?.reason, 'particular-distribution');
    assert.deepEqual(status(block('\\int_0^1 a(1 - a) x\\, dx = \\frac{a - a^2}{2}')), ['verified']);
  });
});
