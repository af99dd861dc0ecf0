// Which images an exported page may show, decided once for the editor's Export and `stepwise export`: the
// page is shared, so it must carry no file the author did not mean to share and make no request on opening.
// A local image is inlined only when it is a regular file inside the workspace folder (after resolving
// symlinks and `..`); remote images only when the setting allows; anything else (a file outside, a network
// path such as `//host/x.png`, an absolute path, another scheme) is dropped, with a warning naming it.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeHtml } from '../../render/resultsHtml';

export interface ImagePolicy {
  /** The folder local images must be inside (the workspace folder, or the document's folder). */
  root: string;
  /** Keep `https:`/`http:` images as links the browser fetches (off by default: opening makes no request). */
  remoteImages: boolean;
}

const imageTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};
const maxImageBytes = 8 * 1024 * 1024;
const safeData = /^data:image\/(?:png|gif|jpe?g|webp);base64,[A-Za-z0-9+/=]+$/i;

/** `file` (already absolute) as a real path inside `root`, or a reason why not. */
function insideRoot(file: string, root: string): { real: string } | { why: string } {
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(file);
    realRoot = realpathSync(root);
  } catch {
    return { why: 'not found' };
  }
  const rel = path.relative(realRoot, real);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel))
    return { why: 'outside the workspace folder' };
  if (!statSync(real).isFile()) return { why: 'not a regular file' };
  return { real };
}

/** The data URL for a local image `src` (a `file:` URL), or why it is not inlined. */
function inlineLocal(src: string, policy: ImagePolicy): { url: string } | { why: string } {
  let file: string;
  try {
    const url = new URL(src);
    // `file://host/share/x.png` is a network path: never read.
    if (url.protocol !== 'file:' || (url.hostname !== '' && url.hostname !== 'localhost'))
      return { why: 'a network path' };
    file = fileURLToPath(url);
  } catch {
    return { why: 'not a valid path' };
  }
  const type = imageTypes[path.extname(file).toLowerCase()];
  if (!type) return { why: 'not an image type the page can show' };
  const inside = insideRoot(file, policy.root);
  if ('why' in inside) return inside;
  if (statSync(inside.real).size > maxImageBytes) return { why: 'larger than 8 MB' };
  return { url: `data:${type};base64,${readFileSync(inside.real).toString('base64')}` };
}

/** What becomes of one image source in the export: a data URL, a kept remote URL, or dropped. */
function decide(src: string, policy: ImagePolicy): { keep: string } | { why: string } {
  if (safeData.test(src)) return { keep: src };
  if (/^https?:\/\/[^/\\]/i.test(src))
    return policy.remoteImages ? { keep: src } : { why: 'remote (stepwise.export.remoteImages is off)' };
  if (/^file:/i.test(src)) {
    const r = inlineLocal(src, policy);
    return 'url' in r ? { keep: r.url } : r;
  }
  // `//host/x`, `/\host/x`, `\\host\x` (network paths), `/abs/x`, other schemes: never requested.
  return { why: 'not a file of the workspace or a remote image' };
}

const unescapeAttr = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Rewrites every `<img>` of exported HTML by the policy; returns the HTML and one warning per dropped image. */
export function embedImages(html: string, policy: ImagePolicy): { html: string; warnings: string[] } {
  const warnings: string[] = [];
  const out = html.replace(/<img\b[^>]*>/gi, (tag) => {
    const src = unescapeAttr(/\ssrc="([^"]*)"/i.exec(tag)?.[1] ?? '');
    const alt = unescapeAttr(/\salt="([^"]*)"/i.exec(tag)?.[1] ?? '');
    const d = decide(src, policy);
    if ('keep' in d) return tag.replace(/\ssrc="[^"]*"/i, ` src="${escapeHtml(d.keep)}"`);
    warnings.push(`image '${src}' left out: ${d.why}`);
    return `<span class="sw-img-dropped" title="${escapeHtml(d.why)}">[${escapeHtml(alt || 'image')}]</span>`;
  });
  return { html: out, warnings };
}
