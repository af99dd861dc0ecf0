/// <reference lib="dom" />
// The preview app in Chromium against the built bundle, driven by a fake host that posts what the real one
// posts. One browser for the whole suite.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { StepResult } from '../../src/core/types';
import type { PreviewResults } from '../../src/protocol/preview';
import { buildExportHtml } from '../../src/extension/preview/exportHtml';
import { FakeHost, root, type Preview, type Theme } from './support/harness';
import { derivation, experiment, lineOf, positionOf, step } from './support/results';

const fixture = readFileSync(path.join(__dirname, 'fixtures/homework.md'), 'utf8');
const corpus = path.resolve(root, '../shared/corpus');

/** Results for the fixture: section 1 holds (2 steps), section 2 has a wrong second step, the norm is unknown. */
function fixtureResults(text = fixture): PreviewResults {
  const square = lineOf(text, '$$', lineOf(text, '## 1. Expanding a square'));
  const sigmoid = lineOf(text, '$$', lineOf(text, '## 2. Symmetry of the sigmoid'));
  const norm = lineOf(text, '$$', lineOf(text, '## 3. Norms, indented'));
  const exp = lineOf(text, '```experiment "Monte Carlo check"');
  return {
    derivations: [
      derivation(square, square + 5, [
        step(1, positionOf(text, square, '&=', 1), '&=', 'verified'),
        step(2, positionOf(text, square, '&=', 2), '&=', 'verified'),
      ]),
      derivation(sigmoid, sigmoid + 2, [
        step(1, positionOf(text, sigmoid, '=', 1), '=', 'verified'),
        step(2, positionOf(text, sigmoid, '=', 2), '=', 'refuted', {
          lhs: '1 - \\sigma(x)',
          rhs: '\\sigma(x)',
          counterexample: { x: 1 },
          values: { lhs: 0.2689414, rhs: 0.7310586 },
        }),
      ]),
      derivation(norm, norm + 2, [
        step(1, positionOf(text, norm, '=', 1), '=', 'verified'),
        step(2, positionOf(text, norm, '\\le', 1), '\\le', 'unverifiable'),
      ]),
    ],
    experiments: [
      experiment(exp, exp + 3, {
        checks: [
          { line: exp + 2, label: 'mean(x^2) ≈ 1', passed: true },
          { line: exp + 2, label: 'var(x) ≈ 1', passed: false, detail: '1.07 vs 1' },
        ],
        status: 'failed',
        outputs: [
          { kind: 'value', line: exp + 1, text: 'vector[1000]' },
          {
            kind: 'table',
            line: exp + 1,
            columns: ['n', 'mean'],
            rows: [
              ['10', '0.93'],
              ['1000', '1.01'],
            ],
          },
          {
            kind: 'plot',
            line: exp + 1,
            title: 'running mean',
            x: [1, 2, 3, 4, 5],
            series: [{ label: 'mean', y: [0.5, 0.9, 1.1, 1.0, 1.0] }],
          },
          { kind: 'hist', line: exp + 1, edges: [-2, -1, 0, 1, 2], counts: [3, 10, 11, 2] },
        ],
        durationMs: 12,
      }),
    ],
    running: [],
  };
}

/** A CSS colour (any syntax, `color-mix()` included) as [r, g, b], painted by the page to read it back. */
function resolveColor(value: string): number[] {
  const probe = document.createElement('span');
  probe.style.color = value.trim();
  document.body.append(probe);
  const computed = getComputedStyle(probe).color;
  probe.remove();
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return [0, 0, 0];
  ctx.fillStyle = computed;
  ctx.fillRect(0, 0, 1, 1);
  return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
}

/** WCAG contrast ratio of two sRGB colours. */
function contrast(a: number[], b: number[]): number {
  const lum = (c: number[]) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe('preview webview (Chromium)', function () {
  this.timeout(60000);
  const host = new FakeHost();
  let preview: Preview;

  before(async () => {
    await host.start();
    preview = await host.open({ text: fixture, results: fixtureResults() });
  });
  after(async () => {
    await host.stop();
  });

  it('renders the formula corpus with no KaTeX error', async () => {
    const tex = readFileSync(path.join(corpus, 'formulas/dl-theory.tex'), 'utf8');
    const formulas = tex
      .split(/^%%\s*$/m)
      .map((f) => f.replace(/^%.*$/gm, '').trim())
      .filter((f) => f !== '');
    assert.ok(formulas.length >= 30);
    const text = formulas.map((f) => `$$\n${f}\n$$`).join('\n\n');
    const p = await host.open({ text });
    const counts = await p.page.evaluate(() => ({
      display: document.querySelectorAll('.katex-display').length,
      errors: document.querySelectorAll('.sw-katex-error, .katex-error').length,
    }));
    assert.deepEqual(counts, { display: formulas.length, errors: 0 });
    const problems = (await p.posted()).filter((m) => m.type === 'problems');
    assert.deepEqual(problems.at(-1), { type: 'problems', uri: p.doc.uri, version: 1, problems: [] });
    assert.deepEqual(p.errors, []);
    await p.screenshot('formula-corpus');
    await p.close();
  });

  it('carries \\newcommand and \\def across blocks and applies stepwise.macros', async () => {
    const text =
      '$$\\newcommand{\\V}{\\operatorname{Var}}\\def\\half{\\tfrac12}$$\n\nText $\\V(x) = \\half$.\n\n$$\\V(y) \\le \\RR + \\half$$\n';
    const p = await host.open({ text, config: { macros: { RR: '\\mathbb{R}' } } });
    // Only the visible HTML layer: KaTeX's MathML layer also holds the TeX source.
    const shown = (): Promise<string> =>
      p.page.evaluate(() =>
        Array.from(document.querySelectorAll('.katex-html'))
          .map((k) => k.textContent)
          .join(' '),
      );
    const errors = await p.page.evaluate(() => document.querySelectorAll('.sw-katex-error').length);
    assert.equal(errors, 0);
    const text1 = await shown();
    assert.match(text1, /Var/);
    assert.doesNotMatch(text1, /\\V|\\half|RR/);
    assert.equal(await p.page.locator('.katex-html .mathbb').count(), 1);
    // Redefining the macro re-renders the block that uses it, although that block's TeX did not change.
    await p.edit(text.replace('\\operatorname{Var}', '\\operatorname{Cov}'));
    const after = await shown();
    assert.match(after, /Cov/);
    assert.doesNotMatch(after, /Var/);
    await p.close();
  });

  it('numbers labelled equations and resolves \\eqref and \\tag', async () => {
    const tags = await preview.page.evaluate(() =>
      Array.from(document.querySelectorAll('.sw-math-block .katex-tag')).map((t) => t.textContent?.trim()),
    );
    assert.deepEqual(tags, ['(1)', '(2)', '(⋆)']);
    const refs = await preview.page.evaluate(() =>
      Array.from(document.querySelectorAll('a[href^="#sw-eq-"]')).map((a) => [
        a.getAttribute('href'),
        a.textContent,
      ]),
    );
    assert.deepEqual(refs, [
      ['#sw-eq-eq_3asigmoid', '(2)'],
      ['#sw-eq-eq_3asquare', '(1)'],
    ]);
    assert.equal(await preview.page.locator('#sw-eq-eq_3asigmoid').count(), 1);
    // An unknown label is reported, not silently numbered.
    const p = await host.open({ text: '$$a = b \\label{x}$$\n\nSee $\\eqref{y}$.\n' });
    const problems = (await p.posted()).filter((m) => m.type === 'problems');
    assert.deepEqual(problems.at(-1)?.type === 'problems' ? problems.at(-1) : undefined, {
      type: 'problems',
      uri: p.doc.uri,
      version: 1,
      problems: [{ line: 2, column: 5, message: "unknown label 'y'" }],
    });
    await p.close();
  });

  it('puts each step mark on its relation and a badge on each block', async () => {
    const marks = await preview.page.evaluate(() =>
      Array.from(document.querySelectorAll('.sw-math-block')).map((b) => ({
        line: Number((b as HTMLElement).dataset.line),
        badge: b.querySelector('vscode-badge')?.textContent ?? '',
        steps: Array.from(b.querySelectorAll('.sw-step')).map(
          (s) => `${s.className.replace(/enclosing /, '').replace(/ swk[a-z0-9]+/, '')}:${s.textContent}`,
        ),
      })),
    );
    const results = fixtureResults();
    const byLine = new Map(marks.map((m) => [m.line + 1, m]));
    const square = byLine.get(results.derivations[0]?.line ?? -1);
    const sigmoid = byLine.get(results.derivations[1]?.line ?? -1);
    const norm = byLine.get(results.derivations[2]?.line ?? -1);
    assert.deepEqual(square, {
      line: square?.line,
      badge: '✓ 2',
      steps: ['sw-step sw-step-1 sw-ok:=', 'sw-step sw-step-2 sw-ok:='],
    });
    assert.deepEqual(sigmoid?.badge, '✗ 1');
    assert.deepEqual(sigmoid?.steps, ['sw-step sw-step-1 sw-ok:=', 'sw-step sw-step-2 sw-bad:=']);
    assert.deepEqual(norm?.badge, '? 1');
    assert.deepEqual(norm?.steps, ['sw-step sw-step-1 sw-ok:=', 'sw-step sw-step-2 sw-unk:≤']);
    // The refuted mark is the second `=` on screen: right of the first one.
    const [x1, x2] = await preview.page.evaluate(() => {
      const b = document.querySelector('.sw-math-block.sw-status-bad');
      return [b?.querySelector('.sw-step-1'), b?.querySelector('.sw-step-2')].map(
        (e) => e?.getBoundingClientRect().left ?? -1,
      );
    });
    assert.ok((x1 ?? -1) > 0 && (x2 ?? 0) > (x1 ?? 0));
    await preview.page.locator('.sw-math-block.sw-status-bad').scrollIntoViewIfNeeded();
    await preview.screenshot('marks');
  });

  it('opens the counterexample from the ✗ mark', async () => {
    const details = preview.page.locator('.sw-math-block.sw-status-bad details.sw-cex[data-step="2"]');
    assert.equal(await details.evaluate((d) => (d as HTMLDetailsElement).open), false);
    await preview.page.locator('.sw-math-block.sw-status-bad .sw-step-2').click();
    assert.equal(await details.evaluate((d) => (d as HTMLDetailsElement).open), true);
    const cells = await details
      .locator('td')
      .evaluateAll((tds) => tds.map((td) => (td.querySelector('.katex-html') ?? td).textContent ?? ''));
    assert.deepEqual(
      cells.map((c) => c.trim()),
      ['x', '1', 'left', '0.268941', 'right', '0.731059'],
    );
    await preview.screenshot('counterexample');
  });

  it('opens the counterexample of a refuted step inside an aligned environment', async () => {
    const text =
      '$$\n\\begin{aligned}\n(x + 1)^2 &= x^2 + 2x + 1 \\\\\n          &= x^2 + 1\n\\end{aligned}\n$$\n';
    const results: PreviewResults = {
      derivations: [
        derivation(1, 6, [
          step(1, positionOf(text, 1, '&=', 1), '&=', 'verified'),
          step(2, positionOf(text, 1, '&=', 2), '&=', 'refuted', {
            counterexample: { x: 1 },
            values: { lhs: 4, rhs: 2 },
          }),
        ]),
      ],
      experiments: [],
      running: [],
    };
    const p = await host.open({ text, results });
    await p.page.locator('.sw-step-2').click();
    assert.equal(
      await p.page.locator('details.sw-cex[data-step="2"]').evaluate((d) => (d as HTMLDetailsElement).open),
      true,
    );
    // Clicking the ✗ drawn above the relation works too.
    await p.page.locator('details.sw-cex').evaluate((d) => ((d as HTMLDetailsElement).open = false));
    const box = await p.page.locator('.sw-step-2').boundingBox();
    assert.ok(box);
    await p.page.mouse.click(box.x + box.width / 2, box.y - 6);
    assert.equal(
      await p.page.locator('details.sw-cex[data-step="2"]').evaluate((d) => (d as HTMLDetailsElement).open),
      true,
    );
    await p.close();
  });

  it('posts reveal on a click and verify/run from the buttons, with 0-based opening lines', async () => {
    const results = fixtureResults();
    await preview.clearPosted();
    const block = preview.page.locator('.sw-math-block.sw-status-bad .sw-math');
    await block.click({ position: { x: 20, y: 10 } });
    await preview.page.locator('.sw-math-block.sw-status-bad').hover();
    await preview.page.locator('.sw-math-block.sw-status-bad vscode-button[data-action="verify"]').click();
    await preview.page.locator('.sw-experiment vscode-button[data-action="run"]').click();
    const sigmoid = (results.derivations[1]?.line ?? 0) - 1;
    const exp = (results.experiments[0]?.line ?? 0) - 1;
    assert.deepEqual(
      (await preview.posted()).filter((m) => m.type !== 'scrolled'),
      [
        { type: 'reveal', line: sigmoid },
        { type: 'verify', line: sigmoid },
        { type: 'run', line: exp },
      ],
    );
  });

  it('renders experiment outputs: values, table, checks, a uPlot chart and a histogram', async () => {
    await preview.page.locator('.sw-experiment').scrollIntoViewIfNeeded();
    const out = await preview.page.evaluate(() => {
      const e = document.querySelector('.sw-experiment');
      return {
        badge: e?.querySelector('vscode-badge')?.textContent,
        value: e?.querySelector('.sw-out-value')?.textContent,
        cells: Array.from(e?.querySelectorAll('.sw-table td') ?? []).map((c) => c.textContent),
        checks: Array.from(e?.querySelectorAll('.sw-checks li') ?? []).map((c) => c.className),
        canvas: e?.querySelectorAll('.sw-plot canvas').length,
        bars: e?.querySelectorAll('.sw-hist rect.sw-bar').length,
      };
    });
    assert.deepEqual(out, {
      badge: '✗ 1',
      // Labelled with the statement that made it (`x = randn(1000)`).
      value: 'x = vector[1000]',
      cells: ['10', '0.93', '1000', '1.01'],
      checks: ['sw-check-ok', 'sw-check-bad'],
      canvas: 1,
      bars: 4,
    });
    await preview.screenshot('experiment');
  });

  it('shows a block of definitions neutrally, and a step that could not be checked still as ?', async () => {
    const text = ['$$', 'J = L + s', '$$', '', '$$', 'a \\ll b', '$$'].join('\n');
    const results: PreviewResults = {
      derivations: [
        derivation(1, 3, [
          step(1, positionOf(text, 2, '=', 1), '=', 'unverifiable', {
            reason: 'definition',
            message: 'defines J',
          }),
        ]),
        derivation(5, 7, [
          step(1, positionOf(text, 6, '\\ll', 1), '\\ll', 'unverifiable', {
            reason: 'unsupported-relation',
            message: 'no ≪',
          }),
        ]),
      ],
      experiments: [],
      running: [],
    };
    const p = await host.open({ text, results });
    const state = await p.page.evaluate(() =>
      Array.from(document.querySelectorAll('.sw-math-block')).map((b) => {
        const mark = b.querySelector('.sw-step');
        return {
          block: Array.from(b.classList).filter((c) => c.startsWith('sw-status-')),
          badge: [b.querySelector('vscode-badge')?.className, b.querySelector('vscode-badge')?.textContent],
          bar: getComputedStyle(b).borderLeftColor,
          mark: [mark?.classList.contains('sw-def'), mark?.getAttribute('data-stepwise-status')],
          markColor: mark ? getComputedStyle(mark, '::after').color : '',
          markText: mark ? getComputedStyle(mark, '::after').content : '',
          summary: b.querySelector('details > summary')?.textContent,
          warnings: b.querySelectorAll('.sw-unk, .sw-badge-unk, .sw-status-unk, .sw-unverifiable').length,
        };
      }),
    );
    const [def, unk] = state;
    assert.ok(def && unk);
    assert.deepEqual(def.block, ['sw-status-def']);
    assert.deepEqual(def.badge, ['sw-badge sw-badge-def', '≔ 1']);
    assert.deepEqual(def.mark, [true, 'unverifiable'], 'the status stays; only the look is neutral');
    assert.equal(def.markText, '"≔"');
    assert.equal(def.summary, '≔ 1 definition');
    assert.equal(def.warnings, 0, 'no warning class anywhere in the block of definitions');
    // The step that could not be checked keeps its yellow; the definition has none of it.
    assert.deepEqual(unk.block, ['sw-status-unk']);
    assert.deepEqual(unk.badge, ['sw-badge sw-badge-unk', '? 1']);
    assert.equal(unk.markText, '"?"');
    assert.match(unk.summary ?? '', /^\? 1 step not checked/);
    assert.ok(unk.warnings > 0);
    assert.notEqual(def.bar, unk.bar);
    assert.notEqual(def.markColor, unk.markColor);
    await p.screenshot('definitions');
  });

  it('labels outputs with their statements, wraps long code and collapses unverifiable steps by reason', async () => {
    const long = `w = [${Array.from({ length: 80 }, (_, i) => i).join(', ')}]`;
    const text = [
      '```experiment "Labels"', //  1
      'p = 0.3', //                   2
      'mean([1, 2, 3])', //           3
      long, //                        4
      '```', //                       5
      '', //                          6
      '$$', //                        7
      'a \\ll b \\quad c \\ll d \\quad f(x) = g(x) \\quad 1 = 1', // 8
      '$$', //                        9
    ].join('\n');
    const why = (reason: StepResult['reason'], message: string) => ({ reason, message });
    const results: PreviewResults = {
      derivations: [
        derivation(7, 9, [
          step(
            1,
            positionOf(text, 8, '\\ll', 1),
            '\\ll',
            'unverifiable',
            why('unsupported-relation', 'no ≪'),
          ),
          step(
            2,
            positionOf(text, 8, '\\ll', 2),
            '\\ll',
            'unverifiable',
            why('unsupported-relation', 'no ≪'),
          ),
          step(
            3,
            positionOf(text, 8, '=', 1),
            '=',
            'unverifiable',
            why('undeclared-function', 'f is undeclared'),
          ),
          step(4, positionOf(text, 8, '=', 2), '=', 'verified'),
        ]),
      ],
      experiments: [
        experiment(1, 5, {
          outputs: [
            { kind: 'value', line: 2, text: '0.3' },
            { kind: 'value', line: 3, text: '2' },
            { kind: 'value', line: 4, text: '[0, 1, 2, …]' },
          ],
        }),
      ],
      running: [],
    };
    const p = await host.open({ text, results });
    const state = await p.page.evaluate(() => {
      const pre = document.querySelector('.sw-experiment pre.sw-code') as HTMLElement;
      const details = Array.from(document.querySelectorAll('.sw-math-block details.sw-unverifiable'));
      const summary = details[0]?.querySelector('summary') as HTMLElement | null;
      const lineHeight = parseFloat(getComputedStyle(summary ?? document.body).lineHeight) || 20;
      return {
        values: Array.from(document.querySelectorAll('.sw-out-value')).map((e) => e.textContent),
        codeOverflows: pre.scrollWidth > pre.clientWidth + 1,
        codeLines: Math.round(pre.getBoundingClientRect().height),
        collapsed: details.length,
        open: details.map((d) => (d as HTMLDetailsElement).open),
        summaryOneLine: (summary?.getBoundingClientRect().height ?? 0) < 2 * lineHeight,
        groups: Array.from(details[0]?.querySelectorAll('li') ?? []).map((li) => [
          (li as HTMLElement).dataset.reason,
          (li as HTMLElement).dataset.count,
        ]),
        visibleNotes: Array.from(document.querySelectorAll('.sw-math-block li')).filter((li) =>
          li.checkVisibility(),
        ).length,
      };
    });
    assert.deepEqual(state.values, ['p = 0.3', 'mean([1, 2, 3]) = 2', 'w = [0, 1, 2, …]']);
    assert.equal(state.codeOverflows, false, 'experiment code wraps');
    assert.ok(state.codeLines > 60, `the long line wraps onto several lines (${state.codeLines}px)`);
    assert.equal(state.collapsed, 1);
    assert.deepEqual(state.open, [false]);
    assert.equal(state.summaryOneLine, true);
    assert.deepEqual(state.groups, [
      ['unsupported-relation', '2'],
      ['undeclared-function', '1'],
    ]);
    assert.equal(state.visibleNotes, 0, 'nothing but the one summary line shows until it is opened');
    await p.close();
  });

  it('typesets matrix counterexamples with the differing entries coloured, and a shape mismatch in words', async () => {
    const text = ['$$', 'A B = B A \\quad u = v', '$$'].join('\n');
    const results: PreviewResults = {
      derivations: [
        derivation(1, 3, [
          step(1, positionOf(text, 2, '=', 1), '=', 'refuted', {
            values: {
              lhs: [
                [1, 2],
                [3, 4],
              ],
              rhs: [
                [1, 2.5],
                [3, 7],
              ],
            },
          }),
          step(2, positionOf(text, 2, '=', 2), '=', 'refuted', { values: { lhs: [1, 2, 3], rhs: [[1, 2]] } }),
        ]),
      ],
      experiments: [],
      running: [],
    };
    const p = await host.open({ text, results });
    const state = await p.page.evaluate(() => {
      const cex = Array.from(document.querySelectorAll('details.sw-cex')) as HTMLDetailsElement[];
      for (const d of cex) d.open = true;
      const first = cex[0] as HTMLElement;
      const sides = Array.from(first.querySelectorAll('.sw-value-tex'));
      return {
        typeset: sides.map((e) => e.querySelectorAll('.katex .mord').length > 0),
        brackets: sides.map((e) => e.querySelectorAll('.katex-mathml mtable').length),
        coloured: sides.map((el) =>
          Array.from(el.querySelectorAll('.katex-html [style*="color"]'))
            .filter((e) => getComputedStyle(e).color === 'rgb(229, 20, 0)' && e.children.length === 0)
            .map((e) => e.textContent ?? ''),
        ),
        shape: cex[1]?.querySelector('.sw-shape')?.textContent,
      };
    });
    assert.deepEqual(state.typeset, [true, true]);
    assert.deepEqual(state.brackets, [1, 1]);
    assert.deepEqual(state.coloured, [
      ['2', '4'],
      ['2.5', '7'],
    ]);
    assert.match(state.shape ?? '', /3-vector.*1×2 matrix/);
    await p.close();
  });

  it('loads local images from the document folder', async () => {
    const width = await preview.page.locator('img[alt="a local image"]').evaluate(async (img) => {
      const i = img as HTMLImageElement;
      if (!i.complete) await new Promise((r) => i.addEventListener('load', r, { once: true }));
      return i.naturalWidth;
    });
    assert.ok(width > 0);
  });

  it('never runs script from the document', async () => {
    const text = [
      '# Hostile',
      '<script>window.__pwnedScript = 1</script>',
      '',
      'An image <img src="nope.png" onerror="window.__pwnedOnerror = 1"> and [a link](javascript:window.__pwnedLink=1).',
      '',
      '<a href="javascript:window.__pwnedHref=1" id="bad">raw link</a> <svg><script>window.__pwnedSvg=1</script></svg>',
      '',
      '<iframe src="javascript:parent.__pwnedFrame=1"></iframe>',
    ].join('\n');
    const p = await host.open({ text });
    await p.page.click('#bad').catch(() => undefined);
    await p.page.waitForTimeout(200);
    const state = await p.page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        globals: [
          '__pwnedScript',
          '__pwnedOnerror',
          '__pwnedLink',
          '__pwnedHref',
          '__pwnedSvg',
          '__pwnedFrame',
        ].filter((k) => k in w),
        scripts: document.querySelectorAll('#sw-root script').length,
        handlers: document.querySelectorAll('#sw-root [onerror]').length,
        jsLinks: Array.from(document.querySelectorAll('#sw-root a')).filter((a) =>
          /javascript:/i.test(a.getAttribute('href') ?? ''),
        ).length,
      };
    });
    assert.deepEqual(state, { globals: [], scripts: 0, handlers: 0, jsLinks: 0 });
    await p.close();
  });

  it('strips imitation marks and buttons from raw HTML but keeps the real ones beside them', async () => {
    const text = [
      '- <span class="sw-step sw-ok" id="fake">=</span> <div class="sw-math-block sw-status-ok" id="fakeblock">x</div>',
      '  <vscode-button data-action="run" id="fakebutton">Run</vscode-button>',
      '  $$',
      '  a = b',
      '  $$',
    ].join('\n');
    const results: PreviewResults = {
      derivations: [derivation(3, 5, [step(1, positionOf(text, 4, '=', 1), '=', 'refuted')])],
      experiments: [],
      running: [],
    };
    const p = await host.open({ text, results });
    const state = await p.page.evaluate(() => ({
      fake: document.getElementById('fake')?.className,
      fakeBlock: document.getElementById('fakeblock')?.className,
      fakeButton: document.querySelectorAll('#sw-root vscode-button').length,
      real: Array.from(document.querySelectorAll('.sw-step')).map((e) => e.classList.contains('sw-bad')),
    }));
    // Buttons never pass the sanitiser (the real block here keeps its badge and marks, not its Verify button).
    assert.deepEqual(state, { fake: '', fakeBlock: '', fakeButton: 0, real: [true] });
    await p.clearPosted();
    await p.page.locator('span', { hasText: /^=$/ }).first().click();
    assert.deepEqual(
      (await p.posted()).filter((m) => m.type === 'run'),
      [],
    );
    await p.close();
  });

  it('follows the theme classes (light, dark, high contrast)', async () => {
    const seen: string[] = [];
    for (const theme of ['vscode-light', 'vscode-dark', 'vscode-high-contrast'] as Theme[]) {
      const p = await host.open({ text: fixture, results: fixtureResults() }, theme);
      const style = await p.page.evaluate(() => {
        const b = getComputedStyle(document.body);
        const mark = document.querySelector('.sw-math-block.sw-status-bad');
        return {
          cls: document.body.className,
          bg: b.backgroundColor,
          fg: b.color,
          border: mark ? getComputedStyle(mark).borderLeftColor : '',
        };
      });
      assert.equal(style.cls, theme);
      assert.notEqual(style.bg, style.fg);
      seen.push(style.bg);
      // Badge text must stay legible on its pill in every theme (WCAG's 4.5:1 for small text).
      for (const badge of ['.sw-badge-ok', '.sw-badge-bad']) {
        const [fg, bg] = await p.page
          .locator(badge)
          .first()
          .evaluate((el) => {
            const c = getComputedStyle(el);
            return [
              c.getPropertyValue('--vscode-badge-foreground'),
              c.getPropertyValue('--vscode-badge-background'),
            ];
          });
        const ratio = contrast(
          await p.page.evaluate(resolveColor, fg ?? ''),
          await p.page.evaluate(resolveColor, bg ?? ''),
        );
        assert.ok(ratio >= 4.5, `${badge} in ${theme}: ${fg} on ${bg} has contrast ${ratio.toFixed(2)}`);
      }
      await p.page.locator('.sw-math-block.sw-status-bad').scrollIntoViewIfNeeded();
      await p.screenshot(`theme-${theme}`);
      await p.close();
    }
    assert.equal(new Set(seen).size, 3);
  });

  it('shows a KaTeX error in place and reports it with its line and column', async () => {
    const p = await host.open({
      text: 'Intro\n\n- item\n  $$\n  a = \\frac{1}{\n  $$\n\nand $\\badcommand$ inline.\n',
    });
    const shown = await p.page.evaluate(() =>
      Array.from(document.querySelectorAll('.sw-katex-error')).map((e) => [
        e.querySelector('.sw-error-src')?.textContent,
        e.querySelector('.sw-error-msg')?.textContent,
      ]),
    );
    assert.equal(shown.length, 2);
    assert.match(shown[0]?.[0] ?? '', /\\frac\{1\}\{/);
    assert.match(shown[1]?.[1] ?? '', /badcommand/);
    const problems = (await p.posted()).filter((m) => m.type === 'problems').at(-1);
    assert.ok(problems && problems.type === 'problems');
    assert.deepEqual(
      problems.problems.map((x) => [x.line, x.column]),
      [
        [4, 15],
        [7, 5],
      ],
    );
    await p.close();
  });

  it('re-renders only the edited block and keeps the other blocks’ DOM nodes', async () => {
    const text = readFileSync(
      path.join(corpus, 'd2l/appendix-mathematics-for-deep-learning--multivariable-calculus.md'),
      'utf8',
    );
    const p = await host.open({ text });
    await p.page.evaluate(() => {
      document
        .querySelectorAll('.sw-block')
        .forEach((b, i) => ((b as unknown as { __id: number }).__id = i + 1));
      window.scrollTo(0, 3000);
    });
    const before = await p.page.evaluate(() => window.scrollY);
    // Edit inside one formula near the end.
    const at = text.lastIndexOf('\\nabla');
    const edited = text.slice(0, at) + '\\nabla\\!' + text.slice(at + '\\nabla'.length);
    await p.edit(edited);
    const stats = await p.page.evaluate(() => {
      const blocks = Array.from(document.querySelectorAll('.sw-block')) as unknown as { __id?: number }[];
      return {
        total: blocks.length,
        fresh: blocks.filter((b) => b.__id === undefined).length,
        scroll: window.scrollY,
        katex: document.body.dataset.katexCalls,
        built: document.body.dataset.built,
      };
    });
    assert.equal(stats.fresh, 1);
    assert.equal(stats.built, '1');
    assert.equal(stats.katex, '1');
    assert.equal(stats.scroll, before);
    // Adding a line at the top shifts every block's line but rebuilds only the first block.
    await p.edit('New first line\n\n' + edited);
    const shifted = await p.page.evaluate(() => document.body.dataset.built);
    assert.equal(shifted, '1');
    await p.close();
  });

  it('syncs scrolling by source line on a math-heavy file', async () => {
    const text = readFileSync(
      path.join(corpus, 'd2l/appendix-mathematics-for-deep-learning--multivariable-calculus.md'),
      'utf8',
    );
    const p = await host.open({ text });
    const lines = text.split('\n');
    const targets = [20, 60, 100, 140, 180].filter((l) => l < lines.length - 20);
    for (const line of targets) {
      await p.post({ type: 'scrollTo', line });
      await p.page.waitForTimeout(50);
      // The innermost element holding that line straddles the top of the view.
      const box = await p.page.evaluate((l) => {
        const els = Array.from(document.querySelectorAll<HTMLElement>('[data-line]')).filter(
          (e) => Number(e.dataset.line) <= l,
        );
        const e = els[els.length - 1];
        const r = e?.getBoundingClientRect();
        return { line: Number(e?.dataset.line), top: r?.top ?? NaN, bottom: r?.bottom ?? NaN };
      }, line);
      assert.ok(
        box.top <= 1 && box.bottom >= -1,
        `line ${line}: element of line ${box.line} at ${box.top}..${box.bottom}`,
      );
    }
    // Scrolling the preview reports a line back, and back-and-forth lands on the same line.
    await p.clearPosted();
    await p.page.mouse.wheel(0, 400);
    await p.page.waitForFunction(() =>
      (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'scrolled'),
    );
    const scrolled = (await p.posted()).find((m) => m.type === 'scrolled');
    assert.ok(scrolled && scrolled.type === 'scrolled');
    const y = await p.page.evaluate(() => window.scrollY);
    await p.post({ type: 'scrollTo', line: scrolled.line });
    await p.page.waitForTimeout(50);
    const y2 = await p.page.evaluate(() => window.scrollY);
    assert.ok(Math.abs(y2 - y) <= 2, `${y} → ${y2}`);
    await p.close();
  });

  it('exports HTML that shows all math with no KaTeX error, without script', async () => {
    const html = buildExportHtml({
      text: fixture + '\n<script>window.__pwnedExport = 1</script>\n',
      title: 'hw.md',
      macros: {},
      includeMarks: true,
      ...(({ derivations, experiments }) => ({ derivations, experiments }))(fixtureResults()),
      baseUri: `${host.origin}/test/webview/fixtures/`,
      mediaDir: path.join(root, 'media'),
    });
    assert.doesNotMatch(html, /<script/i);
    const page = await host.openHtml(html);
    const info = await page.evaluate(async () => {
      await document.fonts.ready;
      return {
        display: document.querySelectorAll('.katex-display').length,
        definitions: document.querySelectorAll('.sw-defs').length,
        inline: document.querySelectorAll('.sw-math-inline .katex').length,
        errors: document.querySelectorAll('.sw-katex-error, .katex-error').length,
        marks: document.querySelectorAll('.sw-step').length,
        fontLoaded: document.fonts.check('16px KaTeX_Main'),
        pwned: '__pwnedExport' in window,
      };
    });
    assert.deepEqual(info, {
      display: 5,
      definitions: 1,
      inline: 4,
      errors: 0,
      marks: 6,
      fontLoaded: true,
      pwned: false,
    });
    await page.screenshot({ path: path.join(root, 'test-artifacts/webview/export.png') });
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10000);
    await page.close();
  });
});
