#!/usr/bin/env bash
# Builds the release app and its .deb, installs it with dpkg, starts the installed binary
# under Xvfb on a fresh data directory (first run: demo database) and saves a screenshot.
# Needs root for dpkg and what scripts/desktop-test.sh needs. Usage: desktop-deb.sh [OUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/deb-smoke.png}
npm ci --prefix src-tauri --no-audit --no-fund
(cd src-tauri && npx tauri build --bundles deb)   # runs the UI build first (beforeBuildCommand)
deb=$(ls -t target/release/bundle/deb/*.deb | head -1)
dpkg-deb -f "$deb" Package Version Depends
dpkg -i "$deb"
home=$(mktemp -d)
# The installed app, launched as a user would, with a private data dir so the demo is
# generated fresh, on its own Xvfb; both are stopped by pid.
Xvfb :97 -screen 0 1280x800x24 -nolisten tcp & xvfb=$!
sleep 0.5
DISPLAY=:97 XDG_DATA_HOME="$home" /usr/bin/clientele-app & app=$!
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 8
kill -0 $app   # still running
DISPLAY=:97 import -window root "$out" && echo "screenshot: $out"
test -s "$home/clientele/demo.db" && echo "demo database generated: $(du -h "$home/clientele/demo.db" | cut -f1)"
echo "installed: $(dpkg -s clientele | grep -E '^(Status|Version)')"
