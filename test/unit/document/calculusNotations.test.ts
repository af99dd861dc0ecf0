// `\partial_x f` and Newton's `\dot{x}(t)`, `\ddot{x}(t)` (issue 11): derivatives of unknown and declared
// functions, with the wrong variable or order still refuted.
import assert from 'node:assert/strict';
import { verifyDocument } from '../../../src/core/document';
import { block, statuses as status } from '../support/documentSteps';

describe('calculus: \\partial_x', () => {
  it('is the partial in x of an unknown function, applied or bare', () => {
    const right = '\\partial_x f(x, y) = \\frac{\\partial}{\\partial x} f(x, y)';
    const wrong = '\\partial_x f(x, y) = \\frac{\\partial}{\\partial y} f(x, y)';
    assert.deepEqual(status(block(right)), ['verified']);
    assert.deepEqual(status(block(wrong)), ['refuted']);
    assert.deepEqual(status(block('\\partial_x f = \\frac{\\partial f}{\\partial x}')), ['verified']);
    assert.deepEqual(status(block("\\partial_x f = f'(x)")), ['verified']);
    assert.deepEqual(status(block('\\partial_x f = f(x)')), ['refuted']);
  });

  it('differentiates a written expression, nested partials included', () => {
    assert.deepEqual(status(block('\\partial_x (x^2 y) = 2 x y')), ['verified']);
    assert.deepEqual(status(block('\\partial_x (x^2 y) = x^2 y')), ['refuted']);
    assert.deepEqual(status(block('\\partial_{x} \\partial_y (x^2 y^3) = 6 x y^2')), ['verified']);
    assert.deepEqual(status(block('\\partial_{x} \\partial_y (x^2 y^3) = 6 x^2 y')), ['refuted']);
  });

  it('still refuses a \\partial with no subscript', () => {
    assert.deepEqual(status(block('\\partial f = 2')), ['unverifiable']);
    // d2l's \partial_i f is ∂f/∂x_i, the i-th slot: not read as f'(i), which would verify this.
    const [step] = verifyDocument(block("\\partial_i f = f'(i)")).derivations.flatMap((d) => d.steps);
    assert.equal(step?.status, 'unverifiable');
    assert.equal(step?.reason, 'unsupported-notation');
  });
});

describe('calculus: \\dot{x}(t) and \\ddot{x}(t)', () => {
  it('are the first and second derivative of an unknown x, which x(t) then applies', () => {
    assert.deepEqual(status(block('\\dot{x}(t) = \\frac{d}{dt} x(t)')), ['verified']);
    assert.deepEqual(status(block('\\ddot{x}(t) = \\frac{d^2}{dt^2} x(t)')), ['verified']);
    assert.deepEqual(status(block('\\ddot{x}(t) = \\frac{d}{dt} x(t)')), ['refuted']);
    assert.deepEqual(status(block('\\dot{x}(t) = x(t)')), ['refuted']);
  });

  it('differentiate a declared function', () => {
    const y = '<!-- let y(t) = t^3 -->\n';
    assert.deepEqual(status(y + block('\\dot{y}(t) = 3t^2')), ['verified']);
    assert.deepEqual(status(y + block('\\dot y(t) = t^2')), ['refuted']);
    assert.deepEqual(status(y + block('\\ddot{y}(t) = 6 t')), ['verified']);
    assert.deepEqual(status(y + block('\\ddot{y}(t) = 3 t^2')), ['refuted']);
  });

  it('leave a dotted symbol without an argument a symbol of its own, never a derivative guessed', () => {
    assert.notEqual(status(block('\\dot{x} = \\frac{dx}{dt}'))[0], 'verified');
    assert.notEqual(status(block('\\dot{x} = 2'))[0], 'refuted');
  });
});
