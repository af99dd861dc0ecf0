// Splitting a display block into claims: rows of align-like environments, independent claims separated by
// `\quad`, `\text{…}`, `\Rightarrow`, `;` …, chains at top-level relations; then each side is parsed.
import { informationOperator } from './handlers/information';
import { toParseError } from './errors';
import { layoutEnvironments } from './handlers/layout';
import { expandInOrder, skipArgument } from './macros';
import { Parser, parseTokens } from './parser';
import { isUnjudgedRelation, otherRelations, relationOf } from './relations';
import { isChar, isCmd, tokenize, type Token } from './tokens';
import { parenthesized, readCondition, topRelations } from './conditions';
import { quantifierWords, splitPieces, type Piece } from './pieces';
import { depthDelta, eofAt, isSpace } from './scan';
import { dottedContext } from './dotted';
import { densityContext } from './densities';
import type {
  Claim,
  Condition,
  ParseContext,
  ParseError,
  ParsedStep,
  Relation,
  Side,
  UnreadStep,
} from './types';

/** Blocks longer than this many tokens are reported, not parsed (a pasted log is not a derivation). */
export const maxBlockTokens = 40000;

/** Name of the environment in `\begin{name}` at token `i`, and the index after it. */
function environmentAt(tokens: readonly Token[], i: number): { name: string; end: number } | undefined {
  if (!isChar(tokens[i + 1], '{')) return undefined;
  const end = skipArgument(tokens, i + 1);
  const name = tokens
    .slice(i + 2, end - 1)
    .map((t) => t.value)
    .join('');
  return { name, end };
}

/** Drops `\tag`, `\label`, `\nonumber` and the `\begin`/`\end` of layout environments (align, aligned …). */
function stripLayout(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'cmd') {
      if (t.value === 'tag' || t.value === 'label') {
        let j = i + 1;
        if (isChar(tokens[j], '*')) j++;
        i = skipArgument(tokens, j) - 1;
        continue;
      }
      if (t.value === 'nonumber' || t.value === 'notag') continue;
      if (t.value === 'begin' || t.value === 'end') {
        const env = environmentAt(tokens, i);
        if (env && layoutEnvironments.has(env.name)) {
          let end = env.end;
          // alignat's column count: \begin{alignat}{2}
          if (t.value === 'begin' && env.name.startsWith('alignat') && isChar(tokens[end], '{'))
            end = skipArgument(tokens, end);
          i = end - 1;
          continue;
        }
      }
    }
    out.push(t);
  }
  return out;
}

/** Splits at top-level `\\` (dropping its optional `[2pt]`). */
function splitRows(tokens: readonly Token[]): Token[][] {
  const rows: Token[][] = [[]];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'eof') break;
    if (depth === 0 && isCmd(t, '\\')) {
      rows.push([]);
      if (isChar(tokens[i + 1], '[')) {
        let j = i + 1;
        while (j < tokens.length && !isChar(tokens[j], ']') && tokens[j]?.kind !== 'eof') j++;
        i = j;
      }
      continue;
    }
    depth = Math.max(0, depth + depthDelta(t));
    (rows[rows.length - 1] as Token[]).push(t);
  }
  return rows;
}

/** Does this row continue the previous row's chain (`&= …`, `& + …`)? */
function isContinuation(row: readonly Token[]): boolean {
  let sawAmp = false;
  for (const t of row) {
    if (isSpace(t)) continue;
    if (isChar(t, '&')) {
      sawAmp = true;
      continue;
    }
    if (relationOf(t) || isColonEquals(row, row.indexOf(t))) return true;
    if (sawAmp && (isChar(t, '+') || isChar(t, '-') || isCmd(t, 'cdot') || isCmd(t, 'times'))) return true;
    return false;
  }
  return false;
}

function isColonEquals(tokens: readonly Token[], i: number): boolean {
  return isChar(tokens[i], ':') && isChar(tokens[i + 1], '=');
}

interface RelationAt {
  index: number;
  /** Tokens the relation spans (`:=` and `\overset{..}{=}` span several). */
  length: number;
  /** The relation, or undefined for one Stepwise does not judge (then `unjudged` is its token). */
  relation: Relation | undefined;
  unjudged?: Token;
}

/** A relation or an unjudged relation as one token, spanning `length` tokens from `index`. */
function relationAt(index: number, length: number, t: Token | undefined): RelationAt | undefined {
  const relation = relationOf(t);
  if (relation) return { index, length, relation };
  if (isUnjudgedRelation(t)) return { index, length, relation: undefined, unjudged: t as Token };
  return undefined;
}

/** `\mathrel{=}`, `\mathrel{\le}`, `{=}`, `{:=}`, `\mathrel{\ll}`: a relation written as a group. */
function wrappedRelation(tokens: readonly Token[], i: number): RelationAt | undefined {
  const t = tokens[i];
  const rel = isCmd(t, 'mathrel');
  const open = rel ? i + 1 : i;
  if (!isChar(tokens[open], '{')) return rel ? relationAt(i, 2, tokens[open]) : undefined;
  const end = skipArgument(tokens, open);
  if (!isChar(tokens[end - 1], '}')) return undefined;
  const inner = tokens.slice(open + 1, end - 1).filter((u) => !isSpace(u));
  if (inner.length === 2 && isColonEquals(inner, 0)) return { index: i, length: end - i, relation: '=' };
  return inner.length === 1 ? relationAt(i, end - i, inner[0]) : undefined;
}

/** `\overset{(a)}{=}`, `\stackrel{\text{def}}{=}`: an annotated relation. */
function annotatedRelation(tokens: readonly Token[], i: number): RelationAt | undefined {
  const t = tokens[i];
  if (!(isCmd(t, 'overset') || isCmd(t, 'stackrel') || isCmd(t, 'underset'))) return undefined;
  const a = skipArgument(tokens, i + 1);
  const b = skipArgument(tokens, a);
  const inner = isChar(tokens[a], '{') ? tokens.slice(a + 1, b - 1) : tokens.slice(a, b);
  if (inner.length !== 1) return undefined;
  return relationAt(i, b - i, inner[0]);
}

/** Top-level relations of a piece, and whether it holds relations we cannot check (`\in`, `\sim`, `\to`). */
function findRelations(tokens: readonly Token[]): { relations: RelationAt[]; other?: Token } {
  const relations: RelationAt[] = [];
  let other: Token | undefined;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (depth === 0) {
      const ann = annotatedRelation(tokens, i) ?? wrappedRelation(tokens, i);
      if (ann) {
        relations.push(ann);
        i += ann.length - 1;
        continue;
      }
      if (isColonEquals(tokens, i)) {
        relations.push({ index: i, length: 2, relation: '=' });
        i++;
        continue;
      }
      const single = relationAt(i, 1, t);
      if (single) {
        relations.push(single);
        continue;
      }
      if (
        (t.kind === 'cmd' && otherRelations.has(t.value)) ||
        isChar(t, '∈') ||
        isChar(t, '→') ||
        isChar(t, '∼')
      )
        other ??= t;
    }
    depth = Math.max(0, depth + depthDelta(t));
  }
  return other ? { relations, other } : { relations };
}

/** Parses one claim (a chain) into steps; a side that fails to parse fails only the steps that use it. */
function claimsOfPiece(tex: string, tokens: readonly Token[], outer: ParseContext): Claim[] {
  const ctx = densityContext(tokens, dottedContext(tokens, outer));
  const { relations, other } = findRelations(tokens);
  if (relations.length === 0) return [];
  if (other) {
    const probability = other.value === 'sim' || other.value === '∼';
    const error: ParseError = {
      message: probability
        ? `\\sim is probability notation, which sampling cannot check`
        : `${other.kind === 'cmd' ? `\\${other.value}` : other.value} is not a relation that sampling can check`,
      offset: other.offset,
      code: probability ? 'probability' : 'unsupported',
      subject: other.kind === 'cmd' ? `\\${other.value}` : other.value,
    };
    return [{ ok: false, error, relations: relations.length }];
  }
  const sides: ({ ok: true; side: Side } | { ok: false; error: ParseError; tex: string })[] = [];
  let from = 0;
  const bounds = [
    ...relations.map((r) => ({ start: r.index, end: r.index + r.length })),
    { start: tokens.length, end: tokens.length },
  ];
  for (const b of bounds) {
    const sideTokens = tokens.slice(from, b.start).filter((t) => t.kind !== 'eof');
    const significant = sideTokens.filter((t) => !isSpace(t));
    if (significant.length === 0) {
      const at = tokens[Math.min(b.start, tokens.length - 1)] ?? tokens[tokens.length - 1];
      const offset = at?.offset ?? 0;
      const which = b.start === tokens.length ? 'after the last relation' : `before the relation`;
      sides.push({
        ok: false,
        error: { message: `missing expression ${which}`, offset, code: 'syntax' },
        tex: '',
      });
    } else {
      const first = significant[0] as Token;
      const last = significant[significant.length - 1] as Token;
      const input = [...sideTokens, eofAt(last.end)];
      const parsed = parseTokens(input, from === 0 ? headContext(input, ctx) : ctx);
      const offset = first.offset;
      const end = Math.max(last.end, offset);
      if (parsed.ok)
        sides.push({ ok: true, side: { node: parsed.node, tex: tex.slice(offset, end), offset, end } });
      else sides.push({ ok: false, error: parsed.error, tex: tex.slice(offset, end) });
    }
    from = b.end;
  }
  const claims: Claim[] = [];
  let run: ParsedStep[] = [];
  let failed: { error: ParseError; relations: number; steps: UnreadStep[] } | undefined;
  relations.forEach((r, k) => {
    const lhs = sides[k];
    const rhs = sides[k + 1];
    const relTok = tokens[r.index] as Token;
    const relEnd = (tokens[r.index + r.length - 1] as Token).end;
    const texOf = (s: (typeof sides)[number] | undefined): string => (!s ? '' : s.ok ? s.side.tex : s.tex);
    if (r.unjudged) {
      // A claim Stepwise does not judge is a step of its own, whatever its sides.
      if (run.length) claims.push({ ok: true, steps: run });
      if (failed) claims.push({ ok: false, ...failed });
      run = [];
      failed = undefined;
      const subject = r.unjudged.kind === 'cmd' ? `\\${r.unjudged.value}` : r.unjudged.value;
      const error: ParseError = {
        message: `${subject} is a relation Stepwise does not judge`,
        offset: relTok.offset,
        code: 'unsupported-relation',
        subject,
      };
      const step = { relationTex: tex.slice(relTok.offset, relEnd), relationOffset: relTok.offset };
      claims.push({
        ok: false,
        error,
        relations: 1,
        steps: [{ ...step, lhsTex: texOf(lhs), rhsTex: texOf(rhs) }],
      });
      return;
    }
    if (lhs?.ok && rhs?.ok) {
      if (failed) {
        claims.push({ ok: false, ...failed });
        failed = undefined;
      }
      run.push({
        relation: r.relation as Relation,
        relationTex: tex.slice(relTok.offset, relEnd),
        relationOffset: relTok.offset,
        lhs: lhs.side,
        rhs: rhs.side,
      });
    } else {
      if (run.length) {
        claims.push({ ok: true, steps: run });
        run = [];
      }
      const error = lhs && !lhs.ok ? lhs.error : rhs && !rhs.ok ? rhs.error : undefined;
      const unread: UnreadStep = {
        relationTex: tex.slice(relTok.offset, relEnd),
        relationOffset: relTok.offset,
        lhsTex: texOf(lhs),
        rhsTex: texOf(rhs),
        ...(lhs && !lhs.ok ? { lhsError: lhs.error } : {}),
        ...(rhs && !rhs.ok ? { rhsError: rhs.error } : {}),
      };
      if (failed) {
        failed.relations++;
        failed.steps.push(unread);
      } else
        failed = {
          error: error ?? { message: 'unreadable side', offset: relTok.offset, code: 'syntax' },
          relations: 1,
          steps: [unread],
        };
    }
  });
  if (run.length) claims.push({ ok: true, steps: run });
  if (failed) claims.push({ ok: false, ...failed });
  return claims;
}

/** A claim that starts `p(x) = …` or `c_i(\mathbf{x}) \le 0` with p undeclared states something about a
 *  function p (a density, a constraint), not the product p·x: its head is read as a function. */
function headContext(tokens: Token[], ctx: ParseContext): ParseContext {
  let head: string | undefined;
  try {
    head = new Parser(tokens.slice(), ctx).readApplicationHead();
  } catch {
    head = undefined;
  }
  if (head === undefined || ctx.kindOf(head) !== undefined) return ctx;
  // `H(X, Y) = …` with capitals: an entropy (handlers/information.ts), not a function being defined.
  if (informationOperator(new Parser(tokens.slice(), ctx))) return ctx;
  const name = head;
  return { kindOf: (n) => (n === name ? 'function' : ctx.kindOf(n)), macros: ctx.macros };
}

/** Index of the first top-level relation or membership of a piece. */
function firstRelationIndex(tokens: readonly Token[]): number {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (depth === 0 && (relationOf(t) || isCmd(t, 'in') || isChar(t, '∈'))) return i;
    depth = Math.max(0, depth + depthDelta(t));
  }
  return tokens.length;
}

const dotsCommands = new Set(['dots', 'ldots', 'cdots']);

/** Reads the pieces of a block into claims, attaching each condition to the claims of the nearest claim
 *  piece before it (or, at the start, after it). */
function assemble(tex: string, pieces: readonly Piece[], ctx: ParseContext): Claim[] {
  const claims: Claim[] = [];
  let last: Claim[] = [];
  let pending: Condition[] = [];
  let held: Token[][] = [];
  const attach = (targets: Claim[], conds: Condition[]): void => {
    for (const c of targets) if (c.ok) c.conditions = [...(c.conditions ?? []), ...conds];
  };
  const addCondition = (cond: Condition | undefined): void => {
    if (!cond) return;
    if (last.length) attach(last, [cond]);
    else pending.push(cond);
  };
  const chain = (toks: readonly Token[]): Claim[] => claimsOfPiece(tex, toks, ctx);
  pieces.forEach((p, k) => {
    if (p.aside) return;
    if (p.negated !== undefined) {
      const at = p.tokens[0]?.offset ?? last.find((c) => c.ok)?.steps[0]?.relationOffset ?? 0;
      addCondition({
        tex: p.negated,
        offset: at,
        end: at,
        text: p.negated,
        steps: [],
        error: {
          message: `the condition '${p.negated} …' cannot be sampled`,
          offset: at,
          code: 'unsupported',
        },
      });
      return;
    }
    if (p.condition) {
      // `\text{for } i = 1, \dots, n` ranges over an index: it does not restrict the sampled values.
      const next = pieces[k + 1];
      if (next?.condition && next.tokens.some((t) => t.kind === 'cmd' && dotsCommands.has(t.value))) return;
      if (p.tokens.some((t) => t.kind === 'cmd' && dotsCommands.has(t.value))) return;
      const rel = topRelations(p.tokens);
      if (rel.relations + rel.memberships === 0) {
        const unreadable = readCondition(tex, p.tokens, ctx, chain);
        if (unreadable) {
          addCondition(unreadable);
          held = [];
          return;
        }
        // `\text{for } x, y > 0`: x shares the relation of the next piece.
        if (next?.condition && !next.negated && !next.aside) {
          held.push(p.tokens);
          return;
        }
        if (!quantifierWords.has(p.word ?? 'for')) {
          const sig = p.tokens.filter((t) => !isSpace(t));
          const first = sig[0] as Token;
          const written = tex.slice(first.offset, (sig[sig.length - 1] as Token).end);
          addCondition({
            tex: written,
            offset: first.offset,
            end: first.offset + written.length,
            text: written,
            steps: [],
            error: {
              message: `'${p.word ?? ''} ${written}' states no relation that sampling can check`,
              offset: first.offset,
              code: 'unsupported',
            },
          });
        }
        held = [];
        return;
      }
      addCondition(readCondition(tex, p.tokens, ctx, chain));
      if (held.length) {
        const from = firstRelationIndex(p.tokens);
        for (const subject of held)
          addCondition(readCondition(tex, [...subject, ...p.tokens.slice(from)], ctx, chain));
        held = [];
      }
      return;
    }
    const found = chain(p.tokens);
    if (found.length === 0) {
      // `\quad (x > 0)` and `, \quad x \in (0, 1)` after a claim qualify it.
      const inner = parenthesized(p.tokens);
      const rel = topRelations(inner ?? p.tokens);
      if (last.length && (rel.memberships > 0 || (inner && rel.relations > 0)))
        addCondition(readCondition(tex, p.tokens, ctx, chain));
      return;
    }
    if (pending.length) {
      attach(found, pending);
      pending = [];
    }
    last = found;
    claims.push(...found);
  });
  return claims;
}

function countRelations(tokens: readonly Token[]): number {
  return tokens.filter((t) => relationOf(t) !== undefined || isUnjudgedRelation(t)).length;
}

/** Splits a display block (its TeX, without the `$$`) into claims and parses each side; offsets index `tex`.
 *  Never throws; a block with no relation yields no claims. */
export function parseBlock(tex: string, ctx: ParseContext): Claim[] {
  let raw: Token[] = [];
  try {
    raw = tokenize(tex);
    if (raw.length > maxBlockTokens) {
      const relations = countRelations(raw);
      const error: ParseError = {
        message: `block too long (${raw.length} tokens)`,
        offset: 0,
        code: 'syntax',
      };
      return relations ? [{ ok: false, error, relations }] : [];
    }
    const expanded = expandInOrder(tex, raw, ctx.macros).tokens;
    const claims: Claim[] = [];
    let pieces: Piece[] = [];
    for (const row of splitRows(stripLayout(expanded))) {
      const rowPieces = splitPieces(row);
      if (rowPieces.length === 0) continue;
      if (isContinuation(row)) {
        const target = [...pieces].reverse().find((p) => !p.condition);
        const first = rowPieces[0] as Piece;
        if (target && !first.condition) {
          target.tokens.push(...first.tokens);
          rowPieces.shift();
        }
      }
      pieces = pieces.concat(rowPieces);
    }
    claims.push(...assemble(tex, pieces, ctx));
    return claims;
  } catch (e) {
    const error = toParseError(e);
    const relations = countRelations(raw);
    return relations ? [{ ok: false, error, relations }] : [];
  }
}
