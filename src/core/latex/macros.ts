// `\newcommand`/`\def` macros, read as KaTeX reads them (the preview's KaTeX, `globalGroup` on): a
// definition takes effect where it stands, for the rest of the block and the blocks after it; `\def`,
// `\newcommand` (which the preview lets redefine), `\renewcommand` and `\let` replace, `\providecommand`
// keeps what is defined. What Stepwise cannot follow exactly (a definition local to a group, `\edef`, a
// `\providecommand` of a name KaTeX may already have, a macro that defines macros) makes the name unknown:
// its uses are unsupported, never read with a guessed meaning. Expansion works on tokens, so every
// expanded token keeps an offset in the original TeX (the macro use's), within fixed bounds, so that
// `\def\a{\a\a}` ends in an error instead of a hang.
import { type Definition, isDefining, readDefinition } from './definitions';
import { fail } from './errors';
import { isChar, isCmd, skipArgument, tokenize, type Token } from './tokens';
import type { MacroDef } from './types';

export { findDefinitions } from './definitions';
export { skipArgument } from './tokens';

/** Bounds on expansion: nesting of macro uses, and tokens produced in all. */
export const macroLimits = { depth: 32, tokens: 20000 };

/** The key, in a macro table, recording that a macro which defines macros was used: from then on any
 *  command may mean something else, and nothing is read. */
const lost = '\u0000lost';
const lostMessage =
  'a macro that defines macros was used before: Stepwise cannot follow the macros from there';

const definerMessage = (name: string): string => `\\${name} defines macros, which Stepwise does not follow`;
const definesMacros = (def: MacroDef): boolean =>
  def.unknown?.endsWith('defines macros, which Stepwise does not follow') === true;

/** The tokens inside the argument `[i, end)`: without its braces if it is a group. */
function argumentTokens(tokens: readonly Token[], i: number, end: number): Token[] {
  if (isChar(tokens[i], '{')) return tokens.slice(i + 1, isChar(tokens[end - 1], '}') ? end - 1 : end);
  return tokens.slice(i, end);
}

const bodies = new WeakMap<MacroDef, Token[]>();
function bodyTokens(def: MacroDef): Token[] {
  let body = bodies.get(def);
  if (!body) {
    body = tokenize(def.body).slice(0, -1);
    bodies.set(def, body);
  }
  return body;
}

/** Opens and closes of KaTeX's groups: a `\def` inside one ends with it. */
function groupChange(t: Token): number {
  if (isChar(t, '{') || isCmd(t, 'begin') || isCmd(t, 'left') || isCmd(t, 'begingroup')) return 1;
  if (isChar(t, '}') || isCmd(t, 'end') || isCmd(t, 'right') || isCmd(t, 'endgroup')) return -1;
  return 0;
}

/** The meaning a definition gives its name, given the macros in force and whether it stands in a group. */
function meaning(d: Definition, macros: ReadonlyMap<string, MacroDef>, local: boolean): MacroDef | undefined {
  const unknown = (why: string): MacroDef => ({ ...d.def, unknown: why });
  if (d.kind === 'providecommand' && macros.has(d.name)) return undefined;
  if (local && !d.global) return unknown(`\\${d.name} is defined inside a group, where its definition ends`);
  if (d.kind === 'edef') return unknown(`\\${d.name} is defined by \\edef, which Stepwise does not expand`);
  if (d.kind === 'providecommand')
    return unknown(`\\providecommand{\\${d.name}} leaves \\${d.name} as KaTeX has it, if it has it`);
  if (d.kind === 'let' && d.target !== undefined) {
    const copied = macros.get(d.target);
    if (copied) return copied;
  }
  if (tokenize(d.def.body).some(isDefining)) return { ...d.def, unknown: definerMessage(d.name) };
  return d.def;
}

export interface Expansion {
  /** The tokens with every macro use expanded and every definition removed (eof kept). */
  tokens: Token[];
  /** The macros in force after the tokens. */
  macros: Map<string, MacroDef>;
  /** The definitions read, in order. */
  definitions: Definition[];
}

/** Expands `tokens` (of `tex`) in order, starting from the macros `inForce`; throws a ParseFailure past the
 *  bounds of `macroLimits`, at a use of an unknown macro, or at a definition inside a macro's expansion.
 *  `state`, when given, receives the macros in force even when it throws. */
export function expandInOrder(
  tex: string,
  tokens: readonly Token[],
  inForce: ReadonlyMap<string, MacroDef>,
  state: Map<string, MacroDef> = new Map(inForce),
): Expansion {
  const macros = state;
  const definitions: Definition[] = [];
  const out: Token[] = [];
  const push = (t: Token): void => {
    if (out.length >= macroLimits.tokens)
      fail(`macro expansion too large (over ${macroLimits.tokens} tokens)`, t.offset);
    out.push(t);
  };
  /** Expands the use of `def` at `input[i]`; returns the index of its last argument token. */
  const use = (input: readonly Token[], i: number, def: MacroDef, depth: number): number => {
    const t = input[i] as Token;
    if (def.unknown !== undefined) {
      if (definesMacros(def)) macros.set(lost, def);
      fail(def.unknown, t.offset, 'unsupported', `\\${t.value}`);
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
    const produced: Token[] = [];
    for (const [k, b] of bodyTokens(def).entries()) {
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
    return j - 1;
  };
  /** Expands tokens a macro produced: definitions there are beyond what Stepwise follows. */
  const expand = (input: readonly Token[], depth: number): void => {
    for (let i = 0; i < input.length; i++) {
      const t = input[i] as Token;
      if (isDefining(t))
        fail(
          `a definition inside a macro's expansion is not supported`,
          t.offset,
          'unsupported',
          `\\${t.value}`,
        );
      const def = t.kind === 'cmd' ? macros.get(t.value) : undefined;
      if (def) i = use(input, i, def, depth);
      else if (t.kind !== 'eof') push(t);
    }
  };

  if (macros.has(lost)) fail(lostMessage, tokens[0]?.offset ?? 0, 'unsupported');
  let group = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (isDefining(t)) {
      const d = readDefinition(tex, tokens, i);
      if (d) {
        const m = meaning(d, macros, group > 0);
        if (m) macros.set(d.name, m);
        definitions.push(d);
        i = d.end - 1;
        continue;
      }
    }
    group = Math.max(0, group + groupChange(t));
    const def = t.kind === 'cmd' ? macros.get(t.value) : undefined;
    if (def) i = use(tokens, i, def, 0);
    else if (t.kind !== 'eof') push(t);
  }
  const last = tokens[tokens.length - 1];
  out.push(last?.kind === 'eof' ? last : { kind: 'eof', value: '', offset: 0, end: 0, space: false });
  return { tokens: out, macros, definitions };
}

/** The macros `tex` defines or changes, given those in force before it (`\providecommand` keeps what is
 *  defined): merged over `inForce`, they are the macros in force after it. A definition that cannot be read
 *  is skipped; an error stops the reading where it stands, as in KaTeX. */
export function extractMacros(
  tex: string,
  inForce: ReadonlyMap<string, MacroDef> = new Map(),
): Map<string, MacroDef> {
  const changed = new Map<string, MacroDef>();
  // Most blocks define nothing: no tokenizing, no copy of the table. A use of a macro that defines macros
  // counts as a definition.
  if (
    !definingCommand.test(tex) &&
    ![...inForce].some(([n, d]) => definesMacros(d) && tex.includes(`\\${n}`))
  )
    return changed;
  const state = new Map(inForce);
  try {
    expandInOrder(tex, tokenize(tex), inForce, state);
  } catch {
    // The macros defined before the error stay in force.
  }
  for (const [name, def] of state) if (inForce.get(name) !== def) changed.set(name, def);
  return changed;
}

const definingCommand =
  /\\(?:def|gdef|edef|xdef|global|let|newcommand|renewcommand|providecommand|DeclareMathOperator)(?![A-Za-z])/;

/** Expands the macro uses of an expression that defines none. */
export function expandMacros(
  tokens: readonly Token[],
  macros: ReadonlyMap<string, MacroDef>,
  tex = '',
): Token[] {
  if (macros.size === 0) return tokens.slice();
  return expandInOrder(tex, tokens, macros).tokens;
}
