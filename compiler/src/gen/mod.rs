//! Generators: every artifact `pmf build` writes, made in memory from the IR alone.
//!
//! Invariant: generators read only `ir` (never syntax or model), and their output is
//! byte-for-byte deterministic: no timestamps, no hash-map order.

pub mod codes;
pub mod diff;

use crate::ir::Ir;
use std::collections::BTreeMap;

/// Relative path (with `/`) → bytes.
pub type Artifacts = BTreeMap<String, Vec<u8>>;

/// Every artifact of a build.
pub fn build_all(ir: &Ir) -> Artifacts {
    let mut out = Artifacts::new();
    out.insert("ir/spec.json".into(), ir.to_json().into_bytes());
    out.insert("diagnostics.md".into(), codes::index().into_bytes());
    out
}
