#!/usr/bin/env bash
# Release-build measurements of the desktop app: launch → populated list (demo size),
# keystroke → updated list and memory at 100,000 customers. Prints one JSON line per run.
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
for n in 2000 100000; do
  # Two launches each: the first warms the page cache like a second start of the day.
  for run in 1 2; do
    CLIENTELE_APP=../target/release/clientele-app node measure.js "../$dbs/demo-$n.db" "$n customers, run $run"
  done
done
