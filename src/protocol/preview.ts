// Messages between the preview host (src/extension/preview) and the webview app (webview/). Both sides
// import this file with `import type` only, so it holds types and nothing that runs. Every line number in
// this protocol is a 0-based editor line unless a field says otherwise; results keep the core's 1-based
// lines (see src/core/types.ts) because they are passed through unchanged.
import type { DerivationResult, ExperimentResult } from '../core';

/** Settings the renderer needs: plain data, compared by value on change. */
export interface PreviewConfig {
  /** `stepwise.macros`, names with their leading backslash (`\R` → `\mathbb{R}`). */
  macros: Record<string, string>;
}

/** Results of one document, as arrays so they cross `postMessage` (Maps do not survive JSON). */
export interface PreviewResults {
  derivations: DerivationResult[];
  experiments: ExperimentResult[];
  /** 1-based opening lines of blocks with work under way. */
  running: number[];
}

/** What the panel shows; also the state the serializer restores after a reload. */
export interface PreviewDocument {
  uri: string;
  version: number;
  text: string;
  /** A webview URI of the document's folder, ending in `/`: relative image paths resolve against it. */
  baseUri: string;
  config: PreviewConfig;
  results: PreviewResults;
  /** The editor line to show at the top when the document is first rendered. */
  line?: number;
}

export type HostMessage =
  | ({ type: 'render' } & PreviewDocument)
  | { type: 'results'; uri: string; version: number; results: PreviewResults }
  /** The editor scrolled: show this (fractional, 0-based) line at the top. */
  | { type: 'scrollTo'; line: number };

/** A formula KaTeX could not render, at its place in the file (0-based line and column). */
export interface RenderProblem {
  line: number;
  column: number;
  message: string;
}

export type WebviewMessage =
  | { type: 'ready' }
  /** Show this line in the editor (a click on a block). */
  | { type: 'reveal'; line: number }
  /** The preview scrolled: this (fractional) line is at its top. */
  | { type: 'scrolled'; line: number }
  /** Verify/Run buttons: `line` is the block's opening delimiter, 0-based. */
  | { type: 'verify'; line: number }
  | { type: 'run'; line: number }
  /** Every KaTeX error of the latest render (empty when none), for diagnostics. */
  | { type: 'problems'; uri: string; version: number; problems: RenderProblem[] }
  /** A link the user clicked that is not an anchor inside the page. */
  | { type: 'openLink'; href: string };

/** What the webview keeps with `setState` so a reloaded panel comes back on the same document. */
export interface PreviewPersistedState {
  uri: string;
  line?: number;
}
