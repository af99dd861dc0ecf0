// The host installer runs nested `npm install`s. Started from `npm run setup` (Node 20), a nested npm that
// inherits the outer npm's variables makes code-server's postinstall believe it runs on Node 20 and stop:
// every fresh machine failed that way while CI, with a warm cache, stayed green.
import assert from 'node:assert/strict';
import path from 'node:path';
import type * as Installer from '../../host/install.mjs';

/** What an outer `npm run setup` on Node 20 puts in its scripts' environment. */
const outerNpm: Record<string, string> = {
  HOME: '/home/student',
  PATH: [
    '/work/stepwise/node_modules/.bin',
    '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin',
    '/usr/local/bin',
    '/usr/bin',
  ].join(path.delimiter),
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  npm_config_prefix: '/usr',
  npm_config_nodedir: '/usr',
  npm_lifecycle_event: 'setup',
  npm_lifecycle_script: 'bash scripts/setup.sh',
  npm_package_name: 'stepwise',
  npm_package_json: '/work/stepwise/package.json',
  npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  npm_node_execpath: '/usr/bin/node',
  INIT_CWD: '/work/stepwise',
  NODE: '/usr/bin/node',
};

describe('host installer', () => {
  let installer: typeof Installer;
  before(async () => {
    installer = await import('../../host/install.mjs');
  });

  it('starts every nested npm without the outer npm’s npm_config_*, npm_lifecycle_*, npm_package_* or INIT_CWD', () => {
    const p = installer.hostPaths('/tmp/stepwise-host-test');
    const plan = installer.installPlan(p, outerNpm);
    assert.equal(plan.length, 2);
    for (const s of plan) {
      assert.equal(s.env.npm_config_user_agent, undefined, s.step);
      const leaked = Object.keys(s.env).filter(
        (k) =>
          /^(npm_lifecycle_|npm_package_|INIT_CWD$|NODE$|npm_execpath$|npm_node_execpath$)/.test(k) ||
          (k.startsWith('npm_config_') && outerNpm[k] !== undefined && s.env[k] === outerNpm[k]),
      );
      assert.deepEqual(leaked, [], `${s.step} inherits ${leaked.join(', ')}`);
      assert.ok(!s.env.PATH!.includes('node_modules/.bin'), 'the outer project’s bin folder is not on PATH');
      assert.equal(s.env.HOME, outerNpm.HOME, 'the rest of the environment is kept');
    }
  });

  it('runs each nested npm inside its own install folder, away from the project’s package.json', () => {
    // npm reads project settings from the folder it starts in: the project's allowScripts (which denies
    // esbuild's script) made npm skip code-server's postinstall, which builds its native modules.
    const p = installer.hostPaths('/tmp/stepwise-host-test');
    for (const s of installer.installPlan(p, outerNpm)) {
      assert.equal(s.cwd, s.root, s.step);
      assert.ok(s.cwd.startsWith(p.dir), s.step);
    }
  });

  it('allows code-server’s own install scripts, which npm 11 skips by default (always in CI)', () => {
    const p = installer.hostPaths('/tmp/stepwise-host-test');
    const cs = installer.installPlan(p, outerNpm)[1]!;
    assert.deepEqual(cs.manifest.allowScripts, { 'code-server': true, argon2: true });
  });

  it('builds code-server with Node 24 first on PATH and against Node 24’s headers', () => {
    const p = installer.hostPaths('/tmp/stepwise-host-test');
    const cs = installer.installPlan(p, outerNpm)[1]!;
    assert.ok(cs.args.some((a) => a.startsWith('code-server@')));
    assert.equal(cs.env.PATH!.split(path.delimiter)[0], p.nodeBin);
    assert.equal(cs.env.npm_config_nodedir, p.nodeDir);
  });
});
