#!/usr/bin/env bash
# Makes sure npm (for axe-core and vnu-jar) and a Java runtime (for the Nu HTML Checker) are available
# for the quality gates in tests/quality/. Debian's packages; the same pattern as ensure-chromium.sh.
set -euo pipefail
missing=()
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]} for the quality gates..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
cat >&2 <<MSG
The quality gates need npm and Java (17 or later), and ${missing[*]} could not be installed
automatically (that needs root and apt-get). Install them yourself, then run 'make test' again:
  Debian/Ubuntu:  sudo apt-get install ${missing[*]}
MSG
exit 1
