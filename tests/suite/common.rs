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

pub fn update() -> bool {
    std::env::var_os("UPDATE_EXPECT").is_some()
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

/// Compares `actual` with the file at `path`; writes it instead when UPDATE_EXPECT is set or
/// the file does not exist yet. Returns a message on mismatch.
pub fn expect_file(path: &Path, actual: &str) -> Result<(), String> {
    match std::fs::read_to_string(path) {
        Ok(expected) if expected == actual => Ok(()),
        Ok(_) if update() => {
            std::fs::write(path, actual).map_err(|e| e.to_string())?;
            Ok(())
        }
        Err(_) => {
            std::fs::write(path, actual).map_err(|e| e.to_string())?;
            Ok(())
        }
        Ok(expected) => Err(format!(
            "{} differs (UPDATE_EXPECT=1 to accept):\n{}",
            path.display(),
            pmf::gen::diff::short_diff(expected.as_bytes(), actual.as_bytes(), 40)
        )),
    }
}

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
