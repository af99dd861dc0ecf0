// Turns a mathjs tree of the parser's vocabulary into a closure evaluated once per sample. Compiling once
// per step and evaluating per sample keeps a scalar step in microseconds. Symbols live in numbered slots;
// definitions and declared functions are expanded inline (with a guard against circular definitions), so
// the sampler sees the symbols they depend on as free symbols of the step.
import type { MathNode } from 'mathjs';
import { constants, identityName } from '../symbols/defaults';
import type { SymbolTable } from '../symbols/table';
import { builtins } from './functions';
import { add, div, mul, needScalar, neg, pow, scalarOf, sub } from './ops';
import { BudgetExceeded, EvalUnsupported, Eye, InvalidSample, Mat, ShapeError, type Value } from './value';

/** Per-evaluation state: slot values and the work budget shared by all samples of a step. */
export interface Env {
  slots: Value[];
  work: number;
  budget: number;
  /** Date.now() after which work stops (a safety net behind the deterministic budget). */
  deadline: number;
}

export type Evaluator = (env: Env) => Value;

/** Names the evaluator takes from its raw (unevaluated) arguments. */
export const rawFunctions = new Set([
  'sumOver',
  'prodOver',
  'piecewise',
  'deriv',
  'grad',
  'call',
  'derivFn',
  'entry',
]);

/** Largest number of terms a single sum or product may have. */
const maxTerms = 1_000_000;
const maxExpansionDepth = 32;

function tick(env: Env, n = 1): void {
  env.work += n;
  if (env.work > env.budget) throw new BudgetExceeded('the work budget of the step ran out');
  if ((env.work & 1023) < n && Date.now() > env.deadline) throw new BudgetExceeded('the step took too long');
}

type AnyNode = MathNode & Record<string, unknown> & { type: string };

const relationOps: Record<string, (a: number, b: number) => boolean> = {
  smaller: (a, b) => a < b,
  smallerEq: (a, b) => a <= b,
  larger: (a, b) => a > b,
  largerEq: (a, b) => a >= b,
  equal: (a, b) => a === b,
  unequal: (a, b) => a !== b,
};

const binaryOps: Record<string, (a: Value, b: Value) => Value> = {
  add,
  subtract: sub,
  multiply: mul,
  divide: div,
  pow,
};

export class Compiler {
  /** Free symbols of everything compiled so far, with their slots. */
  readonly free = new Map<string, number>();
  slotCount = 0;
  usesDerivative = false;
  readonly constantsUsed = new Set<string>();
  identityUsed = false;
  /** Free symbols in the bounds of sums and products: when undeclared they are sizes, not reals. */
  readonly sizeSymbols = new Set<string>();
  private readonly expanding: string[] = [];
  private readonly trackers: Set<string>[] = [];

  constructor(private readonly table: SymbolTable) {}

  /** A closure computing `node`; throws EvalUnsupported for what cannot be evaluated. */
  compile(node: MathNode): Evaluator {
    return this.node(node as AnyNode, new Map());
  }

  /** Like compile, also returning the free symbols the expression reads (to order sampling). */
  compileTracked(node: MathNode): { evaluate: Evaluator; names: Set<string> } {
    const names = new Set<string>();
    this.trackers.push(names);
    try {
      return { evaluate: this.compile(node), names };
    } finally {
      this.trackers.pop();
    }
  }

  /** The slot of a free symbol, created on first use. */
  slotOf(name: string): number {
    for (const t of this.trackers) t.add(name);
    let s = this.free.get(name);
    if (s === undefined) {
      s = this.slotCount++;
      this.free.set(name, s);
    }
    return s;
  }

  private fresh(): number {
    return this.slotCount++;
  }

  private node(n: AnyNode, scope: ReadonlyMap<string, number>): Evaluator {
    switch (n.type) {
      case 'ConstantNode': {
        const v = n.value;
        const num = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : Number(v);
        if (Number.isNaN(num)) throw new EvalUnsupported(`cannot evaluate the constant ${String(v)}`);
        return () => num;
      }
      case 'SymbolNode':
        return this.symbol(n.name as string, scope);
      case 'ParenthesisNode':
        return this.node(n.content as AnyNode, scope);
      case 'OperatorNode':
        return this.operator(n.fn as string, n.args as AnyNode[], scope);
      case 'FunctionNode':
        return this.func(n, scope);
      case 'ArrayNode':
        return this.array(n.items as AnyNode[], scope);
      case 'AccessorNode':
        return this.accessor(n, scope);
      case 'RelationalNode': {
        const conds = n.conditionals as string[];
        const params = (n.params as AnyNode[]).map((p) => this.node(p, scope));
        return (env) => {
          const vals = params.map((p) => needScalar(p(env), 'a comparison'));
          for (let i = 0; i < conds.length; i++) {
            const op = relationOps[conds[i] as string];
            if (!op || !op(vals[i] as number, vals[i + 1] as number)) return 0;
          }
          return 1;
        };
      }
      case 'ConditionalNode': {
        const c = this.node(n.condition as AnyNode, scope);
        const t = this.node(n.trueExpr as AnyNode, scope);
        const f = this.node(n.falseExpr as AnyNode, scope);
        return (env) => (needScalar(c(env), 'a condition') ? t(env) : f(env));
      }
      default:
        throw new EvalUnsupported(`cannot evaluate a ${n.type}`);
    }
  }

  private symbol(name: string, scope: ReadonlyMap<string, number>): Evaluator {
    const bound = scope.get(name);
    if (bound !== undefined) return (env) => env.slots[bound] as Value;
    const entry = this.table.lookup(name);
    if (entry?.kind === 'definition') {
      const body = this.expand(name, () => this.node(entry.body as AnyNode, new Map()));
      return body;
    }
    if (entry?.kind === 'function') {
      throw new EvalUnsupported(`${name} is a declared function: apply it to an argument, as ${name}(x)`);
    }
    if (!entry) {
      const c = constants.get(name);
      if (c) {
        this.constantsUsed.add(name);
        return () => c.value;
      }
      // `I`, and `I_n`/`I_d` with the size written out, are the identity of the size the context needs.
      if (name === identityName || /^I_/.test(name)) {
        this.identityUsed = true;
        const eye = new Eye(1);
        return () => eye;
      }
      if (name === 'Infinity' || name === '∞') return () => Infinity;
    }
    const slot = this.slotOf(name);
    return (env) => env.slots[slot] as Value;
  }

  private expand<T>(name: string, build: () => T): T {
    if (this.expanding.includes(name)) {
      throw new EvalUnsupported(`circular definition: ${[...this.expanding, name].join(' → ')}`);
    }
    if (this.expanding.length >= maxExpansionDepth)
      throw new EvalUnsupported('definitions nested too deeply');
    this.expanding.push(name);
    try {
      return build();
    } finally {
      this.expanding.pop();
    }
  }

  private operator(fn: string, args: AnyNode[], scope: ReadonlyMap<string, number>): Evaluator {
    const ev = args.map((a) => this.node(a, scope));
    const [a, b] = ev;
    if (!a) throw new EvalUnsupported(`operator ${fn} without operands`);
    const binary = binaryOps[fn];
    if (binary && b) {
      if (ev.length > 2) {
        // mathjs folds `a + b + c` into one node for add and multiply only; keep the written order.
        return (env) => ev.slice(1).reduce((acc, e) => binary(acc, e(env)), a(env));
      }
      return (env) => binary(a(env), b(env));
    }
    if (fn === 'unaryMinus') return (env) => neg(a(env));
    if (fn === 'unaryPlus') return a;
    if (fn === 'factorial') {
      const f = builtins.factorial as (args: Value[]) => Value;
      return (env) => f([a(env)]);
    }
    const rel = relationOps[fn];
    if (rel && b) return (env) => truth(a(env), b(env), rel);
    if (fn === 'and' && b) return (env) => truth(a(env), b(env), (x, y) => x !== 0 && y !== 0);
    if (fn === 'or' && b) return (env) => truth(a(env), b(env), (x, y) => x !== 0 || y !== 0);
    if (fn === 'not') return (env) => (needScalar(a(env), 'not') ? 0 : 1);
    throw new EvalUnsupported(`cannot evaluate the operator ${fn}`);
  }

  private func(n: AnyNode, scope: ReadonlyMap<string, number>): Evaluator {
    const fnNode = n.fn as AnyNode;
    const name = fnNode.type === 'SymbolNode' ? (fnNode.name as string) : '';
    const args = n.args as AnyNode[];
    switch (name) {
      case 'sumOver':
      case 'prodOver':
        return this.bigOperator(name, args, scope);
      case 'piecewise':
        return this.piecewise(args, scope);
      case 'deriv':
      case 'grad':
        return this.derivative(name, args, scope);
      case 'call':
        return this.call(args, scope);
      case 'derivFn':
        return this.derivFn(args, scope);
      case 'entry':
        return this.entry(args, scope);
    }
    const impl = builtins[name];
    if (impl) {
      const ev = args.map((a) => this.node(a, scope));
      if (ev.length === 1) {
        const only = ev[0] as Evaluator;
        return (env) => impl([only(env)]);
      }
      return (env) => impl(ev.map((e) => e(env)));
    }
    if (name && this.table.lookup(name)?.kind === 'function') {
      return this.apply(name, args, scope);
    }
    throw new EvalUnsupported(
      name ? `unknown function ${name}` : 'cannot evaluate the application of an expression as a function',
    );
  }

  private boundName(node: AnyNode | undefined, what: string): string {
    if (node?.type !== 'SymbolNode') throw new EvalUnsupported(`${what} needs a variable name`);
    return node.name as string;
  }

  private bigOperator(
    name: 'sumOver' | 'prodOver',
    args: AnyNode[],
    scope: ReadonlyMap<string, number>,
  ): Evaluator {
    if (args.length !== 4) throw new EvalUnsupported(`${name} takes an index, two bounds and a body`);
    const index = this.boundName(args[0], name === 'sumOver' ? 'a sum' : 'a product');
    const boundNames = new Set<string>();
    this.trackers.push(boundNames);
    let lo: Evaluator;
    let hi: Evaluator;
    try {
      lo = this.node(args[1] as AnyNode, scope);
      hi = this.node(args[2] as AnyNode, scope);
    } finally {
      this.trackers.pop();
    }
    boundNames.forEach((n) => this.sizeSymbols.add(n));
    const slot = this.fresh();
    const inner = new Map(scope).set(index, slot);
    const body = this.node(args[3] as AnyNode, inner);
    const isSum = name === 'sumOver';
    return (env) => {
      const a = Math.ceil(needScalar(lo(env), 'a bound') - 1e-9);
      const b = Math.floor(needScalar(hi(env), 'a bound') + 1e-9);
      if (!Number.isFinite(a) || !Number.isFinite(b)) throw new InvalidSample('an infinite bound');
      const count = b - a + 1;
      if (count > maxTerms) {
        throw new BudgetExceeded(
          `a ${isSum ? 'sum' : 'product'} of ${count} terms is beyond the work budget`,
        );
      }
      let acc: Value = isSum ? 0 : 1;
      const saved = env.slots[slot];
      try {
        for (let i = a; i <= b; i++) {
          tick(env);
          env.slots[slot] = i;
          const v = body(env);
          if (typeof acc === 'number' && typeof v === 'number') acc = isSum ? acc + v : acc * v;
          else acc = isSum ? add(acc, v) : mul(acc, v);
        }
      } finally {
        env.slots[slot] = saved as Value;
      }
      return acc;
    };
  }

  private piecewise(args: AnyNode[], scope: ReadonlyMap<string, number>): Evaluator {
    const ev = args.map((a) => this.node(a, scope));
    const otherwise = ev.length % 2 === 1 ? ev[ev.length - 1] : undefined;
    const pairs: [Evaluator, Evaluator][] = [];
    for (let i = 0; i + 1 < ev.length; i += 2) pairs.push([ev[i] as Evaluator, ev[i + 1] as Evaluator]);
    return (env) => {
      for (let k = 0; k < pairs.length; k++) {
        const [cond, value] = pairs[k] as [Evaluator, Evaluator];
        const c = cond(env);
        if (c instanceof Mat && scalarOf(c) === undefined) return entrywiseCases(env, c, k, pairs, otherwise);
        const s = needScalar(c, 'a condition of cases');
        if (s !== 0 && !Number.isNaN(s)) return value(env);
      }
      if (otherwise) return otherwise(env);
      throw new InvalidSample('no case of the piecewise definition applies');
    };
  }

  private derivative(name: 'deriv' | 'grad', args: AnyNode[], scope: ReadonlyMap<string, number>): Evaluator {
    if (args.length !== 2) throw new EvalUnsupported(`${name} takes a variable and an expression`);
    this.usesDerivative = true;
    const target = args[0] as AnyNode;
    const targetFn = target.type === 'FunctionNode' ? ((target.fn as AnyNode).name as string) : '';
    if (targetFn === 'entry') {
      // ∂/∂z_j: perturb one entry of a vector (or matrix) variable.
      const [objectNode, ...subscripts] = target.args as AnyNode[];
      const variable = this.boundName(objectNode, 'a derivative');
      if (!scope.has(variable) && !this.table.lookup(variable))
        throw undeclaredEntries(variable, subscripts.length);
      const slot = scope.get(variable) ?? this.slotOf(variable);
      const subs = subscripts.map((d) => this.node(d, scope));
      const body = this.node(args[1] as AnyNode, scope);
      return (env) => {
        const z = env.slots[slot] as Value;
        const ij = subs.map((d) => needScalar(d(env), 'an index'));
        if (!(z instanceof Mat)) {
          if (ij.every((x) => x === 1)) return differentiate(env, slot, body);
          throw new ShapeError(`a subscript on the scalar ${variable}`);
        }
        const [i, j] = ij.length === 1 ? (z.cols === 1 ? [ij[0], 1] : [1, ij[0]]) : ij;
        const k = ((i as number) - 1) * z.cols + ((j as number) - 1);
        if (
          !Number.isInteger(k) ||
          (i as number) < 1 ||
          (i as number) > z.rows ||
          (j as number) < 1 ||
          (j as number) > z.cols
        ) {
          throw new InvalidSample(`index (${i}, ${j}) outside a ${z.rows}×${z.cols} value`);
        }
        try {
          return scalarDerivative(env, z.data[k] as number, (t) => {
            const moved = new Mat(z.rows, z.cols, Float64Array.from(z.data));
            moved.data[k] = t;
            env.slots[slot] = moved;
            return body(env);
          });
        } finally {
          env.slots[slot] = z;
        }
      };
    }
    const variable = this.boundName(target, 'a derivative');
    const slot = scope.get(variable) ?? this.slotOf(variable);
    const body = this.node(args[1] as AnyNode, scope);
    return (env) => differentiate(env, slot, body);
  }

  private call(args: AnyNode[], scope: ReadonlyMap<string, number>): Evaluator {
    const name = this.boundName(args[0], 'a function application');
    const rest = args.slice(1);
    const entry = this.table.lookup(name);
    if (entry?.kind === 'function') return this.apply(name, rest, scope);
    if (builtins[name] && !entry) {
      const impl = builtins[name];
      const ev = rest.map((a) => this.node(a, scope));
      return (env) => impl(ev.map((e) => e(env)));
    }
    if (entry && rest.length === 1) {
      // A declared non-function written before parentheses: a product, as `a(b + c)`.
      const f = this.symbol(name, scope);
      const x = this.node(rest[0] as AnyNode, scope);
      return (env) => mul(f(env), x(env));
    }
    throw new EvalUnsupported(
      `${name} is an undeclared function: declare it in a <!-- let … --> comment, e.g. ${name}(x) = …`,
    );
  }

  /** Inline application of a declared function; entrywise when a scalar parameter receives a matrix. */
  private apply(name: string, argNodes: AnyNode[], scope: ReadonlyMap<string, number>): Evaluator {
    const entry = this.table.lookup(name);
    if (entry?.kind !== 'function') throw new EvalUnsupported(`${name} is not a declared function`);
    if (entry.params.length !== argNodes.length) {
      throw new EvalUnsupported(
        `${name} takes ${entry.params.length} argument${entry.params.length === 1 ? '' : 's'}, given ${argNodes.length}`,
      );
    }
    const args = argNodes.map((a) => this.node(a, scope));
    const slots = entry.params.map(() => this.fresh());
    const inner = new Map<string, number>();
    entry.params.forEach((p, i) => inner.set(p, slots[i] as number));
    const scalarParam = entry.params.map((p) => {
      const k = this.table.kindOf(p);
      return k !== 'vector' && k !== 'matrix';
    });
    const body = this.expand(name, () => this.node(entry.body as AnyNode, inner));
    return (env) => {
      const vals = args.map((a) => a(env));
      let shape: Mat | undefined;
      vals.forEach((v, i) => {
        if (v instanceof Eye) throw new ShapeError(`the size of I given to ${name} is unknown`);
        if (scalarParam[i] && v instanceof Mat && scalarOf(v) === undefined) {
          if (shape && (shape.rows !== v.rows || shape.cols !== v.cols)) {
            throw new ShapeError(`${name} applied entrywise to arguments of different shapes`);
          }
          shape = v;
        }
      });
      const saved = slots.map((s) => env.slots[s]);
      try {
        if (!shape) {
          vals.forEach((v, i) => (env.slots[slots[i] as number] = v));
          return body(env);
        }
        const out = Mat.zeros(shape.rows, shape.cols);
        for (let k = 0; k < out.data.length; k++) {
          tick(env);
          vals.forEach((v, i) => {
            env.slots[slots[i] as number] =
              scalarParam[i] && v instanceof Mat && scalarOf(v) === undefined ? (v.data[k] as number) : v;
          });
          out.data[k] = needScalar(body(env), `${name} applied entrywise`);
        }
        return out;
      } finally {
        saved.forEach((v, i) => (env.slots[slots[i] as number] = v as Value));
      }
    };
  }

  private array(items: AnyNode[], scope: ReadonlyMap<string, number>): Evaluator {
    const nested = items.length > 0 && items.every((i) => i.type === 'ArrayNode');
    const rows: Evaluator[][] = nested
      ? items.map((r) => (r.items as AnyNode[]).map((c) => this.node(c, scope)))
      : items.map((c) => [this.node(c, scope)]);
    const width = rows[0]?.length ?? 0;
    if (rows.some((r) => r.length !== width))
      throw new EvalUnsupported('rows of a matrix have different lengths');
    return (env) => {
      const values = rows.map((r) => r.map((e) => e(env)));
      if (
        values.some((r) => r.some((v) => v instanceof Eye || (v instanceof Mat && scalarOf(v) === undefined)))
      ) {
        return assembleBlocks(values);
      }
      const m = Mat.zeros(rows.length, width);
      values.forEach((r, i) =>
        r.forEach((v, j) => {
          m.data[i * width + j] = needScalar(v, 'a matrix entry');
        }),
      );
      return m;
    };
  }

  private accessor(n: AnyNode, scope: ReadonlyMap<string, number>): Evaluator {
    const index = n.index as AnyNode;
    return this.indexInto(n.object as AnyNode, (index.dimensions as AnyNode[]) ?? [], scope);
  }

  private entry(args: AnyNode[], scope: ReadonlyMap<string, number>): Evaluator {
    const [object, ...subscripts] = args;
    if (!object) throw new EvalUnsupported('entry needs a vector or matrix');
    return this.indexInto(object, subscripts, scope);
  }

  /** A 1-based entry `x_i` or `A_{ij}`. */
  private indexInto(
    objectNode: AnyNode,
    subscripts: AnyNode[],
    scope: ReadonlyMap<string, number>,
  ): Evaluator {
    if (objectNode.type === 'SymbolNode') {
      const name = objectNode.name as string;
      // An entry of an undeclared symbol: it would default to a scalar, which has no entries.
      if (!scope.has(name) && !this.table.lookup(name)) throw undeclaredEntries(name, subscripts.length);
    }
    const object = this.node(objectNode, scope);
    const dims = subscripts.map((d) => this.node(d, scope));
    if (dims.length < 1 || dims.length > 2) throw new EvalUnsupported('an index needs one or two subscripts');
    return (env) => {
      const v = object(env);
      const ij = dims.map((d) => needScalar(d(env), 'an index'));
      if (!(v instanceof Mat)) {
        if (ij.every((x) => x === 1)) return v instanceof Eye ? v.c : v;
        throw new ShapeError('a subscript on a scalar');
      }
      const [i, j] = ij.length === 1 ? (v.cols === 1 ? [ij[0], 1] : [1, ij[0]]) : ij;
      const r = (i as number) - 1;
      const c = (j as number) - 1;
      if (!Number.isInteger(r) || !Number.isInteger(c) || r < 0 || c < 0 || r >= v.rows || c >= v.cols) {
        throw new InvalidSample(`index (${i}, ${j}) outside a ${v.rows}×${v.cols} value`);
      }
      return v.get(r, c);
    };
  }

  /** `f'(x)`, `σ''(z)`: the k-th derivative of a one-variable function, entrywise over a vector argument. */
  private derivFn(args: AnyNode[], scope: ReadonlyMap<string, number>): Evaluator {
    const [fNode, kNode, ...rest] = args;
    const name = this.boundName(fNode, 'a derivative of a function');
    const k = kNode?.type === 'ConstantNode' ? Number(kNode.value) : NaN;
    if (!Number.isInteger(k) || k < 1 || k > 3)
      throw new EvalUnsupported(`cannot take derivative number ${k} of ${name}`);
    if (rest.length !== 1) throw new EvalUnsupported(`the derivative of ${name} needs exactly one argument`);
    this.usesDerivative = true;
    const x = this.node(rest[0] as AnyNode, scope);
    const slot = this.fresh();
    const placeholder = `\u0000${slot}`;
    const inner = new Map(scope).set(placeholder, slot);
    const t = { type: 'SymbolNode', name: placeholder } as unknown as AnyNode;
    const entry = this.table.lookup(name);
    const impl = builtins[name];
    let f: Evaluator;
    if (entry?.kind === 'function') f = this.apply(name, [t], inner);
    else if (impl && !entry) f = (env) => impl([env.slots[slot] as Value]);
    else
      throw new EvalUnsupported(
        `${name} is an undeclared function: declare it in a <!-- let … --> comment, e.g. ${name}(x) = …`,
      );
    const nth = (env: Env, at: number, order: number): number => {
      if (order === 0) {
        env.slots[slot] = at;
        return needScalar(f(env), `${name}`);
      }
      return needScalar(
        scalarDerivative(env, at, (u) => nth(env, u, order - 1)),
        `the derivative of ${name}`,
      );
    };
    return (env) => {
      const v = x(env);
      const saved = env.slots[slot];
      try {
        if (v instanceof Eye) throw new ShapeError(`the size of I given to ${name} is unknown`);
        if (typeof v === 'number') return nth(env, v, k);
        return v.map((e) => nth(env, e, k));
      } finally {
        env.slots[slot] = saved as Value;
      }
    };
  }
}

/**
 * A block matrix such as [[A, 0], [0, I]] or a stacked vector [x; y]: each block row takes its height, and
 * each block column its width, from the matrices in it; `I` and scalar 0 blocks take the size of their place.
 */
function assembleBlocks(blocks: Value[][]): Mat {
  const heights = blocks.map((r) => {
    const m = r.find((v): v is Mat => v instanceof Mat);
    return m ? m.rows : r.some((v) => v instanceof Eye) ? undefined : 1;
  });
  const widths = (blocks[0] ?? []).map((_, j) => {
    const m = blocks.map((r) => r[j]).find((v): v is Mat => v instanceof Mat);
    return m ? m.cols : blocks.some((r) => r[j] instanceof Eye) ? undefined : 1;
  });
  // An identity alone in its row (or column) is square: its other side fixes it.
  blocks.forEach((r, i) =>
    r.forEach((v, j) => {
      if (!(v instanceof Eye)) return;
      if (heights[i] === undefined) heights[i] = widths[j];
      if (widths[j] === undefined) widths[j] = heights[i];
    }),
  );
  if (heights.some((h) => h === undefined) || widths.some((w) => w === undefined)) {
    throw new ShapeError('the size of I inside a block matrix is unknown');
  }
  const rowsTotal = heights.reduce<number>((a, h) => a + (h as number), 0);
  const colsTotal = widths.reduce<number>((a, w) => a + (w as number), 0);
  const out = Mat.zeros(rowsTotal, colsTotal);
  let top = 0;
  blocks.forEach((r, i) => {
    const h = heights[i] as number;
    let left = 0;
    r.forEach((v, j) => {
      const w = widths[j] as number;
      let block: Mat;
      if (v instanceof Mat) block = v;
      else if (v instanceof Eye) {
        if (h !== w) throw new ShapeError(`I cannot fill a ${h}×${w} block`);
        block = Mat.identity(h, v.c);
      } else if (v === 0) block = Mat.zeros(h, w);
      else if (h === 1 && w === 1) block = new Mat(1, 1, Float64Array.of(v));
      else throw new ShapeError(`a scalar cannot fill a ${h}×${w} block`);
      if (block.rows !== h || block.cols !== w) {
        throw new ShapeError(`a ${block.rows}×${block.cols} block in a ${h}×${w} place of a block matrix`);
      }
      for (let a = 0; a < h; a++)
        for (let b = 0; b < w; b++) out.data[(top + a) * colsTotal + left + b] = block.get(a, b);
      left += w;
    });
    top += h;
  });
  return out;
}

/** A comparison as 1/0, entrywise when a side is a vector or matrix (`x > 0` in the cases of ReLU(x)). */
function truth(a: Value, b: Value, op: (x: number, y: number) => boolean): Value {
  const sa = a instanceof Mat ? scalarOf(a) : needScalar(a, 'a comparison');
  const sb = b instanceof Mat ? scalarOf(b) : needScalar(b, 'a comparison');
  if (sa !== undefined && sb !== undefined) return op(sa, sb) ? 1 : 0;
  if (sa !== undefined) return (b as Mat).map((y) => (op(sa, y) ? 1 : 0));
  if (sb !== undefined) return (a as Mat).map((x) => (op(x, sb) ? 1 : 0));
  const am = a as Mat;
  const bm = b as Mat;
  if (am.rows !== bm.rows || am.cols !== bm.cols)
    throw new ShapeError(`cannot compare ${am.rows}×${am.cols} and ${bm.rows}×${bm.cols}`);
  return new Mat(
    am.rows,
    am.cols,
    am.data.map((x, i) => (op(x, bm.data[i] as number) ? 1 : 0)),
  );
}

/** Cases whose conditions hold entry by entry: each entry takes the value of its first true case. */
function entrywiseCases(
  env: Env,
  first: Mat,
  from: number,
  pairs: [Evaluator, Evaluator][],
  otherwise: Evaluator | undefined,
): Mat {
  const out = new Float64Array(first.data.length).fill(NaN);
  const done = new Uint8Array(out.length);
  const entry = (v: Value, k: number): number => {
    if (typeof v === 'number') return v;
    if (v instanceof Eye) throw new ShapeError('the size of I inside cases is unknown');
    const s = scalarOf(v);
    if (s !== undefined) return s;
    if (v.rows !== first.rows || v.cols !== first.cols) throw new ShapeError('cases of different shapes');
    return v.data[k] as number;
  };
  for (let p = from; p < pairs.length; p++) {
    const [cond, value] = pairs[p] as [Evaluator, Evaluator];
    const c = p === from ? first : cond(env);
    const v = value(env);
    for (let k = 0; k < out.length; k++) {
      if (!done[k] && entry(c, k) !== 0) {
        out[k] = entry(v, k);
        done[k] = 1;
      }
    }
  }
  if (otherwise && done.some((d) => d === 0)) {
    const v = otherwise(env);
    for (let k = 0; k < out.length; k++) if (!done[k]) out[k] = entry(v, k);
  } else if (done.some((d) => d === 0)) {
    throw new InvalidSample('no case of the piecewise definition applies');
  }
  return new Mat(first.rows, first.cols, out);
}

function undeclaredEntries(name: string, subscripts: number): EvalUnsupported {
  const example = subscripts > 1 ? `${name} \\in \\mathbb{R}^{m \\times n}` : `${name} \\in \\mathbb{R}^{n}`;
  return new EvalUnsupported(
    `${name} has subscripted entries but is not declared: declare it, e.g. ${example}`,
  );
}

/** The combination Σ cᵢ·vᵢ of values of one shape (numbers or matrices). */
function combine(coeffs: number[], vals: Value[]): Value {
  let acc: Value = 0;
  coeffs.forEach((c, i) => {
    acc = add(acc, mul(c, vals[i] as Value));
  });
  return acc;
}

function maxAbs(v: Value): number {
  if (typeof v === 'number') return Math.abs(v);
  if (v instanceof Eye) return Math.abs(v.c);
  let m = 0;
  for (const x of v.data) m = Math.max(m, Math.abs(x));
  return m;
}

/** d body / dt at t, by the five-point stencil; a kink (left and right slopes differ) makes the sample invalid. */
function scalarDerivative(env: Env, t: number, at: (x: number) => Value): Value {
  const h = 1e-3 * Math.max(1, Math.abs(t));
  tick(env, 5);
  const f0 = at(t);
  const fp1 = at(t + h);
  const fm1 = at(t - h);
  const fp2 = at(t + 2 * h);
  const fm2 = at(t - 2 * h);
  const central = div(combine([1, -8, 8, -1], [fm2, fm1, fp1, fp2]), 12 * h);
  const forward = div(combine([-3, 4, -1], [f0, fp1, fp2]), 2 * h);
  const backward = div(combine([3, -4, 1], [f0, fm1, fm2]), 2 * h);
  const gap = maxAbs(sub(forward, backward));
  if (!(gap <= 1e-3 * (1 + maxAbs(central) + maxAbs(f0)))) {
    throw new InvalidSample('not differentiable at this point');
  }
  return central;
}

function differentiate(env: Env, slot: number, body: Evaluator): Value {
  const x0 = env.slots[slot] as Value;
  try {
    if (typeof x0 === 'number') {
      return scalarDerivative(env, x0, (t) => {
        env.slots[slot] = t;
        return body(env);
      });
    }
    if (x0 instanceof Eye) throw new ShapeError('cannot differentiate with respect to I');
    const parts: Value[] = [];
    for (let j = 0; j < x0.data.length; j++) {
      parts.push(
        scalarDerivative(env, x0.data[j] as number, (t) => {
          const x = new Mat(x0.rows, x0.cols, Float64Array.from(x0.data));
          x.data[j] = t;
          env.slots[slot] = x;
          return body(env);
        }),
      );
    }
    if (parts.every((p) => scalarOf(p) !== undefined)) {
      return new Mat(x0.rows, x0.cols, Float64Array.from(parts.map((p) => scalarOf(p) as number)));
    }
    // A vector-valued body: the Jacobian, one column per component of the variable.
    const first = parts[0];
    if (x0.cols !== 1 || !(first instanceof Mat) || first.cols !== 1) {
      throw new ShapeError(
        'a derivative of a matrix-valued expression, or with respect to a matrix, is not supported',
      );
    }
    const m = first.rows;
    const jac = Mat.zeros(m, x0.rows);
    parts.forEach((p, j) => {
      if (!(p instanceof Mat) || p.rows !== m || p.cols !== 1)
        throw new ShapeError('a Jacobian of uneven parts');
      for (let i = 0; i < m; i++) jac.data[i * x0.rows + j] = p.data[i] as number;
    });
    return jac;
  } finally {
    env.slots[slot] = x0;
  }
}
