// The `stepwise.*` commands. Block commands take (uri?, line?) with `line` the 0-based editor line of the
// block's opening delimiter (as the lenses and the preview call them); without arguments, the cursor's block.
import * as vscode from 'vscode';
import type { DerivationResult, ExperimentResult } from '../core/types';
import { derivationAt, experimentAt, headingAt, type OutlineCache } from './analysis';
import type { Config } from './config';
import type { Experiments } from './experiments';
import type { ResultsStore } from './results';
import { RESTRICTED_REASON } from './trust';
import type { Verification } from './verification';

export interface CommandDeps {
  store: ResultsStore;
  config: Config;
  outlines: OutlineCache;
  verification: Verification;
  experiments: Experiments;
  output: vscode.OutputChannel;
}

interface Target {
  doc: vscode.TextDocument;
  /** 1-based line of interest. */
  line: number;
}

async function target(uri?: unknown, line?: unknown): Promise<Target | undefined> {
  const editor = vscode.window.activeTextEditor;
  let doc: vscode.TextDocument | undefined;
  if (uri instanceof vscode.Uri) doc = await vscode.workspace.openTextDocument(uri);
  else if (typeof uri === 'string') doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  else doc = editor?.document;
  if (!doc || doc.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Stepwise: open a Markdown file first.');
    return undefined;
  }
  const cursor = editor && editor.document === doc ? editor.selection.active.line : 0;
  return { doc, line: (typeof line === 'number' && Number.isInteger(line) && line >= 0 ? line : cursor) + 1 };
}

/** Registers every command; the returned disposables unregister them. */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { store, config, outlines, verification, experiments, output } = deps;
  const outline = (doc: vscode.TextDocument) => outlines.get(doc, config.current.verify);

  const verifyDerivation = async (uri?: unknown, line?: unknown): Promise<DerivationResult[] | undefined> => {
    const t = await target(uri, line);
    if (!t) return undefined;
    const block = derivationAt(await outline(t.doc), t.line);
    if (!block) {
      void vscode.window.showInformationMessage(`Stepwise: no derivation at line ${t.line}.`);
      return undefined;
    }
    return verification.verify(t.doc, [block.line]);
  };

  const verifyFile = async (uri?: unknown): Promise<DerivationResult[] | undefined> => {
    const t = await target(uri, 0);
    return t ? verification.verify(t.doc) : undefined;
  };

  const verifySection = async (uri?: unknown, line?: unknown): Promise<DerivationResult[] | undefined> => {
    const t = await target(uri, line);
    if (!t) return undefined;
    const heading = headingAt(await outline(t.doc), t.line);
    if (!heading) return verification.verify(t.doc);
    if (heading.derivations.length === 0) {
      void vscode.window.showInformationMessage(`Stepwise: no derivations under “${heading.text}”.`);
      return [];
    }
    return verification.verify(t.doc, heading.derivations);
  };

  const runExperiment = async (uri?: unknown, line?: unknown): Promise<ExperimentResult[] | undefined> => {
    const t = await target(uri, line);
    if (!t) return undefined;
    const block = experimentAt(await outline(t.doc), t.line);
    if (!block) {
      void vscode.window.showInformationMessage(`Stepwise: no experiment at line ${t.line}.`);
      return undefined;
    }
    return experiments.run(t.doc, [block.line]);
  };

  const runAll = async (uri?: unknown): Promise<ExperimentResult[] | undefined> => {
    const t = await target(uri, 0);
    return t ? experiments.run(t.doc) : undefined;
  };

  const clear = async (uri?: unknown): Promise<void> => {
    const targets =
      uri instanceof vscode.Uri
        ? [uri]
        : vscode.window.activeTextEditor
          ? [vscode.window.activeTextEditor.document.uri]
          : store.uris();
    for (const u of targets) {
      verification.cancel(u);
      store.clear(u);
    }
  };

  return [
    vscode.commands.registerCommand('stepwise.verifyDerivation', verifyDerivation),
    vscode.commands.registerCommand('stepwise.verifyFile', verifyFile),
    vscode.commands.registerCommand('stepwise.verifySection', verifySection),
    vscode.commands.registerCommand('stepwise.runExperiment', runExperiment),
    vscode.commands.registerCommand('stepwise.runAllExperiments', runAll),
    vscode.commands.registerCommand('stepwise.clearResults', clear),
    vscode.commands.registerCommand('stepwise.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('stepwise.cancel', () => {
      verification.cancel();
      experiments.cancel();
    }),
    vscode.commands.registerCommand('stepwise.explainRestricted', async () => {
      const pick = await vscode.window.showWarningMessage(
        `Stepwise: ${RESTRICTED_REASON}.`,
        'Manage Workspace Trust',
      );
      if (pick) await vscode.commands.executeCommand('workbench.trust.manage');
    }),
  ];
}
