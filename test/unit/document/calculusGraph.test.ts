// Chains of declared functions (dependency graphs) and partial derivatives by argument slot (issue 11).
import assert from 'node:assert/strict';
import { block, statuses as status } from '../support/documentSteps';

const graph =
  '<!-- let f(u, v) = (u+v)^{2}\nu(a, b) = (a+b)^{2}\nv(a, b) = (a-b)^{2}\n' +
  'a(w, x, y, z) = (w+x+y+z)^{2}\nb(w, x, y, z) = (w+x-y-z)^2 -->\n';
const d = (top: string, bottom: string): string => `\\frac{\\partial ${top}}{\\partial ${bottom}}`;

describe('calculus: chains of declared functions', () => {
  it('reads ∂f/∂u by argument slot, bare node names as their values', () => {
    assert.deepEqual(status(graph + block(`${d('f', 'u')} = 2(u+v)`)), ['verified']);
    assert.deepEqual(status(graph + block(`${d('v', 'b')} = -2(a-b)`)), ['verified']);
    assert.deepEqual(status(graph + block(`${d('v', 'b')} = 2(a-b)`)), ['refuted']);
  });

  it('verifies the multivariate chain rule through the graph and refutes a missing path', () => {
    const chain = `${d('f', 'w')} = ${d('f', 'u')}${d('u', 'w')} + ${d('f', 'v')}${d('v', 'w')}`;
    const back = `${d('f', 'a')} = ${d('f', 'u')}${d('u', 'a')} + ${d('f', 'v')}${d('v', 'a')}`;
    assert.deepEqual(status(graph + block(chain)), ['verified']);
    assert.deepEqual(status(graph + block(back)), ['verified']);
    assert.deepEqual(status(graph + block(`${d('f', 'w')} = ${d('f', 'u')}${d('u', 'w')}`)), ['refuted']);
  });

  it('differentiates a single declared function by argument slot', () => {
    const one = '<!-- let g(s, t) = s^2 t -->\n';
    assert.deepEqual(status(one + block(`${d('g', 's')} = 2 s t`)), ['verified']);
    assert.deepEqual(status(one + block(`${d('g', 't')} = 2 s t`)), ['refuted']);
  });

  it('keeps a node name used as a constant elsewhere in its ordinary reading', () => {
    // No derivative of a node in the step: `a` is not silently read as a(w, x, y, z).
    assert.deepEqual(status(graph + block('\\frac{d}{dx}(x a x) = 2 a x')), ['unverifiable']);
  });

  it('leaves a derivative in a node the function does not depend on unverifiable', () => {
    const flat = '<!-- let u(a, b) = (a+b)^{2}\nf(w, x) = w x -->\n';
    assert.deepEqual(status(flat + block(`${d('f', 'u')} = 0`)), ['unverifiable']);
  });
});

describe('calculus: a lone function with stated traits', () => {
  const second = '\\lim_{\\epsilon \\to 0} \\frac{f(x+\\epsilon) + f(x - \\epsilon) - 2f(x)}{\\epsilon^2}';
  it('is a claim about every function of the class', () => {
    const convex = '<!-- let f \\text{ convex} -->\n';
    assert.deepEqual(status(convex + block(`${second} \\ge 0`)), ['verified']);
    assert.deepEqual(status(convex + block(`${second} \\le -1`)), ['refuted']);
  });

  it('without traits stays a statement about one particular function', () => {
    assert.deepEqual(status(block(`${second} \\ge 0`)), ['unverifiable']);
  });
});
