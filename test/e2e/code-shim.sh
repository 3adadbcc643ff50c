#!/usr/bin/env bash
# code-shim.sh — stands in for the VS Code executable that @vscode/test-electron's runTests() launches.
#
# No desktop VS Code / Electron can be installed here (their downloads come from outside the npm registry),
# but runTests({ vscodeExecutablePath }) only spawns that path with
#   [launchArgs…] --no-sandbox … --extensionTestsPath=X --extensionDevelopmentPath=Y …
# and waits for its exit code. This shim turns those arguments into a payload run in the VS Code server that
# test/e2e/run.sh started (CS_URL), where the suite runs in the server's real Node extension host.
# Limits: one extensionDevelopmentPath; the folder to open is the one positional launch argument.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dev= tests= folder=
for a in "$@"; do
  case $a in
    --extensionDevelopmentPath=*) [ -n "$dev" ] || dev=${a#*=} ;;
    --extensionTestsPath=*) tests=${a#*=} ;;
    -*) ;;                      # --no-sandbox, --user-data-dir=…, --disable-extensions, … (Electron-only)
    *) folder=$a ;;             # launchArgs positional: the folder to open
  esac
done
[ -n "$dev" ] && [ -n "$tests" ] && [ -n "$folder" ] \
  || { echo "code-shim: need --extensionDevelopmentPath=, --extensionTestsPath= and a folder" >&2; exit 2; }
[ -n "${CS_URL:-}" ] || { echo "code-shim: CS_URL is not set; run the suites through test/e2e/run.sh" >&2; exit 2; }
exec node "$HERE/payload-run.mjs" "$dev" "$tests" "$folder"
