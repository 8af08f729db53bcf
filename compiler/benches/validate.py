#!/usr/bin/env python3
"""`pmf validate` side by side with the peers an analyst could use instead (issue 15; figures
in BENCHMARKS.md, "The validator side by side"), in one run:

    python3 compiler/benches/validate.py [--runs N] [--sizes 1,10]
        [--engines pmf,sqlite,duckdb,python,vtl] [--pmf PATH]

On the benchmark returns (22 authorities x 10 years, 119,460 rows, made by
compiler/benches/make_returns.py) and on ten times them (22 x 100 years, 1,194,600 rows), both
made under target/sql-bench/ as compiler/benches/sql.py makes them, it times, each as a whole
(every process from its start to the count of findings, as an analyst runs it):

- pmf: target/release/pmf validate FILE.csv, the report written to a file (release build:
  cargo build --release -p pmf);
- sqlite: generated/validation/pmf_validation.sql in the sqlite3 shell, as its README says: the
  file (making pmf_submission), the CSV imported, the file again (validating), then
  SELECT count(*) FROM pmf_violation: four sqlite3 processes, on a fresh database file;
- duckdb: the same in DuckDB (the Python wheel, a database file), one Python process;
- python: generated/validation/pmf_validate.py FILE.csv --format tsv (one line per finding);
- vtl: vtlengine (PyPI) running the rules written in VTL by compiler/benches/make_vtl.py from
  generated/ir/spec.json, on the same CSV, with its DuckDB back end (run(..., use_duckdb=True));
  installed in a venv under target/ (it brings a newer duckdb than the system's):
  python3 -m venv target/vtl-venv && target/vtl-venv/bin/pip install vtlengine.
  vtl-pandas (not run unless named) is its default pandas back end: 390 s at 1x on this
  machine, so a 10x run would take about an hour.

For each it reports the wall time, the CPU time (user + system of the processes, from wait4),
the peak resident memory (the largest of its processes, as GNU time reports it), rows per
second and the ratios to pmf validate at the same size. Each is run N times (3 unless given) and the run
with the least CPU time is kept; an engine whose first run takes more than a minute is run
once. The load average is read before and after each run and its range is printed.

Every engine must find as many findings as pmf validate, or the script stops. VTL has no form
for the reader's own findings (input.*, see make_vtl.py), so vtlengine's count is compared with
pmf validate's findings less those, and its row of the table says so.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sql  # noqa: E402  (the inputs and the SQL steps, as sql.py runs them)

ROOT = sql.ROOT
PMF = sql.PMF
SQL = sql.SQL
PY = os.path.join(ROOT, "generated", "validation", "pmf_validate.py")
IR = os.path.join(ROOT, "generated", "ir", "spec.json")
VENV_PY = os.path.join(ROOT, "target", "vtl-venv", "bin", "python")
VTL_DIR = os.path.join(ROOT, "target", "vtl-bench")
ONCE_AFTER = 60.0
TIME = "/usr/bin/time"

VTL_RUN = r"""
import json, sys
from vtlengine import run
d, csv = sys.argv[1], sys.argv[2]
with open(d + "/rules.vtl", encoding="utf-8") as f:
    script = f.read()
with open(d + "/structures.json", encoding="utf-8") as f:
    structures = json.load(f)
res = run(script, structures, {"RETURNS": csv, "ITEMS": d + "/items.csv"}, use_duckdb=sys.argv[3] == "duckdb")
n = 0
for name, ds in res.items():
    if name == "value_findings" or name == "required_findings" or name.startswith("C"):
        n += 0 if ds.data is None else len(ds.data)
print(n)
"""

DUCK = r"""
import duckdb, sys
db, sql_path, csv, cols = sys.argv[1:5]
sql = open(sql_path, encoding="utf-8").read()
con = duckdb.connect(db)
con.execute("SET enable_progress_bar = false")
con.execute(sql)
con.execute("INSERT INTO pmf_submission (%s) SELECT %s FROM read_csv(?, header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')" % (cols, cols), [csv])
con.close()
con = duckdb.connect(db)
con.execute("SET enable_progress_bar = false")
con.execute(sql)
print(con.execute("SELECT count(*) FROM pmf_violation").fetchone()[0])
"""


class Measure:
    """Wall, CPU and peak RSS of a sequence of processes."""

    def __init__(self):
        self.wall = 0.0
        self.cpu = 0.0
        self.rss = 0

    def run(self, cmd, ok=(0,), **kw):
        # The peak memory is GNU time's: a child's ru_maxrss from wait4 starts at its parent's
        # (Linux keeps the high-water mark across fork and exec), and this script's is large.
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
                tempfile.NamedTemporaryFile("r") as peak:
            t0 = time.perf_counter()
            p = subprocess.Popen([TIME, "-o", peak.name, "-f", "%M"] + cmd, stdout=out, stderr=err, **kw)
            _, status, ru = os.wait4(p.pid, 0)
            self.wall += time.perf_counter() - t0
            p.returncode = os.waitstatus_to_exitcode(status)
            self.cpu += ru.ru_utime + ru.ru_stime
            kb = peak.read().split()
            self.rss = max(self.rss, int(kb[-1]) * 1024 if kb and kb[-1].isdigit() else 0)
            out.seek(0)
            err.seek(0)
            if p.returncode not in ok:
                sys.exit("%s failed (%d):\n%s" % (" ".join(cmd), p.returncode, err.read()[-3000:].decode("utf-8", "replace")))
            return out.read().decode("utf-8")


def pmf_findings(csv):
    """(every finding, findings of rules: not input.*) of pmf validate."""
    p = subprocess.run([PMF, "validate", "--format", "json", csv], capture_output=True, text=True, cwd=ROOT)
    sql.check(p, ["pmf validate --format json"], ok=(0, 1))
    subs = json.loads(p.stdout)["submissions"]
    every = sum(len(s["findings"]) for s in subs)
    rules = sum(1 for s in subs for f in s["findings"] if not f["rule"].startswith("input."))
    return every, rules


def run_pmf(csv, tmp):
    m = Measure()
    m.run([PMF, "validate", csv], ok=(0, 1), cwd=ROOT)
    return m, None


def run_sqlite(csv, tmp):
    db = os.path.join(tmp, "returns.db")
    if os.path.exists(db):
        os.remove(db)
    sqlite = shutil.which("sqlite3")
    m = Measure()
    m.run([sqlite, db, ".read " + SQL])
    m.run([sqlite, db, ".import --csv %s pmf_csv" % csv,
           "INSERT INTO pmf_submission (%s) SELECT %s FROM pmf_csv" % (sql.COLS, sql.COLS), "DROP TABLE pmf_csv"])
    m.run([sqlite, db, ".read " + SQL])
    n = int(m.run([sqlite, db, "SELECT count(*) FROM pmf_violation"]))
    return m, n


def run_duckdb(csv, tmp):
    db = os.path.join(tmp, "returns.duckdb")
    for p in (db, db + ".wal"):
        if os.path.exists(p):
            os.remove(p)
    m = Measure()
    n = int(m.run([sys.executable, "-c", DUCK, db, SQL, csv, sql.COLS]))
    return m, n


def run_python(csv, tmp):
    m = Measure()
    out = m.run([sys.executable, PY, csv, "--format", "tsv"], ok=(0, 1))
    return m, sum(1 for line in out.splitlines() if line)


def run_vtl(csv, tmp):
    m = Measure()
    # DuckDB may draw a progress bar on the same output: the count is the last word.
    n = int(m.run([VENV_PY, "-c", VTL_RUN, VTL_DIR, csv, "duckdb"]).split()[-1])
    return m, n


def run_vtl_pandas(csv, tmp):
    m = Measure()
    n = int(m.run([VENV_PY, "-c", VTL_RUN, VTL_DIR, csv, "pandas"]).split()[-1])
    return m, n


ENGINES = {
    "pmf": ("pmf validate", run_pmf),
    "sqlite": ("SQL on SQLite (sqlite3 shell)", run_sqlite),
    "duckdb": ("SQL on DuckDB (Python wheel)", run_duckdb),
    "python": ("pmf_validate.py (generated Python)", run_python),
    "vtl": ("VTL on vtlengine (DuckDB back end)", run_vtl),
    "vtl-pandas": ("VTL on vtlengine (pandas back end)", run_vtl_pandas),
}


def version(engine):
    try:
        if engine == "sqlite":
            return "SQLite " + subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0]
        if engine == "duckdb":
            return "DuckDB " + subprocess.run([sys.executable, "-c", "import duckdb; print(duckdb.__version__)"],
                                              capture_output=True, text=True).stdout.strip()
        if engine == "python":
            return "Python " + sys.version.split()[0]
        if engine.startswith("vtl"):
            return "vtlengine " + subprocess.run(
                [VENV_PY, "-c", "import importlib.metadata as m; print(m.version('vtlengine'), m.version('pandas'))"],
                capture_output=True, text=True).stdout.strip().replace(" ", ", pandas ")
    except OSError:
        pass
    return ""


def main():
    global PMF
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="1,10")
    ap.add_argument("--engines", default="pmf,sqlite,duckdb,python,vtl")
    ap.add_argument("--pmf", default=PMF, help="another pmf binary (for experiments)")
    a = ap.parse_args()
    PMF = os.path.abspath(a.pmf)
    sizes = [int(s) for s in a.sizes.split(",")]
    engines = a.engines.split(",")
    if "pmf" not in engines:
        sys.exit("pmf must be among the engines: the others are compared with it")
    for e in engines:
        if e not in ENGINES:
            sys.exit("unknown engine %s (one of %s)" % (e, ", ".join(ENGINES)))
    if not os.path.exists(TIME):
        sys.exit("GNU time is missing (apt-get install time): it measures the peak memory")
    if not os.path.exists(PMF):
        sys.exit("build pmf first: cargo build --release -p pmf")
    if any(e.startswith("vtl") for e in engines):
        if not os.path.exists(VENV_PY):
            sys.exit("vtlengine is missing: python3 -m venv target/vtl-venv && target/vtl-venv/bin/pip install vtlengine")
        subprocess.run([sys.executable, os.path.join(ROOT, "compiler", "benches", "make_vtl.py"), IR, VTL_DIR],
                       check=True, stdout=subprocess.DEVNULL)
    files = sql.make_inputs(sizes)
    tmp = tempfile.mkdtemp(prefix="pmf-validate-bench")
    results = {}
    loads = []
    try:
        for n in sizes:
            every, rules = pmf_findings(files[n])
            results[(n, "want")] = (every, rules)
            for e in engines:
                best = None
                for i in range(a.runs):
                    loads.append(os.getloadavg()[0])
                    m, found = ENGINES[e][1](files[n], tmp)
                    loads.append(os.getloadavg()[0])
                    if e == "pmf":
                        found = every
                    want = rules if e.startswith("vtl") else every
                    if found != want:
                        sys.exit("%s found %d findings at %dx, pmf validate %d" % (e, found, n, want))
                    if best is None or m.cpu < best[0].cpu:
                        best = (m, found)
                    print("%dx %-6s run %d: %.2f s wall, %.2f s CPU, %.0f MB, %d findings, load %.1f"
                          % (n, e, i + 1, m.wall, m.cpu, m.rss / 1e6, found, loads[-1]), file=sys.stderr, flush=True)
                    if i == 0 and m.wall > ONCE_AFTER:
                        break
                results[(n, e)] = best
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("Load average (1 min) during the runs: %.1f to %.1f, on %d cores." % (min(loads), max(loads), os.cpu_count()))
    print("Versions: " + "; ".join(v for v in (version(e) for e in engines if e != "pmf") if v) + ".")
    print()
    print("| engine | rows | input | findings | wall | CPU | peak memory | memory / input | rows/s (wall) | rows/s (CPU) | wall / pmf | CPU / pmf |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n in sizes:
        size = os.path.getsize(files[n])
        with open(files[n], "rb") as f:
            rows = sum(1 for _ in f) - 1
        base = results[(n, "pmf")][0]
        for e in engines:
            m, found = results[(n, e)]
            label = ENGINES[e][0]
            what = "%d" % found
            if e.startswith("vtl"):
                what = "%d (of %d: input.* not in VTL)" % (found, results[(n, "want")][0])
            print("| %s | %s | %.1f MB | %s | %.2f s | %.2f s | %.0f MB | %.1fx | %s | %s | %.1fx | %.1fx |" % (
                label, "{:,}".format(rows), size / 1e6, what, m.wall, m.cpu, m.rss / 1e6, m.rss / size,
                "{:,.0f}".format(rows / m.wall), "{:,.0f}".format(rows / m.cpu) if m.cpu else "",
                m.wall / base.wall, m.cpu / base.cpu))


if __name__ == "__main__":
    main()
