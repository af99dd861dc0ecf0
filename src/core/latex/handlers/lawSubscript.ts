// The subscript of an expectation that names a law: `E_{x \sim P}[…]`, `E_{(x, y) \sim P}[…]`,
// `\textrm{Var}_{x \sim P}[…]`. The bound values (x, or x and y) and the law's name are read here; which
// random variables they are values of is decided for the whole step (probability/pairing.ts), since the
// same law P elsewhere in the step means the same variable. Also `p(y \mid x)` of such values.
import { fail } from '../errors';
import { array, fn, sym, type MathNode } from '../nodes';
import { depthDelta } from '../scan';
import { isChar, isCmd, type Token } from '../tokens';
import type { ParserApi } from './registry';

export interface LawSubscript {
  /** The law, a symbol (`P`). */
  law: MathNode;
  /** The values drawn from it, symbols: `x`, or `x, y` for `(x, y) \sim P`. */
  values: MathNode[];
}

type Named = MathNode & { type: string; name?: string };

/** Splits tokens at top-level commas. */
function splitCommas(tokens: Token[]): Token[][] {
  const out: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (isChar(t, '(') || isChar(t, '{') || isChar(t, '[')) depth++;
    if (isChar(t, ')') || isChar(t, '}') || isChar(t, ']')) depth--;
    if (depth === 0 && isChar(t, ',')) out.push([]);
    else (out[out.length - 1] as Token[]).push(t);
  }
  return out;
}

/** Reads `values \sim law` from a subscript's tokens (`sim` is the index of the `\sim`). */
export function readLawSubscript(p: ParserApi, inner: Token[], sim: number): LawSubscript {
  const at = (inner[sim] as Token).offset;
  let before = inner.slice(0, sim);
  if (isChar(before[0], '(') && isChar(before[before.length - 1], ')')) before = before.slice(1, -1);
  const after = inner.slice(sim + 1);
  if (before.length === 0 || after.length === 0)
    fail('expected a value and a law around \\sim, as x \\sim P', at, 'probability', '\\sim');
  const values = splitCommas(before).map((part) => p.subParser(part).parseWhole());
  if (!values.every((v) => (v as Named).type === 'SymbolNode'))
    fail('the values drawn in a subscript must be symbols, as (x, y) \\sim P', at, 'probability', '\\sim');
  const law = p.subParser(after).parseWhole();
  if ((law as Named).type !== 'SymbolNode' || !/^[A-Z]$/.test((law as Named).name ?? ''))
    fail(
      'a law written out in the subscript is not supported: name it (x \\sim P) or declare the variable with \\sim',
      at,
      'probability',
      '\\sim',
    );
  return { law, values };
}

/** The index of the top-level `\sim` in a subscript's tokens, or -1. */
export const simIndex = (inner: readonly Token[]): number => inner.findIndex((u) => isCmd(u, 'sim'));

/** Whether a top-level `\mid` comes before the `)` closing the `(` at `open`. */
function barBeforeClose(p: ParserApi, open: number): boolean {
  let depth = 0;
  for (let i = open; ; i++) {
    const t = p.at(i);
    if (t.kind === 'eof') return false;
    depth += depthDelta(t);
    if (depth === 0) return false;
    if (depth === 1 && isCmd(t, 'mid')) return true;
  }
}

const isValue = (n: MathNode): boolean => /^[a-z](_[A-Za-z0-9]+)?$/.test((n as Named).name ?? '');

/**
 * `p(y \mid x)`, `p(y \mid x, z)` with values as arguments: the conditional probability of values, read
 * by probability/pairing.ts where the values are paired with variables. Anything else (`p(x \mid \theta)`,
 * a likelihood or a density) is declined, cursor unmoved.
 */
export function conditionalValues(p: ParserApi): MathNode | undefined {
  const t = p.peek();
  if (t.kind !== 'letter' || (t.value !== 'p' && t.value !== 'q') || p.ctx.kindOf(t.value) !== undefined)
    return undefined;
  if (!isChar(p.at(p.pos + 1), '(') || !barBeforeClose(p, p.pos + 1)) return undefined;
  const start = p.pos;
  const list = (): MathNode[] => {
    const out = [p.parseAdditive()];
    while (isChar(p.peek(), ',')) {
      p.next();
      out.push(p.parseAdditive());
    }
    return out;
  };
  try {
    p.pos += 2;
    const values = list();
    if (!isCmd(p.next(), 'mid')) throw new Error('no bar');
    const given = list();
    if (!isChar(p.next(), ')') || ![...values, ...given].every(isValue)) throw new Error('not values');
    return fn('pmfGiven', [sym(t.value), array(values), array(given)]);
  } catch {
    p.pos = start;
    return undefined;
  }
}
