//! The year-on-year rules (`change`, `balance`): returns of 2020-21 checked against their
//! authorities' returns of 2019-20, with breaches planted on purpose. `pmf validate
//! --previous` gives the reviewed report in tests/submissions/year-on-year.csv.out, and every
//! backend (the generated Python, SQLite, PostgreSQL, DuckDB) the same findings.

use crate::common::expect_file;
use crate::differential::{self, shipped_ir, Found};
use crate::subgen::{self, Return, Row};
use pmf::ir::Ir;
use pmf::validate::{self, Options};
use std::process::Command;

const IN: [&str; 9] = [
    "CH/023a", "CH/023b", "CH/023c", "CH/023d", "CH/023e", "CH/023f", "CH/023g", "CH/023h",
    "CH/023i",
];

fn get(r: &Return, code: &str) -> i64 {
    r.rows
        .iter()
        .find(|x| x.code == code)
        .and_then(|x| x.value.parse().ok())
        .unwrap_or(0)
}

fn put(r: &mut Return, code: &str, v: i64) {
    match r.rows.iter_mut().find(|x| x.code == code) {
        Some(x) => x.value = v.to_string(),
        None => r.rows.push(Row {
            code: code.into(),
            value: v.to_string(),
            status: String::new(),
            comment: String::new(),
        }),
    }
}

/// A clean pair of returns for one authority: this year's stock is `now`, last year's
/// `before`, and the flows during the year add `now - before + off` to last year's stock
/// (`off` = 0: the stock balances). Only flows are raised, which keeps the other rules
/// (CH/024 within the registrations, CH/038 within the removals) holding.
fn pair(ir: &Ir, seed: u64, authority: &str, now: i64, before: i64, off: i64) -> (Return, Return) {
    let mut rng = subgen::Rng(seed);
    let mut this = subgen::clean(ir, &mut rng, authority, "2020-21");
    let mut last = subgen::clean(ir, &mut rng, authority, "2019-20");
    let inflow: i64 = IN.iter().map(|c| get(&this, c)).sum();
    let outflow = get(&this, "CH/036");
    // in - out must be now - before + off.
    let want = now - before + off;
    let have = inflow - outflow;
    if have < want {
        let a = get(&this, "CH/023a");
        put(&mut this, "CH/023a", a + want - have);
    } else {
        put(&mut this, "CH/036", outflow + have - want);
    }
    put(&mut this, "CH/026", now);
    put(&mut last, "CH/026", before);
    (this, last)
}

fn cases(ir: &Ir) -> (Vec<Return>, Vec<Return>) {
    let mut this = Vec::new();
    let mut last = Vec::new();
    let mut add = |(t, l): (Return, Return)| {
        this.push(t);
        last.push(l);
    };
    // Steady and balanced: no finding.
    add(pair(ir, 1, "W06000015", 100, 100, 0));
    // Balanced, but up 50%: a change query (VR/CH/02).
    add(pair(ir, 2, "W06000011", 150, 100, 0));
    // Up 5 (within the limit), but 5 more than the flows explain: a balance query (VR/CH/01).
    add(pair(ir, 3, "W06000001", 100, 95, -5));
    // Doubled, but by 6 children only (under the floor of 10), and balanced: no finding.
    add(pair(ir, 4, "W06000002", 12, 6, 0));
    // No return of last year: nothing checked, and a note says so.
    let mut rng = subgen::Rng(5);
    this.push(subgen::clean(ir, &mut rng, "W06000003", "2020-21"));
    (this, last)
}

fn rust_findings(report: &validate::Report) -> Found {
    let mut out = Found::new();
    for s in &report.submissions {
        for f in &s.findings {
            out.insert((s.authority.clone(), s.period.clone(), f.rule.clone()));
        }
    }
    out
}

/// `pmf validate` of this year's returns (as returns-2020-21.csv) with last year's.
fn validate_years(ir: &Ir, this_csv: &str, last_csv: &str, opts: Options) -> validate::Report {
    validate::validate_with_previous(
        ir,
        vec![(
            "returns-2020-21.csv".into(),
            Ok(this_csv.as_bytes().to_vec()),
        )],
        vec![(
            "returns-2019-20.csv".into(),
            Ok(last_csv.as_bytes().to_vec()),
        )],
        opts,
    )
}

/// `pmf validate` writes each return's text on the thread that checked it and lets its findings
/// go (`Options::text_only`); the text must be the report's own, in both languages, with and
/// without `--verbose`, and the summary and exit code must not change.
#[test]
fn the_text_written_while_checking_is_the_text_report() {
    let ir = shipped_ir();
    let (this, last) = cases(&ir);
    let (this_csv, last_csv) = (subgen::to_csv(&this), subgen::to_csv(&last));
    // Half filled, so that `--verbose` has the missing figures to list.
    let lines: Vec<&str> = this_csv.lines().collect();
    let this_csv = lines[..lines.len() / 2].join("\n");
    let run = |opts: Options| validate_years(&ir, &this_csv, &last_csv, opts);
    for lang in [pmf::ir::Lang::En, pmf::ir::Lang::Cy] {
        let full = run(Options {
            lang,
            ..Options::default()
        });
        assert!(full.submissions.iter().any(|s| !s.findings.is_empty()));
        assert_ne!(full.to_text_with(true), full.to_text_with(false));
        for verbose in [false, true] {
            let text_only = run(Options {
                lang,
                text_only: Some(verbose),
                ..Options::default()
            });
            assert!(text_only.submissions.iter().all(|s| s.findings.is_empty()));
            assert_eq!(
                text_only.to_text_with(verbose),
                full.to_text_with(verbose),
                "{lang:?}, verbose {verbose}"
            );
            assert_eq!(text_only.total(), full.total());
            assert_eq!(text_only.exit_code(), full.exit_code());
        }
    }
}

#[test]
fn year_on_year_rules_find_the_planted_breaches_in_every_backend() {
    let ir = shipped_ir();
    let (this, last) = cases(&ir);
    let (this_csv, last_csv) = (subgen::to_csv(&this), subgen::to_csv(&last));
    let report = validate_years(&ir, &this_csv, &last_csv, Options::default());
    assert!(report.unreadable.is_empty(), "{:?}", report.unreadable);
    if let Err(e) = expect_file(
        &crate::common::root().join("tests/submissions/year-on-year.csv.out"),
        &report.to_text_with(false),
    ) {
        panic!("{e}");
    }
    // The same in Welsh: the figures, the change and the balance worded from the table.
    let cy = validate_years(
        &ir,
        &this_csv,
        &last_csv,
        Options {
            lang: pmf::ir::Lang::Cy,
            ..Options::default()
        },
    );
    assert_eq!(rust_findings(&cy), rust_findings(&report));
    if let Err(e) = expect_file(
        &crate::common::root().join("tests/submissions/year-on-year.csv.cy.out"),
        &cy.to_text_with(false),
    ) {
        panic!("{e}");
    }
    let expected = rust_findings(&report);
    let want: Found = [("W06000011", "VR/CH/02"), ("W06000001", "VR/CH/01")]
        .iter()
        .map(|(a, r)| (a.to_string(), "2020-21".to_string(), r.to_string()))
        .collect();
    assert_eq!(expected, want, "the planted breaches, and nothing else");
    for s in &report.submissions {
        let notes = s.notes.join(" ");
        assert_eq!(
            s.authority == "W06000003",
            notes.contains("no return of")
                && notes.contains("W06000003")
                && notes.contains("2019-20"),
            "{}: {notes}",
            s.authority
        );
        for f in &s.findings {
            assert_eq!(f.severity, pmf::ir::RuleSeverity::Query, "{}", f.rule);
        }
    }
    // Without last year's returns, the same returns give no year-on-year finding.
    let alone = validate::validate(
        &ir,
        vec![(
            "returns-2020-21.csv".into(),
            Ok(this_csv.clone().into_bytes()),
        )],
        Options::default(),
    );
    assert!(rust_findings(&alone).is_empty());

    // Every backend.
    every_backend(&ir, &this_csv, &last_csv, &expected);
}

/// Last year's return of the edition this one supersedes is read through the time series: a
/// renumbered or merged code takes the figures of the codes it continues, and a code whose
/// series starts in the new edition is not compared (a note says why).
#[test]
fn last_years_return_of_the_previous_edition_is_read_through_the_series() {
    let mut ir = shipped_ir();
    ir.edition.supersedes = Some("older".into());
    ir.edition.first_year = Some("2020-21".into());
    let step = |codes: &[&str]| pmf::ir::SeriesStep {
        edition: "older".into(),
        codes: codes.iter().map(|c| c.to_string()).collect(),
    };
    ir.series = ir
        .data_items
        .iter()
        .map(|d| pmf::ir::Series {
            code: d.code.clone(),
            continues: vec![step(&[d.code.as_str()])],
        })
        .collect();
    // CH/026 was two codes in the older edition, added together.
    if let Some(s) = ir.series.iter_mut().find(|s| s.code == "CH/026") {
        s.continues = vec![step(&["CH/926a", "CH/926b"])];
    }
    let (this, last) = pair(&ir, 2, "W06000011", 150, 100, 0);
    let mut older = last.clone();
    older.rows.retain(|r| r.code != "CH/026");
    for (code, v) in [("CH/926a", 60), ("CH/926b", 40)] {
        put(&mut older, code, v);
    }
    let run = |ir: &Ir| {
        validate::validate_with_previous(
            ir,
            vec![(
                "this.csv".into(),
                Ok(subgen::to_csv(std::slice::from_ref(&this)).into_bytes()),
            )],
            vec![(
                "last.csv".into(),
                Ok(subgen::to_csv(std::slice::from_ref(&older)).into_bytes()),
            )],
            Options::default(),
        )
    };
    // 60 + 40 = 100 last year, 150 now: the change query, and the stock balances.
    let report = run(&ir);
    let s = &report.submissions[0];
    let rules: Vec<&str> = s.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["VR/CH/02"], "{:?}", s.notes);
    assert!(
        s.findings[0].detail.contains("against 100 last year"),
        "{}",
        s.findings[0].detail
    );
    assert!(s.notes.is_empty(), "{:?}", s.notes);
    let (this_csv, older_csv) = (
        subgen::to_csv(std::slice::from_ref(&this)),
        subgen::to_csv(std::slice::from_ref(&older)),
    );
    every_backend(&ir, &this_csv, &older_csv, &rust_findings(&report));
    // CH/926b given twice: last year's figure cannot be told, so no change is compared.
    let mut twice = older.clone();
    twice.rows.push(Row {
        code: "CH/926b".into(),
        value: "40".into(),
        status: String::new(),
        comment: String::new(),
    });
    let twice_csv = subgen::to_csv(std::slice::from_ref(&twice));
    let doubled = validate::validate_with_previous(
        &ir,
        vec![("this.csv".into(), Ok(this_csv.clone().into_bytes()))],
        vec![("last.csv".into(), Ok(twice_csv.clone().into_bytes()))],
        Options::default(),
    );
    assert!(rust_findings(&doubled).is_empty());
    every_backend(&ir, &this_csv, &twice_csv, &rust_findings(&doubled));
    // CH/026 counts something else since the older edition: nothing compared, and said so.
    if let Some(x) = ir.series.iter_mut().find(|x| x.code == "CH/026") {
        x.continues.clear();
    }
    let report = run(&ir);
    let s = &report.submissions[0];
    assert!(s.findings.is_empty(), "{:?}", s.findings);
    every_backend(&ir, &this_csv, &older_csv, &rust_findings(&report));
    assert_eq!(s.notes.len(), 2, "{:?}", s.notes);
    for n in &s.notes {
        assert!(
            n.contains("CH/026 is new in edition") && n.contains("older"),
            "{n}"
        );
    }
}

/// The generated Python module and SQL (SQLite, PostgreSQL, DuckDB) given the same returns and
/// last year's give the same findings as `pmf validate` (`expected`).
fn every_backend(ir: &Ir, this_csv: &str, last_csv: &str, expected: &Found) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (this_path, last_path) = (dir.path().join("this.csv"), dir.path().join("last.csv"));
    std::fs::write(&this_path, this_csv).expect("write");
    std::fs::write(&last_path, last_csv).expect("write");
    let sql_path = dir.path().join("pmf_validation.sql");
    std::fs::write(&sql_path, pmf::gen::validation::sql::generate(ir)).expect("write the SQL");
    let py_path = dir.path().join("pmf_validate.py");
    std::fs::write(&py_path, pmf::gen::validation::python(ir)).expect("write the module");
    let mut errors = Vec::new();
    let mut ran = Vec::new();
    if let Some(py) = differential::tool("python3", &[]) {
        ran.push("python");
        let out = differential::run(
            Command::new(&py)
                .arg(&py_path)
                .arg(&this_path)
                .arg("--previous")
                .arg(&last_path)
                .args(["--format", "tsv"]),
        );
        errors.extend(
            differential::compare(
                "the Python module",
                expected,
                &differential::parse_tsv(&out),
            )
            .err(),
        );
    }
    if let Some(sqlite) = differential::tool("sqlite3", &[]) {
        ran.push("sqlite");
        let db = differential::sqlite_load(&sqlite, dir.path(), &sql_path, &this_path);
        differential::run(
            Command::new(&sqlite)
                .arg(&db)
                .arg(format!(".import --csv {} pmf_csv", last_path.display()))
                .arg(
                    "INSERT INTO pmf_previous (authority, period, code, value, status, comment) \
                     SELECT authority, period, code, value, status, comment FROM pmf_csv",
                )
                .arg("DROP TABLE pmf_csv")
                .arg(format!(".read {}", sql_path.display())),
        );
        let out = differential::run(
            Command::new(&sqlite)
                .arg("-separator")
                .arg("\t")
                .arg(&db)
                .arg(differential::QUERY),
        );
        errors.extend(
            differential::compare("SQLite", expected, &differential::parse_tsv(&out)).err(),
        );
    }
    if let Some(bin) = differential::postgres_bin() {
        ran.push("postgres");
        // The server runs as another user, who must be able to read the files.
        let public = tempfile::Builder::new()
            .prefix("pmf-pg-in")
            .tempdir()
            .expect("a folder");
        let (sql2, this2, last2) = (
            public.path().join("v.sql"),
            public.path().join("this.csv"),
            public.path().join("last.csv"),
        );
        std::fs::copy(&sql_path, &sql2).expect("copy");
        std::fs::copy(&this_path, &this2).expect("copy");
        std::fs::copy(&last_path, &last2).expect("copy");
        let found = differential::postgres_findings_with_previous(bin, &sql2, &this2, Some(&last2));
        errors.extend(differential::compare("PostgreSQL", expected, &found).err());
    }
    if let Some(py) = differential::duckdb_python() {
        ran.push("duckdb");
        let out = differential::duckdb_query_with_previous(
            &py,
            dir.path(),
            &sql_path,
            &this_path,
            &last_path,
            differential::QUERY,
        );
        errors.extend(
            differential::compare("DuckDB", expected, &differential::parse_tsv(&out)).err(),
        );
    }
    eprintln!("backends compared: {ran:?}; {} findings", expected.len());
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}
