// Conventions every reader of published math applies without being told: a count in an exponent is a
// positive integer, a radius or a standard deviation is positive, and a text that fixes the base of `\log`
// in words ("we will always use base-2 logarithms") means that base. Each applies only to a symbol nothing
// declared, and each is listed in the step's assumptions as a default, so a reader sees what was assumed.
import type { MathNode } from 'mathjs';
import { num } from '../latex/nodes';
import type { Declaration, Domain } from '../latex/types';
import type { SymbolTable } from '../symbols/table';
import type { Assumption } from '../types';
import { entryConventions } from './entries';
import { familyConventions } from './families';
import type { TexEdit } from './texEdit';

/** Names that count things (sizes, bounds, exponents) in published texts. */
const countNames = new Set(['n', 'm', 'N', 'M', 'k', 'K', 'd']);

/** Functions whose first argument is a variable they bind, not a value read from outside. */
const binders = new Set(['sumOver', 'prodOver', 'seriesOver', 'deriv', 'grad', 'integral', 'integrate']);

/** Counts are drawn up to this: `x^n` with n near 100 overflows what a numeric derivative can resolve. */
const countDraws = 12;
const positiveIntegers: Domain = {
  field: 'integer',
  lo: num(1),
  hi: num(countDraws),
  loOpen: false,
  hiOpen: false,
  shape: [],
};
/** Where an approximation in a count is checked: `(1 - 1/n)^n \approx e^{-1}` is about large n. */
export const largeCount = 1000;
const largeIntegers: Domain = {
  field: 'integer',
  lo: num(largeCount),
  loOpen: false,
  hiOpen: true,
  shape: [],
};

/** `table` with the given counts drawn large. */
export function withLargeCounts(table: SymbolTable, counts: readonly string[]): SymbolTable {
  return table.declare({ kind: 'domain', names: [...counts], domain: largeIntegers, offset: 0 });
}

const positiveReals: Domain = { field: 'real', lo: num(0), loOpen: true, hiOpen: true, shape: [] };

interface Node {
  type: string;
  name?: string;
  fn?: Node | string;
  op?: string;
  args?: Node[];
  forEach(cb: (child: MathNode, path: string) => void): void;
}

/** Symbols read as values (not function heads, not bound variables), and those inside an exponent. */
function valueSymbols(roots: readonly MathNode[]): { all: Set<string>; inExponent: Set<string> } {
  const all = new Set<string>();
  const inExponent = new Set<string>();
  const walk = (node: Node, exponent: boolean, bound: ReadonlySet<string>): void => {
    if (node.type === 'SymbolNode' && node.name !== undefined) {
      if (bound.has(node.name)) return;
      all.add(node.name);
      if (exponent) inExponent.add(node.name);
      return;
    }
    const head = typeof node.fn === 'object' ? node.fn.name : undefined;
    let inner = bound;
    const firstArg = node.args?.[0];
    if (node.type === 'FunctionNode' && head && binders.has(head) && firstArg?.type === 'SymbolNode')
      inner = new Set([...bound, firstArg.name as string]);
    node.forEach((child, path) => {
      const c = child as unknown as Node;
      if (path === 'fn') return;
      // The function of an application or of a derivative (`σ'(z)`) is not a value.
      if ((head === 'call' || head === 'derivFn') && path === 'args[0]') return;
      if (inner !== bound && path === 'args[0]') return;
      const isExponent = node.type === 'OperatorNode' && node.op === '^' && path === 'args[1]';
      walk(c, exponent || isExponent, inner);
    });
  };
  for (const r of roots) walk(r as unknown as Node, false, new Set());
  return { all, inExponent };
}

/** The table for one step with the conventions that apply to its undeclared symbols, and their notes. */
export function withConventions(
  roots: readonly MathNode[],
  table: SymbolTable,
): { table: SymbolTable; notes: Assumption[]; counts: string[] } {
  const { all, inExponent } = valueSymbols(roots);
  const counts: string[] = [];
  const notes: Assumption[] = [];
  const positive = (symbol: string, convention: string): Assumption => ({
    symbol,
    domain: '(0, ∞)',
    isDefault: true,
    role: 'value',
    convention,
  });
  const declarations: Declaration[] = [];
  const free = (n: string): boolean => all.has(n) && table.lookup(n) === undefined;
  for (const n of inExponent) {
    if (!countNames.has(n) || !free(n)) continue;
    declarations.push({ kind: 'domain', names: [n], domain: positiveIntegers, offset: 0 });
    counts.push(n);
    const domain = `{1,…,${countDraws}}`;
    notes.push({ symbol: n, domain, isDefault: true, role: 'value', convention: 'a count in an exponent' });
  }
  // A radius is the r of polar coordinates (with an angle θ or φ beside it).
  if (free('r') && (all.has('θ') || all.has('φ') || all.has('ϕ'))) {
    declarations.push({ kind: 'domain', names: ['r'], domain: positiveReals, offset: 0 });
    notes.push(positive('r', 'a radius'));
  }
  if (free('σ')) {
    declarations.push({ kind: 'domain', names: ['σ'], domain: positiveReals, offset: 0 });
    notes.push(positive('σ', 'a standard deviation'));
  }
  if (free('η')) {
    declarations.push({ kind: 'domain', names: ['η'], domain: positiveReals, offset: 0 });
    notes.push(positive('η', 'a learning rate'));
  }
  const entries = entryConventions(roots, table);
  declarations.push(...entries.declarations);
  notes.push(...entries.notes);
  const declared = declarations.reduce((t, d) => t.declare(d), table);
  // After the entries of bold namesakes, so `x_3` of a declared 𝐱 keeps that reading.
  const families = familyConventions(roots, declared);
  notes.push(...families.notes);
  return {
    table: families.declarations.reduce((t, d) => t.declare(d, undefined, 'convention'), declared),
    notes,
    counts,
  };
}

/** Sentences that fix the base of `\log` for the rest of a text. */
const logBase = [
  /\bbase[- ]?(2|10)\s+logarithms?\b/i,
  /\blogarithms?\s+(?:to|in|of|with)?\s*(?:the\s+)?base[- ]?(2|10)\b/i,
  /\\log\s*(?:\(\.\)|\(\\cdot\))?\$?\s*(?:always\s+)?(?:refers to|denotes|means|stands for)\s*\$?\s*\\log_\{?(2|10)\b/i,
];

/** The base of `\log` the prose fixes at or before 1-based `line`, if any: the first sentence that says so. */
export function logBaseFixedAt(lines: readonly string[]): { base: number; line: number } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    for (const re of logBase) {
      const m = re.exec(l);
      if (m) return { base: Number(m[1]), line: i + 1 };
    }
  }
  return undefined;
}

/** `\log x` → `\log_{2} x` wherever no base is written; `\ln` stays the natural logarithm. */
export function logEdits(tex: string, base: number): TexEdit[] {
  const edits: TexEdit[] = [];
  for (const m of tex.matchAll(/\\log(?![A-Za-z])(?!\s*_)/g)) {
    edits.push({ offset: (m.index ?? 0) + 4, length: 0, text: `_{${base}}` });
  }
  return edits;
}

/** The assumption a step gets when the document's log base applies to it. */
export function logNote(base: number): Assumption {
  return {
    symbol: 'log',
    domain: `log base ${base}`,
    isDefault: true,
    role: 'constant',
    convention: 'the text fixes the base',
  };
}
