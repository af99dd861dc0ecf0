// When the rounding probe may be skipped: only when no value it would nudge was met.
import assert from 'node:assert/strict';
import {
  asOneOperation,
  markMovable,
  nudgesWouldMove,
  probe,
  resetAbsorbed,
} from '../../../src/core/verify/rounding';
import { Eye, Mat } from '../../../src/core/verify/value';

describe('verify/rounding: skipping the probe', () => {
  it('is skipped when every probed value is a small integer', () => {
    resetAbsorbed();
    probe(3);
    probe(-1024);
    probe(new Eye(2));
    probe(new Mat(2, 1, Float64Array.from([1, 7])));
    assert.equal(nudgesWouldMove(), false);
  });

  it('runs for a fraction, a large integer, a matrix with one such entry, or a scaled identity', () => {
    for (const v of [0.5, 2 ** 40, new Mat(1, 2, Float64Array.from([1, 0.25])), new Eye(1.5)]) {
      resetAbsorbed();
      probe(v);
      assert.equal(nudgesWouldMove(), true, String(v));
    }
  });

  it('counts the result of a numeric method, not the points it evaluated', () => {
    resetAbsorbed();
    asOneOperation(() => {
      probe(0.125);
      return 2;
    });
    assert.equal(nudgesWouldMove(), false);
    asOneOperation(() => 2.5);
    assert.equal(nudgesWouldMove(), true);
  });

  it('runs when an estimate is recomputed afresh (markMovable)', () => {
    resetAbsorbed();
    markMovable();
    assert.equal(nudgesWouldMove(), true);
  });
});
