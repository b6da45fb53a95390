# Shared settings for the scripts; sourced, not run.
# shellcheck shell=bash
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${TWCTL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/twctl}
BUILD_DIR=${TWCTL_BUILD_DIR:-$ROOT/build}
VENV=$CACHE/venv
TEMPORAL_CLI_VERSION=v1.5.1

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
