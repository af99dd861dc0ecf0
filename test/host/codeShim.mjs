#!/usr/bin/env node
// Stands in for the `code` executable that @vscode/test-electron launches: reads the arguments a stock
// VS Code would get (--extensionDevelopmentPath=, --extensionTestsPath=, the folder to open), runs the
// suite in our code-server host (runIntegration.mjs) and exits with the suite's code.
import path from 'node:path';
import { runSuite } from './runIntegration.mjs';

const args = process.argv.slice(2);
const value = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const extensionPath = value('extensionDevelopmentPath');
const testsPath = value('extensionTestsPath');
const workspace = args.find((a) => !a.startsWith('-'));
if (!extensionPath || !testsPath || !workspace) {
  console.error('codeShim: need --extensionDevelopmentPath=, --extensionTestsPath= and a folder');
  process.exit(2);
}
const { code, tally } = await runSuite({
  extensionPath: path.resolve(extensionPath),
  // runTests passes the suite's module path; the host loads it as given.
  testsPath: path.resolve(testsPath),
  workspace: path.resolve(workspace),
});
console.log(`[shim] ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(code === 0 && tally.failed === 0 ? 0 : 1);
