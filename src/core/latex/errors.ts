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
export function fail(message: string, offset: number, code: ParseError['code'] = 'syntax'): never {
  throw new ParseFailure({ message, offset, code });
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
