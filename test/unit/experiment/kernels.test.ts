import assert from 'node:assert/strict';
import { gemm, map2, transpose } from '../../../src/core/experiment/kernels';
import { Rng } from '../../../src/core/numeric/random';
import { normalQuantile, tQuantile, gammaQ, betaI } from '../../../src/core/experiment/stats';
import { Tensor } from '../../../src/core/experiment/tensor';

function naive(A: Float64Array, B: Float64Array, m: number, k: number, n: number): Float64Array {
  const C = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) C[i * n + j]! += A[i * k + p]! * B[p * n + j]!;
  return C;
}

describe('experiment kernels', () => {
  it('gemm matches the definition for odd sizes and vectors', () => {
    const rng = new Rng(1);
    for (const [m, k, n] of [
      [1, 1, 1],
      [3, 5, 7],
      [8, 4, 9],
      [5, 6, 1],
      [17, 3, 4],
    ] as [number, number, number][]) {
      const A = new Float64Array(m * k);
      const B = new Float64Array(k * n);
      rng.fillNormal(A);
      rng.fillNormal(B);
      const C = gemm(A, B, m, k, n);
      const D = naive(A, B, m, k, n);
      C.forEach((c, i) => assert.ok(Math.abs(c - D[i]!) < 1e-12, `${m}×${k}×${n} at ${i}`));
    }
  });

  it('transpose of a non-square matrix larger than a block', () => {
    const t = new Tensor(
      Float64Array.from({ length: 40 * 33 }, (_, i) => i),
      [40, 33],
    );
    const u = transpose(t);
    assert.deepEqual(u.shape, [33, 40]);
    assert.equal(u.data[5 * 40 + 7], t.data[7 * 33 + 5]);
  });

  it('broadcasts a row, a column and a scalar', () => {
    const A = new Tensor(Float64Array.of(1, 2, 3, 4, 5, 6), [2, 3]);
    const row = new Tensor(Float64Array.of(10, 20, 30), [3]);
    const col = new Tensor(Float64Array.of(100, 200), [2, 1]);
    assert.deepEqual(Array.from(map2(A, row, (a, b) => a + b, 'add').data), [11, 22, 33, 14, 25, 36]);
    assert.deepEqual(Array.from(map2(A, col, (a, b) => a + b, 'add').data), [101, 102, 103, 204, 205, 206]);
    assert.throws(
      () => map2(A, new Tensor(new Float64Array(2), [2]), (a, b) => a + b, 'add'),
      /sizes \[2, 3\] and \[2\] do not match/,
    );
  });
});

describe('experiment statistics', () => {
  it('quantiles match tables', () => {
    assert.ok(Math.abs(normalQuantile(0.975) - 1.959963984540054) < 1e-9);
    assert.ok(Math.abs(normalQuantile(0.5)) < 1e-12);
    assert.ok(Math.abs(tQuantile(0.975, 4) - 2.7764451051977987) < 1e-9);
    assert.ok(Math.abs(tQuantile(0.995, 1) - 63.65674116287399) < 1e-7);
    assert.ok(Math.abs(tQuantile(0.975, 30) - 2.0422724563012373) < 1e-9);
  });

  it('incomplete gamma and beta at known points', () => {
    assert.ok(Math.abs(gammaQ(1, 2) - Math.exp(-2)) < 1e-14);
    assert.ok(Math.abs(betaI(1, 1, 0.3) - 0.3) < 1e-14);
    assert.ok(Math.abs(betaI(2, 3, 0.4) - 0.5248) < 1e-12);
  });
});
