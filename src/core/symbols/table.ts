// The symbol table in force at a point of the document. Declarations are applied in document order and a
// later one replaces an earlier one; each `declare` returns a new table and leaves the old one intact, so
// a snapshot per display block costs one reference. Tables are small (tens of symbols): copying the map
// on write is simpler than a persistent tree and just as fast here.
import type { MathNode } from 'mathjs';
import type { Declaration, Domain, MacroDef, ParseContext, SymbolKind } from '../latex/types';
import type { Pos } from '../types';
import { inferKind } from './kind';

function declaredNames(decl: Declaration): string[] {
  return 'names' in decl ? decl.names : [decl.name];
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

/** Where a declaration stands: a `<!-- let -->` comment, or an inline formula of the prose. */
export type DeclarationSource = 'let' | 'prose';

/** A declared law: the canonical law name and its parameters as written. */
export interface RandomLaw {
  name: string;
  params: MathNode[];
  at?: Pos;
}

export class SymbolTable implements ParseContext {
  private constructor(
    private readonly entries: ReadonlyMap<string, SymbolEntry>,
    readonly macros: ReadonlyMap<string, MacroDef>,
    /** Random symbols declared with `\sim`, and pairs declared independent (`a|b`, in both orders). */
    private readonly laws: ReadonlyMap<string, RandomLaw> = new Map(),
    private readonly independence: ReadonlySet<string> = new Set(),
  ) {}

  /** The table before any declaration: every symbol gets its default meaning. */
  static readonly empty = new SymbolTable(new Map(), new Map());

  /** A table holding the given declarations, applied in order. */
  static of(declarations: readonly Declaration[]): SymbolTable {
    return declarations.reduce((t, d) => t.declare(d), SymbolTable.empty);
  }

  /** This table with one more declaration (replacing earlier meanings of the same names). */
  declare(decl: Declaration, at?: Pos, source?: DeclarationSource): SymbolTable {
    const next = new Map(this.entries);
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
          const before = next.get(n);
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
    return new SymbolTable(next, this.macros, laws, independence);
  }

  /** This table with `name` undeclared again (its default meaning). */
  without(name: string): SymbolTable {
    if (!this.entries.has(name)) return this;
    const next = new Map(this.entries);
    next.delete(name);
    return new SymbolTable(next, this.macros, this.laws, this.independence);
  }

  /** This table with more macros (later definitions win). */
  withMacros(macros: ReadonlyMap<string, MacroDef>): SymbolTable {
    if (macros.size === 0) return this;
    return new SymbolTable(this.entries, new Map([...this.macros, ...macros]), this.laws, this.independence);
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
    return this.entries.get(name);
  }

  /** What the parser needs to know of a name (ParseContext). A bound arrow: callers pass it around detached. */
  readonly kindOf = (name: string): SymbolKind | undefined => {
    const e = this.entries.get(name);
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
    return [...this.entries.keys()];
  }
}
