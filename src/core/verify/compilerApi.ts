// What a compiler handler sees of the compiler: the symbol table, slots of free symbols, trackers of the
// names a side reads, expansion of definitions with a guard against cycles, and compilation of sub-nodes.
import type { MathNode } from 'mathjs';
import type { RandomModel } from '../probability/model';
import type { SymbolTable } from '../symbols/table';
import type { Evaluator } from './env';
import { EvalUnsupported } from './value';
import type { UnknownFunctions } from './unknown';
import type { LooseReading } from './looseVectors';

/** Largest number of terms a single sum or product may have. */
export const maxTerms = 1_000_000;
/** Deepest chain of definitions expanded inside one another. */
export const maxExpansionDepth = 32;

/** A mathjs node read field by field (the compiler dispatches on `type`). */
export type AnyNode = MathNode & Record<string, unknown> & { type: string };

/** Bound names (parameters, summation indices) and their slots. */
export type Scope = ReadonlyMap<string, number>;

export interface CompilerApi {
  readonly table: SymbolTable;
  /** Undeclared names applied as functions, sampled as random smooth functions (unknown.ts). */
  readonly unknowns: UnknownFunctions;
  /** Undeclared symbols read as vectors and matrices from their subscripts (looseVectors.ts). */
  readonly loose: LooseReading;
  /** Set when a derivative is compiled: sampling then avoids kinks. */
  usesDerivative: boolean;
  /** Free symbols in the bounds of sums and products: when undeclared they are sizes, not reals. */
  readonly sizeSymbols: Set<string>;
  /** Sets collecting the free symbols read while they are on this stack. */
  readonly trackers: Set<string>[];
  /** Sets collecting the bound names (parameters, integration variables) read while on this stack. */
  readonly boundReads: Set<string>[];
  /** The step's random symbols and the expectations over them (probability/model.ts). */
  readonly random: RandomModel;
  /** Compiles a sub-node. */
  node(n: AnyNode, scope: Scope): Evaluator;
  /** A symbol: bound, defined (expanded inline), a constant, or a free symbol's slot. */
  symbol(name: string, scope: Scope): Evaluator;
  /** The slot of a free symbol, created on first use. */
  slotOf(name: string): number;
  /** A new slot for a bound name. */
  fresh(): number;
  /** Builds the expansion of definition `name`, refusing cycles and deep nesting. */
  expand<T>(name: string, build: () => T): T;
  /** The name of a symbol node, or an error naming `what` needs one. */
  boundName(node: AnyNode | undefined, what: string): string;
}

/** Compiles the vocabulary function `name` applied to `args` (raw nodes, not yet compiled). */
export type FunctionHandler = (c: CompilerApi, args: AnyNode[], scope: Scope, name: string) => Evaluator;

/** Compiles a mathjs node of one type. */
export type NodeHandler = (c: CompilerApi, n: AnyNode, scope: Scope) => Evaluator;

/** Is `name` an undeclared symbol the step reads as a vector or matrix from its entries? */
export const isLoose = (c: CompilerApi, name: string): boolean => c.loose.symbols.has(name);

export function undeclaredEntries(name: string, subscripts: number): EvalUnsupported {
  const example = subscripts > 1 ? `${name} \\in \\mathbb{R}^{m \\times n}` : `${name} \\in \\mathbb{R}^{n}`;
  return new EvalUnsupported(
    `${name} has subscripted entries but is not declared: declare it, e.g. ${example}`,
    'undeclared-symbol',
    name,
  );
}
