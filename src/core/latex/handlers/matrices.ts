// Matrices written out: `bmatrix`, `pmatrix`, `array` …; `vmatrix` is a determinant, `Vmatrix` a norm.
import { fail } from '../errors';
import { skipArgument } from '../macros';
import { array, fn, sym, type MathNode } from '../nodes';
import { endsEntry, foldMatrix, isListDots } from '../lists';
import type { Token } from '../tokens';
import type { EnvironmentSpec } from './registry';
import { parseRows } from './rows';

/** Environments read as matrices. */
export const matrixEnvironments: ReadonlySet<string> = new Set([
  'matrix',
  'bmatrix',
  'pmatrix',
  'Bmatrix',
  'vmatrix',
  'Vmatrix',
  'smallmatrix',
  'array',
]);

export const matrices: EnvironmentSpec = {
  names: matrixEnvironments,
  parse: (p, t, env) => {
    // `\begin{array}{cc}`: the column layout is not a cell.
    if (env === 'array') p.pos = skipArgument(p.toks, p.sigIndex(p.pos));
    // A cell that is only an ellipsis (`\\vdots`, `\\cdots`, `\\ddots`) stands for entries (lists.ts).
    const dots = new Map<MathNode, Token>();
    const leading = new Map<MathNode, Token>();
    const rows = parseRows(p, t, env, () => {
      const d = p.peek();
      if (isListDots(d) && endsEntry(p.toks[p.sigIndex(p.pos + 1)], () => false)) {
        p.next();
        const mark = sym(`\u0000${d.value}`);
        dots.set(mark, d);
        return mark;
      }
      if (!isListDots(d)) return p.parseAdditive();
      // `… \\ \ldots \partial_{x_n} f` (the row break after the dots left out): the dots, then the entry.
      p.next();
      const entry = p.parseAdditive();
      leading.set(entry, d);
      return entry;
    });
    const width = rows[0]?.length ?? 0;
    if (rows.length === 0 || width === 0) fail(`empty \\begin{${env}}`, t.offset);
    if (rows.some((r) => r.length !== width))
      fail(`rows of \\begin{${env}} have different lengths`, t.offset);
    const m =
      dots.size + leading.size > 0 ? foldMatrix(rows, dots, t, leading) : array(rows.map((r) => array(r)));
    return env === 'vmatrix' ? fn('det', [m]) : env === 'Vmatrix' ? fn('norm', [m]) : m;
  },
};
