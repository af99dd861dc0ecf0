// Small helpers of the top-level scans (block splitting, pieces, conditions, declarations): they must
// agree on what nests and what is blank, or one scan splits where another sees a single group.
import { spacing } from './commands';
import type { Token } from './tokens';

/** An end-of-input token at `offset`, to close a slice of tokens before it is parsed. */
export function eofAt(offset: number): Token {
  return { kind: 'eof', value: '', offset, end: offset, space: false };
}

/** Is `t` a spacing or style command (`\,`, `\quad`, `\displaystyle` …)? */
export function isSpace(t: Token): boolean {
  return t.kind === 'cmd' && spacing.has(t.value);
}

/** The tokens without end markers and spacing commands. */
export function significant(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.kind !== 'eof' && !isSpace(t));
}

/** Nesting change of a token for top-level scans: braces, brackets, \left/\right, environments. */
export function depthDelta(t: Token): number {
  if (t.kind === 'char') {
    if (t.value === '{' || t.value === '(' || t.value === '[') return 1;
    if (t.value === '}' || t.value === ')' || t.value === ']') return -1;
    return 0;
  }
  if (t.kind === 'cmd') {
    if (t.value === 'left' || t.value === 'begin' || t.value === '{' || t.value === 'lbrace') return 1;
    if (t.value === 'right' || t.value === 'end' || t.value === '}' || t.value === 'rbrace') return -1;
  }
  return 0;
}
