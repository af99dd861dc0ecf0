// The base of the extension host's long-lived objects: what an object registers (listeners, emitters,
// child objects) is disposed with it, in reverse order, once.
import type * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  /** Takes ownership of `items`; an object already disposed disposes them at once. */
  protected register<T extends vscode.Disposable[]>(...items: T): T {
    if (this.disposed) items.forEach((d) => d.dispose());
    else this.owned.push(...items);
    return items;
  }

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.owned.splice(0).reverse()) d.dispose();
  }
}
