# Shared settings for the scripts; sourced, not run.
# shellcheck shell=bash
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${TWCTL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/twctl}
BUILD_DIR=${TWCTL_BUILD_DIR:-$ROOT/build}
SANITIZE_BUILD_DIR=${TWCTL_SANITIZE_BUILD_DIR:-$ROOT/build-sanitize}
VENV=$CACHE/venv
TEMPORAL_CLI_VERSION=v1.5.1
# The embedded Temporal server (tests/devserver): its version is the one its go.mod requires.
DEVSERVER_SRC=$ROOT/tests/devserver
DEVSERVER_VERSION=$(awk '$1 == "go.temporal.io/server" { print $2 }' "$DEVSERVER_SRC/go.mod")
DEVSERVER_BIN=$CACHE/devserver-$DEVSERVER_VERSION/twctl-devserver

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The official CLI (for its dev server): on PATH, or where `go install` puts it.
find_temporal() {
  if [ -n "${TWCTL_TEMPORAL_BIN:-}" ] && [ -x "$TWCTL_TEMPORAL_BIN" ]; then echo "$TWCTL_TEMPORAL_BIN"; return; fi
  if command -v temporal >/dev/null 2>&1; then command -v temporal; return; fi
  local gobin
  if command -v go >/dev/null 2>&1; then
    gobin=$(go env GOBIN); [ -n "$gobin" ] || gobin="$(go env GOPATH)/bin"
    if [ -x "$gobin/temporal" ]; then echo "$gobin/temporal"; return; fi
  fi
  return 1
}

# The embedded dev server (tests/devserver), as scripts/setup builds it into the cache.
find_devserver() {
  if [ -n "${TWCTL_DEVSERVER_BIN:-}" ] && [ -x "$TWCTL_DEVSERVER_BIN" ]; then echo "$TWCTL_DEVSERVER_BIN"; return; fi
  if [ -x "$DEVSERVER_BIN" ]; then echo "$DEVSERVER_BIN"; return; fi
  return 1
}

# What the dev server binary is built from: a change to any of these files rebuilds it.
devserver_source_hash() {
  (cd "$DEVSERVER_SRC" && sha256sum go.mod go.sum ./*.go) | sha256sum | cut -d' ' -f1
}
