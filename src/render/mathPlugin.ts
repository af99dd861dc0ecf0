// markdown-it rules for math: `$…$`, `\(…\)` inline; `$$…$$` and `\[…\]` as blocks (also indented inside
// lists, block quotes and admonitions) or inline; ```` ```math ```` fences. The rules only find where each
// formula's TeX starts in the file; the renderer then takes the formula itself (its text and position map)
// from the core scanner's span that starts there, so the preview and the verifier read the same math.
import type { MarkdownIt, StateBlock, StateCore, StateInline, Token } from 'markdown-it';
import type { TexSource } from '../core';

type RuleInline = (state: StateInline, silent: boolean) => boolean;

export type MathMeta = {
  /** The TeX as markdown-it delimited it (used only when no scanner span matches). */
  tex: string;
  display: boolean;
  /** 0-based line and column in the file of the TeX's first character (for a fence: of its first line). */
  start: { line: number; column: number };
  /** 0-based line of the opening delimiter. */
  openLine: number;
  /** A ```` ```math ```` fence: matched to the scanner by its opening line. */
  fence?: boolean;
  /** The scanner's span for this formula, attached by the renderer on every pass. */
  src?: TexSource;
  /** 1-based line of the scanner block (the key of its derivation result). */
  blockLine?: number;
  /** The scanner reads it as a display block (a derivation). */
  derivation?: boolean;
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
  const lineBase = (l: number): number => env.lineStarts[l] ?? 0;
  const parts: string[] = [];
  // The closing delimiter must end its line; `$$a$$ text` is left to the inline rule.
  const first = state.src.slice(start + 2, max);
  let end = -1;
  const sameLine = first.indexOf(close);
  if (sameLine !== -1) {
    if (first.slice(sameLine + 2).trim() !== '') return false;
    parts.push(first.slice(0, sameLine));
    end = startLine;
  } else {
    parts.push(first);
    for (let line = startLine + 1; line < endLine; line++) {
      const pos = (state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0);
      const lineMax = state.eMarks[line] ?? 0;
      // Leaving the container (a list item, a quote) before the closer: not a math block.
      if (pos < lineMax && (state.sCount[line] ?? 0) < state.blkIndent) break;
      const text = state.src.slice(pos, lineMax);
      const at = text.indexOf(close);
      if (at !== -1) {
        if (text.slice(at + 2).trim() !== '') break;
        parts.push(text.slice(0, at));
        end = line;
        break;
      }
      parts.push(text);
    }
  }
  if (end === -1) return false; // unterminated (often while typing): leave it as text
  if (silent) return true;
  const token = state.push('math_block', 'div', 0);
  token.block = true;
  token.map = [startLine, end + 1];
  token.markup = open;
  token.meta = {
    tex: parts.join('\n'),
    display: true,
    start: { line: startLine, column: start + 2 - lineBase(startLine) },
    openLine: startLine,
  } satisfies MathMeta;
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
      if (backslashes % 2 === 1) {
        at += 1;
        continue;
      }
      // As the scanner (and markdown-it-katex): only the next unescaped `$` may close, and a code span
      // starting before it wins, so `$5 and $6` stays prose.
      const before = src[at - 1];
      const after = src.charCodeAt(at + 1);
      if (
        src.slice(from, at).includes('`') ||
        before === ' ' ||
        before === '\t' ||
        before === '\n' ||
        (after >= 0x30 && after <= 0x39)
      )
        return false;
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
    token.meta = {
      tex: token.content,
      display,
      start: { line: -1, column: -1 },
      openLine: -1,
      at: from,
    } as MathMeta & { at: number };
  }
  state.pos = at + close.length;
  return true;
}

/** Gives inline math its place in the file: the paragraph's lines are found in the file's lines. */
function placeInlineMath(state: StateCore): void {
  const fileLines = state.src.split('\n');
  // Table cells are inline tokens without a map: they take their row's line, and each cell is found in
  // that line after the previous one (cell text is trimmed and never spans lines).
  let row: { line: number; from: number } | undefined;
  for (const block of state.tokens) {
    if (block.type === 'fence' && block.map) placeFence(block);
    if (block.type === 'tr_open' && block.map) row = { line: block.map[0], from: 0 };
    if (block.type !== 'inline' || !block.children) continue;
    if (block.map) {
      const map = contentColumns(block.content, block.map[0], fileLines);
      placeChildren(block.children, 0, block.content, block.map[0], map);
    } else if (row) {
      const at = (fileLines[row.line] ?? '').indexOf(block.content, row.from);
      const column = at === -1 ? row.from : at;
      row.from = column + block.content.length;
      placeChildren(block.children, 0, block.content, row.line, [column]);
    }
  }
}

/**
 * Where each line of a paragraph's content starts in its file line. markdown-it removes container prefixes
 * (quote markers, list indentation) and trims the paragraph, so each content line is the end of its file
 * line (up to trailing spaces, or a heading's closing `#`s, found by search instead).
 */
function contentColumns(content: string, firstLine: number, fileLines: string[]): number[] {
  return content.split('\n').map((text, k) => {
    const file = fileLines[firstLine + k] ?? '';
    const suffix = file.trimEnd().length - text.trimEnd().length;
    if (suffix >= 0 && file.startsWith(text, suffix)) return suffix;
    const found = file.indexOf(text);
    return found === -1 ? 0 : found;
  });
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
  columns: number[],
): void {
  for (const child of children) {
    if (child.type === 'image' && child.children) {
      const labelAt = (child.meta as { labelAt?: unknown } | null)?.labelAt;
      if (typeof labelAt === 'number')
        placeChildren(child.children, base + labelAt, content, firstLine, columns);
      continue;
    }
    if (child.type !== 'math_inline' && child.type !== 'math_inline_display') continue;
    const meta = child.meta as unknown as MathMeta & { at: number };
    const before = content.slice(0, base + meta.at);
    const k = countNewlines(before);
    const column = before.length - before.lastIndexOf('\n') - 1 + (columns[k] ?? 0);
    meta.openLine = firstLine + k;
    meta.start = { line: firstLine + k, column };
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

/** ```` ```math ```` fences become display math; ```` ```experiment ```` fences keep their type for the renderer. */
function placeFence(token: Token): void {
  const info = token.info.trim().split(/\s+/)[0] ?? '';
  if (info !== 'math' || !token.map) return;
  token.type = 'math_block';
  token.meta = {
    tex: token.content.replace(/\n$/, ''),
    display: true,
    start: { line: token.map[0] + 1, column: 0 },
    openLine: token.map[0],
    fence: true,
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
