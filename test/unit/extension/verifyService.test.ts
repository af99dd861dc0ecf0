import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as vscode from 'vscode';
import { defaultVerifyOptions } from '../../../src/core/types';
import { VerifyService } from '../../../src/extension/verifyService';

// A stand-in worker speaking the real protocol, so the host side (cancellation, stuck workers, outlines)
// is tested without mathjs: `slow` polls the cancel flag, `stuck` never does, anything else answers at once.
const FAKE_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (req) => {
  const flag = req.cancel ? new Int32Array(req.cancel) : undefined;
  const cancelled = () => flag !== undefined && Atomics.load(flag, 0) !== 0;
  if (req.kind === 'outline') {
    parentPort.postMessage({ id: req.id, ok: true, ms: 0, outline: { derivations: [{ line: 1, endLine: 3, stepCount: req.text.length }], experiments: [], headings: [], diagnostics: [] } });
  } else if (req.text === 'stuck') {
    for (;;) {}
  } else if (req.text === 'slow') {
    const end = Date.now() + 10000;
    while (!cancelled() && Date.now() < end) {}
    parentPort.postMessage({ id: req.id, ok: false, cancelled: cancelled(), error: 'cancelled', ms: 0 });
  } else {
    parentPort.postMessage({ id: req.id, ok: true, ms: 1, results: [{ line: 1, endLine: 3, steps: [] }] });
  }
});
`;

/** A minimal CancellationTokenSource: the service only reads the flag and subscribes. */
function tokenSource() {
  const listeners: (() => void)[] = [];
  const token = {
    isCancellationRequested: false,
    onCancellationRequested(l: () => void) {
      listeners.push(l);
      return { dispose() {} };
    },
  };
  return {
    token: token as unknown as vscode.CancellationToken,
    cancel() {
      token.isCancellationRequested = true;
      for (const l of listeners) l();
    },
  };
}

describe('extension/verifyService', () => {
  let dir: string;
  let service: VerifyService;
  const logs: string[] = [];
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'stepwise-fake-ext-'));
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'verifyWorker.js'), FAKE_WORKER);
  });
  beforeEach(() => {
    service = new VerifyService(dir, (l) => logs.push(l));
  });
  afterEach(() => service.dispose());
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('answers a verification and reads outlines on its own lane', async () => {
    const done = await service.verify('x', undefined, defaultVerifyOptions);
    assert.equal(done.kind, 'done');
    assert.ok(done.kind === 'done' && done.results[0]?.line === 1);
    const o = await service.outline('abcd', defaultVerifyOptions);
    assert.equal(o.derivations[0]?.stepCount, 4);
  });

  it('reads outlines while a long verification runs', async () => {
    const cts = tokenSource();
    const slow = service.verify('slow', undefined, defaultVerifyOptions, cts.token);
    const o = await service.outline('ab', defaultVerifyOptions);
    assert.equal(o.derivations[0]?.stepCount, 2);
    cts.cancel();
    assert.deepEqual(await slow, { kind: 'cancelled' });
  });

  it('reports cancelled when the token fires, and keeps serving', async () => {
    const cts = tokenSource();
    const slow = service.verify('slow', undefined, defaultVerifyOptions, cts.token);
    cts.cancel();
    assert.deepEqual(await slow, { kind: 'cancelled' });
    assert.equal((await service.verify('x', undefined, defaultVerifyOptions)).kind, 'done');
  });

  it('replaces a worker that does not stop when cancelled', async () => {
    const cts = tokenSource();
    const stuck = service.verify('stuck', undefined, defaultVerifyOptions, cts.token);
    cts.cancel();
    assert.deepEqual(await stuck, { kind: 'cancelled' });
    assert.ok(logs.some((l) => /restarting its worker/.test(l)));
    assert.equal((await service.verify('x', undefined, defaultVerifyOptions)).kind, 'done');
  });

  it('does not start work for a token already cancelled', async () => {
    const cts = tokenSource();
    cts.cancel();
    assert.deepEqual(await service.verify('x', undefined, defaultVerifyOptions, cts.token), {
      kind: 'cancelled',
    });
  });
});
