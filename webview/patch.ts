// Puts rendered blocks into the page, keeping the DOM nodes of every block whose HTML did not change (their
// KaTeX layout, plots and open counterexamples stay as they are) and only renumbering their lines.
import DOMPurify from 'dompurify';
import type { RenderedBlock } from '../src/render/document';

interface LiveBlock {
  html: string;
  line: number;
  el: HTMLElement;
}

// Raw HTML from a homework file is the one untrusted input: it passes DOMPurify, which drops scripts,
// `on*` handlers and `javascript:` URLs. Our own markup in the same block (KaTeX, badges) must survive it.
const purifyConfig = {
  // Badges show a result, never act; buttons are not allowed from raw HTML at all.
  ADD_TAGS: ['vscode-badge'],
  FORBID_TAGS: ['style', 'form', 'input', 'textarea', 'select', 'iframe', 'object', 'embed'],
};

/** Relative image sources resolve against the document's folder, as a webview URI from the host. */
function resolveImages(root: HTMLElement, base: string): void {
  for (const img of Array.from(root.querySelectorAll('img[src]'))) {
    const src = img.getAttribute('src') ?? '';
    if (!/^(?:[a-z][a-z0-9+.-]*:|\/\/|#|\/)/i.test(src))
      img.setAttribute('src', base + src.replace(/^\.\//, ''));
  }
}

/** Raw HTML may imitate our marks (`<span class="sw-step sw-ok">`); only elements carrying the session's
 *  secret (as a class on marks, `data-sw` on result blocks) keep `sw-` classes. */
function stripImitations(root: HTMLElement, secret: string): void {
  for (const el of Array.from(root.querySelectorAll('[class*="sw-"]'))) {
    if (el.classList.contains(secret) || el.closest(`[data-sw="${secret}"]`)) continue;
    for (const c of Array.from(el.classList)) if (c.startsWith('sw-')) el.classList.remove(c);
  }
}

function setLines(el: HTMLElement, line: number): void {
  el.dataset.line = String(line);
  for (const child of Array.from(el.querySelectorAll<HTMLElement>('[data-rel-line]'))) {
    child.dataset.line = String(line + Number(child.dataset.relLine ?? 0));
  }
}

export class BlockList {
  private live: LiveBlock[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly hydrate: (el: HTMLElement) => void,
    private readonly secret: string,
  ) {}

  /** Replaces the page's blocks with `blocks`; returns how many were built anew. */
  patch(blocks: RenderedBlock[], baseUri: string): number {
    const pool = new Map<string, LiveBlock[]>();
    for (const b of this.live) {
      const list = pool.get(b.html);
      if (list) list.push(b);
      else pool.set(b.html, [b]);
    }
    let built = 0;
    const next: LiveBlock[] = blocks.map((b) => {
      const reused = pool.get(b.html)?.shift();
      if (reused) {
        if (reused.line !== b.line) setLines(reused.el, b.line);
        reused.line = b.line;
        return reused;
      }
      built++;
      const el = document.createElement('div');
      el.className = 'sw-block';
      // Safe: non-raw blocks are markdown-it output (which escapes all text) and KaTeX output; raw blocks
      // are sanitised here before they reach the DOM.
      el.innerHTML = b.raw ? DOMPurify.sanitize(b.html, purifyConfig) : b.html;
      if (b.raw) {
        stripImitations(el, this.secret);
        resolveImages(el, baseUri);
      }
      setLines(el, b.line);
      this.hydrate(el);
      return { html: b.html, line: b.line, el };
    });
    // Reorder with as few moves as possible: walk the wanted order and insert only what is out of place.
    let cursor: ChildNode | null = this.root.firstChild;
    for (const b of next) {
      if (b.el === cursor) cursor = cursor.nextSibling;
      else this.root.insertBefore(b.el, cursor);
    }
    while (cursor) {
      const after: ChildNode | null = cursor.nextSibling;
      cursor.remove();
      cursor = after;
    }
    this.live = next;
    return built;
  }
}
