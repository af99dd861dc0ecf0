// `\\sqrt{x}` and `\\sqrt[n]{x}`, and binomial coefficients `\\binom{n}{k}`.
import { fn, type MathNode } from '../nodes';
import { isChar, type Token } from '../tokens';
import type { CommandSpec, ParserApi } from './registry';

export const sqrt: CommandSpec = { names: ['sqrt'], parse: (p, t) => parseSqrt(p, t) };

export const binom: CommandSpec = {
  names: ['binom', 'dbinom', 'tbinom'],
  parse: (p, t) => {
    p.next();
    const n = p.parseArgument(`\\${t.value}`);
    return fn('binom', [n, p.parseArgument(`\\${t.value}`)]);
  },
};

function parseSqrt(p: ParserApi, t: Token): MathNode {
  p.next();
  if (isChar(p.peek(), '[')) {
    const open = p.next();
    const n = p.parseAdditive();
    p.expectChar(']', open);
    return fn('nthRoot', [p.parseArgument('\\sqrt'), n]);
  }
  return fn('sqrt', [p.parseArgument(`\\${t.value}`)]);
}
