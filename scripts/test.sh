#!/usr/bin/env bash
# Every test of Clientele, after the set-up a fresh machine needs: formatting and lints,
# the core's and the sync engine's tests (real SQLite files, an in-process fake
# marketplace), the UI's type check, lint and unit tests, and the desktop app's command
# and end-to-end tests under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# One clock for the whole run: setup.sh and desktop-test.sh print times since this start.
export CLIENTELE_T0=${CLIENTELE_T0:-$(date +%s)}
step() { echo "==> [$(($(date +%s) - CLIENTELE_T0))s] $*"; }

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

# Every cargo command here and in desktop-test.sh selects the same packages and features
# (the whole workspace, the app with the UI embedded), so cargo resolves one feature set:
# clippy's proc-macros and build scripts serve the test build, and the core's dependencies
# are compiled once rather than again for the shell with other features.
cargo_args=(--workspace --features clientele-app/custom-protocol)

step "cargo clippy (workspace, all targets)"
cargo clippy "${cargo_args[@]}" --all-targets -- -D warnings

# Also builds what the end-to-end tests run: the `clientele` CLI (for the CLI tests) and
# the `clientele-app` binary with ui/dist embedded (for the shell's tests).
step "Rust tests: core, sync, CLI, desktop commands (mock IPC)"
cargo test "${cargo_args[@]}"

step "desktop end-to-end tests"
scripts/desktop-test.sh --e2e-only

step "all tests passed"
