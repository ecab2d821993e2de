#!/usr/bin/env bash
# Runs the keychain tests against the real keytar and a real gnome-keyring in a private
# D-Bus session with a throwaway HOME, so the developer's own keyring is never touched.
# Extra arguments go to vitest (e.g. reporters from scripts/test-all.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
H=$(mktemp -d)
mkdir -m 700 "$H/run"
trap 'rm -rf "$H"' EXIT
# dbus-daemon cannot raise its open-file limit in a container and says so on every start
# ("Failed to set fd limit"), which is harmless: its stderr is filtered for that one line,
# while vitest writes to the real stderr (fd 3).
HOME="$H" XDG_RUNTIME_DIR="$H/run" dbus-run-session -- sh -c '
  echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec npx vitest run --project keychain "$@" 2>&3
' sh "$@" 3>&2 2> >(grep -v 'Failed to set fd limit' >&2)
