import assert from 'node:assert/strict';
import { parse } from 'mathjs';
import { SymbolTable } from '../../../src/core/symbols';
import { Compiler, type Env } from '../../../src/core/verify/compile';
import { Rng } from '../../../src/core/numeric/random';
import { drawSample, planSampling } from '../../../src/core/verify/sample';
import { Mat, type Value } from '../../../src/core/verify/value';
import { bounds, check, declare, domain, table } from './helpers';

/** Draws `count` samples of the free symbols of `expr` and returns each symbol's values. */
function draws(expr: string, t: SymbolTable, count = 200): Map<string, Value[]> {
  const c = new Compiler(t);
  c.compile(parse(expr));
  const plan = planSampling(c, t);
  const env: Env = { slots: new Array<Value>(c.slotCount).fill(0), work: 0, budget: 1e9, deadline: Infinity };
  const rng = new Rng(99);
  const out = new Map<string, Value[]>();
  for (let k = 0; k < count; k++) {
    drawSample(plan, env, rng, k);
    for (const p of plan.symbols) out.set(p.name, [...(out.get(p.name) ?? []), env.slots[p.slot] as Value]);
  }
  return out;
}

describe('sampling within domains', () => {
  it('respects open bounds: p ∈ (0, 1) never reaches 0 or 1', () => {
    const ps = draws('p', table(declare(['p'], bounds('0', '1', true, true)))).get('p') as number[];
    assert.ok(ps.every((p) => p > 0 && p < 1));
    assert.ok(ps.includes(0.5), 'the simple value 1/2 is tried');
  });

  it('tries the ends of closed bounds: p ∈ [0, 1] takes 0 and 1', () => {
    const ps = draws('p', table(declare(['p'], bounds('0', '1', false, false)))).get('p') as number[];
    assert.ok(ps.every((p) => p >= 0 && p <= 1));
    assert.ok(ps.includes(0) && ps.includes(1));
  });

  it('half-bounded: λ > 0 stays positive and spreads out', () => {
    const ls = draws('λ', table(declare(['λ'], bounds('0', undefined, true, true)))).get('λ') as number[];
    assert.ok(ls.every((x) => x > 0));
    assert.ok(Math.max(...ls) > 3);
  });

  it('unbounded reals take simple values first, then a wide spread of both signs', () => {
    const xs = draws('x', SymbolTable.empty).get('x') as number[];
    assert.deepEqual(xs.slice(0, 5), [0, 1, -1, 2, 0.5]);
    assert.ok(xs.some((x) => x < -3) && xs.some((x) => x > 3));
    assert.ok(xs.some((x) => !Number.isInteger(x * 2)));
  });

  it('integer sets: n ∈ {1, …, 512} gives integers in range', () => {
    const ns = draws('n', table(declare(['n'], bounds('1', '512', false, false, 'integer')))).get(
      'n',
    ) as number[];
    assert.ok(ns.every((n) => Number.isInteger(n) && n >= 1 && n <= 512));
    assert.ok(new Set(ns).size > 10);
  });

  it('symbolic bounds are evaluated after what they depend on: k ∈ {1, …, n}, x ∈ (0, a)', () => {
    const t = table(
      declare(['n'], bounds('1', '20', false, false, 'integer')),
      declare(['k'], bounds('1', 'n', false, false, 'integer')),
      declare(['a'], bounds('0', undefined, true, true)),
      declare(['x'], bounds('0', 'a', true, true)),
    );
    // k and x come first in the expression, yet are drawn after n and a.
    const d = draws('k + x + n + a', t);
    const [ks, ns, xs, as] = ['k', 'n', 'x', 'a'].map((s) => d.get(s) as number[]);
    ks!.forEach((k, i) => assert.ok(k >= 1 && k <= ns![i]!, `k = ${k} ≤ n = ${ns![i]}`));
    xs!.forEach((x, i) => assert.ok(x > 0 && x < as![i]!, `x = ${x} < a = ${as![i]}`));
  });

  it('circular bounds are reported, not looped on', () => {
    const t = table(
      declare(['a'], bounds('0', 'b', true, true)),
      declare(['b'], bounds('a', undefined, true, true)),
    );
    const v = check('a + b', '=', 'b + a', t);
    assert.equal(v.status, 'unverifiable');
    assert.match(v.message, /circular domains/);
  });

  it('dimension symbols are small positive sizes, drawn before the matrices that use them', () => {
    const t = table(declare(['A'], domain(['m', 'n'])));
    const d = draws('A', t, 60);
    const ms = d.get('m') as number[];
    const as = d.get('A') as Mat[];
    assert.ok(ms.every((m) => m >= 1 && m <= 4));
    as.forEach((a, i) => assert.equal(a.rows, ms[i]));
    assert.deepEqual(new Set(ms), new Set([1, 2, 3, 4]));
  });

  it('positive matrices: entries respect elementwise bounds', () => {
    const t = table(
      declare(['W'], { ...bounds('0', undefined, true, true), shape: [parse('3'), parse('2')] }),
    );
    const ws = draws('W', t, 50).get('W') as Mat[];
    assert.ok(ws.every((w) => w.rows === 3 && w.cols === 2 && w.data.every((x) => x > 0)));
  });

  it('verdicts follow the domain: p < 1 holds on (0, 1) and fails at p = 1 on (0, 1]', () => {
    assert.equal(
      check('p', '<', '1', table(declare(['p'], bounds('0', '1', true, true)))).status,
      'verified',
    );
    const v = check('p', '<', '1', table(declare(['p'], bounds('0', '1', true, false))));
    assert.equal(v.status, 'refuted');
    assert.deepEqual(v.counterexample, { p: 1 });
    assert.equal(
      check('log(λ)', '<', 'λ', table(declare(['λ'], bounds('0', undefined, true, true)))).status,
      'verified',
    );
  });
});
