// Rewriting a block's TeX as the prose says to read it (`\log` → `\log_{2}`, `V^{k+1}` → `V^{(k+1)}`)
// while every character that was in the file keeps its file position: the position map gains an entry
// after each edit, so a relation or an error after an edit is still reported where it stands.
import { texPos, type TexLine, type TexSource } from '../markdown/types';

/** Replace `length` characters at `offset` of the TeX by `text`. */
export interface TexEdit {
  offset: number;
  length: number;
  text: string;
}

/** `src` with the edits applied (they must not overlap); positions of unedited characters are exact. */
export function applyEdits(src: TexSource, edits: readonly TexEdit[]): TexSource {
  if (edits.length === 0) return src;
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  let text = '';
  let from = 0;
  let shift = 0;
  const extra: TexLine[] = [];
  const shifts: { at: number; shift: number }[] = [];
  for (const e of sorted) {
    if (e.offset < from) continue;
    text += src.text.slice(from, e.offset) + e.text;
    shift += e.text.length - e.length;
    from = e.offset + e.length;
    shifts.push({ at: from, shift });
    // The first character after the edit sits where it sat before.
    extra.push({ offset: from + shift, ...texPos(src, from) });
  }
  text += src.text.slice(from);
  const shiftAt = (offset: number): number => {
    let s = 0;
    for (const x of shifts) if (x.at <= offset) s = x.shift;
    return s;
  };
  const lines = [...src.lines.map((l) => ({ ...l, offset: l.offset + shiftAt(l.offset) })), ...extra];
  // Later entries at one offset win in texPos's search only if sorted stably with originals first.
  lines.sort((a, b) => a.offset - b.offset);
  return { text, lines };
}
