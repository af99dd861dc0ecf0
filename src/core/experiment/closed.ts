// The language is closed to the library's own functions and the operators the runtime implements. mathjs
// would otherwise let a block call methods of the values it holds (`"a".repeat(3e8)`, `s.padEnd(…)`,
// `s.split(…)`): JavaScript's string and array methods, which allocate without any limit and can end
// the whole process. Each statement's syntax tree is checked before it runs; anything outside the
// grammar below is refused with a message naming it.
import type { MathNode } from 'mathjs';
import { ExperimentError } from './errors';

/** The node types of the experiment language; anything else mathjs parses is refused. */
const NODE_TYPES = new Set([
  'AccessorNode',
  'ArrayNode',
  'AssignmentNode',
  'BlockNode',
  'ConditionalNode',
  'ConstantNode',
  'FunctionAssignmentNode',
  'FunctionNode',
  'IndexNode',
  'ObjectNode',
  'OperatorNode',
  'ParenthesisNode',
  'RangeNode',
  'RelationalNode',
  'SymbolNode',
]);

type AnyNode = MathNode & {
  fn?: MathNode | string;
  op?: string;
  name?: string;
  object?: MathNode;
  conditionals?: string[];
};

/** Throws an `ExperimentError` when the statement uses anything outside the language. */
export function assertClosed(node: MathNode, operators: ReadonlySet<string>): void {
  node.traverse((raw) => {
    const n = raw as AnyNode;
    if (!NODE_TYPES.has(n.type))
      throw new ExperimentError(`${n.type} is not part of the experiment language`);
    if (n.type === 'FunctionNode') {
      const fn = n.fn as AnyNode;
      if (fn.type === 'AccessorNode') {
        throw new ExperimentError(
          `${fn.toString()}(…): methods of values are not available in experiments; ` +
            'call the library’s functions by name',
        );
      }
      if (fn.type !== 'SymbolNode')
        throw new ExperimentError(`${fn.toString()}(…): only functions called by name can be called`);
    } else if (n.type === 'OperatorNode') {
      if (typeof n.fn !== 'string' || !operators.has(n.fn))
        throw new ExperimentError(`the operator ${n.op ?? String(n.fn)} is not available in experiments`);
    } else if (n.type === 'RelationalNode') {
      for (const c of n.conditionals ?? [])
        if (!operators.has(c))
          throw new ExperimentError(`the comparison ${c} is not available in experiments`);
    }
  });
}
