#!/usr/bin/env bash
# `npm run setup`: everything a fresh machine needs, idempotent. Debian packages (Chromium for the webview
# and UI tests, libkrb5-dev for code-server's native modules), the npm dependencies, the local VS Code
# host (code-server on Node 24, cached outside the repository) and the bundles.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing Debian packages: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
node test/host/install.mjs --quiet >/dev/null
node scripts/build.mjs
echo "setup done"
