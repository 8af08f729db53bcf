//! Editions: a second edition is made from the shipped one by a known list of edits
//! (tests/editions/2020-revision.edits); it must check clean together with the first, and
//! `pmf diff` must report exactly the expected changes, each in its category.

use crate::common::{expect_file, root};
use pmf::diff::{self, Category};
use std::path::Path;

/// Applies the edits file to a copy of the shipped spec in `dir/2020-revision`.
fn apply_edits(edits: &str, dir: &Path) {
    let from = root().join("spec/2019-consultation");
    let to = dir.join("2020-revision");
    std::fs::create_dir_all(&to).expect("mkdir");
    for p in pmf::driver::pmf_files_under(&from) {
        std::fs::copy(&p, to.join(p.file_name().expect("a file"))).expect("copy");
    }
    let mut lines = edits.lines().peekable();
    let block = |lines: &mut std::iter::Peekable<std::str::Lines>| -> (String, Option<String>) {
        assert_eq!(
            lines.next(),
            Some("<<<"),
            "an edit starts its text with <<<"
        );
        let (mut a, mut b, mut in_b) = (String::new(), String::new(), false);
        for l in lines.by_ref() {
            match l {
                "===" => in_b = true,
                // The text is the lines between the markers, without the last line break, so an
                // edit can replace part of a line.
                ">>>" => {
                    a.pop();
                    b.pop();
                    return (a, in_b.then_some(b));
                }
                _ if in_b => {
                    b.push_str(l);
                    b.push('\n');
                }
                _ => {
                    a.push_str(l);
                    a.push('\n');
                }
            }
        }
        panic!("an edit's text is not closed with >>>");
    };
    while let Some(line) = lines.next() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let words: Vec<&str> = line.splitn(3, ' ').collect();
        let path = to.join(words[1]);
        let mut text = std::fs::read_to_string(&path).expect("the edited file exists");
        match words[0] {
            "replace" => {
                let (old, new) = block(&mut lines);
                let new = new.expect("replace has === and new text");
                assert_eq!(
                    text.matches(&old).count(),
                    1,
                    "the text to replace occurs once in {}:\n{old}",
                    words[1]
                );
                text = text.replacen(&old, &new, 1);
            }
            "append" => {
                let (add, _) = block(&mut lines);
                text.push_str(&add);
                text.push('\n');
            }
            "delete" => {
                let header = format!("{} {{\n", words[2]);
                let start = text
                    .find(&header)
                    .unwrap_or_else(|| panic!("no item `{}`", words[2]));
                let end = start + text[start..].find("\n}\n").expect("the item ends") + 3;
                text.replace_range(start..end, "");
            }
            other => panic!("unknown edit `{other}`"),
        }
        std::fs::write(&path, text).expect("write");
    }
}

#[test]
fn a_revised_edition_checks_and_diffs_to_exactly_the_known_changes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let edits =
        std::fs::read_to_string(root().join("tests/editions/2020-revision.edits")).expect("edits");
    apply_edits(&edits, tmp.path());
    std::fs::create_dir_all(tmp.path().join("2019-consultation")).expect("mkdir");
    for p in pmf::driver::pmf_files_under(&root().join("spec/2019-consultation")) {
        std::fs::copy(
            &p,
            tmp.path()
                .join("2019-consultation")
                .join(p.file_name().expect("a file")),
        )
        .expect("copy");
    }
    // Both editions, checked together, as `pmf check` does for spec/.
    let results =
        pmf::driver::compile_editions(pmf::driver::inputs(&[tmp.path().to_path_buf()]), false);
    assert_eq!(results.len(), 2);
    for (input, comp) in &results {
        let counting: Vec<_> = comp
            .diagnostics
            .iter()
            .filter(|d| d.counts())
            .cloned()
            .collect();
        assert!(
            counting.is_empty(),
            "{}:\n{}",
            input.name,
            pmf::diag::render_text(&counting, &input.sources)
        );
    }
    let old = results[0].1.ir.clone().expect("old IR");
    let new = results[1].1.ir.clone().expect("new IR");
    assert_eq!(new.edition.supersedes.as_deref(), Some("2019-consultation"));
    let changes = diff::diff(&old, &new);
    assert_eq!(new.changes, changes, "the IR records the same changes");
    // Every planned change, in its category.
    let has = |cat: Category, kind: &str, code: &str| {
        changes
            .iter()
            .any(|c| c.category == cat && c.kind == kind && c.code == code)
    };
    use Category::*;
    let planned = [
        (BreakingSubmission, "metric_renumbered", "AD/046"),
        (BreakingSubmission, "metric_split", "WF/024"),
        (BreakingSeries, "metric_split", "WF/024"),
        (BreakingSubmission, "metric_merged", "AD/047"),
        (BreakingSubmission, "metric_removed", "CH/055"),
        (BreakingSubmission, "metric_added", "CH/056"),
        (BreakingSubmission, "item_relettered", "AD/016a"),
        (BreakingSubmission, "item_relettered", "AD/016b"),
        (BreakingSubmission, "unit_changed", "AD/045"),
        (BreakingSeries, "unit_changed", "AD/045"),
        (BreakingSeries, "timescale_changed", "CH/012"),
        (Documentation, "rationale_changed", "AD/001"),
        // The note on AD/044 that named AD/042 and AD/043 now names AD/047.
        (Documentation, "notes_changed", "AD/044"),
        (Documentation, "citations_changed", "AD/003"),
    ];
    for (cat, kind, code) in planned {
        assert!(
            has(cat, kind, code),
            "missing {cat:?} {kind} {code} in:\n{}",
            diff::render_text("old", "new", &changes)
        );
    }
    assert_eq!(
        changes.len(),
        planned.len(),
        "exactly the planned changes, no more:\n{}",
        diff::render_text("old", "new", &changes)
    );
    // Retired codes are kept, so that they cannot come back with another meaning.
    let retired: Vec<&str> = new.retired.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(retired, vec!["CH/055"]);
    let text = diff::render_text(&old.edition.id, &new.edition.id, &changes);
    expect_file(&root().join("tests/editions/2020-revision.diff.txt"), &text)
        .unwrap_or_else(|e| panic!("{e}"));
    let md = diff::render_markdown(&old.edition.id, &new.edition.id, &changes);
    expect_file(&root().join("tests/editions/2020-revision.diff.md"), &md)
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn reusing_a_retired_or_renumbered_code_is_an_error_and_a_new_meaning_a_warning() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let edits =
        std::fs::read_to_string(root().join("tests/editions/2020-revision.edits")).expect("edits");
    apply_edits(&edits, tmp.path());
    let old = {
        let input = pmf::driver::read_input(&[root().join("spec/2019-consultation")]);
        pmf::check::compile(&input.sources).ir.expect("old IR")
    };
    let dir = tmp.path().join("2020-revision");
    // AD/005 was renumbered AD/046: using AD/005 again for something else is refused.
    let mut adults = std::fs::read_to_string(dir.join("adults.pmf")).expect("read");
    adults.push_str("\nmetric AD/005 {\n  group adults_iaa\n  wording \"Contacts made in Welsh\"\n  counts contact\n  flow\n}\n");
    std::fs::write(dir.join("adults.pmf"), &adults).expect("write");
    let input = pmf::driver::read_input(std::slice::from_ref(&dir));
    let comp = pmf::check::compile_with(
        &input.sources,
        pmf::check::Options {
            previous: Some(&old),
            ..Default::default()
        },
    );
    let codes: Vec<(&str, &str)> = comp
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.message.as_str()))
        .collect();
    assert!(
        codes
            .iter()
            .any(|(c, m)| *c == "PMF0112" && m.starts_with("AD/005 meant something else")),
        "{codes:?}"
    );
    // AD/045 counts episodes now, under the same code: a warning, allowed in the revision with
    // its reason.
    assert!(
        comp.diagnostics.iter().any(|d| d.code.as_str() == "PMF0113"
            && d.message.starts_with("AD/045")
            && d.allowed.is_some()),
        "{codes:?}"
    );
    // Without the previous edition, `was` cannot be resolved.
    let alone = pmf::check::compile(&input.sources);
    assert!(alone
        .diagnostics
        .iter()
        .any(|d| d.code.as_str() == "PMF0114"));
}

#[test]
fn a_return_migrates_across_the_revision_value_by_value() {
    use pmf::validate::submission::{Entry, Place, Raw, Site, Submission};
    let tmp = tempfile::tempdir().expect("tempdir");
    let edits =
        std::fs::read_to_string(root().join("tests/editions/2020-revision.edits")).expect("edits");
    apply_edits(&edits, tmp.path());
    let old = pmf::check::compile(
        &pmf::driver::read_input(&[root().join("spec/2019-consultation")]).sources,
    )
    .ir
    .expect("old IR");
    let new_input = pmf::driver::read_input(&[tmp.path().join("2020-revision")]);
    let new = pmf::check::compile_with(
        &new_input.sources,
        pmf::check::Options {
            previous: Some(&old),
            ..Default::default()
        },
    )
    .ir
    .expect("new IR");
    // A return under the old edition: every value distinct, one value missing with a status.
    let mut sub = Submission::new("old-return.csv");
    sub.authority = "W06000015".into();
    sub.period = "2020-21".into();
    let site = Site::new("old-return.csv", Place::File);
    let value = |i: usize| (i * 7 + 3) as f64;
    for (i, d) in old.data_items.iter().enumerate() {
        let (raw, status) = if d.code == "AD/001" {
            (Raw::Blank, Some("not_available".to_string()))
        } else {
            (Raw::Number(value(i)), None)
        };
        sub.entries.push(Entry {
            code: d.code.clone(),
            raw,
            status,
            comment: None,
            site: site.clone(),
        });
    }
    let old_value = |code: &str| {
        old.data_items
            .iter()
            .position(|d| d.code == code)
            .map(value)
    };
    let (migrated, report) = pmf::migrate::migrate(&old, &new, &sub);
    let got = |code: &str| {
        migrated.entry(code).and_then(|e| match e.raw {
            Raw::Number(v) => Some(v),
            _ => None,
        })
    };
    let outcome = |code: &str| {
        report
            .steps
            .iter()
            .find(|s| s.code == code)
            .map(|s| s.outcome.as_str())
    };
    // The planned changes.
    assert_eq!(got("AD/046"), old_value("AD/005"), "renumbered");
    assert_eq!(
        got("AD/047"),
        Some(old_value("AD/042").unwrap_or(0.0) + old_value("AD/043").unwrap_or(0.0)),
        "merged by summing"
    );
    assert_eq!(outcome("AD/047"), Some("summed"));
    assert_eq!(got("AD/016a"), old_value("AD/016b"), "re-lettered");
    assert_eq!(got("AD/016b"), old_value("AD/016a"), "re-lettered");
    for code in ["WF/024", "CH/056", "AD/045", "CH/012"] {
        assert_eq!(outcome(code), Some("not_carried"), "{code}");
        assert_eq!(got(code), None, "{code}");
    }
    assert_eq!(outcome("CH/055"), Some("dropped"));
    // A missing value keeps its status.
    assert_eq!(outcome("AD/001"), Some("status"));
    assert_eq!(
        migrated
            .entry("AD/001")
            .and_then(|e| e.status.clone())
            .as_deref(),
        Some("not_available")
    );
    // Every other value is carried unchanged under its own code.
    let special = [
        "AD/046", "AD/047", "AD/016a", "AD/016b", "WF/024", "CH/056", "AD/045", "CH/012", "AD/001",
    ];
    let mut checked = 0;
    for d in &new.data_items {
        if special.contains(&d.code.as_str()) {
            continue;
        }
        assert_eq!(
            got(&d.code),
            old_value(&d.code),
            "{} should carry unchanged",
            d.code
        );
        assert_eq!(outcome(&d.code), Some("carried"), "{}", d.code);
        checked += 1;
    }
    assert!(checked > 500, "only {checked} values compared");
    // The migrated return validates under the new edition as far as its carried values go.
    let text = pmf::migrate::render_text(&report);
    assert!(
        text.contains("not carried  WF/024") && text.contains("dropped      CH/055"),
        "{text}"
    );
}

#[test]
fn the_command_line_diffs_and_migrates() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let edits =
        std::fs::read_to_string(root().join("tests/editions/2020-revision.edits")).expect("edits");
    apply_edits(&edits, tmp.path());
    let old_dir = tmp.path().join("2019-consultation");
    std::fs::create_dir_all(&old_dir).expect("mkdir");
    for p in pmf::driver::pmf_files_under(&root().join("spec/2019-consultation")) {
        std::fs::copy(&p, old_dir.join(p.file_name().expect("a file"))).expect("copy");
    }
    let pmf = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_pmf"))
            .args(args)
            .current_dir(tmp.path())
            .output()
            .expect("pmf runs")
    };
    let o = pmf(&[
        "diff",
        "2019-consultation",
        "2020-revision",
        "--fail-on",
        "breaking",
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains(
            "8 breaking for submissions, 3 breaking for time series, 3 documentation only"
        ),
        "{text}"
    );
    let o = pmf(&[
        "diff",
        "2019-consultation",
        "2020-revision",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["summary"]["breaking_submission"], 8);
    // A tidy return under the old edition, migrated by the command line.
    let old = pmf::check::compile(&pmf::driver::read_input(std::slice::from_ref(&old_dir)).sources)
        .ir
        .expect("old IR");
    let mut csv = String::from("authority,period,code,value,status,comment\n");
    for (i, d) in old.data_items.iter().enumerate() {
        csv.push_str(&format!("W06000015,2020-21,{},{},,\n", d.code, i + 1));
    }
    std::fs::write(tmp.path().join("return.csv"), csv).expect("write");
    let o = pmf(&[
        "migrate",
        "--to",
        "2020-revision",
        "--from",
        "2019-consultation",
        "--out-dir",
        "out",
        "return.csv",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(report.contains("not carried  WF/024"), "{report}");
    let migrated = std::fs::read_to_string(tmp.path().join("out/W06000015-2020-21.csv"))
        .expect("the migrated return");
    let ad005 = old
        .data_items
        .iter()
        .position(|d| d.code == "AD/005")
        .expect("AD/005")
        + 1;
    assert!(
        migrated
            .lines()
            .any(|l| l.starts_with(&format!("W06000015,2020-21,AD/046,{ad005},"))),
        "{migrated}"
    );
}
