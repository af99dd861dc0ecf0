import { analyzeDocument } from '../../../../src/core/document';
const t = ['# D', '', '<!-- let', 'x \\in \\mathbb{R}', 'W \\in \\mathbb{R}^{3 \\times }', 'y is real', '-->', '', '$$', 'x + x = 2x', '$$', ''].join('\n');
console.log(JSON.stringify(analyzeDocument(t).diagnostics, null, 1));
