//! Helpers shared by the language server's tests.

use std::path::{Path, PathBuf};

pub fn lsp_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn root() -> PathBuf {
    lsp_dir().join("..")
}

pub fn fixtures_dir() -> PathBuf {
    lsp_dir().join("tests/fixtures")
}

/// The shipped edition of the framework.
pub fn spec_dir() -> PathBuf {
    root().join("spec/2019-consultation")
}

/// Whether a missing outside program must fail the test rather than skip it.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
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

/// A folder under the system's temporary folder, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("pmf-lsp-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("a temporary folder");
        TempDir(p.canonicalize().unwrap_or(p))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
