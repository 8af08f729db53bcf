#!/usr/bin/env bash
# Fuzzes every entry point with libFuzzer (cargo-fuzz), each target for SECONDS in turn:
#   parse_check  any text through parse, check and fmt (seeded with the spec and the diagnostic cases)
#   returns      any bytes as a return in CSV and in JSON, validated (seeded with tests/submissions)
#   xlsx         any bytes as a workbook, or as the sheet, texts and names of one (seeds/xlsx)
#   lsp          any bytes as the language server's standard input (seeds/lsp: a session, bad frames)
#   migrate      any bytes as a return carried to a revision of the spec
# Usage: compiler/fuzz/run.sh [SECONDS [TARGET...]]   (default 600 seconds, every target)
#
# cargo-fuzz needs a nightly compiler; on a stable one RUSTC_BOOTSTRAP=1 lets it accept the flags
# cargo-fuzz passes. Install it once with `cargo install cargo-fuzz`. A crash leaves its input in
# compiler/fuzz/artifacts/TARGET/; replay it with `cargo fuzz run TARGET FILE` in compiler/ (with
# RUSTC_BOOTSTRAP=1). Each run ends with libFuzzer's figures (`Done N runs in S second(s)`).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(parse_check returns xlsx lsp migrate)
fi

seed() {
  local target="$1"
  shift
  mkdir -p "fuzz/corpus/$target"
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "fuzz/corpus/$target/" || true
  done
}
seed parse_check ../spec/*/*.pmf ../tests/diagnostics/*.pmf
seed returns ../tests/submissions/inputs/* ../generated/templates/submission-template.csv \
  ../generated/templates/submission-template.json
seed migrate ../tests/submissions/inputs/*.csv ../generated/templates/submission-template.csv
seed xlsx fuzz/seeds/xlsx/*
seed lsp fuzz/seeds/lsp/*

RUSTC_BOOTSTRAP=1 cargo fuzz build --sanitizer none
mkdir -p fuzz/logs
failed=0
for t in "${targets[@]}"; do
  echo "=== $t for ${seconds}s (log: compiler/fuzz/logs/$t.log)"
  # -rss_limit_mb: an input that makes pmf take more than 2 GB is a failure, as is one that
  # takes more than 20 seconds (-timeout).
  if RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
    -print_final_stats=1 >"fuzz/logs/$t.log" 2>&1; then
    grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "fuzz/logs/$t.log" || true
  else
    failed=1
    tail -40 "fuzz/logs/$t.log"
    echo "$t: FAILED; the input is in compiler/fuzz/artifacts/$t/"
  fi
done
exit "$failed"
