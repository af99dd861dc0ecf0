// `\dot{x}(t)` in a claim says x is a function of t: there `x(t)` is an application, not the product x·t,
// so `\dot{x}(t) = \frac{d}{dt} x(t)` compares like with like. A declared x keeps its declared kind.
import type { Token } from './tokens';
import { isChar, isCmd } from './tokens';
import type { ParseContext } from './types';

const dots = (t: Token | undefined): boolean => isCmd(t, 'dot') || isCmd(t, 'ddot');

/** The names written as `\dot{x}(` or `\ddot x(` in `tokens`. */
function dottedNames(tokens: readonly Token[]): Set<string> {
  const names = new Set<string>();
  tokens.forEach((t, i) => {
    if (!dots(t)) return;
    const braced = isChar(tokens[i + 1], '{');
    const base = tokens[braced ? i + 2 : i + 1];
    const after = braced ? i + 3 : i + 2;
    if (base?.kind !== 'letter' || (braced && !isChar(tokens[after], '}'))) return;
    if (isChar(tokens[braced ? after + 1 : after], '(')) names.add(base.value);
  });
  return names;
}

export function dottedContext(tokens: readonly Token[], ctx: ParseContext): ParseContext {
  const names = [...dottedNames(tokens)].filter((n) => ctx.kindOf(n) === undefined);
  if (names.length === 0) return ctx;
  return { kindOf: (n) => (names.includes(n) ? 'function' : ctx.kindOf(n)), macros: ctx.macros };
}
