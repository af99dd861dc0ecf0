// Ellipses in sums and products: `x_1 + x_2 + \cdots + x_n` and `x_1 x_2 \cdots x_n` become
// Σ/Π over the pattern the written terms follow (calculus/ellipsis.ts infers it). A pattern that cannot be
// read is a parse failure naming the ellipsis and why, so the step is unverifiable, never guessed.
import type { FunctionNode, OperatorNode, SymbolNode } from 'mathjs';
import { inferPattern } from '../calculus/ellipsis';
import { fail } from './errors';
import { fn, sym, type MathNode } from './nodes';
import type { Token } from './tokens';

/** The ellipses that can stand between terms of a sum or factors of a product. */
const between = new Set(['dots', 'cdots', 'ldots', 'dotsb', 'dotsm', 'dotsc', 'hdots']);

export function isEllipsis(t: Token): boolean {
  return t.kind === 'cmd' && between.has(t.value);
}

/**
 * Folds `before… ⋯ last` into the terms kept as written and one Σ (or Π) node. The pattern is read from
 * the longest run of trailing terms that has one form; a shorter run is tried only when the longer one
 * differed in form (a leading term that is not part of the pattern, as `a + x_1 + ⋯ + x_n`), never when
 * the terms share a form but do not step by one (`x_1 + x_3 + ⋯ + x_n` is refused, not read from x_3).
 */
export function foldEllipsis(
  kind: 'sum' | 'prod',
  before: readonly MathNode[],
  last: MathNode,
  at: Token,
): { kept: MathNode[]; node: MathNode } {
  let why = 'no term before it';
  for (let k = before.length; k >= 1; k--) {
    const run = before.slice(before.length - k);
    const r = inferPattern(run, [last]);
    if (r.ok) {
      const kept = before.slice(0, before.length - k);
      // A kept `x_1` beside Σ entry(x, i) would be read as a scalar unrelated to x: refuse instead.
      const bases = new Set<string>();
      r.body.traverse((n) => {
        if (isEntry(n)) bases.add(((n as FunctionNode).args[0] as SymbolNode).name);
      });
      if (kept.some((n) => mentionsEntryOf(n, bases))) {
        why = 'a term before the pattern names an entry of the same symbol';
        break;
      }
      const node = fn(kind === 'sum' ? 'sumOver' : 'prodOver', [sym(r.index), r.lo, r.hi, r.body]);
      return { kept, node };
    }
    why = r.why;
    // Try a shorter run only past a leading term that is plainly not part of the pattern.
    const head = run[0] as MathNode;
    if (!/differ in form/.test(r.why) && subscripted(head)) break;
  }
  return fail(
    `the pattern around \\${at.value} cannot be read: ${why}`,
    at.offset,
    'unsupported',
    `\\${at.value}`,
  );
}

function isEntry(n: MathNode): boolean {
  const f = n as FunctionNode;
  return (
    f.type === 'FunctionNode' && f.fn.name === 'entry' && (f.args[0] as SymbolNode).isSymbolNode === true
  );
}

/** Does the node hold a subscripted symbol (`x_1`) or an entry? */
function subscripted(node: MathNode): boolean {
  let found = false;
  node.traverse((n) => {
    if (isEntry(n) || ((n as SymbolNode).isSymbolNode && (n as SymbolNode).name.includes('_'))) found = true;
  });
  return found;
}

function mentionsEntryOf(node: MathNode, bases: ReadonlySet<string>): boolean {
  let found = false;
  node.traverse((n) => {
    if (isEntry(n) && bases.has(((n as FunctionNode).args[0] as SymbolNode).name)) found = true;
    const name = (n as SymbolNode).isSymbolNode ? (n as SymbolNode).name : '';
    const cut = name.indexOf('_');
    if (cut > 0 && bases.has(name.slice(0, cut))) found = true;
  });
  return found;
}

/** The factors of a product as written, in order (`a b \cdot c` → a, b, c); anything else is one factor. */
export function factorsOf(node: MathNode): MathNode[] {
  const op = node as OperatorNode;
  if (op.type === 'OperatorNode' && op.fn === 'multiply' && op.args.length === 2)
    return [...factorsOf(op.args[0] as MathNode), ...factorsOf(op.args[1] as MathNode)];
  return [node];
}
