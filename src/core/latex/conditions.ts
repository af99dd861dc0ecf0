// Conditions on a claim: `\text{for } x \ne 0`, `\forall x > 0`, `\quad (x > 0)`, `, x \in (0, 1)`.
// A condition restricts where the claim is asserted; dropping it can refute a true step, so a condition we
// cannot read is kept as an error (the claim becomes unverifiable), never discarded.
import type { ConstantNode, MathNode } from 'mathjs';
import { readDomain } from './declarations';
import { fail, ParseFailure, toParseError } from './errors';
import { parseTokens } from './parser';
import { otherRelations, relationOf, relationSymbols } from './relations';
import { depthDelta, eofAt, significant } from './scan';
import { isChar, isCmd, type Token } from './tokens';
import type { Claim, Condition, Domain, ParseContext, ParsedStep, Relation, Side } from './types';

/** Is `t` a membership relation (`\in`, `∈`)? */
export function isMembership(t: Token | undefined): boolean {
  return isCmd(t, 'in') || isChar(t, '∈');
}

/** The tokens inside `( … )` or `\left( … \right)` when they wrap the whole piece, else undefined. */
export function parenthesized(tokens: readonly Token[]): Token[] | undefined {
  const sig = significant(tokens);
  const first = sig[0];
  const last = sig[sig.length - 1];
  let inner: Token[];
  if (isChar(first, '(') && isChar(last, ')')) inner = sig.slice(1, -1);
  else if (
    isCmd(first, 'left') &&
    isChar(sig[1], '(') &&
    isChar(last, ')') &&
    isCmd(sig[sig.length - 2], 'right')
  )
    inner = sig.slice(2, -2);
  else return undefined;
  // `(a)(b)` is not one group: the opening parenthesis must close only at the end.
  let depth = 0;
  for (const t of inner) {
    depth += depthDelta(t);
    if (depth < 0) return undefined;
  }
  return depth === 0 ? inner : undefined;
}

/** Top-level tokens of a piece that are relations or memberships. */
export function topRelations(tokens: readonly Token[]): { relations: number; memberships: number } {
  let depth = 0;
  let relations = 0;
  let memberships = 0;
  for (const t of tokens) {
    if (depth === 0) {
      if (relationOf(t)) relations++;
      else if (isMembership(t)) memberships++;
    }
    depth = Math.max(0, depth + depthDelta(t));
  }
  return { relations, memberships };
}

function side(tex: string, tokens: readonly Token[], ctx: ParseContext): Side {
  const sig = significant(tokens);
  const first = sig[0];
  const last = sig[sig.length - 1];
  if (!first || !last) fail('missing expression in a condition', tokens[0]?.offset ?? 0);
  const r = parseTokens([...tokens.filter((t) => t.kind !== 'eof'), eofAt(last.end)], ctx);
  if (!r.ok) throw new ParseFailure(r.error);
  return { node: r.node, tex: tex.slice(first.offset, last.end), offset: first.offset, end: last.end };
}

function boundStep(subject: Side, bound: MathNode, relation: Relation, boundTex: string): ParsedStep {
  const b: Side = { node: bound, tex: boundTex, offset: subject.offset, end: subject.end };
  return { relation, relationTex: relation, relationOffset: subject.offset, lhs: subject, rhs: b };
}

function sideText(s: Side): string {
  return s.node.toString();
}

/** `x > 0` for `x \\in \\mathbb{R}_{>0}` or `(0, \\infty)`, `x ∈ (0, 1)` for a bounded interval: written with
 *  symbols as the other messages are, never as raw TeX. */
function membershipText(subject: string, d: Domain): string {
  // π and e arrive as numbers; a student wrote them as symbols.
  const show = (n: MathNode): string =>
    n.toString({
      handler: (c: ConstantNode) =>
        c.isConstantNode && c.value === Math.PI
          ? 'π'
          : c.isConstantNode && c.value === Math.E
            ? 'e'
            : undefined,
    });
  if (d.lo && d.hi)
    return `${subject} ∈ ${d.loOpen ? '(' : '['}${show(d.lo)}, ${show(d.hi)}${d.hiOpen ? ')' : ']'}`;
  if (d.lo) return `${subject} ${d.loOpen ? '>' : '≥'} ${show(d.lo)}`;
  if (d.hi) return `${subject} ${d.hiOpen ? '<' : '≤'} ${show(d.hi)}`;
  return `${subject} ∈ ℝ`;
}

/**
 * Reads one condition piece. `chain` parses a relation chain as the claim reader does. Returns undefined
 * for a condition that restricts nothing (`\text{for all } x`, `x \in \mathbb{R}`).
 */
export function readCondition(
  tex: string,
  tokens: readonly Token[],
  ctx: ParseContext,
  chain: (tokens: readonly Token[]) => Claim[],
): Condition | undefined {
  const sig = significant(tokens);
  // `\forall x > 0: …` ends its condition with a colon.
  while (isChar(sig[sig.length - 1], ':')) sig.pop();
  const first = sig[0];
  const last = sig[sig.length - 1];
  if (!first || !last) return undefined;
  const written = tex.slice(first.offset, last.end);
  const base = { tex: written, offset: first.offset, end: last.end };
  const unreadable = (message: string, code: 'syntax' | 'unsupported' = 'unsupported'): Condition => ({
    ...base,
    text: written,
    steps: [],
    error: { message, offset: first.offset, code },
  });
  const inner = parenthesized(sig);
  const body = inner && topRelations(inner).relations + topRelations(inner).memberships > 0 ? inner : sig;
  const { relations, memberships } = topRelations(body);
  if (relations === 0 && memberships === 0) {
    const other = body.find((t) => t.kind === 'cmd' && otherRelations.has(t.value) && t.value !== 'in');
    return other ? unreadable(`the condition ${written} cannot be sampled`) : undefined;
  }
  if (memberships > 0) {
    if (relations > 0 || memberships > 1)
      return unreadable(`the condition ${written} is too complex to sample`);
    let depth = 0;
    let at = -1;
    body.forEach((t, k) => {
      if (depth === 0 && at < 0 && isMembership(t)) at = k;
      depth = Math.max(0, depth + depthDelta(t));
    });
    try {
      const subject = side(tex, body.slice(0, at), ctx);
      const domainTokens = body.slice(at + 1);
      const domain = readDomain(domainTokens.slice(), ctx);
      const dFirst = domainTokens[0] as Token;
      const dLast = domainTokens[domainTokens.length - 1] as Token;
      const domainTex = tex.slice(dFirst.offset, dLast.end);
      const text = membershipText(sideText(subject), domain);
      if (domain.shape.length > 0)
        return unreadable(`the condition ${written} gives a shape: declare it in a <!-- let … --> comment`);
      // `\forall i \in \{1, \dots, n\}` ranges over indices (or sizes): a quantifier, not a restriction.
      if (domain.field === 'integer' && /\\[lc]?dots/.test(domainTex)) return undefined;
      if (domain.field === 'integer')
        return unreadable(`the condition ${written} asks for integers, which sampling of reals rarely meets`);
      const steps: ParsedStep[] = [];
      if (domain.lo) steps.push(boundStep(subject, domain.lo, domain.loOpen ? '>' : '\\ge', domainTex));
      if (domain.hi) steps.push(boundStep(subject, domain.hi, domain.hiOpen ? '<' : '\\le', domainTex));
      return steps.length ? { ...base, text, steps } : undefined;
    } catch (e) {
      return { ...base, text: written, steps: [], error: toParseError(e, first.offset) };
    }
  }
  const claims = chain(body);
  const c = claims[0];
  if (claims.length !== 1 || !c) return unreadable(`the condition ${written} cannot be read`, 'syntax');
  if (!c.ok) return { ...base, text: written, steps: [], error: c.error };
  const text = [sideText((c.steps[0] as ParsedStep).lhs)]
    .concat(c.steps.map((s) => `${relationSymbols[s.relation]} ${sideText(s.rhs)}`))
    .join(' ');
  return { ...base, text, steps: c.steps };
}
