// Declarations of random variables, each a row of its own:
//   X \sim \mathcal{N}(\mu, \sigma^2)      r \sim \operatorname{Bernoulli}(q)      w, b \sim \mathcal{U}(-a, a)
//   X_1, \dots, X_n \overset{\text{iid}}{\sim} \mathcal{N}(0, 1)   (a vector X of n independent entries)
//   X \perp Y      X \perp\!\!\!\perp Y      X, Y \text{ independent}
// A law is named as people write it (`\mathcal{N}`, `U`, `\operatorname{Unif}`, `\mathrm{Bern}` …); one
// Stepwise does not know is an error naming it, never a guess.
import type { MathNode } from 'mathjs';
import { parseExpr, readNames, splitTop } from './domains';
import { fail } from './errors';
import { skipArgument } from './macros';
import { depthDelta, significant } from './scan';
import { isChar, isCmd, type Token } from './tokens';
import type { Declaration, ParseContext } from './types';
import { lawArity, lawName } from '../probability/laws';

const ellipses = new Set(['dots', 'ldots', 'cdots', 'dotsc', 'dotsb']);
const wordCommands = new Set([
  'mathcal',
  'operatorname',
  'mathrm',
  'text',
  'textrm',
  'mathsf',
  'mathbb',
  'mathscr',
]);

/** Where a top-level `\sim` (possibly under `\overset{…}` or `\stackrel{…}`) starts and ends. */
function simAt(toks: readonly Token[]): { start: number; end: number } | undefined {
  let depth = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Token;
    if (depth === 0) {
      if (isCmd(t, 'sim')) {
        // `\sim_{iid}` carries a note under it.
        const end = isChar(toks[i + 1], '_') ? skipArgument(toks, i + 2) : i + 1;
        return { start: i, end };
      }
      if (isCmd(t, 'overset') || isCmd(t, 'stackrel') || isCmd(t, 'underset')) {
        const over = skipArgument(toks, i + 1);
        const body = skipArgument(toks, over);
        const inner = toks.slice(over, body);
        if (inner.some((u) => isCmd(u, 'sim'))) return { start: i, end: body };
      }
    }
    depth = Math.max(0, depth + depthDelta(t));
  }
  return undefined;
}

/** The law after `\sim`: its canonical name and parameters. */
function readLaw(toks: Token[], ctx: ParseContext, at: number): { name: string; params: MathNode[] } {
  const sig = significant(toks);
  const first = sig[0];
  if (!first) fail('a law is missing after \\sim', at);
  let word = '';
  let i = 0;
  if (first.kind === 'cmd' && wordCommands.has(first.value)) {
    const end = skipArgument(sig, 1);
    const inner = isChar(sig[1], '{') ? sig.slice(2, end - 1) : sig.slice(1, end);
    word = inner.map((t) => t.value).join('');
    i = end;
  } else {
    while (sig[i]?.kind === 'letter') word += (sig[i++] as Token).value;
  }
  if (!word) fail('expected the name of a law after \\sim', first.offset, 'probability', '\\sim');
  const name = lawName(word);
  if (!name) fail(`the law ${word} is not one Stepwise knows`, first.offset, 'probability', word);
  let open = sig[i];
  if (isCmd(open, 'left')) open = sig[++i];
  if (!isChar(open, '('))
    fail(`${word} needs its parameters in parentheses`, first.offset, 'probability', word);
  const close = sig.length - 1 - (isCmd(sig[sig.length - 2], 'right') ? 1 : 0);
  if (!isChar(sig[close], ')')) fail(`expected ) to close the parameters of ${word}`, first.offset);
  const inner = sig.slice(i + 1, isCmd(sig[close - 1], 'right') ? close - 1 : close);
  const parts = splitTop(inner, (t) => isChar(t, ','));
  if (parts.some((p) => significant(p).some((t) => t.kind === 'cmd' && ellipses.has(t.value))))
    fail(`write the parameters of ${word} out, without \\dots`, first.offset, 'probability', word);
  const params = parts.map((p) => parseExpr(p, ctx, first.offset, `a parameter of ${word} is missing`));
  const arity = lawArity(name);
  if (arity !== undefined && params.length !== arity)
    fail(
      `${word} takes ${arity} parameter${arity === 1 ? '' : 's'}, not ${params.length}`,
      first.offset,
      'probability',
      word,
    );
  return { name, params };
}

/** Names before `\sim`: symbols, or a family `X_1, \dots, X_n` (a vector X of n entries). */
function readRandomNames(
  toks: Token[],
  ctx: ParseContext,
): { names: string[]; shape?: MathNode[] } | undefined {
  const parts = splitTop(toks, (t) => isChar(t, ',')).map((p) => significant(p));
  const dots = parts.findIndex((p) => p.length === 1 && p[0]?.kind === 'cmd' && ellipses.has(p[0].value));
  if (dots < 0) {
    const names = readNames(toks, ctx);
    return names ? { names } : undefined;
  }
  const last = parts[parts.length - 1] as Token[];
  const under = last.findIndex((t) => isChar(t, '_'));
  if (under <= 0 || dots !== parts.length - 2) return undefined;
  const base = readNames(last.slice(0, under), ctx);
  if (!base || base.length !== 1) return undefined;
  const sub = last.slice(under + 1);
  const size = isChar(sub[0], '{') ? sub.slice(1, -1) : sub;
  return { names: base, shape: [parseExpr(size, ctx, (last[under] as Token).offset)] };
}

/** Declarations of a row about random variables, or undefined when the row is not one. */
export function readRandomRow(sig: Token[], ctx: ParseContext, strict: boolean): Declaration[] | undefined {
  const offset = sig[0]?.offset ?? 0;
  // Independence.
  const perps = sig.filter((t) => isCmd(t, 'perp') || isCmd(t, 'indep') || isCmd(t, 'independent'));
  if (perps.length && !simAt(sig)) {
    const groups = splitTop(
      sig.filter((t) => !(isCmd(t, '!') || isCmd(t, ','))),
      (t) => isCmd(t, 'perp') || isCmd(t, 'indep') || isCmd(t, 'independent'),
    ).filter((g) => significant(g).length > 0);
    const names = groups.map((g) => readNames(g, ctx));
    if (names.some((n) => !n) || names.length < 2) {
      if (strict) return undefined;
      return fail('expected symbols on both sides of \\perp', offset, 'probability', '\\perp');
    }
    return [{ kind: 'independent', names: (names as string[][]).flat(), offset }];
  }
  const textAt = sig.findIndex((t) => isCmd(t, 'text') || isCmd(t, 'textrm') || isCmd(t, 'mathrm'));
  if (textAt > 0) {
    const word = sig
      .slice(textAt + 2, skipArgument(sig, textAt + 1) - 1)
      .map((t) => t.value)
      .join('')
      .trim();
    if (/^(are |mutually )?independent$/.test(word) && skipArgument(sig, textAt + 1) === sig.length) {
      const names = readNames(sig.slice(0, textAt), ctx);
      if (names && names.length > 1) return [{ kind: 'independent', names, offset }];
    }
  }
  const sim = simAt(sig);
  if (!sim) return undefined;
  const who = readRandomNames(sig.slice(0, sim.start), ctx);
  if (!who) {
    if (strict) return undefined;
    return fail('expected random variables before \\sim', offset, 'probability', '\\sim');
  }
  try {
    const law = readLaw(sig.slice(sim.end), ctx, (sig[sim.start] as Token).offset);
    return [{ kind: 'random', names: who.names, law, ...(who.shape ? { shape: who.shape } : {}), offset }];
  } catch (e) {
    if (strict) return undefined;
    throw e;
  }
}
