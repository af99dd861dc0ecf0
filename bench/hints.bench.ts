// Repair-hint benchmark (issue 14): the time the hint search adds to each refuted step — each block with a
// refuted step verified with and without hints, the difference shared among its refuted steps — over
// examples/mistakes.md, the d2l corpus and the OCR homework; and how many refuted steps got a hint.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyzeDocument, verifyDerivation } from '../src/core/document';
import { defaultVerifyOptions } from '../src/core/types';

const root = path.join(__dirname, '..');
const corpus = path.join(root, '../shared/corpus');
const files = [
  path.join(root, 'examples/mistakes.md'),
  ...(existsSync(corpus)
    ? [
        ...readdirSync(path.join(corpus, 'd2l'))
          .filter((f) => f.endsWith('.md'))
          .sort()
          .map((f) => path.join(corpus, 'd2l', f)),
        path.join(corpus, 'ocr/homework6-ocr.md'),
      ]
    : []),
];

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return (s[lo] ?? NaN) + ((s[hi] ?? 0) - (s[lo] ?? 0)) * (i - lo);
}
const best = (f: () => void): number => {
  let t = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    f();
    t = Math.min(t, performance.now() - t0);
  }
  return t;
};

const perStep: number[] = [];
let refuted = 0;
let hinted = 0;
for (const file of files) {
  const analysis = analyzeDocument(readFileSync(file, 'utf8'), defaultVerifyOptions);
  for (const block of analysis.derivations) {
    const withHints = verifyDerivation(block, defaultVerifyOptions);
    const bad = withHints.steps.filter((s) => s.status === 'refuted');
    if (bad.length === 0) continue;
    refuted += bad.length;
    hinted += bad.filter((s) => s.hint).length;
    const on = best(() => verifyDerivation(block, defaultVerifyOptions));
    const off = best(() => verifyDerivation(block, { ...defaultVerifyOptions, hints: false }));
    for (let k = 0; k < bad.length; k++) perStep.push(Math.max(0, on - off) / bad.length);
  }
}
const fmt = (x: number) => `${x.toFixed(1)} ms`;
console.log(`hint search: ${refuted} refuted steps in ${files.length} files, ${hinted} with a hint`);
console.log(
  `hint search per refuted step: median ${fmt(quantile(perStep, 0.5))}, p95 ${fmt(quantile(perStep, 0.95))}, ` +
    `max ${fmt(Math.max(...perStep))} (target: about 50 ms)`,
);
