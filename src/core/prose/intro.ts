// The sentence that introduces a display block. Authors say in words what a block is ("Let … be
// sequences satisfying", "we then need to solve", "we get"): the last sentence of the prose paragraph just
// above the block carries it, when that sentence runs into the block (no full stop before the math).

/** The prose sentence just before a display block. */
export interface Intro {
  /** The last sentence of the paragraph above, inline math kept as written. */
  sentence: string;
  /** True when the sentence has no full stop at its end: it runs into the block ("… satisfying $$…$$"). */
  runsIn: boolean;
}

/** Abbreviations whose full stop ends no sentence. */
const abbreviation = /(?:\b(?:i\.e|e\.g|etc|cf|vs|resp|Eq|Eqs|Fig|Sec|Thm|Def|approx)|\b[A-Z])\.$/;

/** Splits prose into sentences at `.`, `!` or `?` followed by a space, never inside inline math. */
export function sentences(prose: string): string[] {
  const out: string[] = [];
  let start = 0;
  let inMath = false;
  for (let i = 0; i < prose.length; i++) {
    const c = prose[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '$') inMath = !inMath;
    if (inMath || (c !== '.' && c !== '!' && c !== '?')) continue;
    const next = prose[i + 1];
    if (next !== undefined && next !== ' ' && next !== '\t') continue;
    if (c === '.' && abbreviation.test(prose.slice(Math.max(start, i - 6), i + 1))) continue;
    out.push(prose.slice(start, i + 1).trim());
    start = i + 1;
  }
  const rest = prose.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter((s) => s !== '');
}

/** Does this file line end or start a block that is not prose (math, heading, fence, table, HTML)? */
function notProse(l: string): boolean {
  return (
    l === '' ||
    l.startsWith('$$') ||
    l.endsWith('$$') ||
    l.startsWith('\\[') ||
    l.endsWith('\\]') ||
    l.startsWith('#') ||
    l.startsWith('```') ||
    l.startsWith('~~~') ||
    l.startsWith('|') ||
    l.startsWith('<') ||
    l.startsWith(':')
  );
}

/** The sentence before the block opening at 1-based `line` of `lines`, if prose stands there. */
export function introBefore(lines: readonly string[], line: number): Intro | undefined {
  let i = line - 2;
  while (i >= 0 && (lines[i] ?? '').trim() === '') i--;
  const paragraph: string[] = [];
  for (; i >= 0; i--) {
    const l = (lines[i] ?? '')
      .trim()
      .replace(/^(?:>\s*)+/, '')
      .trim();
    if (notProse(l)) break;
    paragraph.unshift(l.replace(/^(?:[-*+]|\d{1,9}[.)])\s+/, ''));
  }
  const text = paragraph.join(' ').trim();
  const sentence = sentences(text).pop();
  if (sentence === undefined) return undefined;
  return { sentence, runsIn: !/[.!?]["')*_]*$/.test(sentence) };
}
