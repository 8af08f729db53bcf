//! The generated validators built from a hostile spec (tests/validation/hostile/spec.pmf, with
//! a hostile edition id and NUL, CR and escape characters added to its texts in the IR): the
//! SQL still runs on SQLite, PostgreSQL and DuckDB and the Python module still imports, each
//! finds what `pmf validate` finds, each keeps every text exactly (a NUL is U+FFFD in SQL), and
//! no text ran as a statement, a shell command or Python code. Also: `pmf_violation` says so
//! when returns were loaded after the SQL last ran.
//!
//! Outside programs are found and skipped (failed under CI=true) as in `differential.rs`.

use crate::differential::{
    duckdb_python, duckdb_query, run, sqlite_load, tidy_backends_agree, tool,
};
use crate::subgen;
use pmf::ir::Ir;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// Text that, written raw, would end a SQL `--` comment, a Python `#` comment or a string and
/// run a statement, a sqlite3 dot-command, a psql meta-command and Python code, each of which
/// would write `canary`.
fn payload(canary: &Path) -> String {
    let c = canary.display();
    format!(
        "x'); DROP TABLE pmf_submission; --\nDROP TABLE pmf_rule;\n.shell touch {c}\n\\! touch {c}\n\
         import os; os.system('touch {c}')\r# \"\"\" ''' */ \u{0} nul \u{b}\u{c}\u{85}\u{2028}\u{2029}\
         \u{1b}[2J \u{202e} \\ end"
    )
}

fn hostile_ir(canary: &Path) -> Ir {
    let path = crate::common::root().join("tests/validation/hostile/spec.pmf");
    let text = std::fs::read_to_string(&path).expect("the hostile spec");
    let (_, comp) = crate::common::compile_text("spec.pmf", &text);
    let errors: Vec<_> = comp
        .diagnostics
        .iter()
        .filter(|d| d.severity == pmf::diag::Severity::Error)
        .map(|d| d.message.clone())
        .collect();
    assert!(errors.is_empty(), "the hostile spec has errors: {errors:?}");
    let mut ir = comp.ir.expect("the hostile spec has an IR");
    // What the language cannot write, or the checker may one day refuse, put in the IR that
    // the generators read.
    let p = payload(canary);
    ir.edition.id = format!("{p} id");
    ir.edition.title.en = format!("{} {p}", ir.edition.title.en);
    for pop in &mut ir.populations {
        pop.label.en = format!("{} {p}", pop.label.en);
    }
    for r in ir
        .rules
        .iter_mut()
        .filter(|r| r.origin == pmf::ir::RuleOrigin::Explicit)
    {
        if let Some(m) = &mut r.message {
            m.en = format!("{} {p}", m.en);
        }
    }
    ir
}

/// Rows of a query in SQLite, as JSON objects (exact text, whatever it holds).
fn sqlite_json(sqlite: &Path, db: &Path, query: &str) -> Vec<Value> {
    let out = run(Command::new(sqlite).arg("-json").arg(db).arg(query));
    if out.trim().is_empty() {
        return Vec::new();
    }
    match serde_json::from_str::<Value>(&out) {
        Ok(Value::Array(rows)) => rows,
        other => panic!("sqlite3 -json gave {other:?}"),
    }
}

fn field(v: &Value, k: &str) -> String {
    v.get(k)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

#[test]
fn validators_of_a_hostile_spec_run_the_same_checks_and_nothing_else() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let canary = dir.path().join("CANARY");
    let ir = hostile_ir(&canary);
    assert!(ir.edition.id.contains('\n') && ir.edition.id.contains('\0'));
    assert!(ir.missing_statuses.iter().any(|s| s.label.en.contains("'")));

    // The same findings everywhere, on returns that use the hostile status label too.
    let rets = subgen::returns(&ir, 1312, 80, true);
    let csv = subgen::to_csv(&rets);
    assert!(
        csv.contains("It's \"\"odd\"\""),
        "the returns use the hostile status"
    );
    let report = pmf::validate::validate(
        &ir,
        vec![("returns.csv".into(), Ok(csv.as_bytes().to_vec()))],
        pmf::validate::Options::default(),
    );
    let expected: BTreeSet<(String, String, String)> = report
        .submissions
        .iter()
        .flat_map(|s| {
            s.findings
                .iter()
                .map(|f| (s.authority.clone(), s.period.clone(), f.rule.clone()))
        })
        .collect();
    let rules: BTreeSet<&str> = expected.iter().map(|(_, _, r)| r.as_str()).collect();
    for r in ["VR/01", "VR/03", "AD/001.required"] {
        assert!(rules.contains(r), "no return breaks {r}: {rules:?}");
    }
    tidy_backends_agree(&ir, &csv, &expected);
    assert!(!canary.exists(), "a spec text ran as a command");

    let sql = pmf::gen::validation::sql::generate(&ir);
    let py = pmf::gen::validation::python(&ir);
    // The header's comments (the edition id and title) stay comments up to the first statement.
    let header: Vec<&str> = sql.lines().take_while(|l| *l != "BEGIN;").collect();
    assert!(header.len() < sql.lines().count(), "the SQL has no BEGIN");
    for l in &header {
        assert!(l.is_empty() || l.starts_with("--"), "not a comment: {l:?}");
    }
    // In Python every spec text is on one line (a comment, or a literal with escapes), so no
    // line of the module starts with what the texts hold.
    for bad in ["DROP TABLE pmf_rule", ".shell", "\\!", "import os"] {
        assert!(
            !py.lines().any(|l| l.starts_with(bad)),
            "python: a line starts with {bad}"
        );
    }
    for (name, text) in [("sql", &sql), ("python", &py)] {
        assert!(!text.contains('\0'), "{name} holds a NUL");
    }
    std::fs::write(dir.path().join("pmf_validation.sql"), &sql).expect("write");
    std::fs::write(dir.path().join("returns.csv"), &csv).expect("write");
    std::fs::write(dir.path().join("pmf_validate.py"), &py).expect("write");

    // SQLite: the same tables and views as for the plain spec, every text kept.
    if let Some(sqlite) = tool("sqlite3", &[]) {
        let db = sqlite_load(
            &sqlite,
            dir.path(),
            &dir.path().join("pmf_validation.sql"),
            &dir.path().join("returns.csv"),
        );
        let plain_dir = tempfile::tempdir().expect("a temporary folder");
        let plain_sql = plain_dir.path().join("plain.sql");
        std::fs::write(
            &plain_sql,
            pmf::gen::validation::sql::generate(&crate::differential::small_spec()),
        )
        .expect("write");
        std::fs::write(plain_dir.path().join("returns.csv"), &csv).expect("write");
        let plain_db = sqlite_load(
            &sqlite,
            plain_dir.path(),
            &plain_sql,
            &plain_dir.path().join("returns.csv"),
        );
        let objects = "SELECT type, name FROM sqlite_master ORDER BY name";
        assert_eq!(
            sqlite_json(&sqlite, &db, objects),
            sqlite_json(&sqlite, &plain_db, objects)
        );
        let n = sqlite_json(&sqlite, &db, "SELECT count(*) AS n FROM pmf_submission");
        assert_eq!(n[0]["n"], Value::from(csv.lines().count() - 1));
        let sql_text = |s: &str| s.replace('\0', "\u{FFFD}");
        let got = sqlite_json(
            &sqlite,
            &db,
            "SELECT id, message FROM pmf_rule ORDER BY seq",
        );
        assert_eq!(got.len(), ir.rules.len());
        for (g, r) in got.iter().zip(&ir.rules) {
            assert_eq!(field(g, "id"), r.id);
            assert_eq!(field(g, "message"), sql_text(&message(&ir, r)), "{}", r.id);
        }
        let got = sqlite_json(&sqlite, &db, "SELECT label FROM pmf_population");
        assert_eq!(
            field(&got[0], "label"),
            sql_text(&ir.populations[0].label.en)
        );
        let got: BTreeSet<String> = sqlite_json(&sqlite, &db, "SELECT word FROM pmf_status_word")
            .iter()
            .map(|v| field(v, "word"))
            .collect();
        let want: BTreeSet<String> = pmf::validate::values::status_words(&ir)
            .into_iter()
            .collect();
        assert_eq!(got, want);
    }

    // DuckDB keeps the texts too.
    if let Some(py) = duckdb_python() {
        let out = duckdb_query(
            &py,
            dir.path(),
            &dir.path().join("pmf_validation.sql"),
            &dir.path().join("returns.csv"),
            "SELECT count(*) FROM pmf_rule WHERE message LIKE '%DROP TABLE pmf_rule%'",
        );
        let explicit = ir
            .rules
            .iter()
            .filter(|r| r.origin == pmf::ir::RuleOrigin::Explicit)
            .count();
        assert_eq!(out.trim(), explicit.to_string());
    }

    // Python: the module imports, and its data is exactly the spec's (NUL included).
    if let Some(python) = tool("python3", &[]) {
        let out = run(Command::new(&python)
            .arg("-c")
            .arg(
                "import json, sys; sys.path.insert(0, '.'); import pmf_validate as m; \
                 print(json.dumps({'edition': m.SPEC['edition'], \
                 'rules': [[r[0], r[3]] for r in m.SPEC['rules']], \
                 'words': m.SPEC['status_words']}))",
            )
            .current_dir(dir.path()));
        let v: Value = serde_json::from_str(&out).expect("JSON from the module");
        assert_eq!(v["edition"], Value::from(ir.edition.id.clone()));
        let rules: Vec<Value> = ir
            .rules
            .iter()
            .map(|r| serde_json::json!([r.id, message(&ir, r)]))
            .collect();
        assert_eq!(v["rules"], Value::from(rules));
        assert_eq!(
            v["words"],
            Value::from(pmf::validate::values::status_words(&ir))
        );
    }
    assert!(!canary.exists(), "a spec text ran as a command");
}

#[test]
fn the_sql_says_when_returns_were_loaded_after_it_ran() {
    let Some(sqlite) = tool("sqlite3", &[]) else {
        return;
    };
    let ir = crate::differential::small_spec();
    let rets = subgen::returns(&ir, 5, 4, false);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let sql = dir.path().join("pmf_validation.sql");
    std::fs::write(&sql, pmf::gen::validation::sql::generate(&ir)).expect("write");
    let csv = dir.path().join("returns.csv");
    std::fs::write(&csv, subgen::to_csv(&rets)).expect("write");
    let db = sqlite_load(&sqlite, dir.path(), &sql, &csv);
    let stale = "SELECT count(*) FROM pmf_violation WHERE rule_id = 'sql.stale'";
    assert_eq!(run(Command::new(&sqlite).arg(&db).arg(stale)).trim(), "0");
    run(Command::new(&sqlite).arg(&db).arg(format!(
        ".import --csv --skip 1 {} pmf_submission",
        csv.display()
    )));
    assert_eq!(run(Command::new(&sqlite).arg(&db).arg(stale)).trim(), "1");
    run(Command::new(&sqlite)
        .arg(&db)
        .arg(format!(".read {}", sql.display())));
    assert_eq!(run(Command::new(&sqlite).arg(&db).arg(stale)).trim(), "0");
}

/// A rule's message as every back end words it (pmf-words, English).
fn message(ir: &pmf::ir::Ir, r: &pmf::ir::Rule) -> String {
    pmf::words::Words::new(ir, pmf::ir::Lang::En).rule_text(r)
}
