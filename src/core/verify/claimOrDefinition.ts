// Whether a step claims or defines: an equation whose symbols sit on one side only, or whose left side
// names what it defines, states particular values rather than an identity, and refuting it would accuse
// a correct text.
import type { MathNode } from 'mathjs';
import type { Relation } from '../latex';
import { constants, identityName } from '../symbols/defaults';
import type { SymbolTable } from '../symbols/table';
import type { Why } from './reasons';
import type { SamplingPlan } from './sample';

/**
 * An equation with an undeclared symbol on one side only (`\hat y = w^\top x + b`, `AW = W\Sigma` with
 * nothing declared) is a definition or a statement about particular values, not an identity: refuting it
 * would accuse a correct text. Such a step is unverifiable until its symbols are declared. An inequality
 * is treated so only when both sides hold such symbols (`S_i \le n_\ell`, two unrelated quantities):
 * `x^2 > 0` keeps its refutation, as it fails at x = 0 whatever x was meant to be.
 */
export function loneUndeclared(
  plan: SamplingPlan,
  left: Set<string>,
  right: Set<string>,
  relation: Relation,
): Why | undefined {
  const lone = { left: [] as string[], right: [] as string[] };
  for (const p of plan.symbols) {
    if (p.assumed === undefined || p.role !== 'value') continue;
    const inLeft = left.has(p.name);
    if (inLeft !== right.has(p.name)) lone[inLeft ? 'left' : 'right'].push(p.name);
  }
  const equation = relation === '=' || relation === '\\approx';
  if (
    equation ? lone.left.length + lone.right.length === 0 : lone.left.length === 0 || lone.right.length === 0
  ) {
    return undefined;
  }
  const side = lone.left.length ? 'left' : 'right';
  return { why: 'one-sided', name: lone[side][0] as string, side };
}

/**
 * `C = AB` or `p(x) = \frac{1}{1 + x^2}`: a left side that is a lone symbol, or a symbol applied to plain
 * symbols, occurring nowhere on the right, names what the step defines. Unless the student declared that
 * symbol in a `<!-- let -->` comment (then the step is a claim about it), comparing a freely drawn value with
 * the right side would refute a definition; an inline `$\mathbf{C} \in \mathbb{R}^{n \times m}$` of the prose
 * gives a shape, not a value. Symbols defined (`let a = …`) or declared as functions are checked as usual.
 */
export function definitionOf(
  lhs: MathNode,
  right: Set<string>,
  table: SymbolTable,
  statistics: ReadonlySet<string>,
): Why | undefined {
  const n = lhs as MathNode & {
    type: string;
    name?: string;
    args?: MathNode[];
    fn?: MathNode;
    implicit?: boolean;
  };
  const plain = (a: MathNode | undefined): boolean => {
    const x = a as (MathNode & { type: string; content?: MathNode }) | undefined;
    if (x?.type === 'ParenthesisNode') return plain(x.content);
    return x?.type === 'SymbolNode';
  };
  let name: string | undefined;
  if (n.type === 'SymbolNode') name = n.name;
  else if (n.type === 'FunctionNode' && (n.fn as { name?: string } | undefined)?.name === 'call') {
    const [head, ...args] = n.args ?? [];
    if (head?.type === 'SymbolNode' && args.length > 0 && args.every(plain))
      name = (head as { name?: string }).name;
  } else if (n.type === 'OperatorNode' && n.implicit && n.args?.length === 2) {
    // A prose-declared scalar `p` written as `p(x)` parses as the product p·(x).
    const [head, arg] = n.args;
    if (head?.type === 'SymbolNode' && arg?.type === 'ParenthesisNode' && plain(arg))
      name = (head as { name?: string }).name;
  }
  if (name === undefined || right.has(name) || constants.has(name) || name === identityName) return undefined;
  if (statistics.has(name)) return undefined;
  const entry = table.lookup(name);
  if (entry && !(entry.kind === 'value' && entry.source === 'prose')) return undefined;
  return { why: 'definition', name, prose: entry !== undefined };
}
