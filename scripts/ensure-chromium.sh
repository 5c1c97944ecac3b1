#!/usr/bin/env bash
# Makes sure a headless Chromium is available for the browser tests.
# Debian's `chromium` package is used because Playwright cannot download its own browsers here.
set -euo pipefail
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
cat >&2 <<MSG
The browser tests need Chromium at $CHROMIUM, and it could not be installed automatically
(that needs root and apt-get). Install it yourself, then run 'make test' again:
  Debian/Ubuntu:  sudo apt-get install chromium
  elsewhere:      install Chromium and set CHROMIUM=/path/to/chromium
MSG
exit 1
