// Restating a definition: a student who never wrote `y_ℓ = σ(A_ℓ y_{ℓ-1} + b_ℓ) + y_{ℓ-1}` on its own line
// writes it inside the first step of a derivative instead,
// `\frac{\partial y_\ell}{\partial y_{\ell-1}} = \frac{\partial}{\partial y_{\ell-1}}(σ(A_ℓ y_{ℓ-1} + b_ℓ) + y_{ℓ-1})`.
// The left side differentiates a symbol nothing defines; the right side differentiates an expression in the
// same variable. That step says what the symbol is: it is reported as its definition and the steps after it
// (the Jacobian the student computes next) are checked against it.
import type { MathNode } from 'mathjs';
import { symbolNames } from '../latex/nodes';
import type { Claim } from '../latex/types';
import { constants, identityName } from '../symbols/defaults';
import type { SymbolTable } from '../symbols/table';
import type { Why } from '../verify/reasons';
import type { Assignment } from './assignments';

type Node = MathNode & { type: string; name?: string; fn?: MathNode; args?: MathNode[]; content?: MathNode };

/** `[variable, body]` of `deriv(variable, body)` or `grad(variable, body)` with a plain-symbol variable. */
function derivativeOf(node: MathNode): { op: string; variable: string; body: MathNode } | undefined {
  const n = node as Node;
  const op = n.type === 'FunctionNode' ? (n.fn as Node | undefined)?.name : undefined;
  if ((op !== 'deriv' && op !== 'grad') || n.args?.length !== 2) return undefined;
  const [v, body] = n.args as [Node, MathNode];
  if (v.type !== 'SymbolNode' || v.name === undefined) return undefined;
  return { op, variable: v.name, body };
}

function unwrap(node: MathNode): MathNode {
  const n = node as Node;
  return n.type === 'ParenthesisNode' && n.content ? unwrap(n.content) : node;
}

/**
 * The definition a claim's first step restates: `∂Y/∂v = ∂/∂v (E)` with `Y` a plain symbol that `table` does
 * not know, or knows only from an earlier restatement (`restated`: a new one replaces it, as a function
 * redefined in display math does), `E` reading `v` and not `Y`. A symbol the student declared or defined
 * otherwise keeps the step a claim about it.
 */
export function restatedDefinition(
  claim: Claim,
  table: SymbolTable,
  restated: ReadonlySet<string>,
): Assignment | undefined {
  if (!claim.ok || claim.conditions?.length) return undefined;
  const step = claim.steps[0];
  if (!step || step.relation !== '=') return undefined;
  const left = derivativeOf(step.lhs.node);
  const right = derivativeOf(step.rhs.node);
  if (!left || !right || left.op !== right.op || left.variable !== right.variable) return undefined;
  const y = unwrap(left.body) as Node;
  if (y.type !== 'SymbolNode' || y.name === undefined || y.name === left.variable) return undefined;
  if (constants.has(y.name) || y.name === identityName) return undefined;
  const body = unwrap(right.body);
  const read = symbolNames(body);
  if (!read.has(left.variable) || read.has(y.name)) return undefined;
  if (table.lookup(y.name) !== undefined && !restated.has(y.name)) return undefined;
  return { kind: 'definition', name: y.name, body, offset: step.lhs.offset };
}

/** Why a restating step is not judged (reasons.ts words it). */
export function restatedWhy(d: Assignment): Why {
  return { why: 'restates', name: d.name };
}
