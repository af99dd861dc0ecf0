// Builders for the mathjs nodes the parser emits. Function names are typed against the vocabulary, so
// the parser cannot emit a name the verifier does not implement.
import {
  ArrayNode,
  ConstantNode,
  FunctionNode,
  OperatorNode,
  ParenthesisNode,
  SymbolNode,
  type MathNode,
} from 'mathjs';
import type { VocabularyName } from './vocabulary';

export type { MathNode };

export const num = (v: number): MathNode => new ConstantNode(v);
export const sym = (name: string): MathNode => new SymbolNode(name);
export const paren = (n: MathNode): MathNode => new ParenthesisNode(n);
export const array = (items: MathNode[]): MathNode => new ArrayNode(items);

/** A vocabulary function applied to arguments. */
export function fn(name: VocabularyName, args: MathNode[]): MathNode {
  return new FunctionNode(new SymbolNode(name), args);
}

const operators = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
  smaller: '<',
  smallerEq: '<=',
  larger: '>',
  largerEq: '>=',
  equal: '==',
  unequal: '!=',
  and: 'and',
  or: 'or',
} as const;

export type BinaryOp = keyof typeof operators;

/** A binary operator; `implicit` marks juxtaposition (`2x`), which mathjs prints without a `*`. */
export function binary(fnName: BinaryOp, a: MathNode, b: MathNode, implicit = false): MathNode {
  // The mathjs constructor's generic typing ties op to fn; the table above keeps them consistent.
  const Ctor = OperatorNode as unknown as new (
    op: string,
    f: string,
    args: MathNode[],
    implicit?: boolean,
  ) => MathNode;
  return new Ctor(operators[fnName], fnName, [a, b], implicit);
}

export function unary(fnName: 'unaryMinus' | 'unaryPlus' | 'factorial' | 'not', a: MathNode): MathNode {
  const Ctor = OperatorNode as unknown as new (op: string, f: string, args: MathNode[]) => MathNode;
  const op = { factorial: '!', unaryMinus: '-', unaryPlus: '+', not: 'not' }[fnName];
  return new Ctor(op, fnName, [a]);
}

/** Calls of vocabulary functions, and symbol names, as seen by node inspections below. */
export function isFunctionNamed(n: MathNode, name: VocabularyName): n is FunctionNode {
  return (n as FunctionNode).isFunctionNode === true && (n as FunctionNode).fn.name === name;
}
/** Every symbol name in `node`, function heads included (`call(σ, x)` names σ). */
export function symbolNames(node: MathNode): Set<string> {
  const out = new Set<string>();
  node.traverse((n) => {
    const s = n as MathNode & { type: string; name?: string };
    if (s.type === 'SymbolNode' && s.name !== undefined) out.add(s.name);
  });
  return out;
}

export const isSymbol = (n: MathNode): n is SymbolNode => (n as SymbolNode).isSymbolNode === true;
export const isConstant = (n: MathNode): n is ConstantNode => (n as ConstantNode).isConstantNode === true;
