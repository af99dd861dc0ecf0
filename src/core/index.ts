// The core's facade: adapters (the CLI, the extension host, the renderer, the webview, the protocol) import
// the core through this file or one of the two heavy entries beside it, never a path further in; ESLint
// enforces it (eslint.config.mjs). This file stays light and runs anywhere: types, reason codes, positions,
// the Markdown scanner, value and report formatting. No mathjs and no Node module, because the webview
// bundles it and the extension host's thread must not load the verifier. The heavy entries are
//   ./check    the whole check of a file in this thread (mathjs; Node): the CLI loads it on demand;
//   ./sandbox  an experiment in a worker thread with limits (Node; no mathjs on the caller's thread).
// Nothing here (or below) imports `vscode`.
export type * from './types';
export { defaultVerifyOptions } from './types';
export type { Relation } from './latex/types';
export { assumptionText } from './symbols/defaults';
export { isDefinition, negatedGlyph } from './verify/reasons';
export { coreOf } from './verify/hints/side';
export { relationSymbols } from './latex/relations';
export type * from './markdown/types';
export { texPos, texOffset } from './markdown/types';
export { scanMarkdown } from './markdown/scanner';
export { hashString } from './numeric/random';
export { buildReport, tallyReport, reportExitCode, validateReport, type ReportTally } from './report/json';
export { formatReport, formatSummary, type FormatOptions } from './report/format';
export { formatAssignment, formatNumber, formatValue, type ValueLayout } from './report/values';
export { differingEntries, rowsOf, shapeWords } from './report/arrays';
