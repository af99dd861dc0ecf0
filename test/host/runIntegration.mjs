// Runs the integration suite (test/integration, mocha) inside a real VS Code extension host: builds,
// starts code-server with the smoke-test driver, opens the workbench in headless Chromium with the
// extension under development and the tests file in the URL, relays the suite's output and exit code,
// and writes the tally { passed, failed, skipped } to $STEPWISE_TALLY.
// Usage: node test/host/runIntegration.mjs [--keep]   (or, for @vscode/test-electron: see runStock.mjs)
/* global setTimeout */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { fileURLToPath } from 'node:url';
import { launchChromium, remoteUri, startHost, workbenchUrl } from './host.mjs';

const root = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
const SUITE_TIMEOUT_MS = 240_000;

function writeTally(tally) {
  const file = process.env.STEPWISE_TALLY;
  if (!file) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(tally));
}

/**
 * Runs a suite in the host and resolves with { code, tally }. `extensionPath` is the folder with the
 * extension's package.json, `testsPath` the built suite (its `run()`), `workspace` the folder to open.
 */
export async function runSuite({ extensionPath, testsPath, workspace, keep = false }) {
  const tallyFile = path.join('/tmp', `stepwise-suite-tally-${process.pid}.json`);
  const host = await startHost({
    args: ['--vscode-option', 'enable-smoke-test-driver'],
    env: { STEPWISE_TALLY: tallyFile },
    keep,
  });
  // A fresh copy of the fixtures: tests edit and save files, and the repository must stay untouched.
  const ws = path.join(host.run, 'workspace');
  cpSync(workspace, ws, { recursive: true });
  const browser = await launchChromium();
  let tally;
  try {
    const page = await browser.context.newPage();
    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The host forwards console calls with their printf-style arguments.
      const text = format(...(Array.isArray(args) ? args : [args]));
      const m = /\[stepwise-tally\] (\{.*\})/.exec(text);
      if (m) tally = JSON.parse(m[1]);
      process.stdout.write(`${text.replace(/\n$/, '')}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    const payload = [
      ['extensionDevelopmentPath', remoteUri(host.port, extensionPath)],
      ['extensionTestsPath', remoteUri(host.port, testsPath)],
      ['skipWelcome', 'true'],
    ];
    const t0 = Date.now();
    await page.goto(workbenchUrl(host.url, ws, payload));
    const timeout = new Promise((r) => setTimeout(() => r('timeout'), SUITE_TIMEOUT_MS));
    const code = await Promise.race([exited, timeout]);
    console.log(
      `[integration] suite ended with ${code === 'timeout' ? 'a timeout' : `exit code ${code}`} after ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    if (!tally && existsSync(tallyFile)) tally = JSON.parse(readFileSync(tallyFile, 'utf8'));
    rmSync(tallyFile, { force: true });
    if (code === 'timeout') {
      console.log(`[integration] code-server log: ${host.log}`);
      return { code: 1, tally: tally ?? { passed: 0, failed: 1, skipped: 0 } };
    }
    return { code: Number(code), tally: tally ?? { passed: 0, failed: code === 0 ? 0 : 1, skipped: 0 } };
  } finally {
    await browser.close();
    await host.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const keep = process.argv.includes('--keep');
  if (!process.argv.includes('--no-build')) {
    const b = spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) {
      console.error('[integration] build failed');
      writeTally({ passed: 0, failed: 1, skipped: 0 });
      process.exit(1);
    }
  }
  try {
    const { code, tally } = await runSuite({
      extensionPath: root,
      testsPath: path.join(root, 'out/test/integration/index.js'),
      workspace: path.join(root, 'test/fixtures/workspace'),
      keep,
    });
    writeTally(tally);
    console.log(`[integration] ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
    process.exit(code === 0 && tally.failed === 0 ? 0 : 1);
  } catch (e) {
    console.error(`[integration] ${e instanceof Error ? e.stack : e}`);
    writeTally({ passed: 0, failed: 1, skipped: 0 });
    process.exit(1);
  }
}
