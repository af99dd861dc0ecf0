// The UI test: a real VS Code (code-server) driven by headless Chromium. Opens a homework fixture, clicks
// `Verify` on a wrong step and on a correct block, reads the lens titles, the Problems count and the
// hover, opens the preview beside it when the build has one, and saves screenshots to test-artifacts/ui/
// (with `--update-screenshots`, the best ones are copied to docs/screenshots/ for the README; a plain test run
// leaves the tracked pictures alone). Writes its tally to $STEPWISE_TALLY.
// Usage: node test/host/runUi.mjs [--link [--no-build]] [--keep]
/* global document, getComputedStyle */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installVsix, launchChromium, remoteUri, startHost, workbenchUrl } from './host.mjs';

const root = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
const artifacts = path.join(root, 'test-artifacts/ui');
const shots = path.join(root, 'docs/screenshots');
const keep = process.argv.includes('--keep');
const TARGET_MS = 2000;

const tally = { passed: 0, failed: 0, skipped: 0 };
function writeTally() {
  const file = process.env.STEPWISE_TALLY;
  if (!file) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(tally));
}

let page;
let broken = false;
/** One UI check; after a failure the rest are skipped (they depend on the state the failed one leaves). */
async function check(name, fn) {
  if (broken) {
    tally.skipped += 1;
    console.log(`  - ${name} (skipped)`);
    return;
  }
  const t0 = Date.now();
  try {
    await fn();
    tally.passed += 1;
    console.log(`  ✔ ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    tally.failed += 1;
    broken = true;
    console.log(`  ✗ ${name}\n    ${e instanceof Error ? e.message.split('\n').join('\n    ') : e}`);
    const file = path.join(artifacts, `failure-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    await page?.screenshot({ path: file }).catch(() => {});
    console.log(`    screenshot: ${path.relative(root, file)}`);
  }
}

/** A full-window screenshot, plus one of the editor area for the README. */
async function shot(name) {
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file });
  await page.screenshot({
    path: path.join(artifacts, `${name}-cropped.png`),
    clip: { x: 350, y: 30, width: 1050, height: 830 },
  });
  return file;
}

const lens = (text) => page.locator('.codelens-decoration a', { hasText: text });
const preview = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

/**
 * Moves the quick-input focus to the row `matches` accepts and presses Enter. Typing alone can race the
 * list, and a prefix such as “View: Close All Editors” also names “… in Group”: check the row itself.
 */
async function pickRow(what, matches) {
  const focused = page.locator('.quick-input-list .monaco-list-row.focused').first();
  const end = Date.now() + 10_000;
  let last = '';
  let moves = 0;
  while (Date.now() < end) {
    last = (await focused.innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
    if (last && matches(last)) {
      await page.keyboard.press('Enter');
      return;
    }
    if (last && moves < 15) {
      await page.keyboard.press('ArrowDown');
      moves += 1;
    }
    await page.waitForTimeout(150);
  }
  throw new Error(`no quick-input row for ${what} (last focused: “${last}”)`);
}

/** Runs a command from the palette by its exact title. */
async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.waitForTimeout(200);
  await pickRow(title, (row) => row === title || row.startsWith(`${title} `));
}

/** Hides the side bar if it shows (its palette command is listed only while it shows). */
async function closeSideBar() {
  if (await page.locator('.part.sidebar').first().isVisible())
    await runCommand('View: Close Primary Side Bar');
}

/** Opens a workspace file through Quick Open and waits for its tab. */
async function openFile(relPath) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ timeout: 10_000 });
  await input.fill(relPath);
  await page.waitForTimeout(300);
  const name = path.basename(relPath);
  const folder = path.dirname(relPath);
  await pickRow(relPath, (row) => row.startsWith(name) && (folder === '.' || row.includes(folder)));
  await page.locator('.tab.active', { hasText: name }).first().waitFor({ timeout: 10_000 });
  if (folder !== '.')
    await page
      .locator('.breadcrumbs-control', { hasText: path.basename(folder) })
      .first()
      .waitFor({ timeout: 10_000 });
}

/** Polls `fn` until it returns a truthy value; fails with the last value seen. */
async function until(what, fn, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await fn().catch((e) => e);
    if (last && !(last instanceof Error)) return last;
    if (Date.now() > end)
      throw new Error(
        `timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`,
      );
    await page.waitForTimeout(200);
  }
}

/** The Problems indicator in the status bar, as counts. */
async function problems() {
  const label = (await page.locator('[id="status.problems"]').first().getAttribute('aria-label')) ?? '';
  const text = (await page.locator('[id="status.problems"]').first().innerText()).replace(/\s+/g, ' ').trim();
  const nums = [...`${label} ${text}`.matchAll(/(\d+)/g)].map((m) => Number(m[1]));
  return { label, text, errors: /no problems/i.test(label) ? 0 : (nums[0] ?? 0) };
}

async function main() {
  mkdirSync(artifacts, { recursive: true });
  // Failure shots of earlier runs would read as failures of this one.
  for (const f of readdirSync(artifacts)) if (f.startsWith('failure-')) rmSync(path.join(artifacts, f));
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  // By default the test drives what users install: the packaged .vsix (production bundles), installed with
  // --install-extension. `--link` links the working tree instead (quicker while developing).
  const link = process.argv.includes('--link');
  const extensionsDir = mkdtempSync(path.join(os.tmpdir(), 'stepwise-ext-'));
  if (link) {
    if (!process.argv.includes('--no-build')) {
      const b = spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
      if (b.status !== 0) throw new Error('build failed');
    }
    symlinkSync(root, path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`));
  } else {
    const p = spawnSync('npm', ['run', '--silent', 'package'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (p.status !== 0) throw new Error('npm run package failed');
    const vsix = path.join(root, 'stepwise.vsix');
    console.log(`  stepwise.vsix: ${(statSync(vsix).size / 1024).toFixed(0)} KB (target < 2048 KB)`);
    installVsix(vsix, extensionsDir);
  }
  const host = await startHost({
    keep,
    extensionsDir,
    settings: {
      'workbench.colorTheme': 'Default Dark Modern',
      'editor.fontSize': 15,
      'editor.minimap.enabled': false,
      // Sticky headings repeat lines above the fold in every shot: off, for screenshots that read plainly.
      'editor.stickyScroll.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.commandCenter.enabled': false,
    },
  });
  const ws = path.join(host.run, 'workspace');
  cpSync(path.join(root, 'test/fixtures/workspace'), ws, { recursive: true });
  // The README's examples, in their own folder (the fixtures have a homework.md of their own).
  cpSync(path.join(root, 'examples'), path.join(ws, 'examples'), { recursive: true });
  const browser = await launchChromium();
  try {
    page = await browser.context.newPage();
    const file = path.join(ws, 'homework.md');
    await page.goto(workbenchUrl(host.url, ws, [['openFile', remoteUri(host.port, file)]]));

    await check('the Verify lenses appear above both derivations', async () => {
      await lens(/^Verify · 2 steps$/)
        .nth(1)
        .waitFor({ timeout: 60_000 });
      await page.mouse.move(5, 5);
      await shot('1-lenses');
    });

    let clickMs = 0;
    await check('clicking Verify on the wrong block shows ✗ step 2 refuted and one Error', async () => {
      const t0 = Date.now();
      console.log(`    clicked at ${new Date(t0).toISOString().slice(11, 23)}`);
      await lens(/^Verify · 2 steps$/)
        .nth(1)
        .click();
      await lens('✗ step 2 refuted').waitFor({ timeout: 15_000 });
      clickMs = Date.now() - t0;
      const deadline = Date.now() + 15_000;
      let p = await problems();
      while (p.errors !== 1 && Date.now() < deadline) {
        await page.waitForTimeout(100);
        p = await problems();
      }
      const problemsMs = Date.now() - t0;
      if (p.errors !== 1) throw new Error(`Problems shows “${p.label || p.text}”, expected 1 error`);
      console.log(
        `    lens after ${clickMs} ms, Problems count after ${problemsMs} ms (target < ${TARGET_MS} ms)`,
      );
      // The 2 s target is a measured figure, printed on every run, not an assertion: on a shared 2-core
      // machine a timed test measures the machine as much as the extension (speed lives in benchmarks).
      // What is asserted is the behaviour: the refutation arrives, in the lens and in Problems.
      if (problemsMs > TARGET_MS)
        console.log(
          `    over the target this run: load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
        );
      await page.mouse.move(5, 5);
      await shot('2-refuted');
    });

    await check(
      'clicking Verify on the correct block shows ✓ 2 verified and adds no diagnostic',
      async () => {
        await lens(/^Verify · 2 steps$/)
          .first()
          .click();
        await lens('✓ 2 verified').waitFor({ timeout: 15_000 });
        await page.waitForTimeout(300);
        const p = await problems();
        if (p.errors !== 1) throw new Error(`Problems shows “${p.label || p.text}”, expected still 1 error`);
      },
    );

    await check('the status bar sums the file and the inline verdicts show', async () => {
      await page
        .locator('.statusbar-item', { hasText: 'Stepwise ✓ 3 ✗ 1 ? 0' })
        .first()
        .waitFor({ timeout: 10_000 });
      // Inline verdicts are `after` decorations: Monaco draws them as ::after content of a span.
      const inline = async () =>
        page.evaluate(() =>
          [...document.querySelectorAll('.view-lines span')]
            .map((el) => getComputedStyle(el, '::after').content)
            .filter((c) => c && c !== 'none'),
        );
      const deadline = Date.now() + 10_000;
      let found = await inline();
      while (!found.some((c) => c.includes('✗ at x =')) && Date.now() < deadline) {
        await page.waitForTimeout(200);
        found = await inline();
      }
      if (!found.some((c) => c.includes('✗ at x =')))
        throw new Error(`no “✗ at x =” decoration; saw ${JSON.stringify(found)}`);
      if (!found.some((c) => c.includes('✓')))
        throw new Error(`no “✓” decoration; saw ${JSON.stringify(found)}`);
      await shot('3-verified-and-refuted');
    });

    await check('the hover on the refuted step shows the counterexample table', async () => {
      const line = page.locator('.view-line', { hasText: '&= x^2 + 1' }).first();
      const box = await line.boundingBox();
      if (!box) throw new Error('refuted line not visible');
      await page.mouse.move(box.x + 120, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover', { hasText: 'Step 2 refuted' }).first();
      await hover.waitFor({ timeout: 10_000 });
      const text = await hover.innerText();
      if (!/symbol/.test(text) || !/value/.test(text)) throw new Error(`hover lacks the table: ${text}`);
      await shot('4-hover');
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    });

    await check('the Problems panel lists the refuted step with its counterexample', async () => {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'step 2:' }).first();
      await row.waitFor({ timeout: 10_000 });
      await shot('5-problems');
      await page.keyboard.press('Control+Shift+M');
    });

    await check('clicking ▶ Run on an experiment shows its result in the lens', async () => {
      await lens(/^▶ Run$/)
        .first()
        .click();
      await lens(/^✓ passed/)
        .first()
        .waitFor({ timeout: 30_000 });
      await page.mouse.move(5, 5);
      await shot('5b-experiment');
    });

    const previewCommand =
      (pkg.contributes?.commands ?? []).find(
        (c) => /preview/i.test(c.command) && /side/i.test(c.title ?? ''),
      ) ?? (pkg.contributes?.commands ?? []).find((c) => /preview/i.test(c.command));
    if (!previewCommand) {
      tally.skipped += 1;
      console.log(
        '  - the preview beside the editor shows a result mark (skipped: no preview command in this build)',
      );
    } else {
      await check('the preview beside the editor shows a result mark', async () => {
        // Room for the editor and the preview side by side: the screenshots are for the README.
        await closeSideBar();
        await page.keyboard.press('F1');
        await page.keyboard.type(
          `${previewCommand.category ? `${previewCommand.category}: ` : ''}${previewCommand.title}`,
        );
        await page.waitForTimeout(300);
        await page.keyboard.press('Enter');
        const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
        const mark = frame.locator('text=/✗|refuted/').first();
        await mark.waitFor({ timeout: 30_000 });
        await page.waitForTimeout(500);
        await shot('6-preview');
      });
    }

    await check(
      'the preview of examples/mistakes.md marks every derivation and each wrong step with ✗',
      async () => {
        if (!previewCommand) throw new Error('this build has no preview command');
        await runCommand('View: Close All Editors');
        await closeSideBar();
        await openFile('examples/mistakes.md');
        await lens(/^Verify · 1 step$/)
          .first()
          .waitFor({ timeout: 30_000 });
        await runCommand('Stepwise: Verify File');
        await page
          .locator('.statusbar-item', { hasText: 'Stepwise ✓ 4 ✗ 7 ? 0' })
          .first()
          .waitFor({ timeout: 30_000 });
        await runCommand('Stepwise: Open Preview to the Side');
        const frame = preview();
        // mistakes.md: 10 derivations, 11 steps, 7 of them wrong (as `stepwise check` reports).
        const counts = async () => ({
          blocks: await frame.locator('.sw-math-block').count(),
          unmarked: await frame
            .locator('.sw-math-block.sw-status-none, .sw-math-block.sw-status-running')
            .count(),
          steps: await frame.locator('.sw-step').count(),
          wrong: await frame.locator('.sw-step.sw-bad').count(),
          badgesBad: await frame
            .locator('.sw-math-block.sw-status-bad .sw-badge', { hasText: '✗ 1' })
            .count(),
          errors: await frame.locator('.sw-katex-error').count(),
        });
        const want = { blocks: 10, unmarked: 0, steps: 11, wrong: 7, badgesBad: 7, errors: 0 };
        await until('every derivation with its marks', async () => {
          const c = await counts();
          return JSON.stringify(c) === JSON.stringify(want) ? c : undefined;
        });
        // The mark is drawn by CSS on the relation itself: read what a student sees.
        const marks = await frame
          .locator('.sw-step.sw-bad')
          .evaluateAll((els) => els.map((el) => getComputedStyle(el, '::after').content));
        if (!marks.every((m) => m.includes('✗')))
          throw new Error(`wrong steps show ${JSON.stringify(marks)}`);
        // Each ✗ sits on the relation of its step: an `=` (every claim in this file is an equation).
        const rels = await frame
          .locator('.sw-step.sw-bad')
          .evaluateAll((els) => els.map((el) => el.textContent));
        if (!rels.every((r) => r === '=')) throw new Error(`✗ on ${JSON.stringify(rels)}`);
      },
    );

    await check('clicking the ✗ of a wrong step opens its counterexample', async () => {
      const frame = preview();
      // Mistake 3: (I + A)(I + B) = (I + B)(I + A), refuted with two matrices.
      const mark = frame.locator('.sw-step.sw-bad').nth(2);
      await mark.click();
      const details = frame.locator('details.sw-cex[open]').first();
      await details.waitFor({ timeout: 10_000 });
      const text = (await details.innerText()).replace(/\s+/g, ' ');
      for (const want of ['Step 1', 'left', 'right', '[[']) {
        if (!text.includes(want)) throw new Error(`the counterexample lacks “${want}”: ${text}`);
      }
      console.log(`    counterexample: ${text.slice(0, 160)}`);
      // The section's heading at the top of the preview, the editor following by scroll sync, and the
      // open counterexample below: what a student sees after the click.
      await frame
        .locator('h2', { hasText: 'Jacobians' })
        .evaluate((h) => h.scrollIntoView({ block: 'start' }));
      await page.mouse.move(5, 5);
      await page.waitForTimeout(800); // the flash fades and scroll sync settles
      const box = await details.boundingBox();
      const view = page.viewportSize();
      if (!box || !view || box.y < 0 || box.y + box.height > view.height)
        throw new Error(`the counterexample is not in view: ${JSON.stringify(box)}`);
      await page.screenshot({ path: path.join(artifacts, '7-preview-counterexample.png') });
    });

    await check('Verify File on examples/homework.md puts its verdicts on the lenses', async () => {
      await runCommand('View: Close All Editors');
      await openFile('examples/homework.md');
      await lens(/^Verify · /)
        .first()
        .waitFor({ timeout: 30_000 });
      await runCommand('Stepwise: Verify File');
      await page
        .locator('.statusbar-item', { hasText: 'Stepwise ✓ 26 ✗ 0 ? 1' })
        .first()
        .waitFor({ timeout: 60_000 });
      await lens(/^✓ 2 verified$/)
        .first()
        .waitFor({ timeout: 10_000 });
      // The status bar may update a moment before the lenses are drawn again. Monaco redraws only the
      // lenses on screen; those of lines just below (and of closed editors) keep their old DOM.
      const stale = () =>
        lens(/^Verify · /).evaluateAll((els) =>
          els
            .filter((el) => {
              // On screen means drawn on top at its own centre (the same widgets also sit, stacked and
              // covered, in a layer Monaco keeps for measuring).
              const r = el.getBoundingClientRect();
              const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              return r.height > 0 && hit !== null && el.contains(hit);
            })
            .map((el) => el.textContent),
        );
      await until('every lens in view to show its verdict', async () => {
        const left = await stale();
        if (left.length > 0) throw new Error(`still unverified: ${JSON.stringify(left)}`);
        return true;
      });
      // Past the introduction, to section 2: verified steps (Var(w) of its law among them) and P(X > 0) of
      // an X with no stated law, which cannot be told.
      await page.keyboard.press('Control+G'); // Go to Line: reveals it in the middle of the editor
      await page.locator('.quick-input-widget input').first().waitFor({ timeout: 10_000 });
      await page.keyboard.type('67'); // an empty line: no word highlighted under the cursor
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500);
      await page.mouse.move(5, 5);
      await page
        .locator('.codelens-decoration a', { hasText: '? 1 unverifiable' })
        .first()
        .waitFor({ timeout: 10_000 });
      await page.screenshot({ path: path.join(artifacts, '8-homework-verified.png') });
    });
  } finally {
    await browser.close();
    await host.stop();
    rmSync(extensionsDir, { recursive: true, force: true });
  }
  // For the README: the editor (lenses, inline verdicts, hover) cropped to where the eye goes, the
  // Problems panel and the preview as whole windows.
  const best = [
    ['2-refuted', 'lens-refuted.png', true],
    ['3-verified-and-refuted', 'lenses-results.png', true],
    ['1-lenses', 'lenses.png', true],
    ['4-hover', 'hover.png', true],
    ['5-problems', 'problems.png'],
    ['5b-experiment', 'experiment.png', true],
    ['6-preview', 'preview.png'],
    ['7-preview-counterexample', 'preview-counterexample.png'],
    ['8-homework-verified', 'homework-verified.png'],
  ];
  if (!process.argv.includes('--update-screenshots')) return;
  mkdirSync(shots, { recursive: true });
  for (const [from, to, clip] of best) {
    const cropped = path.join(artifacts, `${from}-cropped.png`);
    if (!clip || !existsSync(cropped)) {
      if (existsSync(path.join(artifacts, `${from}.png`)))
        copyFileSync(path.join(artifacts, `${from}.png`), path.join(shots, to));
    } else copyFileSync(cropped, path.join(shots, to));
  }
}

try {
  await main();
} catch (e) {
  console.error(`[ui] ${e instanceof Error ? e.stack : e}`);
  tally.failed += 1;
}
writeTally();
console.log(`[ui] ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(tally.failed === 0 ? 0 : 1);
