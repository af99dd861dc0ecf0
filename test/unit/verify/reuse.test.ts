// An integral or a limit is computed once per sample and reused by the rounding probe's re-evaluations,
// but only while everything it was computed from is unchanged.
import assert from 'node:assert/strict';
import { lastResult } from '../../../src/core/verify/calculus';
import type { Env } from '../../../src/core/verify/env';
import type { Value } from '../../../src/core/verify/value';

const env = (slots: Value[], sample?: number): Env => ({
  slots,
  work: 0,
  budget: 1e9,
  deadline: Infinity,
  ...(sample === undefined ? {} : { sample }),
});

describe('verify/calculus: reuse of an integral or limit within a sample', () => {
  const counting = (random = 0) => {
    let calls = 0;
    const reuse = lastResult<number>({ random: { size: random } } as never, 1);
    return {
      at: (e: Env, key: number[]) => reuse(e, key, () => ++calls),
      calls: () => calls,
    };
  };

  it('computes once for the same env, sample, point and slots (the bound slot itself ignored)', () => {
    const r = counting();
    const e = env([2, 0, 5], 3);
    r.at(e, [0]);
    e.slots[1] = 0.125; // the bound variable's slot, left as the method found it
    assert.equal(r.at(e, [0]), 1);
    assert.equal(r.calls(), 1);
  });

  it('recomputes when a slot, the point, the sample or the env changes', () => {
    const r = counting();
    const e = env([2, 0, 5], 3);
    r.at(e, [0]);
    e.slots[2] = 6;
    r.at(e, [0]);
    assert.equal(r.calls(), 2);
    r.at(e, [1]);
    assert.equal(r.calls(), 3);
    e.sample = 4;
    r.at(e, [1]);
    assert.equal(r.calls(), 4);
    r.at(env([2, 0, 6], 4), [1]);
    assert.equal(r.calls(), 5);
  });

  it('never reuses without a sample number or in a step with random symbols', () => {
    const plain = counting();
    const e = env([1, 0, 1]);
    plain.at(e, [0]);
    plain.at(e, [0]);
    assert.equal(plain.calls(), 2);
    const random = counting(1);
    const f = env([1, 0, 1], 0);
    random.at(f, [0]);
    random.at(f, [0]);
    assert.equal(random.calls(), 2);
  });
});
