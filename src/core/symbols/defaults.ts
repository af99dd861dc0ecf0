// What an undeclared symbol means, and how a report says so. Defaults are deliberately plain (a real
// scalar) and always reported, so a student sees when a matrix was silently taken for a scalar.
import type { MathNode } from 'mathjs';
import type { Domain } from '../latex/types';
import type { Assumption } from '../types';

/** Constants a name denotes unless the document declares it otherwise. */
export const constants: ReadonlyMap<string, { value: number; assumption: Assumption }> = new Map([
  ['e', { value: Math.E, assumption: constantAssumption('e', "Euler's number") }],
  ['π', { value: Math.PI, assumption: constantAssumption('π', '3.14159…') }],
  ['pi', { value: Math.PI, assumption: constantAssumption('π', '3.14159…') }],
]);

function constantAssumption(symbol: string, value: string): Assumption {
  return { symbol, domain: value, isDefault: true, role: 'constant' };
}

/** The name of the identity matrix when undeclared. */
export const identityName = 'I';

export const identityAssumption: Assumption = constantAssumption(
  identityName,
  'identity matrix of the size its context needs',
);

/** ℝ, the domain of an undeclared symbol. */
export const realLine: Domain = { field: 'real', loOpen: true, hiOpen: true, shape: [] };

/** Sizes tried for an undeclared dimension symbol. */
export const defaultDimensionRange = { lo: 1, hi: 4 };

export function defaultScalar(name: string): Assumption {
  return { symbol: name, domain: 'ℝ', isDefault: true, role: 'value' };
}

export function defaultIndex(name: string): Assumption {
  return { symbol: name, domain: `{1,…,${defaultDimensionRange.hi}}`, isDefault: true, role: 'index' };
}

export function defaultDimension(name: string, fixed?: number): Assumption {
  const domain =
    fixed !== undefined ? `{${fixed}}` : `{${defaultDimensionRange.lo},…,${defaultDimensionRange.hi}}`;
  return { symbol: name, domain, isDefault: true, role: 'dimension' };
}

/** How a report reads an assumption: `x ∈ ℝ (default)`, `n ∈ {1,…,4} (default dimension)`, `π = 3.14159…`. */
export function assumptionText(a: Assumption): string {
  if (!a.isDefault) return `${a.symbol} ∈ ${a.domain}`;
  const rel = a.role === 'constant' ? '=' : '∈';
  if (a.convention !== undefined) return `${a.symbol} ${rel} ${a.domain} (default: ${a.convention})`;
  switch (a.role) {
    case 'constant':
      return `${a.symbol} = ${a.domain} (default)`;
    case 'dimension':
      return `${a.symbol} ∈ ${a.domain} (default dimension)`;
    case 'index':
      return `${a.symbol} ∈ ${a.domain} (index, default)`;
    default:
      return `${a.symbol} ∈ ${a.domain} (default)`;
  }
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
