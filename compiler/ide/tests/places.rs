//! Hover, definition, references and rename agree on the same set of places: every place of
//! the index (a declaration, an item's letter, a relation, a formula, a worked example, a
//! rule, a text, an erratum, a motivation, a `was` ...) hovers with a card, goes to the
//! declaration of what it names, is among that thing's references, and is renamed with it
//! (or the rename is refused with its reason). Checked on the shipped framework, and on two
//! editions where one supersedes the other.

use pmf_ide::index::Role;
use pmf_ide::{hover, Analysis, Kind, Location, Target, World};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

fn key(p: &Path) -> Option<String> {
    Some(format!("file://{}", p.display()))
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A name the rename of a target accepts (one nothing in the spec has).
fn new_name(t: &Target) -> String {
    match t.kind {
        Kind::Code => format!("{}/987", t.name.split('/').next().unwrap_or("AD")),
        Kind::Indicator => "PI/ZZ/98".to_string(),
        Kind::Rule | Kind::Erratum => format!("{}_renamed", t.name),
        _ => "renamed_for_test".to_string(),
    }
}

/// The reasons a rename may be refused at a place that names something.
const REFUSALS: &[&str] = &[
    "this is the letter of",
    "an edition's id is a text",
    "is declared as a text",
    "is an item of",
];

struct Checked {
    places: BTreeMap<&'static str, usize>,
}

fn role_name(r: Role) -> &'static str {
    match r {
        Role::Def => "definition",
        Role::Use => "use",
        Role::Was => "was",
    }
}

/// Checks every place of a compilation of the world; returns how many of each role.
fn check_places(w: &World, a: &Rc<Analysis>, checked: &mut Checked) {
    // The outcome of a rename, by what is under the cursor (a letter is not a use).
    type Outcome = Result<Vec<(String, usize)>, String>;
    let mut renames: BTreeMap<(Kind, String, Option<String>, bool), Outcome> = BTreeMap::new();
    for p in a.places() {
        let key = a.key(p.loc.file).expect("a key").to_string();
        let what = format!(
            "{} {} `{}` at {key}:{:?}",
            role_name(p.role),
            p.kind.noun(),
            p.name,
            p.loc.span
        );
        let mid = p.loc.span.start + p.loc.span.len() / 2;
        let c = w.cursor(&key, mid).expect("a cursor");
        assert!(
            std::ptr::eq(c.analysis(), a.as_ref()),
            "{what}: another compilation"
        );
        let found = c.found().unwrap_or_else(|| panic!("{what}: nothing found"));
        assert_eq!(found.hit.span, p.loc.span, "{what}: found {:?}", found.hit);
        assert_eq!(found.hit.target.name, p.name, "{what}");
        // Hover.
        let h = hover::hover(&c).unwrap_or_else(|| panic!("{what}: no hover"));
        assert_eq!(h.range, Some(p.loc.span.clone()), "{what}: hover range");
        if p.kind == Kind::Code {
            assert!(h.markdown.contains(p.name), "{what}: card {}", h.markdown);
        }
        // Definition: the declaration of the name, in this edition or (after `was`) the
        // previous one.
        let d = c
            .definition()
            .unwrap_or_else(|| panic!("{what}: no definition"));
        if p.role == Role::Was {
            assert!(
                a.previous
                    .as_deref()
                    .is_some_and(|prev| std::ptr::eq(d.a, prev)),
                "{what}: the definition is not in the previous edition"
            );
        } else {
            assert!(
                std::ptr::eq(d.a, a.as_ref()),
                "{what}: definition elsewhere"
            );
        }
        let declared = d.a.text(d.file).get(d.span.clone()).unwrap_or("");
        let letter = p.name.get(pmf_check::model::metric_of_item(p.name).len()..);
        assert!(
            declared == p.name || declared.trim_matches('"') == p.name || Some(declared) == letter,
            "{what}: goes to `{declared}`"
        );
        // References include the place itself.
        let refs = c.references(true);
        let here = |l: &Location| {
            std::ptr::eq(l.a, a.as_ref()) && l.file == p.loc.file && l.span == p.loc.span
        };
        assert!(refs.iter().any(here), "{what}: not among its references");
        // Rename: refused with a reason, or an edit at the place.
        let t = found.hit.target.clone();
        let outcome = renames
            .entry((
                t.kind,
                t.name.clone(),
                t.parent.clone(),
                p.role == Role::Def,
            ))
            .or_insert_with(|| {
                let t = c.rename_target().map(|(t, _, _)| t)?;
                c.rename(&new_name(&t)).map(|edits| {
                    edits
                        .iter()
                        .map(|(l, _)| (l.key().unwrap_or("").to_string(), l.span.start))
                        .collect()
                })
            });
        match outcome {
            Ok(edits) => assert!(
                edits.contains(&(key.clone(), p.loc.span.start)),
                "{what}: not renamed"
            ),
            Err(e) if p.role == Role::Def && REFUSALS.iter().any(|r| e.contains(r)) => {}
            Err(e) if p.kind == Kind::Code && e.contains("is an item of") => {}
            Err(e) => panic!("{what}: rename refused: {e}"),
        }
        *checked.places.entry(role_name(p.role)).or_default() += 1;
    }
}

fn open(w: &mut World, path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("a spec file");
    let k = key(path).expect("a key");
    w.open(k.clone(), Some(path.to_path_buf()), text, 1);
    k
}

#[test]
fn every_place_of_the_framework_agrees() {
    let dir = root()
        .join("spec/2019-consultation")
        .canonicalize()
        .expect("the shipped spec");
    let mut w = World::new(vec![dir.clone()], key);
    let k = open(&mut w, &dir.join("indicators.pmf"));
    w.analyze();
    let (a, _, _) = w.analysis(&k).expect("compiled");
    assert!(
        !a.comp.diagnostics.iter().any(|d| d.is_error()),
        "the shipped spec has errors"
    );
    let mut checked = Checked {
        places: BTreeMap::new(),
    };
    check_places(&w, &a, &mut checked);
    let examples = a
        .extra_places()
        .iter()
        .filter(|e| e.role == Role::Use)
        .count();
    assert!(examples > 50, "only {examples} inputs of worked examples");
    let n = |r| checked.places.get(r).copied().unwrap_or(0);
    assert!(
        n("definition") > 500 && n("use") > 1000,
        "{:?}",
        checked.places
    );
}

struct Temp(PathBuf);

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn every_place_of_two_editions_agrees() {
    let t = Temp(std::env::temp_dir().join(format!("pmf-ide-places-{}", std::process::id())));
    let fixtures = root().join("lsp/tests/fixtures/editions");
    let new_metrics = "metric AD/046 {\n  wording \"The number of repeat contacts to the IAA service received during the year\"\n  counts contact\n  flow\n  was AD/005\n}\n\nmetric AD/047 {\n  wording \"Adults who paid the maximum weekly charge or a flat-rate charge\"\n  counts person\n  flow\n  was AD/042 + AD/043\n}\n";
    for (dir, file, text) in [
        (
            "2020-21",
            "edition.pmf",
            std::fs::read_to_string(fixtures.join("2020-21.pmf")).expect("a fixture"),
        ),
        (
            "2021-22",
            "edition.pmf",
            std::fs::read_to_string(fixtures.join("2021-22.pmf")).expect("a fixture"),
        ),
        ("2021-22", "main.pmf", new_metrics.to_string()),
    ] {
        std::fs::create_dir_all(t.0.join(dir)).expect("a folder");
        std::fs::write(t.0.join(dir).join(file), text).expect("a file");
    }
    let base = t.0.canonicalize().expect("the folder");
    let mut w = World::new(vec![base.clone()], key);
    let new = open(&mut w, &base.join("2021-22/main.pmf"));
    let old = open(&mut w, &base.join("2020-21/edition.pmf"));
    w.analyze();
    let mut checked = Checked {
        places: BTreeMap::new(),
    };
    for k in [&new, &old] {
        let (a, _, _) = w.analysis(k).expect("compiled");
        let errors: Vec<&String> = a
            .comp
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| &d.message)
            .collect();
        assert!(errors.is_empty(), "{k}: {errors:?}");
        check_places(&w, &a, &mut checked);
    }
    assert_eq!(checked.places.get("was"), Some(&3), "{:?}", checked.places);
    // From the previous edition, a code's references reach the `was` lines after it.
    let (a_old, _, file) = w.analysis(&old).expect("compiled");
    let at = a_old.text(file).find("metric AD/042").expect("AD/042") + "metric AD/0".len();
    let c = w.cursor(&old, at).expect("a cursor");
    let refs: Vec<String> = c
        .references(true)
        .iter()
        .map(|l| {
            format!(
                "{}:{}",
                l.key().unwrap_or(""),
                l.a.text(l.file).get(l.span.clone()).unwrap_or("")
            )
        })
        .collect();
    assert!(
        refs.iter().any(|r| r.contains("2021-22/main.pmf:AD/042")),
        "{refs:?}"
    );
}
