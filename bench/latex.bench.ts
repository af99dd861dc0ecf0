// LaTeX parser benchmark: parse every `$$` block of the d2l corpus and every formula of dl-theory.tex with
// parseBlock, and compare with a baseline measured in the same run: mathjs's own parser reading the plain
// text (`node.toString()`) of the same sides. Prints medians and p95 per block and per step; never fails.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'mathjs';
import { parseBlock } from '../src/core/latex/index';
import type { ParseContext } from '../src/core/latex/types';

const root = path.join(__dirname, '..');
const corpus = path.join(root, '../shared/corpus');
if (!existsSync(corpus)) {
  console.log('latex: corpus not found beside the repository; nothing to measure');
  process.exit(0);
}
const ctx: ParseContext = { kindOf: () => undefined, macros: new Map() };
const d2l = path.join(corpus, 'd2l');
const blocks: string[] = readdirSync(d2l)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .flatMap((f) =>
    [...readFileSync(path.join(d2l, f), 'utf8').matchAll(/\$\$([\s\S]*?)\$\$/g)].map((m) => m[1] as string),
  );
const formulas = readFileSync(path.join(corpus, 'formulas/dl-theory.tex'), 'utf8')
  .split(/^%%\s*$/m)
  .map((b) => b.replace(/^%.*$/gm, ''));
const all = [...blocks, ...formulas];

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return (s[lo] ?? 0) + ((s[hi] ?? 0) - (s[lo] ?? 0)) * (i - lo);
}
const us = (ms: number): string => `${(ms * 1000).toFixed(1)} µs`;

// Warm up the JIT, then time each block on its own over several rounds (median of rounds per block).
for (let r = 0; r < 3; r++) for (const b of all) parseBlock(b, ctx);
const rounds = 7;
const perBlock: number[] = [];
const perStep: number[] = [];
const plain: string[] = [];
let steps = 0;
let failed = 0;
for (const b of all) {
  const times: number[] = [];
  let claims = parseBlock(b, ctx);
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    claims = parseBlock(b, ctx);
    times.push(performance.now() - t0);
  }
  const t = quantile(times, 0.5);
  perBlock.push(t);
  const n = claims.reduce((a, c) => a + (c.ok ? c.steps.length : c.relations), 0);
  steps += n;
  for (const c of claims) {
    if (!c.ok) failed += c.relations;
    else for (const s of c.steps) plain.push(s.lhs.node.toString(), s.rhs.node.toString());
  }
  if (n > 0) for (let k = 0; k < n; k++) perStep.push(t / n);
}
const total = perBlock.reduce((a, b) => a + b, 0);
console.log(
  `latex: ${all.length} blocks, ${steps} steps (${failed} not readable), ${(all.length / (total / 1000)).toFixed(0)} blocks/s`,
);
console.log(`  per block: median ${us(quantile(perBlock, 0.5))}, p95 ${us(quantile(perBlock, 0.95))}`);
console.log(
  `  per step:  median ${us(quantile(perStep, 0.5))}, p95 ${us(quantile(perStep, 0.95))} (target: well under 1 ms)`,
);

// Baseline: mathjs parsing the plain-text form of the same sides (what a LaTeX → text → math.parse
// pipeline would spend in its last stage alone).
const parsable = plain.filter((s) => {
  try {
    parse(s);
    return true;
  } catch {
    return false;
  }
});
for (let r = 0; r < 3; r++) for (const s of parsable) parse(s);
const base: number[] = [];
for (let r = 0; r < rounds; r++) {
  const t0 = performance.now();
  for (const s of parsable) parse(s);
  base.push((performance.now() - t0) / parsable.length);
}
const baseSide = quantile(base, 0.5);
const oursSide = total / Math.max(1, plain.length + failed * 2);
console.log(
  `  baseline math.parse of the ${parsable.length} sides as text: ${us(baseSide)} a side; ours ${us(oursSide)} a side (ratio ${(oursSide / baseSide).toFixed(2)})`,
);
