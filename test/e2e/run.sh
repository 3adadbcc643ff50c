#!/usr/bin/env bash
# run.sh — the real-editor tests (npm run test:e2e): the packaged extension in a real VS Code.
#
# VS Code is the server + web workbench inside the code-server npm package (4.100.3 = VS Code 1.100.3, the
# newest on Node 20), installed by install-vscode.sh from npm and Debian apt only. Two suites, under node --test:
#   ui.test.mjs       Playwright + Debian's chromium drive the workbench like a person (the .vsix installed).
#   ui-editing.test.mjs  the same, typing: suggestions, snippets, Enter, quick-fix cursor, the two views, format.
#   exthost.test.mjs  @vscode/test-electron's runTests → code-shim.sh → the mocha suite in suite/ runs in the
#                     server's Node extension host, against the `vscode` API (the extension loaded from the repo).
# Knobs: VSCODE_E2E_CACHE (install cache, default ~/.cache/vscode-e2e), CODE_SERVER_VERSION, KEEP_RUN=1 (keep
# the run folder), E2E_TESTS (test files to run, default both suites), VERBOSE=1 (workbench log lines too).
# The server listens on 127.0.0.1 only, in its own process group, which is ended on exit.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RUN=$(mktemp -d "${TMPDIR:-/tmp}/sinchcp-e2e.XXXXXX")
SERVER_PID=
T_START=$(date +%s); t_last=$T_START
lap() { local now; now=$(date +%s); echo "[e2e] $1: $((now - t_last))s"; t_last=$now; }

cleanup() {
  local rc=$?
  if [ -n "$SERVER_PID" ]; then
    # Started with setsid: its PID is its process-group id, which also holds the extension hosts and
    # language servers it forked.
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
  fi
  if [ "$rc" -ne 0 ] || [ "${KEEP_RUN:-}" = 1 ]; then
    echo "[e2e] run folder kept: $RUN (server.log, artifacts/ with failure screenshots)"
  else
    rm -rf "$RUN"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. Debian packages + code-server (cached after the first run).
VSCODE=$(bash "$HERE/install-vscode.sh" 2>"$RUN/install.log" | tail -1) || { tail -40 "$RUN/install.log"; exit 1; }
VSCODE_VERSION=$(node -p "require('$VSCODE/package.json').version")
lap "apt + code-server (VS Code $VSCODE_VERSION)"

# 2. The project's own dev dependencies (playwright-core, vsce, test-electron, mocha) and the .vsix.
[ -d "$ROOT/node_modules/playwright-core" ] || (cd "$ROOT" && npm ci --no-audit --no-fund >/dev/null)
(cd "$ROOT" && npm run --silent package >"$RUN/package.log" 2>&1) || { cat "$RUN/package.log"; exit 1; }
VSIX=$ROOT/sinchcp.vsix
echo "[e2e] vsix: $(stat -c %s "$VSIX") bytes; $(grep -o 'Packaged:.*' "$RUN/package.log" || true)"
lap "build + package"

# 3. Install the .vsix into a fresh extensions dir (server-main.js is also the CLI), exactly as a user gets it.
mkdir -p "$RUN/extensions" "$RUN/user-data/User" "$RUN/server-data" "$RUN/home" "$RUN/artifacts"
# Private HOME/XDG dirs: nothing lands in the real home. EXTENSIONS_GALLERY='{}': no marketplace lookups.
server_env=(env HOME="$RUN/home" XDG_CONFIG_HOME="$RUN/home/.config" XDG_DATA_HOME="$RUN/home/.local/share"
  XDG_CACHE_HOME="$RUN/home/.cache" EXTENSIONS_GALLERY='{}')
server_dirs=(--server-data-dir "$RUN/server-data" --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions")
"${server_env[@]}" node "$VSCODE/out/server-main.js" "${server_dirs[@]}" --install-extension "$VSIX" --force \
  >"$RUN/install-extension.log" 2>&1 || { cat "$RUN/install-extension.log"; exit 1; }
cp "$HERE/user-settings.json" "$RUN/user-data/User/settings.json"
lap "install extension"

# 4. The VS Code server on 127.0.0.1, random port, no token, own process group.
# --enable-smoke-test-driver: newer workbenches honour the test payload only with it (harmless on 1.100).
setsid "${server_env[@]}" node "$VSCODE/out/server-main.js" \
  --host 127.0.0.1 --port 0 --without-connection-token --accept-server-license-terms \
  --disable-telemetry --enable-smoke-test-driver "${server_dirs[@]}" >"$RUN/server.log" 2>&1 &
SERVER_PID=$!
PORT=
for _ in $(seq 1 240); do
  PORT=$(sed -n 's/.*Extension host agent listening on \([0-9]*\).*/\1/p' "$RUN/server.log" | head -1)
  [ -n "$PORT" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$RUN/server.log"; echo "[e2e] server exited"; exit 1; }
  sleep 0.25
done
[ -n "$PORT" ] || { cat "$RUN/server.log"; echo "[e2e] server did not start"; exit 1; }
CS_URL=http://127.0.0.1:$PORT
echo "[e2e] VS Code $VSCODE_VERSION server at $CS_URL (pid $SERVER_PID)"
lap "server start"

# 5. Tests: each suite opens its own fresh copy of the workspace fixture.
cp -r "$HERE/workspace" "$RUN/ws-ui"
cp -r "$HERE/workspace" "$RUN/ws-exthost"
# shellcheck disable=SC2206
tests=(${E2E_TESTS:-$HERE/ui.test.mjs $HERE/ui-editing.test.mjs $HERE/ui-sinch.test.mjs $HERE/exthost.test.mjs})
(cd "$ROOT" && CS_URL=$CS_URL WORKSPACE=$RUN/ws-ui EXTHOST_WORKSPACE=$RUN/ws-exthost ARTIFACTS=$RUN/artifacts \
  node --test --test-concurrency=1 --test-reporter=spec "${tests[@]}")
lap "tests"
echo "[e2e] total: $(( $(date +%s) - T_START ))s (VS Code $VSCODE_VERSION)"
