// `\sum_i x_i` with no bounds: i runs over the entries it indexes. The range is read at each sample from
// the shapes of the vectors and matrices the body indexes with i; when it indexes none, or they differ in
// length, the step is unverifiable with that reason, never summed over a guessed range.
import type { FunctionNode, SymbolNode } from 'mathjs';
import type { Evaluator } from './env';
import { type AnyNode, type CompilerApi, isLoose, type Scope, undeclaredEntries } from './compilerApi';
import type { FunctionSpec } from './registry';
import { EvalUnsupported, Mat } from './value';

/** `indexExtent` means something only as the upper bound of a sum; anywhere else it is refused. */
export const indexExtentSpec: FunctionSpec = {
  names: ['indexExtent'],
  compile: () => {
    throw new EvalUnsupported('a sum without bounds outside a sum');
  },
};

export function isIndexExtent(n: AnyNode | undefined): boolean {
  return n?.type === 'FunctionNode' && (n as unknown as FunctionNode).fn.name === 'indexExtent';
}

const mentions = (n: AnyNode, name: string): boolean =>
  n.filter((m) => (m as SymbolNode).isSymbolNode && (m as SymbolNode).name === name).length > 0;

/** The number of entries `index` runs over in `body`, read at each sample. */
export function indexExtent(c: CompilerApi, index: string, body: AnyNode, scope: Scope): Evaluator {
  const uses: { object: Evaluator; axis: number; subscripts: number }[] = [];
  const visit = (n: AnyNode): void => {
    const f = n as unknown as FunctionNode;
    if (n.type === 'FunctionNode' && f.fn.name === 'sumOver' && mentions(f.args[0] as AnyNode, index)) return;
    if (n.type === 'FunctionNode' && f.fn.name === 'entry') {
      const [object, ...subs] = f.args as AnyNode[];
      const axis = subs.findIndex((s) => s.type === 'SymbolNode' && s.name === index);
      if (object && axis >= 0 && !mentions(object, index)) {
        if (
          object.type === 'SymbolNode' &&
          !scope.has(object.name as string) &&
          !c.table.lookup(object.name as string) &&
          !isLoose(c, object.name as string)
        )
          throw undeclaredEntries(object.name as string, subs.length);
        uses.push({ object: c.node(object, scope), axis, subscripts: subs.length });
      }
    }
    n.forEach((child) => visit(child as AnyNode));
  };
  visit(body);
  if (uses.length === 0)
    throw new EvalUnsupported(
      `the range of \\sum_${index} cannot be told: ${index} indexes no declared vector or matrix; write its bounds`,
      'unsupported-notation',
      `\\sum_${index}`,
    );
  return (env) => {
    let extent: number | undefined;
    for (const u of uses) {
      const v = u.object(env);
      const n = !(v instanceof Mat)
        ? 1
        : u.subscripts === 1
          ? v.cols === 1
            ? v.rows
            : v.cols
          : u.axis === 0
            ? v.rows
            : v.cols;
      if (extent !== undefined && extent !== n)
        throw new EvalUnsupported(
          `the range of \\sum_${index} cannot be told: it indexes values of lengths ${extent} and ${n}`,
          'unsupported-notation',
          `\\sum_${index}`,
        );
      extent = n;
    }
    return extent as number;
  };
}
