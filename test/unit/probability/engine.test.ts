import assert from 'node:assert/strict';
import { Rng } from '../../../src/core/numeric/random';
import {
  expectation,
  NoExpectation,
  type Component,
  type Estimate,
} from '../../../src/core/probability/expect';
import { buildLaw, LawError, lawName } from '../../../src/core/probability/laws';
import { adaptiveGaussKronrod } from '../../../src/core/calculus/quadrature';
import { gaussHermite, gaussLaguerre, gaussLegendre } from '../../../src/core/probability/quadrature';
import { randomJoint } from '../../../src/core/probability/tables';

const close = (a: number, b: number, tol = 1e-10): void =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);

/** E f(x) for one scalar law. */
function e1(law: Component, f: (x: number) => number): Estimate {
  let x = 0;
  return expectation({ components: [law], assign: (p) => (x = p[0] as number), f: () => f(x) }, new Rng(1));
}
const law = (name: string, ...ps: number[]): Component => ({ kind: 'law', law: buildLaw(name, ps) });

describe('probability/quadrature', () => {
  it('Gauss rules integrate polynomials of degree 2n − 1 exactly', () => {
    const h = gaussHermite(10);
    // ∫ x⁴ e^{-x²} = 3√π/4
    close(
      h.x.reduce((a, x, i) => a + (h.w[i] as number) * x ** 4, 0),
      (3 * Math.sqrt(Math.PI)) / 4,
      1e-13,
    );
    const l = gaussLegendre(7);
    close(
      l.x.reduce((a, x, i) => a + (l.w[i] as number) * x ** 6, 0),
      2 / 7,
      1e-13,
    );
    const g = gaussLaguerre(12, 0.5);
    // ∫ x^{0.5} e^{-x} x³ = Γ(4.5)
    close(
      g.x.reduce((a, x, i) => a + (g.w[i] as number) * x ** 3, 0),
      11.631728396567448,
      1e-12,
    );
  });

  it('adaptive Gauss–Kronrod localises a kink', () => {
    const r = adaptiveGaussKronrod((x) => Math.abs(x - 0.3), -1, 1, 1e-12, 1e-13, 29_985);
    assert.ok(r.ok);
    close(r.value, (1.3 ** 2 + 0.7 ** 2) / 2, 1e-12);
  });
});

describe('probability/laws', () => {
  it('enumerates the atoms of a law once per tail and writes its label when read', () => {
    const poisson = buildLaw('Poisson', [40]);
    const a = poisson.atoms?.(1e-17);
    assert.ok(a && a === poisson.atoms?.(1e-17));
    assert.notEqual(poisson.atoms?.(1e-6), a);
    assert.equal(poisson.label, 'Poisson(40)');
    assert.equal(buildLaw('Normal', [0, 2]).label, '𝒩(0, 2)');
  });

  it('rejects parameters outside the law with a message naming them', () => {
    assert.throws(
      () => buildLaw('Uniform', [1, 0]),
      (e) => e instanceof LawError && /a < b/.test(e.message),
    );
    assert.throws(() => buildLaw('Bernoulli', [2]), LawError);
    assert.throws(() => buildLaw('Normal', [0, -1]), LawError);
    assert.throws(
      () => buildLaw('Poisson', [1, 2]),
      (e) => e instanceof LawError && /1 parameter/.test(e.message),
    );
    assert.throws(() => buildLaw('Categorical', [0.5, 0.6]), LawError);
  });

  it('knows the usual spellings and reports others as unknown', () => {
    assert.equal(lawName('N'), 'Normal');
    assert.equal(lawName('Unif'), 'Uniform');
    assert.equal(lawName('Bern'), 'Bernoulli');
    assert.equal(lawName('Zipf'), undefined);
  });
});

describe('probability/expect', () => {
  it('enumerates finite supports exactly (Poisson mean and variance, Binomial)', () => {
    const p = law('Poisson', 3.7);
    const m = e1(p, (x) => x);
    assert.equal(m.method, 'exact');
    close(m.value, 3.7, 1e-12);
    close(e1(p, (x) => (x - 3.7) ** 2).value, 3.7, 1e-12);
    close(e1(law('Binomial', 10, 0.3), (x) => x * x).value, 10 * 0.3 * 0.7 + 9, 1e-12);
  });

  it('integrates normals by Gauss–Hermite and kinks adaptively', () => {
    const z = law('Normal', 0, 1);
    const sq = e1(law('Normal', 1.5, 4), (x) => (x - 1.5) ** 2);
    assert.equal(sq.method, 'quadrature');
    close(sq.value, 4, 1e-12);
    const abs = e1(z, Math.abs);
    assert.equal(abs.method, 'quadrature');
    close(abs.value, Math.sqrt(2 / Math.PI), 1e-10);
    close(e1(z, (x) => Number(x > 0)).value, 0.5, 1e-10);
    close(e1(z, Math.tanh).value, 0, 1e-12);
    close(e1(law('Normal', 0.3, 2), (x) => Math.max(0, x)).value, 0.7268364591305136, 1e-10);
  });

  it('integrates uniforms, exponentials and gammas by their Gauss rules', () => {
    close(e1(law('Uniform', -0.5, 0.5), (x) => x * x).value, 1 / 12, 1e-13);
    const ex = e1(law('Exponential', 2), (x) => x * x);
    assert.equal(ex.method, 'quadrature');
    close(ex.value, 2 / 4, 1e-12);
    close(e1(law('Gamma', 2.5, 2), (x) => x).value, 5, 1e-11);
    close(e1(law('Beta', 2, 3), (x) => x).value, 0.4, 1e-9);
  });

  it('refuses the mean of a Cauchy law but integrates a bounded function of it', () => {
    const c = law('Cauchy', 0, 1);
    assert.throws(() => e1(c, (x) => x), NoExpectation);
    close(e1(c, (x) => Number(x > 1)).value, 0.25, 1e-9);
  });

  it('takes two continuous components by moments when quadratic, by quadrature when not', () => {
    const comps: Component[] = [law('Normal', 1, 4), law('Uniform', 0, 3)];
    const xs = new Float64Array(2);
    const assign = (p: Float64Array): void => xs.set(p);
    const at = (f: () => number): Estimate => expectation({ components: comps, assign, f }, new Rng(5));
    // E[(X + Y)²] = Var X + Var Y + (E X + E Y)² = 4 + 3/4 + 6.25.
    const q = at(() => ((xs[0] as number) + (xs[1] as number)) ** 2);
    assert.equal(q.method, 'exact');
    close(q.value, 11, 1e-12);
    // E[cos X · Y] = e^{-2} cos(1) · 3/2: not a polynomial, so the product Gauss rule.
    const c = at(() => Math.cos(xs[0] as number) * (xs[1] as number));
    assert.equal(c.method, 'quadrature');
    close(c.value, Math.exp(-2) * Math.cos(1) * 1.5, 1e-9);
  });

  it('never takes a kink or a step out in a tail for a polynomial (no exact 0 for E max(0, X + Y − 3))', () => {
    const comps: Component[] = [law('Normal', 0, 1), law('Normal', 0, 1)];
    const xs = new Float64Array(2);
    const cases: [(x: Float64Array) => number, number][] = [
      // E max(0, S − 3) for S ~ 𝒩(0, 2): σφ(3/σ) − 3(1 − Φ(3/σ)) ≈ 0.00866.
      [(x) => Math.max(0, (x[0] as number) + (x[1] as number) - 3), 0.00866],
      // P(X > 2.5) ≈ 0.00621.
      [(x) => Number((x[0] as number) > 2.5), 0.00621],
    ];
    for (const [f, truth] of cases) {
      for (let seed = 0; seed < 40; seed++) {
        const r = expectation({ components: comps, assign: (p) => xs.set(p), f: () => f(xs) }, new Rng(seed));
        assert.notEqual(r.method, 'exact', `seed ${seed}: ${r.value}`);
        assert.ok(Math.abs(r.value - truth) < 6 * r.error + 2e-4, `seed ${seed}: ${r.value} ± ${r.error}`);
      }
    }
    // Inside a uniform's support a quadratic is still taken by its moments.
    const u: Component[] = [law('Uniform', 0, 1), law('Uniform', 0, 1)];
    const q = expectation(
      { components: u, assign: (p) => xs.set(p), f: () => ((xs[0] as number) + (xs[1] as number)) ** 2 },
      new Rng(1),
    );
    assert.equal(q.method, 'exact');
    close(q.value, 1 / 6 + 1, 1e-12);
  });

  it('uses moments for a mean of many i.i.d. terms: E and Var of X̄', () => {
    const n = 300;
    const comps: Component[] = Array.from({ length: n }, () => law('Normal', 2, 9));
    const xs = new Float64Array(n);
    const mean = (): number => xs.reduce((a, x) => a + x, 0) / n;
    const assign = (p: Float64Array): void => xs.set(p);
    const m = expectation({ components: comps, assign, f: mean }, new Rng(2));
    assert.equal(m.method, 'exact');
    close(m.value, 2, 1e-12);
    const v = expectation({ components: comps, assign, f: () => (mean() - 2) ** 2 }, new Rng(2));
    close(v.value, 9 / n, 1e-10);
  });

  it('falls back to seeded Monte Carlo with a standard error', () => {
    const n = 12;
    const comps: Component[] = Array.from({ length: n }, () => law('Uniform', 0, 1));
    const xs = new Float64Array(n);
    const r = expectation(
      { components: comps, assign: (p) => xs.set(p), f: () => Math.max(...xs) },
      new Rng(3),
    );
    assert.equal(r.method, 'monte-carlo');
    assert.ok(Math.abs(r.value - n / (n + 1)) < 6 * r.error, `${r.value} ± ${r.error}`);
    // The draw count depends on the wall-clock cap (so on the machine's load); the error must be the standard
    // error of the draws made: sd(max of n uniforms) / √draws.
    const draws = r.draws ?? 0;
    assert.ok(draws >= 256, `${draws} draws`);
    const sd = Math.sqrt(n / ((n + 1) ** 2 * (n + 2)));
    const expected = sd / Math.sqrt(draws);
    assert.ok(Math.abs(r.error - expected) < 0.2 * expected, `${r.error} vs ${expected}`);
  });
});

describe('probability/tables', () => {
  it('respects declared independence exactly and is dependent otherwise', () => {
    const rng = new Rng(5);
    const check = (indep: boolean): number => {
      const j = randomJoint(
        [
          { name: 'X', event: false },
          { name: 'Y', event: false },
        ],
        () => indep,
        rng,
      );
      const xy = { x: 0, y: 0 };
      const ex = (f: () => number): number =>
        expectation(
          {
            components: j.components,
            assign: (p) => {
              xy.x = j.value(0, p);
              xy.y = j.value(1, p);
            },
            f,
          },
          rng,
        ).value;
      return ex(() => xy.x * xy.y) - ex(() => xy.x) * ex(() => xy.y);
    };
    for (let k = 0; k < 10; k++) close(check(true), 0, 1e-12);
    assert.ok(Array.from({ length: 10 }, () => check(false)).some((c) => Math.abs(c) > 1e-6));
  });

  it('draws events as 0/1 and writes the joint law as a table', () => {
    const j = randomJoint(
      [
        { name: 'A', event: true },
        { name: 'B', event: true },
      ],
      () => false,
      new Rng(7),
    );
    const t = j.table();
    close(
      (t['ℙ'] as number[]).reduce((a, x) => a + x, 0),
      1,
      1e-5,
    );
    assert.ok([...(t['A'] as number[]), ...(t['B'] as number[])].every((v) => v === 0 || v === 1));
  });
});
