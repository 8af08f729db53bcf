//! Helpers shared by the suites.

use pmf::check::{self, Compilation};
use pmf::source::Sources;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the compiler crate sits in the workspace")
        .to_path_buf()
}

/// Compiles one text as a spec of one file.
pub fn compile_text(name: &str, text: &str) -> (Sources, Compilation) {
    compile_text_with(name, text, check::Options::default())
}

pub fn compile_text_with(
    name: &str,
    text: &str,
    options: check::Options,
) -> (Sources, Compilation) {
    let mut sources = Sources::new();
    sources.add(name, text);
    let c = check::compile_with(&sources, options);
    (sources, c)
}

/// Compares `actual` with the expected file at `path`: a missing or different file fails;
/// `UPDATE_EXPECT=1` rewrites it, except under `CI=true` (see pmf-testkit).
pub use pmf_testkit::expect_file;

pub fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == ext))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Copies a folder and everything under it.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read dir").flatten() {
        let p = e.path();
        let t = to.join(e.file_name());
        if p.is_dir() {
            copy_tree(&p, &t);
        } else {
            std::fs::copy(&p, &t).expect("copy");
        }
    }
}
