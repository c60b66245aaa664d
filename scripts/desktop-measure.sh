#!/usr/bin/env bash
# Release-build measurements of the desktop app: the blank-window memory floor; then at
# 2,000 and 100,000 customers process start → first rows, jump-scroll, keystroke → updated
# list and memory (app + WebKit processes). Prints one JSON line per run.
# Needs what scripts/desktop-test.sh needs; reuses target/release when already built.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
dbs=target/measure-dbs
mkdir -p "$dbs"

if [[ ! -x target/release/clientele-app || -n "${REBUILD:-}" ]]; then
  npm --prefix ui run build
  cargo build --release -p clientele-app --features custom-protocol
fi
cargo build --release -p clientele --bin clientele
[[ -d e2e/node_modules ]] || npm ci --prefix e2e --no-audit --no-fund

for n in 2000 100000; do
  db="$dbs/demo-$n.db"
  if [[ ! -f "$db" ]]; then
    echo "generating $n customers…" >&2
    rm -f "$db" "$db-wal" "$db-shm"
    /usr/bin/time -f "  generated in %es, peak %MkB" target/release/clientele --db "$db" demo --customers "$n" >/dev/null
  fi
done

cd e2e
# The floor: the same app with an empty page and no database.
CLIENTELE_APP=../target/release/clientele-app node measure.js --blank
for n in 2000 100000; do
  # Two launches each: the first warms the page cache like a second start of the day.
  for run in 1 2; do
    CLIENTELE_APP=../target/release/clientele-app node measure.js "../$dbs/demo-$n.db" "$n customers, run $run"
  done
done
