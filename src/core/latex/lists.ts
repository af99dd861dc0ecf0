// Lists written with ellipses: the arguments `f(x_1, \ldots, x_n)`, a tuple `(x_1, \ldots, x_n)`,
// `\max\{X_1, \ldots, X_n\}`, and a bmatrix column `x_1 \\ \vdots \\ x_n`, row `x_1 & \cdots & x_n` or
// matrix with `\ddots`. Each run of entries around an ellipsis is read as a pattern (calculus/ellipsis.ts,
// calculus/grid.ts) and the list becomes `stack(…)` of the entries written and the patterns; a pattern
// that cannot be read is a parse failure naming the ellipsis and why, never a guess.
import { FunctionNode, SymbolNode } from 'mathjs';
import { inferGrid } from '../calculus/grid';
import { inferPattern, splitSubscripted } from '../calculus/ellipsis';
import { fail } from './errors';
import { binary, fn, num, sym, type MathNode } from './nodes';
import { isChar, isCmd, type Token } from './tokens';

/** One entry of a list as written: an expression, or an ellipsis standing for entries. */
export type ListItem = { node: MathNode } | { dots: Token };

const horizontal = new Set(['dots', 'cdots', 'ldots', 'dotsc', 'dotsb', 'hdots']);

/** An ellipsis standing for entries of a list (`\ldots`, `\cdots`, `\vdots`, `\ddots` …). */
export function isListDots(t: Token | undefined): t is Token {
  return t?.kind === 'cmd' && (horizontal.has(t.value) || t.value === 'vdots' || t.value === 'ddots');
}

/** Is `t` the end of a list entry: a comma, an `&`, a row break or the list's close? */
export function endsEntry(t: Token | undefined, isClose: (t: Token) => boolean): boolean {
  return !!t && (isChar(t, ',') || isChar(t, '&') || isCmd(t, '\\') || isCmd(t, 'end') || isClose(t));
}

const why = (dots: Token, reason: string): never =>
  fail(
    `the pattern around \\${dots.value} cannot be read: ${reason}`,
    dots.offset,
    'unsupported',
    `\\${dots.value}`,
  );

/** The family of functions a pattern runs over (`f` of `f_1(x), …, f_n(x)`): such families are not read. */
function functionFamily(body: MathNode): string | undefined {
  let found: string | undefined;
  body.traverse((n) => {
    const f = n as FunctionNode;
    const head = f.isFunctionNode ? (f.args[0] as FunctionNode | undefined) : undefined;
    if ((f.fn?.name === 'call' || f.fn?.name === 'derivFn') && head?.isFunctionNode && !found)
      found = (head.args[0] as SymbolNode | undefined)?.name;
  });
  return found;
}

const familyWhy = (name: string): string => `a family of functions ${name}_1, …, ${name}_n`;

/** `before… ⋯ last` as the entries kept as written and one listOver; the run is read as in sums. */
function foldRun(
  before: readonly MathNode[],
  last: MathNode,
  dots: Token,
): { kept: MathNode[]; node: MathNode } {
  let reason = 'no entry before it';
  for (let k = before.length; k >= 1; k--) {
    const run = before.slice(before.length - k);
    const r = inferPattern(run, [last]);
    const family = r.ok ? functionFamily(r.body) : undefined;
    if (family !== undefined) return why(dots, familyWhy(family));
    if (r.ok) {
      // Only the leading entries are surely distinct: `x_1, …, x_{i-1}` may be one entry, or none.
      const node = fn('listOver', [sym(r.index), r.lo, r.hi, r.body, num(run.length)]);
      return { kept: before.slice(0, before.length - k), node };
    }
    reason = r.why;
    // A shorter run only past a leading entry plainly not of the pattern (`w_1 + ε_1, w_2, …, w_N`,
    // `\mathbf{x}, α_1, …, α_n`), never past one of its form that breaks the step (`x_2, x_1, …, x_n` is
    // refused, not read from x_1).
    if (!/differ in form/.test(r.why) && subscripted(run[0] as MathNode)) break;
  }
  return why(dots, reason);
}

function subscripted(node: MathNode): boolean {
  let found = false;
  node.traverse((n) => {
    if ((n as SymbolNode).isSymbolNode && splitSubscripted((n as SymbolNode).name)) found = true;
  });
  return found;
}

/** Does the run from `run` to `last` pass through `via`: the same form, and, where both are numbers, an
 *  index between the first and the last (`x_1, …, x_5, …, x_3` is refused)? */
function passes(run: readonly MathNode[], via: MathNode, last: MathNode): boolean {
  const to = inferPattern(run, [via]);
  const whole = inferPattern(run, [last]);
  if (!to.ok || !whole.ok) return false;
  const at = (to.hi as { value?: unknown }).value;
  const end = (whole.hi as { value?: unknown }).value;
  return typeof at !== 'number' || typeof end !== 'number' || at <= end;
}

/** The vectors the patterns run over: `x` for entry(x, i). */
function patternBases(node: MathNode, out: Set<string>): void {
  node.traverse((n) => {
    const f = n as FunctionNode;
    if (f.isFunctionNode && f.fn.name === 'entry' && (f.args[0] as SymbolNode).isSymbolNode)
      out.add((f.args[0] as SymbolNode).name);
  });
}

/** A written entry naming an entry of a pattern's vector (`w_1` beside w_2, …, w_N) is that entry. */
function linkEntries(node: MathNode, bases: ReadonlySet<string>): MathNode {
  return node.transform((n) => {
    if (!(n as SymbolNode).isSymbolNode) return n;
    const s = splitSubscripted((n as SymbolNode).name);
    if (!s || !bases.has(s.base)) return n;
    const at = s.sub.symbol === '' ? num(s.sub.offset) : sym(s.sub.symbol);
    const index =
      s.sub.symbol === '' || s.sub.offset === 0
        ? at
        : binary(s.sub.offset > 0 ? 'add' : 'subtract', at, num(Math.abs(s.sub.offset)));
    return new FunctionNode(new SymbolNode('entry'), [new SymbolNode(s.base), index]);
  });
}

/** A list with ellipses as `stack(orientation, …)`: 0 stacks its entries down a column, 1 along a row. */
export function foldList(items: readonly ListItem[], orientation: 0 | 1): MathNode {
  const out: MathNode[] = [];
  const bases = new Set<string>();
  let pending: MathNode[] = [];
  // The run just read, while nothing has followed it: `x_1, …, x_i, …, x_n` is one run through x_i.
  let previous: { run: MathNode[]; through: MathNode[] } | undefined;
  for (let k = 0; k < items.length; k++) {
    const it = items[k] as ListItem;
    if ('node' in it) {
      pending.push(it.node);
      previous = undefined;
      continue;
    }
    const next = items[k + 1];
    if (!next || !('node' in next)) return why(it.dots, 'no entry after it');
    if (pending.length === 0 && previous) {
      const p = previous;
      const { kept, node } = foldRun(p.run, next.node, it.dots);
      // Each entry passed through must fit the run: the same form, named by an index of the run's vector.
      if (kept.length > 0 || p.through.some((w) => !passes(p.run, w, next.node)))
        return why(it.dots, 'an entry between two ellipses that does not fit one run');
      out[out.length - 1] = node;
      previous = { run: p.run, through: [...p.through, next.node] };
      k++;
      continue;
    }
    const { kept, node } = foldRun(pending, next.node, it.dots);
    patternBases(node, bases);
    out.push(...kept, node);
    previous = { run: pending.slice(kept.length), through: [next.node] };
    pending = [];
    k++;
  }
  out.push(...pending);
  const linked = out.map((n) => ((n as FunctionNode).fn?.name === 'listOver' ? n : linkEntries(n, bases)));
  return fn('stack', [num(orientation), ...linked]);
}

/** Is `n` a list read with an ellipsis? */
export function isStack(n: MathNode): boolean {
  return (n as FunctionNode).isFunctionNode === true && (n as FunctionNode).fn.name === 'stack';
}

/**
 * A bmatrix whose cells include ellipses (`dots` maps those cells to their tokens): a column, a row, rows
 * each with `\cdots`, columns each with `\vdots`, or a matrix with `\ddots` in a square pattern.
 */
export function foldMatrix(
  rows: MathNode[][],
  dots: ReadonlyMap<MathNode, Token>,
  at: Token,
  leading: ReadonlyMap<MathNode, Token> = new Map(),
): MathNode {
  const mark = (n: MathNode | undefined): Token | undefined => (n ? dots.get(n) : undefined);
  const item = (n: MathNode): ListItem[] => {
    const d = mark(n);
    const before = leading.get(n);
    return d ? [{ dots: d }] : before ? [{ dots: before }, { node: n }] : [{ node: n }];
  };
  const width = rows[0]?.length ?? 0;
  const refuse = (d: Token | undefined, reason: string): never =>
    d ? why(d, reason) : fail(`a matrix with ellipses: ${reason}`, at.offset, 'unsupported');
  const anyMark = (cells: MathNode[], pick: (t: Token) => boolean): Token | undefined =>
    cells.map(mark).find((t): t is Token => !!t && pick(t));
  const isRowOfDots = (r: MathNode[]): boolean => r.every((c) => mark(c) !== undefined);
  if (width === 1) {
    const bad = anyMark(rows.flat(), (t) => t.value === 'ddots');
    if (bad) refuse(bad, '\\ddots in a column');
    return foldList(
      rows.flatMap((r) => item(r[0] as MathNode)),
      0,
    );
  }
  if (rows.length === 1) {
    const bad = anyMark(rows[0] as MathNode[], (t) => !horizontal.has(t.value));
    if (bad) refuse(bad, `\\${bad.value} in a row`);
    return foldList((rows[0] as MathNode[]).flatMap(item), 1);
  }
  // An entry written straight after its dots is read only in a single column or row.
  const glued = [...leading.values()][0];
  if (glued) refuse(glued, `\\${glued.value} and an entry in one cell of a matrix`);
  const dotRows = rows.filter(isRowOfDots);
  if (dotRows.length === 0) {
    // Rows each written with `\cdots`: each row a pattern, stacked.
    const bad = anyMark(rows.flat(), (t) => !horizontal.has(t.value));
    if (bad) refuse(bad, `\\${bad.value} outside a row of dots`);
    return fn('stack', [num(0), ...rows.map((r) => foldList(r.flatMap(item), 1))]);
  }
  const ddots = anyMark(rows.flat(), (t) => t.value === 'ddots');
  if (!ddots) {
    // Columns each written with `\vdots`: each column a pattern, side by side.
    if (rows.some((r) => !isRowOfDots(r) && r.some((c) => mark(c))))
      refuse(
        anyMark(rows.flat(), () => true),
        'ellipses both along and across the rows',
      );
    const cols = Array.from({ length: width }, (_, j) =>
      foldList(
        rows.flatMap((r) => item(r[j] as MathNode)),
        0,
      ),
    );
    return fn('stack', [num(1), ...cols]);
  }
  // The square pattern: entry rows of `a … \cdots last`, one row of `\vdots … \ddots \vdots`, one last row.
  if (dotRows.length !== 1) return refuse(ddots, 'more than one row of dots');
  const d = rows.indexOf(dotRows[0] as MathNode[]);
  const k = width - 2;
  const dotsRow = rows[d] as MathNode[];
  if (d !== rows.length - 2 || k < 1 || mark(dotsRow[k])?.value !== 'ddots')
    return refuse(ddots, 'the \\ddots is not before the last row and column');
  if (dotsRow.some((c, j) => j !== k && mark(c)?.value !== 'vdots'))
    return refuse(ddots, 'a row of dots that is not \\vdots around one \\ddots');
  const entryRows = rows.filter((_, r) => r !== d);
  for (const r of entryRows)
    if (r.some((c, j) => (j === k) !== !!mark(c) || (j === k && !horizontal.has(mark(c)?.value ?? ''))))
      return refuse(ddots, 'a row that is not entries, \\cdots and a last entry');
  const strip = (r: MathNode[]): MathNode[] => r.filter((_, j) => j !== k);
  const g = inferGrid(
    entryRows.slice(0, -1).map(strip),
    strip(entryRows[entryRows.length - 1] as MathNode[]),
  );
  if (!g.ok) return refuse(ddots, g.why);
  const family = functionFamily(g.body);
  if (family !== undefined) return refuse(ddots, familyWhy(family));
  return fn('gridOver', [sym(g.row), sym(g.col), g.rows, g.cols, g.body, num(d + 1), num(k + 1)]);
}
