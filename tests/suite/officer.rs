//! `pmf validate` as a performance officer runs it (issue 15): from the folder the return is
//! in, with no spec beside it; a half-filled return's report fits on a screen; names of
//! authorities accepted; "n/a" gets the status advice; every location is the line an editor
//! shows; findings as CSV for analysts.

use crate::differential::shipped_ir;
use crate::subgen::{self, Return};
use std::path::Path;
use std::process::{Command, Output};

fn pmf(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pmf"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("pmf runs")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn all(o: &Output) -> String {
    format!("{}{}", out(o), String::from_utf8_lossy(&o.stderr))
}

fn clean(seed: u64) -> Return {
    subgen::clean(
        &shipped_ir(),
        &mut subgen::Rng(seed),
        "W06000015",
        "2020-21",
    )
}

#[test]
fn validate_runs_from_a_folder_with_no_spec() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("cardiff.csv"), subgen::to_csv(&[clean(11)])).expect("write");
    assert!(!dir.path().join("spec").exists());
    let o = pmf(&["validate", "cardiff.csv"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", all(&o));
    assert!(
        out(&o).contains("Cardiff (W06000015), 2020-21"),
        "{}",
        all(&o)
    );
    assert!(
        out(&o).contains("1 submission checked: 0 errors"),
        "{}",
        all(&o)
    );
}

#[test]
fn a_json_return_names_its_edition_and_an_unknown_one_is_one_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let json = r#"{"edition": "2031-32", "submissions": []}"#;
    std::fs::write(dir.path().join("future.json"), json).expect("write");
    let o = pmf(&["validate", "future.json"], dir.path());
    assert_eq!(o.status.code(), Some(2), "{}", all(&o));
    let t = all(&o);
    assert!(
        t.contains("made for the edition `2031-32`") && t.contains("--spec"),
        "{t}"
    );
    assert_eq!(
        t.lines().filter(|l| l.starts_with("error")).count(),
        1,
        "{t}"
    );
}

#[test]
fn a_missing_spec_path_is_one_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("r.csv"), subgen::to_csv(&[clean(11)])).expect("write");
    let o = pmf(&["validate", "--spec", "nowhere", "r.csv"], dir.path());
    assert_eq!(o.status.code(), Some(2), "{}", all(&o));
    let t = all(&o);
    assert!(t.contains("cannot read the spec `nowhere`"), "{t}");
    assert!(
        !t.contains("declares nothing") && !t.contains("PMF0"),
        "{t}"
    );
    // In Welsh, the error and its help are Welsh too.
    let o = pmf(
        &["validate", "--lang", "cy", "--spec", "nowhere", "r.csv"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", all(&o));
    let t = all(&o);
    assert!(
        t.starts_with("gwall: ni ellir darllen y fanyleb `nowhere`"),
        "{t}"
    );
    assert!(t.contains("\n  cymorth: rhowch ffolder argraffiad"), "{t}");
    let o = pmf(
        &["validate", "--lang", "cy", "--edition", "2031-32", "r.csv"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", all(&o));
    let t = all(&o);
    assert!(
        t.starts_with("gwall: nid oes argraffiad `2031-32` wedi'i gynnwys yn pmf"),
        "{t}"
    );
}

#[test]
fn a_half_filled_return_fits_on_one_screen() {
    let mut r = clean(11);
    // Half the figures gone, and one comparison broken.
    let n = r.rows.len();
    for row in r.rows.iter_mut().skip(n / 2) {
        row.value.clear();
        row.status.clear();
    }
    let v: f64 = r
        .rows
        .iter()
        .find(|x| x.code == "AD/004a")
        .and_then(|x| x.value.parse().ok())
        .expect("AD/004a is in the first half");
    if let Some(x) = r.rows.iter_mut().find(|x| x.code == "AD/004a") {
        x.value = format!("{}", v as i64 + 250);
    }
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("half.csv"), subgen::to_csv(&[r])).expect("write");
    let o = pmf(&["validate", "half.csv"], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", all(&o));
    let t = out(&o);
    assert!(t.lines().count() <= 30, "{} lines:\n{t}", t.lines().count());
    // The summary comes first, then the comparison with what to do, then one line of counts.
    let summary = t.find("Part ").expect("a summary table");
    let comparison = t.find("AD/004.partition").expect("the broken sum");
    let missing = t
        .find("not yet given on")
        .expect("missing figures in one line");
    assert!(summary < comparison && comparison < missing, "{t}");
    assert!(t.contains("correct a figure, or explain"), "{t}");
    assert!(t.contains("--verbose"), "{t}");
    // --verbose lists each.
    let v = pmf(&["validate", "--verbose", "half.csv"], dir.path());
    assert!(out(&v).lines().count() > 100, "{}", out(&v));
    assert!(out(&v).contains(".required"), "{}", out(&v));
}

#[test]
fn authorities_by_name_are_read_as_their_code() {
    let mut english = clean(11);
    english.authority = "Cardiff".into();
    let mut welsh = clean(12);
    welsh.authority = "Caerdydd".into();
    welsh.period = "2021-22".into();
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("named.csv"),
        subgen::to_csv(&[english, welsh]),
    )
    .expect("write");
    let o = pmf(&["validate", "named.csv"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", all(&o));
    assert!(
        out(&o).contains("Cardiff (W06000015), 2020-21"),
        "{}",
        all(&o)
    );
    assert!(
        out(&o).contains("Cardiff (W06000015), 2021-22"),
        "{}",
        all(&o)
    );
}

#[test]
fn a_value_that_says_there_is_no_figure_is_told_to_use_the_status() {
    for said in ["n/a", "N/A", "-", "unknown", "Not available"] {
        let mut r = clean(11);
        if let Some(x) = r.rows.iter_mut().find(|x| x.code == "AD/001") {
            x.value = said.into();
        }
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("r.csv"), subgen::to_csv(&[r])).expect("write");
        let o = pmf(&["validate", "r.csv"], dir.path());
        let t = out(&o);
        assert!(
            t.contains("leave the value blank and give the reason as its status"),
            "{said}: {t}"
        );
        assert!(!t.contains("in digits"), "{said}: {t}");
    }
}

#[test]
fn locations_are_the_lines_an_editor_shows() {
    // CRLF, a blank line, a quoted newline in a comment and a byte order mark together: the
    // bad value is on line 7 of the file as an editor shows it.
    let head = "authority,period,code,value,status,comment";
    let text = format!(
        "\u{FEFF}{head}\r\nW06000015,2020-21,AD/001,1,,\r\n\r\nW06000015,2020-21,AD/002a,1,,\"two\r\nlines\"\r\nW06000015,2020-21,AD/002b,1,,\r\nW06000015,2020-21,AD/003,twelve,,\r\n"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("r.csv"), text).expect("write");
    let o = pmf(&["validate", "--format", "csv", "r.csv"], dir.path());
    let t = out(&o);
    let row = t
        .lines()
        .find(|l| l.contains("AD/003.value"))
        .unwrap_or_else(|| panic!("{t}"));
    assert!(row.contains(",line 7,"), "{row}");
}

#[test]
fn findings_as_csv_for_analysts() {
    let mut r = clean(11);
    if let Some(x) = r.rows.iter_mut().find(|x| x.code == "AD/001") {
        x.value = "=1+2".into();
        x.comment = "@SUM(A1)".into();
    }
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("r.csv"), subgen::to_csv(&[r])).expect("write");
    let o = pmf(&["validate", "--format", "csv", "r.csv"], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", all(&o));
    let mut rdr = csv::Reader::from_reader(o.stdout.as_slice());
    let header: Vec<String> = rdr
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_string)
        .collect();
    for col in [
        "authority",
        "period",
        "rule",
        "severity",
        "codes",
        "values",
        "location",
        "message",
    ] {
        assert!(header.iter().any(|h| h == col), "{header:?}");
    }
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("a row")).collect();
    assert!(!rows.is_empty());
    for row in &rows {
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
    }
    let value = rows
        .iter()
        .find(|r| r.get(3) == Some("AD/001.value"))
        .expect("the bad value");
    assert_eq!(value.get(1), Some("W06000015"));
    assert_eq!(value.get(5), Some("error"));
}
