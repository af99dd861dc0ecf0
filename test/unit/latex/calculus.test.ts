import assert from 'node:assert/strict';
import { errorOf, show } from './helpers';

describe('latex: integrals and limits', () => {
  it('reads the integrand up to its differential, in every usual spelling', () => {
    assert.equal(show('\\int_0^{\\pi} \\sin x \\, dx'), 'integral(x, 0, 3.141592653589793, sin(x))');
    assert.equal(show('\\int_a^b f(x) \\mathrm{d}x + 1'), 'integral(x, a, b, call(f, x)) + 1');
    assert.equal(show('\\int_0^1 \\frac{dx}{\\sqrt{x}}'), 'integral(x, 0, 1, 1 / sqrt(x))');
    assert.equal(show('\\int_{\\mathbb{R}} e^{-x^2} dx'), 'integral(x, -Infinity, Infinity, exp(-x ^ 2))');
    assert.equal(show('\\int_0^1 \\int_0^2 x y \\, dx \\, dy'), 'integral(y, 0, 1, integral(x, 0, 2, x y))');
    assert.equal(show('\\int 2x \\,dx'), 'antiderivative(x, 2 x)');
    assert.equal(
      show('\\int_0^{2\\pi} \\sin \\theta \\, d\\theta'),
      'integral(θ, 0, 2 π, sin(θ))'.replace('2 π', show('2\\pi')),
    );
  });

  it('refuses an integral without its differential or with half its limits', () => {
    assert.equal(errorOf('\\int_0^1 x').code, 'unsupported');
    assert.equal(errorOf('\\int_0 x \\, dx').code, 'unsupported');
  });

  it('reads limits, one-sided ones and limits at infinity', () => {
    assert.equal(show('\\lim_{h \\to 0} \\frac{\\sin h}{h}'), 'limit(h, 0, 0, sin(h) / h)');
    assert.equal(show('\\lim_{x \\to 0^+} x'), 'limit(x, 0, 1, x)');
    assert.equal(show('\\lim_{x \\to a^{-}} x'), 'limit(x, a, -1, x)');
    assert.equal(show('\\lim_{n \\rightarrow \\infty} n + 1'), 'limit(n, Infinity, 0, n) + 1');
    assert.equal(errorOf('\\lim x').code, 'unsupported');
  });
});
