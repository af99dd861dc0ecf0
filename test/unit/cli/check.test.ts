import assert from 'node:assert/strict';
import { checkFile, type CheckEngine } from '../../../src/core/check';
import { verifyDocument } from '../../../src/core/document';
import { runExperiment } from '../../../src/core/experiment/index';
import { validateReport } from '../../../src/core/report/json';

// The real verifier with the experiment runner in this thread (the sandboxed worker is the experiment
// runner's own test subject; booting it under tsx would make this suite slow).
const inThread: CheckEngine = {
  verifyDocument,
  runExperimentIsolated: (block, opts) => Promise.resolve(runExperiment(block, opts)),
};

const md = [
  '# Experiments', // 1
  '',
  '```experiment "ok"', // 3
  'x = 1 + 1',
  'check(x == 2, "two")', // 5
  '```',
  '',
  '```experiment "bad"', // 8
  'check(1 == 2, "nope")', // 9
  '```',
  '',
  '$$ (a + b)^2 = a^2 + 2ab + b^2 $$', // 12
  '',
  'text $$ unclosed', // 14
].join('\n');

describe('checkFile', () => {
  it('reports derivations, experiments and diagnostics of one file', async () => {
    const r = await checkFile('e.md', md, { experiments: true }, inThread);
    assert.deepEqual(validateReport({ version: 1, files: [r] }), []);
    assert.equal(r.path, 'e.md');
    assert.deepEqual(
      r.experiments.map((e) => [
        e.line,
        e.endLine,
        e.title,
        e.status,
        e.checks.map((c) => [c.line, c.passed]),
      ]),
      [
        [3, 6, 'ok', 'passed', [[5, true]]],
        [8, 10, 'bad', 'failed', [[9, false]]],
      ],
    );
    assert.deepEqual(
      r.derivations.map((d) => [d.line, d.steps.map((s) => s.status)]),
      [[12, ['verified']]],
    );
    assert.deepEqual(
      r.diagnostics.map((d) => [d.line, d.severity]),
      [[14, 'warning']],
    );
  });

  it('places steps inside lists and block quotes at their file line and column', async () => {
    const text = [
      '- item',
      '',
      '    $$',
      '    (x+1)^2 = x^2 + 2x + 1',
      '    $$',
      '',
      '> $$a + b',
      '>   = b + a$$',
    ].join('\n');
    const r = await checkFile('q.md', text, { experiments: false }, inThread);
    const steps = r.derivations.flatMap((d) => d.steps);
    assert.deepEqual(
      steps.map((s) => [s.line, s.column, s.status]),
      [
        [4, 13, 'verified'],
        [8, 5, 'verified'],
      ],
    );
    const lines = text.split('\n');
    for (const s of steps) assert.equal(lines[s.line - 1]?.[s.column - 1], '=');
  });

  it('skips experiments when they are turned off, without calling the runner', async () => {
    let calls = 0;
    const engine: CheckEngine = {
      ...inThread,
      runExperimentIsolated: (b, o) => (calls++, inThread.runExperimentIsolated(b, o)),
    };
    const r = await checkFile('e.md', md, { experiments: false }, engine);
    assert.equal(calls, 0);
    assert.deepEqual(
      r.experiments.map((e) => [e.line, e.status, e.title]),
      [
        [3, 'skipped', 'ok'],
        [8, 'skipped', 'bad'],
      ],
    );
  });

  it('passes limits and the seed to the runner', async () => {
    const seen: unknown[] = [];
    const engine: CheckEngine = {
      ...inThread,
      runExperimentIsolated: (b, o) => (seen.push(o), inThread.runExperimentIsolated(b, o)),
    };
    await checkFile(
      'e.md',
      md,
      { experiments: true, verify: { seed: 5 }, experimentTimeoutMs: 1234, experimentMemoryMb: 64 },
      engine,
    );
    assert.deepEqual(seen[0], { timeoutMs: 1234, memoryMb: 64, seed: 5 });
  });

  it('turns an engine failure into an error diagnostic and an error experiment, never a throw', async () => {
    const broken: CheckEngine = {
      verifyDocument: () => {
        throw new Error('boom');
      },
      runExperimentIsolated: () => Promise.reject(new Error('no worker')),
    };
    const r = await checkFile('e.md', md, { experiments: true }, broken);
    assert.deepEqual(validateReport({ version: 1, files: [r] }), []);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.line, d.severity, d.message]),
      [
        [1, 'error', 'internal error: boom'],
        [14, 'warning', 'unclosed $$: the display block is taken to end at the next blank line'],
      ],
    );
    assert.deepEqual(
      r.experiments.map((e) => [e.line, e.status, e.message]),
      [
        [3, 'error', 'could not run: no worker'],
        [8, 'error', 'could not run: no worker'],
      ],
    );
  });
});
