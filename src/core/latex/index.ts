// The LaTeX facade: everything the symbol table, the verifier and the preview call.
import { maxBlockTokens } from './block';
import { expandMacros } from './macros';
import { parseTokens } from './parser';
import { tokenize } from './tokens';
import { toParseError } from './errors';
import type { ParseContext, ParseError } from './types';
import type { MathNode } from 'mathjs';

export { maxBlockTokens, parseBlock } from './block';
export { parseDeclarations, readDomain } from './declarations';
export { formatPosition, lineColumn } from './errors';
export { extractMacros, macroLimits } from './macros';
export { relationSymbols } from './relations';
export { canonicalName } from './symbols';
export { vocabulary, type VocabularyName } from './vocabulary';
export type * from './types';

/** Parses one expression (no relations) after expanding the macros in force. Never throws. */
export function parseExpression(
  tex: string,
  ctx: ParseContext,
): { ok: true; node: MathNode } | { ok: false; error: ParseError } {
  try {
    const tokens = tokenize(tex);
    if (tokens.length > maxBlockTokens)
      return {
        ok: false,
        error: { message: `expression too long (${tokens.length} tokens)`, offset: 0, code: 'syntax' },
      };
    const r = parseTokens(expandMacros(tokens, ctx.macros, tex), ctx);
    return r;
  } catch (e) {
    return { ok: false, error: toParseError(e) };
  }
}
