// markdown-it rules for math: `$…$`, `\(…\)` inline; `$$…$$` and `\[…\]` as blocks (also indented inside
// lists, block quotes and admonitions) or inline; ```` ```math ```` fences. Each math token carries where every
// line of its TeX starts in the file, so a KaTeX error or a verification step maps back to a column.
import type { MarkdownIt, StateBlock, StateCore, StateInline, Token } from 'markdown-it';

type RuleInline = (state: StateInline, silent: boolean) => boolean;

/** Where one line of a formula's TeX starts: offset in the TeX, 0-based line and column in the file. */
export interface TexLineStart {
  offset: number;
  line: number;
  column: number;
}

export type MathMeta = {
  tex: string;
  display: boolean;
  lines: TexLineStart[];
  /** 0-based line of the opening delimiter: derivation results are keyed by it (1-based there). */
  openLine: number;
};

/** Per-parse data the rules share, kept in markdown-it's `env`. */
export type RenderEnv = {
  /** Offsets in the source of each line's first character. */
  lineStarts: number[];
};

export function lineStartsOf(src: string): number[] {
  const starts = [0];
  for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOfOffset(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? Infinity) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const closers: Record<string, string> = { $$: '$$', '\\[': '\\]' };

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const env = state.env as unknown as RenderEnv;
  const start = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  const max = state.eMarks[startLine] ?? 0;
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
  // A lazy continuation line of a paragraph in a list item or quote stays in that paragraph (its `$$…$$`
  // is then inline display math), as on GitHub: interrupting would end the list and turn the rest of the
  // item into an indented code block.
  if (silent && (state.sCount[startLine] ?? 0) < state.blkIndent) return false;
  const open = state.src.slice(start, start + 2);
  const close = closers[open];
  if (!close) return false;
  const lines: TexLineStart[] = [];
  let tex = '';
  const lineBase = (l: number): number => env.lineStarts[l] ?? 0;
  const push = (text: string, pos: number, line: number): void => {
    if (lines.length > 0) tex += '\n';
    lines.push({ offset: tex.length, line, column: pos - lineBase(line) });
    tex += text;
  };
  // The closing delimiter must end its line; `$$a$$ text` is left to the inline rule.
  const first = state.src.slice(start + 2, max);
  let end = -1;
  const sameLine = first.indexOf(close);
  if (sameLine !== -1) {
    if (first.slice(sameLine + 2).trim() !== '') return false;
    push(first.slice(0, sameLine), start + 2, startLine);
    end = startLine;
  } else {
    push(first, start + 2, startLine);
    for (let line = startLine + 1; line < endLine; line++) {
      const pos = (state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0);
      const lineMax = state.eMarks[line] ?? 0;
      // Leaving the container (a list item, a quote) before the closer: not a math block.
      if (pos < lineMax && (state.sCount[line] ?? 0) < state.blkIndent) break;
      const text = state.src.slice(pos, lineMax);
      const at = text.indexOf(close);
      if (at !== -1) {
        if (text.slice(at + 2).trim() !== '') break;
        push(text.slice(0, at), pos, line);
        end = line;
        break;
      }
      push(text, pos, line);
    }
  }
  if (end === -1) return false; // unterminated (often while typing): leave it as text
  if (silent) return true;
  const token = state.push('math_block', 'div', 0);
  token.block = true;
  token.map = [startLine, end + 1];
  token.markup = open;
  token.meta = { tex, display: true, lines, openLine: startLine } satisfies MathMeta;
  state.line = end + 1;
  return true;
}

/** `$` may open inline math unless followed by a space; it may close unless preceded by one or followed by a digit. */
function mathInline(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const pos = state.pos;
  const ch = src.charCodeAt(pos);
  let open: string;
  let close: string;
  let display: boolean;
  if (ch === 0x24 /* $ */) {
    if (src.charCodeAt(pos + 1) === 0x24) {
      open = '$$';
      close = '$$';
      display = true;
    } else {
      open = '$';
      close = '$';
      display = false;
    }
  } else if (ch === 0x5c /* \ */) {
    const next = src[pos + 1];
    if (next === '(') [open, close, display] = ['\\(', '\\)', false];
    else if (next === '[') [open, close, display] = ['\\[', '\\]', true];
    else return false;
  } else return false;
  const from = pos + open.length;
  if (open === '$') {
    const c = src[from];
    if (c === undefined || c === ' ' || c === '\t' || c === '\n') return false;
  }
  let at = from;
  for (;;) {
    at = src.indexOf(close, at);
    if (at === -1) return false;
    // A backslash-escaped `\$` inside is not a closer.
    let backslashes = 0;
    for (let k = at - 1; k >= from && src[k] === '\\'; k--) backslashes++;
    if (open === '$') {
      const before = src[at - 1];
      const after = src.charCodeAt(at + 1);
      if (
        backslashes % 2 === 1 ||
        before === ' ' ||
        before === '\t' ||
        before === '\n' ||
        (after >= 0x30 && after <= 0x39)
      ) {
        at += 1;
        continue;
      }
    } else if (open === '$$' && backslashes % 2 === 1) {
      at += 1;
      continue;
    }
    break;
  }
  if (at === from) return false;
  if (!silent) {
    const token = state.push(display ? 'math_inline_display' : 'math_inline', 'span', 0);
    token.markup = open;
    token.content = src.slice(from, at);
    // Lines and columns are filled in by the core rule below, which knows the paragraph's place.
    token.meta = { tex: token.content, display, lines: [], openLine: -1, at: from } as MathMeta & {
      at: number;
    };
  }
  state.pos = at + close.length;
  return true;
}

/** Gives inline math its file lines: count newlines inside the paragraph, then find each line's text in the file. */
function placeInlineMath(state: StateCore): void {
  const env = state.env as unknown as RenderEnv;
  const fileLines = state.src.split('\n');
  // Table cells are inline tokens without a map: they take their row's line, and each cell is found in
  // that line after the previous one (cell text is trimmed and never spans lines).
  let row: { line: number; from: number } | undefined;
  for (const block of state.tokens) {
    if (block.type === 'fence' && block.map) placeFence(block, fileLines);
    if (block.type === 'tr_open' && block.map) row = { line: block.map[0], from: 0 };
    if (block.type !== 'inline' || !block.children) continue;
    if (block.map) {
      placeChildren(block.children, 0, block.content, block.map[0], fileLines, env);
    } else if (row) {
      const at = (fileLines[row.line] ?? '').indexOf(block.content, row.from);
      const column = at === -1 ? row.from : at;
      row.from = column + block.content.length;
      placeChildren(block.children, 0, block.content, row.line, fileLines, env, column);
    }
  }
}

/**
 * Places the math among inline tokens whose source starts at `base` in the paragraph's `content`. An image's
 * alt text was parsed again on its own (offsets relative to its label), so it recurses with the label's place.
 */
function placeChildren(
  children: Token[],
  base: number,
  content: string,
  firstLine: number,
  fileLines: string[],
  env: RenderEnv,
  firstColumn = 0,
): void {
  for (const child of children) {
    if (child.type === 'image' && child.children) {
      const labelAt = (child.meta as { labelAt?: unknown } | null)?.labelAt;
      if (typeof labelAt === 'number')
        placeChildren(child.children, base + labelAt, content, firstLine, fileLines, env, firstColumn);
      continue;
    }
    if (child.type !== 'math_inline' && child.type !== 'math_inline_display') continue;
    const meta = child.meta as unknown as MathMeta & { at: number };
    const before = content.slice(0, base + meta.at);
    const line = firstLine + countNewlines(before);
    meta.openLine = line;
    const newline = before.lastIndexOf('\n');
    const startCol = before.length - newline - 1 + (newline === -1 ? firstColumn : 0);
    meta.lines = texLinesIn(meta.tex, line, fileLines, startCol, env, child.markup);
  }
}

/** Where closing delimiters of inline math are, by opening one (for text renderings such as alt text). */
const inlineClosers: Record<string, string> = { $: '$', $$: '$$', '\\(': '\\)', '\\[': '\\]' };

/**
 * markdown-it parses an image's label on its own and keeps no position: remember where the label starts
 * (relative to the text being parsed), so that math in alt text gets its real line and column.
 */
function recordImageLabels(md: MarkdownIt): void {
  const rules = (md.inline.ruler as unknown as { __rules__?: { name: string; fn: RuleInline }[] }).__rules__;
  const image = rules?.find((r) => r.name === 'image')?.fn;
  if (!image) return;
  md.inline.ruler.at('image', (state, silent) => {
    const pos = state.pos;
    if (!image(state, silent)) return false;
    const token = state.tokens[state.tokens.length - 1];
    if (!silent && token?.type === 'image') token.meta = { ...(token.meta ?? {}), labelAt: pos + 2 };
    return true;
  });
}

/** Alt text (and other text renderings) keeps a formula's source with its delimiters instead of dropping it. */
function mathAsText(md: MarkdownIt): void {
  const renderer = md.renderer;
  const asText = renderer.renderInlineAsText.bind(renderer);
  renderer.renderInlineAsText = (tokens, options, env) =>
    tokens
      .map((t) =>
        t.type === 'math_inline' || t.type === 'math_inline_display'
          ? `${t.markup}${t.content}${inlineClosers[t.markup] ?? t.markup}`
          : asText([t], options, env),
      )
      .join('');
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Columns by search: paragraph text has its container prefixes removed, the file line has them, so the
 * first line is searched from its column in the paragraph on, with its opening delimiter (`$f$` must not
 * match the `f` of a word before it).
 */
function texLinesIn(
  tex: string,
  firstLine: number,
  fileLines: string[],
  hint: number,
  _env: RenderEnv,
  opener = '',
): TexLineStart[] {
  const out: TexLineStart[] = [];
  let offset = 0;
  tex.split('\n').forEach((text, k) => {
    const line = firstLine + k;
    const file = fileLines[line] ?? '';
    const delimited =
      k === 0 && opener !== '' && text !== ''
        ? file.indexOf(opener + text, Math.max(0, Math.min(hint, file.length) - opener.length))
        : -1;
    const found =
      delimited !== -1
        ? delimited + opener.length
        : text === ''
          ? -1
          : file.indexOf(text, k === 0 ? Math.min(hint, file.length) : 0);
    const again = found === -1 && text !== '' ? file.indexOf(text) : found;
    out.push({ offset, line, column: again === -1 ? (k === 0 ? hint : 0) : again });
    offset += text.length + 1;
  });
  return out;
}

/** ```` ```math ```` fences become display math; ```` ```experiment ```` fences keep their type for the renderer. */
function placeFence(token: Token, fileLines: string[]): void {
  const info = token.info.trim().split(/\s+/)[0] ?? '';
  if (info !== 'math' || !token.map) return;
  const tex = token.content.replace(/\n$/, '');
  token.type = 'math_block';
  token.meta = {
    tex,
    display: true,
    lines: texLinesIn(tex, token.map[0] + 1, fileLines, 0, { lineStarts: [] }),
    openLine: token.map[0],
  } satisfies MathMeta;
}

/** Installs the math rules; token types: `math_block`, `math_inline`, `math_inline_display`. */
export function mathPlugin(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'math_block', mathBlock, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
  md.inline.ruler.before('escape', 'math_inline', mathInline);
  recordImageLabels(md);
  md.core.ruler.push('math_place', placeInlineMath);
  mathAsText(md);
}

/** Math tokens in reading order: blocks, inline math, and math inside image alt text. */
export function mathTokens(tokens: readonly Token[], out: Token[] = []): Token[] {
  for (const t of tokens) {
    if (t.type === 'math_block' || t.type === 'math_inline' || t.type === 'math_inline_display') out.push(t);
    else if (t.children) mathTokens(t.children, out);
  }
  return out;
}

export { lineOfOffset };
