#!/usr/bin/env bash
# Builds the explorer (release, offline, pinned tools) and serves it at
# http://127.0.0.1:8080. Installs any missing tool first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
exec trunk serve --release "$@"
