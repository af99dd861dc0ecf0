import assert from 'node:assert/strict';
import { checkAsymptotic } from '../../../src/core/calculus/asymptotic';

const unit = (): number => 1;

describe('calculus/asymptotic: checkAsymptotic', () => {
  it('holds when the gap vanishes faster than the last order kept', () => {
    const sqrt = checkAsymptotic((d) => Math.sqrt(1 + d) - (1 + d / 2), 1, unit);
    assert.equal(sqrt.kind, 'holds');
    assert.ok(sqrt.kind === 'holds' && Math.abs(sqrt.order - 2) < 0.05);
    assert.equal(checkAsymptotic((e) => Math.tanh(e) - e, 1, unit).kind, 'holds');
    const central = (h: number): number => (Math.sin(1.3 + h) - Math.sin(1.3 - h)) / (2 * h) - Math.cos(1.3);
    assert.equal(checkAsymptotic(central, 0, unit).kind, 'holds');
    assert.equal(checkAsymptotic(() => 0, 1, unit).kind, 'holds');
  });

  it('fails with the measured order when the gap is as large as a kept term, or does not vanish', () => {
    const cos = checkAsymptotic((h) => Math.cos(h) - (1 - h * h), 2, unit);
    assert.equal(cos.kind, 'fails');
    assert.ok(cos.kind === 'fails' && Math.abs(cos.order - 2) < 0.05);
    const off = checkAsymptotic((h) => Math.exp(h) - (2 + h), 1, unit);
    assert.ok(off.kind === 'fails' && Math.abs(off.order) < 0.05);
  });

  it('is unclear, not refuted, when the gap is not finite', () => {
    assert.equal(checkAsymptotic(() => NaN, 0, unit).kind, 'unclear');
  });
});
