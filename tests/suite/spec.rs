//! The shipped spec: it checks clean, every warning it has is allowed with a reason, and
//! generated/ is what `pmf build` would write.

use crate::common::root;
use pmf::{check, driver};

fn compile_shipped() -> (driver::Input, check::Compilation) {
    let mut inputs = driver::inputs(&[root().join("spec")]);
    assert!(!inputs.is_empty(), "spec/ holds an edition");
    let input = inputs.remove(0);
    let comp = check::compile(&input.sources);
    (input, comp)
}

#[test]
fn the_shipped_spec_checks_clean() {
    let (input, comp) = compile_shipped();
    let counting: Vec<_> = comp
        .diagnostics
        .iter()
        .filter(|d| d.counts())
        .cloned()
        .collect();
    assert!(
        counting.is_empty(),
        "{}",
        pmf::diag::render_text(&counting, &input.sources)
    );
}

#[test]
fn generated_is_fresh() {
    let (_, comp) = compile_shipped();
    let ir = comp.ir.expect("an IR");
    let artifacts = pmf::gen::build_all(&ir).expect("every generator renders the shipped spec");
    let mut stale = Vec::new();
    for (rel, bytes) in &artifacts {
        let path = root().join("generated").join(rel);
        match std::fs::read(&path) {
            Ok(b) if b == *bytes => {}
            _ => stale.push(rel.clone()),
        }
    }
    assert!(
        stale.is_empty(),
        "generated/ is stale, run `cargo run -p pmf -- build`: {stale:?}"
    );
}

#[test]
fn a_local_extension_checks_with_the_national_edition_and_cannot_change_it() {
    let national = root().join("spec/2019-consultation");
    let local = root().join("tests/extensions/cardiff-local.pmf");
    let input = driver::read_input(&[national.clone(), local.clone()]);
    let comp = check::compile(&input.sources);
    let counting: Vec<_> = comp
        .diagnostics
        .iter()
        .filter(|d| d.counts())
        .cloned()
        .collect();
    assert!(
        counting.is_empty(),
        "{}",
        pmf::diag::render_text(&counting, &input.sources)
    );
    let ir = comp.ir.expect("an IR");
    assert_eq!(ir.extensions.len(), 1);
    assert_eq!(ir.extensions[0].prefix, "CDF");
    assert!(ir.metric("CDF/001").is_some_and(|m| m
        .subset_of
        .as_ref()
        .is_some_and(|r| r.terms[0].code == "AD/001")));
    assert!(ir.indicators.iter().any(|i| i.code == "PI/CDF/01"));
    assert!(ir.rules.iter().any(|r| r.id == "CDF/002.subset"));
    // The same extension may not redefine a national metric.
    let text = std::fs::read_to_string(&local).expect("read")
        + "\nmetric AD/001 {\n  wording \"Cardiff's own count\"\n  counts contact\n  flow\n}\n";
    let dir = tempfile::tempdir().expect("tempdir");
    let changed = dir.path().join("cardiff-local.pmf");
    std::fs::write(&changed, text).expect("write");
    let input = driver::read_input(&[national, changed]);
    let comp = check::compile(&input.sources);
    let codes: Vec<&str> = comp
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.code.as_str())
        .collect();
    assert!(codes.contains(&"PMF0111"), "{codes:?}");
    assert!(
        codes.contains(&"PMF0103"),
        "the national AD/001 is declared twice: {codes:?}"
    );
}
