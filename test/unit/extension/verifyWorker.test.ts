import assert from 'node:assert/strict';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { defaultVerifyOptions } from '../../../src/core/types';
import type { VerifyResponse } from '../../../src/protocol/verifyWorker';
import { handle, outline } from '../../../src/core/verify/worker';

const text = [
  '<!-- let',
  'x \\in \\mathbb{R}',
  '-->',
  '',
  '$$',
  '(x + 1)^2 = x^2 + 2x + 1',
  '$$',
  '',
  '$$',
  '2x + x = 4x',
  '$$',
  '',
].join('\n');

describe('verify worker', () => {
  it('answers with the results of the requested blocks only', () => {
    const all = handle({ id: 1, text, options: defaultVerifyOptions });
    assert.ok(all.ok && 'results' in all);
    assert.deepEqual(
      all.results.map((r) => [r.line, r.steps.map((s) => s.status)]),
      [
        [5, ['verified']],
        [9, ['refuted']],
      ],
    );
    const one = handle({ id: 2, text, lines: [9], options: defaultVerifyOptions });
    assert.ok(one.ok && 'results' in one);
    assert.deepEqual(
      one.results.map((r) => r.line),
      [9],
    );
  });

  it('answers cancelled, never partial results, when the flag is raised', () => {
    const cancel = new SharedArrayBuffer(4);
    Atomics.store(new Int32Array(cancel), 0, 1);
    const res = handle({ id: 3, text, options: defaultVerifyOptions, cancel });
    assert.equal(res.ok, false);
    assert.ok(!res.ok && res.cancelled);
  });

  it('reads the outline as plain data: blocks with step counts, headings, experiments', () => {
    const doc = ['# Title', '', text, '```experiment "t"', 'x = 1', '```', ''].join('\n');
    const o = outline(doc, defaultVerifyOptions);
    assert.deepEqual(o.derivations, [
      { line: 7, endLine: 9, stepCount: 1, readable: 1 },
      { line: 11, endLine: 13, stepCount: 1, readable: 1 },
    ]);
    assert.deepEqual(o.headings, [{ line: 1, level: 1, text: 'Title' }]);
    assert.deepEqual(o.experiments, [{ code: 'x = 1', codeLine: 16, line: 15, endLine: 17, title: 't' }]);
    assert.deepEqual(JSON.parse(JSON.stringify(o)), o, 'survives the thread boundary unchanged');
    const viaHandle = handle({ kind: 'outline', id: 5, text: doc, options: defaultVerifyOptions });
    assert.ok(viaHandle.ok && 'outline' in viaHandle);
    assert.deepEqual(viaHandle.outline, o);
  });

  it('counts a block whose steps cannot be read as a step with nothing readable (no lens for it)', () => {
    const o = outline('$$\nx + ) = 2\n$$\n\n$$\nx + 1 = 2\n$$\n', defaultVerifyOptions);
    assert.deepEqual(
      o.derivations.map((d) => [d.stepCount, d.readable]),
      [
        [1, 0],
        [1, 1],
      ],
    );
  });

  it('runs in a worker thread and answers by id', async () => {
    const file = path.join(__dirname, '../../../src/core/verify/worker.ts');
    const w = new Worker(file, { execArgv: ['--require', require.resolve('tsx/cjs')] });
    try {
      const res = await new Promise<VerifyResponse>((resolve, reject) => {
        w.once('message', resolve);
        w.once('error', reject);
        w.postMessage({ id: 42, text, lines: [5], options: defaultVerifyOptions });
      });
      assert.equal(res.id, 42);
      assert.ok(res.ok && 'results' in res);
      assert.equal(res.results[0]?.steps[0]?.status, 'verified');
    } finally {
      await w.terminate();
    }
  });
});
