// The evaluation bar: `\left. \frac{df}{dx} \right|_{x = a}`, `\frac{d}{dx} x^2 \Big|_{x=a}`: the expression
// with x set to a after it is differentiated (verify/evalAt.ts), not an absolute value.
import { readVariable } from '../atoms';
import { fail } from '../errors';
import { fn, type MathNode } from '../nodes';
import { isChar, isCmd, type Token } from '../tokens';
import type { ParserApi } from './registry';

export const isBarToken = (t: Token | undefined): boolean =>
  isChar(t, '|') || isCmd(t, 'vert') || isCmd(t, 'rvert');

/** At a `|` (outside any open |…|) followed by a subscript: the bar, since no |…| starts with `_`. */
export function isEvaluationBarAhead(p: ParserApi): boolean {
  const i = p.sigIndex(p.pos);
  return p.absDepth === 0 && isBarToken(p.toks[i]) && isChar(p.toks[p.sigIndex(i + 1)], '_');
}

/** `_{x = a}` after the bar (the bar already read): `body` with x set to a. */
export function readEvaluationPoint(p: ParserApi, body: MathNode, bar: Token): MathNode {
  p.expectChar('_');
  const open = p.expectChar('{');
  const v = readVariable(p);
  // `|_{0}` or `|_a` leaves the variable unsaid: guessing it could check the wrong substitution.
  if (!isChar(p.peek(), '='))
    fail(`an evaluation bar needs its variable, e.g. |_{x = a}`, bar.offset, 'unsupported', '|_');
  p.next();
  const at = p.parseAdditive();
  // `|_{x = a, y = b}`: nested bars would read b with x already set; not read rather than misread.
  if (isChar(p.peek(), ','))
    fail(`an evaluation bar at several variables is not supported`, bar.offset, 'unsupported', '|_');
  p.expectChar('}', open);
  return fn('evalAt', [body, v, at]);
}

/** The bar after an expression read without `\left.`: `… \Big|_{x=a}`. */
export function parseTrailingBar(p: ParserApi, body: MathNode): MathNode {
  const bar = p.next();
  return readEvaluationPoint(p, body, bar);
}
