// "Consider $X$ as any random variable, and $Y=aX+b$ as any linear deterministic function of $X$": the prose
// defines one random variable as an expression of another, and the displays of that sentence compute with it
// (`\sigma_{Y} = \sigma_{aX+b}`, `\textrm{Cov}(X, Y) = \textrm{Cov}(X, aX+b)`). Read as a free random
// variable, Y would make those steps statements about a particular joint law. The definition holds for the
// displays of its sentence only: the first prose paragraph that starts a new sentence ends it, so a later
// "if $X$ and $Y$ are independent" is never read about aX + b.
import type { MathNode } from 'mathjs';
import { symbolNames } from '../latex/nodes';
import type { Claim } from '../latex/types';
import { conventionallyRandom } from '../probability/model';
import type { SymbolTable } from '../symbols/table';
import { setting, type Assignment } from './assignments';

type Node = MathNode & { type: string; name?: string };

/**
 * The definition an inline formula makes (`before`: its sentence's text before it), if it is the single
 * step `Y = e` with Y a capital nothing declares, the sentence sets it ("consider", "let", "suppose"), and e
 * reads another random variable (an undeclared capital, or one with a law) and not Y.
 */
export function randomDefinitionOf(claim: Claim, before: string, table: SymbolTable): Assignment | undefined {
  if (!claim.ok || claim.steps.length !== 1 || claim.conditions?.length) return undefined;
  const step = claim.steps[0];
  if (!step || step.relation !== '=') return undefined;
  const lhs = step.lhs.node as Node;
  const name = lhs.type === 'SymbolNode' ? lhs.name : undefined;
  if (name === undefined || !conventionallyRandom(name) || table.lookup(name) !== undefined) return undefined;
  if (!setting.test(before.replace(/\$[^$]*\$/g, 'X'))) return undefined;
  const read = symbolNames(step.rhs.node);
  if (read.has(name)) return undefined;
  const random = [...read].some(
    (n) => table.lawOf(n) !== undefined || (table.lookup(n) === undefined && conventionallyRandom(n)),
  );
  return random ? { kind: 'definition', name, body: step.rhs.node, offset: step.lhs.offset } : undefined;
}

/**
 * Whether a prose paragraph starting with a capital letter (a new sentence) stands between 1-based lines
 * `from` (the defining sentence) and `to` (a display block): display math, `:eqlabel:` lines and paragraphs
 * that carry the sentence on (`and thus … that`) do not end it.
 */
export function sentenceEnded(lines: readonly string[], from: number, to: number): boolean {
  let inMath = false;
  let fresh = false;
  for (let i = from; i < to - 1; i++) {
    const l = (lines[i] ?? '').trim();
    const fences = (l.match(/\$\$/g) ?? []).length;
    if (inMath || l.startsWith('$$')) {
      if (fences % 2 === 1) inMath = !inMath;
      fresh = !inMath;
      continue;
    }
    if (l === '' || l.startsWith(':')) {
      fresh = l === '' || fresh;
      continue;
    }
    if (l.startsWith('#') || (fresh && /^[A-Z]/.test(l))) return true;
    fresh = false;
  }
  return false;
}
