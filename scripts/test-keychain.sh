#!/usr/bin/env bash
# Runs the keychain tests against the real keytar and a real gnome-keyring in a private
# D-Bus session with a throwaway HOME, so the developer's own keyring is never touched.
# Extra arguments go to vitest (e.g. reporters from scripts/test-all.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
H=$(mktemp -d)
mkdir -m 700 "$H/run"
trap 'rm -rf "$H"' EXIT
HOME="$H" XDG_RUNTIME_DIR="$H/run" dbus-run-session -- sh -c '
  echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec npx vitest run --project keychain "$@"
' sh "$@"
