// Shared helpers of the LaTeX parser tests: a symbol table from a plain object, and a readable form of
// what the parser produced (the mathjs tree printed, or the error's code and message).
import type { MacroDef, ParseContext, SymbolKind } from '../../../src/core/latex/types';
import { parseExpression } from '../../../src/core/latex/index';

export function context(
  kinds: Record<string, SymbolKind> = {},
  macros: Record<string, MacroDef> = {},
): ParseContext {
  return { kindOf: (name) => kinds[name], macros: new Map(Object.entries(macros)) };
}

/** The parsed expression printed by mathjs, or `error(code): message`. */
export function show(tex: string, ctx: ParseContext = context()): string {
  const r = parseExpression(tex, ctx);
  return r.ok ? r.node.toString() : `error(${r.error.code}): ${r.error.message}`;
}

/** The ParseError of an expression that must fail. */
export function errorOf(tex: string, ctx: ParseContext = context()) {
  const r = parseExpression(tex, ctx);
  if (r.ok) throw new Error(`expected an error for ${tex}, got ${r.node.toString()}`);
  return r.error;
}
