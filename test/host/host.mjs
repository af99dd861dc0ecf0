// Starts code-server (a real VS Code: server, web workbench and Node extension host) for the tests and
// `npm start`: bound to loopback, every state folder inside a fresh temporary run folder, in its own
// process group so that stopping it also ends its file watcher and extension host.
/* global setTimeout, fetch, URLSearchParams */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureHost } from './install.mjs';
import { createRequire } from 'node:module';

const { chromiumLaunchOptions } = createRequire(import.meta.url)('../support/chromium.cjs');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitHealthy(url, child, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`code-server exited early (code ${child.exitCode})`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms`);
}

/**
 * Starts the host. Options: `extensionsDir` (defaults to an empty one in the run folder), `args` (extra
 * code-server arguments), `settings` (user settings merged over quiet defaults), `env`, `keep` (keep the
 * run folder after stop). Returns { url, port, run, log, stop() }.
 */
export async function startHost(opts = {}) {
  const paths = ensureHost(); // silent when cached; a cold install prints its progress
  const run = mkdtempSync(path.join(os.tmpdir(), 'stepwise-host-'));
  const ud = path.join(run, 'ud');
  mkdirSync(path.join(ud, 'User'), { recursive: true });
  const extensionsDir = opts.extensionsDir ?? path.join(run, 'ext');
  mkdirSync(extensionsDir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'chat.disableAIFeatures': true,
    'security.workspace.trust.enabled': false,
    'window.commandCenter': false,
    'git.enabled': false,
    ...opts.settings,
  };
  writeFileSync(path.join(ud, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  writeFileSync(path.join(run, 'config.yaml'), 'auth: none\n');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = path.join(run, 'code-server.log');
  const fd = openSync(log, 'a');
  const args = [
    paths.codeServer,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    ud,
    '--extensions-dir',
    extensionsDir,
    '--config',
    path.join(run, 'config.yaml'),
    ...(opts.args ?? []),
  ];
  const child = spawn(path.join(paths.nodeBin, 'node'), args, {
    detached: true, // own process group: stop() ends the watcher and extension host with it
    stdio: ['ignore', fd, fd],
    env: {
      ...process.env,
      ...opts.env,
      PATH: `${paths.nodeBin}${path.delimiter}${process.env.PATH}`,
      XDG_CONFIG_HOME: path.join(run, 'xdg-config'),
      XDG_DATA_HOME: path.join(run, 'xdg-data'),
      XDG_CACHE_HOME: path.join(run, 'xdg-cache'),
    },
  });
  let stopped = false;
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup('SIGTERM');
    const end = Date.now() + 3000;
    while (Date.now() < end) {
      try {
        process.kill(-child.pid, 0);
      } catch {
        break; // the whole group is gone
      }
      await sleep(100);
    }
    killGroup('SIGKILL');
    process.off('exit', onExit);
    if (!opts.keep) rmSync(run, { recursive: true, force: true });
  };
  try {
    await waitHealthy(url, child, 60_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, port, run, log, stop, pid: child.pid };
}

/** Installs a packaged extension (.vsix) into an extensions folder the way users do (`--install-extension`). */
export function installVsix(vsix, extensionsDir) {
  const paths = ensureHost();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'stepwise-install-'));
  try {
    const r = spawnSync(
      path.join(paths.nodeBin, 'node'),
      [
        paths.codeServer,
        '--extensions-dir',
        extensionsDir,
        '--user-data-dir',
        path.join(scratch, 'ud'),
        '--install-extension',
        vsix,
      ],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          PATH: `${paths.nodeBin}${path.delimiter}${process.env.PATH}`,
          XDG_CONFIG_HOME: path.join(scratch, 'xdg-config'),
          XDG_DATA_HOME: path.join(scratch, 'xdg-data'),
          XDG_CACHE_HOME: path.join(scratch, 'xdg-cache'),
        },
        timeout: 120_000,
      },
    );
    if (r.status !== 0)
      throw new Error(`--install-extension failed (exit ${r.status}): ${r.stderr || r.stdout}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The `vscode-remote://` URI of a local path, as the web workbench wants it. */
export function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${absPath}`;
}

/** The page that opens `folder` with workbench payload entries such as [["openFile", uri]]. */
export function workbenchUrl(url, folder, payload) {
  const q = new URLSearchParams({ folder });
  if (payload) q.set('payload', JSON.stringify(payload));
  return `${url}/?${q.toString()}`;
}

/** Headless Debian Chromium through playwright-core (its own browser downloads are unreachable here). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stepwise-chromium-'));
  const context = await chromium.launchPersistentContext(dataDir, {
    ...chromiumLaunchOptions(),
    viewport: { width: 1400, height: 900 },
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { context, close };
}
