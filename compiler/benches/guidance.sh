#!/usr/bin/env bash
# Whole-process timings of `pmf doc` on the shipped spec with hyperfine (Debian package
# hyperfine): the full PDF (target < 3 s) and the HTML site (target < 300 ms), with Markdown and
# the Welsh PDF beside them. Each run compiles the spec, renders the templates and writes the
# files. Figures go into BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release -q -p pmf
out="target/bench-guidance"
mkdir -p "$out"
hyperfine -N --warmup 1 --runs 10 \
  "./target/release/pmf doc --format pdf -o $out/guidance.pdf spec" \
  "./target/release/pmf doc --format pdf --lang cy -o $out/guidance.cy.pdf spec" \
  "./target/release/pmf doc --format html -o $out/html spec" \
  "./target/release/pmf doc --format md -o $out/md spec"
