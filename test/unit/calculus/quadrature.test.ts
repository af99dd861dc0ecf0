import assert from 'node:assert/strict';
import { adaptiveGaussKronrod, integrate, type Quadrature } from '../../../src/core/calculus/quadrature';

function value(q: Quadrature): number {
  if (!q.ok) throw new Error(`no value: ${q.reason}`);
  return q.value;
}

describe('calculus/quadrature: integrate', () => {
  it('integrates smooth functions on finite ranges to near machine precision, with an error estimate', () => {
    const q = integrate(Math.sin, 0, Math.PI);
    assert.ok(q.ok);
    assert.ok(Math.abs(q.value - 2) < 1e-12);
    assert.ok(q.error < 1e-9 && q.error >= 0);
    assert.ok(Math.abs(value(integrate((x) => Math.abs(x - 0.3), 0, 1)) - 0.29) < 1e-9);
  });

  it('maps infinite ranges to finite ones', () => {
    assert.ok(Math.abs(value(integrate((x) => 1 / (1 + x * x), -Infinity, Infinity)) - Math.PI) < 1e-9);
    assert.ok(
      Math.abs(value(integrate((x) => Math.exp(-x * x), -Infinity, Infinity)) - Math.sqrt(Math.PI)) < 1e-9,
    );
    assert.ok(Math.abs(value(integrate((x) => Math.exp(-x), 0, Infinity)) - 1) < 1e-9);
    assert.ok(Math.abs(value(integrate((x) => 1 / (x * x), -Infinity, -1)) - 1) < 1e-9);
  });

  it('handles integrable singularities at an end', () => {
    assert.ok(Math.abs(value(integrate((x) => 1 / Math.sqrt(x), 0, 1)) - 2) < 1e-8);
    assert.ok(Math.abs(value(integrate(Math.log, 0, 1)) + 1) < 1e-8);
  });

  it('reverses the sign when the limits are reversed, and gives 0 on an empty range', () => {
    assert.ok(Math.abs(value(integrate(Math.sin, Math.PI, 0)) + 2) < 1e-12);
    assert.equal(value(integrate(Math.sin, 1, 1)), 0);
  });

  it('reports divergence instead of a number', () => {
    for (const [f, a, b] of [
      [(x: number) => 1 / x, 1, Infinity],
      [(x: number) => 1 / x, 0, 1],
      [(x: number) => 1 / (x * x), 0, 1],
      [Math.sin, 0, Infinity],
    ] as const) {
      const q = integrate(f, a, b);
      assert.equal(q.ok, false);
      if (!q.ok) assert.equal(q.reason, 'diverges');
    }
  });

  it('reports an integrand that is not finite inside the range', () => {
    const q = integrate(() => NaN, 0, 1);
    assert.deepEqual(q.ok ? 'ok' : q.reason, 'not-finite');
  });
});

describe('calculus/quadrature: the adaptive Gauss–Kronrod rule shared with expectations', () => {
  const cases: [string, (x: number) => number, number, number, number][] = [
    ['x² eˣ on [0, 1]', (x) => x * x * Math.exp(x), 0, 1, Math.E - 2],
    ['|x − 0.3| on [−1, 1] (a kink)', (x) => Math.abs(x - 0.3), -1, 1, (1.3 ** 2 + 0.7 ** 2) / 2],
    [
      'max(0, x − 0.1)·x on [−1, 2] (a kink)',
      (x) => Math.max(0, x - 0.1) * x,
      -1,
      2,
      8 / 3 - 0.1 * 2 - (0.1 ** 3 / 3 - 0.1 ** 3 / 2),
    ],
    [
      '√(1 − x²) on [−1, 1] (infinite slope at the ends)',
      (x) => Math.sqrt(Math.max(0, 1 - x * x)),
      -1,
      1,
      Math.PI / 2,
    ],
  ];
  for (const [name, f, a, b, truth] of cases) {
    it(`its error estimate covers the true error: ${name}`, () => {
      const r = adaptiveGaussKronrod(f, a, b, 1e-13, 1e-14, 29_985);
      assert.ok(r.ok, name);
      // Expectations allow ten times the estimate at a kink (probability/expect.ts); the truth must be inside.
      assert.ok(Math.abs(r.value - truth) <= 10 * r.error + 1e-15, `${r.value} vs ${truth} ± ${r.error}`);
      assert.ok(r.error <= 1e-12 * Math.max(1, Math.abs(truth)), `error ${r.error}`);
    });
  }

  it('stops at its evaluation budget rather than claiming an accuracy it did not reach', () => {
    const r = adaptiveGaussKronrod((x) => Math.sin(1 / x), 1e-9, 1, 1e-13, 1e-14, 15 + 30 * 20);
    assert.equal(r.ok, false);
    assert.ok(r.evaluations <= 15 + 30 * 20);
  });
});
