#!/usr/bin/env bash
# The case-record generator's own speed (issue 18): pmf-casegen at scale 1 (a realistic year for
# Wales) and at the scale of the benchmark for pmf compute (about 10 million records), each run
# timed with its CPU time, the records written and their size. BENCHMARKS.md records the figures.
#
#   compiler/benches/casegen.sh [OUT_DIR]        (default: a temporary folder, removed after)
#
# The records of the large run are left in OUT_DIR/scale-<S> when OUT_DIR is given, for the
# pmf compute and SQL benchmarks to read.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build -q -p pmf-casegen
bin=target/debug/pmf-casegen
out="${1:-}"
if [ -z "$out" ]; then
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi
# Scale 1 gives about 1.05 million records; 9.5 gives about 10 million.
for scale in 1 9.5; do
  dir="$out/scale-$scale"
  rm -rf "$dir"
  /usr/bin/time -f "%e s wall, %U s user, %S s system, %M KB peak" -o "$out/time.txt" \
    "$bin" --period 2020-21 --seed 1 --scale "$scale" --out "$dir" 2>"$out/log.txt"
  records=$(grep -o '[0-9]* records' "$out/log.txt" | cut -d' ' -f1)
  size=$(du -sm "$dir" | cut -f1)
  ad001=$(awk -F, '$2 == "AD/001" { s += $3 } END { print s }' "$dir/truth.csv")
  lac=$(awk -F, '$2 == "CH/041" { s += $3 } END { print s }' "$dir/truth.csv")
  echo "scale $scale: $records records, $size MB, AD/001 $ad001, CH/041 $lac: $(cat "$out/time.txt")"
done
