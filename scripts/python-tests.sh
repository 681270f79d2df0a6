#!/usr/bin/env bash
# The Python package (crates/dateline-py) and the Spark job (examples/spark),
# tested with pytest against the CLI. Installs what is missing, skipping what
# is present: Debian's Java 17 (for Spark), a venv in target/venv with the
# pinned packages of crates/dateline-py/requirements.txt (maturin, pytest,
# pyspark); then builds the release CLI the tests compare with (a no-op
# after test.sh's quality gates) and the package into the venv (maturin
# develop --release), and runs pytest.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
say() { printf '[python] %s\n' "$*" >&2; }
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
VENV="$ROOT/target/venv"
REQUIREMENTS=crates/dateline-py/requirements.txt

if ! command -v java >/dev/null 2>&1; then
  say "installing Debian's openjdk-17-jre-headless for Spark"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi

if [ ! -x "$VENV/bin/python" ]; then
  say "creating the venv $VENV"
  if ! python3 -m venv "$VENV" 2>/dev/null; then
    say "installing Debian's python3-venv"
    rm -rf "$VENV"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$VENV"
  fi
fi
# The venv records the requirements it was made from; reinstall when they change.
if ! cmp -s "$REQUIREMENTS" "$VENV/requirements.installed"; then
  say "installing $REQUIREMENTS into the venv (pyspark is a 300 MB download)"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$REQUIREMENTS"
  cp "$REQUIREMENTS" "$VENV/requirements.installed"
fi

cargo build --locked -q --release -p dateline-cli

export VIRTUAL_ENV="$VENV" PATH="$VENV/bin:$PATH"
say "building the dateline package into the venv (maturin develop --release)"
if ! log=$(maturin develop --release --locked -m crates/dateline-py/Cargo.toml 2>&1); then
  printf '%s\n' "$log" >&2
  say "maturin could not build the dateline package"
  exit 1
fi

# Spark binds to the loopback address only.
export SPARK_LOCAL_IP=127.0.0.1 DATELINE_CLI="$ROOT/target/release/dateline"
exec python -m pytest -q -p no:cacheprovider crates/dateline-py/tests "$@"
