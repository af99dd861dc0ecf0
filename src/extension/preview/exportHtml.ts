// The exported page: the same renderer as the preview, raw HTML reduced to an allow-list, KaTeX's CSS
// inlined with its fonts as data URLs, and no script at all, so it opens anywhere and prints with its math.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DerivationResult, ExperimentResult } from '../../core';
import { DocumentRenderer } from '../../render/document';
import { normalizeMacros } from '../../render/katexRender';
import { escapeAttr } from './html';
import { embedImages } from './exportImages';

export interface ExportInput {
  text: string;
  title: string;
  macros: Record<string, unknown>;
  includeMarks: boolean;
  derivations: DerivationResult[];
  experiments: ExperimentResult[];
  /** Where relative image paths point (the document's folder as a file: URL, ending in `/`). */
  baseUri: string;
  /** The extension's `media/` folder: KaTeX CSS and fonts, the preview CSS. */
  mediaDir: string;
  /** The folder local images must be inside; default: the folder of `baseUri`. */
  root?: string;
  /** `stepwise.export.remoteImages`: keep remote images (default off). */
  remoteImages?: boolean;
}

export interface ExportOutput {
  html: string;
  /** One line per image left out (outside the workspace, remote, a network path…). */
  warnings: string[];
}

/** KaTeX's stylesheet with every font it names embedded (woff2 only: every current browser reads it). */
export function inlineKatexCss(mediaDir: string): string {
  const dir = path.join(mediaDir, 'katex');
  const css = readFileSync(path.join(dir, 'katex.min.css'), 'utf8');
  const fonts = new Map<string, string>();
  const dataUrl = (file: string): string => {
    let url = fonts.get(file);
    if (!url) {
      url = `data:font/woff2;base64,${readFileSync(path.join(dir, 'fonts', file)).toString('base64')}`;
      fonts.set(file, url);
    }
    return url;
  };
  // Each @font-face lists woff2, woff and ttf; keep the woff2 source only, embedded.
  return css.replace(/src:([^;}]*)/g, (whole, sources: string) => {
    const woff2 = /url\(fonts\/([^)]+\.woff2)\)/.exec(sources)?.[1];
    return woff2 ? `src:url(${dataUrl(woff2)}) format("woff2")` : whole;
  });
}

/** The page as a string (tests, callers that report no warnings). */
export function buildExportHtml(input: ExportInput): string {
  return buildExport(input).html;
}

/** The one export, for the editor's Export command and `stepwise export` alike. */
export function buildExport(input: ExportInput): ExportOutput {
  const renderer = new DocumentRenderer();
  const out = renderer.render(input.text, {
    macros: normalizeMacros(input.macros),
    derivations: input.includeMarks ? input.derivations : [],
    experiments: input.includeMarks ? input.experiments : [],
    marks: input.includeMarks,
    interactive: false,
    baseUri: input.baseUri,
    sanitizeRaw: true,
  });
  const previewCss = readFileSync(path.join(input.mediaDir, 'preview.css'), 'utf8');
  const remoteImages = input.remoteImages ?? false;
  const root = input.root ?? (input.baseUri.startsWith('file:') ? fileURLToPath(input.baseUri) : '');
  const images = embedImages(out.blocks.map((b) => `<div class="sw-block">${b.html}</div>`).join('\n'), {
    root,
    remoteImages,
  });
  const body = images.html;
  // Local images are inlined, so the page never reads a file; remote ones only when the setting says so.
  const csp = `default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:${remoteImages ? ' https:' : ''}`;
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeAttr(input.title)}</title>
<style>${inlineKatexCss(input.mediaDir)}</style>
<style>${previewCss}</style>
<style>.sw-math-block{cursor:auto}.sw-math-block:hover{background:none}details.sw-cex{break-inside:avoid}</style>
</head>
<body class="vscode-light sw-export">
<main id="sw-root">
${body}
</main>
</body>
</html>
`;
  return { html, warnings: images.warnings };
}
