// The static checks as a test stage: each of type-checking (extension and webview), ESLint and Prettier is
// one test, so a type error or a lint failure fails `npm test` like any other defect.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const checks = [
  ['types (extension, core, tests)', 'npx', ['tsc', '-p', '.', '--noEmit']],
  ['types (webview)', 'npx', ['tsc', '-p', 'webview', '--noEmit']],
  ['eslint', 'npx', ['eslint', '.']],
  ['prettier', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']],
];
let passed = 0;
let failed = 0;
for (const [name, cmd, args] of checks) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status === 0) {
    passed += 1;
    console.log(`  ✔ ${name}`);
  } else {
    failed += 1;
    console.log(`  ✗ ${name} (exit ${r.status})`);
  }
}
if (process.env.STEPWISE_TALLY)
  writeFileSync(process.env.STEPWISE_TALLY, JSON.stringify({ passed, failed, skipped: 0 }));
process.exit(failed === 0 ? 0 : 1);
