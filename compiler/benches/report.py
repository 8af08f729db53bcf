#!/usr/bin/env python3
"""`pmf report`'s speed (issue 16; figures in BENCHMARKS.md, "Reports"): the national
comparison of the 22 authorities and Wales over 10 years, every indicator of the shipped edition
with its charts, as HTML and as PDF, and one authority's director's report as HTML and PDF.

    python3 compiler/benches/report.py [--runs N]

The returns are the validator benchmark's (22 authorities x 10 years, 119,460 values, made by
compiler/benches/make_returns.py from the shipped template into target/sql-bench/); the
populations file is made here: each population the edition declares, for each authority and
year, a fixed synthetic size (the speed does not depend on the sizes). Each run is one whole
`pmf report` process (release build: cargo build --release -p pmf), timed with GNU time; the
best of N runs is printed. Every output is checked to be the same bytes on each run.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.dirname(__file__))
import sql  # noqa: E402  (make_inputs: the benchmark returns)

PMF = os.path.join(ROOT, "target", "release", "pmf")
SPEC = os.path.join(ROOT, "spec", "2019-consultation")
DEFINITION = os.path.join(ROOT, "tests", "reports", "cardiff.pmf")
AUTHORITIES = ["W060000%02d" % n for n in (1, 2, 3, 4, 5, 6, 23, 8, 9, 10, 11, 12, 13, 14, 15, 16, 24, 18, 19, 20, 21, 22)]


def populations(path, ir, years):
    ids = [p["id"] for p in ir.get("populations", [])]
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["authority", "year", "population", "value"])
        for y in years:
            for i, a in enumerate(AUTHORITIES + ["W92000004"]):
                for j, p in enumerate(ids):
                    w.writerow([a, y, p, 60000 + 7919 * i + 1000 * j if a != "W92000004" else 3100000])


def timed(cmd):
    out = tempfile.NamedTemporaryFile(delete=False)
    out.close()
    subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", out.name] + cmd, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    wall, user, sys_, kb = open(out.name).read().split()[-4:]
    os.unlink(out.name)
    return float(wall), float(user) + float(sys_), int(kb) // 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    if not os.path.exists(PMF):
        sys.exit("build pmf first: cargo build --release -p pmf")
    returns = sql.make_inputs([1])[1]
    ir = json.loads(subprocess.run([PMF, "export", SPEC], capture_output=True, text=True, check=True).stdout)
    years = sorted({r["period"] for r in csv.DictReader(open(returns))})
    tmp = tempfile.mkdtemp(prefix="pmf-report-bench")
    pops = os.path.join(tmp, "populations.csv")
    populations(pops, ir, years)
    runs = {
        "national comparison, HTML": ["--national", "--populations", pops, "--format", "html"],
        "national comparison, PDF": ["--national", "--populations", pops, "--format", "pdf"],
        # The shipped edition puts no measure under a quality standard; the test definition does.
        "director's report (Cardiff), HTML": ["--authority", "Cardiff", "--definition", DEFINITION, "--format", "html"],
        "director's report (Cardiff), PDF": ["--authority", "Cardiff", "--definition", DEFINITION, "--format", "pdf"],
    }
    print("%d values, %d years, %d indicators" % (sum(1 for _ in open(returns)) - 1, len(years), len(ir.get("indicators", []))))
    # The floor: reading and checking the same returns (pmf validate, its report to a file).
    floor = None
    for _ in range(a.runs):
        out = tempfile.NamedTemporaryFile(delete=False)
        out.close()
        cmd = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", out.name, PMF, "validate", returns]
        with open(os.path.join(tmp, "validate.txt"), "w") as report:
            subprocess.run(cmd, stdout=report, stderr=subprocess.DEVNULL, cwd=ROOT)
        wall = float(open(out.name).read().split()[-4])
        os.unlink(out.name)
        floor = wall if floor is None else min(floor, wall)
    print("%-40s %6.2f s wall" % ("floor: pmf validate of the returns", floor))
    for name, args in runs.items():
        ext = args[args.index("--format") + 1]
        out = os.path.join(tmp, "out." + ext)
        cmd = [PMF, "report", "--spec", SPEC, "--years", str(len(years)), "-o", out] + args + [returns]
        best, first = None, None
        for _ in range(a.runs):
            m = timed(cmd)
            data = open(out, "rb").read()
            if first is None:
                first = data
            elif data != first:
                sys.exit("%s: not the same bytes twice" % name)
            if best is None or m[0] < best[0]:
                best = m
        extra = ""
        if ext == "pdf":
            info = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout
            pages = [l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")]
            extra = ", %s pages" % (pages[0] if pages else "?")
        if ext == "html":
            extra = ", %d charts" % first.count(b"<svg")
        print("%-40s %6.2f s wall %6.2f s CPU %5d MB peak, %.1f MB%s, %.1fx the floor"
              % (name, best[0], best[1], best[2], len(first) / 1e6, extra, best[0] / floor))


if __name__ == "__main__":
    main()
