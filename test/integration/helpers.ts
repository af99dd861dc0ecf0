// Shared helpers of the integration suite: the extension's API, fixtures, lenses, polling and settings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StepwiseApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'stepwise.stepwise';

export async function api(): Promise<StepwiseApi> {
  const ext = vscode.extensions.getExtension<StepwiseApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this host`);
  return ext.isActive ? ext.exports : ext.activate();
}

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is not open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a fixture file in an editor (reverting any unsaved edits from an earlier test first). */
export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  if (doc.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
  return editor;
}

/** Closes every editor without saving (untitled ones included, so no save dialog appears). */
export async function closeAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    // Only the suite's own documents: VS Code's settings.json, dirty while a setting is being written, is
    // not ours to revert (and showing it races the settings editor).
    if (!doc.isDirty || (doc.languageId !== 'markdown' && !doc.isUntitled)) continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** A 1,000-line homework: 99 sections of 10 lines, each with one correct expansion. */
export function longHomework(): string {
  const lines = ['# A long homework', '', '<!-- let', 'x \\in \\mathbb{R}', '-->', ''];
  for (let k = 1; lines.length < 1000; k++) {
    lines.push(
      `## Part ${k}`,
      '',
      'We expand the square:',
      '',
      '$$',
      `(x + ${k})^2 = x^2 + ${2 * k}x + ${k * k}`,
      '$$',
      '',
      'Done.',
      '',
    );
  }
  return lines.slice(0, 1000).join('\n');
}

export interface LensInfo {
  /** 0-based line. */
  line: number;
  title: string;
  command: string;
  args: unknown[];
}

/** The lenses VS Code would show, resolved, in line order. */
export async function lenses(uri: vscode.Uri): Promise<LensInfo[]> {
  const list =
    (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ??
    [];
  return list
    .filter((l) => l.command)
    .map((l) => ({
      line: l.range.start.line,
      title: l.command?.title ?? '',
      command: l.command?.command ?? '',
      args: l.command?.arguments ?? [],
    }))
    .sort((a, b) => a.line - b.line || a.title.localeCompare(b.title));
}

/** Polls until `check` returns a value other than undefined/false (asynchronous UI state), or fails with `what`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function diagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'stepwise');
}

/** Sets a user setting (never the fixture folder's settings) and returns a function restoring it. */
export async function setSetting(key: string, value: unknown): Promise<() => Promise<void>> {
  const [section, ...rest] = key.split('.');
  const name = rest.join('.');
  const cfg = vscode.workspace.getConfiguration(section);
  const before = cfg.inspect(name)?.globalValue;
  await cfg.update(name, value, vscode.ConfigurationTarget.Global);
  return async () => {
    await vscode.workspace.getConfiguration(section).update(name, before, vscode.ConfigurationTarget.Global);
  };
}

/** Replaces a 0-based line's text. */
export async function replaceLine(editor: vscode.TextEditor, line: number, text: string): Promise<void> {
  const ok = await editor.edit((b) => b.replace(editor.document.lineAt(line).range, text));
  assert.ok(ok, `edit of line ${line} was refused`);
}
