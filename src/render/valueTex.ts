// Vector and matrix values typeset for KaTeX, so a counterexample reads like the homework's own math: small
// matrices in full, each entry where the two sides differ in the refutation colour, and a shape mismatch
// said in words. Larger values stay as text.
import { formatNumber, type SampleValue } from '../core';

const maxSide = 8;
/** The refutation colour (the testing-failed colour the marks use), readable on light and dark themes. */
export const differColor = '#e51400';

/** An entry as TeX: the digits of the one value formatter, its exponent written as a power of ten. */
function num(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '\\infty' : x < 0 ? '-\\infty' : '\\text{NaN}';
  const [m, e] = formatNumber(x).split('e');
  return e === undefined ? (m as string) : `${m} \\times 10^{${Number(e)}}`;
}

/** Rows of a vector (a column) or a matrix; undefined for a scalar or a ragged array. */
function rowsOf(v: SampleValue): number[][] | undefined {
  if (typeof v === 'number') return undefined;
  if (v.every((e) => typeof e === 'number')) return (v as number[]).map((x) => [x]);
  const rows = v as number[][];
  const width = rows[0]?.length ?? 0;
  return rows.every((r) => Array.isArray(r) && r.length === width) ? rows : undefined;
}

const close = (a: number, b: number): boolean =>
  a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

export interface SidesTex {
  lhs: string;
  rhs: string;
  /** Entries that differ, as `[row, column]` (0-based). */
  differ: [number, number][];
}

/** Both sides of a refuted step as TeX matrices with differing entries coloured, or undefined when they
 *  are not two small arrays of the same shape. */
export function sidesTex(lhs: SampleValue, rhs: SampleValue): SidesTex | undefined {
  const a = rowsOf(lhs);
  const b = rowsOf(rhs);
  if (!a || !b || a.length !== b.length || (a[0]?.length ?? 0) !== (b[0]?.length ?? 0)) return undefined;
  if (a.length > maxSide || (a[0]?.length ?? 0) > maxSide) return undefined;
  const differ: [number, number][] = [];
  a.forEach((row, i) => row.forEach((x, j) => close(x, b[i]?.[j] ?? NaN) || differ.push([i, j])));
  const tex = (rows: number[][]): string => {
    const body = rows
      .map((row, i) =>
        row
          .map((x, j) =>
            differ.some(([r, c]) => r === i && c === j) ? `\\color{${differColor}}{${num(x)}}` : num(x),
          )
          .join(' & '),
      )
      .join(' \\\\ ');
    return `\\begin{bmatrix} ${body} \\end{bmatrix}`;
  };
  return { lhs: tex(a), rhs: tex(b), differ };
}

/** The shape of a value in words (`scalar`, `3-vector`, `2×3 matrix`). */
export function shapeWords(v: SampleValue): string {
  if (typeof v === 'number') return 'a scalar';
  const rows = rowsOf(v);
  if (!rows) return 'an array';
  if (v.every((e) => typeof e === 'number')) return `a ${rows.length}-vector`;
  return `a ${rows.length}×${rows[0]?.length ?? 0} matrix`;
}
