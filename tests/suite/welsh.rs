//! Welsh and English as equals: every table of the tool's fixed wording that ships in the
//! program has its Welsh in full. A table is found by walking compiler/ for JSON files with an
//! `_about` key, so a new table cannot be added without being checked here.

use crate::common::root;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn tables(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if p.is_dir() {
            // Fuzzing corpora and build outputs hold data, not wording.
            if !matches!(name, "target" | "fuzz" | "node_modules") {
                tables(&p, out);
            }
        } else if name.ends_with(".json") {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            let is_table = serde_json::from_str::<serde_json::Value>(&text)
                .ok()
                .and_then(|v| v.get("_about").map(|a| a.get("en").is_some()))
                .unwrap_or(false);
            if is_table {
                out.push(p);
            }
        }
    }
}

/// The `{placeholders}` of a template.
fn slots(t: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = t;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.insert(rest[open + 1..open + close].to_string());
        rest = &rest[open + close + 1..];
    }
    out
}

/// A Welsh text may equal its English only where it has no words to translate: placeholders,
/// codes, numbers, punctuation, or a name that is the same in both languages.
fn may_equal(en: &str) -> bool {
    // Words Welsh shares with English ("label" and "band" are Welsh too: labeli, bandiau) and
    // names (Poisson's distribution).
    const SAME: [&str; 8] = [
        "Gwynedd",
        "Conwy",
        "Ceredigion",
        "CSV",
        "Label",
        "label",
        "band",
        "Poisson",
    ];
    // The text without its placeholders.
    let mut words = String::new();
    let mut rest = en;
    while let Some(open) = rest.find('{') {
        words.push_str(&rest[..open]);
        rest = match rest[open..].find('}') {
            Some(close) => &rest[open + close + 1..],
            None => "",
        };
    }
    words.push_str(rest);
    let letters = words.chars().filter(|c| c.is_alphabetic()).count();
    letters <= 2 || SAME.contains(&words.trim())
}

#[test]
fn every_shipped_strings_table_has_its_welsh_in_full() {
    let mut found = Vec::new();
    tables(&root().join("compiler"), &mut found);
    let names: Vec<String> = found
        .iter()
        .map(|p| {
            p.strip_prefix(root())
                .unwrap_or(p)
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    // The tables known today; the walk must find at least these.
    for known in [
        "compiler/docs/src/strings.json",
        "compiler/reports/src/strings.json",
        "compiler/words/src/words.json",
        "compiler/words/src/messages.json",
    ] {
        assert!(
            names.iter().any(|n| n == known),
            "{known} not found in {names:?}"
        );
    }
    let mut problems = Vec::new();
    for (path, name) in found.iter().zip(&names) {
        let text = std::fs::read_to_string(path).expect("the table reads");
        let table: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&text).expect("the table is a JSON object");
        for (key, entry) in &table {
            let en = entry.get("en").and_then(|v| v.as_str()).unwrap_or_default();
            let Some(cy) = entry.get("cy").and_then(|v| v.as_str()) else {
                problems.push(format!("{name}: {key} has no Welsh"));
                continue;
            };
            if cy.trim().is_empty() {
                problems.push(format!("{name}: {key} has an empty Welsh text"));
            } else if cy == en && !may_equal(en) {
                problems.push(format!("{name}: {key}'s Welsh is its English: {en:?}"));
            }
            if slots(en) != slots(cy) {
                problems.push(format!(
                    "{name}: {key}: the Welsh has placeholders {:?}, the English {:?}",
                    slots(cy),
                    slots(en)
                ));
            }
            // A count's forms keep its placeholders too.
            if let Some(forms) = entry.get("forms").and_then(|f| f.as_object()) {
                for (form, t) in forms {
                    let t = t.as_str().unwrap_or_default();
                    if slots(t) != slots(en) {
                        problems.push(format!("{name}: {key} form {form}: placeholders differ"));
                    }
                    let known = ["en.one", "cy.zero", "cy.one", "cy.two", "cy.few", "cy.many"];
                    if !known.contains(&form.as_str()) {
                        problems.push(format!("{name}: {key}: unknown plural form {form}"));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn counts_follow_welsh_grammar_in_the_validators_summary() {
    use pmf::ir::Lang;
    let w = pmf_words::Table::messages(Lang::Cy);
    let e = pmf_words::Table::messages(Lang::En);
    // English: one and other.
    assert_eq!(e.count("count.error", 1, &[]), "1 error");
    assert_eq!(e.count("count.error", 2, &[]), "2 errors");
    assert_eq!(e.count("count.error", 0, &[]), "0 errors");
    // Welsh: the noun stays singular after a numeral and mutates after "dau" (two) and after
    // "tri" and "chwe" (three, six) where it can.
    assert_eq!(w.count("count.error", 2, &[]), "2 wall");
    assert_eq!(w.count("count.error", 5, &[]), "5 gwall");
    assert_eq!(w.count("count.warning", 2, &[]), "2 rybudd");
    assert_eq!(
        w.count("count.submissions_checked", 3, &[]),
        "3 chyflwyniad wedi'u gwirio"
    );
    assert_eq!(
        w.count("count.submissions_checked", 6, &[]),
        "6 chyflwyniad wedi'u gwirio"
    );
    assert_eq!(
        w.count("count.submissions_checked", 1, &[]),
        "1 cyflwyniad wedi'i wirio"
    );
    assert_eq!(
        w.count("count.submissions_checked", 7, &[]),
        "7 cyflwyniad wedi'u gwirio"
    );
}
