import assert from 'node:assert/strict';
import { randomSmooth, type FunctionTrait } from '../../../src/core/calculus/smooth';
import { Rng } from '../../../src/core/numeric/random';

const points = (rng: Rng, arity: number): number[][] =>
  Array.from({ length: 40 }, () => Array.from({ length: arity }, () => rng.uniform(-4, 4)));

/** Central difference of f along coordinate i, for checking the exact derivatives. */
function numericPartial(f: (x: number[]) => number, x: number[], i: number): number {
  const h = 1e-5;
  const up = x.slice();
  const dn = x.slice();
  up[i] = (up[i] as number) + h;
  dn[i] = (dn[i] as number) - h;
  return (f(up) - f(dn)) / (2 * h);
}

describe('calculus/smooth: random smooth functions', () => {
  it('are fixed once drawn and differ between draws', () => {
    const rng = new Rng(7);
    const f = randomSmooth(rng, 1);
    const g = randomSmooth(rng, 1);
    assert.equal(f.value([0.4]), f.value([0.4]));
    assert.notEqual(f.value([0.4]), g.value([0.4]));
  });

  it('have exact derivatives of any order (checked against differences)', () => {
    const rng = new Rng(11);
    for (const arity of [1, 2, 3]) {
      const f = randomSmooth(rng, arity);
      for (const x of points(rng, arity).slice(0, 10)) {
        for (let i = 0; i < arity; i++) {
          const exact = f.derivative(x, [i]);
          const approx = numericPartial((y) => f.value(y), x, i);
          assert.ok(Math.abs(exact - approx) < 1e-5 * Math.max(1, Math.abs(exact)));
          const second = f.derivative(x, [i, 0]);
          const approx2 = numericPartial((y) => f.derivative(y, [0]), x, i);
          assert.ok(Math.abs(second - approx2) < 1e-5 * Math.max(1, Math.abs(second)));
        }
      }
    }
  });

  it('honour the stated traits', () => {
    const rng = new Rng(3);
    const check = (
      trait: FunctionTrait,
      arity: number,
      ok: (f: ReturnType<typeof randomSmooth>, x: number[], y: number[]) => boolean,
    ): void => {
      for (let draw = 0; draw < 20; draw++) {
        const f = randomSmooth(rng, arity, [trait]);
        const ps = points(rng, arity);
        for (let k = 0; k + 1 < ps.length; k++)
          assert.ok(ok(f, ps[k] as number[], ps[k + 1] as number[]), `${trait} draw ${draw}`);
      }
    };
    const mid = (x: number[], y: number[]): number[] => x.map((v, i) => (v + (y[i] as number)) / 2);
    const neg = (x: number[]): number[] => x.map((v) => -v);
    check('convex', 2, (f, x, y) => f.value(mid(x, y)) <= (f.value(x) + f.value(y)) / 2 + 1e-9);
    check(
      'linear',
      2,
      (f, x, y) => Math.abs(f.value(x.map((v, i) => v + (y[i] as number))) - f.value(x) - f.value(y)) < 1e-9,
    );
    check('odd', 1, (f, x) => Math.abs(f.value(neg(x)) + f.value(x)) < 1e-9);
    check('even', 2, (f, x) => Math.abs(f.value(neg(x)) - f.value(x)) < 1e-9);
    check('positive', 2, (f, x) => f.value(x) > 0);
    check('increasing', 1, (f, x) => f.derivative(x, [0]) > 0);
  });

  it('are described by a formula naming the function', () => {
    const f = randomSmooth(new Rng(5), 1, ['linear']);
    assert.match(f.describe('f'), /^f\(x\) = -?[\d.]+·\(-?[\d.]+x\)$/);
  });
});
