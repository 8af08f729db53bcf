#!/usr/bin/env bash
# pmf compute's speed (issue 18): the whole return computed from a year of case records by the
# embedded engine, for one authority and for all 22, against a floor (reading the record files
# once, `cat` to /dev/null) and beside Spark in local mode running generated/records/spark.sql
# over the same files. BENCHMARKS.md records the figures and the machine.
#
#   compiler/benches/compute.sh [SCALE ...]        (default: 1 9.5; SPARK=0 leaves Spark out)
#
# Scale 1 is a realistic year for Wales (about 1.05 million records, 150,000 adult contacts,
# 7,000 looked-after children); 9.5 is about 10 million. Each scale's records are generated once
# by pmf-casegen into target/bench-records/scale-<S> (left there for a second run). One
# authority's records (Cardiff, W06000015) are cut from them with awk, as an authority exports
# its own. Every computed return is compared with the generator's truth before it is timed.
set -euo pipefail
cd "$(dirname "$0")/../.."
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(1 9.5)
profile="${PROFILE:-release}"
flag=(); [ "$profile" = release ] && flag=(--release)
cargo build -q "${flag[@]}" -p pmf -p pmf-casegen
bin="target/$profile"
# The published script (pmf build --check keeps it fresh); its period is 2020-21.
spark_sql=generated/records/spark.sql
mkdir -p target/bench-records
timed() { /usr/bin/time -f "%e %U %S %M" -o target/bench-records/time.txt "$@"; }
report() {
  read -r wall user sys kb < target/bench-records/time.txt
  printf '%-44s %8s s wall %8s s CPU %8s MB peak\n' "$1" "$wall" \
    "$(echo "$user + $sys" | bc)" "$((kb / 1024))"
}

for scale in "${scales[@]}"; do
  dir="target/bench-records/scale-$scale"
  if [ ! -f "$dir/truth.csv" ]; then
    rm -rf "$dir"
    "$bin/pmf-casegen" --period 2020-21 --seed 1 --scale "$scale" --out "$dir" 2>/dev/null
  fi
  one="$dir-cardiff"
  if [ ! -d "$one" ]; then
    mkdir -p "$one.tmp"
    for f in "$dir"/*.csv; do
      name=$(basename "$f")
      case "$name" in truth.csv | planted.csv) continue ;; esac
      awk -F, 'NR == 1 || $1 == "W06000015"' "$f" > "$one.tmp/$name"
    done
    mv "$one.tmp" "$one"
  fi
  records=0
  for f in "$dir"/*.csv; do
    case "$(basename "$f")" in truth.csv | planted.csv) continue ;; esac
    records=$((records + $(wc -l < "$f") - 1))
  done
  echo "== scale $scale: $records records, $(du -sm "$dir" | cut -f1) MB"
  for what in all cardiff; do
    if [ "$what" = all ]; then src="$dir"; auth=all; else src="$one"; auth=W06000015; fi
    out="target/bench-records/out-$what"
    rm -rf "$out" "$out.csv"
    timed sh -c 'for f in "$@"; do case "$f" in */truth.csv | */planted.csv) ;; *) cat "$f" ;; esac; done > /dev/null' sh "$src"/*.csv
    report "floor: reading the files ($what)"
    if [ "$what" = all ]; then dest="$out"; else dest="$out.csv"; fi
    timed "$bin/pmf" compute --records "$src" --period 2020-21 --authority "$auth" --out "$dest" \
      2>target/bench-records/compute.log
    report "pmf compute ($what)"
    # The figures are the truth's (the timing of a wrong answer would mean nothing).
    python3 - "$dir/truth.csv" "$dest" "$auth" <<'EOF'
import csv, glob, os, sys
truth, dest, auth = sys.argv[1:]
want = {(r[0], r[1]): int(r[2]) for r in csv.reader(open(truth)) if r and r[0] != "authority"}
files = glob.glob(os.path.join(dest, "*.csv")) if os.path.isdir(dest) else [dest]
got = {}
for f in files:
    for r in csv.DictReader(open(f, encoding="utf-8-sig")):
        if r["value"] != "":
            got[(r["authority"], r["code"])] = int(float(r["value"]))
bad = [(k, v, got.get(k)) for k, v in want.items() if (auth == "all" or k[0] == auth) and got.get(k) != v]
if bad:
    sys.exit(f"pmf compute disagrees with the truth: {bad[:5]}")
EOF
  done
  if [ "${SPARK:-1}" = 1 ] && python3 -c "import pyspark" 2>/dev/null; then
    tables=()
    for f in "$dir"/*.csv; do
      name=$(basename "$f" .csv)
      case "$name" in truth | planted) continue ;; esac
      tables+=("$name=$f")
    done
    timed python3 tests/records/spark.py "$spark_sql" "${tables[@]}" > target/bench-records/spark.tsv
    report "Spark local[2] (all), spark.sql"
    # Spark's figures are the truth's too.
    python3 - "$dir/truth.csv" target/bench-records/spark.tsv <<'EOF2'
import csv, sys
truth, got_file = sys.argv[1:]
want = {(r[0], r[1]): int(r[2]) for r in csv.reader(open(truth)) if r and r[0] != "authority"}
got = {}
for line in open(got_file):
    p = line.rstrip("\n").split("\t")
    if len(p) == 3:
        got[(p[0], p[1])] = int(float(p[2]))
bad = [(k, v, got.get(k)) for k, v in want.items() if got.get(k) != v]
if bad:
    sys.exit(f"Spark disagrees with the truth: {bad[:5]}")
print(f"Spark: {len(want)} figures, all equal to the truth")
EOF2
  fi
done
