// Vectors named by their entries: `L(w_1, w_2, \ldots, w_N)`, `x_1 + \cdots + x_n` and `\sum_{i=1}^{n} x_i`
// run an index over the entries of a vector, so an undeclared `w` whose entries a step lists is a vector
// long enough for every entry the step names, and `w_1` or `w_N` written alone in that step is the entry of
// that vector (never a scalar unrelated to it, which would make `\frac{d}{dw_1} L(w_1, …, w_N)` zero).
// A free subscript written alone (`x_i` beside `x_1, …, x_n`) is an index into the vector. Each reading is
// listed in the step's assumptions as a convention.
import { FunctionNode, SymbolNode, type MathNode } from 'mathjs';
import { splitSubscripted, subscriptNode, type Subscript } from '../calculus/ellipsis';
import { binary, fn, num, symbolNames } from '../latex/nodes';
import { boldLetter } from './entries';
import type { Declaration } from '../latex/types';
import type { SymbolTable } from '../symbols/table';
import type { Assumption } from '../types';

interface Uses {
  /** The last entry each pattern reaches (`n`, `n + 1`, `5`). */
  ends: MathNode[];
  /** Names `w_1`, `w_N` written alone, with their subscripts. */
  alone: Map<string, Subscript>;
  /** Used otherwise (as a matrix, from an entry below 1): left alone. */
  bad: boolean;
  /** Written bare (`L(w)`): a declared vector may be, an undeclared name is then a value of its own. */
  bare: boolean;
}

const patternHeads = new Set(['listOver', 'sumOver', 'prodOver']);

/** `i`, `i + c`, `i - c` in the index `index`: c; undefined for anything else. */
function offsetIn(node: MathNode, index: string): number | undefined {
  const n = node as MathNode & {
    type: string;
    name?: string;
    fn?: string;
    args?: MathNode[];
    value?: unknown;
  };
  if (n.type === 'SymbolNode') return n.name === index ? 0 : undefined;
  if (n.type !== 'OperatorNode' || (n.fn !== 'add' && n.fn !== 'subtract') || n.args?.length !== 2)
    return undefined;
  const [a, b] = n.args as [MathNode & { type: string; name?: string }, MathNode & { value?: unknown }];
  if (a.type !== 'SymbolNode' || a.name !== index || (b as { type?: string }).type !== 'ConstantNode')
    return undefined;
  const c = Number(b.value);
  return n.fn === 'add' ? c : -c;
}

/** `j`, `j + 1`, `j - 1` as a subscript; undefined for anything else. */
function symbolIndex(node: MathNode): Subscript | undefined {
  const n = node as MathNode & { type: string; name?: string; args?: MathNode[] };
  if (n.type === 'SymbolNode') return { symbol: n.name as string, offset: 0 };
  const head = n.args?.[0] as (MathNode & { type: string; name?: string }) | undefined;
  if (head?.type !== 'SymbolNode') return undefined;
  const c = offsetIn(node, head.name as string);
  return c === undefined ? undefined : { symbol: head.name as string, offset: c };
}

/** Whether a node at `path` under `parent` is the function of an application (`f_i` in `f_i(x)`). */
function appliedAt(path: string, parent: MathNode | null): boolean {
  const p = parent as FunctionNode | null;
  return !!p?.isFunctionNode && (p.fn.name === 'call' || p.fn.name === 'derivFn') && path === 'args[0]';
}

function collect(roots: readonly MathNode[]): Map<string, Uses> {
  const uses = new Map<string, Uses>();
  const of = (b: string): Uses => {
    let u = uses.get(b);
    if (!u) uses.set(b, (u = { ends: [], alone: new Map(), bad: false, bare: false }));
    return u;
  };
  const inPattern = new Set<MathNode>();
  for (const root of roots)
    root.traverse((n) => {
      const f = n as FunctionNode;
      if (!f.isFunctionNode) return;
      const head = f.fn.name;
      // A matrix pattern gridOver(i, j, m, n, body) runs i over 1 … m and j over 1 … n.
      const runs: [MathNode | undefined, MathNode | undefined, MathNode | undefined, MathNode | undefined][] =
        patternHeads.has(head)
          ? [f.args.slice(0, 4) as [MathNode, MathNode, MathNode, MathNode]]
          : head === 'gridOver'
            ? [
                [f.args[0], num(1), f.args[2], f.args[4]],
                [f.args[1], num(1), f.args[3], f.args[4]],
              ]
            : [];
      for (const [index, lo, hi, body] of runs) {
        const name = (index as SymbolNode | undefined)?.name;
        if (!name || !lo || !hi || !body) continue;
        // `\sum_i ε_i …` runs over what it indexes (verify/indexExtent.ts): it names no last entry.
        const loose = (hi as FunctionNode).fn?.name === 'indexExtent';
        body.traverse((m, at, parent) => {
          const e = m as FunctionNode;
          if (!e.isFunctionNode || e.fn.name !== 'entry' || !(e.args[0] as SymbolNode).isSymbolNode) return;
          const base = (e.args[0] as SymbolNode).name;
          if (appliedAt(at, parent)) {
            of(base).bad = true; // `\sum_i f_i(x)`: a family of functions (latex/families.ts), no vector
            return;
          }
          const c = e.args.length === 2 ? offsetIn(e.args[1] as MathNode, name) : undefined;
          if (c === undefined) return;
          inPattern.add(e);
          if (loose) return;
          const low = (lo as { value?: unknown }).value;
          // `x_0, …, x_n` counts from 0, which no vector's entries do; a symbolic start (`x_{j+1}`) is
          // checked at each sample, where an entry outside the vector skips the sample.
          if ((lo as { type?: string }).type === 'ConstantNode' && Number(low) + c < 1) of(base).bad = true;
          of(base).ends.push(c === 0 ? hi : binary(c > 0 ? 'add' : 'subtract', hi, num(Math.abs(c))));
        });
      }
    });
  for (const root of roots)
    root.traverse((n, path, parent) => {
      const f = n as FunctionNode;
      if (
        f.isFunctionNode &&
        f.fn.name === 'entry' &&
        (f.args[0] as SymbolNode).isSymbolNode &&
        !inPattern.has(f)
      ) {
        const base = (f.args[0] as SymbolNode).name;
        if (appliedAt(path, parent)) {
          of(base).bad = true;
          return;
        }
        const k = f.args[1] as (MathNode & { type?: string; value?: unknown }) | undefined;
        const named = k ? symbolIndex(k) : undefined;
        if (f.args.length === 2 && k?.type === 'ConstantNode' && Number(k.value) >= 1)
          of(base).ends.push(num(Number(k.value)));
        else if (f.args.length === 2 && named) of(base).alone.set(`\u0000${k?.toString() ?? ''}`, named);
        else of(base).bad = true;
        return;
      }
      const s = n as SymbolNode;
      if (!s.isSymbolNode || (parent as FunctionNode | null)?.fn === n || path === 'fn') return;
      const split = splitSubscripted(s.name);
      if (split) of(split.base).alone.set(s.name, split.sub);
    });
  // A bare `w` anywhere (not as the vector of an entry).
  for (const root of roots)
    root.traverse((n, path, parent) => {
      const s = n as SymbolNode;
      const p = parent as FunctionNode | null;
      if (!s.isSymbolNode || !uses.has(s.name) || path === 'fn') return;
      if (p?.isFunctionNode && p.fn.name === 'entry' && path === 'args[0]') return;
      (uses.get(s.name) as Uses).bare = true;
    });
  return uses;
}

function note(symbol: string, domain: string): Assumption {
  return { symbol, domain, isDefault: true, role: 'value', convention: 'entries listed with an ellipsis' };
}

/** Declarations reading the entries a step lists (`w_1, …, w_N`) as those of one vector. */
export function familyConventions(
  roots: readonly MathNode[],
  table: SymbolTable,
): { declarations: Declaration[]; notes: Assumption[] } {
  const declarations: Declaration[] = [];
  const notes: Assumption[] = [];
  const written = new Set<string>();
  for (const root of roots) symbolNames(root).forEach((n) => written.add(n));
  // `f_i(x)`, `l^{(i)}(w)`: a family of unknown functions (one per index), never the entries of a vector.
  const heads = new Set<string>();
  for (const root of roots)
    root.traverse((n) => {
      const f = n as FunctionNode;
      const applies = f.isFunctionNode && (f.fn.name === 'call' || f.fn.name === 'derivFn');
      const head = applies ? (f.args[0] as FunctionNode | undefined) : undefined;
      if (head?.isFunctionNode && head.fn.name === 'entry' && (head.args[0] as SymbolNode).isSymbolNode)
        heads.add((head.args[0] as SymbolNode).name);
    });
  for (const [base, u] of collect(roots)) {
    if (heads.has(base)) continue;
    // `\mathbf{a}_1, …, \mathbf{a}_m` is a family of vectors, not the entries of one.
    if (u.bad || u.ends.length === 0 || table.lawOf(base) || /^[\u{1D400}-\u{1D7FF}]/u.test(base)) continue;
    const e = table.lookup(base);
    const declaredVector = e?.kind === 'value' && e.domain.shape.length === 1;
    if ((e !== undefined && !declaredVector) || (!declaredVector && u.bare)) continue;
    // A plain end (`x_n`) is a count; a symbol met only shifted or alone (`x_{j-1}`, `x_j`) an index.
    const named = [...u.ends.map(symbolIndex), ...u.alone.values()].filter(
      (x): x is Subscript => x !== undefined && x.symbol !== '',
    );
    const counts = new Set(
      u.ends.flatMap((x) => ((x as SymbolNode).isSymbolNode ? [(x as SymbolNode).name] : [])),
    );
    const free = [...new Set(named.map((x) => x.symbol))].filter(
      (x) => !counts.has(x) && table.lookup(x) === undefined,
    );
    const ends = [...u.ends, ...[...u.alone.values()].map(subscriptNode)].filter((x) => {
      const at = (x as { type?: string }).type === 'ConstantNode' ? undefined : symbolIndex(x);
      return at ? counts.has(at.symbol) : Number((x as { value?: unknown }).value) >= 1;
    });
    if (ends.length === 0) continue;
    if (!declaredVector) {
      const seen = new Map(ends.map((x) => [x.toString(), x]));
      const length = seen.size === 1 ? ([...seen.values()][0] as MathNode) : fn('max', [...seen.values()]);
      // `f(\mathbf{x})` beside `x_1, …, x_n` with neither declared: the x_i are the entries of 𝐱, as they
      // are when 𝐱 is declared (prose/entries.ts), and 𝐱 is the vector they list.
      const bold = boldLetter(base);
      const vector = bold && written.has(bold) && table.lookup(bold) === undefined ? bold : base;
      declarations.push({
        kind: 'domain',
        names: [vector],
        domain: { field: 'real', loOpen: true, hiOpen: true, shape: [length] },
        offset: 0,
      });
      notes.push(note(vector, `a vector of ${length.toString()} entries`));
      if (vector !== base) {
        declarations.push({ kind: 'definition', name: base, body: new SymbolNode(vector), offset: 0 });
        notes.push(note(base, `the entries of ${vector}`));
      }
      // `x_i` written alone beside `x_1, …, x_n`: i is one of the indices 1 … n.
      for (const i of new Set(free)) {
        declarations.push({
          kind: 'domain',
          names: [i],
          domain: { field: 'integer', lo: num(1), hi: length, loOpen: false, hiOpen: false, shape: [] },
          offset: 0,
        });
        notes.push(note(i, `an index of ${base}, 1 … ${length.toString()}`));
      }
    } else if (free.length > 0) continue;
    for (const [name, s] of u.alone) {
      if (name.startsWith('\u0000')) continue; // an entry already, `z_j` read with j an index
      if (table.lookup(name) !== undefined || (s.symbol === '' && s.offset < 1)) continue;
      declarations.push({
        kind: 'definition',
        name,
        body: new FunctionNode(new SymbolNode('entry'), [new SymbolNode(base), subscriptNode(s)]),
        offset: 0,
      });
    }
  }
  return { declarations, notes };
}
