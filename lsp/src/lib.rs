//! pmf-lsp: the language server for `.pmf` specifications, on lsp-server and lsp-types.
//!
//! A thin layer over `pmf-ide`, which keeps the open documents and their projects, compiles
//! them as they change, and answers every question about them as plain data with byte
//! ranges: this crate speaks the protocol (JSON-RPC over stdio) and converts at its edge. It
//! is the only crate that knows lsp-types, UTF-16 positions or JSON-RPC.
//!
//! The modules:
//! - `transport`: frames in and out over stdio, every bad frame answered, sizes capped;
//! - `server`: the protocol loop and the handlers, each a conversion of a request into a call
//!   of `pmf-ide` and of its answer back;
//! - `convert`: byte offsets ↔ UTF-16 positions, paths ↔ URIs, diagnostics, and `pmf-ide`'s
//!   answers as protocol types;
//! - `tokens`: semantic tokens in the protocol's encoding.

#![deny(clippy::unwrap_used, clippy::indexing_slicing, unsafe_code)]

pub mod convert;
pub mod server;
pub mod tokens;
pub mod transport;

pub use server::{capabilities, run, serve, Ended, Options};
