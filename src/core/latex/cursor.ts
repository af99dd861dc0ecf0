// The parser's cursor over tokens: position, lookahead, nesting guards and argument spans. It knows tokens
// and TeX arguments, not grammar: the precedence levels (parser.ts) and the command handlers (handlers/)
// build on it.
import { connectiveWords, spacing, spacingWithArgument, textCommands } from './commands';
import { fail, unexpected } from './errors';
import { skipArgument } from './macros';
import { accents, fonts, greek } from './names';
import type { MathNode } from './nodes';
import { describeToken, isChar, isCmd, type Token } from './tokens';
import type { ParseContext } from './types';

/** Deepest nesting of groups the parser follows before it reports an error (the stack stays small). */
export const maxNesting = 100;

export class Cursor {
  pos = 0;
  depth: number;
  /** Open `|…|` and `\|…\|` at this level: a `|` closes rather than opens while one is open. */
  absDepth = 0;
  normDepth = 0;
  /** Constants that stand for Euler's e, so that `e^{x}` reads as exp(x). */
  readonly euler = new WeakSet<MathNode>();

  /** `toks` must end with an `eof` token; `bound` holds the indices of enclosing sums. */
  constructor(
    readonly toks: Token[],
    readonly ctx: ParseContext,
    readonly bound: string[] = [],
    depth = 0,
  ) {
    this.depth = depth;
  }

  /** True when nothing but trivia is left. */
  atEnd(): boolean {
    return this.peek().kind === 'eof';
  }

  /** Index of the next significant token at or after `i` (spacing and style commands skipped). */
  sigIndex(i: number): number {
    for (;;) {
      const t = this.toks[i];
      if (!t || t.kind === 'eof') return Math.min(i, this.toks.length - 1);
      if (t.kind === 'cmd' && spacing.has(t.value)) i++;
      else if (t.kind === 'char' && t.value === '~') i++;
      else if (t.kind === 'cmd' && spacingWithArgument.has(t.value)) i = skipArgument(this.toks, i + 1);
      else return i;
    }
  }

  peek(): Token {
    this.pos = this.sigIndex(this.pos);
    return this.toks[this.pos] as Token;
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  at(i: number): Token {
    return this.toks[this.sigIndex(i)] as Token;
  }

  expectChar(ch: string, opener?: Token): Token {
    const t = this.peek();
    if (isChar(t, ch)) return this.next();
    if (t.kind === 'eof' && opener) fail(`missing '${ch}' for ${describeToken(opener)}`, opener.offset);
    return unexpected(t, `expected '${ch}'`);
  }

  unexpectedHere(t: Token): never {
    if (isCmd(t, 'right')) fail(`unexpected \\right (no matching \\left)`, t.offset, 'syntax', '\\right');
    if (isChar(t, '}')) fail(`unexpected '}' (no matching '{')`, t.offset, 'syntax', "'}'");
    return unexpected(t);
  }

  enter(t: Token): void {
    if (++this.depth > maxNesting) fail(`expression nested too deeply`, t.offset);
  }

  leave(): void {
    this.depth--;
  }

  /** TeX reads one digit as a superscript or `\frac` argument: `x^23` is x²·3, `\frac12` is ½. */
  splitNumber(i: number): void {
    const t = this.toks[i];
    if (t?.kind !== 'num' || t.value.length < 2) return;
    const first: Token = { ...t, value: t.value[0] as string, end: t.offset + 1 };
    const rest: Token = { ...t, value: t.value.slice(1), offset: t.offset + 1, space: false };
    this.toks.splice(i, 1, first, rest);
  }

  /** Index just past the TeX argument starting at token `start`: `n_\textrm{in}`, `x_\mathbf{i}` carry
   *  the command's own argument along. */
  argumentEnd(start: number): number {
    let end = skipArgument(this.toks, start);
    const first = this.toks[start];
    if (
      first?.kind === 'cmd' &&
      (fonts[first.value] || accents[first.value] || textCommands.has(first.value))
    )
      end = skipArgument(this.toks, end);
    return end;
  }

  /** The raw tokens of the next TeX argument (a `{…}` group's content, or one token) and where it ends. */
  argumentTokens(): { inner: Token[]; end: number; start: number } {
    const start = this.sigIndex(this.pos);
    const end = this.argumentEnd(start);
    const braced = isChar(this.toks[start], '{');
    const inner = braced
      ? this.toks.slice(start + 1, Math.max(start + 1, end - 1))
      : this.toks.slice(start, end);
    return { inner: inner.filter((t) => !(t.kind === 'cmd' && spacing.has(t.value))), end, start };
  }

  skipBracket(): void {
    while (!isChar(this.peek(), ']') && this.peek().kind !== 'eof') this.pos++;
    this.next();
  }

  skipPunctuation(): void {
    while (isChar(this.peek(), ',') || isChar(this.peek(), '.') || isChar(this.peek(), ';')) this.next();
  }

  /** The prose connective written at token `i` (`\text{ and }`, `\textrm{, and }`, `\text{or}`) and the
   *  index just past it: a word that joins, never a factor named "and". */
  connectiveAt(i: number): { word: string; end: number } | undefined {
    const t = this.at(i);
    if (t.kind !== 'cmd' || !textCommands.has(t.value)) return undefined;
    const w = this.wordAt(this.sigIndex(i) + 1);
    const word = w?.word.replace(/^,\s*/, '');
    return w && word !== undefined && connectiveWords.has(word) ? { word, end: w.end } : undefined;
  }

  /** The word in `\operatorname{…}`/`\mathrm{…}`/`\text{…}` starting at token `i` (the `{`). */
  wordAt(i: number): { word: string; end: number; letters: boolean } | undefined {
    let j = this.sigIndex(i);
    if (isChar(this.toks[j], '*')) j++;
    const open = this.toks[j];
    if (open?.kind === 'letter') return { word: open.value, end: j + 1, letters: true };
    if (!isChar(open, '{')) return undefined;
    const end = skipArgument(this.toks, j);
    let word = '';
    let letters = true;
    for (let k = j + 1; k < end - 1; k++) {
      const u = this.toks[k] as Token;
      if (u.space && word !== '') word += ' ';
      if (u.kind === 'letter') word += u.value;
      else {
        letters = false;
        word += u.kind === 'cmd' ? (greek[u.value] ?? `\\${u.value}`) : u.value;
      }
    }
    return { word: word.trim(), end, letters };
  }
}
