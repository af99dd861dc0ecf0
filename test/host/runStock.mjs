// The same integration suite through @vscode/test-electron's standard `runTests`. Where the internet is
// reachable it downloads a stock VS Code and runs the suite there (`node test/host/runStock.mjs`). Here,
// `--local` hands runTests our code-server shim (codeShim.mjs) as the "VS Code executable": the standard
// runner then drives the same host as runIntegration.mjs, which proves the suite and its entry are standard.
// Usage: node test/host/runStock.mjs [--local] [--version stable|1.95.0]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
const local = process.argv.includes('--local');
const versionAt = process.argv.indexOf('--version');
const version = versionAt > 0 ? process.argv[versionAt + 1] : undefined;

const b = spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (b.status !== 0) process.exit(1);

// Tests edit and save fixtures: give them a copy.
const work = mkdtempSync(path.join(os.tmpdir(), 'stepwise-stock-'));
const workspace = path.join(work, 'workspace');
cpSync(path.join(root, 'test/fixtures/workspace'), workspace, { recursive: true });
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/test/integration/index.js'),
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
    ],
    ...(local ? { vscodeExecutablePath: path.join(root, 'test/host/codeShim.mjs') } : {}),
    ...(version ? { version } : {}),
  });
  console.log('[stock] suite passed');
} catch (e) {
  console.error(`[stock] ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
