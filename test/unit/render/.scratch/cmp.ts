import { readFileSync, readdirSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { mathPlugin, lineStartsOf } from '/work/main/src/render/mathPlugin';
import { admonitionPlugin } from '/work/main/src/render/admonition';
import { scanMarkdown } from '/work/main/src/core/markdown/scanner';
const md = new MarkdownIt({ html: true, linkify: true }).use(mathPlugin).use(admonitionPlugin);
const dir = '/work/shared/corpus/d2l/';
for (const f of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
  const text = readFileSync(dir + f, 'utf8');
  const toks = md.parse(text, { lineStarts: lineStartsOf(text) });
  const mine: string[] = [];
  const walk = (ts: any[]) => { for (const t of ts) { if (/^math_/.test(t.type)) mine.push(`${t.meta.lines[0]?.line ?? -1}:${t.meta.tex.trim()}`); if (t.children) walk(t.children); } };
  walk(toks);
  const scan = scanMarkdown(text).blocks.filter((b: any) => b.kind === 'display' || b.kind === 'inline').map((b: any) => `${b.tex.lines[0].line - 1}:${b.tex.text.trim()}`);
  const a = new Set(mine), b = new Set(scan);
  const onlyMine = mine.filter((x) => !b.has(x)), onlyScan = scan.filter((x) => !a.has(x));
  console.log(f, mine.length, scan.length, 'onlyPlugin', onlyMine.slice(0, 4), 'onlyScan', onlyScan.slice(0, 4));
}
