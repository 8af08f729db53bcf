//! Counting rules over case records (compiler/doc/records.md): hand-built records with known
//! answers for every construct, computed by the embedded engine (`pmf compute`), counted by the
//! generated PostgreSQL script on a throwaway server and by the generated Spark SQL (pyspark in
//! local mode); every class of bad input refused by `pmf compute` with its file, row and column,
//! and no return written; the scripts quote every name and text from the spec; `pmf build`
//! writes a script per dialect. The rules here are IR values built in
//! Rust, so that each construct is tested on its own; the shipped spec's rules are proved
//! against synthetic records in records_agree.rs.

use crate::differential::{postgres_bin, shipped_ir, tool, Postgres};
use pmf::ir::records::{
    Calendar, Condition, CountingRule, Field, FieldType, Holiday, ItemRule, Placement, RecordType,
};
use pmf::ir::{Codelist, DurationUnit, Entry, Ir, SourceRef, Text};
use pmf::records::date::Period;
use pmf::records::sql::{self, Dialect};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const A: &str = "W06000015";
const B: &str = "W06000011";

fn field(id: &str, ty: FieldType, optional: bool) -> Field {
    Field {
        id: id.into(),
        title: Text::plain(id),
        ty,
        optional,
    }
}

fn record(id: &str, unit: &str, fields: Vec<Field>) -> RecordType {
    RecordType {
        id: id.into(),
        title: Text::plain(id),
        unit: unit.into(),
        key: "id".into(),
        fields,
        note: None,
        source: SourceRef::default(),
    }
}

fn is(field: &str, codes: &[&str], negated: bool) -> Condition {
    Condition::Is {
        field: field.into(),
        codes: codes.iter().map(|c| c.to_string()).collect(),
        negated,
    }
}

fn within(amount: u32, unit: DurationUnit, late: bool) -> Condition {
    Condition::Within {
        field: "decided".into(),
        from: "received".into(),
        amount,
        unit,
        late,
    }
}

fn age(at: Option<&str>, min: Option<u32>, max: Option<u32>) -> Condition {
    Condition::Age {
        person: "person".into(),
        born: "date_of_birth".into(),
        at: at.map(str::to_string),
        min,
        max,
    }
}

fn previous(negated: bool) -> Condition {
    Condition::Previous {
        link: "person".into(),
        end: "decided".into(),
        start: "received".into(),
        amount: 12,
        unit: DurationUnit::Months,
        conditions: vec![],
        negated,
    }
}

fn during_received() -> Placement {
    Placement::During {
        field: "received".into(),
    }
}

fn rule(record: &str, placement: Placement, conditions: Vec<Condition>) -> CountingRule {
    CountingRule {
        record: record.into(),
        distinct: None,
        unit: "contact".into(),
        placement,
        conditions,
        items: vec![],
        calendar: Some("wales".into()),
        notes: vec![],
    }
}

fn items(code: &str, each: Vec<(&str, Vec<Condition>)>) -> Vec<ItemRule> {
    each.into_iter()
        .map(|(letter, conditions)| ItemRule {
            item: format!("{code}{letter}"),
            conditions,
        })
        .collect()
}

/// The shipped edition with a calendar, three record kinds and a counting rule on 17 metrics,
/// one construct or a few each.
pub fn records_ir() -> Ir {
    // The shipped edition's metrics and lists, without its own records and rules: the rules
    // below, on records of their own, test one construct each.
    let mut ir = shipped_ir();
    for m in &mut ir.metrics {
        m.computed_from = None;
    }
    let day = |d: &str, n: &str| Holiday {
        date: d.into(),
        name: Text::plain(n),
    };
    ir.calendars = vec![Calendar {
        id: "wales".into(),
        title: Text::plain("Working days in Wales"),
        weekend: vec!["saturday".into(), "sunday".into()],
        holidays: vec![
            day("2020-05-08", "Early May bank holiday (VE day)"),
            day("2020-12-25", "Christmas Day"),
            day("2020-12-28", "Boxing Day (substitute day)"),
            day("2021-01-01", "New Year's Day"),
        ],
        first_year: 2019,
        last_year: 2022,
        note: None,
        source: SourceRef::default(),
    }];
    ir.codelists.push(Codelist {
        id: "test_outcome".into(),
        title: Text::plain("How a contact was helped"),
        exhaustive: false,
        entries: ["info", "advice", "other"]
            .iter()
            .map(|e| Entry {
                id: e.to_string(),
                label: Text::plain(*e),
                group: None,
                range: None,
                reserved: None,
                note: None,
            })
            .collect(),
        note: None,
        used_by: vec![],
    });
    let person_ref = || FieldType::Ref {
        record: "person".into(),
    };
    ir.records = vec![
        record(
            "person",
            "person",
            vec![
                field("id", FieldType::Id, false),
                field("date_of_birth", FieldType::Date, false),
            ],
        ),
        record(
            "contact",
            "contact",
            vec![
                field("id", FieldType::Id, false),
                field("person", person_ref(), false),
                field("about", FieldType::Cohort, false),
                field("received", FieldType::Datetime, false),
                field("decided", FieldType::Datetime, true),
                field(
                    "outcome",
                    FieldType::Code {
                        codelist: "test_outcome".into(),
                    },
                    true,
                ),
            ],
        ),
        record(
            "episode",
            "plan",
            vec![
                field("id", FieldType::Id, false),
                field("person", person_ref(), false),
                field("start", FieldType::Date, false),
                field("end", FieldType::Date, true),
            ],
        ),
    ];
    let open_during = || Placement::OpenDuring {
        start: "start".into(),
        end: "end".into(),
    };
    let mut rules: Vec<(&str, CountingRule)> = vec![
        (
            "AD/001",
            rule(
                "contact",
                during_received(),
                vec![is("about", &["adult"], false)],
            ),
        ),
        ("AD/002", {
            let mut r = rule("contact", during_received(), vec![]);
            r.items = items(
                "AD/002",
                vec![
                    ("a", vec![is("outcome", &["info"], false)]),
                    ("b", vec![is("outcome", &["advice"], false)]),
                    ("c", vec![is("outcome", &["other"], false)]),
                ],
            );
            r
        }),
        (
            "AD/003",
            rule(
                "contact",
                during_received(),
                vec![within(1, DurationUnit::WorkingDays, false)],
            ),
        ),
        ("AD/004", {
            let mut r = rule("contact", during_received(), vec![]);
            r.items = items(
                "AD/004",
                vec![
                    (
                        "a",
                        vec![Condition::Set {
                            field: "outcome".into(),
                            negated: true,
                        }],
                    ),
                    ("b", vec![is("outcome", &["info", "advice"], true)]),
                    (
                        "c",
                        vec![Condition::Set {
                            field: "decided".into(),
                            negated: false,
                        }],
                    ),
                    ("d", vec![is("outcome", &["info"], true)]),
                    ("e", vec![is("outcome", &["info", "advice"], false)]),
                    ("f", vec![is("about", &["child"], false)]),
                ],
            );
            r
        }),
        (
            "AD/005",
            rule(
                "contact",
                during_received(),
                vec![within(1, DurationUnit::WorkingDays, true)],
            ),
        ),
        (
            "AD/006",
            rule(
                "contact",
                during_received(),
                vec![age(Some("received"), Some(18), Some(64))],
            ),
        ),
        (
            "AD/010",
            rule(
                "contact",
                during_received(),
                vec![age(Some("received"), None, Some(16))],
            ),
        ),
        (
            "AD/011",
            rule(
                "contact",
                during_received(),
                vec![within(1, DurationUnit::Months, false)],
            ),
        ),
        ("AD/013", {
            let mut r = rule(
                "episode",
                open_during(),
                vec![Condition::AtLeast {
                    n: 3,
                    record: "contact".into(),
                    link: "person".into(),
                    this: "person".into(),
                    placement: during_received(),
                    conditions: vec![],
                }],
            );
            r.unit = "plan".into();
            r
        }),
        (
            "AD/014",
            rule("contact", during_received(), vec![previous(false)]),
        ),
        (
            "AD/017",
            rule("contact", during_received(), vec![previous(true)]),
        ),
        ("AD/019", {
            let mut r = rule(
                "episode",
                Placement::OpenAt {
                    start: "start".into(),
                    end: "end".into(),
                },
                vec![],
            );
            r.distinct = Some("person".into());
            r.unit = "person".into();
            r
        }),
        ("AD/020", rule("episode", open_during(), vec![])),
        (
            "AD/024",
            rule(
                "contact",
                during_received(),
                vec![within(5, DurationUnit::Days, false)],
            ),
        ),
        (
            "AD/025",
            rule(
                "contact",
                during_received(),
                vec![within(2, DurationUnit::Weeks, false)],
            ),
        ),
        (
            "AD/039",
            rule(
                "contact",
                during_received(),
                vec![age(None, Some(65), None)],
            ),
        ),
    ];
    for m in &mut ir.metrics {
        if let Some(i) = rules.iter().position(|(code, _)| *code == m.code) {
            m.computed_from = Some(rules.remove(i).1);
        }
    }
    assert!(
        rules.is_empty(),
        "every rule's metric is in the shipped spec"
    );
    ir
}

const PERSONS: &str = "\
authority,id,date_of_birth
W06000015,P1,2000-02-29
W06000015,P2,1956-03-31
W06000015,P3,2003-01-01
W06000015,P4,1990-06-15
W06000015,P5,2004-02-29
W06000015,P6,1980-01-01
W06000015,P7,1980-01-01
W06000011,P1,1950-01-01
";

// Thursday 24 December 2020 is before Christmas Day (Friday) and the substitute Boxing Day
// (Monday 28): decided on Tuesday 29 is the next working day. Saturday 19 December counts from
// Friday 18. c10 and c11 are 31 January + 1 month (28 February). c15/c16 are 11 months apart,
// c17/c18 13. c19 (authority A's P1) must not be B's P1's previous contact.
const CONTACTS: &str = "\
authority,id,person,about,received,decided,outcome
W06000015,c1,P4,adult,2020-12-24 10:00,2020-12-29 09:00,info
W06000015,c2,P4,adult,2020-12-24T10:00:00,2020-12-30 09:00,advice
W06000015,c3,P4,adult,2020-12-19 09:00,2020-12-21 16:00,info
W06000015,c4,P1,adult,2020-12-19 09:00,2020-12-22 16:00,other
W06000015,c5,P1,adult,2020-06-01 10:00,,
W06000015,c6,P2,adult,2020-06-01 15:00,2020-06-01 09:00,info
W06000015,c7,P2,adult,2020-03-31 10:00,2020-04-01 10:00,info
W06000015,c8,P3,adult,2021-03-31 23:59,,advice
W06000015,c9,P3,adult,2021-04-01 00:00,,info
W06000015,c10,P1,adult,2021-01-31 10:00,2021-02-28 10:00,info
W06000015,c11,P2,adult,2021-01-31 10:00,2021-03-01 10:00,info
W06000015,c12,P9,child,2020-07-01 10:00,2020-07-01 11:00,info
W06000015,c13,P5,adult,2021-02-28 10:00,,info
W06000015,c14,P5,adult,2021-02-27 10:00,,info
W06000015,c15,P6,adult,2019-05-10 10:00,2019-05-15 10:00,info
W06000015,c16,P6,adult,2020-04-14 10:00,,info
W06000015,c17,P7,adult,2019-03-01 10:00,2019-03-01 12:00,info
W06000015,c18,P7,adult,2020-04-02 10:00,,info
W06000015,c19,P1,adult,2020-03-01 10:00,2020-03-02 10:00,info
W06000011,c1,P1,adult,2020-05-05 10:00,2020-05-06 10:00,info
";

// e2 ends on 31 March: open during the year, not open at its end.
const EPISODES: &str = "\
authority,id,person,start,end
W06000015,e1,P1,2020-01-10,
W06000015,e2,P2,2020-05-01,2021-03-31
W06000015,e3,P2,2020-05-01,2021-04-01
W06000015,e4,P3,2019-04-01,2020-03-31
W06000015,e5,P4,2021-04-01,
W06000015,e6,P1,2020-04-01,2020-04-01
W06000011,e1,P1,2020-06-01,
";

/// The figures worked out by hand from the records above (records.md's meaning).
fn expected() -> BTreeMap<String, BTreeMap<String, u64>> {
    let a: &[(&str, u64)] = &[
        ("AD/001", 13),
        ("AD/002a", 10),
        ("AD/002b", 2),
        ("AD/002c", 1),
        ("AD/003", 4),
        ("AD/004a", 1),
        ("AD/004b", 1),
        ("AD/004c", 8),
        ("AD/004d", 3),
        ("AD/004e", 12),
        ("AD/004f", 1),
        ("AD/005", 10),
        ("AD/006", 11),
        ("AD/010", 1),
        ("AD/011", 7),
        ("AD/013", 2),
        ("AD/014", 8),
        ("AD/017", 6),
        ("AD/019", 2),
        ("AD/020", 4),
        ("AD/024", 5),
        ("AD/025", 6),
        ("AD/039", 2),
    ];
    let b: &[(&str, u64)] = &[
        ("AD/001", 1),
        ("AD/002a", 1),
        ("AD/002b", 0),
        ("AD/002c", 0),
        ("AD/003", 1),
        ("AD/004a", 0),
        ("AD/004b", 0),
        ("AD/004c", 1),
        ("AD/004d", 0),
        ("AD/004e", 1),
        ("AD/004f", 0),
        ("AD/005", 0),
        ("AD/006", 0),
        ("AD/010", 0),
        ("AD/011", 1),
        ("AD/013", 0),
        ("AD/014", 0),
        ("AD/017", 1),
        ("AD/019", 1),
        ("AD/020", 1),
        ("AD/024", 1),
        ("AD/025", 1),
        ("AD/039", 1),
    ];
    let to_map = |rows: &[(&str, u64)]| rows.iter().map(|(c, v)| (c.to_string(), *v)).collect();
    BTreeMap::from([(A.to_string(), to_map(a)), (B.to_string(), to_map(b))])
}

fn setup(files: &[(&str, &[u8])]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("spec.json"), records_ir().to_json()).expect("written");
    let records = dir.path().join("records");
    std::fs::create_dir(&records).expect("a folder");
    for (name, bytes) in files {
        std::fs::write(records.join(name), bytes).expect("written");
    }
    (dir, records)
}

fn good_files() -> Vec<(&'static str, &'static [u8])> {
    vec![
        ("person.csv", PERSONS.as_bytes()),
        ("contact.csv", CONTACTS.as_bytes()),
        ("episode.csv", EPISODES.as_bytes()),
    ]
}

fn compute(dir: &Path, args: &[&str]) -> Output {
    compute_in(dir, "2020-21", &[], args)
}

/// `pmf compute` on the folder of `setup`, for `period`, with `env` set.
fn compute_in(dir: &Path, period: &str, env: &[(&str, PathBuf)], args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pmf"))
        .arg("compute")
        .arg("--ir")
        .arg(dir.join("spec.json"))
        .arg("--records")
        .arg(dir.join("records"))
        .args(["--period", period])
        .args(args)
        .envs(env.iter().map(|(k, v)| (*k, v)))
        .current_dir(dir)
        .output()
        .expect("pmf runs")
}

/// The figures of a tidy CSV return: code → value, for the codes with a value.
fn return_figures(csv: &str) -> (String, BTreeMap<String, u64>) {
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let mut authority = String::new();
    let mut out = BTreeMap::new();
    for row in r.records() {
        let row = row.expect("a CSV row");
        authority = row[0].to_string();
        assert_eq!(&row[1], "2020-21");
        if !row[3].is_empty() {
            out.insert(row[2].to_string(), row[3].parse().expect("a whole number"));
        }
    }
    (authority, out)
}

#[test]
fn the_engine_counts_every_construct_as_records_md_says() {
    let (dir, _) = setup(&good_files());
    let out = compute(dir.path(), &["--authority", "all", "--out", "returns"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    // c12's person is not in person.csv: listed, and counted where no age is asked.
    assert!(
        stderr.contains("row 13: its `person` `P9` is not in"),
        "{stderr}"
    );
    let mut got = BTreeMap::new();
    for a in [A, B] {
        let text = std::fs::read_to_string(dir.path().join(format!("returns/{a}-2020-21.csv")))
            .expect("one return per authority");
        let (authority, figures) = return_figures(&text);
        assert_eq!(authority, a);
        got.insert(a.to_string(), figures);
    }
    assert_eq!(got, expected());
    // Items without a rule are empty with the status not_available, and pmf validate reads the
    // returns (the figures break the shipped spec's rules: these test rules are not its
    // meaning, so only reading and the required figures are checked).
    let text = std::fs::read_to_string(dir.path().join(format!("returns/{A}-2020-21.csv")))
        .expect("written");
    assert!(
        text.contains("\nW06000015,2020-21,AD/007a,,not_available,"),
        "{text}"
    );
    validated(&[
        dir.path().join(format!("returns/{A}-2020-21.csv")),
        dir.path().join(format!("returns/{B}-2020-21.csv")),
    ]);
}

/// `pmf validate` reads the returns (exit 0 or 1, never 2) and finds no required figure
/// missing.
fn validated(files: &[PathBuf]) {
    let v = Command::new(env!("CARGO_BIN_EXE_pmf"))
        .arg("validate")
        .args([
            "--spec",
            &crate::common::root().join("spec").display().to_string(),
        ])
        .args(["--format", "csv"])
        .args(files)
        .output()
        .expect("pmf runs");
    let stdout = String::from_utf8_lossy(&v.stdout);
    assert!(
        matches!(v.status.code(), Some(0 | 1)),
        "{stdout}\n{}",
        String::from_utf8_lossy(&v.stderr)
    );
    assert!(!stdout.contains(".required"), "{stdout}");
}

#[test]
fn one_authority_in_each_format() {
    let (dir, _) = setup(&good_files());
    for format in ["csv", "json", "xlsx"] {
        let file = format!("cardiff.{format}");
        let out = compute(
            dir.path(),
            &["--authority", "Cardiff", "--format", format, "--out", &file],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        validated(&[dir.path().join(&file)]);
    }
    let text = std::fs::read_to_string(dir.path().join("cardiff.csv")).expect("written");
    assert_eq!(
        return_figures(&text),
        (A.to_string(), expected()[A].clone())
    );
    let json = std::fs::read_to_string(dir.path().join("cardiff.json")).expect("written");
    assert!(json.contains("\"AD/014\""), "{json}");
    // An authority with no records gets no return of zeros.
    let out = compute(
        dir.path(),
        &["--authority", "W06000001", "--out", "none.csv"],
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("hold no record of the authority W06000001")
    );
    assert!(!dir.path().join("none.csv").exists());
}

#[test]
fn parquet_record_files_give_the_same_figures() {
    let Some(python) = crate::differential::duckdb_python() else {
        return;
    };
    let (dir, records) = setup(&good_files());
    // The CSV files rewritten as Parquet by DuckDB, dates and times typed.
    let convert = r#"
import duckdb, os, sys
folder = sys.argv[1]
types = {"person": {"date_of_birth": "DATE"},
         "contact": {"received": "TIMESTAMP", "decided": "TIMESTAMP"},
         "episode": {"start": "DATE", "end": "DATE"}}
con = duckdb.connect()
for kind, typed in types.items():
    csv = os.path.join(folder, kind + ".csv")
    cols = con.execute("SELECT * FROM read_csv(?, header = true, all_varchar = true) LIMIT 0", [csv]).description
    select = ", ".join(
        'CAST(replace("{0}", \'T\', \' \') AS {1}) AS "{0}"'.format(c[0], typed[c[0]]) if c[0] in typed else '"{0}"'.format(c[0])
        for c in cols)
    con.execute("COPY (SELECT {} FROM read_csv('{}', header = true, all_varchar = true)) TO '{}' (FORMAT parquet)".format(
        select, csv, os.path.join(folder, kind + ".parquet")))
    os.remove(csv)
"#;
    let out = Command::new(python)
        .arg("-c")
        .arg(convert)
        .arg(&records)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = compute(dir.path(), &["--authority", B, "--out", "b.csv"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(dir.path().join("b.csv")).expect("written");
    assert_eq!(
        return_figures(&text),
        (B.to_string(), expected()[B].clone())
    );
}

#[test]
fn a_missing_engine_is_named_and_nothing_is_written() {
    let (dir, _) = setup(&good_files());
    let out = compute_in(
        dir.path(),
        "2020-21",
        &[("PMF_ENGINE", dir.path().join("no-such-engine"))],
        &["--authority", "all", "--out", "returns"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cannot start"), "{stderr}");
    assert!(stderr.contains("no-such-engine"), "{stderr}");
    assert!(!dir.path().join("returns").exists());
}

#[test]
fn a_year_outside_the_working_day_calendar_is_refused() {
    let (dir, _) = setup(&good_files());
    let out = compute_in(
        dir.path(),
        "2024-25",
        &[],
        &["--authority", "all", "--out", "returns"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "the year 2024-25 is outside the working-day calendar `wales` (2019 to 2022)"
        ),
        "{stderr}"
    );
    assert!(!dir.path().join("returns").exists());
}

#[test]
fn a_file_that_is_not_parquet_is_refused_by_name() {
    refused(
        &[
            ("person.csv", PERSONS.as_bytes()),
            ("contact.parquet", b"contact,not,parquet\n"),
            ("episode.csv", EPISODES.as_bytes()),
        ],
        &["contact.parquet", "cannot be read as Parquet"],
    );
}

/// A bad folder: the command fails, names the file, row and column, and writes nothing.
fn refused(files: &[(&str, &[u8])], wanted: &[&str]) {
    let (dir, _) = setup(files);
    let out = compute(dir.path(), &["--authority", "all", "--out", "returns"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for w in wanted {
        assert!(stderr.contains(w), "`{w}` not in:\n{stderr}");
    }
    assert!(stderr.contains("no return was written"), "{stderr}");
    assert!(!dir.path().join("returns").exists());
}

fn with_contacts(contacts: &str) -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("person.csv", PERSONS.as_bytes().to_vec()),
        ("contact.csv", contacts.as_bytes().to_vec()),
        ("episode.csv", EPISODES.as_bytes().to_vec()),
    ]
}

fn refused_owned(files: Vec<(&'static str, Vec<u8>)>, wanted: &[&str]) {
    refused(&borrowed(&files), wanted);
}

/// Files as `setup` and `refused` take them.
fn borrowed<'a>(files: &'a [(&'static str, Vec<u8>)]) -> Vec<(&'static str, &'a [u8])> {
    files.iter().map(|(n, b)| (*n, b.as_slice())).collect()
}

#[test]
fn bad_records_are_refused_with_file_row_and_column() {
    // An end before its start (a placement pair).
    refused_owned(
        vec![
            ("person.csv", PERSONS.as_bytes().to_vec()),
            ("contact.csv", CONTACTS.as_bytes().to_vec()),
            (
                "episode.csv",
                format!("{EPISODES}W06000015,e9,P1,2020-06-01,2020-05-31\n").into_bytes(),
            ),
        ],
        &[
            "episode.csv, row 9, column `end`",
            "the end `end` (2020-05-31) is before the start `start` (2020-06-01)",
        ],
    );
    // A code not in the field's list.
    refused_owned(
        with_contacts(&CONTACTS.replace("2020-12-22 16:00,other", "2020-12-22 16:00,Other")),
        &[
            "contact.csv, row 5, column `outcome`",
            "`Other` is not a code of the list `test_outcome`",
            "the codes are: info, advice, other",
        ],
    );
    // A cohort that is not one.
    refused_owned(
        with_contacts(&CONTACTS.replace("P9,child", "P9,kid")),
        &[
            "contact.csv, row 13, column `about`",
            "`kid` is not a cohort",
        ],
    );
    // A key twice in one authority (the same key in another authority is another record).
    refused_owned(
        with_contacts(&format!(
            "{CONTACTS}W06000015,c3,P4,adult,2020-12-19 09:00,,info\n"
        )),
        &[
            "contact.csv, row 22, column `id`",
            "`c3` is already the key of the record at row 4",
        ],
    );
    // A missing column.
    refused_owned(
        with_contacts(&CONTACTS.replace(",outcome\n", ",result\n")),
        &[
            "contact.csv, row 1",
            "the column `outcome` of the record `contact` is missing",
        ],
    );
    // Text in a date column, and in a date-and-time column.
    refused_owned(
        with_contacts(&CONTACTS.replace("2021-01-31 10:00,2021-02-28", "31/01/2021,2021-02-28")),
        &[
            "contact.csv, row 11, column `received`",
            "`31/01/2021` is not a date and time",
        ],
    );
    refused_owned(
        vec![
            (
                "person.csv",
                PERSONS.replace("1990-06-15", "unknown").into_bytes(),
            ),
            ("contact.csv", CONTACTS.as_bytes().to_vec()),
            ("episode.csv", EPISODES.as_bytes().to_vec()),
        ],
        &[
            "person.csv, row 5, column `date_of_birth`",
            "`unknown` is not a date",
        ],
    );
    // A file that is not UTF-8 (Windows-1252 é).
    let mut latin = CONTACTS.as_bytes().to_vec();
    latin.extend_from_slice(b"W06000015,c20,P1,adult,2020-05-05 10:00,,info\nW06000015,c21,Ren\xE9,adult,2020-05-05 10:00,,info\n");
    refused_owned(
        vec![
            ("person.csv", PERSONS.as_bytes().to_vec()),
            ("contact.csv", latin),
            ("episode.csv", EPISODES.as_bytes().to_vec()),
        ],
        &["contact.csv, row 23", "not UTF-8"],
    );
    // A date outside the working-day calendar's years (2019 to 2022).
    refused_owned(
        with_contacts(&CONTACTS.replace(
            "2019-03-01 10:00,2019-03-01 12:00",
            "2018-03-01 10:00,2018-03-01 12:00",
        )),
        &[
            "contact.csv, row 18, column `received`",
            "2018-03-01 is outside the years of the working-day calendar `wales` (2019 to 2022)",
        ],
    );
    // A required value empty, and an unknown authority.
    refused_owned(
        with_contacts(&CONTACTS.replace("W06000015,c3,P4,adult,", "W06000015,c3,,adult,")),
        &["contact.csv, row 4, column `person`", "is empty"],
    );
    refused_owned(
        with_contacts(&CONTACTS.replace("W06000011,c1", "W06000099,c1")),
        &[
            "contact.csv, row 21, column `authority`",
            "`W06000099` is not the ONS code",
        ],
    );
    // A kind with no file.
    refused_owned(
        vec![
            ("person.csv", PERSONS.as_bytes().to_vec()),
            ("contact.csv", CONTACTS.as_bytes().to_vec()),
        ],
        &[
            "episode.csv",
            "the folder has no file of the `episode` records",
        ],
    );
}

#[test]
fn every_problem_of_a_run_is_reported_the_engines_with_pmfs() {
    // A key twice (found by the engine, which needs every row at once) and a bad date (found
    // as the file is read) in one run: both reported, in the file's row order, nothing written.
    let contacts = format!("{CONTACTS}W06000015,c3,P4,adult,2020-12-19 09:00,,info\n").replace(
        "W06000015,c5,P1,adult,2020-06-01 10:00",
        "W06000015,c5,P1,adult,2020-06-31 10:00",
    );
    let (dir, _) = setup(&borrowed(&with_contacts(&contacts)));
    let out = compute(dir.path(), &["--authority", "all", "--out", "returns"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let date = stderr
        .find("contact.csv, row 6, column `received`: `2020-06-31 10:00` is not a date and time")
        .unwrap_or_else(|| panic!("the bad date is not reported:\n{stderr}"));
    let twice = stderr
        .find("contact.csv, row 22, column `id`: the key `c3` is already the key of the record at row 4")
        .unwrap_or_else(|| panic!("the key twice is not reported:\n{stderr}"));
    assert!(date < twice, "{stderr}");
    assert!(
        stderr.contains("2 problems in the records; no return was written"),
        "{stderr}"
    );
    assert!(!dir.path().join("returns").exists());
}

#[test]
fn records_that_refer_to_nothing_are_listed_up_to_a_limit_with_the_rest_counted() {
    // 250 contacts about people missing from person.csv, with c12's P9: the first 200 are
    // listed by row, the other 51 counted in one line; the return is written.
    let mut contacts = CONTACTS.to_string();
    for n in 0..250 {
        contacts.push_str(&format!(
            "W06000015,x{n},Q{n},adult,2020-05-05 10:00,,info\n"
        ));
    }
    let (dir, _) = setup(&borrowed(&with_contacts(&contacts)));
    let out = compute(dir.path(), &["--authority", "all", "--out", "returns"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("note: 251 records cannot be counted in full:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("row 13: its `person` `P9` is not in"),
        "{stderr}"
    );
    assert!(
        stderr.contains("row 220: its `person` `Q198` is not in"),
        "{stderr}"
    );
    assert!(!stderr.contains("`Q199`"), "{stderr}");
    assert!(
        stderr.contains("and 51 more records whose `person` is not in"),
        "{stderr}"
    );
    assert_eq!(stderr.matches(" is not in ").count(), 201, "{stderr}");
}

/// Loads the records into the PostgreSQL or Spark tables of the script and returns its rows.
fn load_statements(d: Dialect, ir: &Ir) -> String {
    let mut s = String::new();
    for (kind, text) in [
        ("person", PERSONS),
        ("contact", CONTACTS),
        ("episode", EPISODES),
    ] {
        let rec = ir.records.iter().find(|r| r.id == kind).expect("a kind");
        let ty = |t: &FieldType| match t {
            FieldType::Date => "DATE",
            FieldType::Datetime => "TIMESTAMP",
            FieldType::Number => "DOUBLE PRECISION",
            _ if d == Dialect::Spark => "STRING",
            _ => "TEXT",
        };
        let mut cols = vec![format!("{} {}", d.ident("authority"), ty(&FieldType::Id))];
        cols.extend(
            rec.fields
                .iter()
                .map(|f| format!("{} {}", d.ident(&f.id), ty(&f.ty))),
        );
        let mut rows = Vec::new();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        for row in reader.records() {
            let row = row.expect("a row");
            let values: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let t = if i == 0 {
                        &FieldType::Id
                    } else {
                        &rec.fields[i - 1].ty
                    };
                    if v.is_empty() {
                        format!("CAST(NULL AS {})", ty(t))
                    } else {
                        let v = v.replace('T', " ");
                        format!("CAST({} AS {})", d.string(&v), ty(t))
                    }
                })
                .collect();
            rows.push(format!("({})", values.join(", ")));
        }
        match d {
            Dialect::Spark => s.push_str(&format!(
                "CREATE OR REPLACE TEMPORARY VIEW {} AS SELECT * FROM VALUES {} AS t({});\n",
                d.ident(kind),
                rows.join(", "),
                std::iter::once(d.ident("authority"))
                    .chain(rec.fields.iter().map(|f| d.ident(&f.id)))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            _ => s.push_str(&format!(
                "CREATE TABLE {t} ({});\nINSERT INTO {t} VALUES {};\n",
                cols.join(", "),
                rows.join(", "),
                t = d.ident(kind)
            )),
        }
    }
    s
}

fn figures_of_tsv(text: &str) -> BTreeMap<String, BTreeMap<String, u64>> {
    let mut out: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "{line}");
        out.entry(cols[0].to_string()).or_default().insert(
            cols[1].to_string(),
            cols[2].trim().parse().expect("a count"),
        );
    }
    out
}

#[test]
fn the_postgresql_script_gives_the_same_figures() {
    let Some(bin) = postgres_bin() else {
        return;
    };
    let ir = records_ir();
    let period = Period::parse("2020-21").expect("a period");
    let dir = tempfile::tempdir().expect("a folder");
    let load = dir.path().join("load.sql");
    std::fs::write(&load, load_statements(Dialect::Postgres, &ir)).expect("written");
    let script = dir.path().join("postgres.sql");
    std::fs::write(
        &script,
        sql::script(&ir, Dialect::Postgres, &period).expect("a script"),
    )
    .expect("written");
    for p in [&load, &script] {
        // The server runs as the postgres user, who reads the files.
        let _ = Command::new("chmod").arg("a+r").arg(p).status();
    }
    let _ = Command::new("chmod").arg("a+rx").arg(dir.path()).status();
    let pg = Postgres::start(bin);
    pg.psql(&["-f", &load.display().to_string()]);
    let rows = pg.psql(&["-At", "-F", "\t", "-f", &script.display().to_string()]);
    assert_eq!(figures_of_tsv(&rows), expected());
}

#[test]
fn the_spark_script_gives_the_same_figures() {
    let py = match tool("python3", &[]) {
        Some(p) => p,
        None => return,
    };
    let has_spark = Command::new(&py)
        .args(["-c", "import pyspark"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_spark {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "pyspark is needed by this test under CI"
        );
        eprintln!("note: pyspark is not installed; the Spark SQL is not run");
        return;
    }
    let ir = records_ir();
    let period = Period::parse("2020-21").expect("a period");
    let dir = tempfile::tempdir().expect("a folder");
    let script = format!(
        "{}\n{}",
        load_statements(Dialect::Spark, &ir),
        sql::script(&ir, Dialect::Spark, &period).expect("a script")
    );
    std::fs::write(dir.path().join("spark.sql"), script).expect("written");
    // Statements end with `;` and a new line (texts in Spark literals escape their line
    // breaks); comment lines are dropped.
    let run = r#"
import sys
from pyspark.sql import SparkSession
spark = (SparkSession.builder.master("local[1]")
         .config("spark.ui.enabled", "false")
         .config("spark.ui.showConsoleProgress", "false")
         .getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
text = open(sys.argv[1], encoding="utf-8").read()
rows = None
for s in text.split(";\n"):
    body = "\n".join(l for l in s.splitlines() if not l.lstrip().startswith("--"))
    if body.strip():
        rows = spark.sql(body).collect()
for r in rows:
    print("\t".join(str(v) for v in r))
"#;
    let out = Command::new(&py)
        .arg("-c")
        .arg(run)
        .arg(dir.path().join("spark.sql"))
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        figures_of_tsv(&String::from_utf8_lossy(&out.stdout)),
        expected()
    );
}

#[test]
fn scripts_quote_every_name_and_text_from_the_spec() {
    let mut ir = records_ir();
    // A hostile spec: names and codes that would end a string or an identifier.
    ir.records[1].id = "con\"tact`x".into();
    for m in &mut ir.metrics {
        if let Some(r) = &mut m.computed_from {
            if r.record == "contact" {
                r.record = "con\"tact`x".into();
            }
            for c in &mut r.conditions {
                match c {
                    Condition::Is { codes, .. } => {
                        codes.push("x'); DROP TABLE person; --\\".into());
                    }
                    Condition::AtLeast { record, .. } if record == "contact" => {
                        *record = "con\"tact`x".into();
                    }
                    _ => {}
                }
            }
        }
    }
    let period = Period::parse("2020-21").expect("a period");
    let pg = sql::script(&ir, Dialect::Postgres, &period).expect("a script");
    assert!(pg.contains("\"con\"\"tact`x\""), "{pg}");
    assert!(pg.contains("'x''); DROP TABLE person; --\\'"), "{pg}");
    let spark = sql::script(&ir, Dialect::Spark, &period).expect("a script");
    assert!(spark.contains("`con\"tact``x`"));
    assert!(spark.contains("'x\\'); DROP TABLE person; --\\\\'"));
    // Deterministic.
    assert_eq!(
        pg,
        sql::script(&ir, Dialect::Postgres, &period).expect("a script")
    );
}

#[test]
fn pmf_build_writes_a_script_per_dialect_when_the_spec_has_records() {
    let mut none = shipped_ir();
    none.records.clear();
    none.calendars.clear();
    for m in &mut none.metrics {
        m.computed_from = None;
    }
    assert!(sql::artifacts(&none).expect("built").is_empty());
    let built = sql::artifacts(&records_ir()).expect("built");
    let names: Vec<&str> = built.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "records/duckdb.sql",
            "records/postgres.sql",
            "records/spark.sql"
        ]
    );
    // The edition's first year is the period of the published scripts; the calendar has a row
    // per day of its four years, Christmas Day 2020 with the number of the day before.
    let pg = String::from_utf8(built[1].1.clone()).expect("text");
    assert!(
        // One date a line, so that a reader (or a test) can set the period on them.
        pg.contains(
            "SELECT DATE '2020-04-01' AS period_start,\n  DATE '2021-03-31' AS period_end;"
        )
    );
    assert_eq!(pg.matches("('wales', DATE '").count(), 365 * 4 + 1);
    let line = |d: &str| {
        pg.lines()
            .find(|l| l.contains(&format!("DATE '{d}'")))
            .expect("a day")
            .to_string()
    };
    let number = |d: &str| -> u32 {
        line(d)
            .trim_end_matches(',')
            .trim_end_matches(')')
            .rsplit(", ")
            .next()
            .expect("a number")
            .parse()
            .expect("a number")
    };
    assert!(line("2020-12-25").contains("FALSE"));
    assert_eq!(number("2020-12-25"), number("2020-12-24"));
    assert_eq!(number("2020-12-28"), number("2020-12-24"));
    assert_eq!(number("2020-12-29"), number("2020-12-24") + 1);
    assert_eq!(number("2019-01-01"), 1);
}
