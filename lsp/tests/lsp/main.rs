//! The language server's integration tests, one binary: fixture sessions for every feature
//! (`fixtures`), sessions on the shipped spec (`spec`), the spec edited at random (`random`),
//! two editions of the framework (`editions`), hostile frames on the binary's standard input
//! (`frames`), and a real editor, Neovim, driving the binary
//! (`neovim`).

mod client;
mod common;
mod editions;
mod fixtures;
mod frames;
mod neovim;
mod random;
mod spec;
mod welsh;
