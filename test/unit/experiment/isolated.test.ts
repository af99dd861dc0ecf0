// The worker-thread runner. Most tests start the bundled worker (built once here with esbuild, as
// scripts/build.mjs does) because it starts in a fraction of the time the TypeScript entry takes under
// tsx; one test covers that default source path.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { runExperimentIsolated } from '../../../src/core/experiment/isolated';

const block = (code: string) => ({ code, codeLine: 21, line: 20, endLine: 21 + code.split('\n').length });
const endless = 'f() = sum(randn(10))\ns = sample(f, 1e7)';

describe('runExperimentIsolated', function () {
  this.timeout(30_000);
  let dir = '';
  let workerPath = '';

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'stepwise-exp-'));
    workerPath = path.join(dir, 'experimentWorker.js');
    await esbuild.build({
      entryPoints: [path.join(__dirname, '../../../src/core/experiment/worker.ts')],
      outfile: workerPath,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'error',
    });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a block in a worker and returns its result', async () => {
    const r = await runExperimentIsolated(block('x = 2\ncheck(x * x == 4, "square")\ny = randn(2)'), {
      timeoutMs: 10_000,
      memoryMb: 128,
      seed: 3,
      workerPath,
    });
    assert.equal(r.status, 'passed');
    assert.deepEqual(r.checks, [{ line: 22, label: 'square', passed: true }]);
    assert.equal(r.outputs.length, 2);
    const again = await runExperimentIsolated(block('x = 2\ncheck(x * x == 4, "square")\ny = randn(2)'), {
      timeoutMs: 10_000,
      memoryMb: 128,
      seed: 3,
      workerPath,
    });
    assert.deepEqual(again.outputs, r.outputs, 'same seed, same numbers');
  });

  it('stops a runaway block at the time limit', async () => {
    const r = await runExperimentIsolated(block(endless), { timeoutMs: 300, memoryMb: 256, workerPath });
    assert.equal(r.status, 'error');
    assert.match(r.message, /stopped after 0\.3 s \(time limit\)$/);
  });

  it('ends a block that exhausts the heap with the memory limit', async () => {
    // Indexing converts to mathjs's nested arrays, which live on the worker's limited V8 heap.
    const r = await runExperimentIsolated(
      block('x = zeros(1e6);\ny = x[1:1e6];\nz = x[1:1e6];\nw = x[1:1e6];'),
      { timeoutMs: 20_000, memoryMb: 16, workerPath },
    );
    assert.equal(r.status, 'error');
    assert.equal(r.message, 'ran out of memory (limit 16 MB)');
  });

  it('refuses zeros(1e9) at once with the line', async () => {
    const r = await runExperimentIsolated(block('x = 1\ny = zeros(1e9)'), {
      timeoutMs: 10_000,
      memoryMb: 128,
      workerPath,
    });
    assert.equal(r.status, 'error');
    assert.equal(r.errorLine, 22);
    assert.match(r.message, /^line 22: ran out of memory \(limit 128 MB\)/);
  });

  it('can be cancelled while running, and before it starts', async () => {
    let cancelled = false;
    const timer = setTimeout(() => (cancelled = true), 200);
    const r = await runExperimentIsolated(
      block(endless),
      { timeoutMs: 20_000, memoryMb: 256, workerPath },
      {
        get isCancellationRequested() {
          return cancelled;
        },
      },
    );
    clearTimeout(timer);
    assert.equal(r.status, 'error');
    assert.equal(r.message, 'cancelled');
    const before = await runExperimentIsolated(
      block('x = 1'),
      { timeoutMs: 1000, memoryMb: 64, workerPath },
      { isCancellationRequested: true },
    );
    assert.equal(before.message, 'cancelled');
  });

  it('reports a missing worker script as an error result', async () => {
    const r = await runExperimentIsolated(block('x = 1'), {
      timeoutMs: 1000,
      memoryMb: 64,
      workerPath: path.join(dir, 'missing.js'),
    });
    assert.equal(r.status, 'error');
    assert.match(r.message, /experiment/);
  });

  it('by default runs the TypeScript entry beside the source under tsx', async () => {
    const r = await runExperimentIsolated(block('check(1 + 1 == 2, "sum")'), {
      timeoutMs: 10_000,
      memoryMb: 128,
    });
    assert.equal(r.status, 'passed', r.message);
  });
});
