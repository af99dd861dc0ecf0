// What the Markdown scanner finds. Math text keeps a map back to the file so that an error at any
// character of a formula (even one indented inside a list or a block quote) points at the right column.
import type { Diagnostic, Pos } from '../types';

/** Where one line of extracted TeX starts: its offset in `text` and that character's place in the file. */
export interface TexLine {
  offset: number;
  line: number;
  column: number;
}

/** Extracted TeX (container prefixes such as `> ` or list indentation removed) with its position map. */
export interface TexSource {
  text: string;
  lines: TexLine[];
}

export type DisplayDelimiter = '$$' | '\\[' | 'math-fence';

export type MdBlock =
  | { kind: 'display'; delimiter: DisplayDelimiter; tex: TexSource; line: number; endLine: number }
  | { kind: 'inline'; tex: TexSource; line: number; endLine: number }
  /** `<!-- let … -->`: one declaration a line. */
  | { kind: 'declarations'; body: TexSource; line: number; endLine: number }
  /** ```` ```experiment "title" ````: `code` is the body; `codeLine` the file line of its first line. */
  | { kind: 'experiment'; title?: string; code: string; codeLine: number; line: number; endLine: number }
  | { kind: 'heading'; level: number; text: string; line: number };

export interface ScanResult {
  /** In document order (by start position). */
  blocks: MdBlock[];
  /** Problems of the Markdown itself (an unclosed `$$`, fence or comment), with 1-based positions. */
  diagnostics?: Diagnostic[];
}

/**
 * The last index `i` in `[0, count)` with `keyAt(i) <= value` (0 when none): the one binary search behind
 * every offset → line lookup (the scanner's lines, a formula's lines).
 */
export function floorIndex(count: number, keyAt: (i: number) => number, value: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (keyAt(mid) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The file position of an offset into extracted TeX. */
export function texPos(src: TexSource, offset: number): Pos {
  const l = src.lines[floorIndex(src.lines.length, (i) => src.lines[i]?.offset ?? Infinity, offset)];
  if (!l) return { line: 1, column: 1 };
  return { line: l.line, column: l.column + (offset - l.offset) };
}

/** The offset into extracted TeX of a file position (the inverse of `texPos`), or undefined outside it. */
export function texOffset(src: TexSource, pos: Pos): number | undefined {
  const k = src.lines.findIndex((l) => l.line === pos.line);
  const l = src.lines[k];
  if (!l || pos.column < l.column) return undefined;
  const offset = l.offset + (pos.column - l.column);
  const end = src.lines[k + 1]?.offset ?? src.text.length + 1;
  return offset < end ? offset : undefined;
}
