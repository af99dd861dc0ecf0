// The preview app. It renders what the host sends (document text, settings, results) with the shared
// renderer, patches the page block by block, and reports clicks, scrolling and KaTeX errors back. It knows
// nothing of VS Code beyond `acquireVsCodeApi` and the message types.
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type {
  PreviewDocument,
  PreviewPersistedState,
  PreviewResults,
  WebviewMessage,
} from '../src/protocol/preview';
import { DocumentRenderer } from '../src/render/document';
import { normalizeMacros } from '../src/render/katexRender';
import { isHostMessage, isPreviewDocument } from './guards';
import { BlockList } from './patch';
import { hydratePlots } from './plots';
import { lineAtTop, scrollToLine } from './scroll';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PreviewPersistedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('sw-root') ?? document.body;
const renderer = new DocumentRenderer();
/** Unknown to the document: marks and result blocks carry it so raw HTML cannot pass for them. */
const secret = 'swk' + Array.from(crypto.getRandomValues(new Uint32Array(3)), (n) => n.toString(36)).join('');
const blocks = new BlockList(root, hydratePlots, secret);
let current: PreviewDocument | undefined;
let pending: PreviewDocument | undefined;
let frame = 0;
let lastProblems = '';
/** Where our own scrolling (restoring a position, following the editor) left the view: not echoed to the host. */
let ownScrollY = -1;

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

function scrollQuietly(line: number): void {
  scrollToLine(root, line);
  ownScrollY = window.scrollY;
}

/** The first block at least partly in view and where it sits, to put it back after a patch. */
function viewAnchor(): { el: Element; top: number } | undefined {
  for (const el of Array.from(root.children)) {
    const r = el.getBoundingClientRect();
    if (r.bottom > 0) return { el, top: r.top };
  }
  return undefined;
}

function render(doc: PreviewDocument): void {
  const sameDoc = current?.uri === doc.uri;
  const anchor = sameDoc ? viewAnchor() : undefined;
  const line = sameDoc ? lineAtTop(root) : doc.line;
  const out = renderer.render(doc.text, {
    macros: normalizeMacros(doc.config.macros),
    derivations: doc.results.derivations,
    experiments: doc.results.experiments,
    running: doc.results.running,
    marks: true,
    interactive: true,
    baseUri: doc.baseUri,
    sanitizeRaw: false,
    secret,
  });
  const built = blocks.patch(out.blocks, doc.baseUri);
  current = doc;
  // Keep the view still: the block that was at the top stays at the same height on screen if it survived,
  // otherwise the same source line goes back to the top.
  if (anchor && anchor.el.isConnected) {
    const delta = anchor.el.getBoundingClientRect().top - anchor.top;
    if (Math.abs(delta) >= 1) {
      window.scrollBy(0, delta);
      ownScrollY = window.scrollY;
    }
  } else if (line !== undefined) scrollQuietly(line);
  const problems = JSON.stringify(out.problems);
  if (problems !== lastProblems || !sameDoc) {
    lastProblems = problems;
    post({ type: 'problems', uri: doc.uri, version: doc.version, problems: out.problems });
  }
  document.body.dataset.version = String(doc.version);
  document.body.dataset.renders = String(Number(document.body.dataset.renders ?? 0) + 1);
  document.body.dataset.built = String(built);
  document.body.dataset.katexCalls = String(out.katexCalls);
  vscode.setState({ uri: doc.uri, line: lineAtTop(root) });
}

/** Renders at most once a frame, always the newest document. */
function schedule(doc: PreviewDocument): void {
  pending = doc;
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    const next = pending;
    pending = undefined;
    if (next) render(next);
  });
}

function withResults(uri: string, version: number, results: PreviewResults): void {
  const base = pending ?? current;
  // Results for a newer text than shown arrive again with that text's render message.
  if (!base || base.uri !== uri || base.version !== version) return;
  schedule({ ...base, results });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (!isHostMessage(msg)) return; // anything unexpected is ignored, never half-used
  switch (msg.type) {
    case 'render': {
      const { type: _type, ...doc } = msg;
      schedule(doc);
      break;
    }
    case 'results':
      withResults(msg.uri, msg.version, msg.results);
      break;
    case 'scrollTo':
      scrollQuietly(msg.line);
      break;
  }
});

/** The 0-based opening line of the block an element belongs to. */
function blockLine(el: Element): number | undefined {
  const block = el.closest<HTMLElement>('.sw-math-block, .sw-experiment, [data-line]');
  const line = Number(block?.dataset.line);
  return Number.isFinite(line) ? line : undefined;
}

function openCounterexample(mark: Element): void {
  const step = /\bsw-step-(\d+)\b/.exec(mark.getAttribute('class') ?? '')?.[1];
  const block = mark.closest('.sw-math-block, .sw-block');
  const details = block?.querySelector<HTMLDetailsElement>(`details.sw-cex[data-step="${step}"]`);
  if (!details) return;
  details.open = true;
  details.classList.add('sw-flash');
  setTimeout(() => details.classList.remove('sw-flash'), 900);
  details.scrollIntoView({ block: 'nearest' });
}

/** A refuted mark under the pointer even when KaTeX's layout spans lie on top of it (as in `aligned`);
 *  the area above the relation, where the ✗ is drawn, counts too. */
function markAt(target: Element, x: number, y: number): Element | null {
  const block = target.closest('.sw-math-block');
  if (!block) return null;
  for (const mark of Array.from(block.querySelectorAll('.sw-step.sw-bad'))) {
    const r = mark.getBoundingClientRect();
    if (x >= r.left - 2 && x <= r.right + 2 && y >= r.top - 14 && y <= r.bottom + 2) return mark;
  }
  return null;
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  const action = target.closest<HTMLElement>('vscode-button[data-action]');
  if (action && action.closest(`[data-sw="${secret}"]`)) {
    const line = blockLine(action);
    if (line !== undefined) post({ type: action.dataset.action === 'run' ? 'run' : 'verify', line });
    event.preventDefault();
    return;
  }
  // A ✓ mark of the row above may overlap the ✗ drawn above a relation: a refuted mark under the pointer wins.
  const hit = target.closest('.sw-step');
  const mark = hit?.classList.contains('sw-bad')
    ? hit
    : (markAt(target, event.clientX, event.clientY) ?? hit);
  if (mark) {
    if (mark.classList.contains('sw-bad')) openCounterexample(mark);
    event.preventDefault();
    return;
  }
  const link = target.closest('a[href]');
  if (link) {
    const href = link.getAttribute('href') ?? '';
    event.preventDefault();
    if (href.startsWith('#')) document.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
    else post({ type: 'openLink', href });
    return;
  }
  if (target.closest('summary, details, vscode-button')) return;
  const block = target.closest('.sw-math-block, .sw-experiment');
  if (block) {
    const line = blockLine(block);
    if (line !== undefined) post({ type: 'reveal', line });
  }
});

// Double-click anywhere else shows that place in the editor, as in VS Code's own preview.
document.addEventListener('dblclick', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target || target.closest('.sw-math-block, .sw-experiment, a, vscode-button')) return;
  const line = blockLine(target);
  if (line !== undefined) post({ type: 'reveal', line });
});

let scrollFrame = 0;
window.addEventListener('scroll', () => {
  if (scrollFrame) return;
  scrollFrame = requestAnimationFrame(() => {
    scrollFrame = 0;
    if (!current || Math.abs(window.scrollY - ownScrollY) < 1) return;
    ownScrollY = -1;
    const line = lineAtTop(root);
    vscode.setState({ uri: current.uri, line });
    post({ type: 'scrolled', line });
  });
});

// The first document comes in a <meta> (escaped JSON) so the page renders without waiting for a message.
const meta = document.querySelector('meta[name="stepwise-state"]');
try {
  const initial: unknown = JSON.parse(meta?.getAttribute('content') ?? 'null');
  if (isPreviewDocument(initial)) schedule(initial);
} catch {
  // No usable initial state: wait for the host's first message.
}
post({ type: 'ready' });
