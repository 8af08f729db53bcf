#!/usr/bin/env bash
# Fuzzes parse + check + fmt with libFuzzer (cargo-fuzz), seeded with the shipped spec and the
# diagnostic test cases. Usage: compiler/fuzz/run.sh [SECONDS]   (default 600)
#
# cargo-fuzz needs a nightly compiler; this machine has only stable, so RUSTC_BOOTSTRAP=1 lets
# stable accept the flags it passes. Install it once with `cargo install cargo-fuzz`.
# A crash leaves its input in compiler/fuzz/artifacts/parse_check/; reproduce it with
# `compiler/fuzz/run.sh` replaced by `cargo fuzz run parse_check <file>` in compiler/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
mkdir -p fuzz/corpus/parse_check
cp ../spec/*/*.pmf ../tests/diagnostics/*.pmf fuzz/corpus/parse_check/ 2>/dev/null || true
RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none parse_check fuzz/corpus/parse_check -- \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096
