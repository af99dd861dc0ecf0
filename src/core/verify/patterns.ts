// Lists and matrices written with ellipses (latex/lists.ts): `stack` puts the entries written and the runs
// of each pattern down a column or along a row; `gridOver` fills a matrix from its pattern. A sample where
// a run has fewer entries than were written around its ellipsis (n = 1 in `x_1, x_2, …, x_n`) is no
// instance of what the text wrote, so it is skipped, never judged.
import type { ConstantNode } from 'mathjs';
import { needScalar } from './ops';
import { BudgetExceeded, EvalUnsupported, Eye, InvalidSample, Mat, ShapeError, type Value } from './value';
import { tick, type Env, type Evaluator } from './env';
import { type AnyNode, type CompilerApi, type Scope } from './compilerApi';
import type { FunctionSpec } from './registry';
import { maxEntries } from './sample';

export const patternSpecs: FunctionSpec[] = [
  { names: ['stack'], compile: (c, args, scope) => stack(c, args, scope) },
  {
    names: ['listOver'],
    compile: () => {
      throw new EvalUnsupported('a pattern of entries outside a list');
    },
  },
  { names: ['gridOver'], compile: (c, args, scope) => grid(c, args, scope) },
];

const isListOver = (n: AnyNode): boolean =>
  n.type === 'FunctionNode' && ((n.fn as AnyNode).name as string) === 'listOver';

const constantOf = (n: AnyNode | undefined): number =>
  n?.type === 'ConstantNode' ? Number((n as unknown as ConstantNode).value) : NaN;

/** Bounds read as sizes: undeclared symbols in them are drawn as counts, as a sum's bounds are. */
function sizes(c: CompilerApi, nodes: AnyNode[], scope: Scope): Evaluator[] {
  const names = new Set<string>();
  c.trackers.push(names);
  try {
    return nodes.map((n) => c.node(n, scope));
  } finally {
    c.trackers.pop();
    names.forEach((n) => c.sizeSymbols.add(n));
  }
}

/** A whole count from a bound, refusing a sample where fewer than `shown` entries would be listed. */
function count(env: Env, lo: number, hi: number, shown: number): number {
  const a = Math.ceil(lo - 1e-9);
  const b = Math.floor(hi + 1e-9);
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new InvalidSample('an infinite list');
  const n = b - a + 1;
  if (n < shown) throw new InvalidSample(`a list of ${n} entries where ${shown} are written`);
  if (n > maxEntries) throw new BudgetExceeded(`a list of ${n} entries is beyond the work budget`);
  return n;
}

/** `listOver(i, lo, hi, body, shown)`: the values of body for each i. */
function run(c: CompilerApi, args: AnyNode[], scope: Scope): (env: Env) => Value[] {
  const [index, lo, hi, body, shown] = args;
  if (!index || !lo || !hi || !body) throw new EvalUnsupported('a pattern of entries needs its range');
  const name = c.boundName(index, 'a pattern of entries');
  const [from, to] = sizes(c, [lo, hi], scope) as [Evaluator, Evaluator];
  const slot = c.fresh();
  const inner = c.node(body, new Map(scope).set(name, slot));
  const least = constantOf(shown) || 0;
  return (env) => {
    const a = needScalar(from(env), 'a bound');
    const n = count(env, a, needScalar(to(env), 'a bound'), least);
    const start = Math.ceil(a - 1e-9);
    const saved = env.slots[slot];
    const out: Value[] = [];
    try {
      for (let k = 0; k < n; k++) {
        tick(env);
        env.slots[slot] = start + k;
        out.push(inner(env));
      }
    } finally {
      env.slots[slot] = saved as Value;
    }
    return out;
  };
}

/** `stack(o, …)`: entries down a column (o = 0) or along a row (o = 1); vectors and runs are spliced in. */
function stack(c: CompilerApi, args: AnyNode[], scope: Scope): Evaluator {
  const [o, ...items] = args;
  const along = constantOf(o) === 1;
  const parts = items.map((n) => {
    if (isListOver(n)) return run(c, n.args as AnyNode[], scope);
    const e = c.node(n, scope);
    return (env: Env): Value[] => [e(env)];
  });
  return (env) => {
    const blocks: Mat[] = [];
    for (const part of parts)
      for (const v of part(env)) {
        if (v instanceof Eye) throw new ShapeError('the size of I in a list is unknown');
        blocks.push(typeof v === 'number' ? Mat.fromRows([[v]]) : v);
      }
    if (blocks.length === 0) throw new InvalidSample('an empty list');
    return along ? beside(blocks) : below(blocks);
  };
}

function below(blocks: Mat[]): Mat {
  const cols = (blocks[0] as Mat).cols;
  if (blocks.some((b) => b.cols !== cols)) throw new ShapeError('entries of a column of different widths');
  const rows = blocks.reduce((n, b) => n + b.rows, 0);
  const out = Mat.zeros(rows, cols);
  let at = 0;
  for (const b of blocks) {
    out.data.set(b.data, at);
    at += b.data.length;
  }
  return out;
}

function beside(blocks: Mat[]): Mat {
  const rows = (blocks[0] as Mat).rows;
  if (blocks.some((b) => b.rows !== rows)) throw new ShapeError('entries of a row of different heights');
  const cols = blocks.reduce((n, b) => n + b.cols, 0);
  const out = Mat.zeros(rows, cols);
  let left = 0;
  for (const b of blocks) {
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < b.cols; j++) out.data[i * cols + left + j] = b.get(i, j);
    left += b.cols;
  }
  return out;
}

/** `gridOver(i, j, m, n, body, shownRows, shownCols)`: the m×n matrix of body(i, j). */
function grid(c: CompilerApi, args: AnyNode[], scope: Scope): Evaluator {
  const [row, col, m, n, body, shownRows, shownCols] = args;
  if (!row || !col || !m || !n || !body) throw new EvalUnsupported('a matrix pattern needs its size');
  const i = c.boundName(row, 'a matrix pattern');
  const j = c.boundName(col, 'a matrix pattern');
  const [rows, cols] = sizes(c, [m, n], scope) as [Evaluator, Evaluator];
  const si = c.fresh();
  const sj = c.fresh();
  const inner = c.node(body, new Map(scope).set(i, si).set(j, sj));
  return (env) => {
    const r = count(env, 1, needScalar(rows(env), 'a size'), constantOf(shownRows) || 0);
    const k = count(env, 1, needScalar(cols(env), 'a size'), constantOf(shownCols) || 0);
    if (r * k > maxEntries) throw new BudgetExceeded(`a ${r}×${k} matrix is beyond the work budget`);
    const out = Mat.zeros(r, k);
    const saved = [env.slots[si], env.slots[sj]];
    try {
      for (let a = 0; a < r; a++)
        for (let b = 0; b < k; b++) {
          tick(env);
          env.slots[si] = a + 1;
          env.slots[sj] = b + 1;
          out.data[a * k + b] = needScalar(inner(env), 'a matrix entry');
        }
    } finally {
      env.slots[si] = saved[0] as Value;
      env.slots[sj] = saved[1] as Value;
    }
    return out;
  };
}
