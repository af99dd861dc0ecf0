// Workspace Trust as the extension sees it. Experiments execute a homework's code, so they run only in a
// trusted workspace; derivations are pure computation and are verified in Restricted Mode too.
import * as vscode from 'vscode';

export const RESTRICTED_REASON = 'Restricted Mode: experiments run only in a trusted workspace';
/** The Run lens in Restricted Mode: it says why nothing will run. */
export const RESTRICTED_LENS =
  '▶ Run — blocked in Restricted Mode (experiments run only in trusted workspaces)';

export class Trust implements vscode.Disposable {
  /** Set by the integration tests: the test host runs trusted, and VS Code offers no API to revoke trust. */
  private simulatedRestricted = false;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly grant = vscode.workspace.onDidGrantWorkspaceTrust(() => this.emitter.fire());

  get canRunExperiments(): boolean {
    return vscode.workspace.isTrusted && !this.simulatedRestricted;
  }

  simulateRestrictedMode(on: boolean): void {
    this.simulatedRestricted = on;
    this.emitter.fire();
  }

  dispose(): void {
    this.grant.dispose();
    this.emitter.dispose();
  }
}
