#!/usr/bin/env bash
# Whole-process timings of `pmf check` with hyperfine (Debian package hyperfine), on the shipped
# spec and on synthetic specs 1x, 10x and 100x its size. Figures go into BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release -q -p pmf
for n in 1 10 100; do
  [ -d "target/synthetic-${n}x" ] || python3 compiler/benches/make_synthetic.py "$n" "target/synthetic-${n}x"
done
hyperfine -N --warmup 5 --runs 50 './target/release/pmf check spec'
hyperfine -N --warmup 2 --runs 10 \
  './target/release/pmf check target/synthetic-1x' \
  './target/release/pmf check target/synthetic-10x' \
  './target/release/pmf check target/synthetic-100x'
