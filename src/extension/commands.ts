// The `stepwise.*` commands, one record each (id from commandIds.ts, and what it does). Block commands take
// (uri?, line?) with `line` the 0-based editor line of the block's opening delimiter (as the lenses and the
// preview call them); without arguments, the cursor's block.
import * as vscode from 'vscode';
import type { DerivationResult, ExperimentResult } from '../core';
import { derivationAt, experimentAt, headingAt, type OutlineCache } from './analysis';
import type { Checker, FileCheck } from './check';
import { CommandId } from './commandIds';
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
  checker: Checker;
  output: vscode.OutputChannel;
}

/** One command: its id and what it does. */
export interface CommandRecord {
  readonly id: CommandId;
  run(...args: unknown[]): unknown;
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

/** The commands of the extension, as records. */
export function commandRecords(deps: CommandDeps): CommandRecord[] {
  const { store, config, outlines, verification, experiments, checker, output } = deps;
  const outline = (doc: vscode.TextDocument) => outlines.get(doc, config.current.verify);

  /** Runs `run` on the block of `kind` at the target line (one finder for derivations and experiments). */
  const atBlock = async <R>(
    uri: unknown,
    line: unknown,
    kind: 'derivation' | 'experiment',
    run: (doc: vscode.TextDocument, lines: number[]) => Promise<R[] | undefined>,
  ): Promise<R[] | undefined> => {
    const t = await target(uri, line);
    if (!t) return undefined;
    const o = await outline(t.doc);
    const block = kind === 'derivation' ? derivationAt(o, t.line) : experimentAt(o, t.line);
    if (!block) {
      void vscode.window.showInformationMessage(`Stepwise: no ${kind} at line ${t.line}.`);
      return undefined;
    }
    return run(t.doc, [block.line]);
  };

  const verifyDerivation = (uri?: unknown, line?: unknown): Promise<DerivationResult[] | undefined> =>
    atBlock(uri, line, 'derivation', (doc, lines) => verification.verify(doc, lines));

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

  const runExperiment = (uri?: unknown, line?: unknown): Promise<ExperimentResult[] | undefined> =>
    atBlock(uri, line, 'experiment', (doc, lines) => experiments.run(doc, lines));

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

  const checkFile = async (uri?: unknown): Promise<FileCheck | undefined> => {
    const t = await target(uri, 0);
    return t ? checker.check(t.doc) : undefined;
  };

  const clearAll = (): void => {
    verification.cancel();
    experiments.cancel();
    checker.cancel();
    store.clearAll();
  };

  return [
    { id: CommandId.verifyDerivation, run: verifyDerivation },
    { id: CommandId.verifyFile, run: verifyFile },
    { id: CommandId.verifySection, run: verifySection },
    { id: CommandId.checkFile, run: checkFile },
    { id: CommandId.runExperiment, run: runExperiment },
    { id: CommandId.runAllExperiments, run: runAll },
    { id: CommandId.clearResults, run: clear },
    { id: CommandId.clearAllResults, run: clearAll },
    { id: CommandId.showOutput, run: () => output.show(true) },
    {
      id: CommandId.cancel,
      run: () => {
        verification.cancel();
        experiments.cancel();
        checker.cancel();
      },
    },
    {
      id: CommandId.explainRestricted,
      run: async () => {
        const pick = await vscode.window.showWarningMessage(
          `Stepwise: ${RESTRICTED_REASON}.`,
          'Manage Workspace Trust',
        );
        if (pick) await vscode.commands.executeCommand('workbench.trust.manage');
      },
    },
  ];
}

/** Registers every command; the returned disposables unregister them. */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return commandRecords(deps).map((c) => vscode.commands.registerCommand(c.id, c.run));
}
