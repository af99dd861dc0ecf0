// Reading one macro definition where it stands, in the forms KaTeX accepts: `\def\a#1{…}`, `\gdef`,
// `\edef`, `\xdef`, `\global\def`, `\newcommand{\a}[1]{…}`, `\renewcommand`, `\providecommand`, `\let\a\b`,
// `\let\a=\b`, and `\DeclareMathOperator` (which the verifier reads, though KaTeX does not).
import { isChar, skipArgument, type Token } from './tokens';
import type { MacroDef } from './types';

export type DefinitionKind =
  'def' | 'edef' | 'newcommand' | 'renewcommand' | 'providecommand' | 'let' | 'DeclareMathOperator';

export interface Definition {
  kind: DefinitionKind;
  /** `\gdef`, `\xdef` or a `\global` prefix: the definition outlives the group it stands in. */
  global: boolean;
  name: string;
  def: MacroDef;
  /** For `\let`: the name (or character) given the meaning of. */
  target?: string;
  /** Token range `[start, end)` of the whole definition, removed before parsing. */
  start: number;
  end: number;
}

const kinds: Readonly<Record<string, [DefinitionKind, boolean]>> = {
  def: ['def', false],
  gdef: ['def', true],
  edef: ['edef', false],
  xdef: ['edef', true],
  newcommand: ['newcommand', false],
  renewcommand: ['renewcommand', false],
  providecommand: ['providecommand', false],
  DeclareMathOperator: ['DeclareMathOperator', false],
  let: ['let', false],
};

/** Is a definition (or a `\global` prefix) at `t`? */
export function isDefining(t: Token | undefined): boolean {
  return t?.kind === 'cmd' && (t.value === 'global' || Object.hasOwn(kinds, t.value));
}

/** The definition starting at token `i`, its body read from `tex`; undefined when it is malformed. */
export function readDefinition(tex: string, tokens: readonly Token[], i: number): Definition | undefined {
  let k = i;
  let global = false;
  while (tokens[k]?.kind === 'cmd' && tokens[k]?.value === 'global') {
    global = true;
    k++;
  }
  const t = tokens[k];
  if (t?.kind !== 'cmd' || !Object.hasOwn(kinds, t.value)) return undefined;
  const [kind, isGlobal] = kinds[t.value] as [DefinitionKind, boolean];
  global ||= isGlobal;
  let j = k + 1;
  if (isChar(tokens[j], '*')) j++;
  // The name: `\name` or `{\name}`.
  let nameTok = tokens[j];
  if (isChar(nameTok, '{')) {
    nameTok = tokens[j + 1];
    if (nameTok?.kind !== 'cmd' || !isChar(tokens[j + 2], '}')) return undefined;
    j += 3;
  } else if (nameTok?.kind === 'cmd') j++;
  else return undefined;
  const name = nameTok.value;
  if (kind === 'let') {
    if (isChar(tokens[j], '=')) j++;
    const target = tokens[j];
    if (!target || target.kind === 'eof') return undefined;
    const written = target.kind === 'cmd' ? `\\${target.value}` : tex.slice(target.offset, target.end);
    return {
      kind,
      global,
      name,
      def: { params: 0, body: written },
      target: target.kind === 'cmd' ? target.value : undefined,
      start: i,
      end: j + 1,
    };
  }
  let params = 0;
  if (kind === 'def' || kind === 'edef') {
    while (tokens[j]?.kind === 'param') {
      params++;
      j++;
    }
  } else if (kind !== 'DeclareMathOperator') {
    if (isChar(tokens[j], '[')) {
      const n = tokens[j + 1];
      if (n?.kind !== 'num' || !isChar(tokens[j + 2], ']')) return undefined;
      params = Math.min(9, Number(n.value));
      j += 3;
      // An optional argument's default: read as an ordinary argument here.
      if (isChar(tokens[j], '[')) {
        while (j < tokens.length && !isChar(tokens[j], ']') && tokens[j]?.kind !== 'eof') j++;
        j++;
      }
    }
  }
  if (!isChar(tokens[j], '{')) return undefined;
  const end = skipArgument(tokens, j);
  const open = tokens[j] as Token;
  const close = tokens[end - 1] as Token;
  let body = tex.slice(open.end, isChar(close, '}') ? close.offset : close.end);
  if (kind === 'DeclareMathOperator') body = `\\operatorname{${body}}`;
  return { kind, global, name, def: { params, body }, start: i, end };
}

/** Every definition among `tokens`, in order (for callers that only need to know where they stand). */
export function findDefinitions(tex: string, tokens: readonly Token[]): Definition[] {
  const found: Definition[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isDefining(tokens[i])) continue;
    const d = readDefinition(tex, tokens, i);
    if (!d) continue;
    found.push(d);
    i = d.end - 1;
  }
  return found;
}
