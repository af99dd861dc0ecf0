// `Stepwise: Export to HTML`: asks where, then writes one self-contained page (see exportHtml.ts).
import * as vscode from 'vscode';
import type { ResultsStore } from '../results';
import { buildExport } from './exportHtml';

export async function exportToHtml(
  extensionUri: vscode.Uri,
  results: ResultsStore,
  uri?: vscode.Uri,
): Promise<void> {
  const active = vscode.window.activeTextEditor?.document;
  const doc = uri
    ? await vscode.workspace.openTextDocument(uri)
    : active?.languageId === 'markdown'
      ? active
      : undefined;
  if (!doc) {
    void vscode.window.showInformationMessage('Stepwise: open a Markdown file to export it.');
    return;
  }
  const target = await vscode.window.showSaveDialog({
    defaultUri: doc.uri.with({ path: doc.uri.path.replace(/\.[^/.]*$/, '') + '.html' }),
    filters: { HTML: ['html'] },
  });
  if (!target) return;
  const config = vscode.workspace.getConfiguration('stepwise', doc.uri);
  const r = results.get(doc.uri);
  const current = r && r.version === doc.version ? r : undefined;
  const { html, warnings } = buildExport({
    text: doc.getText(),
    title: doc.uri.path.split('/').pop() ?? 'Homework',
    macros: config.get<Record<string, unknown>>('macros') ?? {},
    includeMarks: config.get<boolean>('export.includeMarks') ?? true,
    derivations: current ? [...current.derivations.values()] : [],
    experiments: current ? [...current.experiments.values()] : [],
    baseUri: vscode.Uri.joinPath(doc.uri, '..').toString() + '/',
    mediaDir: vscode.Uri.joinPath(extensionUri, 'media').fsPath,
    // Images are inlined only from inside the workspace folder (the document's folder when it has none).
    root: (vscode.workspace.getWorkspaceFolder(doc.uri)?.uri ?? vscode.Uri.joinPath(doc.uri, '..')).fsPath,
    remoteImages: config.get<boolean>('export.remoteImages') ?? false,
  });
  if (warnings.length > 0) {
    void vscode.window.showWarningMessage(
      `Stepwise: ${warnings.length} image${warnings.length === 1 ? '' : 's'} left out of the export: ${warnings.join('; ')}`,
    );
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
  const open = await vscode.window.showInformationMessage(
    `Exported ${target.path.split('/').pop()}`,
    'Open in Browser',
  );
  if (open) await vscode.env.openExternal(target);
}
