// The preview panel: one panel beside the editor that follows the active Markdown document, re-posts its text
// while typing (debounced), its results when they change, and syncs scrolling both ways. The page itself
// is rebuilt (fresh nonce, fresh CSP) only when the panel changes document; edits travel as messages.
import * as vscode from 'vscode';
import type { HostMessage, PreviewDocument, PreviewResults, WebviewMessage } from '../../protocol/preview';
import type { ResultsStore } from '../results';
import { makeNonce, previewHtml } from './html';
import { isWebviewMessage } from './messages';

export const previewViewType = 'stepwise.preview';
const debounceMs = 150;

function isMarkdown(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown';
}

export class PreviewManager implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('stepwise-preview');
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Until then, editor scrolling is our own echo of the preview's and is not sent back. */
  private editorQuietUntil = 0;
  private previewQuietUntil = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly results: ResultsStore,
  ) {
    this.disposables.push(
      this.diagnostics,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.scheduleRender();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && isMarkdown(editor.document) && editor.document !== this.document) {
          this.setDocument(editor.document);
        }
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onEditorScrolled(e)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('stepwise.macros')) this.scheduleRender();
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.diagnostics.delete(doc.uri)),
      results.onDidChange((uri) => {
        if (this.document && uri.toString() === this.document.uri.toString()) this.postResults();
      }),
    );
  }

  /** Opens (or focuses) the preview beside the editor, on `uri` or the active Markdown document. */
  async show(uri?: vscode.Uri): Promise<void> {
    const doc = uri
      ? await vscode.workspace.openTextDocument(uri)
      : vscode.window.activeTextEditor && isMarkdown(vscode.window.activeTextEditor.document)
        ? vscode.window.activeTextEditor.document
        : undefined;
    if (!doc) {
      void vscode.window.showInformationMessage('Stepwise: open a Markdown file to preview it.');
      return;
    }
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(
        previewViewType,
        'Stepwise Preview',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        this.webviewOptions(doc),
      );
      this.attach(panel);
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.setDocument(doc);
  }

  /** The document the preview shows, for the export command. */
  get currentDocument(): vscode.TextDocument | undefined {
    return this.document;
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const uri =
      typeof state === 'object' && state !== null && typeof (state as { uri?: unknown }).uri === 'string'
        ? vscode.Uri.parse((state as { uri: string }).uri)
        : undefined;
    this.panel?.dispose();
    this.attach(panel);
    try {
      const doc = uri
        ? await vscode.workspace.openTextDocument(uri)
        : vscode.window.activeTextEditor?.document;
      if (doc && isMarkdown(doc)) {
        const line = (state as { line?: unknown }).line;
        this.setDocument(doc, typeof line === 'number' ? line : undefined);
        return;
      }
    } catch {
      // The file is gone: fall through to an empty panel.
    }
    panel.webview.html =
      '<!DOCTYPE html><html><body><p>The previewed file is no longer available.</p></body></html>';
  }

  private webviewOptions(doc: vscode.TextDocument): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    const roots = [
      vscode.Uri.joinPath(this.extensionUri, 'media'),
      ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri),
    ];
    // A file outside every workspace folder may still show its own images.
    if (!vscode.workspace.getWorkspaceFolder(doc.uri) && doc.uri.scheme === 'file') {
      roots.push(vscode.Uri.joinPath(doc.uri, '..'));
    }
    return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: roots };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
    const subscriptions: vscode.Disposable[] = [
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isWebviewMessage(m)) void this.onMessage(m);
      }),
    ];
    subscriptions.push(
      panel.onDidDispose(() => {
        subscriptions.forEach((d) => d.dispose());
        // A restored panel may replace this one before its dispose event arrives.
        if (this.panel !== panel) return;
        this.panel = undefined;
        this.document = undefined;
        this.diagnostics.clear();
      }),
    );
  }

  private state(doc: vscode.TextDocument, webview: vscode.Webview, line?: number): PreviewDocument {
    const macros =
      vscode.workspace.getConfiguration('stepwise', doc.uri).get<Record<string, string>>('macros') ?? {};
    return {
      uri: doc.uri.toString(),
      version: doc.version,
      text: doc.getText(),
      baseUri: webview.asWebviewUri(vscode.Uri.joinPath(doc.uri, '..')).toString() + '/',
      config: { macros: typeof macros === 'object' && macros !== null ? macros : {} },
      results: this.resultsOf(doc),
      // Where the editor is, for a page that renders this document for the first time.
      line:
        line ??
        vscode.window.visibleTextEditors.find((e) => e.document === doc)?.visibleRanges[0]?.start.line,
    };
  }

  private resultsOf(doc: vscode.TextDocument): PreviewResults {
    const r = this.results.get(doc.uri);
    // Results of an older version point at old lines: better none than marks on the wrong steps.
    if (!r || r.version !== doc.version) return { derivations: [], experiments: [], running: [] };
    return {
      derivations: [...r.derivations.values()],
      experiments: [...r.experiments.values()],
      running: [...r.running],
    };
  }

  /** A new page for a new document: fresh nonce and CSP, the document in its <meta>. */
  private setDocument(doc: vscode.TextDocument, line?: number): void {
    const panel = this.panel;
    if (!panel) return;
    this.document = doc;
    panel.title = `Preview ${doc.uri.path.split('/').pop() ?? ''}`;
    panel.webview.options = this.webviewOptions(doc);
    const webview = panel.webview;
    const media = (...p: string[]): string =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', ...p)).toString();
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: media('preview.js'),
      styleUri: media('preview.css'),
      katexStyleUri: media('katex', 'katex.min.css'),
      documentFolderUri: webview.asWebviewUri(vscode.Uri.joinPath(doc.uri, '..')).toString(),
      state: this.state(doc, webview, line),
    });
  }

  private post(message: HostMessage): void {
    void this.panel?.webview.postMessage(message);
  }

  private scheduleRender(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const doc = this.document;
      if (this.panel && doc) this.post({ type: 'render', ...this.state(doc, this.panel.webview) });
    }, debounceMs);
  }

  private postResults(): void {
    const doc = this.document;
    if (doc)
      this.post({
        type: 'results',
        uri: doc.uri.toString(),
        version: doc.version,
        results: this.resultsOf(doc),
      });
  }

  private onEditorScrolled(e: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (!this.panel || e.textEditor.document !== this.document || Date.now() < this.editorQuietUntil) return;
    const first = e.visibleRanges[0];
    if (!first) return;
    this.previewQuietUntil = Date.now() + 300;
    this.post({ type: 'scrollTo', line: first.start.line });
  }

  private async onMessage(m: WebviewMessage): Promise<void> {
    const doc = this.document;
    if (!doc) return;
    switch (m.type) {
      case 'ready':
        // The page was (re)loaded, e.g. shown again after being hidden: its <meta> may hold older text.
        if (this.panel) this.post({ type: 'render', ...this.state(doc, this.panel.webview) });
        return;
      case 'reveal': {
        const line = Math.min(Math.floor(m.line), doc.lineCount - 1);
        const column =
          vscode.window.visibleTextEditors.find((e) => e.document === doc)?.viewColumn ??
          vscode.ViewColumn.One;
        const pos = new vscode.Position(line, 0);
        await vscode.window.showTextDocument(doc, {
          viewColumn: column,
          selection: new vscode.Range(pos, pos),
        });
        return;
      }
      case 'scrolled': {
        if (Date.now() < this.previewQuietUntil) return;
        const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
        if (!editor) return;
        this.editorQuietUntil = Date.now() + 300;
        const line = Math.min(Math.floor(m.line), doc.lineCount - 1);
        editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
        return;
      }
      case 'verify':
        await vscode.commands.executeCommand('stepwise.verifyDerivation', doc.uri, Math.floor(m.line));
        return;
      case 'run':
        await vscode.commands.executeCommand('stepwise.runExperiment', doc.uri, Math.floor(m.line));
        return;
      case 'problems': {
        if (m.uri !== doc.uri.toString()) return;
        this.diagnostics.set(
          doc.uri,
          m.problems.map((p) => {
            const line = Math.min(p.line, doc.lineCount - 1);
            const range = new vscode.Range(line, p.column, line, doc.lineAt(line).text.length);
            const d = new vscode.Diagnostic(range, `KaTeX: ${p.message}`, vscode.DiagnosticSeverity.Error);
            d.source = 'stepwise-preview';
            return d;
          }),
        );
        return;
      }
      case 'openLink':
        await this.openLink(doc, m.href);
        return;
    }
  }

  /** Web links open in the browser; relative links open the file they name, inside the workspace only. */
  private async openLink(doc: vscode.TextDocument, href: string): Promise<void> {
    if (/^(https?|mailto):/i.test(href)) {
      await vscode.env.openExternal(vscode.Uri.parse(href));
      return;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return; // other schemes (command:, file:, …) are not followed
    const target = vscode.Uri.joinPath(doc.uri, '..', decodeURIComponent(href.split('#')[0] ?? ''));
    if (vscode.workspace.getWorkspaceFolder(target))
      await vscode.window.showTextDocument(target, { preview: true });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
