// `p_X(x)`, `f_X(x)`, `F_X(x)` and, where the claim integrates or speaks of probabilities, `p(x)` with p
// undeclared name a density or distribution function applied to a point, not the product p·x: they are read
// as applications here, and the verifier tells of which random variable (probability/densities.ts) or
// treats them as any undeclared function. `p(1 - p)` (an argument other than one letter) stays a product.
import { isChar, isCmd, type Token } from './tokens';
import type { ParseContext } from './types';

const letter = (t: Token | undefined, re: RegExp): boolean => t?.kind === 'letter' && re.test(t.value);

/** The names applied as densities in `tokens`: `p_X`, `F_{X}` before `(`, and `p` before `(x)`. */
function densityNames(tokens: readonly Token[]): Set<string> {
  const names = new Set<string>();
  const sig = tokens;
  // Where p(x) reads as a density: beside an integral or a probability P(…) / \Pr.
  const probabilistic = sig.some(
    (t, i) => isCmd(t, 'int') || isCmd(t, 'Pr') || (letter(t, /^P$/) && isChar(sig[i + 1], '(')),
  );
  sig.forEach((t, i) => {
    if (!letter(t, /^[pfF]$/)) return;
    const before = sig[i - 1];
    // A subscript or a command's argument (`x_p`, `\mathrm{p}`) is no function name.
    if (isChar(before, '_') || isChar(before, '^') || isChar(before, '{')) return;
    if (isChar(sig[i + 1], '_')) {
      const braced = isChar(sig[i + 2], '{');
      const v = sig[braced ? i + 3 : i + 2];
      const after = braced ? i + 4 : i + 3;
      if (!letter(v, /^[A-Z]$/) || (braced && !isChar(sig[i + 4], '}'))) return;
      if (isChar(sig[braced ? after + 1 : after], '(')) names.add(`${t.value}_${v?.value ?? ''}`);
      return;
    }
    if (
      t.value === 'p' &&
      probabilistic &&
      isChar(sig[i + 1], '(') &&
      letter(sig[i + 2], /^[a-z]$/) &&
      isChar(sig[i + 3], ')')
    )
      names.add('p');
  });
  return names;
}

/** The context with the density names of `tokens` (those not declared) read as functions. */
export function densityContext(tokens: readonly Token[], ctx: ParseContext): ParseContext {
  const names = [...densityNames(tokens)].filter((n) => ctx.kindOf(n) === undefined);
  if (names.length === 0) return ctx;
  return { kindOf: (n) => (names.includes(n) ? 'function' : ctx.kindOf(n)), macros: ctx.macros };
}
