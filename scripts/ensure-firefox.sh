#!/usr/bin/env bash
# Makes sure Debian's Firefox ESR is there for the Firefox end-to-end tests and
# `npm run start:firefox`, with `ip` (iproute2) for their loopback-only network namespace
# (scripts/loopback.sh). Installs what is missing with apt-get when we are root; otherwise says
# how to get it.
set -euo pipefail
missing=()
if [ -z "${FIREFOX_PATH:-}" ] && ! command -v firefox-esr >/dev/null 2>&1; then missing+=(firefox-esr); fi
if ! command -v ip >/dev/null 2>&1; then missing+=(iproute2); fi
if [ "${#missing[@]}" -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Missing for the Firefox tests: installing ${missing[*]} with apt-get…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "Missing for the Firefox tests: ${missing[*]}. Install Debian's packages (sudo apt-get install ${missing[*]}) or set FIREFOX_PATH." >&2
exit 1
