// The preview page. Pure string building (no `vscode` import) so the webview tests load exactly this page.
// A fresh nonce every time; the first document travels in a <meta> as escaped JSON, never in a script.
import { randomBytes } from 'node:crypto';
import type { PreviewDocument } from '../../protocol/preview';

export interface PreviewHtmlInput {
  /** `webview.cspSource`: where our own styles, fonts and images come from. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  katexStyleUri: string;
  /** The document's folder as a webview URI, so its local images may load. */
  documentFolderUri?: string;
  state: PreviewDocument;
}

export function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (const b of randomBytes(32)) out += chars[b % chars.length];
  return out;
}

export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The Content-Security-Policy of the preview. */
export function previewCsp(cspSource: string, nonce: string, documentFolderUri?: string): string {
  const images = [cspSource, documentFolderUri, 'https:', 'data:'].filter(Boolean).join(' ');
  return [
    "default-src 'none'",
    `img-src ${images}`,
    // Styles: our stylesheets come from cspSource. KaTeX positions every glyph with `style="…"` attributes
    // in the HTML it generates, and a CSP nonce cannot cover attributes, so 'unsafe-inline' is needed for
    // styles (scripts stay nonce-only). What it allows is harmless here: raw HTML from the document passes
    // DOMPurify (no scripts), and CSS cannot fetch anything outside img-src/font-src. @vscode-elements uses
    // constructable stylesheets and uPlot sets styles through the CSSOM, neither of which needs it.
    `style-src ${cspSource} 'unsafe-inline'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function previewHtml(input: PreviewHtmlInput): string {
  const csp = previewCsp(input.cspSource, input.nonce, input.documentFolderUri);
  const state = escapeAttr(JSON.stringify(input.state));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="stepwise-state" content="${state}">
<link rel="stylesheet" href="${escapeAttr(input.katexStyleUri)}">
<link rel="stylesheet" href="${escapeAttr(input.styleUri)}">
<title>Stepwise Preview</title>
</head>
<body>
<main id="sw-root" class="sw-root"></main>
<script nonce="${input.nonce}" src="${escapeAttr(input.scriptUri)}"></script>
</body>
</html>`;
}
