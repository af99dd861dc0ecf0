// Vector and matrix values as rows, their shapes in words, and the entries where two of them differ: one
// reading for the preview's typeset counterexamples (render/valueTex.ts) and the hover's aligned ones
// (extension/hoverValues.ts). Light (no imports), so the extension host may load it.
import type { SampleValue } from '../types';

/** Rows of a vector (a column) or a matrix; undefined for a scalar or a ragged array. */
export function rowsOf(v: SampleValue): number[][] | undefined {
  if (typeof v === 'number') return undefined;
  if (v.every((e) => typeof e === 'number')) return (v as number[]).map((x) => [x]);
  const rows = v as number[][];
  const width = rows[0]?.length ?? 0;
  return rows.every((r) => Array.isArray(r) && r.length === width) ? rows : undefined;
}

/** The shape of a value in words (`a scalar`, `a 3-vector`, `a 2×3 matrix`). */
export function shapeWords(v: SampleValue): string {
  if (typeof v === 'number') return 'a scalar';
  const rows = rowsOf(v);
  if (!rows) return 'an array';
  if (v.every((e) => typeof e === 'number')) return `a ${rows.length}-vector`;
  return `a ${rows.length}×${rows[0]?.length ?? 0} matrix`;
}

const close = (a: number, b: number): boolean =>
  a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Both sides as rows and the entries where they differ (`[row, column]`, 0-based), when they are two
 *  arrays of the same shape with at most `maxSide` rows and columns; otherwise undefined. */
export function differingEntries(
  lhs: SampleValue,
  rhs: SampleValue,
  maxSide = 8,
): { a: number[][]; b: number[][]; differ: [number, number][] } | undefined {
  const a = rowsOf(lhs);
  const b = rowsOf(rhs);
  if (!a || !b || a.length !== b.length || (a[0]?.length ?? 0) !== (b[0]?.length ?? 0)) return undefined;
  if (a.length > maxSide || (a[0]?.length ?? 0) > maxSide) return undefined;
  const differ: [number, number][] = [];
  a.forEach((row, i) => row.forEach((x, j) => close(x, b[i]?.[j] ?? NaN) || differ.push([i, j])));
  return { a, b, differ };
}
