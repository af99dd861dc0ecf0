// What an undeclared symbol means, and how a report says so. Defaults are deliberately plain (a real
// scalar) and always reported, so a student sees when a matrix was silently taken for a scalar.
import type { MathNode } from 'mathjs';
import type { Domain } from '../latex/types';

/** Constants a name denotes unless the document declares it otherwise. */
export const constants: ReadonlyMap<string, { value: number; note: string }> = new Map([
  ['e', { value: Math.E, note: "e = Euler's number (default)" }],
  ['π', { value: Math.PI, note: 'π = 3.14159… (default)' }],
  ['pi', { value: Math.PI, note: 'π = 3.14159… (default)' }],
]);

/** The name of the identity matrix when undeclared. */
export const identityName = 'I';

export const identityNote = 'I = identity matrix of the size its context needs (default)';

/** ℝ, the domain of an undeclared symbol. */
export const realLine: Domain = { field: 'real', loOpen: true, hiOpen: true, shape: [] };

/** Sizes tried for an undeclared dimension symbol. */
export const defaultDimensionRange = { lo: 1, hi: 4 };

export function defaultScalarNote(name: string): string {
  return `${name} ∈ ℝ (default)`;
}

export function defaultDimensionNote(name: string, fixed?: number): string {
  return fixed !== undefined
    ? `${name} = ${fixed} (default dimension)`
    : `${name} ∈ {${defaultDimensionRange.lo},…,${defaultDimensionRange.hi}} (default dimension)`;
}

/** A readable form of a domain for messages: `ℝ^{n×m}`, `(0, 1)`, `{1,…,n}`. */
export function domainText(d: Domain, show: (n: MathNode) => string = (n) => n.toString()): string {
  const field = d.field === 'integer' ? 'ℤ' : 'ℝ';
  const shape = d.shape.length ? `^{${d.shape.map(show).join('×')}}` : '';
  if (d.values) return `{${d.values.map(show).join(', ')}}${shape}`;
  if (!d.lo && !d.hi) return field + shape;
  if (d.field === 'integer' && d.lo && d.hi) return `{${show(d.lo)},…,${show(d.hi)}}${shape}`;
  const lo = d.lo ? show(d.lo) : '-∞';
  const hi = d.hi ? show(d.hi) : '∞';
  const set = `${d.loOpen || !d.lo ? '(' : '['}${lo}, ${hi}${d.hiOpen || !d.hi ? ')' : ']'}`;
  return d.field === 'integer' ? `ℤ ∩ ${set}${shape}` : `${set}${shape}`;
}
