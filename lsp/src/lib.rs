//! pmf-lsp: the language server for `.pmf` specifications, on lsp-server and lsp-types.
//!
//! It runs the compiler (`pmf::check::compile`) on the texts of the open buffers and the spec
//! files beside them, and answers from the result: diagnostics as you type, hover cards,
//! definitions, references, rename, completion, outlines, semantic tokens, formatting, quick
//! fixes, folding and the units of indicator formulas.
//!
//! The modules, from the edge inwards:
//! - `transport`: frames in and out over stdio, every bad frame answered, sizes capped;
//! - `server`: the protocol loop and the handlers;
//! - `convert`: byte offsets ↔ UTF-16 positions, paths ↔ URIs, diagnostics (the only place
//!   that knows how the protocol counts);
//! - `world`: open documents, projects (the files compiled together) and their compilations;
//! - `query`: what is at an offset, and where else it is;
//! - `editions`: a metric's history across editions, and the codes named by `was`;
//! - `hover`, `completion`, `rename`, `actions`, `outline`, `tokens`, `hints`: the features;
//! - `schema`: the item kinds and fields of the language, with documentation.

#![deny(clippy::unwrap_used, clippy::indexing_slicing, unsafe_code)]

pub mod actions;
pub mod completion;
pub mod convert;
pub mod editions;
pub mod hints;
pub mod hover;
pub mod outline;
pub mod query;
pub mod rename;
pub mod schema;
pub mod server;
pub mod tokens;
pub mod transport;
pub mod world;

pub use server::{capabilities, run, serve, Ended, Options};
