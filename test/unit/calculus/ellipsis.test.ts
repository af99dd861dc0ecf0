import assert from 'node:assert/strict';
import { inferPattern } from '../../../src/core/calculus/ellipsis';
import { parseExpression } from '../../../src/core/latex/index';
import { context } from '../latex/helpers';

function node(tex: string) {
  const r = parseExpression(tex, context());
  if (!r.ok) throw new Error(r.error.message);
  return r.node;
}

/** The pattern as `index=lo..hi: body`, or the refusal's reason. */
function infer(before: string[], after: string): string {
  const r = inferPattern(before.map(node), [node(after)]);
  return r.ok ? `${r.index}=${r.lo.toString()}..${r.hi.toString()}: ${r.body.toString()}` : `no: ${r.why}`;
}

describe('calculus/ellipsis: pattern inference', () => {
  it('reads x_1 + x_2 + … + x_n and x_1 … x_n as one running index', () => {
    assert.equal(infer(['x_1', 'x_2'], 'x_n'), 'i=1..n: entry(x, i)');
    assert.equal(infer(['x_1'], 'x_n'), 'i=1..n: entry(x, i)');
    assert.equal(infer(['x_0', 'x_1'], 'x_{n}'), 'i=0..n: entry(x, i)');
    assert.equal(infer(['x_1', 'x_2'], 'x_5'), 'i=1..5: entry(x, i)');
  });

  it('reads products of several indexed symbols and shifted subscripts', () => {
    assert.equal(infer(['a_1 b_1'], 'a_n b_n'), 'i=1..n: entry(a, i) entry(b, i)');
    assert.equal(infer(['a_1 x_2', 'a_2 x_3'], 'a_{n} x_{n+1}'), 'i=1..n: entry(a, i) entry(x, i + 1)');
    assert.equal(infer(['x_1^2', 'x_2^2'], 'x_{n-1}^2'), 'i=1..n - 1: entry(x, i) ^ 2');
  });

  it('keeps fixed subscripts and picks an index name not in use', () => {
    assert.equal(infer(['c_0 x_1', 'c_0 x_2'], 'c_0 x_n'), 'i=1..n: c_0 entry(x, i)');
    assert.equal(infer(['i_1', 'i_2'], 'i_n'), 'k=1..n: entry(i, k)');
  });

  it('refuses what it cannot read, with the reason', () => {
    assert.match(infer(['x_1', 'x_3'], 'x_n'), /^no: .*step by one/);
    assert.match(infer(['x_1', 'x_2'], 'y_n'), /^no: .*differ in form/);
    assert.match(infer(['x_1', 'x_2'], 'x_n^2'), /^no: /);
    assert.match(infer(['a', 'b'], 'c'), /^no: /);
    assert.match(infer(['a_1 b_2'], 'a_n b_m'), /^no: .*one index/);
  });
});

describe('calculus/ellipsis: a run from a symbolic index', () => {
  it('reads x_{i+1}, …, x_n from i + 1 to n', () => {
    assert.equal(infer(['x_{i+1}'], 'x_n'), 'k=i + 1..n: entry(x, k)');
  });

  it('never reads a run down to a number, or one that ends where it starts', () => {
    assert.match(infer(['x_n'], 'x_1'), /^no: .*come after/);
    assert.match(infer(['x_{n}'], 'x_{n-1}'), /^no: .*come after/);
  });
});
