// Puts each verified step's mark on its relation: before KaTeX runs, the relation at the step's file position
// is wrapped in `\mathrel{\htmlClass{sw-step sw-step-N sw-STATUS}{…}}`, so the rendered relation itself
// carries the step's class (and its mark, drawn by CSS) wherever KaTeX lays it out.
import type { StepResult, StepStatus } from '../core/types';
import type { TexLineStart } from './mathPlugin';

export const statusClass: Record<StepStatus, string> = {
  verified: 'sw-ok',
  refuted: 'sw-bad',
  unverifiable: 'sw-unk',
};

/** Relations as they may be written, so a slightly off column still finds the intended one. */
function relationAt(tex: string, at: number, relation: string): string | undefined {
  const rel = relation.replace(/^&/, '').trim();
  if (rel === '' || !tex.startsWith(rel, at)) return undefined;
  // `\le` must not match the start of `\left`.
  if (/^\\[A-Za-z]+$/.test(rel) && /[A-Za-z]/.test(tex[at + rel.length] ?? '')) return undefined;
  return rel;
}

function findNear(tex: string, from: number, to: number, want: number, relation: string): number {
  let best = -1;
  for (let i = from; i < to; i++) {
    if (
      relationAt(tex, i, relation) !== undefined &&
      (best === -1 || Math.abs(i - want) < Math.abs(best - want))
    )
      best = i;
  }
  return best;
}

export interface Wrapped {
  tex: string;
  /** Indices (StepResult.index) of the steps whose relation was found and wrapped. */
  placed: number[];
}

/** Wraps the relations of `steps` found in `tex` (whose lines start in the file as `lines` says). `secret`,
 *  a class the document cannot know, lets the webview tell these marks from look-alikes in raw HTML. */
export function wrapSteps(tex: string, lines: TexLineStart[], steps: StepResult[], secret = ''): Wrapped {
  const edits: { at: number; len: number; step: StepResult; rel: string }[] = [];
  for (const step of steps) {
    const k = lines.findIndex((l) => l.line === step.line - 1);
    const l = lines[k];
    if (!l) continue;
    const lineEnd = lines[k + 1]?.offset ?? tex.length + 1;
    let at = l.offset + (step.column - 1 - l.column);
    while (tex[at] === '&' || tex[at] === ' ') at++;
    if (relationAt(tex, at, step.relation) === undefined)
      at = findNear(tex, l.offset, lineEnd - 1, at, step.relation);
    if (at < 0 || edits.some((e) => e.at === at)) continue;
    const rel = relationAt(tex, at, step.relation);
    if (rel) edits.push({ at, len: rel.length, step, rel });
  }
  edits.sort((a, b) => b.at - a.at);
  let out = tex;
  for (const e of edits) {
    const cls = `sw-step sw-step-${e.step.index} ${statusClass[e.step.status]}${secret ? ` ${secret}` : ''}`;
    out = `${out.slice(0, e.at)}\\mathrel{\\htmlClass{${cls}}{${e.rel}}}${out.slice(e.at + e.len)}`;
  }
  return { tex: out, placed: edits.map((e) => e.step.index).sort((a, b) => a - b) };
}
