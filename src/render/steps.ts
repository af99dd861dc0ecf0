// Puts each step's mark on its relation: before KaTeX runs, the relation at the step's file position is
// wrapped in `\mathrel{\htmlClass{sw-step sw-step-N sw-STATUS}{…}}`, so the rendered relation itself carries
// the step's class (and its mark, drawn by CSS) wherever KaTeX lays it out. The formula's TeX is the
// scanner's span the verifier read, so the step's position is an exact offset into it: no search.
import type { StepResult, StepStatus } from '../core/types';
import { texOffset, type TexSource } from '../core/markdown/types';

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

export interface Wrapped {
  tex: string;
  /** Indices (StepResult.index) of the steps whose relation was found and wrapped. */
  placed: number[];
}

/** Wraps the relations of `steps` in `src` (the scanner's span the steps were judged on). `secret`, a class
 *  the document cannot know, lets the renderer tell these marks from look-alikes the document writes. */
export function wrapSteps(src: TexSource, steps: readonly StepResult[], secret = ''): Wrapped {
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
  for (const e of edits) {
    const cls = `sw-step sw-step-${e.step.index} ${statusClass[e.step.status]}${secret ? ` ${secret}` : ''}`;
    out = `${out.slice(0, e.at)}\\mathrel{\\htmlClass{${cls}}{${e.rel}}}${out.slice(e.at + e.len)}`;
  }
  return { tex: out, placed: edits.map((e) => e.step.index).sort((a, b) => a - b) };
}
