// Reading a matrix written with `\cdots`, `\vdots` and `\ddots` as a pattern: the entries written in the
// first rows and columns and in the last row and column must be one template whose subscripts each run
// with the row, with the column or with neither (`a_{ij}`, `a_{ji}`, `\frac{∂²f}{∂x_i∂x_j}`); the last
// row and column then give the number of rows and columns. A matrix that cannot be read this way is
// refused with the reason, never guessed (an identity written `1 & 0 & \cdots` has no subscript to run).
import { ConstantNode, FunctionNode, OperatorNode, SymbolNode, type MathNode } from 'mathjs';
import { nameForm, readSubscript, type Subscript } from './ellipsis';

/** The inferred matrix: body(row, col) for row = 1 … rows and col = 1 … cols. */
export type GridPattern =
  | { ok: true; row: string; col: string; rows: MathNode; cols: MathNode; body: MathNode }
  | { ok: false; why: string };

/** The components of a subscript: `{1n}` and `{1,n}` are two, `{n-1}` one. */
function components(text: string): Subscript[] | undefined {
  const t = text.replace(/\s+/g, '');
  const parts = t.includes(',') ? t.split(',') : /^[A-Za-z0-9]{2}$/.test(t) ? [...t] : [t];
  const out = parts.map(readSubscript);
  return out.every((c) => c !== undefined) ? (out as Subscript[]) : undefined;
}

interface Cell {
  key: string;
  subs: { base: string; comps: Subscript[] }[];
}

function decompose(term: MathNode): Cell | undefined {
  const subs: Cell['subs'] = [];
  let bad = false;
  const blank = term.transform((n) => {
    if (!(n as SymbolNode).isSymbolNode) return n;
    const m = nameForm.exec((n as SymbolNode).name);
    if (!m) return n;
    const comps = components((m[2] ?? m[3]) as string);
    if (!comps) {
      bad = true;
      return n;
    }
    subs.push({ base: m[1] as string, comps });
    return new SymbolNode(`${m[1] as string}_#${comps.length}`);
  });
  return bad ? undefined : { key: blank.toString(), subs };
}

const same = (a: Subscript, b: Subscript): boolean => a.symbol === b.symbol && a.offset === b.offset;
const shift = (a: Subscript, by: number): Subscript => ({ symbol: a.symbol, offset: a.offset + by });

function countNode(c: Subscript): MathNode {
  if (c.symbol === '') return new ConstantNode(c.offset);
  if (c.offset === 0) return new SymbolNode(c.symbol);
  return new OperatorNode(c.offset > 0 ? '+' : '-', c.offset > 0 ? 'add' : 'subtract', [
    new SymbolNode(c.symbol),
    new ConstantNode(Math.abs(c.offset)),
  ]);
}

/** `constant + (row) + (col)` as a node. */
function indexNode(constant: number, row: string | undefined, col: string | undefined): MathNode {
  const terms: MathNode[] = [row, col].filter((x): x is string => !!x).map((x) => new SymbolNode(x));
  let out: MathNode | undefined = terms.reduce<MathNode | undefined>(
    (acc, t) => (acc ? new OperatorNode('+', 'add', [acc, t]) : t),
    undefined,
  );
  if (!out) return new ConstantNode(constant);
  if (constant !== 0)
    out = new OperatorNode(constant > 0 ? '+' : '-', constant > 0 ? 'add' : 'subtract', [
      out,
      new ConstantNode(Math.abs(constant)),
    ]);
  return out;
}

/**
 * The pattern of a matrix given as its entry rows: `lead` the rows written before the `\vdots` row and
 * `last` the row after it; each row holds its leading entries and, last, the entry after its `\cdots`.
 */
export function inferGrid(lead: readonly MathNode[][], last: readonly MathNode[]): GridPattern {
  const p = lead.length;
  const k = last.length - 1;
  if (p < 1 || k < 1 || lead.some((r) => r.length !== k + 1))
    return { ok: false, why: 'the rows do not have one layout' };
  const all = [...lead, last].map((r) => r.map(decompose));
  if (all.some((r) => r.some((c) => !c))) return { ok: false, why: 'a subscript that is not an index' };
  const cells = all as Cell[][];
  const first = (cells[0] as Cell[])[0] as Cell;
  const fits = (c: Cell): boolean =>
    c.key === first.key &&
    c.subs.length === first.subs.length &&
    c.subs.every((s, o) => s.comps.length === (first.subs[o] as Cell['subs'][number]).comps.length);
  if (cells.some((r) => r.some((c) => !fits(c)))) return { ok: false, why: 'the entries differ in form' };
  if (first.subs.length === 0) return { ok: false, why: 'no subscript runs across the entries' };
  // v(r, c) for r, c = 0 … (p-1 | k-1) written positions and p (k) the last row (column).
  const v = (r: number, c: number, o: number, q: number): Subscript =>
    (((cells[r] as Cell[])[c] as Cell).subs[o] as Cell['subs'][number]).comps[q] as Subscript;
  const L = p; // index of the last row in `cells`
  const N = k; // index of the last column in a row
  let rows: Subscript | undefined;
  let cols: Subscript | undefined;
  const runs: { byRow: boolean; byCol: boolean; start: number }[][] = [];
  for (let o = 0; o < first.subs.length; o++) {
    const per: { byRow: boolean; byCol: boolean; start: number }[] = [];
    for (let q = 0; q < (first.subs[o] as Cell['subs'][number]).comps.length; q++) {
      const a = v(0, 0, o, q);
      if (a.symbol !== '') return { ok: false, why: 'the first entry needs numeric subscripts' };
      const step = (b: Subscript): number | undefined =>
        b.symbol === '' && (b.offset - a.offset === 0 || b.offset - a.offset === 1)
          ? b.offset - a.offset
          : undefined;
      const dc = k >= 2 ? step(v(0, 1, o, q)) : same(v(0, N, o, q), a) ? 0 : 1;
      const dr = p >= 2 ? step(v(1, 0, o, q)) : same(v(L, 0, o, q), a) ? 0 : 1;
      if (dc === undefined || dr === undefined)
        return { ok: false, why: 'subscripts that do not step by one' };
      if (dc && dr) return { ok: false, why: 'a subscript runs with both the row and the column' };
      // Every written entry of the first rows and columns continues the steps.
      for (let r = 0; r < p; r++)
        for (let c = 0; c < k; c++)
          if (!same(v(r, c, o, q), shift(a, dr * r + dc * c)))
            return { ok: false, why: 'subscripts that do not step by one' };
      // The last column and the last row: the same symbolic end in every row (column).
      const endCol = v(0, N, o, q);
      const endRow = v(L, 0, o, q);
      for (let r = 0; r < p; r++)
        if (!same(v(r, N, o, q), dc ? shift(endCol, dr * r) : shift(a, dr * r)))
          return { ok: false, why: 'the last column does not end every row at one index' };
      for (let c = 0; c < k; c++)
        if (!same(v(L, c, o, q), dr ? shift(endRow, dc * c) : shift(a, dc * c)))
          return { ok: false, why: 'the last row does not end every column at one index' };
      const corner = dr ? endRow : dc ? endCol : a;
      if (!same(v(L, N, o, q), corner))
        return { ok: false, why: 'the corner entry does not fit the last row and column' };
      if (dc) {
        const n = shift(endCol, 1 - a.offset);
        if (cols && !same(cols, n)) return { ok: false, why: 'the columns end at different indices' };
        cols = n;
      }
      if (dr) {
        const m = shift(endRow, 1 - a.offset);
        if (rows && !same(rows, m)) return { ok: false, why: 'the rows end at different indices' };
        rows = m;
      }
      per.push({ byRow: dr === 1, byCol: dc === 1, start: a.offset });
    }
    runs.push(per);
  }
  if (!rows) return { ok: false, why: 'no subscript runs down the rows' };
  if (!cols) return { ok: false, why: 'no subscript runs along the columns' };
  if ((rows.symbol === '' && rows.offset < p + 1) || (cols.symbol === '' && cols.offset < k + 1))
    return { ok: false, why: 'the last entry comes before those written' };
  const used = new Set<string>();
  for (const c of [...lead.flat(), ...last])
    c.traverse((n) => {
      if ((n as SymbolNode).isSymbolNode) used.add((n as SymbolNode).name);
    });
  for (const r of cells)
    for (const c of r)
      for (const s of c.subs) {
        used.add(s.base);
        s.comps.forEach((x) => x.symbol && used.add(x.symbol));
      }
  [rows, cols].forEach((x) => x.symbol && used.add(x.symbol));
  const names = ['i', 'j', 'k', 'l', 'r', 's'].filter((x) => !used.has(x));
  if (names.length < 2) return { ok: false, why: 'no free names for the row and column' };
  const [row, col] = names as [string, string];
  let o = 0;
  const body = ((lead[0] as MathNode[])[0] as MathNode).transform((n) => {
    if (!(n as SymbolNode).isSymbolNode || !nameForm.test((n as SymbolNode).name)) return n;
    const at = o++;
    const per = runs[at] as (typeof runs)[number];
    if (per.every((x) => !x.byRow && !x.byCol)) return n;
    const base = (first.subs[at] as Cell['subs'][number]).base;
    const idx = per.map((x) =>
      indexNode(
        x.start - (x.byRow ? 1 : 0) - (x.byCol ? 1 : 0),
        x.byRow ? row : undefined,
        x.byCol ? col : undefined,
      ),
    );
    return new FunctionNode(new SymbolNode('entry'), [new SymbolNode(base), ...idx]);
  });
  return { ok: true, row, col, rows: countNode(rows), cols: countNode(cols), body };
}
