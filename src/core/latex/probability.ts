// Probability notation the verifier does not evaluate (`\sim` inside a claim, laws written in a claim,
// Corr, KL): a side that uses it anywhere is reported as such, even when something else in it is unreadable
// too, so the step ends unverifiable with the right reason and is never refuted. 𝔼, Var, Cov, P and \Pr
// are read by handlers/probability.ts.
import { probabilityNames, wordCommands } from './commands';
import { isChar, type Token } from './tokens';

/** Words read as operators by handlers/probability.ts. */
const operatorWords = new Set(['E', 'Var', 'var', 'Cov', 'cov', 'Pr', 'P']);
import type { ParseContext, ParseError } from './types';

/** Finds probability notation anywhere in the tokens, so such a side is reported as probability even if
 *  something else in it is also unreadable. */
export function findProbability(
  tokens: readonly Token[],
  _ctx: ParseContext,
  /** Also report `D_{\mathrm{KL}}`, which handlers/information.ts reads when it stands as `D_{KL}(P \| Q)`. */
  strict = false,
): ParseError | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    let what: string | undefined;
    if (t.kind === 'cmd') {
      if (t.value === 'sim' && underOperator(tokens, i)) continue;
      if (t.value === 'sim' || t.value === 'E' || t.value === 'Var') what = `\\${t.value}`;
      else if (t.value === 'mathbb' || wordCommands.has(t.value)) {
        const j = isChar(tokens[i + 1], '*') ? i + 2 : i + 1;
        const open = tokens[j];
        let word = '';
        if (open?.kind === 'letter') word = open.value;
        else if (isChar(open, '{')) {
          for (let k = j + 1; k < tokens.length && tokens[k]?.kind === 'letter'; k++)
            word += (tokens[k] as Token).value;
        }
        if (word === 'KL' && !strict && subscriptOfD(tokens, i)) continue;
        if (t.value !== 'mathbb' && probabilityNames.has(word) && !operatorWords.has(word) && word.length > 1)
          what = `\\${t.value}{${word}}`;
      }
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

/** Whether the `\\sim` at `i` is in the subscript of 𝔼 or Var (`E_{x \\sim P}`, `\\textrm{Var}_{x \\sim P}`),
 *  which handlers/lawSubscript.ts reads. */
function underOperator(tokens: readonly Token[], i: number): boolean {
  let depth = 0;
  let j = i - 1;
  for (; j >= 0; j--) {
    if (isChar(tokens[j], '}')) depth++;
    else if (isChar(tokens[j], '{')) {
      if (depth === 0) break;
      depth--;
    }
  }
  if (j < 1 || !isChar(tokens[j - 1], '_')) return false;
  const before = tokens[j - 2];
  if (before?.kind === 'letter') return before.value === 'E';
  if (!isChar(before, '}')) return false;
  let word = '';
  for (let k = j - 3; k >= 0 && tokens[k]?.kind === 'letter'; k--) word = (tokens[k] as Token).value + word;
  return word === 'E' || word === 'Var';
}

/** Whether the command at `i` is the subscript of a letter D (`D_{\mathrm{KL}}`, `D_\textrm{KL}`). */
function subscriptOfD(tokens: readonly Token[], i: number): boolean {
  const j = isChar(tokens[i - 1], '{') ? i - 2 : i - 1;
  const d = tokens[j - 1];
  return isChar(tokens[j], '_') && d?.kind === 'letter' && d.value === 'D';
}

/** A `\\mid` in tokens that failed to parse: the side is reported as probability notation. */
export function conditionalBar(tokens: readonly Token[]): ParseError | undefined {
  const t = tokens.find((u) => u.kind === 'cmd' && u.value === 'mid');
  return t
    ? {
        message: `\\mid is probability notation, which sampling cannot check`,
        offset: t.offset,
        code: 'probability',
        subject: '\\mid',
      }
    : undefined;
}
