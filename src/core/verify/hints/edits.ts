// The space of repair edits of one written side: each candidate is the side's TeX with one small change,
// tagged with what the change was (for the message) and its size (smaller edits are tried first).
import { moveEdits, type MoveKind } from './moves';
import { atomEnd, atomScripts, closeOf, isOperator, isSpace, texJoin, texTokens } from './tex';

export type EditKind =
  | 'sign'
  | 'operator'
  | 'swap'
  | 'transpose'
  | 'inverse'
  | 'constant'
  | 'exponent'
  | 'symbol'
  | 'drop-term'
  | MoveKind;

export interface Candidate {
  tex: string;
  kind: EditKind;
  /** Tokens changed (a rough edit distance): the search tries small edits first. */
  cost: number;
}

/** The region of `a` that differs from `b` (after their common start and end) and its size in tokens. */
function changed(a: readonly string[], b: readonly string[]): { from: number; to: number; size: number } {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return { from: p, to: a.length - s, size: Math.max(a.length - p - s, b.length - p - s) };
}

/**
 * Tokens no edit may touch: the operator of a derivative (`\frac{d}{dx}`, `\partial`, `\nabla`) and the
 * names inside `\operatorname{…}`, `\mathbb{…}`, `\text{…}`. Editing them changes what the notation
 * means rather than what was computed: `\frac{d}{d^\top x} x^3 = x^2` "holds" as a quotient.
 */
function protectedTokens(t: readonly string[]): boolean[] {
  const guard = new Array<boolean>(t.length).fill(false);
  const mark = (from: number, to: number) => {
    for (let k = Math.max(0, from); k <= to && k < t.length; k++) guard[k] = true;
  };
  for (let i = 0; i < t.length; i++) {
    const x = t[i];
    if (x === '\\frac' && t[i + 1] === '{') {
      const c1 = closeOf(t, i + 1);
      const num = t
        .slice(i + 2, c1)
        .join('')
        .trim();
      if (c1 > 0 && /^(d|\\partial|\\mathrm\{d\})/.test(num) && t[c1 + 1] === '{')
        mark(i, closeOf(t, c1 + 1));
    } else if (x === '\\partial' || x === '\\nabla') {
      mark(i, (scriptEndOf(t, i + 1) ?? i + 1) - 1);
    } else if (
      /^\\(operatorname|mathbb|mathrm|text|textrm|mathcal|begin|end)$/.test(x ?? '') &&
      t[i + 1] === '{'
    ) {
      mark(i, closeOf(t, i + 1));
    }
  }
  return guard;
}

function scriptEndOf(t: readonly string[], i: number): number | undefined {
  if (t[i] !== '_' && t[i] !== '^') return undefined;
  return t[i + 1] === '{' ? closeOf(t, i + 1) + 1 : i + 2;
}

const timesOne = (tex: string): number => tex.match(/\\cdot ?1(?![\d.])|(?<![\d.])1 ?\\cdot/g)?.length ?? 0;

/** Edits are tried by kind (slips people make most first), then by size. */
const rank: Record<EditKind, number> = {
  sign: 0,
  operator: 0,
  swap: 1,
  move: 1,
  'into-function': 2,
  'inverse-of-sum': 2,
  transpose: 2,
  inverse: 2,
  exponent: 3,
  constant: 3,
  'drop-term': 4,
  symbol: 5,
};

const splice = (t: readonly string[], at: number, remove: number, ...add: string[]): string[] => [
  ...t.slice(0, at),
  ...add,
  ...t.slice(at + remove),
];

/** Start and end of every atom at every nesting level (groups are walked into). */
function atoms(t: readonly string[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const walk = (from: number, to: number) => {
    let i = from;
    while (i < to) {
      const end = atomEnd(t, i);
      if (end <= i) {
        i++;
        continue;
      }
      out.push({ start: i, end });
      // Inside: the base's group content and brace arguments hold atoms of their own.
      const { baseEnd } = atomScripts(t, i, end);
      if (baseEnd - i > 1) walk(i + 1, baseEnd - 1);
      i = end;
    }
  };
  walk(0, t.length);
  return out;
}

/** Top-level ranges of one nesting level that hold atoms next to each other (a product). */
function adjacentPairs(t: readonly string[]): [number, number, number, number][] {
  const pairs: [number, number, number, number][] = [];
  const walk = (from: number, to: number) => {
    let i = from;
    let prev: [number, number] | undefined;
    while (i < to) {
      if (isSpace(t[i]) || t[i] === '\\cdot' || t[i] === '\\times') {
        i++;
        continue;
      }
      const end = atomEnd(t, i);
      if (end <= i) {
        prev = undefined;
        i++;
        continue;
      }
      if (prev) pairs.push([prev[0], prev[1], i, end]);
      prev = [i, end];
      const { baseEnd } = atomScripts(t, i, end);
      if (baseEnd - i > 1) walk(i + 1, baseEnd - 1);
      i = end;
    }
  };
  walk(0, t.length);
  return pairs;
}

function hasTopLevelSum(t: readonly string[]): boolean {
  for (let i = 0; i < t.length; i++) {
    const end = atomEnd(t, i);
    if (end > i) i = end - 1;
    else if ((t[i] === '+' || t[i] === '-') && i > 0) return true;
  }
  return false;
}

const wrap = (t: readonly string[]): string[] => (hasTopLevelSum(t) ? ['\\left(', ...t, '\\right)'] : [...t]);

/** Whether a `-` at `i` subtracts (an atom precedes it) rather than negates. */
function binary(t: readonly string[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const p = t[k];
    if (isSpace(p)) continue;
    return !(isOperator(p) || p === '{' || p === '(' || p === '\\left(' || p === '^' || p === '_');
  }
  return false;
}

const transposes = [['^', '\\top'], ['^', 'T'], ['^', '{', '\\top', '}'], ['^', '{', 'T', '}'], ["'"]];
const inverse = ['^', '{', '-', '1', '}'];

function startsWithAt(t: readonly string[], i: number, seq: readonly string[]): boolean {
  return seq.every((s, k) => t[i + k] === s);
}

/** Letters and Greek commands used as symbols in either side: the symbols in scope for a substitution. */
export function symbolsOf(...sides: string[]): string[] {
  const names = new Set<string>();
  for (const side of sides) {
    const t = texTokens(side);
    t.forEach((x, i) => {
      if (
        /^[a-zA-Z]$/.test(x) &&
        !/^\\(operatorname|mathrm|text|mathbf|mathbb|begin|end)$/.test(t[i - 2] ?? '')
      )
        names.add(x);
      else if (/^\\(alpha|beta|gamma|delta|lambda|mu|sigma|theta|eta|tau|phi|psi|omega|epsilon)$/.test(x))
        names.add(x);
    });
  }
  return [...names];
}

/** Every single edit of `tex` in the search space, smallest first, without duplicates or the text itself. */
export function candidates(tex: string, scope: readonly string[]): Candidate[] {
  const t = texTokens(tex);
  const out: Candidate[] = [];
  const guard = protectedTokens(t);
  const add = (tokens: string[], kind: EditKind) => {
    // Multiplying by 1 (`\Gamma - 1` → `\Gamma \cdot 1`) deletes rather than corrects: no hint.
    if (kind === 'operator' && timesOne(texJoin(tokens)) > timesOne(texJoin(t))) return;
    const d = changed(t, tokens);
    // A scaling moved into a function keeps its head as written; a sum of inverses is rebuilt whole, so
    // it is left alone when it holds any notation no edit may touch.
    if (kind === 'inverse-of-sum' && guard.some(Boolean)) return;
    // An insertion touches the tokens on both sides of it.
    if (kind !== 'into-function')
      for (let k = d.to > d.from ? d.from : d.from - 1; k < Math.max(d.to, d.from + 1); k++)
        if (guard[k]) return;
    out.push({ tex: texJoin(tokens).trim(), kind, cost: d.size });
  };
  const first = t.findIndex((x) => !isSpace(x));

  // A flipped sign of the whole side.
  if (t[first] === '-' && !binary(t, first)) add(splice(t, first, 1), 'sign');
  else add(['-', ...wrap(t)], 'sign');

  const all = atoms(t);
  for (let i = 0; i < t.length; i++) {
    const x = t[i];
    // `+` ↔ `−` ↔ `·`.
    if (x === '+') {
      add(splice(t, i, 1, '-'), 'operator');
      add(splice(t, i, 1, '\\cdot'), 'operator');
    } else if (x === '-' && binary(t, i)) {
      add(splice(t, i, 1, '+'), 'operator');
      add(splice(t, i, 1, '\\cdot'), 'operator');
    } else if (x === '-') {
      add(splice(t, i, 1), 'sign');
    } else if (x === '\\cdot' || x === '\\times') {
      add(splice(t, i, 1, '+'), 'operator');
      add(splice(t, i, 1, '-'), 'operator');
    }
    // Drop a transpose or an inverse.
    for (const seq of transposes) if (startsWithAt(t, i, seq)) add(splice(t, i, seq.length), 'transpose');
    if (startsWithAt(t, i, inverse)) add(splice(t, i, inverse.length), 'inverse');
    // An exponent one more or one less.
    if (x === '^') {
      const arg = t[i + 1] ?? '';
      if (/^\d+$/.test(arg)) {
        const k = Number(arg);
        add(splice(t, i + 1, 1, String(k + 1)), 'exponent');
        if (k > 2) add(splice(t, i + 1, 1, String(k - 1)), 'exponent');
        if (k === 2) add(splice(t, i, 2), 'exponent');
      } else if (arg === '{' && !startsWithAt(t, i, inverse)) {
        const c = closeOf(t, i + 1);
        const inner = t
          .slice(i + 2, c)
          .join('')
          .trim();
        if (c > 0 && inner !== '\\top' && inner !== 'T') {
          if (/^\d+$/.test(inner)) {
            add(splice(t, i + 2, c - i - 2, String(Number(inner) + 1)), 'exponent');
            add(splice(t, i + 2, c - i - 2, String(Number(inner) - 1)), 'exponent');
          } else {
            add(splice(t, c, 0, '+', '1'), 'exponent');
            add(splice(t, c, 0, '-', '1'), 'exponent');
          }
        }
      }
    }
    // A number times or over 2, 3 or 4, or one more or less.
    if (/^\d+$/.test(x ?? '') && t[i - 1] !== '^') {
      const k = Number(x);
      const next = new Set([k * 2, k / 2, k * 3, k / 3, k * 4, k / 4, k + 1, k - 1]);
      for (const v of next)
        if (Number.isInteger(v) && v > 0 && v !== k) add(splice(t, i, 1, String(v)), 'constant');
    }
    // One symbol for another in scope.
    if (scope.includes(x ?? '') && !/^\\(operatorname|mathrm|text|mathbb|begin|end)$/.test(t[i - 2] ?? '')) {
      for (const other of scope) if (other !== x) add(splice(t, i, 1, other), 'symbol');
    }
  }
  // Add a transpose or an inverse to a letter or a bracketed group that has no script.
  for (const a of all) {
    const base = t[a.start] ?? '';
    if (a.end - a.start !== atomScripts(t, a.start, a.end).baseEnd - a.start) continue;
    if (!/^[a-zA-Z]$/.test(base) && base !== '(' && base !== '\\left' && !base.startsWith('\\mathbf'))
      continue;
    add(splice(t, a.end, 0, '^', '\\top'), 'transpose');
    add(splice(t, a.end, 0, '^', '{', '-', '1', '}'), 'inverse');
  }
  // Swap the factors of a product.
  for (const [s1, e1, s2, e2] of adjacentPairs(t)) {
    // Numbers commute: swapping two of them changes nothing a check could see.
    if (e1 - s1 === 1 && e2 - s2 === 1 && /^\d/.test(t[s1] ?? '') && /^\d/.test(t[s2] ?? '')) continue;
    const between = t.slice(e1, s2);
    add([...t.slice(0, s1), ...t.slice(s2, e2), ...between, ...t.slice(s1, e1), ...t.slice(e2)], 'swap');
  }
  // A constant factor on the whole side: 2, ½, or n when n is in scope.
  const whole = wrap(t);
  add(['2', ' ', ...whole], 'constant');
  add(['\\frac', '{', '1', '}', '{', '2', '}', ' ', ...whole], 'constant');
  if (scope.includes('n')) add(['n', ' ', ...whole], 'constant');
  // Drop one term of a top-level sum.
  const terms: [number, number][] = [];
  let from = first < 0 ? 0 : first;
  for (let i = from; i < t.length; i++) {
    const end = atomEnd(t, i);
    if (end > i) i = end - 1;
    else if ((t[i] === '+' || t[i] === '-') && binary(t, i)) {
      terms.push([from, i]);
      from = i;
    }
  }
  if (terms.length > 0) {
    terms.push([from, t.length]);
    for (const [s, e] of terms) {
      let rest = splice(t, s, e - s);
      // Dropping the first term leaves a leading `+`: remove it.
      const lead = rest.findIndex((x) => !isSpace(x));
      if (s === terms[0]?.[0] && rest[lead] === '+') rest = splice(rest, lead, 1);
      add(rest, 'drop-term');
    }
  }
  moveEdits(t, add);
  const seen = new Set([texJoin(t).replace(/\s+/g, '')]);
  const unique = out.filter((c) => {
    const key = c.tex.replace(/\s+/g, '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique
    .map((c, k) => ({ c, k }))
    .sort((a, b) => rank[a.c.kind] - rank[b.c.kind] || a.c.cost - b.c.cost || a.k - b.k)
    .map((x) => x.c);
}
