// The preview's entry point for the extension: commands, the panel serializer and the HTML export.
import * as vscode from 'vscode';
import type { ResultsStore } from '../results';
import { PreviewManager, previewViewType } from './manager';

/** Registers `stepwise.openPreviewToSide`, `stepwise.exportHtml` and the `stepwise.preview` serializer. */
export function registerPreview(context: vscode.ExtensionContext, deps: { results: ResultsStore }): void {
  const manager = new PreviewManager(context.extensionUri, deps.results);
  context.subscriptions.push(
    manager,
    vscode.window.registerWebviewPanelSerializer(previewViewType, manager),
    vscode.commands.registerCommand('stepwise.openPreviewToSide', (uri?: vscode.Uri) =>
      manager.show(uri instanceof vscode.Uri ? uri : undefined),
    ),
    vscode.commands.registerCommand('stepwise.exportHtml', async (uri?: vscode.Uri) => {
      // The renderer (markdown-it, KaTeX) loads only when someone exports: the host side stays light.
      const { exportToHtml } = await import('./export');
      const target = uri instanceof vscode.Uri ? uri : manager.currentDocument?.uri;
      await exportToHtml(context.extensionUri, deps.results, target);
    }),
  );
}
