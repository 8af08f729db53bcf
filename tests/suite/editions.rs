//! Editions:
//!
//! - `tests/editions/pairs/NAME/`: one folder per case, an edition (`previous.pmf`, and the one
//!   before it in `before.pmf` when the case needs three), the edition that supersedes it
//!   (`next.pmf`) and a return made under the previous one (`return.csv`), with what `pmf check`
//!   reports on the next edition (`check.out`), what `pmf diff` gives in every format
//!   (`diff.txt`, `diff.md`, `diff.json`) and what `pmf migrate` makes of the return
//!   (`migration.txt`); each case also states, in code below, the facts it is about;
//! - the realistic revision: the real 2020-21 renumbering of the whole framework
//!   (`tests/editions/2020-21.edits`, applied to the shipped spec, is the committed folder
//!   `tests/editions/2020-21`), checked clean, diffed and a return migrated;
//! - a synthetic revision (`2020-revision.edits`) with one change of every kind, diffed to
//!   exactly the known changes;
//! - the command line: the README's edition commands as written, in a fresh git repository,
//!   and bad input (editions that do not form a line, returns of the wrong edition, missing
//!   paths): one clear error, a non-zero exit and nothing written.

use crate::common::{copy_tree, expect_file, root};
use pmf::diff::{self, Category, ChangeKind};
use pmf::ir::Ir;
use std::path::{Path, PathBuf};

/// Applies an edits file to a copy of the shipped spec in `to`.
fn apply_edits(edits: &str, to: &Path) {
    let from = root().join("spec/2019-consultation");
    std::fs::create_dir_all(to).expect("mkdir");
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
        if words[0] == "remove" {
            std::fs::remove_file(&path).expect("the removed file exists");
            continue;
        }
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
                    .unwrap_or_else(|| panic!("no item `{}` in {}", words[2], words[1]));
                let end = start + text[start..].find("\n}\n").expect("the item ends") + 3;
                // The blank line before the item goes with it.
                let start = if text[..start].ends_with("\n\n") {
                    start - 1
                } else {
                    start
                };
                text.replace_range(start..end, "");
            }
            other => panic!("unknown edit `{other}`"),
        }
        std::fs::write(&path, text).expect("write");
    }
}

fn edits(name: &str) -> String {
    std::fs::read_to_string(root().join("tests/editions").join(name)).expect("edits")
}

fn shipped() -> Ir {
    pmf::check::compile(&pmf::driver::read_input(&[root().join("spec/2019-consultation")]).sources)
        .ir
        .expect("the shipped IR")
}

/// Compiles a spec folder against the previous edition's IR.
fn compile_against(dir: &Path, previous: &Ir) -> pmf::check::Compilation {
    let input = pmf::driver::read_input(&[dir.to_path_buf()]);
    pmf::check::compile_with(
        &input.sources,
        pmf::check::Options {
            previous: Some(previous),
            ..Default::default()
        },
    )
}

// ---- The edition pairs ---------------------------------------------------------------------

struct Pair {
    name: String,
    dir: PathBuf,
    old: Option<Ir>,
    new: Option<Ir>,
    check: String,
    codes: Vec<String>,
    migration: Option<String>,
    changes: Vec<diff::Change>,
}

/// Compiles one text as an edition, against the previous one when given.
fn compile_file(
    path: &Path,
    previous: Option<&Ir>,
) -> (pmf::source::Sources, pmf::check::Compilation) {
    let text = std::fs::read_to_string(path).expect("read");
    let shown = path
        .strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string();
    let mut sources = pmf::source::Sources::new();
    sources.add(shown, text);
    let comp = pmf::check::compile_with(
        &sources,
        pmf::check::Options {
            previous,
            ..Default::default()
        },
    );
    (sources, comp)
}

fn run_pair(dir: &Path) -> Pair {
    let name = dir
        .file_name()
        .expect("a name")
        .to_string_lossy()
        .into_owned();
    let before = dir.join("before.pmf");
    let before_ir = before.exists().then(|| {
        let (s, c) = compile_file(&before, None);
        assert!(
            !c.diagnostics.iter().any(|d| d.counts()),
            "{name}/before.pmf:\n{}",
            pmf::diag::render_text(&c.diagnostics, &s)
        );
        c.ir.expect("before IR")
    });
    let (ps, pc) = compile_file(&dir.join("previous.pmf"), before_ir.as_ref());
    assert!(
        !pc.diagnostics.iter().any(|d| d.counts()),
        "{name}/previous.pmf:\n{}",
        pmf::diag::render_text(&pc.diagnostics, &ps)
    );
    let old = pc.ir.expect("previous IR");
    let (ns, nc) = compile_file(&dir.join("next.pmf"), Some(&old));
    let shown: Vec<_> = nc
        .diagnostics
        .iter()
        .filter(|d| d.allowed.is_none() && d.severity != pmf::diag::Severity::Note)
        .cloned()
        .collect();
    let check = if shown.is_empty() {
        "no diagnostics\n".to_string()
    } else {
        pmf::diag::render_text(&shown, &ns)
    };
    let codes: Vec<String> = shown.iter().map(|d| d.code.as_str().to_string()).collect();
    let new = if nc.has_errors() { None } else { nc.ir };
    let mut changes = Vec::new();
    let mut migration = None;
    if let Some(new) = &new {
        changes = diff::diff(&old, new);
        let ret = dir.join("return.csv");
        if ret.exists() {
            let bytes = std::fs::read(&ret).expect("read the return");
            let input = pmf::validate::read::read("return.csv", &bytes, &old).expect("a return");
            let mut text = String::new();
            for sub in &input.submissions {
                match pmf::migrate::check_return(&old, new, sub) {
                    Err(e) => text.push_str(&format!("error: {e}\n")),
                    Ok(()) => text.push_str(&pmf::migrate::render_text(
                        &pmf::migrate::migrate(&old, new, sub).1,
                    )),
                }
            }
            migration = Some(text);
        }
    }
    Pair {
        name,
        dir: dir.to_path_buf(),
        old: Some(old),
        new,
        check,
        codes,
        migration,
        changes,
    }
}

fn pairs() -> Vec<Pair> {
    let base = root().join("tests/editions/pairs");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&base)
        .expect("tests/editions/pairs")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs.iter().map(|d| run_pair(d)).collect()
}

/// Every case's outputs are the committed ones; a case whose next edition has errors has no
/// diff and no migration (and must not have their files).
#[test]
fn every_edition_pair_gives_its_expected_check_diff_and_migration() {
    let mut bad = Vec::new();
    let all = pairs();
    assert!(all.len() >= 12, "only {} cases", all.len());
    for p in &all {
        let mut expect = |file: &str, actual: Option<String>| {
            let path = p.dir.join(file);
            match actual {
                Some(a) => {
                    if let Err(e) = expect_file(&path, &a) {
                        bad.push(format!("{}: {e}", p.name));
                    }
                }
                None if path.exists() => bad.push(format!(
                    "{}: {file} exists, but the case gives none (errors, or no return)",
                    p.name
                )),
                None => {}
            }
        };
        expect("check.out", Some(p.check.clone()));
        let rendered = p.new.as_ref().map(|new| {
            let old = p.old.as_ref().expect("old");
            (
                diff::render_text(old, new, &p.changes),
                diff::render_markdown(old, new, &p.changes),
                diff::render_json(old, new, &p.changes),
            )
        });
        expect("diff.txt", rendered.as_ref().map(|r| r.0.clone()));
        expect("diff.md", rendered.as_ref().map(|r| r.1.clone()));
        expect("diff.json", rendered.as_ref().map(|r| r.2.clone()));
        expect("migration.txt", p.migration.clone());
    }
    assert!(bad.is_empty(), "{}", bad.join("\n\n"));
}

fn pair(name: &str) -> Pair {
    run_pair(&root().join("tests/editions/pairs").join(name))
}

fn has(p: &Pair, cat: Category, kind: ChangeKind, code: &str) -> bool {
    p.changes
        .iter()
        .any(|c| c.category == cat && c.kind == kind && c.code == code)
}

/// Case 1: a code continued with a different meaning ("offered" became "completed", same unit
/// and timing, no `was`) is an error, so nothing is diffed or migrated.
#[test]
fn a_silent_reuse_of_a_code_is_an_error() {
    let p = pair("silent-reuse");
    assert_eq!(p.codes, ["PMF0115"], "{}", p.check);
    assert!(
        p.check.contains("offered") && p.check.contains("completed"),
        "{}",
        p.check
    );
    assert!(p.new.is_none());
}

/// Case 2: a code used again with `reuses` is breaking for time series, with its reason in
/// every format; its old figure is not carried, and the report says the code is used again.
#[test]
fn a_reused_code_is_breaking_for_series_with_its_reason_everywhere() {
    let p = pair("reuse-with-reason");
    assert_eq!(p.codes, Vec::<String>::new(), "{}", p.check);
    assert!(has(
        &p,
        Category::BreakingSeries,
        ChangeKind::CodeReused,
        "AD/010"
    ));
    let reason = "the draft's AD/010, assessments where an advocate was provided, is not collected";
    let (old, new) = (p.old.as_ref().expect("old"), p.new.as_ref().expect("new"));
    for text in [
        diff::render_text(old, new, &p.changes),
        diff::render_markdown(old, new, &p.changes),
        diff::render_json(old, new, &p.changes),
    ] {
        let text = text.replace('\\', "");
        assert!(text.contains(reason), "{text}");
    }
    let m = p.migration.expect("a migration");
    assert!(m.contains("AD/014 continues as AD/010"), "{m}");
    assert!(
        m.contains("AD/010's meaning is not collected in 2020-21; the code AD/010 is used again"),
        "{m}"
    );
    assert!(!m.contains("AD/010 is not collected"), "{m}");
}

/// Case 3: an item promoted to a metric (AD/002b to AD/002) counts the same and is carried.
#[test]
fn an_item_promoted_to_a_metric_is_carried() {
    let p = pair("promotion");
    assert_eq!(p.codes, Vec::<String>::new(), "{}", p.check);
    assert!(has(
        &p,
        Category::BreakingSubmission,
        ChangeKind::MetricPromoted,
        "AD/002"
    ));
    assert!(
        !p.changes
            .iter()
            .any(|c| c.category == Category::BreakingSeries),
        "{:#?}",
        p.changes
    );
    let m = p.migration.expect("a migration");
    assert!(m.contains("AD/002b continues as AD/002"), "{m}");
    assert!(!m.contains("AD/002b is not collected"), "{m}");
}

/// Case 4: texts, errata and formulas carried over that name a reused code, and a text naming a
/// renumbered one, are reported.
#[test]
fn stale_references_to_reused_and_renumbered_codes_are_reported() {
    let p = pair("stale-references");
    let stale = p.codes.iter().filter(|c| *c == "PMF0117").count();
    assert_eq!(
        stale, 3,
        "a rationale, an erratum and a formula:\n{}",
        p.check
    );
    assert!(p.codes.contains(&"PMF0403".to_string()), "{}", p.check);
    assert!(
        p.check.contains("AD/014 is AD/010 since edition `2020-21`"),
        "{}",
        p.check
    );
}

/// Case 5: `reuses` does not switch off continuity when `was` contradicts it.
#[test]
fn was_contradicting_reuses_is_an_error() {
    let p = pair("was-contradicts-reuses");
    assert_eq!(p.codes, ["PMF0116"], "{}", p.check);
}

/// Case 6: messages: "did you mean" follows `was`, unchanged rules are not "looser", a relaxed
/// rule is, a changed one is neither, and migrate says where a value went.
#[test]
fn messages_follow_was_and_rules_are_classified_truly() {
    let p = pair("did-you-mean-was");
    assert!(
        p.check.contains("AD/014 is AD/010 since edition `2020-21`")
            && p.check
                .contains("AD/002b is AD/002 since edition `2020-21`"),
        "{}",
        p.check
    );
    assert!(!p.check.contains("did you mean AD/041"), "{}", p.check);
    let p = pair("rules-renumbered");
    assert_eq!(p.codes, Vec::<String>::new(), "{}", p.check);
    let kinds: Vec<(ChangeKind, &str)> = p
        .changes
        .iter()
        .filter(|c| c.rule.is_some())
        .map(|c| (c.kind, c.rule.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        kinds,
        [
            (ChangeKind::RuleTightened, "VR/AD/02"),
            (ChangeKind::RuleChanged, "VR/AD/04"),
            (ChangeKind::RuleRelaxed, "VR/AD/03"),
        ],
        "{:#?}",
        p.changes
    );
    let m = p.migration.expect("a migration");
    assert!(m.contains("AD/005 continues as AD/046"), "{m}");
}

/// A metric demoted to an item, a merge, a split, a re-lettering by list entry and a reworded
/// metric whose meaning is stated: each carried (or not) as it should be.
#[test]
fn demotion_merge_split_relettering_and_stated_rewording_migrate_truly() {
    let m = pair("demotion").migration.expect("a migration");
    assert!(
        m.contains("AD/005 continues as AD/004c (a metric, now an item)"),
        "{m}"
    );
    let m = pair("merge-and-split").migration.expect("a migration");
    assert!(m.contains("AD/047    summed"), "{m}");
    assert!(m.contains("WF/024    not carried"), "{m}");
    let p = pair("relettered-by-entry");
    assert!(has(
        &p,
        Category::BreakingSubmission,
        ChangeKind::ItemRelettered,
        "AD/016a"
    ));
    let m = p.migration.expect("a migration");
    assert!(
        m.contains("AD/016b continues as AD/016a (re-lettered)"),
        "{m}"
    );
    let p = pair("same-stated");
    let w = p
        .changes
        .iter()
        .find(|c| c.kind == ChangeKind::WordingChanged)
        .expect("a wording change");
    assert_eq!(w.category, Category::Documentation);
    assert!(w.reason.is_some());
    let m = p.migration.expect("a migration");
    assert!(m.contains("the spec states it counts the same"), "{m}");
    assert!(!m.contains("the same code and meaning"), "{m}");
}

/// A meaning change allowed with a reason is breaking for series with that reason, and its
/// figure is not carried.
#[test]
fn an_allowed_meaning_change_shows_its_reason_and_does_not_carry() {
    let p = pair("meaning-changed-allowed");
    let c = p
        .changes
        .iter()
        .find(|c| c.category == Category::BreakingSeries && c.kind == ChangeKind::UnitChanged)
        .expect("a unit change");
    assert!(c.reason.is_some(), "{c:?}");
    let m = p.migration.expect("a migration");
    assert!(m.contains("AD/045    not carried"), "{m}");
}

/// Across three editions, the time series goes back to the first, and "did you mean" names
/// the code a first-edition code became.
#[test]
fn the_time_series_follows_a_code_across_several_editions() {
    let p = pair("three-editions");
    let new = p.new.expect("the newest IR");
    let s = new
        .series
        .iter()
        .find(|s| s.code == "AD/010")
        .expect("AD/010's series");
    let steps: Vec<(&str, Vec<&str>)> = s
        .continues
        .iter()
        .map(|st| {
            (
                st.edition.as_str(),
                st.codes.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            ("2020-21", vec!["AD/012"]),
            ("2019-consultation", vec!["AD/014"])
        ]
    );
}

/// Bad input: a `was` naming a code no edition had, and returns of the wrong edition or mixing
/// both, are refused with a clear message.
#[test]
fn bad_provenance_and_bad_returns_are_refused() {
    let p = pair("was-unknown-code");
    assert_eq!(p.codes, ["PMF0102"], "{}", p.check);
    assert!(
        p.check.contains("has no metric or item AD/099"),
        "{}",
        p.check
    );
    let m = pair("wrong-edition-return").migration.expect("an answer");
    assert!(
        m.starts_with("error: ") && m.contains("is a return of edition `2020-21`"),
        "{m}"
    );
    let m = pair("mixed-return").migration.expect("an answer");
    assert!(
        m.starts_with("error: ") && m.contains("mixes codes of both editions"),
        "{m}"
    );
}

/// `pmf migrate` never reports "the same code and meaning" for a code whose continuity is not
/// proven: over every pair, a value carried with those words keeps its code, and its old and
/// new wordings have the same counted words.
#[test]
fn same_code_and_meaning_is_said_only_when_proven() {
    for p in pairs() {
        let (Some(old), Some(new)) = (&p.old, &p.new) else {
            continue;
        };
        let c = pmf::ir::continuity::continuity(old, new);
        for l in &c.links {
            if l.kind == pmf::ir::continuity::LinkKind::Kept && l.carries() {
                let o = pmf::ir::continuity::Index::new(old)
                    .get(&l.code)
                    .expect("old");
                let n = pmf::ir::continuity::Index::new(new)
                    .get(&l.code)
                    .expect("new");
                let unit = |ir: &Ir, x: pmf::ir::continuity::Node| {
                    ir.unit(&x.metric().measure.unit).cloned()
                };
                let same =
                    pmf::ir::continuity::counted_words(&o.wording().en, unit(old, o).as_ref())
                        == pmf::ir::continuity::counted_words(
                            &n.wording().en,
                            unit(new, n).as_ref(),
                        );
                assert!(
                    same || l.stated().is_some(),
                    "{}: {} carried without proof",
                    p.name,
                    l.code
                );
            }
        }
    }
}

// ---- The realistic revision: the 2020-21 renumbering -------------------------------------------

fn realistic() -> (tempfile::TempDir, Ir, Ir) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let made = tmp.path().join("2020-21");
    apply_edits(&edits("2020-21.edits"), &made);
    // The committed folder is what the edits make (the README's commands use it).
    let committed = root().join("tests/editions/2020-21");
    for p in pmf::driver::pmf_files_under(&made) {
        let name = p.file_name().expect("a file");
        let text = std::fs::read_to_string(&p).expect("read");
        expect_file(&committed.join(name), &text).unwrap_or_else(|e| panic!("{e}"));
    }
    let made_names: Vec<_> = pmf::driver::pmf_files_under(&made)
        .iter()
        .map(|p| p.file_name().map(|n| n.to_os_string()))
        .collect();
    for p in pmf::driver::pmf_files_under(&committed) {
        assert!(
            made_names.contains(&p.file_name().map(|n| n.to_os_string())),
            "{} is not made by 2020-21.edits",
            p.display()
        );
    }
    let old = shipped();
    let comp = compile_against(&made, &old);
    let counting: Vec<_> = comp
        .diagnostics
        .iter()
        .filter(|d| d.counts())
        .cloned()
        .collect();
    let input = pmf::driver::read_input(std::slice::from_ref(&made));
    assert!(
        counting.is_empty(),
        "the 2020-21 revision checks clean:\n{}",
        pmf::diag::render_text(&counting, &input.sources)
    );
    let new = comp.ir.expect("the 2020-21 IR");
    (tmp, old, new)
}

#[test]
fn the_2020_21_renumbering_checks_diffs_and_migrates() {
    let (_tmp, old, new) = realistic();
    let changes = diff::diff(&old, &new);
    assert_eq!(new.changes, changes, "the IR records the same changes");
    let text = diff::render_text(&old, &new, &changes);
    expect_file(&root().join("tests/editions/2020-21.diff.txt"), &text)
        .unwrap_or_else(|e| panic!("{e}"));
    let md = diff::render_markdown(&old, &new, &changes);
    expect_file(&root().join("tests/editions/2020-21.diff.md"), &md)
        .unwrap_or_else(|e| panic!("{e}"));
    // Every renumbering of the issue, in its category, and every reuse with its reason.
    let is = |cat, kind, code: &str| {
        changes
            .iter()
            .any(|c| c.category == cat && c.kind == kind && c.code == code)
    };
    use Category::*;
    for (code, from) in [
        ("AD/010", "AD/014"),
        ("AD/011", "AD/015"),
        ("AD/012", "AD/019"),
        ("AD/013", "AD/020"),
        ("AD/024", "AD/031"),
        ("CH/044", "CH/046"),
        ("CH/045", "CH/047"),
    ] {
        assert!(
            changes
                .iter()
                .any(|c| c.kind == ChangeKind::MetricRenumbered
                    && c.code == code
                    && c.from == [from]),
            "{from} renumbered {code}:\n{text}"
        );
        assert!(
            is(BreakingSeries, ChangeKind::CodeReused, code),
            "{code}:\n{text}"
        );
        let s = new.series.iter().find(|s| s.code == code).expect("series");
        assert_eq!(s.continues[0].codes, [from]);
    }
    assert!(
        is(BreakingSubmission, ChangeKind::MetricPromoted, "AD/002"),
        "{text}"
    );
    assert!(
        is(BreakingSubmission, ChangeKind::MetricRemoved, "WF/001"),
        "{text}"
    );
    assert!(
        is(BreakingSeries, ChangeKind::PopulationChanged, "AD/003"),
        "{text}"
    );
    assert!(
        !changes.iter().any(|c| c.kind == ChangeKind::RuleRelaxed),
        "no rule is looser:\n{text}"
    );
    // The migration of a real return of the draft edition.
    let ret = root().join("tests/submissions/inputs/good-cardiff-2020-21.csv");
    let bytes = std::fs::read(&ret).expect("the return");
    let input = pmf::validate::read::read("good-cardiff-2020-21.csv", &bytes, &old).expect("read");
    let sub = &input.submissions[0];
    pmf::migrate::check_return(&old, &new, sub).expect("a return of the draft");
    let (migrated, report) = pmf::migrate::migrate(&old, &new, sub);
    let value = |s: &pmf::validate::submission::Submission, code: &str| {
        s.entry(code).and_then(|e| match e.raw {
            pmf::validate::submission::Raw::Number(v) => Some(v),
            _ => None,
        })
    };
    for (code, from) in [
        ("AD/002", "AD/002b"),
        ("AD/010", "AD/014"),
        ("AD/011a", "AD/015a"),
        ("AD/012", "AD/019"),
        ("AD/013", "AD/020"),
        ("AD/024", "AD/031"),
        ("CH/044", "CH/046"),
        ("CH/045", "CH/047"),
        ("AD/001", "AD/001"),
    ] {
        assert_eq!(
            value(&migrated, code),
            value(sub, from),
            "{code} from {from}"
        );
        assert!(value(sub, from).is_some(), "{from} has a figure");
    }
    // AD/003 counts something else (its population changed): not carried.
    assert_eq!(value(&migrated, "AD/003"), None);
    let rendered = pmf::migrate::render_text(&report);
    expect_file(
        &root().join("tests/editions/2020-21.migration.txt"),
        &rendered,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        rendered.contains("AD/002b continues as AD/002"),
        "{rendered}"
    );
    assert!(!rendered.contains("AD/010 is not collected"), "{rendered}");
    assert!(!rendered.contains("AD/002b is not collected"), "{rendered}");
}

// ---- A synthetic revision with one change of every kind ------------------------------------------

#[test]
fn a_revised_edition_checks_and_diffs_to_exactly_the_known_changes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    apply_edits(
        &edits("2020-revision.edits"),
        &tmp.path().join("2020-revision"),
    );
    apply_edits("", &tmp.path().join("2019-consultation"));
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
    let has = |cat: Category, kind: ChangeKind, code: &str| {
        changes
            .iter()
            .any(|c| c.category == cat && c.kind == kind && c.code == code)
    };
    use Category::*;
    use ChangeKind::*;
    let planned = [
        (BreakingSubmission, MetricRenumbered, "AD/046"),
        (BreakingSubmission, MetricSplit, "WF/024"),
        (BreakingSeries, MetricSplit, "WF/024"),
        (BreakingSubmission, MetricMerged, "AD/047"),
        (BreakingSubmission, MetricRemoved, "CH/055"),
        (BreakingSubmission, MetricAdded, "CH/056"),
        (BreakingSubmission, ItemRelettered, "AD/016a"),
        (BreakingSubmission, ItemRelettered, "AD/016b"),
        (BreakingSubmission, UnitChanged, "AD/045"),
        (BreakingSeries, UnitChanged, "AD/045"),
        (BreakingSeries, TimescaleChanged, "CH/012"),
        // The indicators that read AD/045 and CH/012 do not continue their series either.
        (BreakingSeries, IndicatorInputsChanged, "PI/AD/24"),
        (BreakingSeries, IndicatorInputsChanged, "PI/CH/04"),
        (Documentation, RationaleChanged, "AD/001"),
        // The note on AD/044 that named AD/042 and AD/043 now names AD/047.
        (Documentation, NotesChanged, "AD/044"),
        (Documentation, CitationsChanged, "AD/003"),
    ];
    let text = diff::render_text(&old, &new, &changes);
    for (cat, kind, code) in planned {
        assert!(
            has(cat, kind, code),
            "missing {cat:?} {kind:?} {code} in:\n{text}"
        );
    }
    assert_eq!(
        changes.len(),
        planned.len(),
        "exactly the planned changes, no more:\n{text}"
    );
    // The allowed meaning changes carry their reasons.
    for code in ["AD/045", "CH/012"] {
        assert!(
            changes
                .iter()
                .filter(|c| c.code == code && c.category == BreakingSeries)
                .all(|c| c.reason.is_some()),
            "{code}:\n{text}"
        );
    }
    // Retired codes are kept, so that they cannot come back with another meaning.
    let retired: Vec<&str> = new.retired.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(retired, vec!["CH/055"]);
    expect_file(&root().join("tests/editions/2020-revision.diff.txt"), &text)
        .unwrap_or_else(|e| panic!("{e}"));
    let md = diff::render_markdown(&old, &new, &changes);
    expect_file(&root().join("tests/editions/2020-revision.diff.md"), &md)
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn reusing_a_retired_or_renumbered_code_is_an_error_and_a_new_meaning_a_warning() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("2020-revision");
    apply_edits(&edits("2020-revision.edits"), &dir);
    let old = shipped();
    // AD/005 was renumbered AD/046: using AD/005 again for something else is refused.
    let mut adults = std::fs::read_to_string(dir.join("adults.pmf")).expect("read");
    adults.push_str("\nmetric AD/005 {\n  group adults_iaa\n  wording \"Contacts made in Welsh\"\n  counts contact\n  flow\n}\n");
    std::fs::write(dir.join("adults.pmf"), &adults).expect("write");
    let comp = compile_against(&dir, &old);
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
    let input = pmf::driver::read_input(std::slice::from_ref(&dir));
    let alone = pmf::check::compile(&input.sources);
    assert!(alone
        .diagnostics
        .iter()
        .any(|d| d.code.as_str() == "PMF0114"));
}

#[test]
fn a_return_migrates_across_the_revision_value_by_value() {
    use pmf::migrate::Outcome;
    use pmf::validate::submission::{Entry, Place, Raw, Site, Submission};
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("2020-revision");
    apply_edits(&edits("2020-revision.edits"), &dir);
    let old = shipped();
    let new = compile_against(&dir, &old).ir.expect("new IR");
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
    pmf::migrate::check_return(&old, &new, &sub).expect("a return of the old edition");
    let (migrated, report) = pmf::migrate::migrate(&old, &new, &sub);
    let got = |code: &str| {
        migrated.entry(code).and_then(|e| match e.raw {
            Raw::Number(v) => Some(v),
            _ => None,
        })
    };
    let outcome = |code: &str| report.value(code).map(|v| v.outcome);
    assert_eq!(got("AD/046"), old_value("AD/005"), "renumbered");
    assert_eq!(
        got("AD/047"),
        Some(old_value("AD/042").unwrap_or(0.0) + old_value("AD/043").unwrap_or(0.0)),
        "merged by summing"
    );
    assert_eq!(outcome("AD/047"), Some(Outcome::Summed));
    assert_eq!(got("AD/016a"), old_value("AD/016b"), "re-lettered");
    assert_eq!(got("AD/016b"), old_value("AD/016a"), "re-lettered");
    for code in ["WF/024", "CH/056", "AD/045", "CH/012"] {
        assert_eq!(outcome(code), Some(Outcome::NotCarried), "{code}");
        assert_eq!(got(code), None, "{code}");
    }
    let ch055 = report
        .went
        .iter()
        .find(|w| w.code == "CH/055")
        .expect("CH/055");
    assert!(!ch055.carried && ch055.how == "CH/055 is not collected in 2020-revision");
    // A missing value keeps its status.
    assert_eq!(outcome("AD/001"), Some(Outcome::Status));
    assert_eq!(
        migrated
            .entry("AD/001")
            .and_then(|e| e.status.clone())
            .as_deref(),
        Some("not_available")
    );
    // Every other value is carried unchanged under its own code, with the words for a proven
    // continuity.
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
        let v = report.value(&d.code).expect("a value");
        assert_eq!(v.outcome, Outcome::Carried, "{}", d.code);
        assert_eq!(v.how, "the same code and meaning", "{}", d.code);
        checked += 1;
    }
    assert!(checked > 500, "only {checked} values compared");
}

// ---- The command line -----------------------------------------------------------------------

fn pmf_in(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_pmf"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("pmf runs")
}

fn have_git() -> bool {
    let ok = std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok && std::env::var("CI").as_deref() == Ok("true") {
        panic!("git is needed by this test under CI");
    }
    ok
}

fn git(dir: &Path, args: &[&str]) {
    let o = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=pmf",
            "-c",
            "user.email=pmf@example.invalid",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The edition commands of the README, as written, in a fresh repository holding what a clone
/// holds of the paths they name: each exits as it says, and `pmf diff --git` names a revision
/// that exists.
#[test]
fn the_readme_edition_commands_run_as_written() {
    if !have_git() {
        return;
    }
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let commands: Vec<String> = readme
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            (l.starts_with("pmf diff") || l.starts_with("pmf migrate"))
                .then(|| l.split("  #").next().unwrap_or(l).trim().to_string())
        })
        .collect();
    assert!(
        commands.iter().any(|c| c.starts_with("pmf diff --git"))
            && commands.iter().any(|c| c.starts_with("pmf migrate"))
            && commands.len() >= 3,
        "{commands:?}"
    );
    let tmp = tempfile::tempdir().expect("tempdir");
    let repo = tmp.path();
    for p in ["spec", "tests/editions/2020-21", "tests/submissions/inputs"] {
        copy_tree(&root().join(p), &repo.join(p));
    }
    git(repo, &["init", "-q"]);
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", "a clone"]);
    for c in &commands {
        let words: Vec<&str> = c.split_whitespace().skip(1).collect();
        let o = pmf_in(repo, &words);
        let code = o.status.code();
        let stderr = String::from_utf8_lossy(&o.stderr);
        // `--fail-on` may exit 1 on purpose; nothing exits 2 (bad input) or prints an error.
        assert!(
            matches!(code, Some(0) | Some(1)) && !stderr.contains("error"),
            "`{c}` exited {code:?}:\n{stderr}"
        );
        assert!(!o.stdout.is_empty(), "`{c}` printed nothing");
    }
}

/// Writes three editions where two supersede the same one; then a cycle.
#[test]
fn editions_that_do_not_form_a_line_are_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let edition = |dir: &str, id: &str, supersedes: &str| {
        let d = tmp.path().join(dir);
        std::fs::create_dir_all(&d).expect("mkdir");
        std::fs::write(
            d.join("edition.pmf"),
            format!("edition \"{id}\" {{\n  title \"Example\"\n  supersedes {supersedes}\n}}\n"),
        )
        .expect("write");
    };
    edition("a", "2019-consultation", "none");
    edition("b", "2020-21", "\"2019-consultation\"");
    edition("c", "2020-21-draft", "\"2019-consultation\"");
    let o = pmf_in(tmp.path(), &["check", "."]);
    let err = String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("PMF0009")
            && err
                .contains("editions `2020-21`, `2020-21-draft` all supersede `2019-consultation`"),
        "{err}"
    );
    // A cycle.
    std::fs::remove_dir_all(tmp.path().join("c")).expect("rm");
    edition("a", "2019-consultation", "\"2020-21\"");
    let o = pmf_in(tmp.path(), &["check", "."]);
    let err = String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("supersede each other in a cycle"), "{err}");
    // Nothing is built from them.
    let out = tmp.path().join("out");
    let o = pmf_in(tmp.path(), &["build", "--out", "out", "."]);
    assert_ne!(o.status.code(), Some(0));
    assert!(
        !out.exists()
            || std::fs::read_dir(&out)
                .map(|mut r| r.next().is_none())
                .unwrap_or(true)
    );
}

/// Missing paths and bad returns: one clear error, exit 2, nothing written.
#[test]
fn bad_command_line_input_is_one_clear_error_and_writes_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    apply_edits("", &dir.join("2019-consultation"));
    apply_edits(&edits("2020-21.edits"), &dir.join("2020-21"));
    let o = pmf_in(dir, &["diff", "2019-consultation", "2020-22"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("error: `2020-22` does not exist; check the path (relative to ")
            && err.lines().count() == 1,
        "{err}"
    );
    let o = pmf_in(dir, &["migrate", "--to", "2020-22", "x.csv"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("error: `2020-22` does not exist; check the path (relative to ")
            && err.lines().count() == 1,
        "{err}"
    );
    // Two returns, the second made under the new edition: nothing is written for either.
    let good = root().join("tests/submissions/inputs/good-cardiff-2020-21.csv");
    std::fs::copy(&good, dir.join("good.csv")).expect("copy");
    let text = std::fs::read_to_string(&good).expect("read");
    std::fs::write(
        dir.join("mixed.csv"),
        text.replace("W06000015", "W06000023") + "W06000023,2020-21,AD/046,5,,,,\n",
    )
    .expect("write");
    let o = pmf_in(
        dir,
        &[
            "migrate",
            "--to",
            "2020-21",
            "--out-dir",
            "out",
            "good.csv",
            "mixed.csv",
        ],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("has codes of neither") || err.contains("mixes codes"),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert!(!dir.join("out").exists(), "no output folder");
    // The good one alone migrates, with the previous edition found beside the new one.
    let o = pmf_in(
        dir,
        &["migrate", "--to", "2020-21", "--out-dir", "out", "good.csv"],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let migrated = std::fs::read_to_string(dir.join("out/W06000015-2020-21.csv")).expect("out");
    assert!(
        migrated
            .lines()
            .any(|l| l.starts_with("W06000015,2020-21,AD/010,")),
        "{migrated}"
    );
    // A revision that does not exist.
    if have_git() {
        git(dir, &["init", "-q"]);
        git(dir, &["add", "-A"]);
        git(dir, &["commit", "-q", "-m", "x"]);
        let o = pmf_in(dir, &["diff", "--git", "v2019", "2020-21"]);
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("`v2019` is not a revision of this repository"),
            "{err}"
        );
    }
}
