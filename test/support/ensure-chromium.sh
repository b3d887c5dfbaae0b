#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (never a downloaded browser): install it when it is missing.
set -euo pipefail
CHROMIUM="${CARBON_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "error: $CHROMIUM is missing — install Debian's chromium as root: apt-get update && apt-get install -y chromium" >&2
  exit 1
fi
echo "[test] installing Debian's chromium (apt-get; once per machine)"
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
