// `\\sum_{i=1}^{n} body` and `\\prod_{i=1}^{n} body`: the body runs to the next `+`/`-` at this level.
import { readSymbolAtom } from '../atoms';
import { fail } from '../errors';
import { fn, isConstant, isFunctionNamed, num, sym, type MathNode } from '../nodes';
import { isChar, isCmd, type Token } from '../tokens';
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
  /** `\sum_{i,j}`, `\sum_{i, j = 1}^{n}`: the indices after the first, each running as the first does. */
  let more: string[] = [];
  const label = `\\${t.value}`;
  for (let k = 0; k < 2; k++) {
    const u = p.peek();
    if (isChar(u, '_') && !v) {
      p.next();
      const open = p.peek();
      if (t.value === 'sum' && open.kind === 'letter') {
        // `\sum_i x_i`: i runs over the entries it indexes, settled by the verifier from the shapes.
        v = open.value;
        p.next();
        lo = num(1);
        // `\sum_i^n` runs from 1 to n; the loop reads the `^`.
        if (!isChar(p.peek(), '^')) hi = fn('indexExtent', [sym(v)]);
        continue;
      }
      if (!isChar(open, '{'))
        fail(`${label} needs bounds such as ${label}_{i=1}^{n}`, t.offset, 'unsupported');
      p.next();
      v = readSymbolAtom(p).name;
      if (t.value === 'sum') more = readMoreIndices(p);
      if (t.value === 'sum' && isChar(p.peek(), '}')) {
        p.next();
        lo = num(1);
        if (!isChar(p.peek(), '^')) hi = fn('indexExtent', [sym(v)]);
        continue;
      }
      if (t.value === 'sum' && (isCmd(p.peek(), 'ge') || isCmd(p.peek(), 'geq'))) {
        // `\sum_{k \ge 1}`: a series from k = 1 on.
        p.next();
        lo = p.parseAdditive();
        p.expectChar('}', open);
        hi = sym('Infinity');
        continue;
      }
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
  const infinite = (b: MathNode): boolean =>
    (isConstant(b) && !Number.isFinite(Number(b.value))) ||
    (b.type === 'SymbolNode' && ['Infinity', '∞'].includes((b as unknown as { name: string }).name));
  // Σ_{n=0}^{∞} is an infinite series (summed with an error estimate); an infinite lower bound or Π is not.
  const series = t.value === 'sum' && infinite(hi) && !infinite(lo);
  if (!series && (infinite(hi) || infinite(lo)))
    fail(`an infinite ${label} cannot be evaluated`, t.offset, 'unsupported');
  if (!p.startsFactor(p.peek()) && !isChar(p.peek(), '-')) fail(`${label} has no body`, t.offset);
  if (series && more.length > 0)
    fail(`an infinite ${label} over several indices cannot be evaluated`, t.offset, 'unsupported');
  const indices = [v, ...more];
  p.bound.push(...indices);
  let body = p.parseMultiplicative();
  p.bound.splice(p.bound.length - indices.length);
  if (series) return fn('seriesOver', [sym(v), lo, body]);
  // Σ_{i,j} body is Σ_i Σ_j body; an index without bounds runs over what it indexes.
  for (let k = indices.length - 1; k >= 0; k--) {
    const name = indices[k] as string;
    const top = isFunctionNamed(hi, 'indexExtent') ? fn('indexExtent', [sym(name)]) : hi;
    body = fn(t.value === 'sum' ? 'sumOver' : 'prodOver', [sym(name), lo.cloneDeep(), top.cloneDeep(), body]);
  }
  return body;
}

/** The indices after the first in `\sum_{i,j}` or `\sum_{ij}` (single letters, as in `A_{ij}`). */
function readMoreIndices(p: ParserApi): string[] {
  const out: string[] = [];
  for (;;) {
    if (isChar(p.peek(), ',')) {
      p.next();
      out.push(readSymbolAtom(p).name);
    } else if (p.peek().kind === 'letter') out.push(readSymbolAtom(p).name);
    else return out;
  }
}
