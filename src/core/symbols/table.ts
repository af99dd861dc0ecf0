// The symbol table in force at a point of the document. Declarations are applied in document order and a
// later one replaces an earlier one; each `declare` returns a new table and leaves the old one intact, so
// a snapshot per display block costs one reference. Tables are small (tens of symbols): copying the map
// on write is simpler than a persistent tree and just as fast here.
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

/** Where a declaration stands: a `<!-- let -->` comment, or an inline formula of the prose. */
export type DeclarationSource = 'let' | 'prose';

export class SymbolTable implements ParseContext {
  private constructor(
    private readonly entries: ReadonlyMap<string, SymbolEntry>,
    readonly macros: ReadonlyMap<string, MacroDef>,
    private readonly traits: ReadonlyMap<string, FunctionTraits> = new Map(),
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
    }
    return new SymbolTable(next, this.macros, this.traits);
  }

  /** This table with `name` undeclared again (its default meaning). */
  without(name: string): SymbolTable {
    if (!this.entries.has(name)) return this;
    const next = new Map(this.entries);
    next.delete(name);
    return new SymbolTable(next, this.macros, this.traits);
  }

  /** This table with more macros (later definitions win). */
  withMacros(macros: ReadonlyMap<string, MacroDef>): SymbolTable {
    if (macros.size === 0) return this;
    return new SymbolTable(this.entries, new Map([...this.macros, ...macros]), this.traits);
  }

  /** This table with `traits` stated of the unknown function `name` (a let comment's replace the prose's). */
  withTraits(name: string, traits: FunctionTraits): SymbolTable {
    const old = this.traits.get(name);
    if (old?.source === 'let' && traits.source === 'prose') return this;
    return new SymbolTable(this.entries, this.macros, new Map(this.traits).set(name, traits));
  }

  /** What the text says of the unknown function `name`, if anything. */
  traitsOf(name: string): FunctionTraits | undefined {
    return this.traits.get(name);
  }

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
