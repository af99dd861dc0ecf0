// The Markdown scanner: finds math, declaration comments, experiment fences and headings with exact file
// positions, in one linear pass. It is not a full CommonMark parser: it strips container prefixes
// (block-quote markers and indentation of lists and admonitions) and then reads a "content stream" in
// which every character keeps its place in the file, so positions survive any nesting.
// Deliberate simplifications: indentation never makes an indented code block (homework indents math
// under list items and admonitions far more often than it indents code), and a line with fewer `>`
// markers ends a block quote (no lazy continuation).
import type { Diagnostic } from '../types';
import { floorIndex, type MdBlock, type ScanResult, type TexLine, type TexSource } from './types';

/** One physical line of the file, split into its container prefix and its content. */
interface LineInfo {
  /** Block-quote depth (number of `>` markers). */
  depth: number;
  /** Index in the raw line just after the quote markers (before indentation). */
  quoteEnd: number;
  /** Index in the raw line where the content starts (after quote markers and indentation). */
  contentStart: number;
  raw: string;
  content: string;
}

const FENCE = /^(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(`{3,}|~{3,})[ \t]*(.*)$/;
const HEADING = /^(#{1,6})(?:[ \t]|$)/;

/** An ATX heading's text without its optional closing `#` sequence. */
function headingText(content: string, level: number): string {
  const t = content.slice(level).trim();
  return t.replace(/(?:^|[ \t]+)#+$/, '').trim();
}

function splitLine(raw: string): LineInfo {
  let i = 0;
  let depth = 0;
  let quoteEnd = 0;
  for (;;) {
    let j = i;
    while (j < raw.length && (raw[j] === ' ' || raw[j] === '\t')) j++;
    if (raw[j] !== '>') break;
    depth++;
    j++;
    if (raw[j] === ' ') j++;
    i = j;
    quoteEnd = j;
  }
  let c = quoteEnd;
  while (c < raw.length && (raw[c] === ' ' || raw[c] === '\t')) c++;
  return { depth, quoteEnd, contentStart: c, raw, content: raw.slice(c) };
}

/** Counts the backslashes just before `at` in `s`: an odd count escapes the character at `at`. */
function escaped(s: string, at: number, from: number): boolean {
  let k = 0;
  for (let j = at - 1; j >= from && s.charCodeAt(j) === 92; j--) k++;
  return k % 2 === 1;
}

/** `s.indexOf(needle, from)` that gives up at `limit`, so failed searches stay local (linear time). */
function indexBefore(s: string, needle: string, from: number, limit: number): number {
  const first = needle.charCodeAt(0);
  const last = Math.min(limit, s.length) - needle.length;
  for (let k = from; k <= last; k++) {
    if (s.charCodeAt(k) === first && s.startsWith(needle, k)) return k;
  }
  return -1;
}

/**
 * Scans Markdown text for math, declarations, experiments and headings, with 1-based positions.
 * `atRest` is told each 0-based blank line the scan reaches between blocks. There the scan holds no state
 * and has read nothing past that line, so what it finds after it depends only on the text from that line
 * on: the preview re-scans an edit from such a line (src/render/rescan.ts). Returning true stops the scan.
 */
export function scanMarkdown(text: string, atRest?: (line: number) => boolean): ScanResult {
  const raws = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const info = raws.map(splitLine);
  const lineStart: number[] = [];
  let acc = 0;
  for (const l of info) {
    lineStart.push(acc);
    acc += l.content.length + 1;
  }
  const S = info.map((l) => l.content).join('\n');
  const n = info.length;
  const blocks: MdBlock[] = [];
  const diagnostics: Diagnostic[] = [];

  const lineAt = (p: number): number => floorIndex(n, (i) => lineStart[i] ?? Infinity, p);
  const lineEnd = (i: number): number => (lineStart[i] ?? 0) + (info[i]?.content.length ?? 0);
  const isBlank = (i: number): boolean => (info[i]?.content.trim() ?? '') === '';
  const depthOf = (i: number): number => info[i]?.depth ?? -1;
  const isFenceLine = (i: number): boolean => FENCE.test(info[i]?.content ?? '');

  /** Extracted TeX of stream range [a, b) with the map back to file lines and columns. */
  const tex = (a: number, b: number): TexSource => {
    const first = lineAt(a);
    const lines: TexLine[] = [
      {
        offset: 0,
        line: first + 1,
        column: (info[first]?.contentStart ?? 0) + (a - (lineStart[first] ?? 0)) + 1,
      },
    ];
    let i = first;
    for (let k = S.indexOf('\n', a); k !== -1 && k < b; k = S.indexOf('\n', k + 1)) {
      i++;
      lines.push({ offset: k + 1 - a, line: i + 1, column: (info[i]?.contentStart ?? 0) + 1 });
    }
    return { text: S.slice(a, b), lines };
  };
  const colOf = (p: number): number => {
    const i = lineAt(p);
    return (info[i]?.contentStart ?? 0) + (p - (lineStart[i] ?? 0)) + 1;
  };
  const warn = (p: number, message: string): void => {
    diagnostics.push({ line: lineAt(p) + 1, column: colOf(p), severity: 'warning', message });
  };

  /** End (offset of the closing newline, or S.length) of the paragraph starting at line `i`. */
  const paragraphEnd = (i: number, heading: boolean): number => {
    if (heading) return lineEnd(i);
    let j = i;
    while (j + 1 < n) {
      const next = info[j + 1];
      if (!next || isBlank(j + 1) || next.depth !== depthOf(i)) break;
      if (FENCE.test(next.content) || HEADING.test(next.content)) break;
      j++;
    }
    return lineEnd(j);
  };

  /** Finds an unescaped `$$` from stream offset `from` within its paragraph and container. */
  const findDisplayClose = (from: number, depth: number): number => {
    let i = lineAt(from);
    let start = from;
    // TeX itself rejects a paragraph break inside display math, so a blank line ends the search: one
    // missing `$$` then costs one warning instead of swapping math and prose for the rest of the file.
    const first = i;
    while (i < n && depthOf(i) === depth && (i === first || (!isBlank(i) && !isFenceLine(i)))) {
      const end = lineEnd(i);
      let k = indexBefore(S, '$$', start, end);
      while (k !== -1 && escaped(S, k, lineStart[i] ?? 0)) k = indexBefore(S, '$$', k + 1, end);
      if (k !== -1) return k;
      i++;
      start = lineStart[i] ?? S.length;
    }
    return -1;
  };

  /** End of an unclosed display block: the next blank line, code fence or end of its container. */
  const unclosedEnd = (from: number, depth: number): number => {
    let i = lineAt(from);
    while (i + 1 < n && depthOf(i + 1) === depth && !isBlank(i + 1) && !isFenceLine(i + 1)) i++;
    return lineEnd(i);
  };

  /** Handles a fence opening at line `i`; returns the line after the block. */
  const fence = (i: number, m: RegExpExecArray): number => {
    const open = info[i] as LineInfo;
    const marker = m[1] ?? '```';
    const infoString = (m[2] ?? '').trim();
    if (marker[0] === '`' && infoString.includes('`')) return -1; // not a fence: an inline code span
    const word = infoString.split(/[\s{]/)[0] ?? '';
    let j = i + 1;
    let closed = false;
    while (j < n) {
      const l = info[j] as LineInfo;
      if (l.depth < open.depth) break;
      const t = l.content.trimEnd();
      if (t.length >= marker.length && /^(`+|~+)$/.test(t) && t[0] === marker[0]) {
        closed = true;
        break;
      }
      j++;
    }
    const endLine = closed ? j : j - 1; // 0-based line of the closing fence or of the last body line
    const bodyEnd = j; // exclusive
    if (word === 'math') {
      const a = lineStart[i + 1] ?? S.length;
      const b = bodyEnd > i + 1 ? lineEnd(bodyEnd - 1) : a;
      blocks.push({
        kind: 'display',
        delimiter: 'math-fence',
        tex: tex(Math.min(a, S.length), Math.min(b, S.length)),
        line: i + 1,
        endLine: endLine + 1,
      });
      if (!closed) warn(lineStart[i] ?? 0, 'unclosed ```math fence: it runs to the end of its container');
    } else if (word === 'experiment') {
      const indent = open.contentStart - open.quoteEnd + open.content.indexOf(marker);
      const code: string[] = [];
      for (let k = i + 1; k < bodyEnd; k++) {
        const l = info[k] as LineInfo;
        let s = l.quoteEnd;
        while (s < l.raw.length && s - l.quoteEnd < indent && (l.raw[s] === ' ' || l.raw[s] === '\t')) s++;
        code.push(l.raw.slice(s));
      }
      const title = /^experiment\s+(?:"([^"]*)"|'([^']*)')/.exec(infoString);
      const t = title?.[1] ?? title?.[2];
      blocks.push({
        kind: 'experiment',
        ...(t !== undefined ? { title: t } : {}),
        code: code.join('\n'),
        codeLine: i + 2,
        line: i + 1,
        endLine: endLine + 1,
      });
      if (!closed)
        warn(lineStart[i] ?? 0, 'unclosed ```experiment fence: it runs to the end of its container');
    }
    return closed ? j + 1 : j;
  };

  let p = 0;
  let paraEnd = -1;
  // Searches that failed in this paragraph: a later opener of the same kind would fail too (keeps it linear).
  let failedTicks = new Set<number>();
  let failedBracket = new Set<string>();
  while (p < S.length) {
    if (p > paraEnd) {
      const i = lineAt(p);
      const atStart = p === lineStart[i];
      if (atStart && isBlank(i)) {
        if (atRest?.(i)) break;
        p = lineEnd(i) + 1;
        continue;
      }
      const content = info[i]?.content ?? '';
      const f = atStart ? FENCE.exec(content) : null;
      if (f) {
        const next = fence(i, f);
        if (next >= 0) {
          p = next < n ? (lineStart[next] ?? S.length) : S.length;
          continue;
        }
      }
      const h = atStart ? HEADING.exec(content) : null;
      if (h) {
        const level = h[1]?.length ?? 1;
        blocks.push({ kind: 'heading', level, text: headingText(content, level), line: i + 1 });
      }
      paraEnd = paragraphEnd(i, h !== null);
      failedTicks = new Set();
      failedBracket = new Set();
    }
    const c = S.charCodeAt(p);
    if (c === 92 /* \ */) {
      // `\[ … \]` is display math and `\( … \)` inline math when closed in the same paragraph;
      // otherwise they are Markdown escapes of a bracket.
      const open = S[p + 1];
      if ((open === '[' || open === '(') && !failedBracket.has(open)) {
        const close = open === '[' ? '\\]' : '\\)';
        let k = indexBefore(S, close, p + 2, paraEnd);
        while (k !== -1 && escaped(S, k, p + 2)) k = indexBefore(S, close, k + 1, paraEnd);
        if (k !== -1) {
          const at = { tex: tex(p + 2, k), line: lineAt(p) + 1, endLine: lineAt(k) + 1 };
          blocks.push(
            open === '[' ? { kind: 'display', delimiter: '\\[', ...at } : { kind: 'inline', ...at },
          );
          p = k + 2;
          continue;
        }
        failedBracket.add(open);
      }
      p += 2;
      continue;
    }
    if (c === 96 /* ` */) {
      let k = p;
      while (S.charCodeAt(k) === 96) k++;
      const len = k - p;
      if (!failedTicks.has(len)) {
        let q = k;
        for (;;) {
          const r = indexBefore(S, '`', q, paraEnd);
          if (r === -1) {
            failedTicks.add(len);
            break;
          }
          let e = r;
          while (S.charCodeAt(e) === 96) e++;
          if (e - r === len) {
            k = e;
            break;
          }
          q = e;
        }
      }
      p = k;
      continue;
    }
    if (c === 60 /* < */ && S.startsWith('<!--', p)) {
      const close = S.indexOf('-->', p + 4);
      const end = close === -1 ? S.length : close;
      const let_ = /^<!--[ \t]*let(?=\s|-->|$)/.exec(S.slice(p, Math.min(S.length, p + 16)));
      if (let_) {
        blocks.push({
          kind: 'declarations',
          body: tex(p + let_[0].length, end),
          line: lineAt(p) + 1,
          endLine: lineAt(end) + 1,
        });
      }
      if (close === -1) warn(p, 'unclosed HTML comment: it runs to the end of the file');
      p = close === -1 ? S.length : close + 3;
      continue;
    }
    if (c === 36 /* $ */) {
      const depth = depthOf(lineAt(p));
      if (S.charCodeAt(p + 1) === 36) {
        const close = findDisplayClose(p + 2, depth);
        if (close !== -1) {
          blocks.push({
            kind: 'display',
            delimiter: '$$',
            tex: tex(p + 2, close),
            line: lineAt(p) + 1,
            endLine: lineAt(close) + 1,
          });
          p = close + 2;
        } else {
          const end = unclosedEnd(p, depth);
          blocks.push({
            kind: 'display',
            delimiter: '$$',
            tex: tex(p + 2, Math.max(p + 2, end)),
            line: lineAt(p) + 1,
            endLine: lineAt(end) + 1,
          });
          warn(p, 'unclosed $$: the display block is taken to end at the next blank line');
          p = Math.max(p + 2, end);
        }
        continue;
      }
      // Inline math, with markdown-it-katex's rules so that "$5 and $6" stays prose.
      const next = S.charCodeAt(p + 1);
      if (p + 1 < paraEnd && next !== 32 && next !== 9 && next !== 10) {
        // A backtick before the closing `$` means a code span would cut the formula: not math.
        let k = p + 1;
        while (k < paraEnd) {
          const ch = S.charCodeAt(k);
          if (ch === 96 || (ch === 36 && !escaped(S, k, p + 1))) break;
          k++;
        }
        if (k < paraEnd && S.charCodeAt(k) === 36) {
          const before = S.charCodeAt(k - 1);
          const after = S.charCodeAt(k + 1);
          const canClose = before !== 32 && before !== 9 && before !== 10 && !(after >= 48 && after <= 57);
          if (canClose && k > p + 1) {
            blocks.push({ kind: 'inline', tex: tex(p + 1, k), line: lineAt(p) + 1, endLine: lineAt(k) + 1 });
            p = k + 1;
            continue;
          }
        }
      }
      p += 1;
      continue;
    }
    p += 1;
  }
  return { blocks, diagnostics };
}
