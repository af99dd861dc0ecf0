// `\newcommand`/`\def` macros: reading their definitions and expanding their uses, at the token level so
// that every expanded token keeps an offset in the original TeX (the macro use's), and within fixed
// bounds so that `\def\a{\a\a}` ends in an error instead of a hang.
import { fail } from './errors';
import { isChar, tokenize, type Token } from './tokens';
import type { MacroDef } from './types';

/** Bounds on expansion: nesting of macro uses, and tokens produced in all. */
export const macroLimits = { depth: 32, tokens: 20000 };

const defining = new Set([
  'newcommand',
  'renewcommand',
  'providecommand',
  'def',
  'gdef',
  'DeclareMathOperator',
]);

/** Index just past the group that starts at `i` (a `{…}` group, or a single token). */
export function skipArgument(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  if (!t || t.kind === 'eof') return i;
  if (!isChar(t, '{')) return i + 1;
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    const u = tokens[j] as Token;
    if (u.kind === 'eof') return j;
    if (isChar(u, '{')) depth++;
    else if (isChar(u, '}') && --depth === 0) return j + 1;
  }
  return tokens.length - 1;
}

/** The tokens inside the argument `[i, end)`: without its braces if it is a group. */
function argumentTokens(tokens: readonly Token[], i: number, end: number): Token[] {
  if (isChar(tokens[i], '{')) return tokens.slice(i + 1, isChar(tokens[end - 1], '}') ? end - 1 : end);
  return tokens.slice(i, end);
}

interface Definition {
  name: string;
  def: MacroDef;
  /** Token range `[start, end)` of the whole definition, removed before parsing. */
  start: number;
  end: number;
}

/** Finds the macro definitions among tokens, reading bodies from `tex`. */
export function findDefinitions(tex: string, tokens: readonly Token[]): Definition[] {
  const found: Definition[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'cmd' || !defining.has(t.value)) continue;
    let j = i + 1;
    if (isChar(tokens[j], '*')) j++;
    // The name: `\name` or `{\name}`.
    let nameTok = tokens[j];
    if (isChar(nameTok, '{')) {
      nameTok = tokens[j + 1];
      if (nameTok?.kind !== 'cmd' || !isChar(tokens[j + 2], '}')) continue;
      j += 3;
    } else if (nameTok?.kind === 'cmd') j++;
    else continue;
    let params = 0;
    if (t.value === 'def' || t.value === 'gdef') {
      while (tokens[j]?.kind === 'param') {
        params++;
        j++;
      }
    } else if (t.value !== 'DeclareMathOperator') {
      if (isChar(tokens[j], '[')) {
        const n = tokens[j + 1];
        if (n?.kind !== 'num' || !isChar(tokens[j + 2], ']')) continue;
        params = Math.min(9, Number(n.value));
        j += 3;
        // An optional argument's default: read as an ordinary argument here.
        if (isChar(tokens[j], '[')) {
          while (j < tokens.length && !isChar(tokens[j], ']') && tokens[j]?.kind !== 'eof') j++;
          j++;
        }
      }
    }
    if (!isChar(tokens[j], '{')) continue;
    const end = skipArgument(tokens, j);
    const open = tokens[j] as Token;
    const close = tokens[end - 1] as Token;
    let body = tex.slice(open.end, isChar(close, '}') ? close.offset : close.end);
    if (t.value === 'DeclareMathOperator') body = `\\operatorname{${body}}`;
    found.push({ name: nameTok.value, def: { params, body }, start: i, end });
    i = end - 1;
  }
  return found;
}

/** The `\newcommand`/`\renewcommand`/`\def`/`\DeclareMathOperator` definitions in a TeX string. */
export function extractMacros(tex: string): Map<string, MacroDef> {
  const map = new Map<string, MacroDef>();
  for (const d of findDefinitions(tex, tokenize(tex))) map.set(d.name, d.def);
  return map;
}

/** Expands every macro use in `tokens`; throws a ParseFailure past the bounds of `macroLimits`. */
export function expandMacros(tokens: readonly Token[], macros: ReadonlyMap<string, MacroDef>): Token[] {
  if (macros.size === 0) return tokens.slice();
  const bodies = new Map<string, Token[]>();
  const out: Token[] = [];
  const expand = (input: readonly Token[], depth: number): void => {
    for (let i = 0; i < input.length; i++) {
      const t = input[i] as Token;
      const def = t.kind === 'cmd' ? macros.get(t.value) : undefined;
      if (!def) {
        if (t.kind === 'eof') continue;
        if (out.length >= macroLimits.tokens)
          fail(`macro expansion too large (over ${macroLimits.tokens} tokens)`, t.offset);
        out.push(t);
        continue;
      }
      if (depth >= macroLimits.depth)
        fail(`macro \\${t.value} expands too deeply (recursive definition?)`, t.offset);
      const args: Token[][] = [];
      let j = i + 1;
      for (let k = 0; k < def.params; k++) {
        const end = skipArgument(input, j);
        args.push(argumentTokens(input, j, end));
        j = end;
      }
      const last = input[j - 1] ?? t;
      let body = bodies.get(t.value);
      if (!body) {
        body = tokenize(def.body).slice(0, -1);
        bodies.set(t.value, body);
      }
      const produced: Token[] = [];
      for (const [k, b] of body.entries()) {
        if (b.kind === 'param') produced.push(...(args[Number(b.value) - 1] ?? []));
        else
          produced.push({
            ...b,
            offset: t.offset,
            end: Math.max(t.end, last.end),
            // Only the first token takes the space before the use: `\operatorname{tr}` in a body stays one word.
            space: k === 0 ? b.space || t.space : b.space,
          });
        if (produced.length > macroLimits.tokens)
          fail(`macro expansion too large (over ${macroLimits.tokens} tokens)`, t.offset);
      }
      expand(produced, depth + 1);
      i = j - 1;
    }
  };
  expand(tokens, 0);
  const last = tokens[tokens.length - 1];
  out.push(last?.kind === 'eof' ? last : { kind: 'eof', value: '', offset: 0, end: 0, space: false });
  return out;
}
