// The whole-document renderer shared by the webview, the HTML export and the benchmark. It never touches a
// DOM: it returns the document as top-level blocks of HTML, each keyed by its own HTML (which holds no
// absolute line numbers), so the webview can keep the nodes of every block whose HTML did not change.
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as MarkdownItInstance, RendererRule, Token } from 'markdown-it';
import {
  type DerivationResult,
  type ExperimentResult,
  type StepResult,
  scanMarkdown,
  texPos,
  type TexSource,
} from '../core';
import type { RenderProblem } from '../protocol/preview';
import { admonitionPlugin } from './admonition';
import { splitChunks } from './chunks';
import { MathRenderer, type MathOutput } from './katexRender';
import { lineStartsOf, mathPlugin, type MathMeta, type RenderEnv } from './mathPlugin';
import { anchorId, numberEquations } from './numbering';
import {
  badgeHtml,
  counterexampleHtml,
  derivationBadge,
  escapeHtml,
  experimentBadge,
  experimentOutputsHtml,
  stepNotesHtml,
} from './resultsHtml';
import { sanitizeHtmlFragment } from './sanitize';
import { Rescanner } from './rescan';
import { attachSpans, mathTokens } from './spans';
import { newMarkKey, sealMarks, wrapSteps } from './steps';

export interface RenderOptions {
  /** `stepwise.macros`, already normalised (names with a backslash). */
  macros: Record<string, string>;
  derivations?: readonly DerivationResult[];
  experiments?: readonly ExperimentResult[];
  /** 1-based opening lines of blocks being verified or run. */
  running?: readonly number[];
  /** Show badges and step marks. */
  marks: boolean;
  /** Verify/Run buttons (the webview); off for the export. */
  interactive: boolean;
  /** Relative image paths resolve against this (ending in `/`). */
  baseUri?: string;
  /** Reduce raw HTML to an allow-list here (for the export); otherwise the caller sanitises `raw` blocks. */
  sanitizeRaw: boolean;
  /** A token the document cannot know (letters and digits), put on our marks and result blocks so that raw
   *  HTML imitating them (`<span class="sw-step sw-ok">`) can be told apart and stripped. */
  secret?: string;
}

export interface RenderedBlock {
  /** The block's HTML; equal keys mean identical output, wherever the block sits. */
  html: string;
  /** 0-based first line and the line after the block. Elements inside carry `data-rel-line`, relative to `line`. */
  line: number;
  endLine: number;
  /** The block holds raw HTML from the document and must be sanitised before it reaches a DOM. */
  raw: boolean;
}

export interface RenderedDocument {
  blocks: RenderedBlock[];
  problems: RenderProblem[];
  /** Formulas in the document and how many KaTeX had to render (the rest came from the cache). */
  formulas: number;
  katexCalls: number;
}

type FormulaMeta = MathMeta & {
  out?: MathOutput;
  marks?: Map<string, StepResult>;
  placed?: number[];
  anchors?: string[];
};

type Context = {
  options: RenderOptions;
  derivations: Map<number, DerivationResult>;
  experiments: Map<number, ExperimentResult>;
  running: Set<number>;
  math: MathRenderer;
};

type Env = RenderEnv & { sw: Context };

const absoluteUrl = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

function resolveSrc(src: string, base: string | undefined): string {
  if (!base || absoluteUrl.test(src) || src.startsWith('/')) return src;
  return base + src.replace(/^\.\//, '');
}

function relAttr(token: Token): string {
  const rel = token.attrGet('data-rel-line');
  return rel === null ? '' : ` data-rel-line="${rel}"`;
}

function secretAttr(ctx: Context): string {
  const secret = ctx.options.secret;
  return secret && /^[A-Za-z0-9]+$/.test(secret) ? ` data-sw="${secret}"` : '';
}

/** The 0-based file position of an offset into a formula's TeX (its start when `offset` is undefined). */
function filePos(src: TexSource, offset: number | undefined): { line: number; column: number } {
  const p = texPos(src, offset ?? 0);
  return { line: p.line - 1, column: p.column - 1 };
}

/** A formula the scanner does not read as math, shown as written (the verifier ignores it too). */
function asWritten(token: Token, display: boolean): string {
  const meta = token.meta as unknown as FormulaMeta;
  const close = token.markup === '\\(' ? '\\)' : token.markup === '\\[' ? '\\]' : token.markup;
  const text = meta.fence ? `\`\`\`math\n${meta.tex}\n\`\`\`` : `${token.markup}${meta.tex}${close}`;
  return display && token.block ? `<p>${escapeHtml(text)}</p>\n` : escapeHtml(text);
}

function mathHtml(meta: FormulaMeta, display: boolean): string {
  const out = meta.out;
  if (!out) return '';
  if (out.ok) return out.html;
  // The source stays readable with the message beside it, where the formula would have been.
  const tag = display ? 'div' : 'span';
  return (
    `<${tag} class="sw-katex-error" title="${escapeHtml(out.message)}"><code class="sw-error-src">${escapeHtml(meta.src?.text ?? meta.tex)}</code>` +
    `<span class="sw-error-msg">${escapeHtml(out.message)}</span></${tag}>`
  );
}

/** The macro names a formula defines when it does nothing else (a block of `\newcommand`s), else undefined. */
export function definitionsOnly(tex: string): string[] | undefined {
  const names: string[] = [];
  let i = 0;
  const skipSpace = (): void => {
    while (i < tex.length && /\s/.test(tex[i] as string)) i++;
  };
  const skipGroup = (): boolean => {
    skipSpace();
    if (tex[i] !== '{') return false;
    let depth = 0;
    for (; i < tex.length; i++) {
      if (tex[i] === '\\') i++;
      else if (tex[i] === '{') depth++;
      else if (tex[i] === '}' && --depth === 0) {
        i++;
        return true;
      }
    }
    return false;
  };
  for (skipSpace(); i < tex.length; skipSpace()) {
    const cmd =
      /^\\(newcommand|renewcommand|providecommand|def|gdef)(?![A-Za-z])\s*(\{\s*)?(\\[A-Za-z]+)\s*\}?/.exec(
        tex.slice(i),
      );
    if (!cmd || (cmd[2] && !cmd[0].trimEnd().endsWith('}'))) return undefined;
    names.push(cmd[3] as string);
    i += cmd[0].length;
    skipSpace();
    const rest = /^(\[\d\]|#\d)*/.exec(tex.slice(i));
    i += rest?.[0].length ?? 0;
    if (!skipGroup()) return undefined;
  }
  return names.length > 0 ? names : undefined;
}

function renderMathBlock(tokens: Token[], idx: number, _o: unknown, env: Env): string {
  const token = tokens[idx] as Token;
  const meta = token.meta as unknown as FormulaMeta;
  if (!meta.src) return asWritten(token, true);
  const ctx = env.sw;
  const key = meta.blockLine ?? meta.openLine + 1;
  const defined = meta.out?.ok ? definitionsOnly(meta.src.text) : undefined;
  if (defined) {
    // A block of definitions renders to nothing: say what it defines instead of leaving a blank gap.
    const list = defined.map((n) => `<code>${escapeHtml(n)}</code>`).join(' ');
    return `<div class="sw-math-block sw-defs"${relAttr(token)}>Macros: ${list}</div>\n`;
  }
  const result = ctx.options.marks ? ctx.derivations.get(key) : undefined;
  const badge = ctx.options.marks
    ? derivationBadge(result, ctx.running.has(key))
    : derivationBadge(undefined, false);
  const inline = (tex: string): string => {
    const out = ctx.math.render(tex, false);
    return out.ok ? out.html : `<code>${escapeHtml(tex)}</code>`;
  };
  const button = ctx.options.interactive
    ? `<vscode-button class="sw-action" data-action="verify" secondary title="Verify this derivation">Verify</vscode-button>`
    : '';
  // The button comes first so the badge keeps the corner and the button appears beside it on hover.
  const toolbar =
    badge.status !== 'none' || button ? `<div class="sw-toolbar">${button}${badgeHtml(badge)}</div>` : '';
  const cex = result
    ? result.steps
        .filter((s) => s.status === 'refuted')
        .map((s) => counterexampleHtml(s, inline))
        .join('')
    : '';
  const notes = result ? stepNotesHtml(result, meta.placed ?? [], inline) : '';
  const anchors = meta.anchors ?? [];
  const id = anchors[0] === undefined ? '' : ` id="${anchorId(anchors[0])}"`;
  const extra = anchors
    .slice(1)
    .map((a) => `<a class="sw-anchor" id="${anchorId(a)}"></a>`)
    .join('');
  return (
    `<div class="sw-math-block sw-status-${badge.status}"${relAttr(token)}${secretAttr(ctx)}${id}>${extra}${toolbar}` +
    `<div class="sw-math">${mathHtml(meta, true)}</div>${cex}${notes}</div>\n`
  );
}

function renderExperiment(token: Token, env: Env, fallback: () => string): string {
  const info = token.info.trim();
  if (!/^experiment(?:\s|$)/.test(info)) return fallback();
  const ctx = env.sw;
  const key = (token.map?.[0] ?? 0) + 1;
  const result = ctx.experiments.get(key);
  const badge = ctx.options.marks
    ? experimentBadge(result, ctx.running.has(key))
    : experimentBadge(undefined, false);
  const title = /^experiment\s+"([^"]*)"/.exec(info)?.[1];
  const button = ctx.options.interactive
    ? `<vscode-button class="sw-action" data-action="run" secondary title="Run this experiment">Run</vscode-button>`
    : '';
  const head =
    `<div class="sw-toolbar"><span class="sw-exp-title">${escapeHtml(title ?? 'experiment')}</span>` +
    `${badgeHtml(badge)}${button}</div>`;
  const outputs =
    result && ctx.options.marks
      ? experimentOutputsHtml(result, { text: token.content, codeLine: (token.map?.[0] ?? 0) + 2 })
      : '';
  return (
    `<div class="sw-experiment sw-status-${badge.status}"${relAttr(token)}${secretAttr(ctx)}>${head}` +
    `<pre class="sw-code"><code class="language-experiment">${escapeHtml(token.content)}</code></pre>${outputs}</div>\n`
  );
}

/** Builds the markdown-it instance: CommonMark + tables, raw HTML, links, math, admonitions, experiments. */
function createMarkdown(): MarkdownItInstance {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  md.use(mathPlugin).use(admonitionPlugin);
  const r = md.renderer.rules;
  r.math_block = renderMathBlock as unknown as RendererRule;
  const inlineMath = (token: Token, cls: string, display: boolean): string => {
    const meta = token.meta as unknown as FormulaMeta;
    return meta.src ? `<span class="${cls}">${mathHtml(meta, display)}</span>` : asWritten(token, false);
  };
  r.math_inline = (tokens, idx) => inlineMath(tokens[idx] as Token, 'sw-math-inline', false);
  r.math_inline_display = (tokens, idx) => inlineMath(tokens[idx] as Token, 'sw-math-display', true);
  const fence = r.fence?.bind(r);
  r.fence = (tokens, idx, opts, env, self) =>
    renderExperiment(tokens[idx] as Token, env as unknown as Env, () =>
      fence ? fence(tokens, idx, opts, env, self) : '',
    );
  const image = r.image?.bind(r);
  r.image = (tokens, idx, opts, env, self) => {
    const token = tokens[idx] as Token;
    const src = token.attrGet('src');
    if (typeof src !== 'string' || !image) return image ? image(tokens, idx, opts, env, self) : '';
    // Tokens are cached across renders: resolve for this render only, then put the written path back.
    token.attrSet('src', resolveSrc(src, (env as unknown as Env).sw.options.baseUri));
    const html = image(tokens, idx, opts, env, self);
    token.attrSet('src', src);
    return html;
  };
  const rawHtml = (content: string, env: Env): string =>
    env.sw.options.sanitizeRaw
      ? sanitizeHtmlFragment(content, (s) => resolveSrc(s, env.sw.options.baseUri))
      : disarmAttributes(content);
  r.html_block = (tokens, idx, _o, env) => rawHtml(tokens[idx]?.content ?? '', env as unknown as Env);
  r.html_inline = (tokens, idx, _o, env) => rawHtml(tokens[idx]?.content ?? '', env as unknown as Env);
  return md;
}

/**
 * Raw HTML for the webview (DOMPurify runs there on the whole block): attributes that could paint over or
 * imitate our marks are renamed inside every tag, so they do nothing. `style` (position, z-index, transforms),
 * `class` (sw-… and KaTeX's own classes) and our `data-stepwise-*`/`data-sw` attributes. A quote or `/` may
 * stand where a space would, as browsers accept.
 */
export function disarmAttributes(html: string): string {
  return html.replace(/<[A-Za-z][^<>]*>/g, (tag) =>
    tag.replace(
      /([\s/"'])(style|class|data-stepwise-[\w-]*|data-sw)(?=\s*(?:=|[\s/>]))/gi,
      '$1data-sw-dropped',
    ),
  );
}

function hasRaw(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i <= to; i++) {
    const t = tokens[i] as Token;
    if (t.type === 'html_block') return true;
    if (t.children?.some((c) => c.type === 'html_inline')) return true;
  }
  return false;
}

/** Moves cached tokens (and their formulas' file positions) by `delta` lines. */
function shiftTokens(tokens: Token[], delta: number): void {
  if (delta === 0) return;
  for (const t of tokens) {
    if (t.map) t.map = [t.map[0] + delta, t.map[1] + delta];
    const meta = t.meta as unknown as MathMeta | null;
    if (meta && typeof meta.openLine === 'number' && meta.start) {
      meta.openLine += delta;
      meta.start = { line: meta.start.line + delta, column: meta.start.column };
    }
    if (t.children) shiftTokens(t.children, delta);
  }
}

/** Renders Markdown documents; keep one per document so its caches serve the next keystroke. */
export class DocumentRenderer {
  private readonly md = createMarkdown();
  private readonly math = new MathRenderer();
  /** Mark nonces derive from this random key, which no document can know (see steps.ts). */
  private readonly markKey = newMarkKey();
  /** The core scanner's view of the last text, re-read only around an edit. */
  private readonly scanner = new Rescanner();
  /** Parsed chunks by text, with the line they were last at. */
  private chunkCache = new Map<string, { tokens: Token[]; line: number }>();
  /** Chunks parsed during the last render (the rest came from the cache). */
  parsedChunks = 0;

  /** `chunked: false` parses and scans the whole document every time (the reference the incremental work
   *  must equal). */
  constructor(private readonly settings: { chunked?: boolean } = {}) {}

  /** Parses only the chunks not seen in the last render; the others are reused, moved to their new line. */
  private parse(text: string): Token[] {
    const tokens = this.parseChunks(text);
    const scanned = this.settings.chunked === false ? scanMarkdown(text).blocks : this.scanner.blocks(text);
    attachSpans(scanned, tokens);
    return tokens;
  }

  private parseChunks(text: string): Token[] {
    const next = new Map<string, { tokens: Token[]; line: number }>();
    const out: Token[] = [];
    this.parsedChunks = 0;
    const chunks = this.settings.chunked === false ? [{ text, line: 0 }] : splitChunks(text);
    for (const chunk of chunks) {
      let entry = next.has(chunk.text) ? undefined : this.chunkCache.get(chunk.text);
      if (entry) {
        shiftTokens(entry.tokens, chunk.line - entry.line);
        entry.line = chunk.line;
      } else {
        const tokens = this.md.parse(chunk.text, { lineStarts: lineStartsOf(chunk.text) });
        shiftTokens(tokens, chunk.line);
        entry = { tokens, line: chunk.line };
        this.parsedChunks++;
      }
      // A chunk text met twice in one document is parsed each time: cached tokens are never shared.
      if (!next.has(chunk.text)) next.set(chunk.text, entry);
      for (const t of entry.tokens) out.push(t);
    }
    this.chunkCache = next;
    return out;
  }

  /** Every formula the preview finds (alt text included) with the 0-based file position of its TeX. */
  formulaPlaces(text: string): { tex: string; display: boolean; line: number; column: number }[] {
    return mathTokens(this.parse(text)).map((t) => {
      const meta = t.meta as unknown as MathMeta;
      // A formula the scanner does not read keeps markdown-it's own view, so a disagreement shows.
      if (!meta.src) return { tex: meta.tex, display: meta.display, ...meta.start };
      return { tex: meta.src.text, display: meta.display, ...filePos(meta.src, 0) };
    });
  }

  render(text: string, options: RenderOptions): RenderedDocument {
    const ctx: Context = {
      options,
      derivations: new Map((options.derivations ?? []).map((d) => [d.line, d])),
      experiments: new Map((options.experiments ?? []).map((e) => [e.line, e])),
      running: new Set(options.running ?? []),
      math: this.math,
    };
    const env: Env = { lineStarts: [], sw: ctx };
    const tokens = this.parse(text);
    const problems: RenderProblem[] = [];

    // Steps are wrapped first: their positions refer to the TeX as written.
    const formulas = mathTokens(tokens).filter((t) => (t.meta as unknown as FormulaMeta).src);
    const metas = formulas.map((t) => t.meta as unknown as FormulaMeta & { src: TexSource });
    const wrapped = metas.map((m) => {
      const result =
        options.marks && m.derivation && m.blockLine !== undefined
          ? ctx.derivations.get(m.blockLine)
          : undefined;
      m.placed = undefined;
      m.marks = undefined;
      if (!result) return m.src.text;
      const w = wrapSteps(m.src, result.steps, this.markKey);
      m.marks = w.marks;
      return w.tex;
    });
    const numbering = numberEquations(
      metas.map((m, i) => ({ tex: wrapped[i] ?? m.src.text, display: m.display })),
    );
    for (const p of numbering.problems) {
      const m = metas[p.index];
      if (m) problems.push({ ...filePos(m.src, p.offset < 0 ? undefined : p.offset), message: p.message });
    }

    this.math.begin(options.macros);
    metas.forEach((m, i) => {
      const source = m.src.text;
      const tex = numbering.texs[i] ?? source;
      m.anchors = numbering.anchors[i];
      const out = this.math.render(tex, m.display, new Set(m.marks?.keys()));
      if (out.ok && m.marks) {
        const sealed = sealMarks(out.html, m.marks, source, options.secret);
        m.placed = sealed.placed;
        m.out = { ok: true, html: sealed.html };
      } else m.out = out;
      if (!m.out.ok) {
        // "Unexpected end of input" points past the closing line: show it at the end of the formula instead.
        const end = source.trimEnd().length;
        const offset = m.out.offset === undefined ? undefined : Math.min(m.out.offset, end);
        problems.push({ ...filePos(m.src, tex === source ? offset : undefined), message: m.out.message });
      }
    });
    const katexCalls = this.math.rendered;
    const blocks = this.blocks(tokens, env);
    this.math.end();
    return { blocks, problems, formulas: formulas.length, katexCalls };
  }

  /** Splits the token stream at top level and renders each block on its own. */
  private blocks(tokens: Token[], env: Env): RenderedBlock[] {
    const blocks: RenderedBlock[] = [];
    let i = 0;
    while (i < tokens.length) {
      const first = tokens[i] as Token;
      let j = i;
      if (first.nesting === 1) {
        while (
          j < tokens.length - 1 &&
          !((tokens[j] as Token).level === first.level && (tokens[j] as Token).nesting === -1)
        )
          j++;
      }
      const start = first.map?.[0] ?? blocks[blocks.length - 1]?.endLine ?? 0;
      const end = first.map?.[1] ?? start + 1;
      for (let k = i; k <= j; k++) {
        const t = tokens[k] as Token;
        if (t.map && t.block && t.nesting !== -1) t.attrSet('data-rel-line', String(t.map[0] - start));
      }
      const slice = tokens.slice(i, j + 1);
      const html = this.md.renderer.render(slice, this.md.options, env);
      blocks.push({
        html,
        line: start,
        endLine: end,
        raw: !env.sw.options.sanitizeRaw && hasRaw(tokens, i, j),
      });
      i = j + 1;
    }
    return blocks;
  }
}
