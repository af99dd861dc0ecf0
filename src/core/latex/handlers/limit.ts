// `\lim_{h \to 0} body`, `\lim_{x \to a^+}`, `\lim_{n \rightarrow \infty}`: the body is the term that follows
// (up to the next `+`/`-` at this level), as for `\sum`.
import { fail } from '../errors';
import { fn, num, type MathNode } from '../nodes';
import { isChar, isCmd, type Token } from '../tokens';
import { readVariable } from '../atoms';
import type { CommandSpec, ParserApi } from './registry';

export const limit: CommandSpec = {
  names: ['lim'],
  startsFunction: true,
  parse: (p, t) => parseLimit(p, t),
};

const arrows = new Set(['to', 'rightarrow', 'longrightarrow']);

function parseLimit(p: ParserApi, t: Token): MathNode {
  p.next();
  if (isCmd(p.peek(), 'limits')) p.next();
  if (!isChar(p.peek(), '_'))
    fail('\\lim needs its approach, as in \\lim_{h \\to 0}', t.offset, 'unsupported', '\\lim');
  p.next();
  const open = p.peek();
  if (!isChar(open, '{'))
    fail('\\lim needs its approach, as in \\lim_{h \\to 0}', t.offset, 'unsupported', '\\lim');
  p.next();
  const v = readVariable(p);
  const arrow = p.peek();
  if (!(arrow.kind === 'cmd' && arrows.has(arrow.value)))
    fail('\\lim_{…} needs an arrow, as in \\lim_{h \\to 0}', t.offset, 'unsupported', '\\lim');
  p.next();
  // The point runs to the closing brace; a trailing `^+`, `^-`, `^{+}` makes the limit one-sided.
  const from = p.sigIndex(p.pos);
  let depth = 0;
  let k = from;
  for (; k < p.toks.length; k++) {
    const u = p.toks[k] as Token;
    if (u.kind === 'eof') fail(`missing '}' for \\lim_{`, open.offset);
    if (isChar(u, '{')) depth++;
    else if (isChar(u, '}')) {
      if (depth === 0) break;
      depth--;
    }
  }
  let pointTokens = p.toks.slice(from, k);
  let side = 0;
  const tail = pointTokens.map((u) => (u.kind === 'char' ? u.value : ' ')).join('');
  const m = /\^(?:\{([+-])\}|([+-]))$/.exec(tail);
  if (m) {
    side = (m[1] ?? m[2]) === '+' ? 1 : -1;
    pointTokens = pointTokens.slice(0, pointTokens.length - m[0].length);
  }
  if (pointTokens.length === 0) fail('\\lim_{x \\to …} needs a point', t.offset, 'unsupported', '\\lim');
  const point = p.subParser(pointTokens).parseWhole();
  p.pos = k;
  p.expectChar('}', open);
  if (!p.startsFactor(p.peek())) fail('\\lim has nothing to take the limit of', t.offset);
  const body = p.parseMultiplicative();
  return fn('limit', [v, point, num(side), body]);
}
