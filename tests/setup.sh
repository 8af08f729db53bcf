#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine: the Rust components, and the
# outside programs some tests drive. Safe to run again. As root it installs with apt-get;
# otherwise it says what is missing (tests that need a missing program skip, except under CI=true,
# where a missing program fails the test).
set -euo pipefail

rustup component add rustfmt clippy >/dev/null 2>&1 || true

# Debian packages the tests use, by the program they provide.
declare -A want=(
)

missing=()
for prog in "${!want[@]}"; do
  command -v "$prog" >/dev/null 2>&1 || missing+=("${want[$prog]}")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "note: not root, so these packages were not installed: ${missing[*]}" >&2
  fi
fi
