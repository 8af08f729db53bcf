//! Generators: every artifact `pmf build` writes, made in memory from the IR alone.
//!
//! Invariant: generators read only `ir` (never syntax or model), and their output is
//! byte-for-byte deterministic: no timestamps, no hash-map order.

pub mod codes;

pub use pmf_docs as docs;
pub use pmf_ir::Artifacts;
pub use pmf_templates as templates;
pub use pmf_validation_code as validation;

use crate::ir::Ir;

/// Every artifact of a build. An error is a fault of a generator (a template that does not
/// render), never of the spec, which is checked before it reaches here.
pub fn build_all(ir: &Ir) -> Result<Artifacts, String> {
    let mut out = Artifacts::new();
    out.insert("ir/spec.json".into(), ir.to_json().into_bytes());
    out.insert("diagnostics.md".into(), codes::index().into_bytes());
    out.extend(templates::artifacts(ir));
    out.extend(validation::artifacts(ir));
    out.extend(pmf_records::sql::artifacts(ir)?);
    out.extend(docs::artifacts(ir)?);
    Ok(out)
}
