// The experiment runner against hand-written Float64Array code, in one process (medians of several
// runs): (a) the 1e6-sample dropout-vs-ReLU experiment as a block vs (b) the same computation written
// directly; (c) a 256×256 matrix product through the language vs a plain i-k-j typed-array loop.
// Targets (issue 4): (a) within 3× of (b); the product at least 1 GFLOP/s.
import { Rng } from '../src/core/numeric/random';
import { runExperiment } from '../src/core/experiment/run';

const RUNS = 7;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

function time(fn: () => unknown, runs = RUNS): number {
  return timePair(fn, () => undefined, runs)[0];
}

/** Times two functions alternately, so both see the same load on a shared machine; medians of each. */
function timePair(f: () => unknown, g: () => unknown, runs = RUNS): [number, number] {
  f(); // warm-up
  g();
  const tf: number[] = [];
  const tg: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    f();
    tf.push(performance.now() - t0);
    t0 = performance.now();
    g();
    tg.push(performance.now() - t0);
  }
  return [median(tf), median(tg)];
}

const N = 1_000_000;
const dropoutBlock = `
n = ${N}; p = 0.5;
x = randn(n);
m = bernoulli(1 - p, n) / (1 - p);
a = relu(m .* x);
b = m .* relu(x);
check(allclose(a, b), "dropout commutes with relu")
`;

/** (b): the same computation written directly on Float64Arrays. It draws from the same generator as the
 * runtime (its fill loops are already as tight as hand-written ones), so the ratio measures what the
 * language costs: parsing, dispatch, the operators' allocations and the check. */
function handWritten(): boolean {
  const rng = new Rng(12345);
  const p = 0.5;
  const x = new Float64Array(N);
  rng.fillNormal(x);
  const m = new Float64Array(N);
  rng.fillUniform(m);
  for (let i = 0; i < N; i++) m[i] = ((m[i] as number) < 1 - p ? 1 : 0) / (1 - p);
  const a = new Float64Array(N);
  const b = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const v = (m[i] as number) * (x[i] as number);
    a[i] = v > 0 ? v : 0;
  }
  for (let i = 0; i < N; i++) {
    const xi = x[i] as number;
    b[i] = (m[i] as number) * (xi > 0 ? xi : 0);
  }
  for (let i = 0; i < N; i++) {
    if (Math.abs((a[i] as number) - (b[i] as number)) > 1e-8 + 1e-5 * Math.abs(b[i] as number)) return false;
  }
  return true;
}

function plainMatmul(A: Float64Array, B: Float64Array, n: number): Float64Array {
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const a = A[i * n + k] as number;
      for (let j = 0; j < n; j++) C[i * n + j] = (C[i * n + j] as number) + a * (B[k * n + j] as number);
    }
  }
  return C;
}

const block = (code: string) => ({ code, codeLine: 2, line: 1, endLine: 20 });

const r = runExperiment(block(dropoutBlock), { memoryMb: 1024 });
if (r.status !== 'passed') throw new Error(`dropout block did not pass: ${r.message}`);
if (!handWritten()) throw new Error('hand-written dropout check did not pass');
const [tA, tB] = timePair(() => runExperiment(block(dropoutBlock), { memoryMb: 1024 }), handWritten, 9);

const n = 256;
const matCode = (reps: number) =>
  `A = randn(${n}, ${n}); B = randn(${n}, ${n});\n` + 'C = A * B;\n'.repeat(reps);
// The product alone: the difference between a block with 11 products and one with 1, over 10.
const tSetup = time(() => runExperiment(block(matCode(1)), { memoryMb: 1024 }));
const tMany = time(() => runExperiment(block(matCode(11)), { memoryMb: 1024 }));
const tLang = Math.max(1e-3, (tMany - tSetup) / 10);
const A = new Float64Array(n * n).map(() => Math.random());
const B = new Float64Array(n * n).map(() => Math.random());
const tPlain = time(() => plainMatmul(A, B, n));
const flops = 2 * n ** 3;
const gf = (ms: number): string => (flops / (ms * 1e6)).toFixed(2);

console.log(
  `(a) dropout vs ReLU, 1e6 samples, experiment block:  ${tA.toFixed(1)} ms (whole run: parse, create, draw, check)`,
);
console.log(`(b) same, hand-written Float64Array loops:          ${tB.toFixed(1)} ms`);
console.log(`    ratio (a)/(b): ${(tA / tB).toFixed(2)}×   target ≤ 3×`);
console.log(
  `(c) 256×256 product through the language:  ${tLang.toFixed(2)} ms = ${gf(tLang)} GFLOP/s   target ≥ 1 GFLOP/s`,
);
console.log(`    plain i-k-j typed-array loop:           ${tPlain.toFixed(2)} ms = ${gf(tPlain)} GFLOP/s`);
console.log(`    ratio language/plain time: ${(tLang / tPlain).toFixed(2)}×`);
