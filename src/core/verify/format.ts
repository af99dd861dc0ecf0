// Readable values for counterexamples: sampled values are rounded to the digits people read (no `-0`, no
// float noise such as 0.30000000000000004) before they are stored; report/values.ts formats them.
import { formatAssignment, formatValue as formatSample, valueDigits } from '../report/values';
import type { SampleValue } from '../types';
import { Eye, Mat, type Value } from './value';

export { formatAssignment };

/** A number rounded to the digits a report shows. */
export function roundReadable(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  const r = Number(x.toPrecision(valueDigits));
  return Object.is(r, -0) ? 0 : r;
}

/** The two sides as a counterexample holds them, numbers with the fewest digits (at least the usual six)
 *  that tell them apart: `√2 = 1.414214` fails by 4e-7, which six digits would show as 1.41421 twice. */
export function sidesApart(l: Value, r: Value): { lhs: SampleValue; rhs: SampleValue } {
  const sides = { lhs: toSampleValue(l), rhs: toSampleValue(r) };
  if (typeof l !== 'number' || typeof r !== 'number' || l === r || sides.lhs !== sides.rhs) return sides;
  for (let d = valueDigits + 1; d <= 17; d++) {
    const [a, b] = [Number(l.toPrecision(d)), Number(r.toPrecision(d))];
    if (a !== b) return { lhs: a, rhs: b };
  }
  return sides;
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

/** A runtime value or a sampled one: `0.5`, `[1, 2]`, `[[1, 0], [0, 1]]`, `I`, `2·I`. */
export function formatValue(v: Value | SampleValue): string {
  if (v instanceof Eye) return v.c === 1 ? 'I' : `${formatSample(roundReadable(v.c))}·I`;
  if (v instanceof Mat) return formatSample(toSampleValue(v));
  return formatSample(typeof v === 'number' ? roundReadable(v) : v);
}
