import assert from 'node:assert/strict';
import { limit, type Limit } from '../../../src/core/calculus/limits';

function valueOf(l: Limit): number | string {
  return l.ok ? l.value : l.reason;
}
const near = (l: Limit, x: number, tol = 1e-9): boolean => l.ok && Math.abs(l.value - x) <= tol;

describe('calculus/limits: limit', () => {
  it('extrapolates removable singularities and limits at infinity', () => {
    assert.ok(
      near(
        limit((h) => Math.sin(h) / h, { point: 0, side: 'both' }),
        1,
      ),
    );
    assert.ok(
      near(
        limit((n) => Math.pow(1 + 1 / n, n), { point: Infinity }),
        Math.E,
      ),
    );
    assert.ok(
      near(
        limit((n) => Math.sqrt(n * n + n) - n, { point: Infinity }),
        0.5,
      ),
    );
    assert.ok(
      near(
        limit((h) => (Math.exp(0.7 + h) - Math.exp(0.7)) / h, { point: 0, side: 'both' }),
        Math.exp(0.7),
        1e-8,
      ),
    );
    assert.ok(
      near(
        limit((x) => x * x, { point: 3, side: 'both' }),
        9,
      ),
    );
  });

  it('takes one-sided limits, and two-sided ones only where both sides meet', () => {
    assert.ok(
      near(
        limit((h) => Math.abs(h) / h, { point: 0, side: 'above' }),
        1,
      ),
    );
    assert.ok(
      near(
        limit((h) => Math.abs(h) / h, { point: 0, side: 'below' }),
        -1,
      ),
    );
    assert.equal(valueOf(limit((h) => Math.abs(h) / h, { point: 0, side: 'both' })), 'does-not-settle');
  });

  it('says when a sequence does not settle or grows without bound', () => {
    assert.equal(valueOf(limit((h) => Math.sin(1 / h), { point: 0, side: 'both' })), 'does-not-settle');
    assert.equal(valueOf(limit((h) => 1 / h, { point: 0, side: 'above' })), 'unbounded');
    assert.equal(valueOf(limit((n) => n, { point: Infinity })), 'unbounded');
  });
});
