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

/** The file position of an offset into extracted TeX. */
export function texPos(src: TexSource, offset: number): Pos {
  let lo = 0;
  let hi = src.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((src.lines[mid]?.offset ?? Infinity) <= offset) lo = mid;
    else hi = mid - 1;
  }
  const l = src.lines[lo];
  if (!l) return { line: 1, column: 1 };
  return { line: l.line, column: l.column + (offset - l.offset) };
}
