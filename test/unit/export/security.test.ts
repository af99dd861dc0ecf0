import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli';
import { verifyDocument } from '../../../src/core/document';
import { DocumentRenderer, disarmAttributes } from '../../../src/render/document';

// Hostile documents against the preview and the export (issue 13, findings 5–7): marks cannot be forged,
// the export inlines no file from outside the workspace folder and makes no network-path request.
const pixel = readFileSync(path.resolve(__dirname, '../../webview/fixtures/pixel.png'));

/** Runs `stepwise export` in-process in `dir`; returns the page, stderr and the exit code. */
async function exportIn(dir: string, file: string, extra: string[] = []) {
  const written = new Map<string, string>();
  let stderr = '';
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const code = await runCli(['export', file, '-o', 'out.html', '--no-experiments', ...extra], {
      stdout: () => undefined,
      stderr: (s) => (stderr += s),
      readFile: async (p) => readFileSync(p, 'utf8'),
      color: false,
      writeFile: async (p: string, t: string) => void written.set(p, t),
    } as Parameters<typeof runCli>[1]);
    return { code, html: written.get('out.html') ?? '', stderr };
  } finally {
    process.chdir(cwd);
  }
}

const count = (html: string, status: string): number =>
  html.split(`data-stepwise-status="${status}"`).length - 1;

/** What the preview renders (marks on, raw HTML left to the webview's DOMPurify after disarming). */
function preview(text: string): string {
  const { derivations } = verifyDocument(text);
  return new DocumentRenderer()
    .render(text, { macros: {}, derivations, marks: true, interactive: true, sanitizeRaw: false })
    .blocks.map((b) => b.html)
    .join('');
}

describe('security: marks cannot be forged', () => {
  const forgeries: [string, string][] = [
    ['a macro with \\def', '$$\\def\\ok#1{\\htmlClass{sw-step sw-ok}{#1}}$$\n\n$$1 + 1 \\ok{=} 3$$'],
    [
      'a macro with \\newcommand',
      '$$\\newcommand{\\ok}[1]{\\htmlClass{sw-step sw-step-1 sw-ok}{#1}}$$\n\n$$2 \\ok{=} 3$$',
    ],
    ['\\htmlClass written out', '$$1 \\mathrel{\\htmlClass{sw-step sw-step-1 sw-ok}{=}} 2$$'],
    ['\\htmlData', '$$1 \\htmlData{stepwise-status=verified}{=} 2$$'],
    ['\\htmlId and \\htmlStyle', '$$1 \\htmlId{sw-x}{=} 2 \\htmlStyle{position:absolute}{=} 5$$'],
    [
      'our own \\htmlClass copied by a redefinition',
      '$$\\let\\hc\\htmlClass \\def\\htmlClass#1#2{\\hc{#1}{#2}\\hc{#1}{=}}$$\n\n$$1 + 1 = 2 \\quad 3$$',
    ],
    ['raw HTML', '<span class="sw-step sw-ok" data-stepwise-status="verified">=</span>\n\n$$1 = 2$$'],
    ['inline raw HTML', 'Text <b data-stepwise-status="verified" class="sw-step sw-ok">✓</b> and $$1 = 2$$'],
  ];
  for (const [name, doc] of forgeries) {
    it(`gives no ✓ through ${name}, in the preview and the export`, async () => {
      const { derivations } = verifyDocument(doc);
      const honest = derivations.flatMap((d) => d.steps).filter((s) => s.status === 'verified').length;
      const html = preview(doc);
      assert.ok(count(html, 'verified') <= honest, `preview: ${count(html, 'verified')} > ${honest}`);
      // Apart from the sealed marks, no element carries a mark class or a status attribute.
      const rest = html.replace(
        /class="enclosing sw-step sw-step-\d+ sw-(?:ok|bad|unk)" data-stepwise-status="\w+"/g,
        '',
      );
      assert.doesNotMatch(rest, /class="(?:[^"]*\s)?sw-(?:ok|step)[\s"]|\sdata-stepwise-status=/);
      const dir = mkdtempSync(path.join(tmpdir(), 'sw-forge-'));
      writeFileSync(path.join(dir, 'hw.md'), doc);
      const out = await exportIn(dir, 'hw.md');
      assert.equal(out.code, 0);
      assert.ok(count(out.html, 'verified') <= honest, `export: ${count(out.html, 'verified')} > ${honest}`);
      const outRest = out.html.replace(
        /class="enclosing sw-step sw-step-\d+ sw-(?:ok|bad|unk)" data-stepwise-status="\w+"/g,
        '',
      );
      assert.doesNotMatch(outRest, /class="(?:[^"]*\s)?sw-(?:ok|step)[\s"]|\sdata-stepwise-status=/);
    });
  }

  it('still marks every honest step, each with its status attribute', async () => {
    const doc = '$$\n1 + 1 = 2 = 3\n$$\n\n$$\nx + x = 2x \\le 2x + 1\n$$';
    const dir = mkdtempSync(path.join(tmpdir(), 'sw-honest-'));
    writeFileSync(path.join(dir, 'hw.md'), doc);
    const out = await exportIn(dir, 'hw.md');
    assert.equal(count(out.html, 'verified'), 3);
    assert.equal(count(out.html, 'refuted'), 1);
    const bare = await exportIn(dir, 'hw.md', ['--no-marks']);
    assert.equal(count(bare.html, 'verified') + count(bare.html, 'refuted'), 0);
  });

  it('disarms positioning styles and imitated classes in raw HTML for the preview', () => {
    for (const tag of [
      '<div style="position:absolute;top:0">✓</div>',
      '<div/style="position:fixed">x</div>',
      '<div title="a"style="z-index:9">x</div>',
      '<span STYLE = "transform:translate(0,-3em)">x</span>',
      '<span class="sw-badge sw-badge-ok">✓ 9</span>',
      '<i data-stepwise-status="verified" data-sw="k">x</i>',
    ]) {
      const out = disarmAttributes(tag);
      assert.doesNotMatch(out, /[\s/"'](style|class|data-stepwise-status|data-sw)\s*=/i, out);
    }
    assert.equal(disarmAttributes('<p>a style = b</p>'), '<p>a style = b</p>');
  });
});

describe('security: the export inlines only files of the workspace', () => {
  const top = mkdtempSync(path.join(tmpdir(), 'sw-leak-'));
  const ws = path.join(top, 'ws');
  before(() => {
    mkdirSync(path.join(ws, 'img'), { recursive: true });
    mkdirSync(path.join(top, 'outside'));
    writeFileSync(path.join(top, 'outside', 'secret.png'), pixel);
    writeFileSync(path.join(ws, 'img', 'ok.png'), pixel);
    symlinkSync(path.join(top, 'outside', 'secret.png'), path.join(ws, 'img', 'link.png'));
    mkdirSync(path.join(ws, 'img', 'dir.png'));
  });

  it('inlines a regular file inside the folder', async () => {
    writeFileSync(path.join(ws, 'a.md'), '![ok](img/ok.png)\n\n<img src="./img/ok.png" alt="raw">');
    const out = await exportIn(ws, 'a.md');
    assert.equal((out.html.match(/<img [^>]*src="data:image\/png;base64,/g) ?? []).length, 2);
    assert.equal(out.stderr, '');
  });

  const leaks: [string, string][] = [
    ['a symlink to a file outside', '![x](img/link.png)'],
    ['a path with ..', '![x](../outside/secret.png)'],
    ['raw <img> with ..', '<img src="img/../../outside/secret.png">'],
    ['an absolute path', `![x](${path.join(path.dirname(ws), 'outside', 'secret.png')})`],
    [
      'raw <img> with a file: URL',
      `<img src="file://${path.join(path.dirname(ws), 'outside', 'secret.png')}">`,
    ],
    ['a directory', '![x](img/dir.png)'],
    ['a network path', '![x](//host/share/x.png)'],
    ['a backslash network path', '![x](/\\host/share/x.png)'],
    ['raw <img> network path', '<img src="//host/share/x.png">'],
    ['raw <img> with a file: URL with a host', '<img src="file://host/share/x.png">'],
  ];
  for (const [name, doc] of leaks) {
    it(`leaves out ${name}, with a warning, and requests nothing`, async () => {
      writeFileSync(path.join(ws, 'b.md'), doc);
      const out = await exportIn(ws, 'b.md');
      assert.equal(out.code, 0);
      assert.doesNotMatch(out.html, /<img\b/);
      assert.doesNotMatch(out.html, /\s(?:src|href)="(?:file:|\/\/|\/\\)/);
      assert.match(out.stderr, /left out/);
    });
  }

  it('leaves remote images out by default and keeps them when asked', async () => {
    writeFileSync(path.join(ws, 'c.md'), '![r](https://example.org/x.png)');
    const off = await exportIn(ws, 'c.md');
    assert.doesNotMatch(off.html, /<img\b/);
    assert.doesNotMatch(off.html, /img-src[^;"]*https/);
    const on = await exportIn(ws, 'c.md', ['--remote-images']);
    assert.match(on.html, /<img src="https:\/\/example\.org\/x\.png"/);
  });
});
