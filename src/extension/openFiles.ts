// Which files are open in an editor tab. A file's results and Problems entries belong to its editors:
// when its last tab closes (in any group) they go; a document VS Code still holds in memory after the
// tab closed does not keep them.
import * as vscode from 'vscode';
import { Disposable } from './dispose';

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return input.uri;
  if (input instanceof vscode.TabInputTextDiff) return input.modified;
  return undefined;
}

/** Whether any tab in any group shows this file. */
export function isOpenInTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => tabUri(t)?.toString() === key));
}

export class OpenFiles extends Disposable {
  private readonly closedEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly openedEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with a file whose last tab closed. */
  readonly onDidCloseLast = this.closedEmitter.event;
  /** Fires with a file that got a tab. */
  readonly onDidOpen = this.openedEmitter.event;

  constructor() {
    super();
    this.register(
      this.closedEmitter,
      this.openedEmitter,
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const t of e.opened) {
          const uri = tabUri(t);
          if (uri) this.openedEmitter.fire(uri);
        }
        const closed = new Map<string, vscode.Uri>();
        for (const t of e.closed) {
          const uri = tabUri(t);
          if (uri) closed.set(uri.toString(), uri);
        }
        for (const uri of closed.values()) if (!isOpenInTab(uri)) this.closedEmitter.fire(uri);
      }),
    );
  }
}
