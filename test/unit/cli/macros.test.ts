import assert from 'node:assert/strict';
import { runInMemory } from '../support/cliRun';
import type { Report } from '../../../src/core/types';

// `--macros FILE` (issue 14): check and export read the same JSON object as the stepwise.macros setting.
const doc = '<!-- let\nx \\in \\R\n-->\n\n$$\n\\sq{x + 1} = x^2 + 2x + 1\n$$\n';
const macros = JSON.stringify({ '\\R': '\\mathbb{R}', sq: '\\left(#1\\right)^2' });

const run = runInMemory;

const statuses = (json: string) =>
  (JSON.parse(json) as Report).files.flatMap((f) =>
    f.derivations.flatMap((d) => d.steps.map((s) => s.status)),
  );

describe('stepwise --macros', () => {
  it('check reads the macros file: the step that uses them verifies', async () => {
    const without = await run(['check', '--json', 'a.md'], { 'a.md': doc });
    assert.notDeepEqual(statuses(without.stdout), ['verified']);
    const r = await run(['check', '--json', '--macros', 'm.json', 'a.md'], { 'a.md': doc, 'm.json': macros });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(statuses(r.stdout), ['verified']);
  });

  it('export reads the same file: KaTeX expands the macros and the step is marked verified', async () => {
    const args = ['export', 'a.md', '-o', 'out.html', '--no-experiments'];
    const without = await run(args, { 'a.md': doc });
    // Without the file `\sq` is an unknown command to KaTeX and the step cannot be read.
    const before = without.written.get('out.html') ?? '';
    assert.ok(/katex-error" title=/.test(before) && !/data-stepwise-status="verified"/.test(before));
    const r = await run([...args, '--macros', 'm.json'], { 'a.md': doc, 'm.json': macros });
    assert.equal(r.code, 0, r.stderr);
    const html = r.written.get('out.html') ?? '';
    assert.ok(!/katex-error" title=/.test(html), 'no KaTeX error');
    assert.ok(/data-stepwise-status="verified"/.test(html), 'a verified mark');
    assert.ok(!/data-stepwise-status="(?:refuted|unverifiable)"/.test(html), 'no other mark');
  });

  it('a missing, non-JSON or malformed macros file is a usage error (exit 2) for both commands', async () => {
    for (const cmd of [['check'], ['export', '-o', 'out.html', '--no-experiments']]) {
      for (const m of [undefined, 'not json', '["\\\\R"]', '{"\\\\R": 1}', '{"1x": "y"}']) {
        const files: Record<string, string> = { 'a.md': doc, ...(m === undefined ? {} : { 'm.json': m }) };
        const r = await run([...cmd, 'a.md', '--macros', 'm.json'], files);
        assert.equal(r.code, 2, `${cmd[0]} ${m}`);
        assert.match(r.stderr, /m\.json/);
        assert.equal(r.written.size, 0);
      }
    }
  });
});
