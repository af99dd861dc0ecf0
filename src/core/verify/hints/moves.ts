// Repair edits that move a piece rather than change a token: a factor moved into a bracketed sum
// (`(9 + 1) · 64 · 128` → `(9 · 64 + 1) · 128`), a scaling moved inside a function
// (`f(x)/c` → `f(x/c)`, `c f(x)` → `f(c x)`), and a sum of inverses put back as the inverse of the sum
// (`A^{-1} + \frac{1}{λ} I` → `(A + λ I)^{-1}`). Each undoes one rewrite rule students misapply (a
// distributive law that does not hold), so several of them give back the other side of the step: the
// search offers those last, as "the rewrite does not hold" (hints/index.ts).
import { atomEnd, atomScripts, closeOf, isSpace, texJoin } from './tex';

export type MoveKind = 'move' | 'into-function' | 'inverse-of-sum';

type Add = (tokens: string[], kind: MoveKind) => void;

const isSeparator = (x: string | undefined) => isSpace(x) || x === '\\cdot' || x === '\\times';

/** Maximal runs of atoms joined only by spaces, `\cdot` or `\times` (the factors of a product), at every
 *  nesting level. */
export function productChains(t: readonly string[]): [number, number][][] {
  const chains: [number, number][][] = [];
  const walk = (from: number, to: number) => {
    let chain: [number, number][] = [];
    const close = () => {
      if (chain.length > 0) chains.push(chain);
      chain = [];
    };
    let i = from;
    while (i < to) {
      if (isSeparator(t[i])) {
        i++;
        continue;
      }
      const end = atomEnd(t, i);
      if (end <= i) {
        close();
        i++;
        continue;
      }
      chain.push([i, end]);
      const { baseEnd } = atomScripts(t, i, end);
      if (baseEnd - i > 1) walk(i + 1, baseEnd - 1);
      i = end;
    }
    close();
  };
  walk(0, t.length);
  return chains;
}

/** The inside of a bracket atom `( … )` or `\left( … \right)` with no script, as [from, to). */
function bracketInside(t: readonly string[], s: number, e: number): [number, number] | undefined {
  if (t[s] === '(' && t[e - 1] === ')') return [s + 1, e - 1];
  if (t[s] === '\\left' && t[s + 1] === '(' && t[e - 2] === '\\right' && t[e - 1] === ')')
    return [s + 2, e - 2];
  return undefined;
}

/** Top-level terms of [from, to): ranges split before each binary `+`/`-` (the sign stays with the term). */
function terms(t: readonly string[], from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let start = from;
  let seenAtom = false;
  for (let i = from; i < to; i++) {
    const end = atomEnd(t, i);
    if (end > i) {
      seenAtom = true;
      i = end - 1;
    } else if ((t[i] === '+' || t[i] === '-') && seenAtom) {
      out.push([start, i]);
      start = i;
    }
  }
  out.push([start, to]);
  return out;
}

/** The end of [from, to) without trailing spaces. */
function trimEnd(t: readonly string[], from: number, to: number): number {
  while (to > from && isSpace(t[to - 1])) to--;
  return to;
}

/** A factor of a product moved into one term of a bracketed sum that is another factor of it. */
function moveFactors(t: readonly string[], add: Add): void {
  for (const chain of productChains(t)) {
    if (chain.length < 2) continue;
    chain.forEach(([bs, be], b) => {
      const inside = bracketInside(t, bs, be);
      if (!inside) return;
      const parts = terms(t, inside[0], inside[1]);
      if (parts.length < 2) return;
      chain.forEach(([fs, fe], f) => {
        if (f === b) return;
        // The factor leaves with the separator before it (or after it, when it comes first).
        const [cutFrom, cutTo] =
          f > 0 ? [(chain[f - 1] as [number, number])[1], fe] : [fs, chain[1]?.[0] ?? fe];
        for (const [, te] of parts) {
          const at = trimEnd(t, inside[0], te);
          const moved = [' ', '\\cdot', ' ', ...t.slice(fs, fe)];
          // Splice the later position first so the earlier index stays valid.
          const out = [...t];
          if (at > cutFrom) {
            out.splice(at, 0, ...moved);
            out.splice(cutFrom, cutTo - cutFrom);
          } else {
            out.splice(cutFrom, cutTo - cutFrom);
            out.splice(at, 0, ...moved);
          }
          add(out, 'move');
        }
      });
    });
  }
}

/** A command atom applied to a bracket (`\operatorname{sigmoid}(x)`, `\sigma\left(z\right)`): its head and
 *  the inside of the bracket, or undefined. */
function application(
  t: readonly string[],
  s: number,
  e: number,
): { head: string[]; arg: string[] } | undefined {
  if (!t[s]?.startsWith('\\') || t[s] === '\\frac' || t[s] === '\\left') return undefined;
  let open = s + 1;
  while (t[open] === '{') open = closeOf(t, open) + 1;
  if (open <= s) return undefined;
  const close = closeOf(t, open);
  if (t[open] === '(' && close === e - 1) return { head: t.slice(s, open), arg: t.slice(open + 1, close) };
  if (t[open] === '\\left' && t[open + 1] === '(' && close === e)
    return { head: t.slice(s, open), arg: t.slice(open + 2, e - 2) };
  return undefined;
}

const hasSum = (x: readonly string[]) => terms(x, 0, x.length).length > 1;
const grouped = (x: readonly string[]) => (hasSum(x) ? ['\\left(', ...x, '\\right)'] : [...x]);

/** A scaling moved inside the function it was taken out of: `\frac{f(u)}{v}` → `f(\frac{u}{v})`,
 *  `c f(u)` → `f(c u)`. */
function intoFunction(t: readonly string[], add: Add): void {
  for (let i = 0; i < t.length; i++) {
    if (t[i] !== '\\frac' || t[i + 1] !== '{') continue;
    const c1 = closeOf(t, i + 1);
    if (c1 < 0 || t[c1 + 1] !== '{') continue;
    const c2 = closeOf(t, c1 + 1);
    if (c2 < 0) continue;
    let s = i + 2;
    while (isSpace(t[s])) s++;
    const e = trimEnd(t, s, c1);
    if (atomEnd(t, s) !== e) continue;
    const f = application(t, s, e);
    if (!f) continue;
    const inner = ['\\frac', '{', ...f.arg, '}', ...t.slice(c1 + 1, c2 + 1)];
    add([...t.slice(0, i), ...f.head, '\\left(', ...inner, '\\right)', ...t.slice(c2 + 1)], 'into-function');
  }
  for (const chain of productChains(t)) {
    for (let k = 1; k < chain.length; k++) {
      const [cs, ce] = chain[k - 1] as [number, number];
      const [fs, fe] = chain[k] as [number, number];
      const f = application(t, fs, fe);
      if (!f || application(t, cs, ce)) continue;
      const scaled = [...t.slice(cs, ce), ' ', ...grouped(f.arg)];
      add([...t.slice(0, cs), ...f.head, '\\left(', ...scaled, '\\right)', ...t.slice(fe)], 'into-function');
    }
  }
}

/** The inverse of one term written as an inverse (`X^{-1}`, `\frac{1}{u}`, `\frac{1}{u} X`, `\frac{X}{u}`),
 *  or undefined. `I` stays `I` (its inverse). */
function inverted(t: readonly string[]): { tex: string[]; reciprocal: boolean } | undefined {
  const first = t.findIndex((y) => !isSpace(y));
  if (first < 0) return undefined;
  const x = t.slice(first, trimEnd(t, first, t.length));
  const s = 0;
  const end = atomEnd(x, s);
  const rest = x.slice(end).filter((y) => !isSpace(y));
  const inv = (y: string[]) => (y.length === 1 && y[0] === 'I' ? ['I'] : [...y, '^', '{', '-', '1', '}']);
  const tail = x.slice(end - 5, end).join('');
  if (rest.length === 0 && tail === '^{-1}' && end - 5 > s)
    return { tex: x.slice(s, end - 5), reciprocal: false };
  if (x[s] !== '\\frac' || x[s + 1] !== '{') return undefined;
  const c1 = closeOf(x, s + 1);
  const c2 = closeOf(x, c1 + 1);
  if (c1 < 0 || c2 + 1 !== end) return undefined;
  const num = x.slice(s + 2, c1).filter((y) => !isSpace(y));
  const den = grouped(x.slice(c1 + 2, c2));
  if (num.length === 1 && num[0] === '1') {
    if (rest.length === 0) return { tex: x.slice(c1 + 2, c2), reciprocal: true };
    if (atomEnd(rest, 0) !== rest.length) return undefined;
    return { tex: [...den, ' ', ...inv(rest)], reciprocal: false };
  }
  if (rest.length > 0 || atomEnd(num, 0) !== num.length) return undefined;
  return { tex: [...den, ' ', ...inv(num)], reciprocal: false };
}

/** A sum whose terms are all inverses, as the inverse of the sum of what they invert. */
function inverseOfSum(t: readonly string[], add: Add): void {
  const parts = terms(t, 0, t.length);
  if (parts.length < 2 || parts.some(([s], k) => k > 0 && t[s] !== '+')) return;
  const inverses = parts.map(([s, e], k) => inverted(t.slice(k > 0 ? s + 1 : s, e)));
  if (inverses.some((x) => x === undefined)) return;
  const sum = inverses.flatMap((x, k) => [...(k > 0 ? [' ', '+', ' '] : []), ...(x?.tex ?? [])]);
  if (inverses.every((x) => x?.reciprocal))
    add(['\\frac', '{', '1', '}', '{', ...sum, '}'], 'inverse-of-sum');
  else add(['\\left(', ...sum, '\\right)', '^', '{', '-', '1', '}'], 'inverse-of-sum');
}

/** Every move edit of the side's tokens. */
export function moveEdits(t: readonly string[], add: Add): void {
  moveFactors(t, add);
  intoFunction(t, add);
  inverseOfSum(t, add);
}

/** Text compared for "the same side": no spaces, and `\left(`/`\right)` read as plain brackets. */
export function sameSide(a: string, b: string): boolean {
  const norm = (s: string) =>
    texJoin([s])
      .replace(/\\left|\\right/g, '')
      .replace(/\s+/g, '');
  return norm(a) === norm(b);
}
