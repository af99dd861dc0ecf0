import assert from 'node:assert/strict';
import { parseDeclarations } from '../../../src/core/latex/index';
import type { Declaration, Domain } from '../../../src/core/latex/types';
import { context } from './helpers';

const decls = (tex: string, strict = false) => parseDeclarations(tex, context(), { strict });

/** A domain in one line: `real [lo, hi) shape n×m`. */
function showDomain(d: Domain): string {
  const lo = d.lo ? `${d.loOpen ? '(' : '['}${d.lo.toString()}` : '(-∞';
  const hi = d.hi ? `${d.hi.toString()}${d.hiOpen ? ')' : ']'}` : '∞)';
  const shape = d.shape.length ? ` shape ${d.shape.map((s) => s.toString()).join('×')}` : '';
  return `${d.field} ${lo}, ${hi}${shape}`;
}

function showDecl(d: Declaration): string {
  switch (d.kind) {
    case 'domain':
      return `${d.names.join(',')} ∈ ${showDomain(d.domain)}`;
    case 'function':
      return `${d.name}(${d.params.join(',')}) = ${d.body.toString()}`;
    case 'definition':
      return `${d.name} = ${d.body.toString()}`;
    case 'index':
      return `${d.names.join(',')} index`;
    case 'random':
      return `${d.names.join(',')} ~ ${d.law.name}(${d.law.params.map((p) => p.toString()).join(', ')})`;
    case 'independent':
      return `${d.names.join(' ⊥ ')}`;
  }
}

const one = (tex: string): string[] => {
  const r = decls(tex);
  assert.deepEqual(r.errors, [], `errors for ${tex}`);
  return r.declarations.map(showDecl);
};

describe('latex declarations', () => {
  it('reads the domains of the issue', () => {
    assert.deepEqual(one('x, y \\in \\mathbb{R}'), ['x,y ∈ real (-∞, ∞)']);
    assert.deepEqual(one('x \\in \\mathbb{R}_{>0}'), ['x ∈ real (0, ∞)']);
    assert.deepEqual(one('x \\in \\mathbb{R}_+'), ['x ∈ real [0, ∞)']);
    assert.deepEqual(one('p \\in (0, 1)'), ['p ∈ real (0, 1)']);
    assert.deepEqual(one('p \\in [0, 1]'), ['p ∈ real [0, 1]']);
    assert.deepEqual(one('p \\in (0, 1]'), ['p ∈ real (0, 1]']);
    assert.deepEqual(one('t \\in [0, \\infty)'), ['t ∈ real [0, ∞)']);
    assert.deepEqual(one('n \\in \\mathbb{N}'), ['n ∈ integer [1, ∞)']);
    assert.deepEqual(one('k \\in \\mathbb{Z}'), ['k ∈ integer (-∞, ∞)']);
    assert.deepEqual(one('n \\in \\{1, \\dots, 512\\}'), ['n ∈ integer [1, 512]']);
    assert.deepEqual(one('b \\in \\{0, 1\\}'), ['b ∈ integer [0, 1]']);
    assert.deepEqual(one('b \\in \\mathbb{R}^{n}'), ['b ∈ real (-∞, ∞) shape n']);
    assert.deepEqual(one('A \\in \\mathbb{R}^{m \\times n}'), ['A ∈ real (-∞, ∞) shape m×n']);
    assert.deepEqual(one('x \\in \\mathbb{R}^d'), ['x ∈ real (-∞, ∞) shape d']);
  });

  it('reads signed and shaped variants of ℝ, ℕ, ℤ and intervals', () => {
    const cases: [string, string][] = [
      ['\\mathbb{R}_{\\geq 0}', 'real [0, ∞)'],
      ['\\mathbb{R}_{<0}', 'real (-∞, 0)'],
      ['\\mathbb{R}_-', 'real (-∞, 0]'],
      ['\\mathbb{R}_{++}', 'real (0, ∞)'],
      ['\\mathbb{Z}_+', 'integer [1, ∞)'],
      ['\\mathbb{N}_0', 'integer [0, ∞)'],
      ['\\mathbb{R}^{n}_{>0}', 'real (0, ∞) shape n'],
      ['[0, 1]^n', 'real [0, 1] shape n'],
      ['(-\\infty, 0]', 'real (-∞, 0]'],
      ['\\left(0, 1\\right]', 'real (0, 1]'],
      ['\\mathbb R', 'real (-∞, ∞)'],
      ['ℝ^{m \\times n}', 'real (-∞, ∞) shape m×n'],
    ];
    for (const [tex, want] of cases) assert.deepEqual(one(`x \\in ${tex}`), [`x ∈ ${want}`], tex);
  });

  it('reads several declarations on a line and one a line', () => {
    assert.deepEqual(one('A \\in \\mathbb{R}^{n \\times n}, b \\in \\mathbb{R}^{n}\nx \\in \\mathbb{R}'), [
      'A ∈ real (-∞, ∞) shape n×n',
      'b ∈ real (-∞, ∞) shape n',
      'x ∈ real (-∞, ∞)',
    ]);
  });

  it('reads inequalities', () => {
    assert.deepEqual(one('\\lambda > 0'), ['λ ∈ real (0, ∞)']);
    assert.deepEqual(one('0 < p < 1'), ['p ∈ real (0, 1)']);
    assert.deepEqual(one('0 \\le q \\le 1'), ['q ∈ real [0, 1]']);
    assert.deepEqual(one('1 > r \\geq 0'), ['r ∈ real [0, 1)']);
    assert.deepEqual(one('x, y > 0'), ['x,y ∈ real (0, ∞)']);
  });

  it('reads functions and definitions', () => {
    assert.deepEqual(one('\\sigma(z) = \\frac{1}{1 + e^{-z}}'), ['σ(z) = 1 / (1 + exp(-z))']);
    assert.deepEqual(one('f(x, y) = x y'), ['f(x,y) = x y']);
    assert.deepEqual(one('a = \\frac{1}{\\sqrt{n}}'), ['a = 1 / sqrt(n)']);
    assert.deepEqual(one('\\theta^* = (X^\\top X)^{-1} X^\\top y'), [
      'θ* = (transpose(X) X) ^ (-1) transpose(X) y',
    ]);
  });

  it('reads index declarations', () => {
    assert.deepEqual(one('i, j \\text{ index}'), ['i,j index']);
  });

  it('uses canonical names like the parser', () => {
    assert.deepEqual(one('\\tilde X \\in \\mathbb{R}^{n \\times d}'), ['X̃ ∈ real (-∞, ∞) shape n×d']);
    assert.deepEqual(one('\\tilde{X} \\in \\mathbb{R}'), ['X̃ ∈ real (-∞, ∞)']);
    assert.deepEqual(one('n_{\\ell-1} \\in \\mathbb{N}'), ['n_{ℓ-1} ∈ integer [1, ∞)']);
    assert.deepEqual(one('\\mathbf{x} \\in \\mathbb{R}^n'), ['𝐱 ∈ real (-∞, ∞) shape n']);
  });

  it('skips blank lines and reports bad lines with their offset', () => {
    const r = decls('x \\in \\mathbb{R}\n\n  y \\in \\mathbb{Q}\nz \\in');
    assert.deepEqual(r.declarations.map(showDecl), ['x ∈ real (-∞, ∞)']);
    assert.equal(r.errors.length, 2);
    assert.equal(r.errors[0]?.offset, 26); // the \\mathbb of the unknown domain
    assert.equal(r.errors[0]?.code, 'unsupported');
  });

  it('reports an unknown subscript on ℝ at its offset, also one named like an object property', () => {
    for (const sub of ['{7}', '{constructor}', '{toString}']) {
      const r = decls(`x \\in \\mathbb{R}_${sub}`);
      assert.equal(r.declarations.length, 0, sub);
      assert.equal(r.errors[0]?.code, 'unsupported', sub);
      assert.equal(r.errors[0]?.offset, 16, sub); // the _ of the subscript
      assert.match(r.errors[0]?.message ?? '', /unknown subscript on the domain/, sub);
    }
  });

  it('explains that a signature f: A → B declares nothing', () => {
    const r = decls('f: \\mathbb{R} \\to \\mathbb{R}');
    assert.equal(r.declarations.length, 0);
    assert.equal(r.errors[0]?.code, 'unsupported');
    assert.match(r.errors[0]?.message ?? '', /write f\(x\) = …/);
  });

  it('in strict mode takes only clear declarations, silently', () => {
    assert.deepEqual(decls('X \\in \\mathbb{R}^{m\\times n}', true).declarations.map(showDecl), [
      'X ∈ real (-∞, ∞) shape m×n',
    ]);
    assert.deepEqual(decls('\\lambda > 0', true).declarations.map(showDecl), ['λ ∈ real (0, ∞)']);
    for (const tex of [
      'a = 3',
      'f(x) = x^2',
      'x < y',
      'x + 1 = 2',
      '\\frac{1}{2}',
      'x \\in',
      'x \\in \\mathbb{Q}',
      '\\foo',
    ])
      assert.deepEqual(decls(tex, true), { declarations: [], errors: [] }, tex);
  });

  it('reads macros defined in the declarations', () => {
    assert.deepEqual(one('\\newcommand{\\R}{\\mathbb{R}}\nx \\in \\R^n'), ['x ∈ real (-∞, ∞) shape n']);
  });
});
