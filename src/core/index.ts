// The core's public facade: what the extension host, the CLI and workers import. Nothing here (or
// below) imports `vscode`. Adapters should depend on this file rather than on inner modules.
export type * from './types';
export { defaultVerifyOptions } from './types';
export type { Relation } from './latex/types';
export { assumptionText } from './symbols/defaults';
export { negatedGlyph } from './verify/reasons';
export { relationSymbols } from './latex/relations';
export type * from './markdown/types';
export { texPos, texOffset } from './markdown/types';
export { scanMarkdown } from './markdown/scanner';
export * from './document';
export { checkFile, type CheckOptions, type CheckEngine } from './check';
export { runExperimentIsolated } from './experiment/index';
export { buildReport, tallyReport, reportExitCode, validateReport, type ReportTally } from './report/json';
export { formatReport, formatSummary, type FormatOptions } from './report/format';
export { formatAssignment, formatNumber, formatValue, type ValueLayout } from './report/values';
