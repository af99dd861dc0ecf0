// The worker-thread runner. Under tsx the default worker is worker.ts bundled once per process by the
// test setup (test/support/experimentWorker.ts), the same way scripts/build.mjs builds dist/experimentWorker.js.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  defaultWorkerPath,
  runExperimentIsolated,
  setDefaultWorkerPath,
} from '../../../src/core/experiment/isolated';

const block = (code: string) => ({ code, codeLine: 21, line: 20, endLine: 21 + code.split('\n').length });
const endless = 'f() = sum(randn(10))\ns = sample(f, 1e7)';

describe('runExperimentIsolated', function () {
  this.timeout(30_000);
  it("under test, the default worker is the setup's bundle of worker.ts, built once", () => {
    const file = defaultWorkerPath();
    assert.ok(file.endsWith('experimentWorker.js') && existsSync(file));
    assert.equal(defaultWorkerPath(), file);
  });

  it('without the setup, the default worker is experimentWorker.js beside the running code', () => {
    const built = defaultWorkerPath();
    setDefaultWorkerPath(undefined);
    try {
      const file = defaultWorkerPath();
      assert.equal(
        file,
        path.join(path.resolve(__dirname, '../../../src/core/experiment'), 'experimentWorker.js'),
      );
    } finally {
      setDefaultWorkerPath(built);
    }
  });

  it('runs a block in a worker and returns its result', async () => {
    const r = await runExperimentIsolated(block('x = 2\ncheck(x * x == 4, "square")\ny = randn(2)'), {
      timeoutMs: 10_000,
      memoryMb: 128,
      seed: 3,
    });
    assert.equal(r.status, 'passed');
    assert.deepEqual(r.checks, [{ line: 22, label: 'square', passed: true }]);
    assert.equal(r.outputs.length, 2);
    const again = await runExperimentIsolated(block('x = 2\ncheck(x * x == 4, "square")\ny = randn(2)'), {
      timeoutMs: 10_000,
      memoryMb: 128,
      seed: 3,
    });
    assert.deepEqual(again.outputs, r.outputs, 'same seed, same numbers');
  });

  it('stops a runaway block at the time limit', async () => {
    const r = await runExperimentIsolated(block(endless), { timeoutMs: 300, memoryMb: 256 });
    assert.equal(r.status, 'error');
    assert.match(r.message, /stopped after 0\.3 s \(time limit\)$/);
    // Which of the worker's own check (naming line 22) and the host's timer stops it first depends on
    // scheduling; the in-thread tests pin the line down.
    assert.ok(r.errorLine === 22 || r.errorLine === 20, String(r.errorLine));
  });

  it('terminates code that never reaches a time check', async () => {
    // One huge matrix product runs in a single kernel call, with no check inside it.
    const r = await runExperimentIsolated(
      block('A = ones(2000, 2000);\nB = A * A * A * A * A * A * A * A;'),
      {
        timeoutMs: 1000,
        memoryMb: 256,
      },
    );
    assert.equal(r.status, 'error');
    assert.equal(r.message, 'stopped after 1 s (time limit)');
  });

  it('refuses indexing that would exhaust the heap, before it allocates, with the line', async () => {
    // Indexing converts to mathjs's nested arrays, which live on the worker's limited V8 heap; a heap
    // allocation larger than the room left would end the process, so it is refused beforehand.
    const r = await runExperimentIsolated(
      block('x = zeros(1e6);\ny = x[1:1e6];\nz = x[1:1e6];\nw = x[1:1e6];'),
      { timeoutMs: 20_000, memoryMb: 16 },
    );
    assert.equal(r.status, 'error');
    assert.equal(r.errorLine, 22);
    assert.match(r.message, /^line 22: ran out of memory \(limit 16 MB\)/);
  });

  it('ends a block that exhausts the heap bit by bit with the memory limit', async () => {
    // Millions of small objects: no single allocation is large, the heap limit stops the worker.
    const r = await runExperimentIsolated(
      block('f(n) = n == 0 ? {} : {a: f(n - 1), b: f(n - 1)}\nx = f(40);'),
      { timeoutMs: 20_000, memoryMb: 16 },
    );
    assert.equal(r.status, 'error');
    assert.equal(r.message, 'ran out of memory (limit 16 MB)');
  });

  it('refuses zeros(1e9) at once with the line', async () => {
    const r = await runExperimentIsolated(block('x = 1\ny = zeros(1e9)'), {
      timeoutMs: 10_000,
      memoryMb: 128,
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
      { timeoutMs: 20_000, memoryMb: 256 },
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
      { timeoutMs: 1000, memoryMb: 64 },
      { isCancellationRequested: true },
    );
    assert.equal(before.message, 'cancelled');
  });

  it('reports a missing worker script as an error result', async () => {
    const r = await runExperimentIsolated(block('x = 1'), {
      timeoutMs: 1000,
      memoryMb: 64,
      workerPath: path.join(path.dirname(defaultWorkerPath()), 'missing.js'),
    });
    assert.equal(r.status, 'error');
    assert.match(r.message, /experiment/);
  });
});
