// Properties of defined functions: after `\mu(z) = \operatorname{softmax}(z)`, the text writes `\mu > 0`
// meaning every value of μ is positive. A bound on a defined function's bare name, against a number, is
// read as that bound on its values, `\mu(z) > 0`, checked elementwise at sampled arguments.
import type { MathNode } from 'mathjs';
import { fn, sym } from '../latex/nodes';
import type { SymbolTable } from '../symbols/table';
import type { StepInput } from '../verify/step';

type Node = MathNode & { type: string; name?: string; value?: unknown; fn?: string; args?: MathNode[] };

const bounds = new Set(['<', '\\le', '>', '\\ge']);

function isNumber(node: MathNode): boolean {
  const n = node as Node;
  if (n.type === 'ConstantNode') return typeof n.value === 'number';
  return n.type === 'OperatorNode' && n.fn === 'unaryMinus' && !!n.args?.[0] && isNumber(n.args[0]);
}

/** The step as a claim about a function's values when it bounds a defined function's bare name. */
export function asFunctionProperty(input: StepInput, table: SymbolTable): StepInput {
  if (!bounds.has(input.relation)) return input;
  const applied = (side: MathNode, other: MathNode): MathNode | undefined => {
    const n = side as Node;
    if (n.type !== 'SymbolNode' || n.name === undefined || !isNumber(other)) return undefined;
    const entry = table.lookup(n.name);
    if (entry?.kind !== 'function') return undefined;
    return fn('call', [sym(n.name), ...entry.params.map(sym)]);
  };
  const lhs = applied(input.lhs, input.rhs);
  const rhs = applied(input.rhs, input.lhs);
  if (lhs) return { ...input, lhs };
  if (rhs) return { ...input, rhs };
  return input;
}
