// Matrices and vectors written out (`bmatrix`, block matrices) and indexing into them: `x_i`, `A_{ij}`.
import { needScalar, scalarOf } from './ops';
import { EvalUnsupported, Eye, InvalidSample, Mat, ShapeError } from './value';
import { assembleBlocks } from './blocks';
import { type Evaluator } from './env';
import { type AnyNode, type CompilerApi, isLoose, type Scope, undeclaredEntries } from './compilerApi';
import type { FunctionSpec } from './registry';
export const entries: FunctionSpec = { names: ['entry'], compile: (c, args, scope) => entry(c, args, scope) };

export function array(c: CompilerApi, items: AnyNode[], scope: Scope): Evaluator {
  const nested = items.length > 0 && items.every((i) => i.type === 'ArrayNode');
  const rows: Evaluator[][] = nested
    ? items.map((r) => (r.items as AnyNode[]).map((cell) => c.node(cell, scope)))
    : items.map((cell) => [c.node(cell, scope)]);
  const width = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== width))
    throw new EvalUnsupported('rows of a matrix have different lengths');
  return (env) => {
    const values = rows.map((r) => r.map((e) => e(env)));
    if (
      values.some((r) => r.some((v) => v instanceof Eye || (v instanceof Mat && scalarOf(v) === undefined)))
    ) {
      return assembleBlocks(values);
    }
    const m = Mat.zeros(rows.length, width);
    values.forEach((r, i) =>
      r.forEach((v, j) => {
        m.data[i * width + j] = needScalar(v, 'a matrix entry');
      }),
    );
    return m;
  };
}

export function accessor(c: CompilerApi, n: AnyNode, scope: Scope): Evaluator {
  const index = n.index as AnyNode;
  return indexInto(c, n.object as AnyNode, (index.dimensions as AnyNode[]) ?? [], scope);
}

export function entry(c: CompilerApi, args: AnyNode[], scope: Scope): Evaluator {
  const [object, ...subscripts] = args;
  if (!object) throw new EvalUnsupported('entry needs a vector or matrix');
  return indexInto(c, object, subscripts, scope);
}

/** A 1-based entry `x_i` or `A_{ij}`. */
export function indexInto(
  c: CompilerApi,
  objectNode: AnyNode,
  subscripts: AnyNode[],
  scope: Scope,
): Evaluator {
  if (objectNode.type === 'SymbolNode') {
    const name = objectNode.name as string;
    // An entry of an undeclared symbol: it would default to a scalar, which has no entries.
    if (!scope.has(name) && !c.table.lookup(name) && !isLoose(c, name))
      throw undeclaredEntries(name, subscripts.length);
  }
  const object = c.node(objectNode, scope);
  const dims = subscripts.map((d) => c.node(d, scope));
  if (dims.length < 1 || dims.length > 2) throw new EvalUnsupported('an index needs one or two subscripts');
  return (env) => {
    const v = object(env);
    const ij = dims.map((d) => needScalar(d(env), 'an index'));
    if (!(v instanceof Mat)) {
      if (ij.every((x) => x === 1)) return v instanceof Eye ? v.c : v;
      throw new ShapeError('a subscript on a scalar');
    }
    const [i, j] = ij.length === 1 ? (v.cols === 1 ? [ij[0], 1] : [1, ij[0]]) : ij;
    const r = (i as number) - 1;
    const col = (j as number) - 1;
    if (!Number.isInteger(r) || !Number.isInteger(col) || r < 0 || col < 0 || r >= v.rows || col >= v.cols) {
      throw new InvalidSample(`index (${i}, ${j}) outside a ${v.rows}×${v.cols} value`);
    }
    return v.get(r, col);
  };
}
