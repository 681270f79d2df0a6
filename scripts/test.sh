#!/usr/bin/env bash
# Runs every test and exits non-zero on any failure:
#   1. engine, CLI and app unit/data-driven/property tests (native, cargo test)
#   2. the engine builds for wasm32-unknown-unknown
#   3. quality gates with the reference scorer (../shared/eval/evaluate.py)
#   4. the Python package and the Spark job against the CLI (pytest, in
#      target/venv; scripts/python-tests.sh installs Java 17 and the pinned
#      Python packages when missing)
#   5. the release site built by Trunk, served and loaded in headless Chromium
# Installs any missing tool first (scripts/setup.sh, and Debian's chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

if [ ! -x /usr/bin/chromium ]; then
  say "installing Debian's chromium for the browser tests"
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
fi

step() { printf '\n== %s\n' "$*"; }
start=$(date +%s)

step "cargo test (workspace)"
cargo test --workspace --locked -q

step "engine builds for wasm32"
cargo build --locked -q -p dateline-core --target wasm32-unknown-unknown

step "quality gates (reference scorer)"
cargo build --locked -q --release -p dateline-cli
python3 scripts/gates.py

step "Python package and Spark job (pytest; $(( $(date +%s) - start ))s so far)"
./scripts/python-tests.sh

step "release site (trunk build --release)"
trunk build --release 2>&1 | tail -n 3

step "browser tests (headless chromium; $(( $(date +%s) - start ))s so far)"
cd tests && exec node --test --test-reporter=spec e2e/
