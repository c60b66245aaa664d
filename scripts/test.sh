#!/usr/bin/env bash
# Every test of Clientele, after the set-up a fresh machine needs: formatting and lints,
# the core's and the sync engine's tests (real SQLite files, an in-process fake
# marketplace), the UI's type check, lint and unit tests, and the desktop app's command
# and end-to-end tests under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
t0=$(date +%s)
step() { echo "==> [$(($(date +%s) - t0))s] $*"; }

step "set-up"
scripts/setup.sh

step "cargo fmt --check"
cargo fmt --all -- --check

step "UI: type check, lint, unit tests"
npm --prefix ui run typecheck
npm --prefix ui run lint
npm --prefix ui test

step "UI build (embedded by the desktop app)"
npm --prefix ui run build

step "cargo clippy (workspace, all targets)"
cargo clippy --workspace --all-targets -- -D warnings

step "core, sync and CLI tests"
cargo test -p clientele

step "desktop: command tests and end-to-end tests"
scripts/desktop-test.sh

step "all tests passed"
