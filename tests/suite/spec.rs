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
