#!/usr/bin/env bash
# Builds and tests the desktop shell: the UI, the app with the UI embedded, the command
# tests (mock IPC), then end-to-end tests of the real app under Xvfb via tauri-driver.
# Needs: the apt packages in ARCHITECTURE.md, and `npm ci` already run in ui/.
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$(date +%s)
step() { echo "==> [$(($(date +%s) - t0))s] $*"; }

export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v tauri-driver >/dev/null; then
  step "installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
fi

step "building the UI (ui/dist)"
npm --prefix ui run build

step "installing e2e dependencies"
npm ci --prefix e2e --no-audit --no-fund

step "building the CLI (makes the e2e database)"
cargo build -p clientele --bin clientele

# One compile serves both: the integration tests make cargo build the `clientele-app`
# binary with the same features, and `custom-protocol` embeds ui/dist into it (a plain
# build would load devUrl instead).
step "command tests (mock IPC) + app binary with the embedded UI"
cargo test -p clientele-app --features custom-protocol

step "end-to-end tests (Xvfb + tauri-driver + WebKitWebDriver)"
# Drivers are started and killed by pid inside the test run; no X server is needed here.
(cd e2e && npm test)

step "desktop tests passed"
