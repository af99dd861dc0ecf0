// A DOM-free allow-list for raw HTML in the exported file (the webview uses DOMPurify, which needs a DOM).
// Nothing is passed through as written: each tag is rebuilt from a short list of harmless names and
// attributes, everything else is shown as text, so no script, handler or `javascript:` URL can survive.
import { escapeHtml } from './resultsHtml';

const plainTags = new Set([
  'b',
  'i',
  'em',
  'strong',
  'u',
  's',
  'sub',
  'sup',
  'br',
  'hr',
  'kbd',
  'code',
  'pre',
  'mark',
  'small',
  'p',
  'div',
  'span',
  'center',
  'details',
  'summary',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dl',
  'dt',
  'dd',
  'a',
  'img',
]);
const attrsOf: Record<string, string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  td: ['colspan', 'rowspan', 'align'],
  th: ['colspan', 'rowspan', 'align'],
  p: ['align'],
  div: ['align'],
};
const safeUrl = /^(?:https?:|mailto:|#|\.{0,2}\/|[\w\-.%~]+(?:[/?#]|$))/i;
const imageData = /^data:image\/(?:png|gif|jpe?g|webp);base64,[A-Za-z0-9+/=]+$/i;

function rebuildTag(tag: string, resolve: (src: string) => string): string {
  const m = /^<(\/?)([A-Za-z][A-Za-z0-9]*)([^>]*?)(\/?)>$/s.exec(tag);
  if (!m) return tag.startsWith('<!--') ? '' : escapeHtml(tag);
  const [, closing, rawName, rest, selfClose] = m;
  const name = (rawName ?? '').toLowerCase();
  if (!plainTags.has(name)) return escapeHtml(tag);
  if (closing) return `</${name}>`;
  const allowed = attrsOf[name] ?? [];
  const attrs: string[] = [];
  const attrRe = /([A-Za-z_:][-A-Za-z0-9_:.]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (let a = attrRe.exec(rest ?? ''); a; a = attrRe.exec(rest ?? '')) {
    const attr = (a[1] ?? '').toLowerCase();
    const value = (a[2] ?? a[3] ?? a[4] ?? '').replace(/&#0*58;|&colon;/gi, ':').trim();
    if (!allowed.includes(attr)) continue;
    if (attr === 'href' && !safeUrl.test(value)) continue;
    if (attr === 'src' && !(safeUrl.test(value) || imageData.test(value))) continue;
    if (
      (attr === 'width' || attr === 'height' || attr === 'colspan' || attr === 'rowspan') &&
      !/^\d{1,5}%?$/.test(value)
    )
      continue;
    const shown = attr === 'src' ? resolve(value) : value;
    attrs.push(` ${attr}="${escapeHtml(shown)}"`);
  }
  return `<${name}${attrs.join('')}${selfClose ? ' /' : ''}>`;
}

/** Raw HTML from a document, reduced to an allow-list of tags and attributes; text stays text. */
export function sanitizeHtmlFragment(html: string, resolve: (src: string) => string = (s) => s): string {
  let out = '';
  let at = 0;
  // Comments first (they may contain `>`), then tags.
  const tagRe = /<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>/g;
  for (let m = tagRe.exec(html); m; m = tagRe.exec(html)) {
    out += html.slice(at, m.index).replace(/</g, '&lt;').replace(/>/g, '&gt;');
    out += rebuildTag(m[0], resolve);
    at = m.index + m[0].length;
  }
  out += html.slice(at).replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return out;
}
