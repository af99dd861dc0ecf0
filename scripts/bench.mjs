// `npm run bench`: runs every benchmark in bench/ (each a TypeScript file run with tsx) in turn.
// Benchmarks print figures and ratios against a baseline measured in the same run; they never fail a build.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const only = process.argv.slice(2);
const files = readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
spawnSync('node', ['scripts/build.mjs', '--production'], { cwd: root, stdio: 'inherit' });
let failed = 0;
for (const f of files) {
  console.log(`\n### ${f}`);
  const r = spawnSync('node', ['--expose-gc', '--import', 'tsx', path.join('bench', f)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
