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
    // Not lsp-server's stdio transport: it ends the server on the first frame it cannot read.
    let (connection, transport) = pmf_lsp::transport::connect(std::io::stdin(), std::io::stdout());
    let ended = pmf_lsp::serve(&connection, pmf_lsp::Options::default());
    drop(connection);
    // Every answer is written before the process ends; the reader may still be waiting for
    // input that will not come, and ends with the process.
    let _reader = transport.finish_writing();
    if ended == pmf_lsp::Ended::NoExit {
        eprintln!("pmf-lsp: no exit notification came after shutdown; ending");
    }
    ExitCode::from(ended.exit_code())
}
