//! `pmf-lsp`: the language server for `.pmf` specifications, speaking LSP on stdin and stdout.

#![deny(clippy::unwrap_used, clippy::indexing_slicing, unsafe_code)]

use std::process::ExitCode;

/// mimalloc rather than the system allocator: a compilation of a large spec allocates and
/// frees millions of small values (strings of names and texts), and with glibc's allocator
/// the edit → diagnostics time of the 100x synthetic spec was 1.7 times as long
/// (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    if let Some(arg) = std::env::args().nth(1) {
        match arg.as_str() {
            "--version" | "-V" => {
                println!("pmf-lsp {}", env!("CARGO_PKG_VERSION"));
                return ExitCode::SUCCESS;
            }
            "--stdio" => {}
            _ => {
                eprintln!(
                    "pmf-lsp: unknown argument `{arg}`\n\npmf-lsp is the language server for .pmf files; an editor starts it and talks to it on stdin and stdout (see lsp/editors/README.md)"
                );
                return ExitCode::from(2);
            }
        }
    }
    let (connection, io_threads) = lsp_server::Connection::stdio();
    let result = pmf_lsp::run(&connection);
    drop(connection);
    let joined = io_threads.join();
    match (result, joined) {
        (Ok(()), Ok(())) => ExitCode::SUCCESS,
        (Err(e), _) => {
            eprintln!("pmf-lsp: {e}");
            ExitCode::FAILURE
        }
        (_, Err(e)) => {
            eprintln!("pmf-lsp: {e}");
            ExitCode::FAILURE
        }
    }
}
