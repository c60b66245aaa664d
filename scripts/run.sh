#!/usr/bin/env bash
# Sets up a fresh machine, builds the desktop app (release, UI embedded) and opens it.
# With no account configured it opens on the built-in demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh
npm --prefix ui run build
cargo build --release -p clientele-app --features custom-protocol
exec target/release/clientele-app "$@"
