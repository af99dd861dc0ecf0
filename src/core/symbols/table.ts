// The symbol table in force at a point of the document. Declarations are applied in document order and a
// later one replaces an earlier one; each `declare` returns a new table and leaves the old one intact, so
// a snapshot per display block costs one reference. A table is a short chain of small layers over a
// flattened map: copying the whole map on every declaration made 20,000 declarations take 24 s, while
// flattening only when the chain grows past √n keeps both declaring and looking up cheap.
import type { MathNode } from 'mathjs';
import type { Declaration, Domain, MacroDef, ParseContext, SymbolKind } from '../latex/types';
import type { Pos } from '../types';
import { inferKind } from './kind';
import type { FunctionTrait } from '../calculus/smooth';

/** What the text says of an unknown function (`f \\text{ convex}`, "a convex function $f$"), and where. */
export interface FunctionTraits {
  traits: readonly FunctionTrait[];
  source: DeclarationSource;
}

export type SymbolEntry =
  /** A sampled symbol: scalar (shape []), column vector ([n]) or matrix ([m, n]). `source` says where it
   *  was declared: in a `<!-- let -->` comment (the student's own declaration) or in the prose (`$x \in …$`). */
  | { kind: 'value'; domain: Domain; at?: Pos; source?: DeclarationSource }
  /** `f(x, y) = body`: applied by substitution; elementwise over a vector when its parameters are scalars. */
  | { kind: 'function'; params: string[]; body: MathNode; at?: Pos }
  /** `a = body`: every use of `a` is replaced by the body. */
  | { kind: 'definition'; body: MathNode; at?: Pos }
  /** A bound index such as `i` (read by the parser; never sampled on its own). */
  | { kind: 'index'; at?: Pos };

/** Where a declaration stands: a `<!-- let -->` comment, or an inline formula of the prose; `convention`
 *  is a reading of the step itself (entries listed with an ellipsis), sampled as declared but reported and
 *  guarded as an assumed domain. */
export type DeclarationSource = 'let' | 'prose' | 'convention';

/** Stands for a name removed by `without` in a layer. */
const removed = Symbol('removed');
type Slot = SymbolEntry | typeof removed;

/** One step of the chain: the names it sets over its parent. */
interface Layer {
  readonly own: ReadonlyMap<string, Slot>;
  readonly parent: Layer | undefined;
  /** Layers from here to the flattened base (the base is 0). */
  readonly depth: number;
  /** Entries in the whole chain, counted with overwrites: an upper bound of the table's size. */
  readonly size: number;
}

function layer(own: ReadonlyMap<string, Slot>, parent: Layer | undefined): Layer {
  const size = (parent?.size ?? 0) + own.size;
  const depth = parent ? parent.depth + 1 : 0;
  // Flatten when the chain outgrows √size: amortised O(√n) per declaration and per lookup.
  if (parent && depth * depth > Math.max(64, size))
    return { own: flatten(own, parent), parent: undefined, depth: 0, size };
  return { own, parent, depth, size };
}

function flatten(own: ReadonlyMap<string, Slot>, parent: Layer): Map<string, Slot> {
  const chain: Layer[] = [];
  for (let l: Layer | undefined = parent; l; l = l.parent) chain.push(l);
  // The bottom of every chain is a flattened base: copy it natively, then lay the few layers above on it.
  const base = chain.pop() as Layer;
  const out = new Map<string, Slot>(base.own);
  for (let i = chain.length - 1; i >= 0; i--) for (const [k, v] of (chain[i] as Layer).own) out.set(k, v);
  for (const [k, v] of own) out.set(k, v);
  for (const [k, v] of out) if (v === removed) out.delete(k);
  return out;
}

function find(l: Layer | undefined, name: string): SymbolEntry | undefined {
  for (; l; l = l.parent) {
    const v = l.own.get(name);
    if (v !== undefined) return v === removed ? undefined : v;
  }
  return undefined;
}

/** A declared law: the canonical law name and its parameters as written. */
export interface RandomLaw {
  name: string;
  params: MathNode[];
  at?: Pos;
}

function declaredNames(decl: Declaration): string[] {
  return 'names' in decl ? decl.names : [decl.name];
}

export class SymbolTable implements ParseContext {
  private constructor(
    private readonly entries: Layer | undefined,
    readonly macros: ReadonlyMap<string, MacroDef>,
    private readonly traits: ReadonlyMap<string, FunctionTraits> = new Map(),
    /** Random symbols declared with `\sim`, and pairs declared independent (`a|b`, in both orders; `*` all). */
    private readonly laws: ReadonlyMap<string, RandomLaw> = new Map(),
    private readonly independence: ReadonlySet<string> = new Set(),
  ) {}

  /** The table before any declaration: every symbol gets its default meaning. */
  static readonly empty = new SymbolTable(undefined, new Map());

  /** A table holding the given declarations, applied in order. */
  static of(declarations: readonly Declaration[]): SymbolTable {
    return declarations.reduce((t, d) => t.declare(d), SymbolTable.empty);
  }

  /** This table with one more declaration (replacing earlier meanings of the same names). */
  declare(decl: Declaration, at?: Pos, source?: DeclarationSource): SymbolTable {
    const next = new Map<string, Slot>();
    let laws = this.laws;
    let independence = this.independence;
    switch (decl.kind) {
      case 'domain':
        for (const n of decl.names)
          next.set(n, { kind: 'value', domain: decl.domain, at, ...(source ? { source } : {}) });
        break;
      case 'function':
        next.set(decl.name, { kind: 'function', params: decl.params, body: decl.body, at });
        break;
      case 'definition':
        next.set(decl.name, { kind: 'definition', body: decl.body, at });
        break;
      case 'index':
        for (const n of decl.names) next.set(n, { kind: 'index', at });
        break;
      case 'random': {
        // A random symbol is a value too (a vector for an i.i.d. family), so the parser reads `X_i` as an entry.
        const withLaws = new Map(laws);
        for (const n of decl.names) {
          // `z \in \mathbb{R}^d` then `z \sim \mathcal{N}(0, I)`: the entries of z are independent draws.
          const before = find(this.entries, n);
          const shape = decl.shape ?? (before?.kind === 'value' ? before.domain.shape : []);
          const domain = { field: 'real' as const, loOpen: true, hiOpen: true, shape };
          next.set(n, { kind: 'value', domain, at, ...(source ? { source } : {}) });
          withLaws.set(n, { ...decl.law, at });
        }
        laws = withLaws;
        break;
      }
      case 'independent': {
        const pairs = new Set(independence);
        // `*` (from the prose: "if X and Y are independent"): every pair of the block.
        if (decl.names.includes('*')) pairs.add('*');
        for (const a of decl.names) for (const b of decl.names) if (a !== b) pairs.add(`${a}|${b}`);
        independence = pairs;
        break;
      }
    }
    for (const n of decl.kind === 'random' || decl.kind === 'independent' ? [] : declaredNames(decl)) {
      if (laws.has(n)) {
        const rest = new Map(laws);
        rest.delete(n);
        laws = rest;
      }
    }
    return new SymbolTable(layer(next, this.entries), this.macros, this.traits, laws, independence);
  }

  /** This table with `name` undeclared again (its default meaning). */
  without(name: string): SymbolTable {
    return this.restore(name, undefined);
  }

  /** This table with `name` meaning `entry` again (undeclared when undefined): undoes a scoped declaration. */
  restore(name: string, entry: SymbolEntry | undefined): SymbolTable {
    if (!entry && !find(this.entries, name)) return this;
    return new SymbolTable(
      layer(new Map([[name, entry ?? removed]]), this.entries),
      this.macros,
      this.traits,
      this.laws,
      this.independence,
    );
  }

  /** This table with `name`'s law `law` again (none when undefined): undoes a scoped law. */
  restoreLaw(name: string, law: RandomLaw | undefined): SymbolTable {
    const laws = new Map(this.laws);
    if (law) laws.set(name, law);
    else laws.delete(name);
    return new SymbolTable(this.entries, this.macros, this.traits, laws, this.independence);
  }

  /** This table with more macros (later definitions win). */
  withMacros(macros: ReadonlyMap<string, MacroDef>): SymbolTable {
    if (macros.size === 0) return this;
    return new SymbolTable(
      this.entries,
      new Map([...this.macros, ...macros]),
      this.traits,
      this.laws,
      this.independence,
    );
  }

  /** This table with `traits` stated of the unknown function `name` (a let comment's replace the prose's). */
  withTraits(name: string, traits: FunctionTraits): SymbolTable {
    const old = this.traits.get(name);
    if (old?.source === 'let' && traits.source === 'prose') return this;
    return new SymbolTable(
      this.entries,
      this.macros,
      new Map(this.traits).set(name, traits),
      this.laws,
      this.independence,
    );
  }

  /** What the text says of the unknown function `name`, if anything. */
  traitsOf(name: string): FunctionTraits | undefined {
    return this.traits.get(name);
  }

  /** The law a random symbol was declared with (`X \sim …`), if any. */
  lawOf(name: string): RandomLaw | undefined {
    return this.laws.get(name);
  }

  /** Whether `a` and `b` were declared independent (`a \perp b`). */
  readonly declaredIndependent = (a: string, b: string): boolean =>
    this.independence.has(`${a}|${b}`) || this.independence.has('*');

  /** The declared meaning of a canonical symbol name, if any. */
  lookup(name: string): SymbolEntry | undefined {
    return find(this.entries, name);
  }

  /** What the parser needs to know of a name (ParseContext). A bound arrow: callers pass it around detached. */
  readonly kindOf = (name: string): SymbolKind | undefined => {
    const e = find(this.entries, name);
    if (!e) return undefined;
    switch (e.kind) {
      case 'value':
        return e.domain.shape.length === 0 ? 'scalar' : e.domain.shape.length === 1 ? 'vector' : 'matrix';
      case 'function':
        return 'function';
      case 'index':
        return 'index';
      case 'definition': {
        const k = inferKind(e.body, (n) => (n === name ? undefined : this.kindOf(n)));
        return k === 'row' ? 'matrix' : k;
      }
    }
  };

  /** Every declared name, in no particular order. */
  names(): string[] {
    return this.entries ? [...flatten(new Map(), this.entries).keys()] : [];
  }
}
