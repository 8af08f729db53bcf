//! Every validation backend agrees: for many generated returns (clean ones, and ones with faults
//! injected into random rules), the built-in validator, the generated SQL on SQLite, on a real
//! PostgreSQL server and on DuckDB, the generated Python module, and the XLSX template's
//! formulas recalculated by LibreOffice report the same set of (authority, period, rule id)
//! findings. The SQL is run as the README says: once to make the tables, then the returns are
//! loaded, then once more to validate them.
//!
//! The outside programs (sqlite3, PostgreSQL, python3 and its duckdb module, LibreOffice) may
//! be missing on a developer's machine, and the test then says so and skips that backend; under
//! CI=true a missing program fails the test. tests/setup.sh installs them.

use crate::subgen::{self, Return};
use pmf::ir::Ir;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

pub type Found = BTreeSet<(String, String, String)>;

pub fn shipped_ir() -> Ir {
    let inputs = pmf::driver::inputs(&[crate::common::root().join("spec")]);
    let input = inputs.into_iter().next().expect("spec/ holds an edition");
    let comp = pmf::check::compile(&input.sources);
    comp.ir.expect("the shipped spec checks clean")
}

/// The path of an outside program, or None (a failure under CI=true).
pub fn tool(name: &str, candidates: &[&str]) -> Option<PathBuf> {
    for c in candidates.iter().copied().chain([name]) {
        let p = Path::new(c);
        if p.is_absolute() && p.exists() {
            return Some(p.to_path_buf());
        }
        if !p.is_absolute() {
            if let Ok(out) = Command::new("sh")
                .arg("-c")
                .arg(format!("command -v {c}"))
                .output()
            {
                let s = String::from_utf8_lossy(&out.stdout).trim().to_string();
                if out.status.success() && !s.is_empty() {
                    return Some(PathBuf::from(s));
                }
            }
        }
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{name} is needed by this test under CI (tests/setup.sh installs it)"
    );
    eprintln!("note: {name} is not installed; this backend is skipped");
    None
}

fn rust_findings(ir: &Ir, csv: &str) -> Found {
    let report = pmf::validate::validate(
        ir,
        vec![("returns.csv".into(), Ok(csv.as_bytes().to_vec()))],
        pmf::validate::Options::default(),
    );
    assert!(report.unreadable.is_empty(), "{:?}", report.unreadable);
    let mut out = Found::new();
    for s in &report.submissions {
        for f in &s.findings {
            out.insert((s.authority.clone(), s.period.clone(), f.rule.clone()));
        }
    }
    out
}

pub fn parse_tsv(text: &str) -> Found {
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut it = l.split('\t');
            let mut next = || it.next().unwrap_or_default().to_string();
            (next(), next(), next())
        })
        .collect()
}

pub fn run(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The difference of two sets of findings, for a message.
pub fn compare(name: &str, expected: &Found, actual: &Found) -> Result<(), String> {
    if expected == actual {
        return Ok(());
    }
    let missing: Vec<_> = expected.difference(actual).take(15).collect();
    let extra: Vec<_> = actual.difference(expected).take(15).collect();
    Err(format!(
        "{name} disagrees with pmf validate:\n  only in pmf validate: {missing:?}\n  only in {name}: {extra:?}"
    ))
}

pub const QUERY: &str = "SELECT authority, period, rule_id FROM pmf_violation";

/// Runs the SQL, loads the returns by column name, runs the SQL again (as the README says) in a
/// database file of `dir`; gives the database.
pub fn sqlite_load(sqlite: &Path, dir: &Path, sql: &Path, csv: &Path) -> PathBuf {
    let db = dir.join("returns.db");
    let read = format!(".read {}", sql.display());
    run(Command::new(sqlite).arg(&db).arg(&read).current_dir(dir));
    run(Command::new(sqlite)
        .arg(&db)
        .arg(format!(".import --csv {} pmf_csv", csv.display()))
        .arg(
            "INSERT INTO pmf_submission (authority, period, code, value, status, comment) \
             SELECT authority, period, code, value, status, comment FROM pmf_csv",
        )
        .arg("DROP TABLE pmf_csv")
        .current_dir(dir));
    run(Command::new(sqlite).arg(&db).arg(&read).current_dir(dir));
    db
}

fn sqlite_findings(sqlite: &Path, dir: &Path, sql: &Path, csv: &Path) -> Found {
    let db = sqlite_load(sqlite, dir, sql, csv);
    parse_tsv(&run(Command::new(sqlite)
        .arg("-separator")
        .arg("\t")
        .arg(&db)
        .arg(QUERY)))
}

/// The Python that has the duckdb module, or None (a failure under CI=true).
pub fn duckdb_python() -> Option<PathBuf> {
    let py = tool("python3", &[])?;
    let ok = Command::new(&py)
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        return Some(py);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "the duckdb Python module is needed by this test under CI (tests/setup.sh installs it)"
    );
    eprintln!("note: the duckdb Python module is not installed; DuckDB is skipped");
    None
}

/// The generated SQL on DuckDB, as the README says: the file, the returns loaded by column
/// name, the file again; then `query`, printed as tab-separated lines.
const DUCKDB_RUN: &str = r#"
import duckdb, sys
db, sql_path, csv, query = sys.argv[1:5]
sql = open(sql_path, encoding="utf-8").read()
con = duckdb.connect(db)
con.execute("SET enable_progress_bar = false")
con.execute(sql)
con.execute(
    "INSERT INTO pmf_submission (authority, period, code, value, status, comment) "
    "SELECT authority, period, code, value, status, comment "
    "FROM read_csv(?, header = true, all_varchar = true, "
    "delim = ',', quote = '\"', escape = '\"')", [csv])
if len(sys.argv) > 5:
    con.execute(
        "INSERT INTO pmf_previous (authority, period, code, value, status, comment) "
        "SELECT authority, period, code, value, status, comment "
        "FROM read_csv(?, header = true, all_varchar = true, "
        "delim = ',', quote = '\"', escape = '\"')", [sys.argv[5]])
con.execute(sql)
for row in con.execute(query).fetchall():
    print("\t".join("" if v is None else str(v) for v in row))
"#;

pub fn duckdb_query(python: &Path, dir: &Path, sql: &Path, csv: &Path, query: &str) -> String {
    run(Command::new(python)
        .arg("-c")
        .arg(DUCKDB_RUN)
        .arg(dir.join("returns.duckdb"))
        .arg(sql)
        .arg(csv)
        .arg(query)
        .current_dir(dir))
}

/// As `duckdb_query`, with last year's returns loaded into pmf_previous.
pub fn duckdb_query_with_previous(
    python: &Path,
    dir: &Path,
    sql: &Path,
    csv: &Path,
    previous: &Path,
    query: &str,
) -> String {
    run(Command::new(python)
        .arg("-c")
        .arg(DUCKDB_RUN)
        .arg(dir.join("returns.duckdb"))
        .arg(sql)
        .arg(csv)
        .arg(query)
        .arg(previous)
        .current_dir(dir))
}

/// A throwaway PostgreSQL server on loopback, stopped when dropped.
pub struct Postgres {
    bin: PathBuf,
    data: PathBuf,
    port: u16,
    as_postgres: bool,
    _dir: tempfile::TempDir,
}

impl Postgres {
    pub fn start(bin: PathBuf) -> Postgres {
        let dir = tempfile::Builder::new()
            .prefix("pmf-pg")
            .tempdir()
            .expect("a temporary folder");
        // initdb refuses to run as root: then the server runs as the postgres user.
        let as_postgres = run(Command::new("id").arg("-u")).trim() == "0";
        if as_postgres {
            run(Command::new("chown").arg("postgres").arg(dir.path()));
        }
        let data = dir.path().join("data");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let pg = Postgres {
            bin,
            data,
            port,
            as_postgres,
            _dir: dir,
        };
        pg.ctl(&[
            "initdb",
            "-D",
            &pg.data.display().to_string(),
            "-A",
            "trust",
            "-U",
            "postgres",
        ]);
        let sock = pg._dir.path().display().to_string();
        pg.ctl(&[
            "pg_ctl",
            "-D",
            &pg.data.display().to_string(),
            "-o",
            &format!("-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off"),
            "-l",
            &pg._dir.path().join("log").display().to_string(),
            "-w",
            "start",
        ]);
        pg
    }

    fn ctl(&self, args: &[&str]) -> String {
        let prog = self.bin.join(args[0]);
        let mut cmd = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(prog);
            c
        } else {
            Command::new(prog)
        };
        cmd.args(&args[1..]).current_dir(self._dir.path());
        run(&mut cmd)
    }

    pub fn psql(&self, args: &[&str]) -> String {
        run(Command::new(self.bin.join("psql"))
            .args([
                "-h",
                "127.0.0.1",
                "-p",
                &self.port.to_string(),
                "-U",
                "postgres",
            ])
            .args(["-v", "ON_ERROR_STOP=1", "-q", "-X"])
            .args(args))
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let data = self.data.display().to_string();
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.ctl(&["pg_ctl", "-D", &data, "-m", "immediate", "-w", "stop"])
        }));
    }
}

pub fn postgres_bin() -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path().join("bin"))
                .collect()
        })
        .unwrap_or_default();
    found.retain(|p| p.join("initdb").exists() && p.join("psql").exists());
    found.sort();
    match found.pop() {
        Some(p) => Some(p),
        None => tool("initdb", &[]).and_then(|p| p.parent().map(Path::to_path_buf)),
    }
}

fn postgres_findings(bin: PathBuf, sql: &Path, csv: &Path) -> Found {
    postgres_findings_with_previous(bin, sql, csv, None)
}

/// As `postgres_findings`, with last year's returns loaded into pmf_previous.
pub fn postgres_findings_with_previous(
    bin: PathBuf,
    sql: &Path,
    csv: &Path,
    previous: Option<&Path>,
) -> Found {
    let pg = Postgres::start(bin);
    pg.psql(&["-f", &sql.display().to_string()]);
    if let Some(prev) = previous {
        pg.psql(&[
            "-c",
            &format!(
                "\\copy pmf_previous FROM '{}' WITH (FORMAT csv, HEADER true)",
                prev.display()
            ),
        ]);
    }
    pg.psql(&[
        "-c",
        &format!(
            "\\copy pmf_submission FROM '{}' WITH (FORMAT csv, HEADER true)",
            csv.display()
        ),
    ]);
    pg.psql(&["-f", &sql.display().to_string()]);
    parse_tsv(&pg.psql(&["-At", "-F", "\t", "-c", QUERY]))
}

fn python_findings(python: &Path, module: &Path, csv: &Path) -> Found {
    // JSON, not the TSV form: a rule's message may hold tabs and line breaks.
    let out = Command::new(python)
        .arg(module)
        .arg(csv)
        .args(["--format", "json"])
        .current_dir(module.parent().unwrap_or(Path::new(".")))
        .output()
        .expect("python3 runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "the Python module failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("the Python module writes JSON");
    let mut found = Found::new();
    for r in v["returns"].as_array().into_iter().flatten() {
        let text = |k: &str| r[k].as_str().unwrap_or_default().to_string();
        for f in r["findings"].as_array().into_iter().flatten() {
            let rule = f["rule"].as_str().unwrap_or_default().to_string();
            found.insert((text("authority"), text("period"), rule));
        }
    }
    found
}

#[test]
fn the_generator_makes_clean_returns() {
    let ir = shipped_ir();
    let mut rng = subgen::Rng(7);
    for k in 0..5 {
        let r = subgen::clean(&ir, &mut rng, "W06000015", "2020-21");
        let found = rust_findings(&ir, &subgen::to_csv(&[r]));
        assert!(found.is_empty(), "clean return {k} has findings: {found:?}");
    }
}

#[test]
fn every_backend_finds_the_same_faults_in_tidy_returns() {
    let ir = shipped_ir();
    let rets: Vec<Return> = subgen::returns(&ir, 2020_2021, 60, true);
    let csv = subgen::to_csv(&rets);
    let expected = rust_findings(&ir, &csv);
    // The test means something: faults were found, in the faulty returns only.
    let faulty: BTreeSet<(String, String)> = expected
        .iter()
        .map(|(a, p, _)| (a.clone(), p.clone()))
        .collect();
    for (k, r) in rets.iter().enumerate() {
        let key = (r.authority.clone(), r.period.clone());
        if k % 2 == 0 {
            assert!(!faulty.contains(&key), "clean return {key:?} has findings");
        }
    }
    assert!(
        faulty.len() >= 15,
        "faults were found in {} returns only",
        faulty.len()
    );
    let kinds: BTreeSet<&str> = expected
        .iter()
        .filter_map(|(_, _, r)| r.rsplit('.').next())
        .collect();
    for k in ["value", "required", "duplicate", "unknown_code"] {
        assert!(kinds.contains(k), "no {k} finding among {kinds:?}");
    }

    tidy_backends_agree(&ir, &csv, &expected);
}

/// Runs the tidy backends (Python, SQLite, PostgreSQL, DuckDB) on a CSV and compares with
/// `expected`.
pub fn tidy_backends_agree(ir: &Ir, csv: &str, expected: &Found) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv_path = dir.path().join("returns.csv");
    std::fs::write(&csv_path, csv).expect("write the returns");
    let sql_path = dir.path().join("pmf_validation.sql");
    std::fs::write(&sql_path, pmf::gen::validation::sql::generate(ir)).expect("write the SQL");
    let py_path = dir.path().join("pmf_validate.py");
    std::fs::write(&py_path, pmf::gen::validation::python(ir)).expect("write the module");

    let mut errors = Vec::new();
    let mut ran = Vec::new();
    if let Some(py) = tool("python3", &[]) {
        ran.push("python");
        errors.extend(
            compare(
                "the Python module",
                expected,
                &python_findings(&py, &py_path, &csv_path),
            )
            .err(),
        );
    }
    if let Some(sqlite) = tool("sqlite3", &[]) {
        ran.push("sqlite");
        errors.extend(
            compare(
                "SQLite",
                expected,
                &sqlite_findings(&sqlite, dir.path(), &sql_path, &csv_path),
            )
            .err(),
        );
    }
    if let Some(bin) = postgres_bin() {
        ran.push("postgres");
        // The server runs as another user, who must be able to read the files.
        let public = tempfile::Builder::new()
            .prefix("pmf-pg-in")
            .tempdir()
            .expect("a folder");
        let (sql2, csv2) = (public.path().join("v.sql"), public.path().join("r.csv"));
        std::fs::copy(&sql_path, &sql2).expect("copy");
        std::fs::copy(&csv_path, &csv2).expect("copy");
        errors.extend(
            compare(
                "PostgreSQL",
                expected,
                &postgres_findings(bin, &sql2, &csv2),
            )
            .err(),
        );
    }
    if let Some(py) = duckdb_python() {
        ran.push("duckdb");
        let out = duckdb_query(&py, dir.path(), &sql_path, &csv_path, QUERY);
        errors.extend(compare("DuckDB", expected, &parse_tsv(&out)).err());
    }
    eprintln!("backends compared: {ran:?}; {} findings", expected.len());
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// LibreOffice with a throwaway profile that recalculates every formula on load.
pub fn libreoffice_csv(soffice: &Path, files: &[PathBuf], out: &Path) {
    let profile = tempfile::tempdir().expect("a profile folder");
    let user = profile.path().join("user");
    std::fs::create_dir_all(&user).expect("profile");
    std::fs::write(
        user.join("registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .expect("profile settings");
    run(Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--headless", "--norestore", "--convert-to"])
        .arg("csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1")
        .arg("--outdir")
        .arg(out)
        .args(files));
}

/// The failing rules of a recalculated Checks sheet.
pub fn failing_in_checks(csv: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(csv).unwrap_or_else(|e| panic!("{}: {e}", csv.display()));
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = BTreeSet::new();
    let mut in_table = false;
    for rec in rdr.records().map_while(Result::ok) {
        if rec.get(0) == Some("Rule") && rec.get(6) == Some("Result") {
            in_table = true;
            continue;
        }
        if in_table && rec.get(6) == Some("FAILS") {
            out.insert(rec.get(0).unwrap_or_default().to_string());
        }
    }
    assert!(in_table, "{} has no table of rules", csv.display());
    out
}

#[test]
fn the_xlsx_formulas_find_the_same_faults() {
    let ir = shipped_ir();
    let rets = subgen::returns(&ir, 4242, 12, false);
    xlsx_agrees(&ir, &rets, true);
}

fn xlsx_agrees(ir: &Ir, rets: &[Return], with_indicators: bool) {
    let Some(soffice) = tool("soffice", &["libreoffice"]) else {
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut files = Vec::new();
    let mut expected = Vec::new();
    let mut indicators = Vec::new();
    for (k, r) in rets.iter().enumerate() {
        let csv = subgen::to_csv(std::slice::from_ref(r));
        let input = pmf::validate::read::read("r.csv", csv.as_bytes(), ir).expect("the CSV reads");
        let sub = &input.submissions[0];
        let fill = pmf::gen::templates::Fill {
            submission: Some(sub),
            ..Default::default()
        };
        // Results stored for an empty return: only recalculation gives the truth.
        let bytes = pmf::gen::templates::xlsx::template_uncached(ir, &fill).expect("the workbook");
        let engine = pmf::validate::Engine::new(ir);
        indicators.push(
            engine
                .indicators(sub)
                .into_iter()
                .map(|i| {
                    let dec = ir
                        .indicators
                        .iter()
                        .find(|x| x.code == i.code)
                        .map(|x| x.decimals)
                        .unwrap_or(0);
                    let shown = match (i.value, i.undefined) {
                        (Some(v), _) => format!("{v:.*}", dec as usize),
                        (None, true) => "undefined".into(),
                        (None, false) => "missing".into(),
                    };
                    (i.code, shown)
                })
                .collect::<Vec<_>>(),
        );
        let path = dir.path().join(format!("r{k:02}.xlsx"));
        std::fs::write(&path, bytes).expect("write the workbook");
        files.push(path);
        let rules: BTreeSet<String> = rust_findings(ir, &csv)
            .into_iter()
            .map(|(_, _, r)| r)
            .filter(|r| !r.starts_with("input."))
            .collect();
        expected.push(rules);
    }
    let out = dir.path().join("csv");
    libreoffice_csv(&soffice, &files, &out);
    let mut errors = Vec::new();
    for (k, exp) in expected.iter().enumerate() {
        let got = failing_in_checks(&out.join(format!("r{k:02}-Checks.csv")));
        let e: Found = exp
            .iter()
            .map(|r| (String::new(), String::new(), r.clone()))
            .collect();
        let g: Found = got
            .iter()
            .map(|r| (String::new(), String::new(), r.clone()))
            .collect();
        if let Err(m) = compare(
            &format!("the workbook of return {k} ({:?})", rets[k].faults),
            &e,
            &g,
        ) {
            errors.push(m);
        }
    }
    // The indicators sheet computes what pmf computes.
    for (k, exp) in indicators.iter().enumerate() {
        let got = indicators_in_sheet(&out.join(format!("r{k:02}-Indicators.csv")));
        // Numbers compare as numbers (the sheet may write 0.2 for 0.20).
        let same = |a: &str, b: &str| match (a.parse::<f64>(), b.parse::<f64>()) {
            (Ok(x), Ok(y)) => (x - y).abs() < 1e-9,
            _ => a == b,
        };
        let agree = got.len() == exp.len()
            && got
                .iter()
                .zip(exp)
                .all(|((c1, v1), (c2, v2))| c1 == c2 && same(v1, v2));
        if !agree {
            let diff: Vec<_> = exp
                .iter()
                .zip(&got)
                .filter(|(a, b)| a != b)
                .take(10)
                .collect();
            errors.push(format!(
                "the indicators of return {k} differ (pmf, workbook): {diff:?}"
            ));
        }
    }
    if with_indicators {
        assert!(
            indicators
                .iter()
                .flatten()
                .any(|(_, v)| v != "missing" && v != "undefined"),
            "some indicator has a value"
        );
    }
    // Returns with faults were there to find.
    assert!(expected.iter().filter(|e| !e.is_empty()).count() >= 4);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// (code, result) of each indicator of a recalculated Indicators sheet.
fn indicators_in_sheet(csv: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(csv).unwrap_or_else(|e| panic!("{}: {e}", csv.display()));
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut in_table = false;
    for rec in rdr.records().map_while(Result::ok) {
        if rec.get(0) == Some("Indicator") {
            in_table = true;
            continue;
        }
        let code = rec.get(0).unwrap_or_default();
        if in_table && !code.is_empty() && code.contains('/') {
            out.push((
                code.to_string(),
                rec.get(2).unwrap_or_default().replace(',', ""),
            ));
        }
    }
    out
}

pub fn small_spec() -> Ir {
    let path = crate::common::root().join("tests/submissions/spec/rules.pmf");
    let text = std::fs::read_to_string(&path).expect("the small spec");
    let (_, comp) = crate::common::compile_text("rules.pmf", &text);
    comp.ir.expect("the small spec checks clean")
}

#[test]
fn every_backend_agrees_on_rules_of_every_kind() {
    let ir = small_spec();
    let ops: BTreeSet<&str> = ir.rules.iter().map(|r| r.op.symbol()).collect();
    assert_eq!(ops.len(), 6, "the small spec uses every operator: {ops:?}");
    let rets = subgen::returns(&ir, 99, 150, true);
    let csv = subgen::to_csv(&rets);
    let expected = rust_findings(&ir, &csv);
    let rules: BTreeSet<&str> = expected.iter().map(|(_, _, r)| r.as_str()).collect();
    for r in [
        "VR/01",
        "VR/02",
        "VR/03",
        "VR/04",
        "VR/05",
        "AD/005.exclusive",
    ] {
        assert!(rules.contains(r), "no return breaks {r}: {rules:?}");
    }
    tidy_backends_agree(&ir, &csv, &expected);
    let some: Vec<Return> = rets.into_iter().filter(|r| !r.tidy_only).take(16).collect();
    xlsx_agrees(&ir, &some, false);
}
