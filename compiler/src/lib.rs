//! pmf: the compiler for `.pmf` specifications of the Performance and Improvement Framework.
//!
//! The pipeline, in order (see ARCHITECTURE.md):
//! `source` (texts in memory) → `syntax` (a tree per file, resilient) → `model` (typed
//! declarations) → `check` (resolution and every check, producing diagnostics) → `ir` (the
//! checked model as versioned data) → generators and the validator, which read only the IR.

pub mod authorities;
pub mod check;
pub mod diag;
pub mod diff;
pub mod driver;
pub mod fmt;
pub mod gen;
pub mod ir;
pub mod migrate;
pub mod model;
pub mod source;
pub mod syntax;
pub mod validate;
