// Vector and matrix values typeset for KaTeX, so a counterexample reads like the homework's own math: small
// matrices in full, each entry where the two sides differ in the refutation colour, and a shape mismatch
// said in words. Larger values stay as text.
import { differingEntries, formatNumber, type SampleValue } from '../core';

const maxSide = 8;
/** The refutation colour (the testing-failed colour the marks use), readable on light and dark themes. */
export const differColor = '#e51400';

/** An entry as TeX: the digits of the one value formatter, its exponent written as a power of ten. */
function num(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '\\infty' : x < 0 ? '-\\infty' : '\\text{NaN}';
  const [m, e] = formatNumber(x).split('e');
  return e === undefined ? (m as string) : `${m} \\times 10^{${Number(e)}}`;
}

export interface SidesTex {
  lhs: string;
  rhs: string;
  /** Entries that differ, as `[row, column]` (0-based). */
  differ: [number, number][];
}

/** Both sides of a refuted step as TeX matrices with differing entries coloured, or undefined when they
 *  are not two small arrays of the same shape. */
export function sidesTex(lhs: SampleValue, rhs: SampleValue): SidesTex | undefined {
  const sides = differingEntries(lhs, rhs, maxSide);
  if (!sides) return undefined;
  const { a, b, differ } = sides;
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
