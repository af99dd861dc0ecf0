// Matrices written with \cdots, \vdots and \ddots read as a pattern of their entries (issue 11).
import assert from 'node:assert/strict';
import { inferGrid } from '../../../src/core/calculus/grid';
import { parseExpression } from '../../../src/core/latex/index';
import { context } from '../latex/helpers';

function node(tex: string) {
  const r = parseExpression(tex, context());
  if (!r.ok) throw new Error(r.error.message);
  return r.node;
}

/** The grid read from entry rows written as `a & b | c` (leading entries, then the last one). */
function grid(lead: string[][], last: string[]): string {
  const g = inferGrid(
    lead.map((r) => r.map(node)),
    last.map(node),
  );
  return g.ok ? `${g.rows.toString()}×${g.cols.toString()}: ${g.body.toString()}` : `no: ${g.why}`;
}

describe('calculus/grid: matrix pattern inference', () => {
  it('reads a_{ij}, its transpose and two written rows and columns', () => {
    assert.equal(grid([['a_{11}', 'a_{1n}']], ['a_{m1}', 'a_{mn}']), 'm×n: entry(a, i, j)');
    assert.equal(grid([['a_{11}', 'a_{m1}']], ['a_{1n}', 'a_{mn}']), 'n×m: entry(a, j, i)');
    assert.equal(
      grid(
        [
          ['a_{11}', 'a_{12}', 'a_{1n}'],
          ['a_{21}', 'a_{22}', 'a_{2n}'],
        ],
        ['a_{m1}', 'a_{m2}', 'a_{mn}'],
      ),
      'm×n: entry(a, i, j)',
    );
    assert.equal(
      grid([['a_{11} b_{11}', 'a_{1n} b_{1n}']], ['a_{m1} b_{m1}', 'a_{mn} b_{mn}']),
      'm×n: entry(a, i, j) entry(b, i, j)',
    );
  });

  it('reads subscripts of several symbols, one with the row and one with the column', () => {
    assert.equal(grid([['x_1 y_1', 'x_1 y_n']], ['x_n y_1', 'x_n y_n']), 'n×n: entry(x, i) entry(y, j)');
  });

  it('refuses what it cannot read, with the reason', () => {
    // The identity written 1 & 0 & ⋯: its entries are no one template.
    assert.match(grid([['1', '0']], ['0', '1']), /^no: .*differ in form/);
    assert.match(grid([['c', 'c']], ['c', 'c']), /^no: no subscript/);
    assert.match(grid([['a_{11}', 'a_{1n}']], ['b_{m1}', 'b_{mn}']), /^no: .*differ in form/);
    assert.match(
      grid([['a_{11}', 'a_{13}', 'a_{1n}']], ['a_{m1}', 'a_{m3}', 'a_{mn}']),
      /^no: .*step by one/,
    );
    assert.match(grid([['a_{11}', 'a_{1n}']], ['a_{m1}', 'a_{nn}']), /^no: .*corner/);
    assert.match(grid([['x_{1}', 'x_{n}']], ['x_{n}', 'x_{2n}']), /^no: /);
  });
});
