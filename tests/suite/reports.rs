//! `pmf report`: the director's annual report of one authority from a generated data set (the
//! 22 authorities and Wales, three years, two editions: tests/reports/make_data.py), with a
//! local report definition (tests/reports/cardiff.pmf). The Markdown and CSV reports are golden
//! files (tests/reports/cardiff.md, cardiff.csv); the HTML is checked for escaping and
//! accessibility; the outputs are the same on every run.

use super::common::{expect_file, root};
use pmf::driver;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn pmf(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pmf"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("pmf runs")
}

fn editions() -> Vec<PathBuf> {
    vec![
        root().join("spec/2019-consultation"),
        root().join("tests/editions/2020-21"),
    ]
}

/// The data set, generated once per test into a temporary folder: the returns' folder.
fn data(dir: &Path) -> PathBuf {
    let inputs: Vec<driver::Input> = editions()
        .iter()
        .flat_map(|p| driver::inputs(std::slice::from_ref(p)))
        .collect();
    let compiled = driver::compile_editions(inputs, false);
    let mut lists = Vec::new();
    for (i, (_, comp)) in compiled.iter().enumerate() {
        let ir = comp.ir.as_ref().expect("the editions check clean");
        let mut text = String::from("code\n");
        for d in &ir.data_items {
            text.push_str(&d.code);
            text.push('\n');
        }
        let path = dir.join(format!("codes-{i}.csv"));
        std::fs::write(&path, text).expect("write the codes");
        lists.push(path);
    }
    let out = dir.join("returns");
    let status = Command::new("python3")
        .arg(root().join("tests/reports/make_data.py"))
        .args(&lists)
        .arg(&out)
        .status()
        .expect("python3 runs (tests/setup.sh installs it)");
    assert!(status.success(), "make_data.py failed");
    out
}

fn report(returns: &Path, authority: &str, format: &str, definition: &Path) -> Output {
    let eds = editions();
    pmf(&[
        "report",
        "--authority",
        authority,
        "--spec",
        &eds[0].display().to_string(),
        "--spec",
        &eds[1].display().to_string(),
        "--definition",
        &definition.display().to_string(),
        "--years",
        "3",
        "--format",
        format,
        &returns.display().to_string(),
    ])
}

fn text(o: &Output) -> String {
    assert!(
        o.status.success(),
        "pmf report failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}

#[test]
fn cardiff_s_report_from_three_years_of_returns() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let returns = data(dir.path());
    let def = root().join("tests/reports/cardiff.pmf");
    let md = report(&returns, "Cardiff", "md", &def);
    assert_eq!(
        String::from_utf8_lossy(&md.stderr),
        "",
        "the data set reads without a problem"
    );
    let md = text(&md);
    if let Err(e) = expect_file(&root().join("tests/reports/cardiff.md"), &md) {
        panic!("{e}");
    }
    let csv = text(&report(&returns, "W06000015", "csv", &def));
    if let Err(e) = expect_file(&root().join("tests/reports/cardiff.csv"), &csv) {
        panic!("{e}");
    }
    // Deterministic: the same bytes again.
    assert_eq!(text(&report(&returns, "Cardiff", "md", &def)), md);

    // What the data set holds on purpose is in the report, as flags and notes.
    for want in [
        "2,068 y",                                                // part-year
        "the figure is for the year to 2020-11-23",               // its date
        "Figures were not available due to Covid-19 disruptions", // a reason
        "| z |",                                                  // not applicable
        " p |",                                                   // provisional
        " r |",                                                   // revised
        "VAC/001",                                                // a local measure
        "Quality standard 7",
        "People are protected and safeguarded from abuse, neglect and any other types of harm.",
    ] {
        assert!(md.contains(want), "{want:?} in\n{md}");
    }
    assert!(md.contains("## Key to the flags"));

    let html = text(&report(&returns, "Cardiff", "html", &def));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<th scope=\"col\">2021-22</th>"));
    assert!(html.contains("<th scope=\"row\">PI/AD/01</th>"));
    assert!(html.contains("Director&#39;s annual report"));
    assert_eq!(html.matches("<table>").count(), 5);

    // Wales is accepted as an aggregate.
    let wales = text(&report(
        &returns,
        "W92000004",
        "md",
        &def_for_wales(dir.path()),
    ));
    assert!(wales.contains("Wales"), "{wales}");
}

fn def_for_wales(dir: &Path) -> PathBuf {
    let p = dir.join("wales.pmf");
    std::fs::write(
        &p,
        "report wales \"Wales\" {\n  standard qs1 {\n    measure PI/AD/01\n    measure AD/001\n  }\n}\n",
    )
    .expect("write");
    p
}

#[test]
fn texts_are_escaped_in_every_format() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let returns = dir.path().join("r.csv");
    std::fs::write(
        &returns,
        "authority,period,code,value,status,comment\nW06000015,2021-22,VAC/001,3,,<b>=1|*x*</b>\n",
    )
    .expect("write");
    let def = dir.path().join("d.pmf");
    std::fs::write(
        &def,
        "report x \"<script>alert(1)</script> | *x*\" {\n  authority W06000015\n  standard qs1 {\n    local VAC/001 \"=HYPERLINK(x) & <i>\" {\n      definition \"d\"\n      unit \"posts\"\n    }\n  }\n}\n",
    )
    .expect("write");
    let eds = editions();
    let run = |format: &str| {
        text(&pmf(&[
            "report",
            "--authority",
            "W06000015",
            "--spec",
            &eds[1].display().to_string(),
            "--spec",
            &eds[0].display().to_string(),
            "--definition",
            &def.display().to_string(),
            "--format",
            format,
            &returns.display().to_string(),
        ]))
    };
    let html = run("html");
    assert!(!html.contains("<script>") && !html.contains("<i>") && !html.contains("<b>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let md = run("md");
    assert!(
        md.contains("\\<script\\>") && md.contains("\\| \\*x\\*"),
        "{md}"
    );
    let csv = run("csv");
    assert!(csv.contains(",'=HYPERLINK(x) & <i>,"), "{csv}");
}

#[test]
fn an_unknown_authority_or_a_bad_definition_is_a_clear_error() {
    let o = pmf(&["report", "--authority", "Atlantis", "tests/reports"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("`Atlantis` is not a Welsh local authority")
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let def = dir.path().join("d.pmf");
    std::fs::write(
        &def,
        "report x \"X\" {\n  standard qs1 {\n    measure PI/AD/99\n  }\n}\n",
    )
    .expect("write");
    let o = pmf(&[
        "report",
        "--authority",
        "Cardiff",
        "--definition",
        &def.display().to_string(),
        "tests/reports",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("there is no metric, item or indicator PI/AD/99"),
        "{err}"
    );
    assert!(err.contains("d.pmf:3:13"), "{err}");
}
