// Splitting one row of a display block into pieces: claims, and the conditions (`\text{if } x > 0`,
// `\forall x`) and asides (`\text{where } z = …`) that qualify them, at top-level separators.
import { claimSeparators, conditionWords, connectiveWords, textCommands } from './commands';
import { skipArgument } from './macros';
import { relationOf } from './relations';
import { depthDelta, isSpace } from './scan';
import { isChar, isCmd, type Token } from './tokens';

/** `\text{…}`-like commands: outside a quantity's name, prose that separates claims. */
const textSeparators: ReadonlySet<string> = new Set([...textCommands, 'intertext']);

/** A relation or arithmetic operator next to `\text{word}` makes the word a quantity (`\text{price} = …`,
 *  `w \cdot \text{area} + b`), not prose between claims. */
function bindsText(t: Token | undefined): boolean {
  if (!t) return false;
  if (relationOf(t)) return true;
  if (t.kind === 'char') return ['+', '-', '*', '/', '−'].includes(t.value);
  return t.kind === 'cmd' && ['cdot', 'times', 'div'].includes(t.value);
}

export interface Piece {
  tokens: Token[];
  /** Text after `\text{if}`, `\text{for}`, `\forall`, `\text{where}`: a condition or an aside, not a claim. */
  condition: boolean;
  /** After `where`, `since`, `because`: a definition or a reason, which restricts nothing. */
  aside?: boolean;
  /** After `otherwise`, `unless`, `except`: a condition we cannot sample (the claim is unverifiable). */
  negated?: string;
  /** The word that opened a condition (`if`, `for all`), lower-cased. */
  word?: string;
}

/** Quantifier words: `\text{for all } x` with no relation restricts nothing; `\text{if } x` does. */
export const quantifierWords = new Set([
  'for',
  'for all',
  'forall',
  'for every',
  'for each',
  'for any',
  'in',
  'on',
  'at',
]);

/** Words whose following text justifies or defines rather than restricts the claim. */
const asideWords = new Set(['where', 'whereas', 'since', 'as', 'because', 'iff']);
/** Words that restrict the claim to where something fails: not samplable as a condition. */
const negatingWords = new Set(['unless', 'except', 'otherwise']);

/** The first word of a `\text{…}` group starting at `i + 1`, lower-cased. */
function textWord(tokens: readonly Token[], i: number): { word: string; end: number } {
  const end = skipArgument(tokens, i + 1);
  let word = '';
  for (let k = i + 2; k < end - 1; k++) {
    const t = tokens[k] as Token;
    if (t.space && word !== '') word += ' ';
    word += t.value;
  }
  return { word: word.trim().toLowerCase(), end };
}

function isConditionText(word: string): boolean {
  const w = word.replace(/[,;:]+$/, '');
  if (conditionWords.has(w)) return true;
  const first = w.split(/\s+/)[0] ?? '';
  return conditionWords.has(first);
}

/** Splits one row into pieces at top-level claim separators, dropping alignment `&`. */
export function splitPieces(row: readonly Token[]): Piece[] {
  const pieces: Piece[] = [{ tokens: [], condition: false }];
  let related = false;
  const start = (condition: boolean, word = ''): void => {
    const w = word.replace(/[,;:.]+$/, '').split(/\s+/)[0] ?? '';
    const piece: Piece = { tokens: [], condition: condition || negatingWords.has(w) };
    if (asideWords.has(w)) piece.aside = true;
    if (negatingWords.has(w)) piece.negated = word.replace(/[,;:.]+$/, '');
    if (piece.condition) piece.word = word.replace(/[,;:.]+$/, '').trim();
    pieces.push(piece);
    related = false;
  };
  // Neighbour indices computed once, so that the scan stays linear however many `&` a row holds:
  // prevSig[i] is the significant token before i, nextSig[i] the one at or after i, nextPlain[i] the
  // one at or after i that is not an `&`.
  const prevSig: number[] = [];
  let last = -1;
  for (let i = 0; i < row.length; i++) {
    prevSig.push(last);
    if (!isSpace(row[i] as Token)) last = i;
  }
  const nextSig: number[] = new Array<number>(row.length + 1).fill(row.length);
  const nextPlain: number[] = new Array<number>(row.length + 1).fill(row.length);
  for (let i = row.length - 1; i >= 0; i--) {
    const u = row[i] as Token;
    nextSig[i] = isSpace(u) ? (nextSig[i + 1] as number) : i;
    nextPlain[i] = isSpace(u) || isChar(u, '&') ? (nextPlain[i + 1] as number) : i;
  }
  const continueCondition = (cur: Piece): void => {
    pieces.push({
      tokens: [],
      condition: true,
      ...(cur.aside ? { aside: true } : {}),
      ...(cur.word !== undefined ? { word: cur.word } : {}),
    });
    related = false;
  };
  let depth = 0;
  for (let i = 0; i < row.length; i++) {
    const t = row[i] as Token;
    if (depth === 0) {
      if (isChar(t, '&')) {
        // `a &= b & c &= d`: past a relation, an `&` that does not touch one starts a new column
        // (eqnarray's `a &=& b` keeps its relation between two `&`).
        const nextTok = row[nextPlain[i + 1] ?? row.length];
        const prevTok = row[prevSig[i] ?? -1];
        if (related && !relationOf(nextTok) && !relationOf(prevTok) && !isChar(prevTok, '&')) {
          start(false);
          related = false;
        }
        continue;
      }
      if (relationOf(t)) related = true;
      if (t.kind === 'cmd' && textSeparators.has(t.value) && isChar(row[i + 1], '{')) {
        const { word, end } = textWord(row, i);
        // `\text{ReLU}(x)` names a function and `\text{price} = …` a quantity: not separators.
        const nextTok = row[nextSig[end] ?? row.length];
        const prevTok = row[prevSig[i] ?? -1];
        const named =
          isChar(row[end], '(') ||
          // `\textrm{Var}[X]`, `\text{E}[X]`, `\textrm{Var}_{x \sim P}[…]`: a probability operator.
          ((isChar(row[end], '[') || isChar(row[end], '_')) && /^(var|e|cov|p|pr)$/i.test(word)) ||
          (isCmd(row[end], 'left') && isChar(row[end + 1], '(')) ||
          (!isConditionText(word) &&
            !connectiveWords.has(word) &&
            /^[a-z]+$/.test(word) &&
            (bindsText(nextTok) || bindsText(prevTok)));
        if (!named) {
          const cur = pieces[pieces.length - 1] as Piece;
          // `\text{ for } x \ge 0 \text{ and } y > 0`: a second condition, not a claim of its own.
          if (word === 'and' && cur.condition && !cur.negated) continueCondition(cur);
          else start(isConditionText(word), word);
          i = end - 1;
          continue;
        }
      } else if (isCmd(t, 'forall')) {
        start(true, 'for all');
        continue;
      } else if (t.kind === 'cmd' && claimSeparators.has(t.value)) {
        start(false);
        if (t.value === 'hspace') i = skipArgument(row, i + 1) - 1;
        continue;
      } else if (isChar(t, ',')) {
        // `\text{for } x > 0, y > 0`: a comma inside a condition continues it.
        // `\text{for } x > 0, y > 0` and `\text{where } a = 1, b = 2`: a comma continues a condition or an aside.
        const cur = pieces[pieces.length - 1] as Piece;
        if (cur.condition && !cur.negated) continueCondition(cur);
        else start(false);
        continue;
      } else if (isChar(t, ';') || isChar(t, '.')) {
        start(false);
        continue;
      }
    }
    depth = Math.max(0, depth + depthDelta(t));
    (pieces[pieces.length - 1] as Piece).tokens.push(t);
  }
  return pieces.filter((p) => p.negated !== undefined || p.tokens.some((t) => !isSpace(t)));
}
