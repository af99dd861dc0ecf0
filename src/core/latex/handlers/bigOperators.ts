// `\\sum_{i=1}^{n} body` and `\\prod_{i=1}^{n} body`: the body runs to the next `+`/`-` at this level.
import { readSymbolAtom } from '../atoms';
import { fail } from '../errors';
import { fn, isConstant, sym, type MathNode } from '../nodes';
import { isChar, type Token } from '../tokens';
import type { CommandSpec, ParserApi } from './registry';

export const bigOperators: CommandSpec = {
  names: ['sum', 'prod'],
  startsFunction: true,
  parse: (p, t) => parseBigOperator(p, t),
};

/** `\sum_{i=1}^{n} body`: the body runs to the next `+`/`-` at this level. */
function parseBigOperator(p: ParserApi, t: Token): MathNode {
  p.next();
  let v: string | undefined;
  let lo: MathNode | undefined;
  let hi: MathNode | undefined;
  const label = `\\${t.value}`;
  for (let k = 0; k < 2; k++) {
    const u = p.peek();
    if (isChar(u, '_') && !v) {
      p.next();
      const open = p.peek();
      if (!isChar(open, '{'))
        fail(`${label} needs bounds such as ${label}_{i=1}^{n}`, t.offset, 'unsupported');
      p.next();
      v = readSymbolAtom(p).name;
      if (!isChar(p.peek(), '='))
        fail(`${label}_{…} over a set is not supported; write ${label}_{i=1}^{n}`, t.offset, 'unsupported');
      p.next();
      lo = p.parseAdditive();
      p.expectChar('}', open);
    } else if (isChar(u, '^') && !hi) {
      p.next();
      if (p.peek().kind === 'num') p.splitNumber(p.pos);
      hi = p.parseArgument(label);
    }
  }
  if (!v || !lo || !hi) fail(`${label} needs bounds such as ${label}_{i=1}^{n}`, t.offset, 'unsupported');
  if (
    (isConstant(hi) && !Number.isFinite(Number(hi.value))) ||
    (isConstant(lo) && !Number.isFinite(Number(lo.value)))
  )
    fail(`an infinite ${label} cannot be evaluated`, t.offset, 'unsupported');
  if (!p.startsFactor(p.peek()) && !isChar(p.peek(), '-')) fail(`${label} has no body`, t.offset);
  p.bound.push(v);
  const body = p.parseMultiplicative();
  p.bound.pop();
  return fn(t.value === 'sum' ? 'sumOver' : 'prodOver', [sym(v), lo, hi, body]);
}
