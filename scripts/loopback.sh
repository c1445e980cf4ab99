#!/usr/bin/env bash
# Runs a command in a loopback-only network namespace: Firefox calls home (settings, telemetry,
# remote services), and the tests must neither depend on the network nor touch it. The fixture
# server the tests start on 127.0.0.1 runs inside the same namespace, so it is reachable.
#   bash scripts/loopback.sh npx vitest run --project e2e-firefox
# As root: `unshare -n`. Otherwise: `unshare -rn` (a user namespace, where the kernel allows it).
# FOLIO_NETNS=off runs the command on the host's network instead (not isolated; says so).
set -euo pipefail
if [ "$#" -eq 0 ]; then echo "usage: scripts/loopback.sh COMMAND [ARGS...]" >&2; exit 2; fi
if [ "${FOLIO_NETNS:-}" = "off" ]; then
  echo "loopback.sh: FOLIO_NETNS=off: running on the host's network (Firefox may call home)." >&2
  exec "$@"
fi
why=""
if ! command -v unshare >/dev/null 2>&1; then
  why="'unshare' is not installed (Debian: apt-get install util-linux)"
elif ! command -v ip >/dev/null 2>&1; then
  why="'ip' is not installed (Debian: apt-get install iproute2)"
else
  inner='ip link set lo up && exec "$@"'
  if [ "$(id -u)" = "0" ] && unshare -n true 2>/dev/null; then
    exec unshare -n sh -c "$inner" sh "$@"
  fi
  if unshare -rn true 2>/dev/null; then
    exec unshare -rn sh -c "$inner" sh "$@"
  fi
  why="this system does not allow a new network namespace (unshare -n as root, or unshare -rn: $(unshare -rn true 2>&1 | head -1))"
fi
cat >&2 <<MSG
loopback.sh: cannot make a loopback-only network namespace: $why.
  Folio runs Firefox (its e2e suite, npm run start:firefox) in one because Firefox calls home.
  In a container, allow namespaces (for example docker run --cap-add SYS_ADMIN, or
  --security-opt seccomp=unconfined for user namespaces), or run on the host's network
  knowingly with FOLIO_NETNS=off.
MSG
exit 1
