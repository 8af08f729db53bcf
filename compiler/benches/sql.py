#!/usr/bin/env python3
"""The generated validation SQL against `pmf validate`, on the benchmark returns and on ten
times them (figures in BENCHMARKS.md, "The generated SQL").

    python3 compiler/benches/sql.py [--runs N] [--sizes 1,10] [--engines pmf,sqlite,duckdb,postgres]

Needs a release build (cargo build --release -p pmf), sqlite3, the duckdb Python module and
PostgreSQL's server binaries (tests/setup.sh installs them). It makes under target/sql-bench/
the tidy CSV of 22 authorities x 10 years (compiler/benches/make_returns.py, 119,460 rows) and
of 22 x 100 years (1,194,600 rows), starts a throwaway PostgreSQL server on loopback (as the
postgres user when run as root), and for each size times, as an analyst runs them:

- pmf validate FILE.csv (reading the CSV, every rule, the report written to /dev/null);
- for each database, on a fresh database: load the CSV into pmf_submission (the README's
  command), then run pmf_validation.sql on it (rules, every step, the findings), then
  SELECT count(*) FROM pmf_violation.

Each is run N times (3 unless given); the table shows the best wall time and, in brackets, the
CPU time of that run (the database server's own for PostgreSQL, read from /proc). Every engine
must find as many findings as pmf validate, or the script stops. The ratios are to pmf validate
at the same size, and the growth is 10x over 1x.
"""
import argparse
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
WORK = os.path.join(ROOT, "target", "sql-bench")
PMF = os.path.join(ROOT, "target", "release", "pmf")
SQL = os.path.join(ROOT, "generated", "validation", "pmf_validation.sql")
COLS = "authority, period, code, value, status, comment"


def check(p, cmd, ok=(0,)):
    if p.returncode not in ok:
        sys.exit("%s failed (%d):\n%s" % (" ".join(cmd), p.returncode, p.stderr[-2000:]))
    return p.stdout


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd, ok=(0,), **kw):
    """(wall, cpu of the child, stdout)."""
    c0, t0 = children_cpu(), time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    wall, cpu = time.perf_counter() - t0, children_cpu() - c0
    return wall, cpu, check(p, cmd, ok)


def proc_cpu(pid):
    """CPU seconds (user + system) of a process, from /proc."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def make_inputs(sizes):
    os.makedirs(WORK, exist_ok=True)
    template = os.path.join(ROOT, "generated", "templates", "submission-template.csv")
    files = {}
    for n in sizes:
        path = os.path.join(WORK, "returns-%dx.csv" % n)
        if not os.path.exists(path):
            subprocess.run([sys.executable, os.path.join(ROOT, "compiler", "benches", "make_returns.py"),
                            template, path, str(10 * n)], check=True)
        files[n] = path
    return files


def bench_pmf(csv):
    wall, cpu, _ = timed([PMF, "validate", csv], ok=(0, 1), cwd=ROOT)
    out = check(subprocess.run([PMF, "validate", "--format", "json", csv], capture_output=True, text=True,
                               cwd=ROOT),
                ["pmf validate --format json"], ok=(0, 1))
    import json
    n = sum(len(s["findings"]) for s in json.loads(out)["submissions"])
    return {"total": (wall, cpu), "findings": n}


def bench_sqlite(csv, tmp):
    db = os.path.join(tmp, "returns.db")
    if os.path.exists(db):
        os.remove(db)
    sqlite = shutil.which("sqlite3")
    timed([sqlite, db, ".read " + SQL])
    load = timed([sqlite, db, ".import --csv %s pmf_csv" % csv,
                  "INSERT INTO pmf_submission (%s) SELECT %s FROM pmf_csv" % (COLS, COLS), "DROP TABLE pmf_csv"])
    validate = timed([sqlite, db, ".read " + SQL])
    query = timed([sqlite, db, "SELECT count(*) FROM pmf_violation"])
    return {"load": load[:2], "validate": validate[:2], "query": query[:2], "findings": int(query[2])}


DUCK = r"""
import duckdb, os, resource, sys, time
db, sql_path, csv = sys.argv[1:4]
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
sql = open(sql_path).read()
out = []
def step(f):
    c, t = cpu(), time.perf_counter()
    r = f()
    out.append("%f %f" % (time.perf_counter() - t, cpu() - c))
    return r
con = duckdb.connect(db)
con.execute("SET enable_progress_bar = false")
con.execute(sql)
con.close()
con = duckdb.connect(db)
con.execute("SET enable_progress_bar = false")
step(lambda: con.execute("INSERT INTO pmf_submission (%s) SELECT %s FROM read_csv(?, header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')" % (sys.argv[4], sys.argv[4]), [csv]))
con.close()
con = duckdb.connect(db)
con.execute("SET enable_progress_bar = false")
step(lambda: con.execute(sql))
n = step(lambda: con.execute("SELECT count(*) FROM pmf_violation").fetchone()[0])
print(" ".join(out), n)
"""


def bench_duckdb(csv, tmp):
    db = os.path.join(tmp, "returns.duckdb")
    for p in (db, db + ".wal"):
        if os.path.exists(p):
            os.remove(p)
    out = check(subprocess.run([sys.executable, "-c", DUCK, db, SQL, csv, COLS], capture_output=True, text=True),
                ["duckdb"]).split()
    v = [float(x) for x in out[:6]]
    return {"load": (v[0], v[1]), "validate": (v[2], v[3]), "query": (v[4], v[5]), "findings": int(out[6])}


class Postgres:
    def __init__(self, tmp):
        bins = sorted(d for d in os.listdir("/usr/lib/postgresql") if os.path.exists(
            os.path.join("/usr/lib/postgresql", d, "bin", "initdb")))
        if not bins:
            sys.exit("PostgreSQL's server binaries are missing (tests/setup.sh installs them)")
        self.bin = os.path.join("/usr/lib/postgresql", bins[-1], "bin")
        self.dir = tempfile.mkdtemp(prefix="pmf-pg-bench")
        self.root = os.getuid() == 0
        if self.root:
            subprocess.run(["chown", "postgres", self.dir], check=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.data = os.path.join(self.dir, "data")
        self.ctl("initdb", "-D", self.data, "-A", "trust", "-U", "postgres")
        self.ctl("pg_ctl", "-D", self.data, "-l", os.path.join(self.dir, "log"), "-w", "-o",
                 "-p %d -k %s -c listen_addresses=127.0.0.1" % (self.port, self.dir), "start")

    def ctl(self, prog, *args):
        cmd = [os.path.join(self.bin, prog)] + list(args)
        if self.root:
            cmd = ["runuser", "-u", "postgres", "--"] + cmd
        check(subprocess.run(cmd, capture_output=True, text=True, cwd=self.dir), cmd)

    def psql(self, db, *args):
        return [os.path.join(self.bin, "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db] + list(args)

    def stop(self):
        self.ctl("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)

    def bench(self, csv):
        for q in ("DROP DATABASE IF EXISTS bench", "CREATE DATABASE bench"):
            check(subprocess.run(self.psql("postgres", "-c", q), capture_output=True, text=True), [q])
        timed(self.psql("bench", "-f", SQL), env=dict(os.environ, PGOPTIONS="-c client_min_messages=warning"))
        res = {}
        for name, command in (
            ("load", "\\copy pmf_submission (%s) FROM '%s' WITH (FORMAT csv, HEADER true)" % (COLS, csv)),
            ("validate", "\\i " + SQL),
            ("query", "SELECT count(*) FROM pmf_violation;"),
        ):
            wall, cpu, out = self.session(command)
            res[name] = (wall, cpu)
            if name == "query":
                res["findings"] = int(out[-1])
        return res

    def session(self, command):
        """(wall, CPU of the client and of its server process, output lines) of one command
        in a psql session of its own."""
        cmd = self.psql("bench", "-At")
        env = dict(os.environ, PGOPTIONS="-c client_min_messages=warning")
        p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
        p.stdin.write("SELECT pg_backend_pid();\n")
        p.stdin.flush()
        pid = int(p.stdout.readline())
        c0, s0, t0 = children_cpu(), proc_cpu(pid), time.perf_counter()
        p.stdin.write(command + "\nSELECT 'pmf-bench-done';\n")
        p.stdin.flush()
        out = []
        for line in p.stdout:
            line = line.strip()
            if line == "pmf-bench-done":
                break
            out.append(line)
        else:
            sys.exit("psql stopped during: " + command)
        wall, server = time.perf_counter() - t0, proc_cpu(pid) - s0
        p.stdin.close()
        p.wait()
        return wall, server + children_cpu() - c0, out


def main():
    global SQL
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="1,10")
    ap.add_argument("--engines", default="pmf,sqlite,duckdb,postgres")
    ap.add_argument("--sql", default=SQL, help="another SQL file to time (for experiments)")
    a = ap.parse_args()
    SQL = os.path.abspath(a.sql)
    sizes = [int(s) for s in a.sizes.split(",")]
    engines = a.engines.split(",")
    if not os.path.exists(PMF):
        sys.exit("build pmf first: cargo build --release -p pmf")
    files = make_inputs(sizes)
    tmp = tempfile.mkdtemp(prefix="pmf-sql-bench")
    pg = Postgres(tmp) if "postgres" in engines else None
    results = {}
    try:
        for n in sizes:
            for e in engines:
                best = None
                for _ in range(a.runs):
                    if e == "pmf":
                        r = bench_pmf(files[n])
                    elif e == "sqlite":
                        r = bench_sqlite(files[n], tmp)
                    elif e == "duckdb":
                        r = bench_duckdb(files[n], tmp)
                    else:
                        r = pg.bench(files[n])
                    if e != "pmf":
                        r["total"] = tuple(sum(r[k][i] for k in ("load", "validate", "query")) for i in (0, 1))
                        r["checked"] = tuple(sum(r[k][i] for k in ("validate", "query")) for i in (0, 1))
                    if best is None or r["total"][0] < best["total"][0]:
                        best = r
                results[(n, e)] = best
                print("%dx %-8s %s" % (n, e, {k: v for k, v in best.items()}), file=sys.stderr, flush=True)
    finally:
        if pg:
            pg.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    for n in sizes:
        want = results[(n, "pmf")]["findings"] if "pmf" in engines else None
        for e in engines:
            got = results[(n, e)]["findings"]
            if want is not None and got != want:
                sys.exit("%s found %d findings at %dx, pmf validate %d" % (e, got, n, want))
    fmt = lambda t: "%.2f s (%.2f s)" % t
    print("Each cell: wall time (CPU time). Ratios are to pmf validate at the same size: wall, then CPU.")
    print()
    print("| engine | size | load | validate + count | total | total / pmf validate | validate + count / pmf validate | findings |")
    print("|---|---|---|---|---|---|---|---|")
    for e in engines:
        for n in sizes:
            r = results[(n, e)]
            base = results[(n, "pmf")]["total"] if "pmf" in engines else None
            ratio = lambda t: "%.1fx, %.1fx" % (t[0] / base[0], t[1] / base[1]) if base else ""
            if e == "pmf":
                print("| pmf validate | %dx | | | %s | | | %d |" % (n, fmt(r["total"]), r["findings"]))
            else:
                print("| %s | %dx | %s | %s | %s | %s | %s | %d |" % (
                    e, n, fmt(r["load"]), fmt(r["checked"]), fmt(r["total"]), ratio(r["total"]),
                    ratio(r["checked"]), r["findings"]))
    if len(sizes) == 2:
        lo, hi = sizes
        print()
        print("growth %dx -> %dx of the total (wall, CPU): " % (lo, hi) + "; ".join(
            "%s %.1fx, %.1fx" % (e, results[(hi, e)]["total"][0] / results[(lo, e)]["total"][0],
                                 results[(hi, e)]["total"][1] / results[(lo, e)]["total"][1]) for e in engines))


if __name__ == "__main__":
    main()
