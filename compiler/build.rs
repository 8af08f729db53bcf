//! Three things for the `pmf` and `pmf-engine` programs:
//!
//! - It is linked as a position-dependent executable. The program carries Typst and its fonts,
//!   whose tables hold about 100,000 pointers; in a position-independent executable each is
//!   relocated by the dynamic loader at every start, which costs about 2 ms of the 10 ms that
//!   `pmf check` may take (BENCHMARKS.md). A fixed address lets the linker resolve them once.
//! - The shipped editions (`spec/<edition>/*.pmf`) are built into it, so that `pmf validate`
//!   checks a return from any folder, with no spec beside it (src/shipped.rs).
//! - `pmf-engine` links DuckDB's prebuilt library (tools/libduckdb.sh puts it in
//!   vendor/libduckdb; .cargo/config.toml names it in DUCKDB_LIB_DIR). It is looked for at run
//!   time beside the program first (`$ORIGIN`, where an installer puts both), then where it was
//!   linked from. A missing library stops the build here, saying how to fetch it, rather than
//!   as a linker error.
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    duckdb_library();
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let spec = manifest.join("..").join("spec");
    println!("cargo:rerun-if-changed={}", spec.display());
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for edition in sorted_entries(&spec) {
        if !edition.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", edition.display());
        let Some(id) = edition
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
        else {
            continue;
        };
        for file in sorted_entries(&edition) {
            if file.extension().is_some_and(|e| e == "pmf") && file.is_file() {
                println!("cargo:rerun-if-changed={}", file.display());
                let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
                files.push((format!("{id}/{}", name.unwrap_or_default()), file));
            }
        }
    }
    let mut out = String::from(
        "/// The shipped editions' files: (edition folder/file name, text).\n\
         pub const FILES: &[(&str, &str)] = &[\n",
    );
    for (name, path) in &files {
        let abs = path.canonicalize().unwrap_or_else(|_| path.clone());
        let _ = writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            abs.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("shipped.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}

fn duckdb_library() {
    println!("cargo:rerun-if-env-changed=DUCKDB_LIB_DIR");
    let Ok(dir) = std::env::var("DUCKDB_LIB_DIR") else {
        fail_duckdb("DUCKDB_LIB_DIR is not set (.cargo/config.toml sets it to vendor/libduckdb)");
    };
    let dir = PathBuf::from(dir);
    let lib = dir.join(if cfg!(target_os = "macos") {
        "libduckdb.dylib"
    } else {
        "libduckdb.so"
    });
    println!("cargo:rerun-if-changed={}", lib.display());
    if !lib.is_file() {
        fail_duckdb(&format!("{} is missing", lib.display()));
    }
    let dir = dir.canonicalize().unwrap_or(dir);
    println!(
        "cargo:rustc-link-arg-bin=pmf-engine=-Wl,-rpath,$ORIGIN:{}",
        dir.display()
    );
}

fn fail_duckdb(what: &str) -> ! {
    eprintln!(
        "error: DuckDB's library, which the pmf-engine program (pmf compute) links, is not there: {what}\n  \
         help: run `bash tools/libduckdb.sh` (it fetches DuckDB 1.5.6's prebuilt library into vendor/libduckdb), \
         or set DUCKDB_LIB_DIR to a folder holding libduckdb.so of DuckDB 1.5.6"
    );
    std::process::exit(1);
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}
