//! The command line on bad input: each case gets a clear diagnostic naming the file, line and
//! column, and a non-zero exit; never a panic.

use crate::common::root;
use std::path::Path;
use std::process::{Command, Output};

fn pmf(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pmf"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("pmf runs")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn no_panic(o: &Output) {
    let t = text(o);
    assert!(
        !t.contains("panicked") && !t.contains("RUST_BACKTRACE"),
        "panic:\n{t}"
    );
}

const EDITION: &str = "edition \"t\" {\n  title \"T\"\n}\n";

#[test]
fn the_shipped_spec_checks_with_exit_zero() {
    let o = pmf(&["check"], &root());
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("no errors or warnings") || text(&o).contains("allowed with a reason"),
        "{}",
        text(&o)
    );
}

#[test]
fn bytes_that_are_not_utf8() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bytes = EDITION.as_bytes().to_vec();
    bytes.extend_from_slice(b"doc x \"T\" {\n  text \"caf\xe9\"\n}\n");
    std::fs::write(dir.path().join("latin1.pmf"), bytes).expect("write");
    let o = pmf(&["check", "latin1.pmf"], dir.path());
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    let t = text(&o);
    assert!(t.contains("PMF0002") && t.contains("latin1.pmf:5:"), "{t}");
    assert!(t.contains("UTF-8"), "{t}");
}

#[test]
fn an_empty_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("empty.pmf"), "").expect("write");
    let o = pmf(&["check", "empty.pmf"], dir.path());
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    let t = text(&o);
    assert!(
        t.contains("PMF0005") && t.contains("declares nothing"),
        "{t}"
    );
    assert!(t.contains("PMF0007"), "{t}");
}

#[test]
fn a_fifty_megabyte_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let line = "metric AD/001 { wording \"x\" }\n";
    let big = line.repeat(50 * 1024 * 1024 / line.len() + 1);
    std::fs::write(dir.path().join("big.pmf"), big).expect("write");
    let o = pmf(&["check", "big.pmf"], dir.path());
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    let t = text(&o);
    assert!(t.contains("PMF0003") && t.contains("big.pmf:1:1"), "{t}");
}

#[test]
fn ten_thousand_nested_parentheses() {
    let dir = tempfile::tempdir().expect("tempdir");
    let deep = format!(
        "{EDITION}\nindicator PI/AD/01 {{\n  formula {}AD/001{}\n}}\n",
        "(".repeat(10_000),
        ")".repeat(10_000)
    );
    std::fs::write(dir.path().join("deep.pmf"), deep).expect("write");
    let o = pmf(&["check", "deep.pmf"], dir.path());
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    let t = text(&o);
    assert!(t.contains("PMF0004") && t.contains("deep.pmf:6:74"), "{t}");
}

#[test]
fn a_file_that_is_not_a_spec() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("notes.pmf"),
        "{\"json\": [1, 2, 3]}\n<html><body>Hello</body></html>\n",
    )
    .expect("write");
    let o = pmf(&["check", "notes.pmf"], dir.path());
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    let t = text(&o);
    assert!(t.contains("PMF0001") && t.contains("notes.pmf:1:1"), "{t}");
    assert!(
        t.contains("notes.pmf:2:"),
        "every broken item is reported:\n{t}"
    );
}

#[test]
fn a_missing_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = pmf(&["check", "nowhere/spec.pmf"], dir.path());
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    let t = text(&o);
    assert!(
        t.contains("PMF0006")
            && t.contains("no such file or folder")
            && t.contains("nowhere/spec.pmf"),
        "{t}"
    );
}

#[test]
fn json_diagnostics_name_the_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.pmf"), format!("{EDITION}unit contact \"c\" {{\n  kind entity\n}}\nmetric AD/001 {{\n  wording \"x\"\n  counts contatc\n  flow\n}}\n")).expect("write");
    let o = pmf(&["check", "--format", "json", "a.pmf"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "PMF0102");
    assert_eq!(d["primary"]["line"], 9);
    assert_eq!(d["primary"]["column"], 10);
    assert_eq!(d["help"], "did you mean `contact`?");
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn explain_knows_every_code_and_refuses_others() {
    let o = pmf(&["explain", "PMF0303"], &root());
    assert!(o.status.success());
    assert!(text(&o).contains("## Example"));
    let o = pmf(&["explain", "PMF9999"], &root());
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("no diagnostic code"));
}

#[test]
fn export_refuses_a_spec_with_errors_and_prints_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a.pmf"),
        format!("{EDITION}metric AD/001 {{\n}}\n"),
    )
    .expect("write");
    let o = pmf(&["export", "a.pmf"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(String::from_utf8_lossy(&o.stderr).contains("has no `wording`"));
}

#[test]
fn fmt_check_reports_and_fmt_rewrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.pmf");
    std::fs::write(&path, "edition \"t\"{\ntitle   \"T\" // the title\n}\n").expect("write");
    let o = pmf(&["fmt", "--check", "a.pmf"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("a.pmf is not formatted"));
    let o = pmf(&["fmt", "a.pmf"], dir.path());
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "edition \"t\" {\n  title \"T\" // the title\n}\n"
    );
    // A file with a syntax error is left exactly as it was.
    std::fs::write(&path, "edition \"t {\n").expect("write");
    let o = pmf(&["fmt", "a.pmf"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "edition \"t {\n"
    );
}

#[test]
fn build_check_finds_a_stale_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.pmf"), EDITION).expect("write");
    let o = pmf(&["build", "--out", "out", "a.pmf"], dir.path());
    assert!(o.status.success(), "{}", text(&o));
    let o = pmf(&["build", "--check", "--out", "out", "a.pmf"], dir.path());
    assert!(o.status.success(), "{}", text(&o));
    std::fs::write(dir.path().join("out/ir/spec.json"), "{}").expect("write");
    let o = pmf(&["build", "--check", "--out", "out", "a.pmf"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("spec.json differs"), "{}", text(&o));
}

#[test]
fn a_template_is_made_from_any_folder_with_the_editions_built_in() {
    let dir = tempfile::tempdir().expect("a folder with no spec in it");
    for (args, file) in [
        (&["template"][..], "submission-template.xlsx"),
        (
            &["template", "--lang", "cy", "-o", "templed.xlsx"][..],
            "templed.xlsx",
        ),
    ] {
        let o = pmf(args, dir.path());
        no_panic(&o);
        assert!(o.status.success(), "{args:?}:\n{}", text(&o));
        let bytes = std::fs::read(dir.path().join(file)).expect("the workbook");
        assert!(bytes.starts_with(b"PK"), "{file} is a workbook");
    }
}
