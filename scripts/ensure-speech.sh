#!/usr/bin/env bash
# Makes sure Debian's speech-dispatcher with espeak-ng is there: the real speech backend of
# Chromium's speechSynthesis for the read-aloud end-to-end test (test/e2e/speech.ts).
# Installs what is missing with apt-get when we are root; otherwise says how to get it.
set -euo pipefail
missing=()
if ! command -v speech-dispatcher >/dev/null 2>&1; then missing+=(speech-dispatcher); fi
if [ ! -x /usr/lib/speech-dispatcher-modules/sd_espeak-ng ]; then missing+=(speech-dispatcher-espeak-ng); fi
if ! command -v espeak-ng >/dev/null 2>&1; then missing+=(espeak-ng); fi
if [ "${#missing[@]}" -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Missing for the read-aloud test: installing ${missing[*]} with apt-get…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "Missing for the read-aloud test: ${missing[*]}. Install Debian's packages (sudo apt-get install ${missing[*]})." >&2
exit 1
