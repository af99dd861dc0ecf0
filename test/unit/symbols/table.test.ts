import assert from 'node:assert/strict';
import { parse } from 'mathjs';
import type { Declaration, Domain } from '../../../src/core/latex/types';
import { SymbolTable, domainText, inferKind } from '../../../src/core/symbols';

const dom = (shape: string[] = [], extra: Partial<Domain> = {}): Domain => ({
  field: 'real',
  loOpen: true,
  hiOpen: true,
  shape: shape.map((s) => parse(s)),
  ...extra,
});
const declare = (names: string[], d: Domain): Declaration => ({
  kind: 'domain',
  names,
  domain: d,
  offset: 0,
});

describe('SymbolTable', () => {
  it('restores a name to an earlier meaning, or to none', () => {
    const vector = SymbolTable.of([declare(['x'], dom(['n']))]);
    const three = vector.declare({ kind: 'definition', name: 'x', body: parse('3'), offset: 0 });
    assert.equal(three.kindOf('x'), 'scalar');
    assert.equal(three.restore('x', vector.lookup('x')).kindOf('x'), 'vector');
    assert.equal(three.restore('x', undefined).lookup('x'), undefined);
  });

  it('shows a finite set as its elements', () => {
    assert.equal(domainText(dom([], { field: 'integer', values: [parse('-1'), parse('1')] })), '{-1, 1}');
  });

  it('answers kindOf from declared shapes, functions and indices', () => {
    const t = SymbolTable.of([
      declare(['x', 'y'], dom()),
      declare(['b'], dom(['n'])),
      declare(['A'], dom(['m', 'n'])),
      { kind: 'function', name: 'σ', params: ['z'], body: parse('1 / (1 + exp(-z))'), offset: 0 },
      { kind: 'index', names: ['i'], offset: 0 },
    ]);
    assert.equal(t.kindOf('x'), 'scalar');
    assert.equal(t.kindOf('y'), 'scalar');
    assert.equal(t.kindOf('b'), 'vector');
    assert.equal(t.kindOf('A'), 'matrix');
    assert.equal(t.kindOf('σ'), 'function');
    assert.equal(t.kindOf('i'), 'index');
    assert.equal(t.kindOf('undeclared'), undefined);
  });

  it('a later declaration replaces an earlier one, and earlier snapshots are unchanged', () => {
    const before = SymbolTable.of([declare(['x'], dom())]);
    const after = before.declare(declare(['x'], dom(['n'])));
    assert.equal(before.kindOf('x'), 'scalar');
    assert.equal(after.kindOf('x'), 'vector');
    const redefined = after.declare({ kind: 'definition', name: 'x', body: parse('2'), offset: 0 });
    assert.equal(redefined.lookup('x')?.kind, 'definition');
    assert.equal(after.lookup('x')?.kind, 'value');
  });

  it('keeps every snapshot intact across thousands of declarations, removals and flattenings', () => {
    // The table is a chain of layers flattened now and then (20,000 declarations once took 24 s when every
    // declaration copied the whole map); each snapshot must still answer as it did when it was taken.
    let t = SymbolTable.empty;
    const snapshots: { table: SymbolTable; at: number }[] = [];
    for (let i = 0; i < 5000; i++) {
      t = t.declare(declare([`x_${i}`], dom(i % 2 ? ['n'] : [])));
      if (i % 3 === 0) t = t.declare(declare(['shared'], dom(i % 2 ? ['n'] : [])));
      if (i % 7 === 0 && i > 0) t = t.without(`x_${i - 1}`);
      if (i % 500 === 0) snapshots.push({ table: t, at: i });
    }
    for (const { table, at } of snapshots) {
      assert.equal(table.kindOf(`x_${at}`), at % 2 ? 'vector' : 'scalar');
      assert.equal(table.kindOf(`x_${at + 1}`), undefined, 'declared later');
      const lastShared = at - (at % 3);
      assert.equal(table.kindOf('shared'), lastShared % 2 ? 'vector' : 'scalar');
    }
    assert.equal(t.kindOf('x_6'), undefined, 'removed by without');
    assert.equal(t.kindOf('x_8'), 'scalar');
    assert.ok(t.names().includes('x_4999'));
    assert.ok(!t.names().includes('x_6'));
  });

  it('infers the kind of a definition from its body', () => {
    const t = SymbolTable.of([
      declare(['X'], dom(['m', 'n'])),
      declare(['y'], dom(['m'])),
      declare(['λ'], dom()),
      {
        kind: 'definition',
        name: 'θ*',
        body: parse('inv(transpose(X) * X + λ * I) * transpose(X) * y'),
        offset: 0,
      },
      { kind: 'definition', name: 'a', body: parse('1 / sqrt(n)'), offset: 0 },
      { kind: 'definition', name: 'G', body: parse('transpose(X) * X'), offset: 0 },
      { kind: 'definition', name: 's', body: parse('transpose(y) * y'), offset: 0 },
    ]);
    assert.equal(t.kindOf('θ*'), 'vector');
    assert.equal(t.kindOf('a'), 'scalar');
    assert.equal(t.kindOf('G'), 'matrix');
    assert.equal(t.kindOf('s'), 'scalar');
  });

  it('a self-referential definition does not loop', () => {
    const t = SymbolTable.of([{ kind: 'definition', name: 'a', body: parse('a + 1'), offset: 0 }]);
    assert.equal(t.kindOf('a'), 'scalar');
  });

  it('merges macros without touching symbols', () => {
    const t = SymbolTable.of([declare(['x'], dom())]).withMacros(
      new Map([['R', { params: 0, body: '\\mathbb{R}' }]]),
    );
    assert.equal(t.macros.get('R')?.body, '\\mathbb{R}');
    assert.equal(t.kindOf('x'), 'scalar');
    assert.equal(SymbolTable.empty.macros.size, 0);
  });

  it('kindOf works detached from the table, as a ParseContext copied field by field', () => {
    const { kindOf } = SymbolTable.of([declare(['x'], dom(['n']))]);
    assert.equal(kindOf('x'), 'vector');
  });

  it('lists declared names', () => {
    const t = SymbolTable.of([declare(['x', 'y'], dom())]);
    assert.deepEqual(t.names().sort(), ['x', 'y']);
  });
});

describe('inferKind', () => {
  it('follows products: row × column is a scalar, column × row a matrix', () => {
    const kinds = (n: string): 'scalar' | 'vector' | 'matrix' | undefined =>
      n === 'x' ? 'vector' : n === 'A' ? 'matrix' : undefined;
    assert.equal(inferKind(parse('transpose(x) * x'), kinds), 'scalar');
    assert.equal(inferKind(parse('x * transpose(x)'), kinds), 'matrix');
    assert.equal(inferKind(parse('A * x + x'), kinds), 'vector');
    assert.equal(inferKind(parse('[[1, 2], [3, 4]]'), kinds), 'matrix');
    assert.equal(inferKind(parse('[[1], [2]]'), kinds), 'vector');
    assert.equal(inferKind(parse('norm(x)'), kinds), 'scalar');
  });
});

describe('domainText', () => {
  it('names fields, intervals, integer ranges and shapes', () => {
    assert.equal(domainText(dom()), 'ℝ');
    assert.equal(domainText(dom(['m', 'n'])), 'ℝ^{m×n}');
    assert.equal(
      domainText(dom([], { lo: parse('0'), hi: parse('1'), loOpen: true, hiOpen: false })),
      '(0, 1]',
    );
    assert.equal(
      domainText(dom([], { field: 'integer', lo: parse('1'), hi: parse('n'), loOpen: false, hiOpen: false })),
      '{1,…,n}',
    );
    assert.equal(domainText(dom([], { lo: parse('0'), loOpen: true })), '(0, ∞)');
  });
});
