// Puts each step's mark on its relation, so that nothing in the document can forge one. Before KaTeX runs,
// the relation at the step's file position is wrapped in `\mathrel{\htmlClass{sw-mark NONCE}{…}}`, NONCE a
// token derived from a per-renderer random key the document cannot know. KaTeX trusts `\htmlClass` only for
// an issued nonce (judged on the class after macro expansion), and after rendering `sealMarks` turns each
// nonce met exactly once into the step's classes and `data-stepwise-status`. The status comes from the
// result, never from the formula; a nonce copied by a macro marks nothing. The formula's TeX is the
// scanner's span the verifier read, so the step's position is an exact offset into it: no search.
import {
  hashString,
  isDefinition,
  type StepResult,
  type StepStatus,
  texOffset,
  type TexSource,
} from '../core';

export const statusClass: Record<StepStatus, string> = {
  verified: 'sw-ok',
  refuted: 'sw-bad',
  unverifiable: 'sw-unk',
};

/** The relation as written at `at` (an alignment `&` and spaces before it skipped), or undefined. */
function relationAt(tex: string, at: number, relation: string): { at: number; rel: string } | undefined {
  while (tex[at] === '&' || tex[at] === ' ') at++;
  const rel = relation.replace(/^&/, '').trim();
  if (rel === '' || !tex.startsWith(rel, at)) return undefined;
  // `\le` must not match the start of `\left`.
  if (/^\\[A-Za-z]+$/.test(rel) && /[A-Za-z]/.test(tex[at + rel.length] ?? '')) return undefined;
  return { at, rel };
}

/** A random key for one renderer (96 bits): marks derive their nonces from it. */
export function newMarkKey(): string {
  return Array.from(crypto.getRandomValues(new Uint32Array(3)), (n) => n.toString(36)).join('');
}

/** The nonce of step `index` of a formula: stable for the same key and TeX (so KaTeX's cache serves it). */
function nonce(key: string, tex: string, index: number): string {
  const text = `${key}\u0000${index}\u0000${tex}`;
  return `swm${hashString(text).toString(36)}${hashString(text, 0x2545f491).toString(36)}${index}`;
}

/** The class a trusted `\htmlClass` must carry: `sw-mark` and one nonce. */
export const markClass = /^sw-mark (swm[a-z0-9]+)$/;

export interface Wrapped {
  tex: string;
  /** Nonce → the step it marks. */
  marks: Map<string, StepResult>;
}

/** Wraps the relations of `steps` in `src` (the scanner's span the steps were judged on). */
export function wrapSteps(src: TexSource, steps: readonly StepResult[], key: string): Wrapped {
  const tex = src.text;
  const edits: { at: number; len: number; step: StepResult; rel: string }[] = [];
  for (const step of steps) {
    const offset = texOffset(src, step);
    const found = offset === undefined ? undefined : relationAt(tex, offset, step.relation);
    if (!found || edits.some((e) => e.at === found.at)) continue;
    edits.push({ at: found.at, len: found.rel.length, step, rel: found.rel });
  }
  edits.sort((a, b) => b.at - a.at);
  let out = tex;
  const marks = new Map<string, StepResult>();
  for (const e of edits) {
    const n = nonce(key, tex, e.step.index);
    marks.set(n, e.step);
    out = `${out.slice(0, e.at)}\\mathrel{\\htmlClass{sw-mark ${n}}{${e.rel}}}${out.slice(e.at + e.len)}`;
  }
  return { tex: out, marks };
}

export interface Sealed {
  html: string;
  /** Indices (StepResult.index) of the steps whose mark is in the output. */
  placed: number[];
}

const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Turns the nonces KaTeX rendered into marks: `class="enclosing sw-step sw-step-N sw-ok"` and
 * `data-stepwise-status="verified"` (plus `secret` as a class, for the webview's check of raw HTML). A nonce
 * met more than once (a macro copied it) marks nothing. The MathML annotation gets the TeX as written back.
 */
export function sealMarks(
  html: string,
  marks: ReadonlyMap<string, StepResult>,
  source: string,
  secret = '',
): Sealed {
  const count = new Map<string, number>();
  const re = /class="enclosing sw-mark (swm[a-z0-9]+)"/g;
  for (const m of html.matchAll(re)) count.set(m[1] as string, (count.get(m[1] as string) ?? 0) + 1);
  const placed: number[] = [];
  const extra = secret && /^[A-Za-z0-9]+$/.test(secret) ? ` ${secret}` : '';
  let out = html.replace(re, (_whole, n: string) => {
    const step = marks.get(n);
    if (!step || count.get(n) !== 1) return 'class="enclosing"';
    placed.push(step.index);
    // A definition is not a failure to check: a neutral mark (`sw-def`), its status unchanged.
    const cls = isDefinition(step) ? 'sw-def' : statusClass[step.status];
    return `class="enclosing sw-step sw-step-${step.index} ${cls}${extra}" data-stepwise-status="${step.status}"`;
  });
  out = out.replace(
    /(<annotation encoding="application\/x-tex">)[\s\S]*?(<\/annotation>)/,
    (_w, open: string, close: string) => `${open}${escapeText(source)}${close}`,
  );
  return { html: out, placed: placed.sort((a, b) => a - b) };
}
