// Values of random variables as probability texts write them: E_{x \sim P}[…] (x the value of the
// variable whose law is P), sums over a variable's values, p(x) and P(x) as probabilities of values, and
// entropies written with them (d2l's preliminaries and information theory).
import assert from 'node:assert/strict';
import type { StepResult } from '../../../src/core/types';
import { block, only, steps } from '../support/documentSteps';

const step = (tex: string, ...before: string[]): StepResult => only(...before, block(tex));

/** A refutation on a random test distribution: the counterexample is the distribution as a table. */
function refutedWithTable(s: StepResult, variable: string): void {
  assert.equal(s.status, 'refuted', s.message);
  assert.equal(s.reason, 'counterexample');
  const table = s.counterexample as Record<string, unknown>;
  assert.ok(Array.isArray(table['ℙ']) && Array.isArray(table[variable]), JSON.stringify(table));
}

describe('probability: values drawn from a law (E_{x ∼ P})', () => {
  it('E[X] = E_{x∼P}[x] = Σ_x x P(X = x): x is the value of X, exactly', () => {
    const s = steps(block('E[X] = E_{x \\sim P}[x] = \\sum_{x} x P(X = x)'));
    assert.deepEqual(
      s.map((t) => t.status),
      ['verified', 'verified'],
    );
    const x = s[0]?.assumptions.find((a) => a.symbol === 'X');
    assert.equal(x?.role, 'random');
    // The report says what was identified with what.
    assert.match(x?.domain ?? '', /x is its value/);
  });

  it('E_{x∼P}[f(x)] = Σ_x f(x) P(x) and Var_{x∼P}[f(x)] = E[f²] − E[f]², f an unknown function', () => {
    assert.equal(step('E_{x \\sim P}[f(x)] = \\sum_x f(x) P(x)').status, 'verified');
    const v = step('\\textrm{Var}_{x \\sim P}[f(x)] = E_{x \\sim P}[f^2(x)] - E_{x \\sim P}[f(x)]^2');
    assert.equal(v.status, 'verified', v.message);
    assert.equal((v as StepResult & { method?: string }).method, 'exact');
  });

  it('reads the subscript under every spelling of 𝔼 and Var', () => {
    assert.equal(step('\\mathbb{E}_{x \\sim P}[x] = \\sum_x x P(X = x)').status, 'verified');
    const v =
      '\\operatorname{Var}_{x \\sim P}[x] = \\mathbb{E}_{x \\sim P}[x^2] - \\mathbb{E}_{x \\sim P}[x]^2';
    assert.equal(step(v).status, 'verified');
    refutedWithTable(step('\\mathrm{Var}_{x \\sim P}[x] = \\mathbb{E}_{x \\sim P}[x^2]'), 'X');
  });

  it('refutes E_{x∼P}[x²] = E_{x∼P}[x]² and Σ_x x P(X = x) = Σ_x P(X = x) with the distribution', () => {
    refutedWithTable(step('E_{x \\sim P}[x^2] = E_{x\\sim P}[x]^2'), 'X');
    refutedWithTable(step('\\sum_x x P(X=x) = \\sum_x P(X = x)'), 'X');
  });

  it('the same law is the same variable; a pairing the step does not tell is not guessed', () => {
    assert.equal(step('E_{x \\sim P}[x] = E_{y \\sim P}[y]').status, 'verified');
    refutedWithTable(step('E_{x \\sim P}[x] = E_{y \\sim Q}[y]'), 'X');
    const s = step('E[Y] = E_{x \\sim P}[x]');
    assert.equal(s.status, 'unverifiable');
    assert.equal(s.reason, 'probability-notation');
  });

  it('a declared law is used: Bernoulli exactly, a normal by quadrature', () => {
    const bern = '<!-- let Z \\sim \\operatorname{Bernoulli}(0.3) -->';
    assert.equal(step('E_{z \\sim P}[z] = 0.3', bern).status, 'verified');
    assert.equal(step('E_{z \\sim P}[z] = 0.5', bern).status, 'refuted');
    const normal = '<!-- let W \\sim \\mathcal{N}(0, 1) -->';
    const v = step('E_{w \\sim P}[w^2] = 1', normal);
    assert.equal(v.status, 'verified', v.message);
    assert.equal((v as StepResult & { method?: string }).method, 'quadrature');
  });

  it('p(x) of a continuous law is a density, and a sum over its values is no sum: both refused', () => {
    const normal = '<!-- let W \\sim \\mathcal{N}(0, 1) -->';
    for (const tex of ['E_{w \\sim P}[\\log p(w)] = 1', '\\sum_w w P(W = w) = 0']) {
      const s = step(tex, normal);
      assert.equal(s.status, 'unverifiable', tex);
      assert.equal(s.reason, 'probability-notation', tex);
    }
  });

  it('a vector drawn from a law is refused by name', () => {
    const s = step('E_{\\mathbf{x} \\sim P}[\\mathbf{x}] = E_{\\mathbf{x} \\sim P}[\\mathbf{x}]');
    assert.equal(s.status, 'unverifiable');
    assert.equal(s.reason, 'probability-notation');
    assert.match(s.message, /vector/);
  });
});

describe('probability: sums over the values of a variable', () => {
  it('Σ_a P(B | A = a) P(A = a) = Σ_a P(B, A = a) = P(B)', () => {
    const s = steps(block('\\sum_a P(B \\mid A=a) P(A=a) = \\sum_a P(B, A=a) = P(B)'));
    assert.deepEqual(
      s.map((t) => t.status),
      ['verified', 'verified'],
    );
  });

  it('a sum over the values of a Poisson variable is exact (its support cut where the mass is negligible)', () => {
    const law = '<!-- let N \\sim \\operatorname{Poisson}(2) -->';
    const v = step('\\sum_n n^2 P(N = n) = 6', law);
    assert.equal(v.status, 'verified', v.message);
    assert.equal((v as StepResult & { method?: string }).method, 'exact');
    assert.equal(step('\\sum_n n^2 P(N = n) = 4', law).status, 'refuted');
  });

  it('Σ_x Σ_y runs over every pair of values unless a joint pmf weights the terms', () => {
    // p_X(x) p_Y(y) sums to 1 over all pairs, which the joint support of a dependent (X, Y) would not give.
    assert.equal(step('\\sum_x \\sum_y p_X(x) p_Y(y) = 1').status, 'verified');
    assert.equal(step('\\sum_x \\sum_y p_{X,Y}(x, y) = 1').status, 'verified');
    const marginal = '\\sum_x \\sum_y p_{X,Y}(x, y) x = \\sum_x p_X(x) x';
    assert.equal(step(marginal).status, 'verified');
    refutedWithTable(step('\\sum_x \\sum_y p_{X,Y}(x, y) x = \\sum_y p_Y(y) y'), 'Y');
  });
});

describe('probability: entropies written with values', () => {
  it('H(X) = −E_{x∼P}[log₂ p(x)] verified in bits; the sign wrong refuted with the distribution', () => {
    assert.equal(step('H(X) = - E_{x \\sim P} [\\log_2 p(x)]').status, 'verified');
    refutedWithTable(step('H(X) = E_{x \\sim P} [\\log_2 p(x)]'), 'X');
  });

  it('the joint entropy as an expectation and as a double sum', () => {
    assert.equal(step('H(X, Y) = -E_{(x, y) \\sim P} [\\log_2 p_{X, Y}(x, y)]').status, 'verified');
    const sum = 'H(X, Y) = - \\sum_{x} \\sum_{y} p_{X, Y}(x, y) \\log_2 p_{X, Y}(x, y)';
    assert.equal(step(sum).status, 'verified');
    refutedWithTable(step('H(X, Y) = - \\sum_{x} \\sum_{y} p_{X, Y}(x, y) \\log_2 p_X(x)'), 'X');
  });

  it('the conditional entropy with p(y | x): as an expectation, as a double sum; p(x | y) refuted', () => {
    assert.equal(step('H(Y \\mid X) = - E_{(x, y) \\sim P} [\\log_2 p(y \\mid x)]').status, 'verified');
    // x and y are paired with X and Y by the entropy of the step and p applied to them.
    const sum = 'H(Y \\mid X) = - \\sum_{x} \\sum_{y} p(x, y) \\log_2 p(y \\mid x)';
    assert.equal(step(sum).status, 'verified');
    refutedWithTable(step(sum.replace('p(y \\mid x)', 'p(x \\mid y)')), 'X');
    // Not paired with anything: a conditional density or a likelihood, refused.
    const lone = step('p(y \\mid x) = 1');
    assert.equal(lone.status, 'unverifiable');
    assert.equal(lone.reason, 'probability-notation');
  });

  it('D_KL(P ‖ Q) = E_{x∼P}[log₂ p(x)/q(x)]; with q/p inverted refuted', () => {
    const kl = 'D_{\\textrm{KL}}(P\\|Q) = E_{x \\sim P} \\left[ \\log_2 \\frac{p(x)}{q(x)} \\right]';
    assert.equal(step(kl).status, 'verified');
    const wrong = step('D_{\\textrm{KL}}(P\\|Q) = E_{x \\sim P} \\left[ \\log_2 \\frac{q(x)}{p(x)} \\right]');
    assert.equal(wrong.status, 'refuted', wrong.message);
  });

  it('logarithms of two bases beside an entropy: the base is not stated, not judged', () => {
    const s = step('H(X) = - E_{x \\sim P} [\\log_2 p(x)] + \\ln 1');
    assert.equal(s.status, 'unverifiable');
    assert.equal(s.reason, 'entropy-base');
  });
});
