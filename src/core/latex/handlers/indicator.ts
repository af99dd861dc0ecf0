// Indicators: `\\mathbb{1}_{x > 0}`, `\\mathbb{1}[x > 0]`, `\\mathbf{1}\\{x \\ge 0\\}`. Registered before the fonts
// of the same names, and declining anything but the digit 1.
import { fail, unexpected } from '../errors';
import { fn, num, type MathNode } from '../nodes';
import { isChar, isCmd, type Token } from '../tokens';
import { parseComparisonChain } from './comparisons';
import type { CommandSpec, ParserApi } from './registry';

export const indicator: CommandSpec = {
  names: ['mathbb', 'mathbf', 'mathbbm', 'mathds', 'boldsymbol'],
  parse: (p, t) => (p.wordAt(p.pos + 1)?.word === '1' ? parseIndicator(p, t) : undefined),
};

/** `\mathbb{1}_{x > 0}`, `\mathbb{1}[x > 0]`, `\mathbf{1}\{x \ge 0\}`: 1 where the condition holds, else 0. */
function parseIndicator(p: ParserApi, t: Token): MathNode {
  const w = p.wordAt(p.pos + 1) as { end: number };
  p.pos = w.end;
  const u = p.peek();
  let cond: MathNode;
  if (isChar(u, '_')) {
    p.next();
    const open = p.peek();
    if (!isChar(open, '{'))
      fail(`the indicator needs a condition, \\mathbb{1}_{x > 0}`, t.offset, 'unsupported');
    p.next();
    cond = parseComparisonChain(p, open);
    p.expectChar('}', open);
  } else if (isChar(u, '[') || isChar(u, '(') || isCmd(u, '{') || isCmd(u, 'left')) {
    p.next();
    if (isCmd(u, 'left')) p.pos++;
    cond = parseComparisonChain(p, u);
    const c = p.next();
    if (!(isChar(c, ']') || isChar(c, ')') || isCmd(c, '}') || isCmd(c, 'right')))
      unexpected(c, `expected the end of the indicator's condition`);
    if (isCmd(c, 'right')) p.pos++;
  } else {
    return fail(
      `\\${t.value}{1}: a vector of ones is not supported; an indicator needs a condition`,
      t.offset,
      'unsupported',
    );
  }
  return fn('piecewise', [cond, num(1), num(0)]);
}
