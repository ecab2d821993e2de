#!/usr/bin/env bash
# Keychain tests against the real keytar and a real gnome-keyring, in a private D-Bus
# session with a throwaway HOME, so the developer's own keychain is never touched.
# Extra arguments go to vitest (test-all.mjs passes its JSON reporter options).
set -euo pipefail
cd "$(dirname "$0")/.."
for bin in dbus-run-session gnome-keyring-daemon; do
  command -v "$bin" >/dev/null || { echo "missing $bin: apt-get install -y gnome-keyring dbus-daemon" >&2; exit 1; }
done
H=$(mktemp -d)
trap 'rm -rf "$H"' EXIT
mkdir -m 700 "$H/run"
export OSSB_KEYCHAIN_TESTS=1
HOME=$H XDG_RUNTIME_DIR=$H/run dbus-run-session -- sh -c '
  echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec npx vitest run --project keychain --passWithNoTests "$@"' sh "$@"
