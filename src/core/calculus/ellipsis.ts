// Reading `x_1 + x_2 + \cdots + x_n` and `a_1 b_1 + \dots + a_n b_n` as patterns: the terms written
// before and after the ellipsis must be one template whose subscripts run with a single index; the
// template is returned with that index bound (`entry(x, i)`), ready to become a sum or a product. A
// pattern that cannot be read this way is refused with the reason, never guessed.
import { ConstantNode, FunctionNode, OperatorNode, SymbolNode, type MathNode } from 'mathjs';

/** The inferred pattern: body(index) for index = lo … hi. */
export type Pattern =
  { ok: true; index: string; lo: MathNode; hi: MathNode; body: MathNode } | { ok: false; why: string };

/** A subscript read as `symbol + offset` (symbol empty for a plain integer). */
export interface Subscript {
  symbol: string;
  offset: number;
}

export const nameForm = /^(.+?)_(?:\{(.+)\}|(.+))$/;

/** `x_3` → x and 3, `w_{N}` → w and N, `x_{n-1}` → x and n − 1; undefined for any other name. */
export function splitSubscripted(name: string): { base: string; sub: Subscript } | undefined {
  const m = nameForm.exec(name);
  const sub = m ? readSubscript((m[2] ?? m[3]) as string) : undefined;
  return m && sub ? { base: m[1] as string, sub } : undefined;
}

export function readSubscript(text: string): Subscript | undefined {
  const t = text.replace(/\s+/g, '');
  if (/^-?\d+$/.test(t)) return { symbol: '', offset: Number(t) };
  const m = /^([A-Za-z]\w*)(?:([+-])(\d+))?$/.exec(t);
  if (!m) return undefined;
  const off = m[3] ? Number(m[3]) * (m[2] === '-' ? -1 : 1) : 0;
  return { symbol: m[1] as string, offset: off };
}

/** Subscripted symbols in reading order, and the term's structure with them blanked. */
function decompose(term: MathNode): { key: string; subs: { base: string; sub: Subscript }[] } | undefined {
  const subs: { base: string; sub: Subscript }[] = [];
  let bad = false;
  const blank = term.transform((n) => {
    if ((n as SymbolNode).isSymbolNode) {
      const m = nameForm.exec((n as SymbolNode).name);
      if (!m) return n;
      const sub = readSubscript((m[2] ?? m[3]) as string);
      if (!sub) {
        bad = true;
        return n;
      }
      subs.push({ base: m[1] as string, sub });
      return new SymbolNode(`${m[1] as string}_#`);
    }
    return n;
  });
  if (bad) return undefined;
  return { key: blank.toString(), subs };
}

function fresh(used: Set<string>): string {
  for (const c of ['i', 'k', 'j', 'm', 'l']) if (!used.has(c)) return c;
  return 'i_0';
}

/** A subscript as a node: `3`, `i`, `i + 1`, `i - 1`. */
export const subscriptNode = (s: Subscript): MathNode =>
  s.symbol === ''
    ? new ConstantNode(s.offset)
    : s.offset === 0
      ? new SymbolNode(s.symbol)
      : new OperatorNode(s.offset > 0 ? '+' : '-', s.offset > 0 ? 'add' : 'subtract', [
          new SymbolNode(s.symbol),
          new ConstantNode(Math.abs(s.offset)),
        ]);

/** `x_{i+1}, …, x_n`: one term with one symbolic subscript runs from it to the last term's. */
function symbolicStart(
  before: readonly MathNode[],
  ds: { key: string; subs: { base: string; sub: Subscript }[] }[],
): Pattern | undefined {
  const only = ds[0]?.subs;
  if (before.length !== 1 || only?.length !== 1 || only[0]?.sub.symbol === '') return undefined;
  const s0 = (only[0] as (typeof only)[number]).sub;
  const sl = ((ds[1] as (typeof ds)[number]).subs[0] as (typeof only)[number]).sub;
  // A number after a symbolic start (`x_n, …, x_1`) may run either way: never read as a count.
  if (sl.symbol === '' || (s0.symbol === sl.symbol && s0.offset >= sl.offset))
    return { ok: false, why: 'the last term does not come after the first' };
  const used = new Set<string>([s0.symbol, sl.symbol, (only[0] as (typeof only)[number]).base]);
  (before[0] as MathNode).traverse((m) => {
    if ((m as SymbolNode).isSymbolNode) used.add((m as SymbolNode).name);
  });
  const index = fresh(used);
  const base = (only[0] as (typeof only)[number]).base;
  const body = (before[0] as MathNode).transform((n) =>
    (n as SymbolNode).isSymbolNode && nameForm.test((n as SymbolNode).name)
      ? new FunctionNode(new SymbolNode('entry'), [new SymbolNode(base), new SymbolNode(index)])
      : n,
  );
  return { ok: true, index, lo: subscriptNode(s0), hi: subscriptNode(sl), body };
}

/** The pattern of `before[0], before[1]?, …, after[0]` (terms around one ellipsis). */
export function inferPattern(before: readonly MathNode[], after: readonly MathNode[]): Pattern {
  if (before.length === 0 || after.length !== 1) return { ok: false, why: 'one term after the ellipsis' };
  const parts = [...before, ...after].map(decompose);
  if (parts.some((p) => !p)) return { ok: false, why: 'a subscript that is not an index' };
  const ds = parts as { key: string; subs: { base: string; sub: Subscript }[] }[];
  const first = ds[0] as (typeof ds)[number];
  if (first.subs.length === 0) return { ok: false, why: 'no subscript runs across the terms' };
  if (ds.some((d) => d.key !== first.key || d.subs.length !== first.subs.length))
    return { ok: false, why: 'the terms around the ellipsis differ in form' };
  const alone = symbolicStart(before, ds);
  if (alone) return alone;
  if (before.some((_, t) => (ds[t] as (typeof ds)[number]).subs.some((s) => s.sub.symbol !== '')))
    return { ok: false, why: 'the first terms need numeric subscripts' };
  // Which subscript positions run: with two leading terms those that step by one; with one, all.
  const second = before.length > 1 ? ds[1] : undefined;
  const runs = first.subs.map((s, j) => {
    if (!second) return true;
    const step = (second.subs[j] as (typeof first.subs)[number]).sub.offset - s.sub.offset;
    return step === 1 ? true : step === 0 ? false : undefined;
  });
  if (runs.some((r) => r === undefined)) return { ok: false, why: 'subscripts that do not step by one' };
  const running = runs.map((r, j) => (r ? j : -1)).filter((j) => j >= 0);
  if (running.length === 0) return { ok: false, why: 'no subscript runs across the terms' };
  // Further leading terms must continue the same steps.
  for (let t = 2; t < before.length; t++) {
    const d = ds[t] as (typeof ds)[number];
    if (
      d.subs.some(
        (s, j) =>
          s.sub.offset !== (first.subs[j] as (typeof first.subs)[number]).sub.offset + (runs[j] ? t : 0),
      )
    )
      return { ok: false, why: 'subscripts that do not step by one' };
  }
  const lo = first.subs[running[0] as number]?.sub.offset as number;
  const last = ds[ds.length - 1] as (typeof ds)[number];
  // Every running position of the last term must give the same upper end: sub − (offset at the start − lo).
  let hi: Subscript | undefined;
  for (let j = 0; j < first.subs.length; j++) {
    const s0 = (first.subs[j] as (typeof first.subs)[number]).sub;
    const sl = (last.subs[j] as (typeof last.subs)[number]).sub;
    if (!runs[j]) {
      if (sl.symbol !== s0.symbol || sl.offset !== s0.offset)
        return { ok: false, why: 'a fixed subscript changes' };
      continue;
    }
    const end = { symbol: sl.symbol, offset: sl.offset - (s0.offset - lo) };
    if (hi && (hi.symbol !== end.symbol || hi.offset !== end.offset))
      return { ok: false, why: 'the last term does not end every subscript at one index' };
    hi = end;
  }
  if (!hi) return { ok: false, why: 'no subscript runs across the terms' };
  if (hi.symbol === '' && hi.offset < lo) return { ok: false, why: 'the last term comes before the first' };
  const used = new Set<string>();
  [...before, ...after].forEach((n) =>
    n.traverse((m) => (m as SymbolNode).isSymbolNode && used.add((m as SymbolNode).name)),
  );
  for (const d of ds)
    for (const s of d.subs) {
      used.add(s.base);
      if (s.sub.symbol) used.add(s.sub.symbol);
    }
  const index = fresh(used);
  const indexed = (offset: number): MathNode =>
    offset === 0
      ? new SymbolNode(index)
      : new OperatorNode(offset > 0 ? '+' : '-', offset > 0 ? 'add' : 'subtract', [
          new SymbolNode(index),
          new ConstantNode(Math.abs(offset)),
        ]);
  let k = 0;
  const body = (before[0] as MathNode).transform((n) => {
    if (!(n as SymbolNode).isSymbolNode || !nameForm.test((n as SymbolNode).name)) return n;
    const j = k++;
    const s = first.subs[j] as (typeof first.subs)[number];
    if (!runs[j]) return n;
    return new FunctionNode(new SymbolNode('entry'), [new SymbolNode(s.base), indexed(s.sub.offset - lo)]);
  });
  return { ok: true, index, lo: new ConstantNode(lo), hi: subscriptNode(hi), body };
}
