// Test setup (required by .mocharc.json): the isolated experiment runner needs a bundled worker script,
// which exists beside the sources only after a build. Under tsx the worker is `worker.ts` bundled once
// per process, on first use, the way scripts/build.mjs builds dist/experimentWorker.js. (A worker
// started on `worker.ts` through tsx's require hook would take seconds: the hook transforms mathjs file
// by file.)
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setDefaultWorkerPath } from '../../src/core/experiment/isolated';

setDefaultWorkerPath(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'stepwise-experiment-'));
  const file = path.join(dir, 'experimentWorker.js');
  buildSync({
    entryPoints: [path.join(__dirname, '../../src/core/experiment/worker.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // mathjs's ES modules tree-shake to what `create()` uses: half the size, half the start-up time.
    mainFields: ['module', 'main'],
    logLevel: 'error',
  });
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return file;
});
