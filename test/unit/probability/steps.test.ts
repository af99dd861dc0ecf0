// The examples at the verifier's level (mathjs sources, no LaTeX parser): expectations,
// variances, covariances and probabilities judged exactly, by quadrature or by moments.
import assert from 'node:assert/strict';
import { parse } from 'mathjs';
import type { Declaration } from '../../../src/core/latex/types';
import type { SymbolTable } from '../../../src/core/symbols';
import { bounds, check, declare, def, domain, table } from '../verify/helpers';

const law = (names: string[], name: string, params: string[], shape: string[] = []): Declaration => ({
  kind: 'random',
  names,
  law: { name, params: params.map((p) => parse(p)) },
  ...(shape.length ? { shape: shape.map((s) => parse(s)) } : {}),
  offset: 0,
});
const positive = (...names: string[]): Declaration => declare(names, bounds('0', undefined, true, true));
const status = (l: string, r: string, t?: SymbolTable): string => check(l, '=', r, t).status;

describe('probability steps: declared laws', () => {
  it('Poisson: E[X] = Var(X) = λ, exactly', () => {
    const t = table(positive('lambda'), law(['X'], 'Poisson', ['lambda']));
    const v = check('expect(X)', '=', 'lambda', t);
    assert.equal(v.status, 'verified', v.message);
    assert.equal(v.method, 'exact');
    assert.equal(status('variance(X)', 'lambda', t), 'verified');
    assert.ok(v.assumptions.some((a) => a.symbol === 'X' && a.role === 'random'));
  });

  it('normal: E[(X − μ)²] = σ² verified, = σ refuted', () => {
    const t = table(declare(['mu'], domain()), positive('sigma'), law(['X'], 'Normal', ['mu', 'sigma^2']));
    const v = check('expect((X - mu)^2)', '=', 'sigma^2', t);
    assert.equal(v.status, 'verified', v.message);
    assert.equal(v.method, 'quadrature');
    assert.equal(status('expect((X - mu)^2)', 'sigma', t), 'refuted');
  });

  it('standard normal: E|Z| = √(2/π), E tanh Z = 0, P(Z > 0) = ½', () => {
    const t = table(law(['Z'], 'Normal', ['0', '1']));
    assert.equal(status('expect(abs(Z))', 'sqrt(2 / pi)', t), 'verified');
    assert.equal(status('expect(tanh(Z))', '0', t), 'verified');
    assert.equal(status('prob(Z > 0)', '1/2', t), 'verified');
    assert.equal(status('expect(abs(Z))', '1/2', t), 'refuted');
  });

  it('dropout: E[rh] = qh and Var(rh) = q(1 − q)h² verified; Var(rh) = qh² refuted', () => {
    const t = table(
      declare(['q'], bounds('0', '1', true, true)),
      declare(['h'], domain()),
      law(['r'], 'Bernoulli', ['q']),
    );
    assert.equal(status('expect(r * h)', 'q * h', t), 'verified');
    assert.equal(status('variance(r * h)', 'q * (1 - q) * h^2', t), 'verified');
    const v = check('variance(r * h)', '=', 'q * h^2', t);
    assert.equal(v.status, 'refuted');
    assert.equal(v.method, 'exact');
  });

  it('the mean of n i.i.d. normals: E = μ, Var = σ²/n verified, σ²/n² refuted', () => {
    const t = table(
      declare(['n'], bounds('1', '200', false, false, 'integer')),
      declare(['mu'], domain()),
      positive('sigma'),
      law(['X'], 'Normal', ['mu', 'sigma^2'], ['n']),
      def('Xbar', '1 / n * sumOver(i, 1, n, entry(X, i))'),
    );
    assert.equal(status('expect(Xbar)', 'mu', t), 'verified');
    assert.equal(status('variance(Xbar)', 'sigma^2 / n', t), 'verified');
    assert.equal(status('variance(Xbar)', 'sigma^2 / n^2', t), 'refuted');
  });

  it('W_1 … W_5 of a family declared W_1, …, W_5 ~ U(0, 1) are its entries, with the law', () => {
    const t = table(law(['W'], 'Uniform', ['0', '1'], ['5']));
    const v = check('expect(W_2 * W_5)', '=', '1/4', t);
    assert.equal(v.status, 'verified', v.message);
    assert.equal(v.method, 'exact'); // by moments: a product of independent entries
    // Read as law-less capitals, these would be tested on random finite distributions instead.
    assert.deepEqual(
      v.assumptions.filter((a) => a.role === 'random').map((a) => [a.symbol, a.isDefault]),
      [['W', false]],
    );
    assert.equal(status('expect(W_1 * W_1)', '1/3', t), 'verified');
    const mc = check('expect(max(W_1, W_2, W_3, W_4, W_5))', '=', '1/2', t);
    assert.equal(mc.status, 'refuted', mc.message);
    assert.equal(mc.method, 'monte-carlo');
    assert.equal(status('expect(W_7)', '1/2', t), 'unverifiable');
  });

  it('an invalid law is reported, never judged', () => {
    const v = check('expect(X)', '=', '1/2', table(law(['X'], 'Uniform', ['1', '0'])));
    assert.equal(v.status, 'unverifiable');
    assert.equal(v.reason, 'too-few-samples');
    assert.match(v.message, /a < b/);
    const c = check('variance(X)', '=', '1', table(law(['X'], 'Cauchy', ['0', '1'])));
    assert.equal(c.status, 'unverifiable');
    assert.equal(c.reason, 'unsupported-notation');
    assert.match(c.message, /does not exist/);
  });
});

describe('probability steps: no stated law (random test distributions)', () => {
  it('verifies identities that hold for every distribution', () => {
    assert.equal(status('expect(X + Y)', 'expect(X) + expect(Y)'), 'verified');
    assert.equal(status('cov(X, X)', 'variance(X)'), 'verified');
    assert.equal(status('prob(A or B)', 'prob(A) + prob(B) - prob(A and B)'), 'verified');
    assert.equal(status('expect(condExpect(X, Y))', 'expect(X)'), 'verified');
  });

  it('refutes the others, with the distribution that breaks them', () => {
    for (const [l, r] of [
      ['expect(X^2)', 'expect(X)^2'],
      ['variance(2 * X)', '2 * variance(X)'],
      ['prob(A or B)', 'prob(A) + prob(B)'],
    ] as const) {
      const v = check(l, '=', r);
      assert.equal(v.status, 'refuted', `${l} = ${r}: ${v.message}`);
      assert.equal(v.method, 'exact');
      assert.ok(Array.isArray(v.counterexample?.['ℙ']), 'the distribution is in the counterexample');
    }
  });

  it('declared independence changes the verdict of Var(X − Y) = Var X + Var Y', () => {
    const l = 'variance(X - Y)';
    const r = 'variance(X) + variance(Y)';
    assert.equal(status(l, r), 'refuted');
    assert.equal(status(l, r, table({ kind: 'independent', names: ['X', 'Y'], offset: 0 })), 'verified');
  });
});
