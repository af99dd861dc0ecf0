/// <reference lib="dom" />
// A fake VS Code host for the preview: the real page (src/extension/preview/html.ts) served over loopback
// HTTP, an `acquireVsCodeApi` shim that records what the webview posts, and helpers that post what the real
// host posts. One Chromium per suite.
import * as esbuild from 'esbuild';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../../support/chromium.cjs';
import { makeNonce, previewHtml } from '../../../src/extension/preview/html';
import type {
  HostMessage,
  PreviewDocument,
  PreviewResults,
  WebviewMessage,
} from '../../../src/protocol/preview';

export const root = path.resolve(__dirname, '../../..');
export const artifacts = path.join(root, 'test-artifacts/webview');

/** Builds the webview bundle exactly as scripts/build.mjs does, so this suite does not depend on other bundles. */
export async function buildWebview(): Promise<void> {
  const common = {
    bundle: true,
    platform: 'browser' as const,
    format: 'iife' as const,
    target: 'es2022',
    logLevel: 'warning' as const,
  };
  await esbuild.build({
    ...common,
    entryPoints: [path.join(root, 'webview/main.ts')],
    outfile: path.join(root, 'media/preview.js'),
  });
  await esbuild.build({
    ...common,
    entryPoints: [path.join(root, 'webview/preview.css')],
    outfile: path.join(root, 'media/preview.css'),
  });
}

const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.html': 'text/html',
};

export type Theme = 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast';

const themes: Record<Theme, Record<string, string>> = {
  'vscode-light': {
    'editor-background': '#ffffff',
    'editor-foreground': '#3b3b3b',
    'textLink-foreground': '#005fb8',
    'widget-border': '#e5e5e5',
    'badge-background': '#cccccc',
    'badge-foreground': '#3b3b3b',
    'button-background': '#005fb8',
    'button-foreground': '#ffffff',
    'button-secondaryBackground': '#e5e5e5',
    'button-secondaryForeground': '#3b3b3b',
    'button-secondaryHoverBackground': '#cccccc',
    'textCodeBlock-background': '#f3f3f3',
    'textBlockQuote-background': '#f8f8f8',
    'textBlockQuote-border': '#e5e5e5',
    'testing-iconPassed': '#388a34',
    'testing-iconFailed': '#e51400',
    'list-hoverBackground': '#f2f2f2',
  },
  'vscode-dark': {
    'editor-background': '#1f1f1f',
    'editor-foreground': '#cccccc',
    'textLink-foreground': '#4daafc',
    'widget-border': '#313131',
    'badge-background': '#616161',
    'badge-foreground': '#f8f8f8',
    'button-background': '#0078d4',
    'button-foreground': '#ffffff',
    'button-secondaryBackground': '#313131',
    'button-secondaryForeground': '#cccccc',
    'button-secondaryHoverBackground': '#3c3c3c',
    'textCodeBlock-background': '#2b2b2b',
    'textBlockQuote-background': '#2b2b2b',
    'textBlockQuote-border': '#616161',
    'testing-iconPassed': '#73c991',
    'testing-iconFailed': '#f14c4c',
    'list-hoverBackground': '#2a2d2e',
  },
  'vscode-high-contrast': {
    'editor-background': '#000000',
    'editor-foreground': '#ffffff',
    'textLink-foreground': '#21a6ff',
    'widget-border': '#6fc3df',
    contrastBorder: '#6fc3df',
    'badge-background': '#000000',
    'badge-foreground': '#ffffff',
    'button-background': '#000000',
    'button-foreground': '#ffffff',
    'button-secondaryBackground': '#000000',
    'button-secondaryForeground': '#ffffff',
    'textCodeBlock-background': '#000000',
    'testing-iconPassed': '#73c991',
    'testing-iconFailed': '#f48771',
  },
};

export class FakeHost {
  private server?: Server;
  private browser?: Browser;
  private port = 0;
  private pages = new Map<string, string>();
  private counter = 0;

  async start(): Promise<void> {
    mkdirSync(artifacts, { recursive: true });
    await buildWebview();
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const page = this.pages.get(url.pathname);
      if (page !== undefined) {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(page);
        return;
      }
      const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '');
      const file = path.join(root, rel);
      const allowed = ['media/', 'test/webview/fixtures/', 'test-artifacts/webview/'].some((p) =>
        rel.startsWith(p),
      );
      if (!allowed || file.includes('..')) {
        res.writeHead(404).end();
        return;
      }
      readFile(file).then(
        (data) => {
          res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
          res.end(data);
        },
        () => res.writeHead(404).end(),
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    this.browser = await chromium.launch(chromiumLaunchOptions());
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Serves an arbitrary HTML file (the export) and opens it. */
  async openHtml(html: string, width = 900): Promise<Page> {
    const name = `/export-${++this.counter}.html`;
    this.pages.set(name, html);
    const page = await (this.browser as Browser).newPage({ viewport: { width, height: 800 } });
    await page.goto(this.origin + name);
    return page;
  }

  /** Opens the preview page on a document, as the real host does, and waits for its first render. */
  async open(
    doc: Partial<PreviewDocument> & { text: string },
    theme: Theme = 'vscode-light',
    height = 800,
  ): Promise<Preview> {
    const state: PreviewDocument = {
      uri: 'file:///homework/hw.md',
      version: 1,
      baseUri: `${this.origin}/test/webview/fixtures/`,
      config: { macros: {} },
      results: { derivations: [], experiments: [], running: [] },
      ...doc,
    };
    const name = `/preview-${++this.counter}.html`;
    this.pages.set(
      name,
      previewHtml({
        cspSource: this.origin,
        nonce: makeNonce(),
        scriptUri: `${this.origin}/media/preview.js`,
        styleUri: `${this.origin}/media/preview.css`,
        katexStyleUri: `${this.origin}/media/katex/katex.min.css`,
        documentFolderUri: `${this.origin}/test/webview/fixtures/`,
        state,
      }),
    );
    const page = await (this.browser as Browser).newPage({ viewport: { width: 900, height } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().includes('404')) errors.push(m.text());
    });
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico'))
        errors.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    // A string, not a function: tsx would wrap a function's inner names in helpers the page does not have.
    await page.addInitScript(`
      window.__posted = [];
      window.__state = null;
      let acquired = false;
      window.acquireVsCodeApi = () => {
        if (acquired) throw new Error('acquireVsCodeApi called twice');
        acquired = true;
        return {
          postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
          getState: () => window.__state,
          setState: (s) => { window.__state = s; },
        };
      };
      // VS Code sets the theme class on <body> and the colours as CSS variables on <html>.
      document.addEventListener('DOMContentLoaded', () => {
        document.body.classList.add(${JSON.stringify(theme)});
        const vars = ${JSON.stringify(themes[theme])};
        for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty('--vscode-' + k, v);
        document.documentElement.style.setProperty('--vscode-font-family', 'system-ui, sans-serif');
        document.documentElement.style.setProperty('--vscode-editor-font-family', 'monospace');
      });
    `);
    await page.goto(this.origin + name);
    const preview = new Preview(page, errors, state);
    try {
      await preview.waitForVersion(state.version);
    } catch (e) {
      throw new Error(`preview did not render: ${String(e)}\npage errors: ${errors.join('\n')}`, {
        cause: e,
      });
    }
    return preview;
  }
}

export class Preview {
  constructor(
    readonly page: Page,
    readonly errors: string[],
    public doc: PreviewDocument,
  ) {}

  async post(message: HostMessage): Promise<void> {
    await this.page.evaluate((m) => window.postMessage(m, '*'), message);
  }

  /** Sends new text, as the host does after a debounced edit, and waits until it is on screen. */
  async edit(text: string, results?: PreviewResults): Promise<void> {
    this.doc = { ...this.doc, text, version: this.doc.version + 1, results: results ?? this.doc.results };
    await this.post({ type: 'render', ...this.doc });
    await this.waitForVersion(this.doc.version);
  }

  async results(results: PreviewResults): Promise<void> {
    this.doc = { ...this.doc, results };
    const before = await this.page.evaluate(() => Number(document.body.dataset.renders ?? 0));
    await this.post({ type: 'results', uri: this.doc.uri, version: this.doc.version, results });
    await this.page.waitForFunction((n) => Number(document.body.dataset.renders ?? 0) > n, before, {
      timeout: 8000,
    });
  }

  async waitForVersion(version: number): Promise<void> {
    await this.page.waitForFunction((v) => document.body.dataset.version === String(v), version, {
      timeout: 8000,
    });
  }

  async posted(): Promise<WebviewMessage[]> {
    return this.page.evaluate(() => (window as unknown as { __posted: WebviewMessage[] }).__posted);
  }

  async clearPosted(): Promise<void> {
    await this.page.evaluate(() => ((window as unknown as { __posted: unknown[] }).__posted = []));
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: false });
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
