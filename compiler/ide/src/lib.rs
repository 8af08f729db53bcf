//! pmf-ide: editor support for `.pmf` specifications, as plain data.
//!
//! Everything an editor asks about a spec is answered here with byte ranges in the files of a
//! compilation (`FileId`s of an `Analysis`, whose document keys are the editor's), never with
//! an editor's positions or types: the language server (`pmf-lsp`) converts at its edge, and
//! is the only crate that knows the protocol.
//!
//! The modules:
//! - `world`: open documents, projects (the files compiled together, found by `pmf-project`'s
//!   rules) and their compilations, redone incrementally as the documents change;
//! - `index`: every place a name or code appears in a compilation, the one index that hover,
//!   definition, references, rename and semantic tokens read;
//! - `nav`: what is under a cursor, its definition, its references;
//! - `hover`, `completion`, `rename`, `editions` (a metric's history across editions),
//!   `actions` (quick fixes), `outline` (symbols and folding), `tokens` (semantic tokens),
//!   `hints` (units of indicator formulas, signature help).
//!
//! The language itself (item kinds, fields, values, functions) is `pmf_check::model::schema`.

#![deny(clippy::unwrap_used, clippy::indexing_slicing, unsafe_code)]

pub mod actions;
pub mod completion;
pub mod editions;
pub mod hints;
pub mod hover;
pub mod index;
pub mod nav;
pub mod outline;
pub mod query;
pub mod rename;
pub mod tokens;
pub mod world;

pub use nav::{Cursor, Location};
pub use query::Target;
pub use world::{Analysis, World};

pub use pmf_check::model::schema;
pub use pmf_check::Kind;
pub use pmf_syntax::source::{FileId, Span};
