// Declarations: what the student says a symbol is, one a line in `<!-- let … -->` or as inline prose math.
//   x, y \in \mathbb{R}            A \in \mathbb{R}^{m \times n}, b \in \mathbb{R}^{n}
//   p \in (0, 1)   n \in \{1, \dots, 512\}   \lambda > 0   0 < p < 1   x \in \mathbb{R}_{>0}
//   \sigma(z) = \frac{1}{1 + e^{-z}}   (a function)      a = \frac{1}{\sqrt{n}}   (a definition)
//   i, j \text{ index}             (bound indices: `x_i` then reads as the i-th entry of x)
// ℕ is {1, 2, …} here (sizes and counts); write \mathbb{N}_0 for {0, 1, …}.
import type { MathNode } from 'mathjs';
import { fail, toParseError } from './errors';
import { expandInOrder, findDefinitions, skipArgument } from './macros';
import { relationOf } from './relations';
import { depthDelta, eofAt, significant } from './scan';
import { isChar, isCmd, tokenize, type Token } from './tokens';
import type { Declaration, Domain, MacroDef, ParseContext, ParseError, Relation } from './types';
import { isNumberConstant, parseExpr, readDomain, readNames, splitTop } from './domains';

export { readDomain } from './domains';
import { readRandomRow } from './randomDeclarations';

type Piece = Token[];

interface Options {
  strict?: boolean;
}

const lowerRelations: ReadonlySet<Relation> = new Set(['<', '\\le']);
const upperRelations: ReadonlySet<Relation> = new Set(['>', '\\ge']);

/** `λ > 0`, `0 < p < 1`, `x, y \ge 0`, `p \le 1`: a real domain with bounds. */
function readInequality(
  parts: Token[][],
  rels: Relation[],
  relToks: Token[],
  ctx: ParseContext,
  strict: boolean,
): { names: string[]; domain: Domain } | undefined {
  const domain: Domain = { field: 'real', loOpen: false, hiOpen: false, shape: [] };
  const setBound = (side: 'lo' | 'hi', node: MathNode, open: boolean): void => {
    if (strict && !isNumberConstant(node)) throw new Error('not constant');
    if (side === 'lo') {
      domain.lo = node;
      domain.loOpen = open;
    } else {
      domain.hi = node;
      domain.hiOpen = open;
    }
  };
  if (rels.some((r) => !lowerRelations.has(r) && !upperRelations.has(r))) return undefined;
  const at = (k: number): number => relToks[k]?.offset ?? 0;
  const missing = (side: 'before' | 'after', k: number): string =>
    `missing expression ${side} ${relToks[k]?.kind === 'cmd' ? '\\' : ''}${relToks[k]?.value ?? ''}`;
  if (parts.length === 2) {
    const [a, b] = parts as [Token[], Token[]];
    const rel = rels[0] as Relation;
    const open = rel === '<' || rel === '>';
    const namesA = readNames(a, ctx);
    if (namesA) {
      setBound(lowerRelations.has(rel) ? 'hi' : 'lo', parseExpr(b, ctx, at(0), missing('after', 0)), open);
      return { names: namesA, domain };
    }
    const namesB = readNames(b, ctx);
    if (namesB) {
      setBound(lowerRelations.has(rel) ? 'lo' : 'hi', parseExpr(a, ctx, at(0), missing('before', 0)), open);
      return { names: namesB, domain };
    }
    return undefined;
  }
  if (parts.length === 3) {
    const [a, b, c] = parts as [Token[], Token[], Token[]];
    const [r1, r2] = rels as [Relation, Relation];
    const names = readNames(b, ctx);
    if (!names) return undefined;
    const ascending = lowerRelations.has(r1) && lowerRelations.has(r2);
    const descending = upperRelations.has(r1) && upperRelations.has(r2);
    if (!ascending && !descending) return undefined;
    const [loT, hiT, loRel, hiRel] = ascending ? [a, c, r1, r2] : [c, a, r2, r1];
    const [loK, hiK] = ascending ? [0, 1] : [1, 0];
    const loSide = loK === 0 ? 'before' : 'after';
    const hiSide = hiK === 0 ? 'before' : 'after';
    setBound('lo', parseExpr(loT, ctx, at(loK), missing(loSide, loK)), loRel === '<' || loRel === '>');
    setBound('hi', parseExpr(hiT, ctx, at(hiK), missing(hiSide, hiK)), hiRel === '<' || hiRel === '>');
    return { names, domain };
  }
  return undefined;
}

/** One piece of a line (`A \in \mathbb{R}^{n\times n}`); `pending` holds names listed before it (`x, y \in`). */
function readPiece(
  piece: Piece,
  pending: string[],
  ctx: ParseContext,
  strict: boolean,
): Declaration | 'names' | undefined {
  const toks = significant(piece);
  const first = toks[0];
  if (!first) return undefined;
  const offset = first.offset;
  // `i, j \text{ index}`
  const textIdx = toks.findIndex((t) => isCmd(t, 'text') || isCmd(t, 'mathrm') || isCmd(t, 'textrm'));
  if (textIdx > 0 && skipArgument(toks, textIdx + 1) === toks.length) {
    const word = toks
      .slice(textIdx + 2, toks.length - 1)
      .map((t) => t.value)
      .join('')
      .trim();
    if (word === 'index' || word === 'indices') {
      const names = readNames(toks.slice(0, textIdx), ctx);
      if (!names) fail('expected symbols before \\text{ index}', offset);
      return { kind: 'index', names: [...pending, ...names], offset };
    }
  }
  // `f: \mathbb{R} \to \mathbb{R}` names a map but says nothing we can sample.
  if (
    toks.some((t) => isCmd(t, 'to') || isCmd(t, 'rightarrow')) &&
    toks.some((t) => isChar(t, ':') || isCmd(t, 'colon'))
  )
    fail(`a signature f: A → B defines nothing; write f(x) = … instead`, offset, 'unsupported');
  // `x \in D`
  const inAt = toks.findIndex((t) => isCmd(t, 'in') || isChar(t, '∈'));
  if (inAt >= 0) {
    const names = readNames(toks.slice(0, inAt), ctx);
    if (!names) fail(`expected symbols before \\in`, offset);
    return {
      kind: 'domain',
      names: [...pending, ...names],
      domain: readDomain(toks.slice(inAt + 1), ctx, (toks[inAt] as Token).offset),
      offset,
    };
  }
  // relations at top level
  const parts: Token[][] = [[]];
  const rels: Relation[] = [];
  const relToks: Token[] = [];
  let depth = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k] as Token;
    const rel = depth === 0 ? (isChar(t, ':') && isChar(toks[k + 1], '=') ? '=' : relationOf(t)) : undefined;
    if (rel) {
      rels.push(rel);
      relToks.push(t);
      parts.push([]);
      if (isChar(t, ':')) k++;
      continue;
    }
    depth = Math.max(0, depth + depthDelta(t));
    (parts[parts.length - 1] as Token[]).push(t);
  }
  if (rels.length === 0) {
    if (readNames(toks, ctx)) return 'names';
    if (strict) return undefined;
    fail(`not a declaration (expected \\in, an inequality or =)`, offset);
  }
  if (rels.length === 1 && rels[0] === '=') {
    if (strict) return undefined;
    const [lhs, rhs] = parts as [Token[], Token[]];
    const eqAt = (relToks[0] as Token).offset;
    const l = significant(lhs);
    // `f(x, y) = body`: a function
    const parenAt = l.findIndex((t) => isChar(t, '(') || isCmd(t, 'left'));
    if (
      parenAt > 0 &&
      (isChar(l[l.length - 1], ')') || isChar(l[l.length - 1], '.') || isChar(l[l.length - 1], ')'))
    ) {
      const nameToks = l.slice(0, parenAt);
      const names = readNames(nameToks, ctx);
      const inner = isCmd(l[parenAt], 'left') ? l.slice(parenAt + 2, -2) : l.slice(parenAt + 1, -1);
      const params = readNames(inner, ctx);
      if (names?.length === 1 && params) {
        const fname = names[0] as string;
        const kinds = (n: string): ReturnType<ParseContext['kindOf']> =>
          params.includes(n) ? 'scalar' : n === fname ? 'function' : ctx.kindOf(n);
        const body = parseExpr(rhs, { kindOf: kinds, macros: ctx.macros }, eqAt, `missing body after =`);
        return { kind: 'function', name: fname, params, body, offset };
      }
    }
    const names = readNames(lhs, ctx);
    if (names?.length === 1)
      return {
        kind: 'definition',
        name: names[0] as string,
        body: parseExpr(rhs, ctx, eqAt, 'missing expression after ='),
        offset,
      };
    return fail(`the left side of = is not a symbol or f(x)`, offset);
  }
  if (pending.length && parts.length === 2 && rels.every((r) => r !== '=')) {
    // `x, y > 0` arrives as pieces "x" and "y > 0".
    const r = readInequality(parts, rels, relToks, ctx, strict);
    if (r) return { kind: 'domain', names: [...pending, ...r.names], domain: r.domain, offset };
  }
  try {
    const r = readInequality(parts, rels, relToks, ctx, strict);
    if (r) return { kind: 'domain', names: r.names, domain: r.domain, offset };
  } catch (e) {
    if (strict) return undefined;
    throw e;
  }
  if (strict) return undefined;
  return fail(`not a declaration`, offset);
}

/** Keeps an error on the line it belongs to: one placed outside `[from, to]` (a fallback offset) moves to
 *  `at`, the start of the offending piece. */
function onLine(error: ParseError, from: number, to: number, at: number): ParseError {
  return error.offset >= from && error.offset <= to ? error : { ...error, offset: at };
}

/** Reads declarations, one a line (several on a line separated by commas). In `strict` mode, for inline prose
 *  math, anything that is not clearly a declaration yields nothing and no error. Never throws. */
export function parseDeclarations(
  tex: string,
  ctx: ParseContext,
  opts: Options = {},
): { declarations: Declaration[]; errors: ParseError[] } {
  const strict = opts.strict === true;
  const declarations: Declaration[] = [];
  const errors: ParseError[] = [];
  let raw: Token[];
  // The macros in force, line by line: a definition applies from where it stands, as in KaTeX.
  const macros = new Map<string, MacroDef>(ctx.macros);
  try {
    raw = tokenize(tex);
  } catch (e) {
    return { declarations, errors: strict ? [] : [toParseError(e)] };
  }
  const local: ParseContext = { kindOf: ctx.kindOf, macros };
  // Lines: split the TeX at newlines (and at `\\`), keeping token offsets.
  let lineStart = 0;
  const lines: [number, number][] = [];
  for (let k = 0; k <= tex.length; k++) {
    if (k === tex.length || tex[k] === '\n') {
      lines.push([lineStart, k]);
      lineStart = k + 1;
    }
  }
  const pieceAt = (piece: Token[]): number => significant(piece)[0]?.offset ?? 0;
  let cursor = 0;
  for (const [a, b] of lines) {
    // Tokens are in offset order: walk them once instead of filtering the whole list for every line.
    while (cursor < raw.length && (raw[cursor] as Token).offset < a) cursor++;
    const from = cursor;
    while (cursor < raw.length && (raw[cursor] as Token).end <= b && (raw[cursor] as Token).kind !== 'eof')
      cursor++;
    let lineTokens = raw.slice(from, cursor);
    const defs = findDefinitions(tex, lineTokens);
    let expanded: Token[];
    try {
      expanded = expandInOrder(tex, [...lineTokens, eofAt(b)], macros, macros).tokens;
    } catch (e) {
      if (!strict && !defs.length) errors.push(toParseError(e, a));
      continue;
    }
    if (defs.length) continue; // a macro definition line
    lineTokens = expanded.filter((t) => t.kind !== 'eof');
    const rows = splitTop(lineTokens, (t) => isCmd(t, '\\'));
    for (const row of rows) {
      const sig = significant(row);
      while (sig.length && (isChar(sig[sig.length - 1], '.') || isChar(sig[sig.length - 1], ';'))) sig.pop();
      if (sig.length === 0) continue;
      // `X \sim \mathcal{N}(0, 1)`, `X_1, \dots, X_n \overset{iid}{\sim} …`, `X \perp Y`: a row of their own.
      try {
        const random = readRandomRow(sig, local, strict);
        if (random) {
          declarations.push(...random);
          continue;
        }
      } catch (e) {
        if (!strict) errors.push(onLine(toParseError(e, pieceAt(sig)), a, b, pieceAt(sig)));
        continue;
      }
      const pieces = splitTop(sig, (t) => isChar(t, ',') || isChar(t, ';'));
      let pending: string[] = [];
      const found: Declaration[] = [];
      let bad = false;
      for (const piece of pieces) {
        if (significant(piece).length === 0) continue;
        try {
          const r = readPiece(piece, pending, local, strict);
          if (r === 'names') {
            pending = pending.concat(readNames(piece, local) ?? []);
            continue;
          }
          pending = [];
          if (r) found.push(r);
          else if (strict) bad = true;
        } catch (e) {
          if (strict) bad = true;
          else errors.push(onLine(toParseError(e, pieceAt(piece)), a, b, pieceAt(piece)));
        }
      }
      if (pending.length && !strict) {
        const at = sig[0] as Token;
        errors.push({
          message: `symbols ${pending.join(', ')} are listed without a domain`,
          offset: at.offset,
          code: 'syntax',
        });
      }
      if (strict && bad) continue;
      declarations.push(...found);
    }
  }
  return { declarations, errors };
}
