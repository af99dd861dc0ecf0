// Entry point of the extension host side. Everything registered here is kept in `context.subscriptions`.
// `activate()` stays light: the core (parser, mathjs) loads on first use, verification runs in a worker,
// and the preview's renderer loads only for an export.
import * as vscode from 'vscode';
import { OutlineCache } from './analysis';
import { StepwiseCodeLensProvider } from './codeLens';
import { registerCommands } from './commands';
import { Config } from './config';
import { DecorationsView } from './decorations';
import { DiagnosticsView } from './diagnostics';
import { Experiments } from './experiments';
import { StepHoverProvider } from './hover';
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
  service.warmReader(config.current.verify);
  const lenses = new StepwiseCodeLensProvider(store, config, outlines, experiments, trust);
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
    new DiagnosticsView(store, outlines, config),
    new DecorationsView(store, config),
    new StatusBarView(store),
    // Settings such as the default dimension change how blocks are read: forget cached outlines.
    config.onDidChange(() => outlines.clear()),
    ...registerCommands({ store, config, outlines, verification, experiments, output }),
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
    simulateRestrictedMode: (on) => trust.simulateRestrictedMode(on),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
