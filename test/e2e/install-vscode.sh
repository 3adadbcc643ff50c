#!/usr/bin/env bash
# install-vscode.sh — installs what the real-editor tests need, from Debian apt and the npm registry only:
#   * Debian: chromium (the browser Playwright drives), ripgrep (stands in for the rg binary
#     @vscode/ripgrep would download from GitHub), libkrb5-dev (headers for VS Code's `kerberos`
#     native module, whose prebuilt download from GitHub fails);
#   * code-server@$CODE_SERVER_VERSION from npm into $VSCODE_E2E_CACHE: its lib/vscode is the real
#     VS Code server + web workbench (4.100.3 = VS Code 1.100.3, the newest that runs on Node 20).
# Idempotent: a finished install is marked with .installed and skipped next time.
# Prints the VS Code directory (…/lib/vscode) as its last line.
set -euo pipefail
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.100.3}
CACHE=${VSCODE_E2E_CACHE:-$HOME/.cache/vscode-e2e}
CS_DIR=$CACHE/code-server-$CODE_SERVER_VERSION
VSCODE=$CS_DIR/node_modules/code-server/lib/vscode
export npm_config_loglevel=${npm_config_loglevel:-error} npm_config_fund=false npm_config_audit=false
log() { echo "[e2e-install] $*" >&2; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v rg >/dev/null || missing+=(ripgrep)
[ -e /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -f "$CS_DIR/.installed" ]; then
  log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (a few minutes, once)"
  # Refuse a Node the chosen code-server does not run on, instead of half-building it.
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  echo '{ "private": true }' >"$CS_DIR/package.json"
  # Step 1: fetch without scripts, so nothing downloads from outside the npm registry yet.
  (cd "$CS_DIR" && npm install --ignore-scripts --no-package-lock "code-server@$CODE_SERVER_VERSION" >&2)
  want=$(node -p "require('$CS_DIR/node_modules/code-server/package.json').engines.node.match(/\\d+/)[0]")
  have=$(node -p 'process.versions.node.split(".")[0]')
  [ "$want" = "$have" ] || { log "code-server $CODE_SERVER_VERSION wants Node $want, this is Node $have"; exit 1; }
  # node-gyp must build against local headers (it would otherwise download them).
  NODE_PREFIX=$(dirname "$(dirname "$(node -p process.execPath)")")
  [ -n "${npm_config_nodedir:-}" ] || { [ -f "$NODE_PREFIX/include/node/node.h" ] && export npm_config_nodedir=$NODE_PREFIX; }
  SEED=$(mktemp -d "${TMPDIR:-/tmp}/vscode-e2e-install.XXXXXX")
  RG_VER=$(node -p "(require('$VSCODE/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep'] || {}).version || ''")
  if [ -n "$RG_VER" ]; then
    # @vscode/ripgrep's postinstall uses $TMPDIR/vscode-ripgrep-cache-<ver>/ripgrep-<tag>-<target>.tar.gz
    # before it downloads: put Debian's rg there.
    (cd "$SEED" && npm pack "@vscode/ripgrep@$RG_VER" >/dev/null && tar xzf vscode-ripgrep-*.tgz)
    RG_TAG=$(sed -n "s/^const VERSION = '\(.*\)';/\1/p" "$SEED/package/lib/postinstall.js")
    case $(uname -m) in x86_64) RG_TARGET=x86_64-unknown-linux-musl ;; aarch64) RG_TARGET=aarch64-unknown-linux-musl ;;
      *) log "unsupported arch $(uname -m)"; exit 1 ;; esac
    mkdir -p "$SEED/vscode-ripgrep-cache-$RG_VER"
    tar czf "$SEED/vscode-ripgrep-cache-$RG_VER/ripgrep-$RG_TAG-$RG_TARGET.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  fi
  # Step 2: code-server's postinstall (npm install in lib/vscode + native builds).
  # npm_config_yes: node-pty's install runs `npx node-gyp`, which must not prompt.
  # npm_config_unsafe_perm: code-server's postinstall refuses to run as root without it.
  # npm_config_dangerously_allow_all_scripts: keeps the native builds running should npm block dependency scripts.
  (cd "$CS_DIR" && TMPDIR=$SEED npm_config_yes=true npm_config_unsafe_perm=true \
    npm_config_dangerously_allow_all_scripts=true npm rebuild >"$SEED/install.log" 2>&1) \
    || { grep -v 'Unknown .*config' "$SEED/install.log" | tail -40 >&2; exit 1; }
  rm -rf "$SEED"
  touch "$CS_DIR/.installed"
  log "code-server installed: $(du -sh "$CS_DIR" | cut -f1)"
fi
echo "$VSCODE"
