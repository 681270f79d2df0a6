#!/usr/bin/env bash
# Installs what building Dateline needs, skipping whatever is already present:
# the wasm32 target, Trunk 0.21.14, wasm-bindgen-cli at the version pinned in
# Cargo.lock, and the npm packages in tests/ (binaryen's wasm-opt 132, which
# Trunk.toml pins, and playwright-core). Then fetches the crates, so Trunk can
# run offline. Source it (`. scripts/setup.sh`) to get the tools on PATH.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

say() { printf '[setup] %s\n' "$*" >&2; }

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")
export PATH="$ROOT/tests/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION from source (about 6 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION from source (about 5 minutes)"
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x "$ROOT/tests/node_modules/.bin/wasm-opt" ] || [ "$ROOT/tests/package-lock.json" -nt "$ROOT/tests/node_modules/.package-lock.json" ]; then
  say "installing npm packages in tests/ (binaryen, playwright-core, axe-core)"
  (cd "$ROOT/tests" && npm ci --no-audit --no-fund --loglevel=error)
fi

cargo fetch --locked --manifest-path "$ROOT/Cargo.toml" >/dev/null 2>&1 || cargo fetch --locked --manifest-path "$ROOT/Cargo.toml"
