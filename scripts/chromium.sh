#!/usr/bin/env bash
# Makes sure Debian's Chromium and its ChromeDriver are installed, for the browser tests (the agent
# console, the password-reset page). Tools that download a browser at run time do not work here, so
# the browser comes from the distribution. Needs root (or sudo).
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "chromium.sh: installing chromium and chromium-driver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
echo "chromium.sh: $(chromium --version 2>/dev/null | head -n 1), $(chromedriver --version | head -n 1)"
