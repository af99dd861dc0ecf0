// Commands whose (last) argument is the value itself: `\\boxed{x}`, `\\textcolor{red}{x}`, `\\underbrace{x}_{…}`.
import { skipArgument } from '../macros';
import { paren, type MathNode } from '../nodes';
import { isChar, type Token } from '../tokens';
import type { CommandSpec, ParserApi } from './registry';
import { lookupTable } from '../../lookup';

/** Each wrapper and its number of arguments; the value is the last. */
export const wrappers: Readonly<Record<string, number>> = lookupTable({
  boxed: 1,
  textcolor: 2,
  colorbox: 2,
  underbrace: 1,
  overbrace: 1,
  smash: 1,
  mathstrut: 0,
  underset: 2,
  overset: 2,
});

export const wrapperCommands: CommandSpec = { names: Object.keys(wrappers), parse: parseWrapper };

function parseWrapper(p: ParserApi, t: Token): MathNode {
  p.next();
  const arity = wrappers[t.value] ?? 1;
  for (let k = 1; k < arity; k++) p.pos = skipArgument(p.toks, p.sigIndex(p.pos));
  const node = p.parseArgument(`\\${t.value}`);
  if (t.value === 'underbrace' && isChar(p.peek(), '_')) p.pos = skipArgument(p.toks, p.sigIndex(p.pos + 1));
  if (t.value === 'overbrace' && isChar(p.peek(), '^')) p.pos = skipArgument(p.toks, p.sigIndex(p.pos + 1));
  return paren(node);
}
