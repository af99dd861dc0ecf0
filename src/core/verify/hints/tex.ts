// A small TeX token model for repair hints: edits are made on the text the student wrote, so a hint reads
// as their own notation with one thing changed (never as a re-printed expression tree).

/** Commands, numbers and single characters; whitespace is kept as tokens so the text rebuilds as written. */
export function texTokens(tex: string): string[] {
  return tex.match(/\\[a-zA-Z]+|\\.|\d+(?:\.\d+)?|\s+|[\s\S]/g) ?? [];
}

/** Tokens back to text, with a space where a command word would otherwise run into a letter. */
export function texJoin(tokens: readonly string[]): string {
  let out = '';
  for (const t of tokens) {
    if (/\\[a-zA-Z]+$/.test(out) && /^[a-zA-Z]/.test(t)) out += ' ';
    out += t;
  }
  return out;
}

export const isSpace = (t: string | undefined): boolean => t !== undefined && /^\s+$/.test(t);

/** Binary and unary operators between atoms. */
const operators = new Set(['+', '-', '\\cdot', '\\times', '=', ',', '&', '\\pm', '/', '\\\\', '<', '>']);
export const isOperator = (t: string | undefined): boolean => t !== undefined && operators.has(t);

const openers: Record<string, string> = { '{': '}', '(': ')', '[': ']', '\\{': '\\}', '\\left': '\\right' };

/** Index of the token closing the group opened at `i` (a brace, a bracket or `\left…\right`), or -1. */
export function closeOf(tokens: readonly string[], i: number): number {
  const open = tokens[i];
  if (open === undefined) return -1;
  const close = openers[open];
  if (close === undefined) return -1;
  let depth = 0;
  for (let k = i; k < tokens.length; k++) {
    const t = tokens[k];
    if (t === open) depth += 1;
    else if (t === close) {
      depth -= 1;
      // `\right` is followed by its delimiter: the group ends after it.
      if (depth === 0) return close === '\\right' ? k + 1 : k;
    }
  }
  return -1;
}

/** Where a script (`^…`, `_…`, `'`) starting at `i` ends (exclusive); `i` when none starts there. */
function scriptEnd(tokens: readonly string[], i: number): number {
  const t = tokens[i];
  if (t === "'") return i + 1;
  if (t !== '^' && t !== '_') return i;
  const arg = tokens[i + 1];
  if (arg === undefined) return i;
  if (arg === '{') {
    const c = closeOf(tokens, i + 1);
    return c < 0 ? i : c + 1;
  }
  return i + 2;
}

/** The end (exclusive) of the atom starting at `i`: a base (group, command with its brace arguments,
 *  letter, number) and its scripts; `i` when no atom starts there. */
export function atomEnd(tokens: readonly string[], i: number): number {
  const t = tokens[i];
  if (t === undefined || isSpace(t) || isOperator(t) || t === '^' || t === '_') return i;
  let end: number;
  if (openers[t] !== undefined) {
    const c = closeOf(tokens, i);
    if (c < 0) return i;
    end = c + 1;
  } else if (t === '}' || t === ')' || t === ']' || t === '\\right' || t === '\\}') {
    return i;
  } else {
    end = i + 1;
    // A command's brace arguments belong to it (`\frac{a}{b}`, `\sqrt{x}`, `\operatorname{tr}`), and so
    // does the bracket it is applied to (`\operatorname{sigmoid}(x)`, `\sigma(z)`): one factor, never split.
    if (t.startsWith('\\')) {
      while (tokens[end] === '{') end = closeOf(tokens, end) + 1 || end + 1;
      for (let s = scriptEnd(tokens, end); s > end; s = scriptEnd(tokens, end)) end = s;
      if (tokens[end] === '(' || tokens[end] === '\\left') end = closeOf(tokens, end) + 1 || end;
    }
  }
  for (let s = scriptEnd(tokens, end); s > end; s = scriptEnd(tokens, end)) end = s;
  return end;
}

/** The base of an atom without its scripts, and whether it carries any. */
export function atomScripts(tokens: readonly string[], start: number, end: number): { baseEnd: number } {
  let baseEnd = start + 1;
  const t = tokens[start] ?? '';
  if (openers[t] !== undefined) baseEnd = closeOf(tokens, start) + 1;
  else if (t.startsWith('\\')) while (tokens[baseEnd] === '{') baseEnd = closeOf(tokens, baseEnd) + 1;
  return { baseEnd: Math.min(baseEnd, end) };
}
