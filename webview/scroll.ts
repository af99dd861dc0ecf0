// Two-way scroll sync by source line. Every block element carries `data-line` (0-based); a fractional line
// maps to a position by interpolating between the elements before and after it, as VS Code's preview does.

interface Entry {
  el: HTMLElement;
  line: number;
}

function entries(root: HTMLElement): Entry[] {
  const out: Entry[] = [];
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-line]'))) {
    const line = Number(el.dataset.line);
    // Skip hidden elements (closed details) and nested ones that start on the same line as their parent.
    if (!Number.isFinite(line) || el.offsetParent === null) continue;
    const prev = out[out.length - 1];
    if (prev && prev.line === line) continue;
    out.push({ el, line });
  }
  return out;
}

function top(el: HTMLElement): number {
  return el.getBoundingClientRect().top + window.scrollY;
}

/** The source line (fractional) at the top of the view. */
export function lineAtTop(root: HTMLElement): number {
  const list = entries(root);
  const y = window.scrollY;
  let lo = 0;
  let hi = list.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (top((list[mid] as Entry).el) <= y + 1) lo = mid;
    else hi = mid - 1;
  }
  const a = list[lo] as Entry;
  const b = list[lo + 1];
  const ya = top(a.el);
  if (y < ya) return a.line * (y / Math.max(1, ya));
  if (!b) {
    const h = Math.max(1, a.el.getBoundingClientRect().height);
    return a.line + Math.min(1, (y - ya) / h);
  }
  const yb = top(b.el);
  return a.line + ((b.line - a.line) * (y - ya)) / Math.max(1, yb - ya);
}

/** Scrolls so that source line `line` (fractional) is at the top. */
export function scrollToLine(root: HTMLElement, line: number): void {
  const list = entries(root);
  if (list.length === 0) return;
  let before: Entry | undefined;
  let after: Entry | undefined;
  for (const e of list) {
    if (e.line <= line) before = e;
    else {
      after = e;
      break;
    }
  }
  let y: number;
  if (!before) y = 0;
  else if (!after) {
    const h = before.el.getBoundingClientRect().height;
    y = top(before.el) + h * Math.min(1, line - before.line);
  } else {
    const ya = top(before.el);
    y = ya + ((top(after.el) - ya) * (line - before.line)) / Math.max(1, after.line - before.line);
  }
  window.scrollTo(0, Math.max(0, y));
}
