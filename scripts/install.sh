#!/usr/bin/env bash
# Builds crosscheck in release mode and installs the binary.
#
#   scripts/install.sh [BINDIR]      (default BINDIR: $HOME/.local/bin)
#
# One line from a fresh clone:
#   git clone <this repository> crosscheck && crosscheck/scripts/install.sh
# Needs the Swift 6 toolchain; crosscheck has no other dependency. The GitHub Action
# (action.yml) installs with this script too.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
bindir="${1:-$HOME/.local/bin}"

swift build --package-path "$here" -c release --product crosscheck
bin="$(swift build --package-path "$here" -c release --show-bin-path)/crosscheck"
mkdir -p "$bindir"
# Copy beside the target, then rename: a running crosscheck is never half-overwritten.
cp "$bin" "$bindir/.crosscheck.tmp.$$"
chmod 755 "$bindir/.crosscheck.tmp.$$"
mv -f "$bindir/.crosscheck.tmp.$$" "$bindir/crosscheck"
echo "installed $bindir/crosscheck ($("$bindir/crosscheck" --version))"
case ":$PATH:" in
  *":$bindir:"*) ;;
  *) echo "note: $bindir is not on PATH; add it, e.g.: export PATH=\"$bindir:\$PATH\"" >&2 ;;
esac
