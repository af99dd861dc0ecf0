// Written intervals and tuples compared whole: Gershgorin's `[a_{11} - r_1, a_{11} + r_1] = [0.7, 1.3]`
// says the two intervals are the same, that is, their ends are equal in order. A block that is exactly
// one such equation (two bracketed lists of the same length, nothing else) is read as an equation of
// column vectors, entry by entry. A row list transposed (`[x, y]^\top`) is a column vector wherever it
// stands, and so is a tuple a bold name is set to (`\mathbf{v} = (r, 0)`); a list anywhere else stays unread.
import type { TexEdit } from './texEdit';

/** The items of a bracket's content split at commas outside braces and brackets, with their offsets. */
function items(text: string, at: number): { offset: number; length: number }[] | undefined {
  const out: { offset: number; length: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    if (depth < 0) return undefined;
    if ((c === ',' && depth === 0) || i === text.length) {
      if (text.slice(start, i).trim() === '') return undefined;
      out.push({ offset: at + start, length: i - start });
      start = i + 1;
    }
  }
  return depth === 0 ? out : undefined;
}

const equation = /^(\s*)\[([^\]]*)\](\s*=\s*)\[([^\]]*)\](\s*[.,]?\s*)$/;

/** Edits turning `[p, q] = [r, s]` into an equation of column vectors, or none. */
export function intervalEdits(tex: string): TexEdit[] {
  const m = equation.exec(tex);
  if (!m) return [];
  const [, lead = '', left = '', mid = '', right = ''] = m;
  const leftAt = lead.length + 1;
  const rightAt = leftAt + left.length + 1 + mid.length + 1;
  const l = items(left, leftAt);
  const r = items(right, rightAt);
  if (!l || !r || l.length < 2 || l.length !== r.length) return [];
  const edits: TexEdit[] = [];
  for (const [open, list] of [
    [leftAt - 1, l],
    [rightAt - 1, r],
  ] as const) {
    edits.push({ offset: open, length: 1, text: '\\begin{bmatrix}' });
    for (const it of list.slice(1)) edits.push({ offset: it.offset - 1, length: 1, text: '\\\\' });
    const last = list[list.length - 1] as { offset: number; length: number };
    edits.push({ offset: last.offset + last.length, length: 1, text: '\\end{bmatrix}' });
  }
  return edits;
}

/** `[x, y]^\top`, `[2,1]^T`, `\left[x, y\right]^\top`: a row written as a list and transposed, that is, a
 *  column vector. */
const transposedList =
  /(\\left\s*)?\[([^[\]]*?)(\\right\s*)?\]\s*\^\s*(?:\\top\b|\{\\top\}|T\b|\{T\}|\\intercal\b|\{\\intercal\})/g;

/** Edits turning each transposed list into a written column vector. */
export function transposedListEdits(tex: string): TexEdit[] {
  const edits: TexEdit[] = [];
  for (const m of tex.matchAll(transposedList)) {
    // `\left[ … \right]`: the sizing commands go with the brackets they size.
    if (!m[1] !== !m[3]) continue;
    const at = m.index ?? 0;
    const open = (m[1] ?? '').length + 1;
    const list = items(m[2] ?? '', at + open);
    if (!list || list.length < 2) continue;
    const last = list[list.length - 1] as { offset: number; length: number };
    edits.push({ offset: at, length: open, text: '\\begin{bmatrix}' });
    for (const it of list.slice(1)) edits.push({ offset: it.offset - 1, length: 1, text: '\\\\' });
    // The closing bracket and the transpose become the end of the column.
    edits.push({
      offset: last.offset + last.length,
      length: at + m[0].length - (last.offset + last.length),
      text: '\\end{bmatrix}',
    });
  }
  return edits;
}

/** A bold or arrowed name set equal to a parenthesised tuple: `\mathbf{v} = (r, 0)`. */
const tupleVector = /(?:\\mathbf\{[A-Za-z]\}|\\boldsymbol\{[A-Za-z]\}|\\vec\{?[A-Za-z]\}?)\s*=\s*\(/g;

/** Edits turning the tuple a vector is set to into a written column vector. */
export function tupleVectorEdits(tex: string): TexEdit[] {
  const edits: TexEdit[] = [];
  for (const m of tex.matchAll(tupleVector)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    let depth = 0;
    let close = -1;
    for (let i = open; i < tex.length && close < 0; i++) {
      const c = tex[i];
      if (c === '(' || c === '{' || c === '[') depth++;
      else if (c === ')' || c === '}' || c === ']') {
        depth--;
        if (depth === 0) close = i;
      }
    }
    if (close < 0 || tex[close] !== ')') continue;
    const list = items(tex.slice(open + 1, close), open + 1);
    if (!list || list.length < 2) continue;
    edits.push({ offset: open, length: 1, text: '\\begin{bmatrix}' });
    for (const it of list.slice(1)) edits.push({ offset: it.offset - 1, length: 1, text: '\\\\' });
    edits.push({ offset: close, length: 1, text: '\\end{bmatrix}' });
  }
  return edits;
}
