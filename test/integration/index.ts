// The integration suite's entry, loaded by VS Code's extension host (`extensionTestsPath`), whether the
// host is our code-server (test/host/runIntegration.mjs) or a stock VS Code (test/host/runStock.mjs).
// The test files are bundled into this file; mocha stays external and is resolved from node_modules.
import Mocha from 'mocha';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CountingReporter = require('../support/countingReporter.cjs') as typeof Mocha.reporters.Spec;

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: CountingReporter });
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  // Loaded after `pre-require` so that `describe`/`it` exist; order is the order of the suite.
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('./activation.test');
  require('./lenses.test');
  require('./diagnostics.test');
  require('./settings.test');
  require('./restricted.test');
  require('./typing.test');
  require('./check.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // The launcher reads this line from the forwarded console when the host's environment lacks STEPWISE_TALLY.
      const st = runner.stats;
      const tally = { passed: st?.passes ?? 0, failed: st?.failures ?? 0, skipped: st?.pending ?? 0 };
      console.log(`[stepwise-tally] ${JSON.stringify(tally)}`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
