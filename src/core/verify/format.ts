// Readable numbers for counterexamples and messages: six significant digits, no `-0`, no float noise
// such as 0.30000000000000004.
import type { SampleValue } from '../types';
import { Eye, Mat, type Value } from './value';

/** A number rounded to six significant digits. */
export function roundReadable(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  const r = Number(x.toPrecision(6));
  return Object.is(r, -0) ? 0 : r;
}

/** A value as a counterexample holds it: number, column as a list, matrix as rows. */
export function toSampleValue(v: Value): SampleValue {
  if (typeof v === 'number') return roundReadable(v);
  if (v instanceof Eye) return roundReadable(v.c);
  // A 1×1 result such as xᵀy is read as the scalar it stands for.
  if (v.rows === 1 && v.cols === 1) return roundReadable(v.data[0] as number);
  // Entries that are float noise next to the largest one (1e-16 beside 1) print as 0.
  let top = 0;
  for (const x of v.data) top = Math.max(top, Math.abs(x));
  const clean = (x: number): number => roundReadable(Math.abs(x) < 1e-12 * top ? 0 : x);
  if (v.cols === 1) return Array.from(v.data, clean);
  return v.toRows().map((r) => r.map(clean));
}

/** `0.5`, `[1, 2]`, `[[1, 0], [0, 1]]`. */
export function formatValue(v: Value | SampleValue): string {
  if (typeof v === 'number') return String(roundReadable(v));
  if (v instanceof Eye) return v.c === 1 ? 'I' : `${roundReadable(v.c)}·I`;
  if (v instanceof Mat) return formatValue(toSampleValue(v));
  return JSON.stringify(v).replace(/,/g, ', ');
}

/** `x = 0, A = [[1, 2], [3, 4]]`. */
export function formatAssignment(sample: Record<string, SampleValue>): string {
  return Object.entries(sample)
    .map(([k, v]) => `${k} = ${formatValue(v)}`)
    .join(', ');
}
