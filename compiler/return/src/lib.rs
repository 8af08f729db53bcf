//! pmf-return: a return as data and what it means, shared by every back end that reads or
//! writes one (the templates, the validator, the generated validation code, migration).
//!
//! - `submission`: a return read from a file, every entry with its `Site` (file and line,
//!   sheet and cell, or JSON pointer);
//! - `values`: the one definition of a figure, validity, statuses, and the expansion of codes
//!   reported by their items;
//! - `engine`: every rule of the IR evaluated on a return, exceptions applied, indicators
//!   computed;
//! - `workbook`: the XLSX layout contract (headers, defined names, sheet names);
//! - `terminal`: text from a return made safe to print (control characters escaped).
//!
//! Invariant: depends on the IR only; reads no files.

pub mod engine;
pub mod submission;
pub mod terminal;
pub mod values;
pub mod workbook;

pub use engine::{Engine, Finding, FindingKind, IndicatorValue};
pub use submission::{ReadError, Submission};
