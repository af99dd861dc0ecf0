// `npm start`: builds the extension, starts the local VS Code host (code-server, installed on first use
// into a cache outside the repository) with examples/ open and the extension installed, and prints the
// address to open in a browser. Ctrl+C stops it (the whole process group).
// Usage: npm start [-- FOLDER]   (default: examples/; the folder is opened in place, edits are saved to it)
/* global setInterval */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remoteUri, startHost, workbenchUrl } from '../test/host/host.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const folder = path.resolve(process.argv[2] ?? path.join(root, 'examples'));
if (!existsSync(folder)) {
  console.error(`no such folder: ${folder}`);
  process.exit(2);
}
const b = spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (b.status !== 0) process.exit(1);

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
console.log('starting the local VS Code (code-server; the first run installs it, ~4-5 min)…');
// The extension is linked, not copied: rebuild (`npm run build -- --watch`) and reload the window to see changes.
const extensionsDir = mkdtempSync(path.join(os.tmpdir(), 'stepwise-ext-'));
symlinkSync(root, path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`));
const host = await startHost({ extensionsDir, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
const first = ['homework.md', 'README.md'].map((f) => path.join(folder, f)).find(existsSync);
const url = workbenchUrl(host.url, folder, first ? [['openFile', remoteUri(host.port, first)]] : undefined);
console.log(`\nStepwise is running in a local VS Code. Open:\n\n  ${url}\n\n(loopback only; Ctrl+C to stop)`);
const stop = async () => {
  await host.stop();
  rmSync(extensionsDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
