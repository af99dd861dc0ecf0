// Vector and matrix values in the hover, aligned in monospace. VS Code's hovers render Markdown without
// math (no `$…$`: that is only in the Markdown preview and notebooks), so a counterexample's matrices are
// drawn with bracket glyphs in a code block, their columns aligned, and each entry where the two sides
// differ marked with `*`, as the preview colours it. No `vscode` import: unit-tested in Node.
import { differingEntries, formatNumber, rowsOf, type SampleValue, shapeWords } from '../core';

/** Sides wider than this (in characters) are stacked instead of set side by side. */
const sideBySideWidth = 72;

/** A matrix or a column vector as lines: `⎡ 1  2 ⎤` / `⎣ 3  4 ⎦`, entries right-aligned per column. */
function matrixLines(rows: number[][], marked?: (i: number, j: number) => boolean): string[] {
  // With marks, every entry keeps a column for its `*` so that the numbers stay aligned.
  const cells = rows.map((row, i) =>
    row.map((x, j) => `${formatNumber(x)}${marked ? (marked(i, j) ? '*' : ' ') : ''}`),
  );
  const width = (j: number) => Math.max(...cells.map((r) => r[j]?.length ?? 0));
  const body = cells.map((r) => r.map((c, j) => c.padStart(width(j))).join('  '));
  if (body.length === 1) return [`[ ${body[0]} ]`];
  return body.map((line, i) => {
    const [l, r] = i === 0 ? ['⎡', '⎤'] : i === body.length - 1 ? ['⎣', '⎦'] : ['⎢', '⎥'];
    return `${l} ${line} ${r}`;
  });
}

/** Lines of `name = value` for an array value, or undefined for a scalar or a ragged array. */
export function arrayLines(name: string, v: SampleValue): string[] | undefined {
  const rows = rowsOf(v);
  if (!rows || rows.length === 0) return undefined;
  const m = matrixLines(rows);
  const mid = Math.floor((m.length - 1) / 2);
  const pad = ' '.repeat(name.length + 3);
  return m.map((line, i) => (i === mid ? `${name} = ${line}` : `${pad}${line}`));
}

/**
 * The two sides of a refuted step, when either is an array: aligned matrices with the differing entries
 * starred, side by side when they fit; a shape mismatch in words. Undefined when both are scalars.
 */
export function sidesBlock(lhs: SampleValue, rhs: SampleValue, glyph: string): string[] | undefined {
  if (typeof lhs === 'number' && typeof rhs === 'number') return undefined;
  const same = differingEntries(lhs, rhs);
  if (!same) {
    const shapes = `the left side is ${shapeWords(lhs)}, the right side ${shapeWords(rhs)}`;
    const a = arrayLines('left', lhs) ?? [`left = ${formatNumber(lhs as number)}`];
    const b = arrayLines('right', rhs) ?? [`right = ${formatNumber(rhs as number)}`];
    return [shapes, '', ...a, '', ...b];
  }
  const isDiffer = (i: number, j: number) => same.differ.some(([r, c]) => r === i && c === j);
  const a = matrixLines(rowsOf(lhs) ?? [], isDiffer);
  const b = matrixLines(rowsOf(rhs) ?? [], isDiffer);
  const note = `* where the sides differ (${same.differ.length} ${same.differ.length === 1 ? 'entry' : 'entries'})`;
  const wa = Math.max(...a.map((l) => l.length), 'left'.length);
  if (wa + (b[0]?.length ?? 0) + glyph.length + 4 > sideBySideWidth)
    return ['left', ...a, '', glyph, '', 'right', ...b, '', note];
  const mid = Math.floor((a.length - 1) / 2);
  const gap = ' '.repeat(glyph.length + 4);
  const lines = a.map((l, i) => `${l.padEnd(wa)}${i === mid ? `  ${glyph}  ` : gap}${b[i] ?? ''}`);
  return [`${'left'.padEnd(wa)}${gap}right`, ...lines, '', note];
}
