#!/usr/bin/env bash
# Builds and tests the desktop shell: the UI, the app with the UI embedded, the command
# tests (mock IPC), then end-to-end tests of the real app under Xvfb, driven through
# WebKitWebDriver (e2e/lib/driver.js starts it; no tauri-driver needed).
# Needs: the apt packages scripts/setup.sh installs, and `npm ci` already run in ui/.
set -euo pipefail
cd "$(dirname "$0")/.."
export CLIENTELE_T0=${CLIENTELE_T0:-$(date +%s)}
step() { echo "==> [$(($(date +%s) - CLIENTELE_T0))s] $*"; }

export PATH="$HOME/.cargo/bin:$PATH"

# --e2e-only: scripts/test.sh has built the UI, the CLI and the app and run the command
# tests, with the same cargo arguments as below.
if [[ "${1:-}" != --e2e-only ]]; then
  step "building the UI (ui/dist)"
  npm --prefix ui run build

  # The same packages and features as scripts/test.sh, so neither rebuilds the other's
  # work. The CLI's tests make cargo build the `clientele` binary (it makes the e2e
  # database); the shell's make it build `clientele-app`, where `custom-protocol` embeds
  # ui/dist (a plain build would load devUrl instead).
  step "command tests (mock IPC) + the CLI and the app binary with the embedded UI"
  cargo test --workspace --features clientele-app/custom-protocol --test shell --test cli
fi

if [[ ! -d e2e/node_modules ]]; then
  step "installing e2e dependencies"
  npm ci --prefix e2e --no-audit --no-fund
fi

step "end-to-end tests (Xvfb + WebKitWebDriver)"
# Xvfb and the driver are started and killed by pid inside the test run.
(cd e2e && npm test)

step "desktop tests passed"
