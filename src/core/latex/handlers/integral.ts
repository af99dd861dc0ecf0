// `\int_a^b g(x)\,dx`, `\int_{\mathbb{R}}`, `\int_0^1 \int_0^1 … dx\,dy`, `\iint`, `\int \frac{dx}{1 + x^2}`
// and the indefinite `\int g(x)\,dx`. The integrand runs to its differential (`dx`, `\mathrm{d}x`,
// `d\theta`), which must be at the integral's own level; a `dx` written as the numerator of a fraction
// right after the sign reads as that fraction with numerator 1.
import { fail } from '../errors';
import { fn, num, sym, unary, type MathNode } from '../nodes';
import { greek } from '../names';
import { isChar, isCmd, type Token } from '../tokens';
import type { CommandSpec, ParserApi } from './registry';

export const integral: CommandSpec = {
  names: ['int', 'iint', 'iiint'],
  startsFunction: true,
  parse: (p, t) => parseIntegral(p, t),
};

interface Bounds {
  lo?: MathNode;
  hi?: MathNode;
}

const upright = new Set(['mathrm', 'text', 'textrm', 'operatorname', 'mathit']);
const stops = new Set(['=', '<', '>', '&']);
const relationCommands = new Set([
  'le',
  'leq',
  'ge',
  'geq',
  'ne',
  'neq',
  'approx',
  'simeq',
  'lt',
  'gt',
  'quad',
  'qquad',
  'text',
]);

/** The variable of a differential starting at token `i` (`d x`, `\mathrm{d} x`, `d\theta`), or undefined. */
function differentialAt(toks: Token[], i: number): { name: string; end: number } | undefined {
  let j = i;
  const t = toks[j];
  if (t?.kind === 'letter' && t.value === 'd') j++;
  else if (t?.kind === 'cmd' && upright.has(t.value)) {
    // `\mathrm{d}` / `\mathrm d`
    const a = toks[j + 1];
    const b = toks[j + 2];
    const c = toks[j + 3];
    if (isChar(a, '{') && b?.kind === 'letter' && b.value === 'd' && isChar(c, '}')) j += 4;
    else if (a?.kind === 'letter' && a.value === 'd') j += 2;
    else return undefined;
  } else return undefined;
  const v = toks[j];
  if (v?.kind === 'letter') return { name: v.value, end: j + 1 };
  if (v?.kind === 'cmd' && greek[v.value]) return { name: greek[v.value] as string, end: j + 1 };
  return undefined;
}

/** `_a^b` after an integral sign (either order), `_{\mathbb{R}}` for the whole line. */
function readBounds(p: ParserApi, label: string): Bounds {
  const b: Bounds = {};
  for (let k = 0; k < 2; k++) {
    const u = p.peek();
    if (isChar(u, '_') && !b.lo) {
      p.next();
      const s = p.pos;
      if (isChar(p.at(s), '{') && isCmd(p.at(s + 1), 'mathbb') && p.at(s + 3).value === 'R') {
        p.pos = p.argumentEnd(s);
        b.lo = unary('unaryMinus', num(Infinity));
        b.hi = num(Infinity);
        continue;
      }
      if (p.peek().kind === 'num') p.splitNumber(p.pos);
      b.lo = p.parseArgument(label);
    } else if (isChar(u, '^') && !b.hi) {
      p.next();
      if (p.peek().kind === 'num') p.splitNumber(p.pos);
      b.hi = p.parseArgument(label);
    }
  }
  return b;
}

function parseIntegral(p: ParserApi, t: Token): MathNode {
  p.next();
  const label = `\\${t.value}`;
  const signs: Bounds[] = [];
  const count = t.value === 'iiint' ? 3 : t.value === 'iint' ? 2 : 1;
  const first = readBounds(p, label);
  for (let k = 0; k < count; k++) signs.push(k === 0 ? first : {});
  // Directly nested signs, `\int_0^1 \int_0^1`, share one integrand.
  while (isCmd(p.peek(), 'int')) {
    p.next();
    signs.push(readBounds(p, label));
  }
  for (const s of signs)
    if ((s.lo === undefined) !== (s.hi === undefined))
      fail(`${label} needs both limits, or none`, t.offset, 'unsupported', label);
  // Find the differentials at this level.
  const start = p.sigIndex(p.pos);
  let depth = 0;
  let i = start;
  let found: { name: string; end: number } | undefined;
  for (; i < p.toks.length; i++) {
    const u = p.toks[i] as Token;
    if (u.kind === 'eof') break;
    if (isChar(u, '{') || isChar(u, '(') || isChar(u, '[') || isCmd(u, 'left')) depth++;
    else if (isChar(u, '}') || isChar(u, ')') || isChar(u, ']') || isCmd(u, 'right')) {
      if (depth === 0) break;
      depth--;
    } else if (
      depth === 0 &&
      ((u.kind === 'char' && stops.has(u.value)) || (u.kind === 'cmd' && relationCommands.has(u.value)))
    )
      break;
    if (depth === 0 && (found = differentialAt(p.toks, i))) break;
  }
  const vars: string[] = [];
  let bodyTokens: Token[];
  if (found) {
    bodyTokens = p.toks.slice(start, i);
    let end = found.end;
    vars.push(found.name);
    // `dx\,dy`: further differentials right after.
    for (;;) {
      const j = p.sigIndex(end);
      const more = differentialAt(p.toks, j);
      if (!more) break;
      vars.push(more.name);
      end = more.end;
    }
    p.pos = end;
  } else {
    // `\int \frac{dx}{1 + x^2}`: the differential as a numerator.
    const f = p.toks[start] as Token;
    const open = p.toks[start + 1] as Token;
    const diff = differentialAt(p.toks, start + 2);
    if (!isCmd(f, 'frac') || !isChar(open, '{') || !diff || !isChar(p.toks[diff.end], '}'))
      fail(`${label} needs its differential, as in ${label} f(x)\\,dx`, t.offset, 'unsupported', label);
    vars.push(diff.name);
    const one: Token = { kind: 'num', value: '1', offset: open.end, end: open.end, space: false };
    const fracEnd = p.argumentEnd(diff.end + 1);
    bodyTokens = [f, open, one, ...p.toks.slice(diff.end, fracEnd)];
    p.pos = fracEnd;
  }
  if (vars.length !== signs.length)
    fail(`${signs.length} integral signs but ${vars.length} differentials`, t.offset, 'unsupported', label);
  if (bodyTokens.length === 0)
    bodyTokens = [{ kind: 'num', value: '1', offset: t.end, end: t.end, space: false }];
  let body = p.subParser(bodyTokens).parseWhole();
  // The innermost sign goes with the first differential.
  for (let k = 0; k < vars.length; k++) {
    const s = signs[signs.length - 1 - k] as Bounds;
    const v = sym(vars[k] as string);
    body =
      s.lo && s.hi
        ? fn('integral', [v, s.lo, s.hi, body])
        : vars.length === 1
          ? fn('antiderivative', [v, body])
          : fail(`a multiple indefinite integral is not supported`, t.offset, 'unsupported', label);
  }
  return body;
}
