// The compiler's state and plumbing: slots of free symbols, trackers of the names a side reads, expansion
// of definitions with a guard against cycles. The compiler is built in layers (base → sums → calls →
// indexing → differentiation → the dispatcher in compile.ts), each a class extending the one before; a layer
// reaches later ones through the abstract methods declared here.
import type { MathNode } from 'mathjs';
import type { SymbolTable } from '../symbols/table';
import type { Evaluator } from './env';
import { EvalUnsupported } from './value';
import { UnknownFunctions } from './unknown';

/** Largest number of terms a single sum or product may have. */
export const maxTerms = 1_000_000;
/** Deepest chain of definitions expanded inside one another. */
export const maxExpansionDepth = 32;

/** A mathjs node read field by field (the compiler switches on `type`). */
export type AnyNode = MathNode & Record<string, unknown> & { type: string };

export function undeclaredEntries(name: string, subscripts: number): EvalUnsupported {
  const example = subscripts > 1 ? `${name} \\in \\mathbb{R}^{m \\times n}` : `${name} \\in \\mathbb{R}^{n}`;
  return new EvalUnsupported(
    `${name} has subscripted entries but is not declared: declare it, e.g. ${example}`,
  );
}

export abstract class CompilerBase {
  /** Free symbols of everything compiled so far, with their slots. */
  readonly free = new Map<string, number>();
  slotCount = 0;
  usesDerivative = false;
  readonly constantsUsed = new Set<string>();
  identityUsed = false;
  /** Free symbols in the bounds of sums and products: when undeclared they are sizes, not reals. */
  readonly sizeSymbols = new Set<string>();
  /** Undeclared names applied as functions, sampled as random smooth functions. */
  readonly unknowns: UnknownFunctions;
  protected readonly expanding: string[] = [];
  protected readonly trackers: Set<string>[] = [];

  constructor(protected readonly table: SymbolTable) {
    this.unknowns = new UnknownFunctions((name) => table.traitsOf(name)?.traits ?? []);
  }

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

  protected fresh(): number {
    return this.slotCount++;
  }

  protected expand<T>(name: string, build: () => T): T {
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

  protected boundName(node: AnyNode | undefined, what: string): string {
    if (node?.type !== 'SymbolNode') throw new EvalUnsupported(`${what} needs a variable name`);
    return node.name as string;
  }

  // Implemented by later layers.
  protected abstract node(n: AnyNode, scope: ReadonlyMap<string, number>): Evaluator;
  protected abstract symbol(name: string, scope: ReadonlyMap<string, number>): Evaluator;
}
