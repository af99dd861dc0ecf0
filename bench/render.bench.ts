// The preview renderer against plain markdown-it + KaTeX (a markdown-it-katex style plugin, no cache), on the
// same input in the same run: a full render of the largest d2l file and of a generated 300-formula document
// (target: within 1.2×), and a re-render after a one-character edit inside one formula (target: < 10% of a
// full render). Full renders and edits are interleaved round by round; prints medians and ratios.
import katex from 'katex';
import MarkdownIt from 'markdown-it';
import type { StateBlock, StateInline } from 'markdown-it';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DocumentRenderer, type RenderedDocument, type RenderOptions } from '../src/render/document';

const corpus = path.resolve(__dirname, '../../shared/corpus');
const options: RenderOptions = { macros: {}, marks: true, interactive: true, sanitizeRaw: false };

/** The baseline: what most Markdown previews do, `$`/`$$` rules that call KaTeX on every render. */
function baseline(): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true });
  const render = (tex: string, displayMode: boolean): string =>
    katex.renderToString(tex, { displayMode, throwOnError: false });
  md.block.ruler.before(
    'fence',
    'math_block',
    (state: StateBlock, start: number, end: number, silent: boolean) => {
      const pos = (state.bMarks[start] ?? 0) + (state.tShift[start] ?? 0);
      if (state.src.slice(pos, pos + 2) !== '$$') return false;
      let line = start;
      let body = state.src.slice(pos + 2, state.eMarks[start]);
      let close = body.indexOf('$$');
      while (close === -1 && ++line < end) {
        const text = state.src.slice(
          (state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0),
          state.eMarks[line],
        );
        body += '\n' + text;
        close = body.indexOf('$$');
      }
      if (close === -1) return false;
      if (silent) return true;
      const t = state.push('math_block', 'div', 0);
      t.content = body.slice(0, close);
      t.map = [start, line + 1];
      state.line = line + 1;
      return true;
    },
    { alt: ['paragraph', 'blockquote', 'list'] },
  );
  md.inline.ruler.before('escape', 'math_inline', (state: StateInline, silent: boolean) => {
    if (state.src[state.pos] !== '$') return false;
    const display = state.src[state.pos + 1] === '$';
    const open = display ? 2 : 1;
    const close = state.src.indexOf(display ? '$$' : '$', state.pos + open);
    if (close === -1 || close === state.pos + open) return false;
    if (!silent) {
      const t = state.push(display ? 'math_block' : 'math_inline', 'span', 0);
      t.content = state.src.slice(state.pos + open, close);
    }
    state.pos = close + open;
    return true;
  });
  md.renderer.rules.math_block = (tokens, idx) =>
    `<div class="math">${render(tokens[idx]?.content ?? '', true)}</div>`;
  md.renderer.rules.math_inline = (tokens, idx) => render(tokens[idx]?.content ?? '', false);
  return md;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function generated(): string {
  const tex = readFileSync(path.join(corpus, 'formulas/dl-theory.tex'), 'utf8')
    .split(/^%%\s*$/m)
    .map((f) => f.replace(/^%.*$/gm, '').trim())
    .filter((f) => f !== '' && !f.includes('\\begin{align}'));
  const parts: string[] = ['# Generated homework', ''];
  for (let k = 0; k < 300; k++) {
    // Every formula differs (`+ k`), so no renderer gets a free cache hit inside one document.
    parts.push(
      `Step ${k}: with $x_{${k}}$ and $n = ${k}$ we have`,
      '',
      '$$',
      `${tex[k % tex.length]} + ${k}`,
      '$$',
      '',
    );
  }
  return parts.join('\n');
}

function largestD2l(): { name: string; text: string } {
  const dir = path.join(corpus, 'd2l');
  const name = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort((a, b) => statSync(path.join(dir, b)).size - statSync(path.join(dir, a)).size)[0] as string;
  return { name, text: readFileSync(path.join(dir, name), 'utf8') };
}

/** A one-character edit inside the middle display formula, as two texts to alternate between. */
function editInFormula(text: string): [string, string] {
  const opens: number[] = [];
  for (let i = text.indexOf('$$'); i !== -1; i = text.indexOf('$$', i + 2)) opens.push(i);
  const at = (opens[Math.floor(opens.length / 4) * 2] ?? 0) + 2;
  const x = text.indexOf('x', at);
  const edited = text.slice(0, x) + 'y' + text.slice(x + 1);
  return [text, edited];
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Runs `fn` timed, also recording the process's CPU time into `cpu`: on a loaded machine that leaves out
 *  the time spent waiting for a core (it counts V8's helper threads, e.g. concurrent sweeping, too). */
function timed(fn: () => void, cpu?: number[]): number {
  const c = process.cpuUsage();
  const wall = time(fn);
  const used = process.cpuUsage(c);
  cpu?.push((used.user + used.system) / 1000);
  return wall;
}

function blocksHtml(out: RenderedDocument): string {
  return out.blocks.map((b) => `${b.line}-${b.endLine}:${b.html}`).join('\n') + JSON.stringify(out.problems);
}

function run(label: string, text: string, rounds: number): void {
  const md = baseline();
  const [a, b] = editInFormula(text);
  const warm = new DocumentRenderer();
  warm.render(a, options);
  // The edit must do a real edit's work: its output equals a fresh full render of the edited text.
  if (blocksHtml(warm.render(b, options)) !== blocksHtml(new DocumentRenderer().render(b, options)))
    throw new Error('the incremental render differs from a full render');
  warm.render(a, options);
  let calls = 0;
  let flip = 0;
  const edit = (): void => {
    calls = warm.render(flip++ % 2 === 0 ? b : a, options).katexCalls;
  };
  // Warm every path up (JIT) before measuring.
  for (let i = 0; i < 2; i++) {
    md.render(text);
    new DocumentRenderer().render(text, options);
    for (let k = 0; k < editsPerRound; k++) edit();
  }
  // Interleaved: every round times each kind of work, so a burst of load on a shared machine falls on all
  // of them alike instead of on whichever ran during it; medians then drop the disturbed rounds.
  const base: number[] = [];
  const ours: number[] = [];
  const edits: number[] = [];
  const ratios: number[] = [];
  const oursCpu: number[] = [];
  const editsCpu: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // A collection (with `--expose-gc`) before each full render, so none pays for the garbage of another;
    // then, before the timed edits, a collection and a few untimed edits, so the edits pay for their own
    // garbage but not for the full renders' (a user's keystrokes follow keystrokes, not full renders).
    gc();
    base.push(timed(() => md.render(text)));
    gc();
    ours.push(timed(() => new DocumentRenderer().render(text, options), oursCpu));
    gc();
    for (let k = 0; k < 3; k++) edit();
    const round: number[] = [];
    for (let k = 0; k < editsPerRound; k++) round.push(timed(edit, editsCpu));
    edits.push(...round);
    ratios.push(median(round) / (ours[ours.length - 1] as number));
  }
  const mb = median(base);
  const mo = median(ours);
  const me = median(edits);
  console.log(`${label} (${(text.length / 1024).toFixed(1)} KB)`);
  console.log(`  markdown-it + KaTeX, full render   ${mb.toFixed(1)} ms (median of ${rounds})`);
  console.log(
    `  stepwise renderer, full render     ${mo.toFixed(1)} ms   ratio ${(mo / mb).toFixed(2)}×  (target ≤ 1.20×)`,
  );
  console.log(
    `  stepwise, one-character edit       ${me.toFixed(1)} ms   ${((me / mo) * 100).toFixed(1)}% of full  (median of ${edits.length}; target < 10%; KaTeX calls ${calls})`,
  );
  console.log(
    `${'  in CPU time (waits excluded)'.padEnd(37)}full ${median(oursCpu).toFixed(1)} ms, edit ${median(editsCpu).toFixed(1)} ms, ${((median(editsCpu) / median(oursCpu)) * 100).toFixed(1)}%`,
  );
  console.log(
    `  edit/full within each round        median ${(median(ratios) * 100).toFixed(1)}%, range ${(Math.min(...ratios) * 100).toFixed(1)}–${(Math.max(...ratios) * 100).toFixed(1)}%`,
  );
}

const editsPerRound = 5;

const d2l = largestD2l();
run(`d2l ${d2l.name}`, d2l.text, 9);
run('generated 300-formula document', generated(), 9);
