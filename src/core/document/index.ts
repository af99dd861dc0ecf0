// The document facade the extension host and the CLI call: analyse a Markdown file (scan, declarations,
// parse) and verify its steps on request.
export { analyzeDocument, type DerivationBlock, type DocumentAnalysis } from './analysis';
export { verifyDerivation, verifyDocument } from './verify';
