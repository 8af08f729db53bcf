//! The spec is held to its source (tests/source/): every metric code printed in the source is
//! defined by the spec (or an erratum accounts for a code that exists only through conversion
//! damage), every code the spec defines is printed in the source (or an erratum explains it),
//! and every wording matches the source's, whitespace aside, unless an erratum explains the
//! difference.
//!
//! The source is a PDF turned into text, so a table row's wording may be split by text from the
//! next column. A wording is therefore matched word by word, in order, with other words allowed
//! in between (at most `GAP` of them), near where the source prints its code.

use crate::common::root;
use pmf::ir::{Erratum, Ir};
use std::collections::BTreeSet;

const GAP: usize = 40;
const BEFORE: usize = 300;
const AFTER: usize = 320;

fn source() -> String {
    std::fs::read_to_string(root().join("tests/source/technical-guidance-consultation-2019.txt"))
        .expect("the source copy")
}

fn shipped_ir() -> Ir {
    let inputs = pmf::driver::inputs(&[root().join("spec")]);
    let comp = pmf::check::compile(&inputs[0].sources);
    comp.ir.expect("the shipped spec compiles")
}

/// Codes as printed: two capitals, `/`, three digits, an optional letter (a capital one is
/// conversion damage), not followed by another letter or digit.
fn codes_in(text: &str) -> Vec<(usize, String)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 6 <= b.len() {
        let boundary = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let shape = b[i].is_ascii_uppercase()
            && b[i + 1].is_ascii_uppercase()
            && b[i + 2] == b'/'
            && b[i + 3..i + 6].iter().all(|c| c.is_ascii_digit());
        if boundary && shape {
            let mut end = i + 6;
            if end < b.len() && b[end].is_ascii_alphabetic() {
                end += 1;
            }
            if end == b.len() || !b[end].is_ascii_alphanumeric() {
                out.push((i, text[i..end].to_string()));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_string).collect()
}

/// Whether `want` occurs in `hay` in order, each word equal to one source word or to two or
/// three source words run together ("31 st" for "31st"), with at most GAP words between.
fn matches_in(want: &[String], hay: &[String]) -> bool {
    if want.is_empty() {
        return true;
    }
    for start in 0..hay.len() {
        let Some(first) = eat(&want[0], hay, start) else {
            continue;
        };
        let mut at = first;
        let mut ok = true;
        for w in &want[1..] {
            let found = (at..(at + GAP + 1).min(hay.len())).find_map(|p| eat(w, hay, p));
            match found {
                Some(next) => at = next,
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            return true;
        }
    }
    false
}

/// If the word `w` starts at `p`, the position after it.
fn eat(w: &str, hay: &[String], p: usize) -> Option<usize> {
    let mut joined = String::new();
    for k in 0..3 {
        let h = hay.get(p + k)?;
        joined.push_str(h);
        if joined == w {
            return Some(p + k + 1);
        }
        if !w.starts_with(joined.as_str()) {
            return None;
        }
    }
    None
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn explained(errata: &[&Erratum], wording: &str, src: &str) -> bool {
    let (w, s) = (squash(wording), squash(src));
    errata.iter().any(|e| {
        let source_found = words(&e.source_text.en).is_empty()
            || matches_in(&words(&e.source_text.en), &words(src))
            || s.contains(&squash(&e.source_text.en));
        let corrected = e
            .corrected
            .as_ref()
            .map(|c| squash(&c.en))
            .unwrap_or_default();
        // The correction is what the spec now says, whole or in part.
        let corrected_here = !corrected.is_empty()
            && (w.contains(&corrected)
                || corrected.contains(&w)
                || codes_in(
                    &e.corrected
                        .as_ref()
                        .map(|c| c.en.clone())
                        .unwrap_or_default(),
                )
                .iter()
                .any(|(_, c)| w.contains(c.as_str())));
        source_found
            && (corrected_here
                || e.kind
                    .as_deref()
                    .is_some_and(|k| matches!(k, "extraction" | "wording" | "code")))
    })
}

#[test]
fn every_code_in_the_source_is_defined() {
    let src = source();
    let ir = shipped_ir();
    let defined: BTreeSet<String> = ir
        .metrics
        .iter()
        .flat_map(|m| std::iter::once(m.code.clone()).chain(m.items.iter().map(|i| i.code.clone())))
        .collect();
    let in_errata = |code: &str| ir.errata.iter().any(|e| e.source_text.en.contains(code));
    let mut missing = BTreeSet::new();
    for (_, code) in codes_in(&src) {
        if !defined.contains(&code) && !in_errata(&code) {
            missing.insert(code);
        }
    }
    assert!(missing.is_empty(), "codes printed in the source but not defined by the spec (nor accounted for by an erratum): {missing:?}");
}

#[test]
fn every_code_the_spec_defines_is_in_the_source() {
    let src = source();
    let ir = shipped_ir();
    let printed: BTreeSet<String> = codes_in(&src).into_iter().map(|(_, c)| c).collect();
    let affected: BTreeSet<&str> = ir
        .errata
        .iter()
        .flat_map(|e| e.affects.iter().map(|s| s.as_str()))
        .collect();
    let mut unexplained = Vec::new();
    for m in &ir.metrics {
        let codes: Vec<&str> = if m.items.is_empty() {
            vec![m.code.as_str()]
        } else {
            m.items.iter().map(|i| i.code.as_str()).collect()
        };
        for c in codes {
            if !printed.contains(c) && !affected.contains(c) && !affected.contains(m.code.as_str())
            {
                unexplained.push(c.to_string());
            }
        }
    }
    assert!(
        unexplained.is_empty(),
        "codes the spec defines that the source never prints, with no erratum: {unexplained:?}"
    );
}

/// The wordings of `ir` that differ from `src` with no erratum to explain it.
fn unexplained_wordings(ir: &Ir, src: &str) -> (usize, Vec<String>) {
    let hay = words(src);
    // Word index of every printed code.
    let mut at: Vec<(usize, String)> = Vec::new();
    for (i, w) in hay.iter().enumerate() {
        for (_, c) in codes_in(w) {
            at.push((i, c));
        }
    }
    let mut bad = Vec::new();
    let mut checked = 0;
    for m in &ir.metrics {
        let mut texts: Vec<(String, String)> = vec![(m.code.clone(), m.wording.en.clone())];
        for i in &m.items {
            if i.entry.len() == 2 {
                // An item of a product (gender x age band) is printed as a heading ("That are
                // male") over a row ("Aged 16-25 years"): each label is compared on its own.
                let label = |list: &str, entry: &str| {
                    ir.codelists
                        .iter()
                        .find(|c| c.id == list)
                        .and_then(|c| c.entries.iter().find(|e| e.id == entry))
                        .map(|e| e.label.en.clone())
                };
                let by = m
                    .breakdown
                    .as_ref()
                    .map(|b| b.by.clone())
                    .unwrap_or_default();
                for (list, entry) in by.iter().zip(&i.entry) {
                    texts.push((
                        i.code.clone(),
                        label(list, entry).unwrap_or_else(|| i.wording.en.clone()),
                    ));
                }
            } else {
                texts.push((i.code.clone(), i.wording.en.clone()));
            }
        }
        for (code, wording) in texts {
            checked += 1;
            let want = words(&wording);
            // Near the code where the source prints it (for a metric with items, near its items).
            let anchors: Vec<usize> = at
                .iter()
                .filter(|(_, c)| *c == code || (code == m.code && c.starts_with(&m.code)))
                .map(|(i, _)| *i)
                .collect();
            let found = if anchors.is_empty() {
                matches_in(&want, &hay)
            } else {
                anchors.iter().any(|&i| {
                    matches_in(
                        &want,
                        &hay[i.saturating_sub(BEFORE)..(i + AFTER).min(hay.len())],
                    )
                })
            };
            if found {
                continue;
            }
            let errata: Vec<&Erratum> = ir
                .errata
                .iter()
                .filter(|e| e.affects.iter().any(|a| *a == code || *a == m.code))
                .collect();
            if !explained(&errata, &wording, src) {
                bad.push(format!("{code}: {wording:?}"));
            }
        }
    }
    (checked, bad)
}

#[test]
fn every_wording_matches_the_source() {
    let (checked, bad) = unexplained_wordings(&shipped_ir(), &source());
    assert!(checked > 500, "only {checked} wordings were compared");
    assert!(
        bad.is_empty(),
        "{} wordings differ from the source with no erratum to explain it:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn a_paraphrased_wording_is_caught() {
    let mut ir = shipped_ir();
    let m = ir
        .metrics
        .iter_mut()
        .find(|m| m.code == "AD/001")
        .expect("AD/001");
    m.wording.en = m.wording.en.replace("contacts", "referrals");
    let (_, bad) = unexplained_wordings(&ir, &source());
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert!(bad[0].starts_with("AD/001:"));
}

#[test]
fn the_matcher_finds_interleaved_wording_and_rejects_a_changed_word() {
    let hay = words("AD/007a A more comprehensive assessment was required (which may states, A local authority must include more specialist assessments record the outcome");
    assert!(matches_in(&words("A more comprehensive assessment was required (which may include more specialist assessments"), &hay));
    assert!(!matches_in(
        &words("A more thorough assessment was required"),
        &hay
    ));
    assert!(matches_in(
        &words("at 31st March"),
        &words("at 31 st March")
    ));
    assert_eq!(
        codes_in("see AD/016-AD/017, WF/009I and XAD/001 or CA/0091")
            .into_iter()
            .map(|(_, c)| c)
            .collect::<Vec<_>>(),
        vec!["AD/016", "AD/017", "WF/009I"]
    );
}
