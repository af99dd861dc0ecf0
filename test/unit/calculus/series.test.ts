import assert from 'node:assert/strict';
import { sumSeries } from '../../../src/core/calculus/series';

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

function close(r: ReturnType<typeof sumSeries>, expected: number, tol: number): void {
  assert.ok(r.ok, `expected a sum, got ${r.ok ? '' : r.reason}`);
  if (r.ok) {
    assert.ok(
      Math.abs(r.value - expected) <= tol * Math.max(1, Math.abs(expected)),
      `${r.value} vs ${expected}`,
    );
    assert.ok(r.error <= 1e-7 * Math.max(1, Math.abs(expected)));
  }
}

describe('calculus/series: sumSeries', () => {
  it('sums fast-converging series directly (the exponential series, geometric)', () => {
    close(
      sumSeries((n) => Math.pow(2, n) / factorial(n), 0),
      Math.exp(2),
      1e-14,
    );
    close(
      sumSeries((n) => Math.pow(-7, n) / factorial(n), 0),
      Math.exp(-7),
      1e-12,
    );
    close(
      sumSeries((n) => Math.pow(0.5, n), 0),
      2,
      1e-11,
    );
  });

  it('accelerates slowly decaying and alternating series', () => {
    close(
      sumSeries((n) => 1 / (n * n), 1),
      Math.PI ** 2 / 6,
      1e-9,
    );
    close(
      sumSeries((n) => Math.pow(n, -1.5), 1),
      2.612375348685488,
      1e-8,
    );
    close(
      sumSeries((n) => (n % 2 === 1 ? 1 : -1) / n, 1),
      Math.LN2,
      1e-12,
    );
    close(
      sumSeries((n) => (n % 2 === 0 ? 1 : -1) / (2 * n + 1), 0),
      Math.PI / 4,
      1e-12,
    );
    close(
      sumSeries((n) => 1 / (n * (n + 1)), 1),
      1,
      1e-9,
    );
  });

  it('reports divergence rather than an accelerated number', () => {
    for (const term of [
      (n: number) => 1 / n,
      (n: number) => 1 / Math.sqrt(n),
      () => 1,
      (n: number) => (n % 2 ? -1 : 1),
      (n: number) => n,
    ]) {
      const r = sumSeries(term, 1);
      assert.equal(r.ok ? 'ok' : r.reason, 'diverges');
    }
  });

  it('reports a term that is not finite', () => {
    const r = sumSeries((n) => 1 / n, 0);
    assert.equal(r.ok ? 'ok' : r.reason, 'not-finite');
  });
});
