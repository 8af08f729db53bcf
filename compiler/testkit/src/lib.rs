//! pmf-testkit: what the test suites of the workspace share.
//!
//! Golden files: `expect_file` compares an output with the file kept in the repository. A file
//! that is missing or different fails the test. Writing expected files is an explicit opt-in
//! (`UPDATE_EXPECT=1`), for review with `git diff`, and it is refused under `CI=true`, so a CI
//! run can never write the file it is checking against.

use std::path::Path;

/// How expected files are treated: read from the environment by `Golden::from_env`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Golden {
    /// `UPDATE_EXPECT` is set: write missing and changed expected files.
    pub update: bool,
    /// `CI=true`: never write, whatever `update` says.
    pub ci: bool,
}

impl Golden {
    pub fn from_env() -> Golden {
        Golden {
            update: std::env::var_os("UPDATE_EXPECT").is_some(),
            ci: is_ci(),
        }
    }

    /// Compares `actual` with the file at `path`. Returns a message when they differ or the
    /// file is missing; writes the file instead only when updating outside CI.
    pub fn check(self, path: &Path, actual: &str) -> Result<(), String> {
        let write = self.update && !self.ci;
        match std::fs::read_to_string(path) {
            Ok(expected) if expected == actual => Ok(()),
            _ if write => std::fs::write(path, actual)
                .map_err(|e| format!("cannot write {}: {e}", path.display())),
            Err(e) => Err(format!(
                "the expected file {} cannot be read ({e}); if the output is new, write it with UPDATE_EXPECT=1 (outside CI) and review it",
                path.display()
            )),
            Ok(expected) => Err(format!(
                "{} differs (UPDATE_EXPECT=1 rewrites it for review):\n{}",
                path.display(),
                pmf_project::short_diff(expected.as_bytes(), actual.as_bytes(), 40)
            )),
        }
    }
}

/// `CI=true` is set.
pub fn is_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// `Golden::from_env().check(path, actual)`.
pub fn expect_file(path: &Path, actual: &str) -> Result<(), String> {
    Golden::from_env().check(path, actual)
}

/// Whether expected files are being rewritten in this run.
pub fn updating() -> bool {
    let g = Golden::from_env();
    g.update && !g.ci
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> std::path::PathBuf {
        let p = std::env::temp_dir().join(format!("pmf-testkit-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("a temporary folder");
        p
    }

    #[test]
    fn a_deleted_golden_file_fails_under_ci_and_is_not_written() {
        let dir = folder("deleted");
        let path = dir.join("case.out");
        // Even when someone asks for an update, CI neither passes nor writes.
        for update in [false, true] {
            let g = Golden { update, ci: true };
            let err = g
                .check(&path, "output\n")
                .expect_err("a missing file must fail");
            assert!(err.contains("cannot be read"), "{err}");
            assert!(!path.exists(), "CI must not write the expected file");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_missing_golden_file_fails_outside_ci_unless_updating() {
        let dir = folder("missing");
        let path = dir.join("case.out");
        let plain = Golden {
            update: false,
            ci: false,
        };
        assert!(plain.check(&path, "x\n").is_err());
        assert!(!path.exists());
        let update = Golden {
            update: true,
            ci: false,
        };
        update.check(&path, "x\n").expect("written on request");
        assert_eq!(std::fs::read_to_string(&path).expect("written"), "x\n");
        plain.check(&path, "x\n").expect("now equal");
        let err = plain.check(&path, "y\n").expect_err("different");
        assert!(err.contains("-x") && err.contains("+y"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
