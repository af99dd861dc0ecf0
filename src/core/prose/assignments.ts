// Worked examples: a block that sets `x = 3, y = 2` and then computes `\log x = \log 3`. A symbol set to a
// number in display math is an assignment for the steps after it, in that block and the later ones of its
// section, replacing what the prose declared it as (a vector, a real). A new heading ends the example.
import type { Why } from '../verify/reasons';
import type { MathNode } from 'mathjs';
import type { Claim, Declaration } from '../latex/types';
import { constants, identityName } from '../symbols/defaults';

type Node = MathNode & { type: string; name?: string; fn?: string; args?: MathNode[]; content?: MathNode };

/** Is the node a number written out (`3`, `-2`, `\frac{1}{2}`, `(0.5)`), or a matrix of them? */
function isNumber(node: MathNode | undefined): boolean {
  const n = node as Node | undefined;
  if (!n) return false;
  if (n.type === 'ConstantNode') return typeof (n as unknown as { value: unknown }).value === 'number';
  if (n.type === 'ParenthesisNode') return isNumber(n.content);
  if (n.type === 'OperatorNode' && (n.fn === 'unaryMinus' || n.fn === 'unaryPlus'))
    return isNumber(n.args?.[0]);
  if (n.type === 'OperatorNode' && n.fn === 'divide') return isNumber(n.args?.[0]) && isNumber(n.args?.[1]);
  // A matrix or vector of numbers written out (`\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}`).
  const items = (n as unknown as { items?: MathNode[] }).items;
  if (n.type === 'ArrayNode' && items?.length) return items.every(isNumber);
  return false;
}

/** A matrix or vector written out entry by entry (`\begin{bmatrix} a & b \\ c & d \end{bmatrix}`) that
 *  does not mention `name`: what `name` stands for in the steps after it. */
function isWrittenMatrix(node: MathNode, name: string): boolean {
  if ((node as Node).type !== 'ArrayNode') return false;
  let mentions = false;
  node.traverse((n) => {
    if ((n as Node).type === 'SymbolNode' && (n as Node).name === name) mentions = true;
  });
  return !mentions;
}

export type Assignment = Extract<Declaration, { kind: 'definition' }>;

/** The assignment a claim makes, if it is the single step `symbol = number`. */
export function assignmentOf(claim: Claim): Assignment | undefined {
  if (!claim.ok || claim.steps.length !== 1 || claim.conditions?.length) return undefined;
  const step = claim.steps[0];
  if (!step || step.relation !== '=') return undefined;
  const lhs = step.lhs.node as Node;
  if (lhs.type !== 'SymbolNode' || lhs.name === undefined) return undefined;
  if (constants.has(lhs.name) || lhs.name === identityName) return undefined;
  if (!isNumber(step.rhs.node) && !isWrittenMatrix(step.rhs.node, lhs.name)) return undefined;
  return { kind: 'definition', name: lhs.name, body: step.rhs.node, offset: step.lhs.offset };
}

/** Why an assigning step is not judged (reasons.ts words it). */
export function assignmentWhy(a: Assignment): Why {
  const value = (a.body as Node).type === 'ArrayNode' ? 'the matrix written here' : a.body.toString();
  return { why: 'assigns', name: a.name, value };
}

/** "Let's continue the previous example one step further": the paragraph right after a heading carries the
 *  worked example of the section before it on, so its values stay set. */
const continuing =
  /\b(?:continue|continuing|return to|returning to|go back to|revisit)\b[^.]*?\b(?:previous|last|same|above|earlier|preceding)\s+example\b/i;

/** Whether the first paragraph after the heading at 1-based `line` says it continues the previous example. */
export function continuesExample(lines: readonly string[], line: number): boolean {
  const paragraph: string[] = [];
  for (let i = line; i < lines.length; i++) {
    const l = (lines[i] ?? '').trim();
    if (l === '' && paragraph.length) break;
    if (l.startsWith('$$') || l.startsWith('#')) break;
    if (l !== '') paragraph.push(l);
  }
  return continuing.test(paragraph.join(' '));
}

/** Words that set a value in the prose, just before the formula in its sentence ("the sequence
 *  HHHTHTTHHHHHT, which has $n_H = 9$" counts the example's data). */
export const setting =
  /\b(?:let|suppose|consider|take|given|(?:we|you) have|(?:which|that) ha(?:s|ve)|arbitrary|for example|e\.g\.)\b[^.;:]*$/i;

/**
 * "We have $r_1 = 0.3$", "an arbitrary vector $\mathbf{v} = [x, y]^\top$": in a worked example the prose
 * sets values too, when its sentence says so (`before`: its text before the formula). Only a subscripted
 * name set to a number, or a vector or matrix written out: "at $x = 0$" is a point, not a setting.
 */
export function inlineAssignmentOf(claim: Claim, before: string): Assignment | undefined {
  const a = assignmentOf(claim);
  // Earlier formulas of the sentence (`$r_1 = 0.3$, $r_2 = …`) are not its punctuation.
  if (!a || !setting.test(before.replace(/\$[^$]*\$/g, 'X'))) return undefined;
  return (/_/.test(a.name) && isNumber(a.body)) || (a.body as Node).type === 'ArrayNode' ? a : undefined;
}
