import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { runCli, wantsColor } from '../../../src/cli';
import { runInMemory } from '../support/cliRun';
import { validateReport } from '../../../src/core/report/json';
import type { Report } from '../../../src/core/types';

const root = path.join(__dirname, '../../..');
const outDir = path.join(root, 'out/test/cli');

const run = runInMemory;

const clean = '<!-- let\nx \\in \\mathbb{R}\n-->\n\n$$\n(x + 1)^2 = x^2 + 2x + 1\n$$\n';
const wrong = '<!-- let\nx \\in \\mathbb{R}\n-->\n\nText.\n\n$$\n(x + 1)^2 = x^2 + 1\n$$\n';

describe('stepwise CLI (in-process)', () => {
  it('exits 0 for a clean file and prints a verified line and a summary', async () => {
    const r = await run(['check', 'a.md'], { 'a.md': clean });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^a\.md:6:\d+ {2}✓ verified/m);
    assert.match(r.stdout, /^Summary: 1 file · 1 step: 1 verified, 0 refuted, 0 unverifiable$/m);
    assert.equal(r.stderr, '');
  });

  it('exits 1 when a step is refuted, naming its line and a counterexample', async () => {
    const r = await run(['check', 'b.md'], { 'b.md': wrong });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^b\.md:8:\d+ {2}✗ refuted .*counterexample: x = /m);
  });

  it('--json prints exactly one valid report document with version 1', async () => {
    const r = await run(['check', '--json', 'a.md', 'b.md'], { 'a.md': clean, 'b.md': wrong });
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout) as Report;
    assert.deepEqual(validateReport(report), []);
    assert.equal(report.version, 1);
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['a.md', 'b.md'],
    );
    const s = report.files[1]?.derivations[0]?.steps[0];
    assert.equal(s?.status, 'refuted');
    assert.equal(s?.line, 8);
    assert.equal(s?.index, 1);
    assert.equal(report.files[1]?.derivations[0]?.line, 7);
    assert.equal(report.files[1]?.derivations[0]?.endLine, 9);
  });

  it('passes --samples and --seed to the verifier', async () => {
    const r = await run(['check', '--json', '--samples', '5', '--seed', '7', 'a.md'], { 'a.md': clean });
    const report = JSON.parse(r.stdout) as Report;
    assert.equal(report.files[0]?.derivations[0]?.steps[0]?.samples, 5);
    const again = await run(['check', '--json', '--samples', '5', '--seed', '7', 'a.md'], { 'a.md': clean });
    assert.equal(again.stdout, r.stdout);
  });

  it('reads a negative seed as the value of --seed, not as an option', async () => {
    for (const argv of [
      ['check', '--json', '--seed', '-5', 'a.md'],
      ['check', '--json', '--seed=-5', 'a.md'],
    ]) {
      const r = await run(argv, { 'a.md': clean });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
    }
    const a = await run(['check', '--json', '--seed', '-5', 'a.md'], { 'a.md': clean });
    assert.equal((JSON.parse(a.stdout) as Report).files.length, 1);
    const bad = await run(['check', '--seed', '-x', 'a.md'], { 'a.md': clean });
    assert.equal(bad.code, 2, 'a value that is not a number is still a usage error');
  });

  it('lists experiments as skipped with --no-experiments', async () => {
    const md = '```experiment "t"\nx = 1\n```\n';
    const r = await run(['check', '--json', '--no-experiments', 'e.md'], { 'e.md': md });
    const report = JSON.parse(r.stdout) as Report;
    assert.equal(r.code, 0);
    assert.deepEqual(
      report.files[0]?.experiments.map((e) => [e.line, e.endLine, e.title, e.status]),
      [[1, 3, 't', 'skipped']],
    );
  });

  it('exits 2 with one line for a missing file, and still checks the others', async () => {
    const r = await run(['check', 'nope.md', 'a.md'], { 'a.md': clean });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "stepwise: cannot read 'nope.md': no such file\n");
    assert.match(r.stdout, /a\.md:6/);
  });

  it('names a directory and a permission problem in one line each', async () => {
    let stderr = '';
    const code = await runCli(['check', 'dir', 'secret.md'], {
      stdout: () => undefined,
      stderr: (s) => (stderr += s),
      readFile: (p) =>
        Promise.reject(Object.assign(new Error('x'), { code: p === 'dir' ? 'EISDIR' : 'EACCES' })),
      color: false,
    });
    assert.equal(code, 2);
    assert.equal(
      stderr,
      "stepwise: cannot read 'dir': is a directory\nstepwise: cannot read 'secret.md': permission denied\n",
    );
  });

  it('exits 2 on usage errors with a short message', async () => {
    for (const [argv, msg] of [
      [['check', '--bogus', 'a.md'], "unknown option '--bogus'"],
      [['check'], 'check needs at least one Markdown file'],
      [[], 'missing command'],
      [['frobnicate', 'a.md'], "unknown command 'frobnicate'"],
      [['check', '--samples', 'lots', 'a.md'], '--samples expects an integer'],
      [['check', '--samples', '0', 'a.md'], '--samples expects an integer'],
      [['check', '--seed', '1.5', 'a.md'], '--seed expects an integer'],
      [['check', '--samples'], "option '--samples' needs a value"],
      [['check', '--json=yes', 'a.md'], "option '--json' takes no value"],
    ] as const) {
      const r = await run([...argv], { 'a.md': clean });
      assert.equal(r.code, 2, argv.join(' '));
      assert.ok(r.stderr.startsWith('stepwise: '), r.stderr);
      assert.ok(r.stderr.includes(msg), `${argv.join(' ')} → ${r.stderr}`);
      assert.equal(r.stdout, '');
    }
  });

  it('colours only a terminal without NO_COLOR', () => {
    assert.equal(wantsColor(true, {}), true);
    assert.equal(wantsColor(false, {}), false);
    assert.equal(wantsColor(undefined, {}), false);
    assert.equal(wantsColor(true, { NO_COLOR: '1' }), false);
    assert.equal(wantsColor(true, { NO_COLOR: '' }), true);
  });

  it('prints help and version', async () => {
    const h = await run(['--help']);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /^Usage: stepwise check <file\.md…>/);
    assert.match(h.stdout, /--no-experiments/);
    const v = await run(['--version']);
    assert.equal(v.code, 0);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    assert.equal(v.stdout, `${pkg.version}\n`);
  });
});

describe('stepwise CLI (built, spawned)', function () {
  // Each spawn loads the whole bundle (mathjs included); on a busy machine that takes seconds.
  this.timeout(60_000);
  const cli = path.join(outDir, 'cli.js');
  const node = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [cli, ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });

  before(async function () {
    // Bundle the CLI alone, as scripts/build.mjs does, so these tests run the real artefact quickly.
    await esbuild.build({
      entryPoints: [path.join(root, 'src/cli.ts')],
      outfile: cli,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      logLevel: 'error',
      banner: { js: '#!/usr/bin/env node' },
    });
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, 'clean.md'), clean);
    writeFileSync(path.join(outDir, 'wrong.md'), wrong);
  });

  it('exits 0 for a clean file, and 1 for a refuted step with plain (uncoloured) text when piped', () => {
    assert.equal(node(['check', path.join(outDir, 'clean.md')]).status, 0);
    const wrongRun = node(['check', path.join(outDir, 'wrong.md')]);
    assert.equal(wrongRun.status, 1);
    assert.match(wrongRun.stdout, /wrong\.md:8:\d+ {2}✗ refuted/);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(wrongRun.stdout, /\u001b\[/);
  });

  it('--json output parses as one valid report', () => {
    const r = node(['check', '--json', path.join(outDir, 'clean.md'), path.join(outDir, 'wrong.md')]);
    assert.equal(r.status, 1);
    assert.deepEqual(validateReport(JSON.parse(r.stdout)), []);
  });

  it('exits 2 with a one-line message and no stack trace for a missing file', () => {
    const missing = node(['check', 'no/such/file.md']);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, "stepwise: cannot read 'no/such/file.md': no such file\n");
    assert.equal(missing.stdout, '');
  });
});
