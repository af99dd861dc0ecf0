// Probability notation (𝔼, Var, Cov, Pr, P(…), \sim, \mid) is read but not sampled: a side that uses it
// anywhere is reported as such, even when something else in it is unreadable too, so the step ends
// unverifiable with the right reason and is never refuted.
import { probabilityNames, wordCommands } from './commands';
import { skipArgument } from './macros';
import { isChar, isCmd, type Token } from './tokens';
import type { ParseContext, ParseError } from './types';

/** Finds probability notation anywhere in the tokens, so such a side is reported as probability even if
 *  something else in it is also unreadable. */
export function findProbability(tokens: readonly Token[], ctx: ParseContext): ParseError | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    let what: string | undefined;
    if (t.kind === 'cmd') {
      if (t.value === 'Pr' || t.value === 'mid' || t.value === 'sim' || t.value === 'E' || t.value === 'Var')
        what = `\\${t.value}`;
      else if (t.value === 'mathbb' || wordCommands.has(t.value)) {
        const j = isChar(tokens[i + 1], '*') ? i + 2 : i + 1;
        const open = tokens[j];
        let word = '';
        if (open?.kind === 'letter') word = open.value;
        else if (isChar(open, '{')) {
          for (let k = j + 1; k < tokens.length && tokens[k]?.kind === 'letter'; k++)
            word += (tokens[k] as Token).value;
        }
        if (
          t.value === 'mathbb'
            ? word === 'E' || word === 'P'
            : probabilityNames.has(word) && (word.length > 1 || t.value !== 'mathbf')
        )
          what = `\\${t.value}{${word}}`;
      }
    } else if (
      t.kind === 'letter' &&
      (t.value === 'P' || t.value === 'E') &&
      ctx.kindOf(t.value) === undefined
    ) {
      const prev = tokens[i - 1];
      // `E_X[f(X)]`, `P_{\theta}(y)`: look past a subscript.
      const after = isChar(tokens[i + 1], '_') ? skipArgument(tokens, i + 2) : i + 1;
      const next = tokens[after];
      const opens =
        isChar(next, '(') || isChar(next, '[') || (isCmd(next, 'left') && !isChar(tokens[after + 1], '.'));
      if (opens && !isChar(prev, '_') && !isChar(prev, '^') && !isCmd(prev, 'mathbb')) what = `${t.value}(…)`;
    }
    if (what)
      return {
        message: `${what} is probability notation, which sampling cannot check`,
        offset: t.offset,
        code: 'probability',
        subject: what,
      };
  }
  return undefined;
}
