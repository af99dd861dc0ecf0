// How every browser test starts Debian's Chromium (playwright's own browser downloads are unreachable on
// these machines): one place for the binary and the flags that keep it off the network and quiet.
'use strict';

/** Launch options for playwright-core's `chromium.launch` / `launchPersistentContext`. */
function chromiumLaunchOptions() {
  return {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}

module.exports = { chromiumLaunchOptions };
