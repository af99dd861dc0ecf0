// Entry point of the extension host side. Everything registered here is kept in `context.subscriptions`.
// `activate()` stays light: the core (parser, mathjs) loads on first use, verification runs in a worker,
// and the preview's renderer loads only for an export.
import * as vscode from 'vscode';
import { OutlineCache } from './analysis';
import { Checker } from './check';
import { StepwiseCodeLensProvider } from './codeLens';
import { registerCommands } from './commands';
import { Config } from './config';
import { DecorationsView } from './decorations';
import { DiagnosticsView } from './diagnostics';
import { Experiments } from './experiments';
import { HintFixProvider } from './hintFix';
import { StepHoverProvider } from './hover';
import { OpenFiles } from './openFiles';
import { registerPreview } from './preview/index';
import { ResultsStore } from './results';
import { StatusBarView } from './statusBar';
import { Trust } from './trust';
import { Verification } from './verification';
import { VerifyService } from './verifyService';

/** What `activate` returns: read by the integration tests through `extension.exports`. */
export interface StepwiseApi {
  results: ResultsStore;
  /** Milliseconds `activate()` took. */
  activationMs: number;
  /** Whether a verification of this document is under way. */
  isVerifying(uri: vscode.Uri): boolean;
  /** The inline verdicts shown after lines of this document (0-based line, text), as last rendered. */
  inlineMarks(uri: vscode.Uri): { line: number; text: string }[];
  /** The status bar item's text. */
  statusText(): string;
  /** Test hook: VS Code cannot revoke trust from an extension, so tests simulate Restricted Mode here. */
  simulateRestrictedMode(on: boolean): void;
}

export function activate(context: vscode.ExtensionContext): StepwiseApi {
  const t0 = performance.now();
  const output = vscode.window.createOutputChannel('Stepwise');
  const log = (line: string) => output.appendLine(`[${new Date().toISOString().slice(11, 23)}] ${line}`);
  const store = new ResultsStore();
  const config = new Config();
  const trust = new Trust();
  const service = new VerifyService(context.extensionPath, log);
  // A document with derivations is likely to be verified soon: start the worker in the background.
  const outlines = new OutlineCache(
    (text, options) => service.outline(text, options),
    log,
    (o) => {
      if (o.derivations.length > 0) service.warm(config.current.verify);
    },
  );
  const verification = new Verification(store, service, config, outlines, log);
  const experiments = new Experiments(store, config, outlines, trust, log);
  const checker = new Checker(verification, experiments, trust, config);
  service.warmReader(config.current.verify);
  const lenses = new StepwiseCodeLensProvider(store, config, outlines, experiments, trust, checker);
  const diagnostics = new DiagnosticsView(store, outlines, config);
  const decorations = new DecorationsView(store, config);
  const openFiles = new OpenFiles();
  const statusBar = new StatusBarView(store, outlines, config);
  const markdown: vscode.DocumentSelector = { language: 'markdown' };
  context.subscriptions.push(
    output,
    store,
    config,
    trust,
    service,
    verification,
    experiments,
    lenses,
    vscode.languages.registerCodeLensProvider(markdown, lenses),
    vscode.languages.registerHoverProvider(markdown, new StepHoverProvider(store)),
    vscode.languages.registerCodeActionsProvider(markdown, new HintFixProvider(store), {
      providedCodeActionKinds: HintFixProvider.kinds,
    }),
    checker,
    diagnostics,
    decorations,
    openFiles,
    // A file's results and Problems entries go with its last editor tab (not when VS Code frees the text).
    openFiles.onDidCloseLast((uri) => {
      verification.cancel(uri);
      checker.cancel(uri);
      store.clear(uri);
      diagnostics.hide(uri);
    }),
    openFiles.onDidOpen((uri) => diagnostics.show(uri)),
    statusBar,
    // Settings such as the default dimension change how blocks are read: forget cached outlines.
    config.onDidChange(() => outlines.clear()),
    ...registerCommands({ store, config, outlines, verification, experiments, checker, output }),
  );
  // The preview registers here, inside activate(): its module holds only the panel controller and the page
  // builder; the renderer (KaTeX, markdown-it) loads only when the export command runs (a dynamic import).
  const p0 = performance.now();
  registerPreview(context, { results: store });
  log(`preview registered in ${(performance.now() - p0).toFixed(1)} ms`);
  const activationMs = performance.now() - t0;
  log(`activated in ${activationMs.toFixed(1)} ms`);
  return {
    results: store,
    activationMs,
    isVerifying: (uri) => verification.isRunning(uri),
    inlineMarks: (uri) => decorations.marks(uri),
    statusText: () => statusBar.item.text,
    simulateRestrictedMode: (on) => trust.simulateRestrictedMode(on),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
