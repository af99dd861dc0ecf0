// Parse errors are data: a code, the offset in the parser's input, the token or command they are about, and
// a message with no position in it (whoever shows the error places it, with `lineColumn`). The parser throws
// internally to unwind; every public entry point catches it and returns it as data, so nothing ever throws
// out of the engine.
import { describeToken, type Token } from './tokens';
import type { ParseError } from './types';

/** The one exception the parser throws internally; it carries the structured error. It is deliberately not
 *  an Error: capturing a stack trace for every unreadable side cost more than parsing it. */
export class ParseFailure {
  constructor(readonly error: ParseError) {}
}

/** Throws a structured error; `offset` indexes the parser's input, `subject` is the token or command
 *  (`\int`, `'}'`) the error is about, as written. */
export function fail(
  message: string,
  offset: number,
  code: ParseError['code'] = 'syntax',
  subject?: string,
): never {
  throw new ParseFailure(
    subject === undefined ? { message, offset, code } : { message, offset, code, subject },
  );
}

/** "unexpected '}': expected ')'", about the token `t`. */
export function unexpected(t: Token, what = ''): never {
  const token = describeToken(t);
  fail(`unexpected ${token}${what ? `: ${what}` : ''}`, t.offset, 'syntax', token);
}

/** Turns anything thrown by parsing into a ParseError; a bug or stack exhaustion still ends as data. */
export function toParseError(e: unknown, offset = 0): ParseError {
  if (e instanceof ParseFailure) return e.error;
  const message =
    e instanceof RangeError ? 'expression too deeply nested' : `internal parser error: ${String(e)}`;
  return { message, offset, code: 'syntax' };
}

/** The 1-based line and column of `offset` in `text` (a column counts UTF-16 units, as editors do). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const at = Math.max(0, Math.min(offset, text.length));
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/** "line 2, column 6": where `offset` stands in `text`, for a message. */
export function formatPosition(text: string, offset: number): string {
  const { line, column } = lineColumn(text, offset);
  return `line ${line}, column ${column}`;
}
