// The one reader of the math: markdown-it decides the document's structure, the core scanner decides what is
// a formula. Each math token is matched to the scanner's span that starts at the same place in the file, and
// takes its TeX and position map from it; the verifier's steps refer to that same span, so a mark lands on
// the relation the verifier judged. A token the scanner does not read as math is shown as written.
import type { Token } from 'markdown-it';
import type { MdBlock } from '../core';
import type { MathMeta } from './mathPlugin';

type MathBlock = Extract<MdBlock, { kind: 'display' | 'inline' }>;

const startKey = (line: number, column: number): string => `${line}:${column}`;

/** Attaches the scanner's span to every math token of `tokens` (positions 0-based, as the tokens'), from
 *  `scanned`: the blocks the core scanner finds in the document's text. */
export function attachSpans(scanned: readonly MdBlock[], tokens: readonly Token[]): void {
  const byStart = new Map<string, MathBlock>();
  const byFence = new Map<number, MathBlock>();
  const spans: MathBlock[] = [];
  for (const b of scanned) {
    if (b.kind !== 'display' && b.kind !== 'inline') continue;
    if (b.kind === 'display' && b.delimiter === 'math-fence') {
      byFence.set(b.line - 1, b);
      continue;
    }
    const first = b.tex.lines[0];
    if (!first) continue;
    byStart.set(startKey(first.line - 1, first.column - 1), b);
    spans.push(b);
  }
  const used = new Set<MathBlock>();
  const metas = mathTokens(tokens).map((t) => t.meta as unknown as MathMeta);
  const matched = metas.map((meta) => {
    const block = meta.fence
      ? byFence.get(meta.openLine)
      : byStart.get(startKey(meta.start.line, meta.start.column));
    if (block) used.add(block);
    return block;
  });
  // Tabs in a container prefix make markdown-it's columns differ from the file's: a second look finds the
  // span on the same line with the same TeX. Built only when a token went unmatched (rare), as keying every
  // span by its TeX costs a noticeable share of a keystroke's re-render.
  let byText: Map<string, MathBlock[]> | undefined;
  const sameText = (key: string): MathBlock[] | undefined => {
    if (!byText) {
      byText = new Map();
      for (const b of spans) {
        const k = `${(b.tex.lines[0]?.line ?? 0) - 1}\u0000${b.tex.text}`;
        const list = byText.get(k);
        if (list) list.push(b);
        else byText.set(k, [b]);
      }
    }
    return byText.get(key);
  };
  metas.forEach((meta, i) => {
    let block = matched[i];
    if (!block) {
      block = sameText(`${meta.start.line}\u0000${meta.tex}`)
        ?.filter((b) => !used.has(b))
        .sort((a, b) => dist(a, meta) - dist(b, meta))[0];
      if (block) used.add(block);
    }
    meta.src = block?.tex;
    meta.blockLine = block?.line;
    meta.derivation = block ? block.kind === 'display' : undefined;
  });
}

function dist(b: MathBlock, meta: MathMeta): number {
  return Math.abs((b.tex.lines[0]?.column ?? 0) - 1 - meta.start.column);
}

/** Math tokens in reading order: blocks, inline math, and math inside image alt text. */
export function mathTokens(tokens: readonly Token[], out: Token[] = []): Token[] {
  for (const t of tokens) {
    if (t.type === 'math_block' || t.type === 'math_inline' || t.type === 'math_inline_display') out.push(t);
    else if (t.children) mathTokens(t.children, out);
  }
  return out;
}
