// Superscripts that index a sequence, not powers: `V^{k+1} \le V^k - S^k` and the update rule
// `\theta^{k+1} = \theta^k - \alpha g^k` are about the terms of sequences. A letter is an iteration
// counter in a block when one symbol carries it both plain and shifted (`V^k` and `V^{k+1}`); then every
// superscript of that counter in the block is read as a label, written `V^{(k+1)}` as the parser reads
// `x^{(t)}` (a term, part of the name), never as a power.
import type { TexEdit } from './texEdit';

/** Letters used as iteration counters (`n` is far more often a power: `x^n`, `n x^{n-1}`). */
const counters = new Set(['k', 't']);

const greek =
  'alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Upsilon|Phi|Psi|Omega';

/** A symbol (letter, Greek letter or a bold/styled letter), an optional subscript, then `^`. */
const term = new RegExp(
  String.raw`(?<![\\A-Za-z])((?:\\(?:${greek})(?![A-Za-z])|\\(?:mathbf|boldsymbol|bm|mathrm|mathit|hat|tilde|bar)\{\\?[A-Za-z]+\}|[A-Za-df-z]))` +
    String.raw`(_(?:\{[^{}]*\}|\\?[A-Za-z0-9]))?\s*\^\s*(\{([^{}]*)\}|[A-Za-z])`,
  'g',
);

/** `k`, `k+1`, `k-1` (spaces ignored, `\ell` as ℓ): the counter and its shift, or undefined. */
function counterOf(sup: string): { letter: string; shift: number } | undefined {
  const s = sup.replace(/\s+/g, '').replace(/\\ell/g, 'ℓ');
  const m = /^([A-Za-zℓ])(?:([+-])(\d+))?$/u.exec(s);
  if (!m || !counters.has(m[1] as string)) return undefined;
  return { letter: m[1] as string, shift: m[3] ? Number(m[3]) * (m[2] === '-' ? -1 : 1) : 0 };
}

export interface SequenceReading {
  edits: TexEdit[];
  /** Iteration counters found in the block (`k`). */
  counters: Set<string>;
}

/** Finds iteration counters in a block's TeX and the edits that read their superscripts as labels. */
export function sequenceEdits(tex: string, prose = ''): SequenceReading {
  const saysSequence = /\b(?:sequences?|iterates?|iterations?|recurrence|update)\b/i.test(prose);
  const found: {
    start: number;
    base: string;
    letter: string;
    shift: number;
    at: number;
    length: number;
    sup: string;
  }[] = [];
  for (const m of tex.matchAll(term)) {
    const c = counterOf(m[4] ?? m[3] ?? '');
    if (!c) continue;
    const whole = m[0];
    const caret = whole.lastIndexOf('^');
    const at = (m.index ?? 0) + caret;
    found.push({
      start: m.index ?? 0,
      base: `${m[1] ?? ''}${m[2] ?? ''}`,
      ...c,
      at,
      length: whole.length - caret,
      sup: (m[4] ?? m[3] ?? '').trim(),
    });
  }
  const shifts = new Map<string, Set<number>>();
  for (const f of found) {
    const key = `${f.base}\u0000${f.letter}`;
    shifts.set(key, (shifts.get(key) ?? new Set()).add(f.shift));
  }
  const sequenceCounters = new Set<string>();
  for (const [key, s] of shifts) {
    const letter = key.split('\u0000')[1] as string;
    const shifted = found.filter((f) => f.letter === letter && f.shift !== 0);
    // Two symbols sharing the counter (`θ^{k+1} = θ^k - α g^k`), or prose that says so: `x^{k+1} = x^k x`
    // alone is a power rule.
    const bases = new Set(found.filter((f) => f.letter === letter).map((f) => f.base));
    if (
      s.size >= 2 &&
      (bases.size >= 2 || saysSequence) &&
      onlyInScripts(tex, letter) &&
      shifted.some((f) => loneSide(tex, f))
    ) {
      sequenceCounters.add(letter);
    }
  }
  const edits = found
    .filter((f) => sequenceCounters.has(f.letter))
    .map((f) => ({ offset: f.at, length: f.length, text: `^{(${f.sup})}` }));
  return { edits, counters: sequenceCounters };
}

const relation = String.raw`(?:=|<|>|\\(?:le|leq|ge|geq|leftarrow|gets|approx)(?![A-Za-z])|:=)`;
const edge = String.raw`(?:&|,|\\\\|\\q?quad(?![A-Za-z]))`;

/** Does the term stand alone as a side of a relation (`V^{k+1} \le …`, `… = θ^{k+1}`)? A power inside an
 *  expression (`x^{k+1} - x^k`) never does. */
function loneSide(tex: string, f: { start: number; at: number; length: number }): boolean {
  const before = tex.slice(0, f.start).replace(/\s+$/, '');
  const after = tex.slice(f.at + f.length).replace(/^\s+/, '');
  const relBefore = new RegExp(`${relation}$`).test(before);
  const relAfter = new RegExp(`^${relation}`).test(after);
  const edgeBefore = before === '' || new RegExp(`${edge}$`).test(before);
  const edgeAfter = after === '' || new RegExp(`^(?:${edge}|\\.)`).test(after);
  return (relAfter && (edgeBefore || relBefore)) || (relBefore && edgeAfter);
}

/** Is the letter only ever a super- or subscript in the block? `n x^{n-1}` uses n as a number: a power. */
function onlyInScripts(tex: string, letter: string): boolean {
  const name = letter === 'ℓ' ? String.raw`\\ell` : letter;
  const stripped = tex.replace(/[_^]\s*(?:\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9])/g, ' ');
  return !new RegExp(`(?<![\\\\A-Za-z])${name}(?![A-Za-z])`).test(stripped);
}

/** Is `name` (a parsed symbol) a term of a sequence ahead of its counter, `V^{(k+1)}`? The parser names a
 *  parenthesised superscript so only when the text wrote it so or the block was read as a sequence. */
export function isNextTerm(name: string): boolean {
  const m = /\^\{\((.+)\)\}$/.exec(name);
  const c = m ? counterOf(m[1] as string) : undefined;
  return c !== undefined && c.shift > 0;
}
