// Parse failures. Inside the parser a failure is thrown (it unwinds many levels at once); every public
// entry point catches it and returns it as data, so nothing ever throws out of the engine.
import { describeToken, type Token } from './tokens';
import type { ParseError } from './types';

/** The one exception the parser throws internally; it carries the structured error. It is deliberately not
 *  an Error: capturing a stack trace for every unreadable side cost more than parsing it. */
export class ParseFailure {
  constructor(readonly error: ParseError) {}
}

/** Throws a structured error; `offset` indexes the parser's input. */
export function fail(
  message: string,
  offset: number,
  code: ParseError['code'] = 'syntax',
  subject?: string,
): never {
  throw new ParseFailure({ message, offset, code, ...(subject !== undefined ? { subject } : {}) });
}

/** "unexpected '}' at column 14". */
export function unexpected(t: Token, what = ''): never {
  fail(`unexpected ${describeToken(t)} at column ${t.offset + 1}${what ? `: ${what}` : ''}`, t.offset);
}

/** Turns anything thrown by parsing into a ParseError; a bug or stack exhaustion still ends as data. */
export function toParseError(e: unknown, offset = 0): ParseError {
  if (e instanceof ParseFailure) return e.error;
  const message =
    e instanceof RangeError ? 'expression too deeply nested' : `internal parser error: ${String(e)}`;
  return { message, offset, code: 'syntax' };
}

/** Rewrites the "at column N" of messages (N counted over the whole input) as a line and column when the
 *  input spans several lines, so that a message about a multi-line block points where a person looks. */
export function localize(error: ParseError, tex: string): ParseError {
  if (!tex.includes('\n') || !error.message.includes('at column ')) return error;
  const message = error.message.replace(/at column (\d+)/g, (_, n: string) => {
    const offset = Math.min(Number(n) - 1, tex.length);
    const before = tex.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return `at line ${line}, column ${column}`;
  });
  return { ...error, message };
}
