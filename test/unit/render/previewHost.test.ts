// The host's pure parts: the page with its CSP, message guards on both sides, the export's embedding.
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { inlineKatexCss } from '../../../src/extension/preview/exportHtml';
import { embedImages } from '../../../src/extension/preview/exportImages';
import { makeNonce, previewCsp, previewHtml } from '../../../src/extension/preview/html';
import { isWebviewMessage } from '../../../src/extension/preview/messages';
import type { PreviewDocument } from '../../../src/protocol/preview';
import { isHostMessage } from '../../../webview/guards';

const root = path.resolve(__dirname, '../../..');
const doc: PreviewDocument = {
  uri: 'file:///hw.md',
  version: 3,
  text: '"><script>alert(1)</script>',
  baseUri: 'https://res/hw/',
  config: { macros: {} },
  results: { derivations: [], experiments: [], running: [] },
};

describe('preview host page', () => {
  it('uses a fresh nonce and a strict CSP: no default source, scripts only by nonce', () => {
    const a = makeNonce();
    assert.match(a, /^[A-Za-z0-9]{32}$/);
    assert.notEqual(a, makeNonce());
    const csp = previewCsp('https://res', a, 'https://res/hw');
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, new RegExp(`script-src 'nonce-${a}'$`));
    assert.match(csp, /img-src https:\/\/res https:\/\/res\/hw https: data:/);
    assert.match(csp, /font-src https:\/\/res;/);
  });

  it('carries the document in an escaped <meta>, never as markup or script', () => {
    const html = previewHtml({
      cspSource: 'https://res',
      nonce: 'N',
      scriptUri: 's.js',
      styleUri: 's.css',
      katexStyleUri: 'k.css',
      state: doc,
    });
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<script nonce="N" src="s\.js"><\/script>/);
    const meta = /<meta name="stepwise-state" content="([^"]*)">/.exec(html)?.[1] ?? '';
    const decoded = meta
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    assert.deepEqual(JSON.parse(decoded), doc);
  });
});

describe('preview message guards', () => {
  it('accepts the webview’s messages and rejects malformed ones', () => {
    assert.ok(isWebviewMessage({ type: 'reveal', line: 3 }));
    assert.ok(
      isWebviewMessage({
        type: 'problems',
        uri: 'u',
        version: 1,
        problems: [{ line: 1, column: 2, message: 'm' }],
      }),
    );
    for (const bad of [
      null,
      'reveal',
      { type: 'reveal' },
      { type: 'reveal', line: -1 },
      { type: 'verify', line: '3' },
      { type: 'run', line: NaN },
      { type: 'exec', cmd: 'rm' },
      { type: 'problems', uri: 'u', version: 1, problems: [{ line: 1 }] },
    ]) {
      assert.equal(isWebviewMessage(bad), false, JSON.stringify(bad));
    }
  });

  it('accepts the host’s messages and rejects malformed ones', () => {
    assert.ok(isHostMessage({ type: 'render', ...doc }));
    assert.ok(isHostMessage({ type: 'scrollTo', line: 4.5 }));
    assert.ok(isHostMessage({ type: 'results', uri: 'u', version: 1, results: doc.results }));
    for (const bad of [
      { type: 'render', ...doc, text: 3 },
      { type: 'render', ...doc, config: { macros: { a: 1 } } },
      {
        type: 'results',
        uri: 'u',
        version: 1,
        results: { derivations: [{ line: 1, steps: [{ index: 1 }] }], experiments: [], running: [] },
      },
      { type: 'scrollTo', line: 'x' },
      { type: 'eval', code: '1' },
    ]) {
      assert.equal(isHostMessage(bad), false, JSON.stringify(bad).slice(0, 80));
    }
  });
});

describe('HTML export assets', () => {
  it('embeds every KaTeX font as a woff2 data URL and leaves no relative font URL', () => {
    const css = inlineKatexCss(path.join(root, 'media'));
    assert.doesNotMatch(css, /url\(fonts\//);
    assert.ok((css.match(/data:font\/woff2;base64,/g) ?? []).length >= 19);
  });

  it('embeds local images as data URLs and leaves missing ones alone', () => {
    const base = pathToFileURL(path.join(root, 'test/webview/fixtures')).href + '/';
    const { html, warnings } = embedImages(
      `<img src="${base}pixel.png" alt="p"><img src="${base}missing.png">`,
      {
        root: path.join(root, 'test/webview/fixtures'),
        remoteImages: false,
      },
    );
    assert.match(html, /^<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="p">/);
    assert.doesNotMatch(html, /missing\.png"/);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /missing\.png/);
  });
});
