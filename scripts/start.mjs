// `npm start`: builds the extension, starts the local VS Code host (code-server, installed on first use
// into a cache outside the repository) with examples/ open and the extension installed, and prints the
// address to open in a browser. Ctrl+C stops it (the whole process group).
// Usage: npm start [-- --port N]
/* global setInterval */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remoteUri, startHost, workbenchUrl } from '../test/host/host.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const b = spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (b.status !== 0) process.exit(1);

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
console.log('starting the local VS Code (code-server; the first run installs it, ~4-5 min)…');
const host = await startHost({ settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
// The extension is linked, not copied: rebuild (`npm run build -- --watch`) and reload the window to see changes.
symlinkSync(root, path.join(host.run, 'ext', `${pkg.publisher}.${pkg.name}-${pkg.version}`));
// A copy of examples/, so experiments with the files never change the repository's.
const examples = path.join(host.run, 'examples');
cpSync(path.join(root, 'examples'), examples, { recursive: true });
const first = ['homework.md', 'README.md'].map((f) => path.join(examples, f)).find(existsSync);
const url = workbenchUrl(host.url, examples, first ? [['openFile', remoteUri(host.port, first)]] : undefined);
console.log(`\nStepwise is running in a local VS Code. Open:\n\n  ${url}\n\n(loopback only; Ctrl+C to stop)`);
const stop = async () => {
  await host.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
