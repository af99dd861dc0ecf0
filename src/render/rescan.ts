// The core scanner, re-run after an edit only over the lines the edit can change. The scanner tells the
// blank lines where it is at rest (no state, nothing read beyond them): from such a line, its output depends
// only on the text from there on. So a re-scan starts at the last rest line before the edit and stops at the
// first rest line inside the unchanged end of the text that was also a rest line before; the blocks before
// and after are the previous scan's, moved by the lines the edit added or removed. The result equals
// `scanMarkdown(text).blocks` (a test checks it on many edits); diagnostics are not kept.
import { type MdBlock, scanMarkdown, type TexSource } from '../core';

interface Scan {
  text: string;
  blocks: MdBlock[];
  /** 0-based rest lines, ascending. */
  rest: number[];
  /** Offset of each line's first character. */
  lineStarts: number[];
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

// Compared a block at a time first: comparing strings of a block is a memory compare, where a loop over
// characters would cost as much as a good part of the re-scan it saves.
const BLOCK = 256;

/** The length of the longest common prefix of `a` and `b`. */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  while (n + BLOCK <= max && a.slice(n, n + BLOCK) === b.slice(n, n + BLOCK)) n += BLOCK;
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** The length of the longest common suffix of `a` and `b`, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let n = 0;
  while (
    n + BLOCK <= max &&
    a.slice(a.length - n - BLOCK, a.length - n) === b.slice(b.length - n - BLOCK, b.length - n)
  )
    n += BLOCK;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

function shiftTex(tex: TexSource, delta: number): TexSource {
  return { text: tex.text, lines: tex.lines.map((l) => ({ ...l, line: l.line + delta })) };
}

/** A copy of `b` moved by `delta` lines (the cached block itself when `delta` is 0). */
function shiftBlock(b: MdBlock, delta: number): MdBlock {
  if (delta === 0) return b;
  switch (b.kind) {
    case 'display':
    case 'inline':
      return { ...b, tex: shiftTex(b.tex, delta), line: b.line + delta, endLine: b.endLine + delta };
    case 'declarations':
      return { ...b, body: shiftTex(b.body, delta), line: b.line + delta, endLine: b.endLine + delta };
    case 'experiment':
      return {
        ...b,
        codeLine: b.codeLine + delta,
        line: b.line + delta,
        endLine: b.endLine + delta,
      };
    case 'heading':
      return { ...b, line: b.line + delta };
  }
}

/** Scans one document after another, re-reading only around each edit. Keep one per document. */
export class Rescanner {
  private last: Scan | undefined;
  /** Lines the last call scanned (the whole document when it had to); for tests. */
  scannedLines = 0;

  blocks(text: string): MdBlock[] {
    const last = this.last;
    if (last?.text === text) {
      this.scannedLines = 0;
      return last.blocks;
    }
    const next = last ? this.rescan(last, text) : this.full(text);
    this.last = next;
    return next.blocks;
  }

  private full(text: string): Scan {
    const rest: number[] = [];
    const blocks = scanMarkdown(text, (line) => {
      rest.push(line);
      return false;
    }).blocks;
    const lineStarts = lineStartsOf(text);
    this.scannedLines = lineStarts.length;
    return { text, blocks, rest, lineStarts };
  }

  private rescan(last: Scan, text: string): Scan {
    const old = last.text;
    const prefix = commonPrefix(old, text);
    const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
    // Start: the last rest line that ends (its newline included) before the first changed character; the
    // start of the text is at rest too.
    let k = last.rest.length - 1;
    while (k >= 0 && (last.lineStarts[(last.rest[k] as number) + 1] ?? Infinity) > prefix) k--;
    const from = k >= 0 ? (last.rest[k] as number) : 0;
    const start = last.lineStarts[from] as number;
    const lineStarts = [
      ...last.lineStarts.slice(0, from),
      ...lineStartsOf(text.slice(start)).map((s) => s + start),
    ];
    const delta = lineStarts.length - last.lineStarts.length;
    const oldRest = new Set(last.rest);
    // Stop: a line whose text to the end (and the newline before it) is unchanged and that was at rest before.
    const unchangedFrom = text.length - suffix;
    const canStop = (line: number): boolean =>
      line > from && (lineStarts[line] as number) > unchangedFrom && oldRest.has(line - delta);
    const attempt = (end: number | undefined) => {
      const rest: number[] = [];
      let stop: number | undefined;
      const found = scanMarkdown(text.slice(start, end), (rel) => {
        const line = rel + from;
        rest.push(line);
        if (!canStop(line)) return false;
        stop = line;
        return true;
      }).blocks;
      return { found, rest, stop };
    };
    // Most edits leave the scan at rest at the first line where it may stop, so scan up to that line first
    // (what comes before a rest line never depends on what follows it); if it does not stop there, scan on.
    const first = last.rest.map((r) => r + delta).find(canStop);
    let run = first === undefined ? undefined : attempt(lineStarts[first + 1]);
    if (run?.stop === undefined) run = attempt(undefined);
    const { found, stop } = run;
    const blocks = last.blocks.filter((b) => b.line - 1 < from);
    for (const b of found) blocks.push(shiftBlock(b, from));
    const rest = [...last.rest.slice(0, Math.max(k, 0)), ...run.rest];
    if (stop !== undefined) {
      const oldStop = stop - delta;
      for (const b of last.blocks) if (b.line - 1 > oldStop) blocks.push(shiftBlock(b, delta));
      for (const r of last.rest) if (r > oldStop) rest.push(r + delta);
    }
    this.scannedLines = (stop ?? lineStarts.length) - from;
    return { text, blocks, rest, lineStarts };
  }
}
