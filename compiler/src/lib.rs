//! pmf: the compiler for `.pmf` specifications of the Performance and Improvement Framework.
//!
//! This crate is the command line (`src/main.rs`) and, for the tests, benchmarks and fuzz
//! targets, one place that names every layer. The layers are crates of their own, so that the
//! dependency graph is the pipeline (see ARCHITECTURE.md):
//!
//! `pmf-syntax` (texts, the resilient parser, diagnostics, the formatter) → `pmf-check`
//! (lowering into the `model`, resolution and every check) → `pmf-ir` (the checked spec as
//! data: the contract) → the back ends, which depend on the IR and never on the checker:
//! `pmf-docs`, `pmf-templates`, `pmf-validation-code`, `pmf-validate`, `pmf-diff`,
//! `pmf-migrate` (with `pmf-return`, what a return is and what its rules mean), `pmf-records`
//! (counting rules as SQL, and the engine of `pmf compute`). `pmf-project`
//! loads specs and editions from disk and writes outputs.

pub use pmf_check as check;
pub use pmf_check::model;
pub use pmf_diff as diff;
pub use pmf_ir as ir;
pub use pmf_ir::authorities;
pub use pmf_migrate as migrate;
pub use pmf_project as driver;
pub use pmf_records as records;
pub use pmf_reports as reports;
pub use pmf_syntax as syntax;
pub use pmf_syntax::{diag, fmt, source};
pub use pmf_translate as translate;
pub use pmf_validate as validate;
pub use pmf_words as words;

pub mod gen;
pub mod shipped;
