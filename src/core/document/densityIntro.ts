// A display block the prose introduces as the density of a random variable ("if we consider the random
// variable with density", "the distribution with p.d.f. given by"): its `p(x) = …` defines p and gives the
// variable X (the capital of x) that density as its law, so that later steps about μ_X and σ_X² use it.
import type { MathNode } from 'mathjs';
import type { Claim, Declaration } from '../latex/types';
import { sym } from '../latex/nodes';
import { conventionallyRandom } from '../probability/model';
import { densityLawName } from '../probability/givenDensity';
import type { SymbolTable } from '../symbols/table';
import { paragraphBefore } from './prose';

/** Whether the paragraph just above `line` (1-based) ends by introducing a density: "with density",
 *  "the p.d.f. given by", "the probability density function is" (not "with density $p(x)$ by", where the
 *  block defines something else from it, nor a joint density). */
export function densityBefore(lines: readonly string[], line: number): boolean {
  const text = paragraphBefore(lines, line).join(' ').trim();
  const sentence = text.split(/[.!?]\s+(?=[A-Z])/).pop() ?? '';
  return (
    /\b(?:density|p\.d\.f\.?)(?:\s+function)?(?:\s+(?:is|given\s+by|of\s+\$[A-Z]\$))?\s*:?$/i.test(
      sentence,
    ) && !/\bjoint\b/i.test(sentence)
  );
}

type Node = MathNode & { type: string; name?: string; args?: MathNode[]; fn?: { name?: string } };

/**
 * `p(x) = body` introduced as a density: the definition of p (even over a p the prose bounded earlier, as a
 * probability `p < 1/8` of another section) and, when the capital X of x has no declaration, its law.
 */
export function densityDefinition(
  claim: Claim,
  table: SymbolTable,
): { decl: Extract<Declaration, { kind: 'function' }>; law?: Declaration } | undefined {
  if (!claim.ok) return undefined;
  const step = claim.steps[0];
  const lhs = step?.lhs.node as (Node & { implicit?: boolean; content?: Node }) | undefined;
  if (!step || step.relation !== '=' || !lhs) return undefined;
  // `p(x)`, or `p (x)` read as a product when the prose had bounded p as a number.
  const call = lhs.type === 'FunctionNode' && lhs.fn?.name === 'call' && (lhs.args ?? []).length === 2;
  const product = lhs.type === 'OperatorNode' && lhs.implicit === true && (lhs.args ?? []).length === 2;
  if (!call && !product) return undefined;
  const [head, raw] = (lhs.args ?? []) as (Node & { content?: Node })[];
  const arg = product ? (raw?.type === 'ParenthesisNode' ? raw.content : undefined) : raw;
  if (head?.type !== 'SymbolNode' || arg?.type !== 'SymbolNode') return undefined;
  const name = head.name as string;
  const x = arg.name as string;
  const entry = table.lookup(name);
  if (entry && !(entry.kind === 'value' && entry.source === 'prose')) return undefined;
  if (!/^[a-z]$/.test(x) || !/^[pf]$/.test(name) || name === x) return undefined;
  const decl = { kind: 'function' as const, name, params: [x], body: step.rhs.node, offset: step.lhs.offset };
  const variable = x.toUpperCase();
  if (!conventionallyRandom(variable) || table.lookup(variable) !== undefined) return { decl };
  const law: Declaration = {
    kind: 'random',
    names: [variable],
    law: { name: densityLawName, params: [sym(name)] },
    offset: step.lhs.offset,
  };
  return { decl, law };
}
