// The TeX tokenizer: turns a math string into a flat token list with source offsets. It never fails:
// anything it does not recognise becomes a one-character `char` token, and the parser decides.

export type TokenKind = 'num' | 'letter' | 'cmd' | 'char' | 'param' | 'eof';

export interface Token {
  kind: TokenKind;
  /** `num`: digits as written without `{,}` groups; `letter`: the letter; `cmd`: the name without the
   *  backslash (`frac`, `,`, `|`); `char`: the character; `param`: the digit of `#1`. */
  value: string;
  /** Offsets into the parser's input: where the token (or, after macro expansion, the macro use) stands. */
  offset: number;
  end: number;
  /** Whitespace came before it: keeps `\text{ index}` readable when words are rebuilt from tokens. */
  space: boolean;
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isAsciiLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
/** Letters a student may type directly: ASCII, Greek (θ), ℓ. */
export const isLetterChar = (c: string): boolean =>
  isAsciiLetter(c) ||
  (c >= '\u0391' && c <= '\u03c9' && c !== '\u03a2') ||
  c === 'ℓ' ||
  c === 'ϵ' ||
  c === 'ϕ';

/** Tokenizes TeX math; `%` comments and whitespace are dropped. */
export function tokenize(tex: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let space = false;
  const n = tex.length;
  while (i < n) {
    const c = tex[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      space = true;
      i++;
      continue;
    }
    if (c === '%') {
      while (i < n && tex[i] !== '\n') i++;
      space = true;
      continue;
    }
    const start = i;
    if (c === '\\') {
      i++;
      if (i < n && isAsciiLetter(tex[i] as string)) {
        while (i < n && isAsciiLetter(tex[i] as string)) i++;
        out.push({ kind: 'cmd', value: tex.slice(start + 1, i), offset: start, end: i, space });
      } else if (i < n) {
        // A control symbol (`\,`, `\{`, `\|`, `\\`); a surrogate pair stays whole.
        const cp = tex.codePointAt(i) ?? 0;
        i += cp > 0xffff ? 2 : 1;
        out.push({ kind: 'cmd', value: tex.slice(start + 1, i), offset: start, end: i, space });
      } else {
        out.push({ kind: 'char', value: '\\', offset: start, end: i, space });
      }
    } else if (isDigit(c)) {
      let digits = '';
      let grouped = false;
      for (;;) {
        const run = i;
        while (i < n && isDigit(tex[i] as string)) digits += tex[i++];
        const groupOk = grouped ? i - run === 3 : i - run <= 3;
        // `1{,}000` and `1\,000`: thousands separators (groups of three digits), not a list or a product.
        if (groupOk && tex.startsWith('{,}', i) && /^\d{3}(?!\d)/.test(tex.slice(i + 3, i + 7))) {
          i += 3;
          grouped = true;
          continue;
        }
        if (groupOk && tex.startsWith('\\,', i) && /^\d{3}(?!\d)/.test(tex.slice(i + 2, i + 6))) {
          i += 2;
          grouped = true;
          continue;
        }
        break;
      }
      // `0{,}5`: a decimal comma (any other number of digits than a group of three).
      if (!grouped && tex.startsWith('{,}', i) && /^\d/.test(tex.slice(i + 3, i + 4))) {
        digits += '.';
        i += 3;
        while (i < n && isDigit(tex[i] as string)) digits += tex[i++];
      } else if (tex[i] === '.' && i + 1 < n && isDigit(tex[i + 1] as string)) {
        digits += '.';
        i++;
        while (i < n && isDigit(tex[i] as string)) digits += tex[i++];
      }
      out.push({ kind: 'num', value: digits, offset: start, end: i, space });
    } else if (c === '#' && i + 1 < n && isDigit(tex[i + 1] as string)) {
      i += 2;
      out.push({ kind: 'param', value: tex[start + 1] as string, offset: start, end: i, space });
    } else {
      const cp = tex.codePointAt(i) ?? 0;
      i += cp > 0xffff ? 2 : 1;
      const ch = tex.slice(start, i);
      out.push({ kind: isLetterChar(ch) ? 'letter' : 'char', value: ch, offset: start, end: i, space });
    }
    space = false;
  }
  out.push({ kind: 'eof', value: '', offset: n, end: n, space });
  return out;
}

/** How a token reads in a message: `'}'`, `\frac`, `end of input`. */
export function describeToken(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'end of input';
    case 'cmd':
      return `\\${t.value}`;
    case 'param':
      return `#${t.value}`;
    default:
      return `'${t.value}'`;
  }
}

/** A delimiter token as written, for messages. */
export function describeDelimiter(t: Token | undefined): string {
  if (!t) return '';
  return t.kind === 'cmd' ? `\\${t.value}` : t.value;
}

export const isCmd = (t: Token | undefined, name: string): boolean => t?.kind === 'cmd' && t.value === name;
export const isChar = (t: Token | undefined, ch: string): boolean =>
  t !== undefined && (t.kind === 'char' || t.kind === 'letter') && t.value === ch;

/** Index just past the group that starts at `i` (a `{…}` group, or a single token). */
export function skipArgument(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  if (!t || t.kind === 'eof') return i;
  if (!isChar(t, '{')) return i + 1;
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    const u = tokens[j] as Token;
    if (u.kind === 'eof') return j;
    if (isChar(u, '{')) depth++;
    else if (isChar(u, '}') && --depth === 0) return j + 1;
  }
  return tokens.length - 1;
}
