#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for the end-to-end tests and `npm start`.
# Installs it with apt-get when missing and we are root; otherwise says how to get it.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium with apt-get…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  exit 0
fi
echo "Chromium is missing. Install Debian's chromium (sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1
