// The one formatter of sampled values, for every place a person reads one: verdict messages, the CLI, the
// editor's Problems, inline text and hover, and the preview. Digits and matrix layout are chosen here only,
// so a counterexample reads the same everywhere.
import type { SampleValue } from '../types';

/** Significant digits of a number that is not a whole number below `exactBelow`. */
export const valueDigits = 6;
/** Whole numbers below this are shown exactly: a count of 73856 parameters, rounded, contradicts the text. */
const exactBelow = 1e15;

/** How much of a vector or matrix to show: all of it, or the first few entries of each row and rows. */
export type ValueLayout = 'full' | 'short';
const layoutEntries: Readonly<Record<ValueLayout, number>> = { full: Infinity, short: 4 };

/** `0.333333`, `-2`, `1e-7`, `∞`: six significant digits, no float noise, no `-0`. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (Number.isInteger(x) && Math.abs(x) < exactBelow) return String(Object.is(x, -0) ? 0 : x);
  const r = Number(x.toPrecision(valueDigits));
  return String(Object.is(r, -0) ? 0 : r);
}

/** `0.5`, `[1, 2]`, `[[1, 0], [0, 1]]`; the short layout elides with `…` past four entries per level. */
export function formatValue(v: SampleValue, layout: ValueLayout = 'full'): string {
  if (typeof v === 'number') return formatNumber(v);
  const max = layoutEntries[layout];
  const list = <T>(xs: readonly T[], show: (x: T) => string): string => {
    const shown = xs.slice(0, max).map(show);
    if (xs.length > max) shown.push('…');
    return `[${shown.join(', ')}]`;
  };
  if (v.length > 0 && Array.isArray(v[0])) return list(v as number[][], (row) => list(row, formatNumber));
  return list(v as number[], formatNumber);
}

/** `x = 0.5, A = [[1, 2], [3, 4]]`: a counterexample's assignment. */
export function formatAssignment(
  sample: Readonly<Record<string, SampleValue>> | null | undefined,
  layout: ValueLayout = 'full',
): string {
  return Object.entries(sample ?? {})
    .map(([k, v]) => `${k} = ${formatValue(v, layout)}`)
    .join(', ');
}
