#!/usr/bin/env bash
# Install Debian packages only when missing (quiet and idempotent). Usage: ensure-packages.sh pkg [pkg…]
# Known names: postgresql (checks for initdb), chromium (checks /usr/bin/chromium), fonts-dejavu-core, wrk.
set -euo pipefail
missing=()
for pkg in "$@"; do
  case "$pkg" in
    postgresql) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=("$pkg") ;;
    chromium)   [ -x /usr/bin/chromium ] || missing+=("$pkg") ;;
    *)          dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg") ;;
  esac
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "ensure-packages: missing Debian packages: ${missing[*]} (run as root, or install them)" >&2
  exit 1
fi
echo "Installing ${missing[*]} (first run only)…" >&2
# Concurrent runs (run.sh and test.sh together) must not fight over the dpkg lock.
exec 9>/tmp/labelerrors-apt.lock
flock 9
log=$(mktemp)
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  echo "ensure-packages: could not install ${missing[*]}" >&2
  exit 1
fi
rm -f "$log"
