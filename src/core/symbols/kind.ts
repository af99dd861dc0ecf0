// A static guess of what an expression denotes (scalar, column, row or matrix), used to tell the parser
// what a defined symbol such as `\theta^* = (X^\top X)^{-1} X^\top y` is, so that `\theta^{*\top}` reads
// as a transpose. It is a guess from declared kinds, not a size check: the evaluator checks sizes.
import type { MathNode } from 'mathjs';
import type { SymbolKind } from '../latex/types';

export type ValueKind = 'scalar' | 'vector' | 'row' | 'matrix';

const scalarFunctions = new Set([
  'det',
  'trace',
  'norm',
  'normFro',
  'normP',
  'binom',
  'sumOver',
  'prodOver',
  'seriesOver',
]);
const elementwiseFunctions = new Set([
  'abs',
  'sqrt',
  'nthRoot',
  'exp',
  'log',
  'log2',
  'log10',
  'sin',
  'cos',
  'tan',
  'tanh',
  'sinh',
  'cosh',
  'arctan',
  'relu',
  'sigmoid',
  'softmax',
  'floor',
  'ceil',
  'sign',
  'inv',
]);

/** The kind of `node` given the kinds of its symbols; undefined when nothing is known. */
export function inferKind(
  node: MathNode,
  kindOf: (name: string) => SymbolKind | undefined,
  depth = 0,
): ValueKind | undefined {
  if (depth > 64) return undefined;
  const rec = (n: MathNode): ValueKind | undefined => inferKind(n, kindOf, depth + 1);
  const n = node as MathNode & { type: string };
  switch (n.type) {
    case 'ConstantNode':
      return 'scalar';
    case 'SymbolNode': {
      const k = kindOf((node as unknown as { name: string }).name);
      return k === 'vector' || k === 'matrix' ? k : 'scalar';
    }
    case 'ParenthesisNode':
      return rec((node as unknown as { content: MathNode }).content);
    case 'ArrayNode': {
      // A bmatrix arrives as rows of entries: one entry a row is a column vector.
      const items = (node as unknown as { items: (MathNode & { type: string; items?: MathNode[] })[] }).items;
      const first = items[0];
      if (first?.type !== 'ArrayNode') return 'vector';
      if (items.length === 1 && (first.items?.length ?? 0) > 1) return 'row';
      return (first.items?.length ?? 0) === 1 ? 'vector' : 'matrix';
    }
    case 'OperatorNode': {
      const { fn, args } = node as unknown as { fn: string; args: MathNode[] };
      const kinds = args.map(rec);
      if (fn === 'multiply') return product(kinds[0], kinds[1]);
      if (fn === 'add' || fn === 'subtract') return kinds.find((k) => k && k !== 'scalar') ?? kinds[0];
      if (fn === 'unaryMinus' || fn === 'unaryPlus' || fn === 'divide' || fn === 'pow') return kinds[0];
      return 'scalar';
    }
    case 'FunctionNode': {
      const { fn, args } = node as unknown as { fn: { name?: string }; args: MathNode[] };
      const name = fn.name ?? '';
      const first = args[0] ? rec(args[0]) : undefined;
      if (scalarFunctions.has(name)) return 'scalar';
      if (elementwiseFunctions.has(name)) return first;
      if (name === 'transpose') return first === 'vector' ? 'row' : first === 'row' ? 'vector' : first;
      if (name === 'diag') return first === 'matrix' ? 'vector' : first === 'scalar' ? 'scalar' : 'matrix';
      if (name === 'hadamard') return first;
      if (name === 'call') {
        const inner = args.slice(1).map(rec);
        return inner.find((k) => k && k !== 'scalar') ?? 'scalar';
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function product(a: ValueKind | undefined, b: ValueKind | undefined): ValueKind | undefined {
  if (!a || !b) return a ?? b;
  if (a === 'scalar') return b;
  if (b === 'scalar') return a;
  if (a === 'row' && b === 'vector') return 'scalar';
  if (a === 'vector' && b === 'row') return 'matrix';
  if (a === 'matrix' && b === 'vector') return 'vector';
  if (a === 'row' && b === 'matrix') return 'row';
  if (a === 'vector' && b === 'vector') return 'scalar';
  return 'matrix';
}
