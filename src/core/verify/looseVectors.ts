// Undeclared symbols written with subscripts inside sums, as people write them: `\sum_i v_i w_i`,
// `\sum_{i=1}^{n} x_i`, `\sum_{i,j} A_{ij}`. Nothing declares v, x or A, yet the text reads them as vectors and
// matrices, so the step is checked on sampled ones: with a bounded sum the bound is the length; without,
// a sampled length shared by every symbol one index letter indexes in the step (and by every use of one
// symbol). A bold `\mathbf{v}` beside `v_i` is the same vector, and a written-out `x_1` beside `x_i` is its
// first entry. The reading is read off both sides before compiling, so one step has one reading; a use
// that contradicts it (`x` as a number beside `x_i`) makes the step unverifiable, never guessed.
import type { FunctionNode, MathNode, SymbolNode } from 'mathjs';
import { applyFont } from '../latex/names';
import type { SymbolTable } from '../symbols/table';
import type { AnyNode } from './compilerApi';
import { EvalUnsupported } from './value';

/** The length of one axis group: the bound of its sum, or sampled (at least `min`, the largest entry
 *  written out, `x_3`). `name` is what the report calls it. */
export interface LooseLength {
  name: string;
  bound?: MathNode;
  min: number;
}

export class LooseReading {
  /** Plain name → the length group of each axis (one for a vector, two for a matrix). */
  readonly symbols = new Map<string, number[]>();
  readonly lengths: LooseLength[] = [];
  /** Bold name → the plain one it stands for (`𝐯` → `v`). */
  readonly aliases = new Map<string, string>();
  /** A written-out entry → its vector and position (`x_1` → [x, 1]). */
  readonly members = new Map<string, [string, number]>();
  /** A family of unknown functions (`f` of `f_i(x)`) → the name the report gives it, so that `f_1(x)`
   *  is its member 1. */
  readonly families = new Map<string, string>();
  /** Set when the step uses a symbol in two readings that cannot both hold. */
  conflict?: EvalUnsupported;
}

export const noLooseReading = new LooseReading();

/** Operators over random symbols: an entry in a step with them is a value of a random variable, which
 *  prose relates to it; sampling it as a free vector would judge a claim the text does not make. */
const probability = new Set(['expect', 'variance', 'cov', 'prob', 'condProb', 'condExpect', 'entropy', 'kl']);
/** Where a bare `v` beside `v_i` is plainly the vector: `\|v\|`, `v^\top`, and sums and differences in them. */
const vectorContexts = new Set(['norm', 'transpose']);
const linearOps = new Set(['add', 'subtract', 'unaryMinus', 'unaryPlus']);

const literalMember = /^(.+)_(?:(\d+)|\{(\d+)\})$/;

interface Use {
  name: string;
  subscripts: AnyNode[];
  /** The bound index of each subscript when it is a bare bound index, else undefined. */
  indices: (string | undefined)[];
  valid: boolean;
}

interface SumScope {
  index: string;
  /** The upper bound when the sum has bounds starting at 1. */
  bound?: MathNode;
  /** False when the sum starts elsewhere than 1: entries then cannot be the 1-based ones sampled. */
  fromOne: boolean;
}

const isSymbol = (n: AnyNode | undefined): n is AnyNode & SymbolNode => n?.type === 'SymbolNode';
const fnName = (n: AnyNode): string | undefined =>
  n.type === 'FunctionNode' ? ((n as unknown as FunctionNode).fn as SymbolNode).name : undefined;
const operator = (n: AnyNode): string => (n.type === 'OperatorNode' ? (n.fn as string) : '');
const mentions = (n: AnyNode, name: string): boolean =>
  n.filter((m) => isSymbol(m as AnyNode) && (m as SymbolNode).name === name).length > 0;
/** Does a chain of products have a transposed factor (`y^\top M z`)? */
const hasTransposedFactor = (n: AnyNode): boolean =>
  fnName(n) === 'transpose' ||
  (operator(n) === 'multiply' && (n.args as AnyNode[]).some(hasTransposedFactor));
const isOne = (n: AnyNode | undefined): boolean =>
  n?.type === 'ConstantNode' && (n as unknown as { value: unknown }).value === 1;

/** Reads which undeclared symbols of `roots` are loose vectors and matrices. */
export function readLoose(roots: readonly MathNode[], table: SymbolTable): LooseReading {
  const uses: Use[] = [];
  const bare = new Map<string, boolean>(); // name → every bare use is in a vector context
  const excluded = new Set<string>();
  const sums = new Map<string, SumScope[]>();
  const declaredLengths = new Map<string, MathNode>();
  const reading = new LooseReading();
  const visit = (n: AnyNode, scope: readonly SumScope[], path: readonly AnyNode[]): void => {
    const name = fnName(n);
    const args = (n.args as AnyNode[] | undefined) ?? [];
    if ((name === 'sumOver' || name === 'prodOver') && args.length === 4 && isSymbol(args[0])) {
      const index = args[0].name;
      const [, lo, hi, body] = args as [AnyNode, AnyNode, AnyNode, AnyNode];
      const unbounded = fnName(hi) === 'indexExtent';
      const s: SumScope = { index, fromOne: isOne(lo), ...(unbounded ? {} : { bound: hi }) };
      sums.set(index, [...(sums.get(index) ?? []), s]);
      visit(lo, scope, [...path, n]);
      if (!unbounded) visit(hi, scope, [...path, n]);
      visit(body, [...scope, s], [...path, n]);
      return;
    }
    if (name === 'entry' && isSymbol(args[0])) {
      const declared = table.lookup(args[0].name);
      const parent = path[path.length - 1];
      const head = parent && (fnName(parent) === 'call' || fnName(parent) === 'derivFn') && parent.args;
      const object = args[0].name;
      const subscripts = args.slice(1);
      if (head && (head as AnyNode[])[0] === n) {
        if (!reading.families.has(object))
          reading.families.set(object, `${object}_${subscripts.map(String).join('')}`);
      } else if (declared?.kind === 'value') {
        // `\sum_i w_i x_i` with w declared: x is as long as w along i.
        const shape = declared.domain.shape;
        subscripts.forEach((sub, axis) => {
          const along =
            subscripts.length === 1 ? (shape.length === 2 && isOne(shape[0] as AnyNode) ? 1 : 0) : axis;
          const size = shape[along];
          if (isSymbol(sub) && size && !declaredLengths.has(sub.name)) declaredLengths.set(sub.name, size);
        });
      } else if (!table.lookup(object) && !scope.some((s) => s.index === object)) {
        // A subscript reads bound indices and the bounds of their sums (`x_{n+1-j}` in `\sum_{j=1}^{n}`).
        const known = (x: string): boolean =>
          scope.some((s) => s.index === x || (s.bound !== undefined && mentions(s.bound as AnyNode, x)));
        const bound = (m: AnyNode): boolean =>
          m.filter((x) => isSymbol(x as AnyNode)).every((x) => known((x as SymbolNode).name));
        const indices = subscripts.map((s) => (isSymbol(s) ? s.name : undefined));
        const fromOne = indices.every((i) => !i || [...scope].reverse().find((s) => s.index === i)?.fromOne);
        uses.push({
          name: object,
          subscripts,
          indices,
          valid: fromOne && subscripts.every(bound) && subscripts.length <= 2,
        });
      }
      subscripts.forEach((s) => visit(s, scope, [...path, n]));
      return;
    }
    if (isSymbol(n) && !scope.some((s) => s.index === n.name)) {
      let k = path.length - 1;
      while (k >= 0 && (linearOps.has(operator(path[k] as AnyNode)) || path[k]?.type === 'ParenthesisNode'))
        k--;
      const up = path[k];
      // `v^\top w`, `y^\top M z`: a factor of a product with a transposed factor is a vector too.
      while (
        k > 0 &&
        operator(path[k] as AnyNode) === 'multiply' &&
        operator(path[k - 1] as AnyNode) === 'multiply'
      )
        k--;
      const besideTranspose =
        up !== undefined && operator(up) === 'multiply' && hasTransposedFactor(path[k] as AnyNode);
      const inVector = up !== undefined && (vectorContexts.has(fnName(up) ?? '') || besideTranspose);
      bare.set(n.name, (bare.get(n.name) ?? true) && inVector);
    }
    n.forEach((child) => visit(child as AnyNode, scope, [...path, n]));
  };
  for (const r of roots) visit(r as AnyNode, [], []);
  // A step about random variables (`E[X] = \sum_i x_i p_i`) relates its entries to them through prose
  // (probability/pairing.ts reads it); without those words they stay undeclared, never free vectors.
  if (roots.some((r) => r.filter((n) => probability.has(fnName(n as AnyNode) ?? '')).length > 0))
    return reading;

  // Which symbols are loose: every subscripted use reads, each of one or two subscripts.
  const byName = new Map<string, Use[]>();
  for (const u of uses) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  for (const [name, list] of byName) {
    const bold = applyFont('mathbf', name);
    if (list.some((u) => !u.valid) || bold === name || [...name].length !== 1 || table.lookup(bold)) {
      excluded.add(name);
      continue;
    }
    const counts = new Set(list.map((u) => u.subscripts.length));
    if (counts.size > 1) {
      reading.conflict = conflict(name, `${name} has entries with one and with two subscripts`);
      return reading;
    }
    if (bare.has(name) && !bare.get(name)) {
      reading.conflict = conflict(
        name,
        `${name} is written both with subscripts (its entries) and alone as a number: declare what it is`,
      );
      return reading;
    }
    reading.symbols.set(name, []);
    if (bare.has(bold)) reading.aliases.set(bold, name);
  }

  // Length groups: one per axis, merged through the index letters that run over them.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const r = find(p);
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string): void => {
    parent.set(find(a), find(b));
  };
  for (const u of uses)
    if (reading.symbols.has(u.name))
      u.indices.forEach((i, axis) => i && union(`${u.name}#${axis}`, `index:${i}`));
  const groups = new Map<string, number>();
  for (const [name, axes] of reading.symbols) {
    const count = byName.get(name)?.[0]?.subscripts.length ?? 1;
    for (let axis = 0; axis < count; axis++) {
      const root = find(`${name}#${axis}`);
      let g = groups.get(root);
      if (g === undefined) {
        g = reading.lengths.length;
        groups.set(root, g);
        reading.lengths.push({
          name: `#${name}${count > 1 ? (axis === 0 ? '.rows' : '.cols') : ''}`,
          min: 1,
        });
      }
      axes.push(g);
    }
  }
  // A bounded sum decides its group's length; two different bounds for one group cannot both hold.
  for (const [index, scopes] of sums) {
    const g = groups.get(find(`index:${index}`));
    if (g === undefined) continue;
    const len = reading.lengths[g] as LooseLength;
    for (const s of scopes) {
      if (!s.bound) continue;
      if (len.bound && len.bound.toString() !== s.bound.toString()) {
        reading.conflict = conflict(
          index,
          `the entries ${index} runs over are summed up to ${len.bound.toString()} and to ${s.bound.toString()}: declare their length`,
        );
        return reading;
      }
      len.bound = s.bound;
      len.name = s.bound.toString();
    }
  }
  // Without bounds, an index that also runs over a declared vector takes its length.
  for (const [index, size] of declaredLengths) {
    const len = reading.lengths[groups.get(find(`index:${index}`)) ?? -1];
    if (len && !len.bound) {
      len.bound = size;
      len.name = size.toString();
    }
  }
  // `x_3` beside `x_i`: entry 3 of x; `f_1(x)` beside `f_i(x)`: member 1 of the family (calls.ts).
  for (const name of bare.keys()) {
    const m = literalMember.exec(name);
    const base = m?.[1] as string;
    const axes = reading.symbols.get(base);
    if (!m || table.lookup(name) || !axes || axes.length !== 1) continue;
    const k = Number(m[2] ?? m[3]);
    if (k < 1) continue;
    reading.members.set(name, [base, k]);
    const len = reading.lengths[axes[0] as number] as LooseLength;
    len.min = Math.max(len.min, k);
  }
  return reading;
}

/** `f_1` of a family `f` met in the step (`f_i(x)`): its family and index. */
export function familyMemberOf(reading: LooseReading, name: string): [string, number] | undefined {
  const m = literalMember.exec(name);
  const base = m?.[1];
  if (!m || base === undefined || !reading.families.has(base)) return undefined;
  return [base, Number(m[2] ?? m[3])];
}

function conflict(subject: string, message: string): EvalUnsupported {
  return new EvalUnsupported(message, 'conflicting-use', subject);
}
