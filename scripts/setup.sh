#!/usr/bin/env bash
# Everything a fresh Debian/Ubuntu machine needs to build, run and test Clientele:
# system packages (Tauri's WebKitGTK stack, Xvfb, WebKitWebDriver) and the npm packages.
# Idempotent: what is already there is skipped. Times are seconds since CLIENTELE_T0
# (set by scripts/test.sh, so one clock runs through the whole CI log).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CLIENTELE_T0=${CLIENTELE_T0:-$(date +%s)}
step() { echo "==> [$(($(date +%s) - CLIENTELE_T0))s] $*"; }

packages=(build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev libgtk-3-dev
  libsoup-3.0-dev libjavascriptcoregtk-4.1-dev librsvg2-dev libayatana-appindicator3-dev
  libxdo-dev file xvfb xauth dbus-x11 webkit2gtk-driver imagemagick xdotool)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  step "installing system packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

for dir in ui e2e src-tauri; do
  if [ -f "$dir/package-lock.json" ] && [ ! -d "$dir/node_modules" ]; then
    step "npm ci in $dir"
    npm ci --prefix "$dir" --no-audit --no-fund
  fi
done
