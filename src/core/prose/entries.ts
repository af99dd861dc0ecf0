// Entries named by the plain letter: texts write the entries of a vector `\mathbf{x}` as `x_i` and those of a
// matrix `\mathbf{X}` or `\mathbf{A}` as `x_{ij}`, `a_{ij}` ("we refer to the elements of x as x_1, …, x_n").
// A plain letter that nothing declares (or the prose only as a scalar), used only with subscripts, whose bold form (lower or upper case)
// is a declared vector or matrix of matching rank, names that object's entries. The reading is listed in
// the step's assumptions as a convention.
import { SymbolNode, type MathNode } from 'mathjs';
import { fn, num } from '../latex/nodes';
import type { Declaration } from '../latex/types';
import type { SymbolTable } from '../symbols/table';
import type { Assumption } from '../types';

interface Node {
  type: string;
  name?: string;
  fn?: Node | string;
  args?: Node[];
  forEach(cb: (child: MathNode, path: string) => void): void;
}

/** `\mathbf{x}`, `\boldsymbol{\beta}` as the parser names them: the Unicode mathematical bold letter. */
export function boldLetter(letter: string): string | undefined {
  if (/^[a-z]$/.test(letter)) return String.fromCodePoint(0x1d41a + letter.charCodeAt(0) - 97);
  if (/^[A-Z]$/.test(letter)) return String.fromCodePoint(0x1d400 + letter.charCodeAt(0) - 65);
  const cp = letter.length === 1 ? letter.charCodeAt(0) : 0;
  if (cp >= 0x3b1 && cp <= 0x3c9) return String.fromCodePoint(0x1d6c2 + cp - 0x3b1);
  if (cp >= 0x391 && cp <= 0x3a9) return String.fromCodePoint(0x1d6a8 + cp - 0x391);
  return undefined;
}

/** For each symbol: how many subscripts it takes as `entry(s, …)`, or -1 when it is also used otherwise. */
function entryUses(roots: readonly MathNode[]): Map<string, number> {
  const uses = new Map<string, number>();
  const note = (name: string, k: number): void => {
    const was = uses.get(name);
    uses.set(name, was === undefined || was === k ? k : -1);
  };
  const walk = (node: Node): void => {
    const head = typeof node.fn === 'object' ? node.fn.name : undefined;
    const first = node.args?.[0];
    if (node.type === 'FunctionNode' && head === 'entry' && first?.type === 'SymbolNode' && first.name) {
      note(first.name, (node.args?.length ?? 1) - 1);
      node.args?.slice(1).forEach(walk);
      return;
    }
    if (node.type === 'SymbolNode' && node.name !== undefined) {
      note(node.name, -1);
      return;
    }
    node.forEach((child, path) => {
      if (path !== 'fn') walk(child as unknown as Node);
    });
  };
  for (const r of roots) walk(r as unknown as Node);
  return uses;
}

/** 1 for a vector, 2 for a matrix: declared so, or set to one written out in a worked example. */
function rank(table: SymbolTable, name: string): number | undefined {
  const e = table.lookup(name);
  if (e?.kind === 'value') return e.domain.shape.length;
  const body = e?.kind === 'definition' ? (e.body as unknown as Node & { items?: Node[] }) : undefined;
  if (body?.type !== 'ArrayNode' || !body.items?.length) return undefined;
  // A column written `\begin{bmatrix} 1 \\ 7 \end{bmatrix}` is rows of one entry each: a vector.
  const rows = body.items as (Node & { items?: Node[] })[];
  if (rows.every((r) => r.type === 'ArrayNode' && r.items?.length === 1)) return 1;
  return rows.every((r) => r.type === 'ArrayNode') ? 2 : 1;
}

/** Nothing declares `name`, or only the prose as a scalar (`$x \in \mathbb{R}$` in an earlier paragraph): a
 *  subscript on a scalar cannot mean that scalar, while the student's own `<!-- let -->` is kept. */
function unclaimed(table: SymbolTable, name: string): boolean {
  const e = table.lookup(name);
  return e === undefined || (e.kind === 'value' && e.source === 'prose' && e.domain.shape.length === 0);
}

/** Declarations reading undeclared plain letters as the entries of their declared bold namesakes. */
export function entryConventions(
  roots: readonly MathNode[],
  table: SymbolTable,
): { declarations: Declaration[]; notes: Assumption[] } {
  const declarations: Declaration[] = [];
  const notes: Assumption[] = [];
  const uses = entryUses(roots);
  for (const [name, subscripts] of uses) {
    if (subscripts < 1 || subscripts > 2 || !unclaimed(table, name)) continue;
    const candidates = boldNamesakes(table, name, subscripts);
    // Both `\mathbf{x}` and `\mathbf{X}` would fit: the text has not said which.
    if (candidates.length !== 1) continue;
    const bold = candidates[0] as string;
    declarations.push({ kind: 'definition', name, body: new SymbolNode(bold), offset: 0 });
    notes.push(note(name, bold));
  }
  for (const name of uses.keys()) {
    // `a_{11}`, `x_3` outside a sum: one entry, named by its digits.
    const m = /^([A-Za-z])_\{?(\d)(\d)?\}?$/.exec(name);
    if (!m || !unclaimed(table, name)) continue;
    const [, letter = '', i = '', j] = m;
    const subscripts = j === undefined ? 1 : 2;
    const candidates = boldNamesakes(table, letter, subscripts);
    if (candidates.length !== 1) continue;
    const bold = candidates[0] as string;
    const at = [num(Number(i)), ...(j === undefined ? [] : [num(Number(j))])];
    declarations.push({
      kind: 'definition',
      name,
      body: fn('entry', [new SymbolNode(bold), ...at]),
      offset: 0,
    });
    notes.push(note(name, bold));
  }
  return { declarations, notes };
}

function note(symbol: string, bold: string): Assumption {
  return {
    symbol,
    domain: `the entries of ${bold}`,
    isDefault: true,
    role: 'value',
    convention: 'entries named by the plain letter',
  };
}

/** The bold forms of `letter` (as written and upper case) that are declared with `subscripts` indices. */
function boldNamesakes(table: SymbolTable, letter: string, subscripts: number): string[] {
  return [boldLetter(letter), boldLetter(letter.toUpperCase())].filter(
    (b, i, all) => b !== undefined && all.indexOf(b) === i && rank(table, b) === subscripts,
  ) as string[];
}
