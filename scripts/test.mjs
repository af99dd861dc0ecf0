// The README's test command. Runs each test stage, adds up their tallies and ends with the line CI reads:
// "N passed, N failed". Stages: unit (mocha, Node), webview (mocha + Chromium), integration (mocha inside
// a real VS Code extension host) and ui (Chromium driving that VS Code). A stage that cannot start counts
// as one failure, never as silently passed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const tallyDir = path.join(root, 'out/tally');
rmSync(tallyDir, { recursive: true, force: true });
mkdirSync(tallyDir, { recursive: true });

const only = process.argv.slice(2);
const stages = [
  { name: 'build', cmd: ['node', 'scripts/build.mjs'], tallied: false },
  { name: 'static', cmd: ['node', 'scripts/static.mjs'] },
  { name: 'unit', cmd: ['npx', 'mocha'] },
  {
    name: 'webview',
    cmd: ['npx', 'mocha', '--config', 'test/webview/.mocharc.json'],
    when: 'test/webview/.mocharc.json',
  },
  {
    name: 'integration',
    cmd: ['node', 'test/host/runIntegration.mjs'],
    when: 'test/host/runIntegration.mjs',
  },
  { name: 'ui', cmd: ['node', 'test/host/runUi.mjs'], when: 'test/host/runUi.mjs' },
].filter((s) => only.length === 0 || s.name === 'build' || only.includes(s.name));

let passed = 0;
let failed = 0;
for (const stage of stages) {
  if (stage.when && !existsSync(path.join(root, stage.when))) continue;
  console.log(`\n=== ${stage.name} ===`);
  const tally = path.join(tallyDir, `${stage.name}.json`);
  const r = spawnSync(stage.cmd[0], stage.cmd.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, STEPWISE_TALLY: tally },
  });
  if (stage.tallied === false) {
    if (r.status !== 0) {
      console.log(`stage ${stage.name} failed (exit ${r.status})`);
      failed += 1;
      break;
    }
    continue;
  }
  if (existsSync(tally)) {
    const t = JSON.parse(readFileSync(tally, 'utf8'));
    passed += t.passed;
    failed += t.failed;
    if (r.status !== 0 && t.failed === 0) failed += 1; // crashed after tallying: still a failure
  } else {
    console.log(`stage ${stage.name} produced no tally (exit ${r.status}): counted as one failure`);
    failed += 1;
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
