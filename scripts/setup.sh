#!/usr/bin/env bash
# Everything a fresh Debian/Ubuntu machine needs to build, run and test Clientele:
# system packages (Tauri's WebKitGTK stack, Xvfb, WebKitWebDriver), the UI's npm packages,
# and tauri-driver. Idempotent: what is already there is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

packages=(build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev libgtk-3-dev
  libsoup-3.0-dev libjavascriptcoregtk-4.1-dev librsvg2-dev libayatana-appindicator3-dev
  libxdo-dev file xvfb xauth dbus-x11 webkit2gtk-driver imagemagick xdotool)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "==> installing system packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

for dir in ui e2e src-tauri; do
  if [ -f "$dir/package-lock.json" ] && [ ! -d "$dir/node_modules" ]; then
    echo "==> npm ci in $dir"
    npm ci --prefix "$dir" --no-audit --no-fund
  fi
done

if ! command -v tauri-driver >/dev/null; then
  echo "==> installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
fi
