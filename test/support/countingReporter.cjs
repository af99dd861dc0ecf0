// Mocha's spec output plus a machine-readable tally, so scripts/test.mjs can add up
// the stages (unit, webview, integration, UI) into the one "N passed, N failed" line CI reads.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const file = process.env.STEPWISE_TALLY;
      if (!file) return;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
      fs.writeFileSync(file, JSON.stringify({ passed: passes, failed: failures, skipped: pending }));
    });
  }
}
module.exports = CountingReporter;
