//! Writing outputs into a folder: whole or not at all, never outside it.
//!
//! Every file is first written into a staging folder inside the output folder, then moved into
//! place; if any write fails, the staging folder is removed and the output folder is as it was.
//! Paths come from the generators, but the manifest of the previous build (`MANIFEST.txt`) is
//! read from disk and may have been edited by anyone (it is committed): a file is removed as
//! stale only when its path is a plain relative path inside the output folder, nothing on the
//! way is a symbolic link, and its bytes are still those the build wrote (the manifest records
//! a SHA-256 of each file). Anything else is reported and left alone.

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// The list of what a build wrote, kept in the output folder.
pub const MANIFEST: &str = "MANIFEST.txt";

/// Relative path (with `/`) → bytes.
pub type Files = BTreeMap<String, Vec<u8>>;

/// `rel` as a path under the output folder, if it is a plain relative path: not absolute, no
/// `..`, `.` or empty parts, no backslash, drive letter, NUL or other control character.
pub fn safe_relative(rel: &str) -> Option<PathBuf> {
    if rel.is_empty()
        || rel.len() > 1024
        || rel.contains('\\')
        || rel.contains(':')
        || rel.chars().any(char::is_control)
    {
        return None;
    }
    let mut out = PathBuf::new();
    for part in rel.split('/') {
        if part.is_empty() || part == "." || part == ".." {
            return None;
        }
        out.push(part);
    }
    match out.components().all(|c| matches!(c, Component::Normal(_))) {
        true => Some(out),
        false => None,
    }
}

fn sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The manifest of a set of files: one `sha256  path` line per file, in path order.
pub fn manifest(files: &Files) -> String {
    files
        .iter()
        .map(|(rel, bytes)| format!("{}  {rel}\n", sha256(bytes)))
        .collect()
}

/// An entry of a previous manifest: the path, and the hash of what was written there (absent
/// in manifests of older versions, which listed paths only).
fn parse_manifest(text: &str) -> Vec<(String, Option<String>)> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| match l.split_once("  ") {
            Some((h, p)) if h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()) => {
                (p.to_string(), Some(h.to_ascii_lowercase()))
            }
            _ => (l.to_string(), None),
        })
        .collect()
}

/// Whether any existing part of `rel` under `root` is a symbolic link (the root itself may be:
/// that is the user's choice of output folder).
fn through_link(root: &Path, rel: &Path) -> bool {
    let mut p = root.to_path_buf();
    for c in rel.components() {
        p.push(c);
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => return true,
            Ok(_) => {}
            Err(_) => return false,
        }
    }
    false
}

/// What a previous build left that this one does not write.
#[derive(Debug, Default)]
pub struct Stale {
    /// Files that can be removed: inside the folder, and unchanged since the build wrote them.
    pub removable: Vec<String>,
    /// Entries that will not be removed, with the reason.
    pub kept: Vec<(String, String)>,
}

/// The stale entries of the previous manifest in `out`, sorted into those a build may remove
/// and those it must leave alone.
pub fn stale(out: &Path, files: &Files) -> Stale {
    let mut res = Stale::default();
    let Ok(text) = std::fs::read_to_string(out.join(MANIFEST)) else {
        return res;
    };
    for (rel, hash) in parse_manifest(&text) {
        if files.contains_key(&rel) || rel == MANIFEST {
            continue;
        }
        let shown: String = rel.chars().flat_map(char::escape_default).collect();
        let Some(path) = safe_relative(&rel) else {
            res.kept.push((
                shown,
                "the manifest names a path outside the output folder; nothing was removed".into(),
            ));
            continue;
        };
        if through_link(out, &path) {
            res.kept
                .push((shown, "it is reached through a symbolic link".into()));
            continue;
        }
        let full = out.join(&path);
        match std::fs::symlink_metadata(&full) {
            Err(_) => continue, // already gone
            Ok(m) if !m.is_file() => {
                res.kept.push((shown, "it is not a regular file".into()));
                continue;
            }
            Ok(_) => {}
        }
        match (hash, std::fs::read(&full)) {
            (Some(h), Ok(bytes)) if sha256(&bytes) == h => res.removable.push(rel),
            (Some(_), _) => res.kept.push((
                shown,
                "it was changed after the build wrote it; remove it by hand if it is not needed"
                    .into(),
            )),
            (None, _) => res.kept.push((
                shown,
                "the manifest does not say what the build wrote there; remove it by hand if it is not needed"
                    .into(),
            )),
        }
    }
    res
}

/// How the files compare with what is in `out`.
#[derive(Debug, Default)]
pub struct Comparison {
    /// Files whose bytes differ, with what is there now.
    pub changed: Vec<(String, Vec<u8>)>,
    /// Files that are not there.
    pub missing: Vec<String>,
    pub stale: Stale,
}

impl Comparison {
    pub fn is_fresh(&self) -> bool {
        self.changed.is_empty()
            && self.missing.is_empty()
            && self.stale.removable.is_empty()
            && self.stale.kept.is_empty()
    }
}

/// Compares `files` (and their manifest) with the contents of `out`, writing nothing.
pub fn compare(out: &Path, files: &Files, with_manifest: bool) -> Comparison {
    let mut all = files.clone();
    if with_manifest {
        all.insert(MANIFEST.into(), manifest(files).into_bytes());
    }
    let mut res = Comparison {
        stale: if with_manifest {
            stale(out, files)
        } else {
            Stale::default()
        },
        ..Comparison::default()
    };
    for (rel, bytes) in &all {
        match std::fs::read(out.join(rel)) {
            Ok(existing) if existing == *bytes => {}
            Ok(existing) => res.changed.push((rel.clone(), existing)),
            Err(_) => res.missing.push(rel.clone()),
        }
    }
    res
}

/// What `write` did.
#[derive(Debug, Default)]
pub struct Written {
    /// Files whose bytes changed (or were new).
    pub changed: usize,
    /// Stale files removed.
    pub removed: Vec<String>,
    /// Stale entries left alone, with the reason.
    pub kept: Vec<(String, String)>,
}

/// Writes `files` into `out`, whole or not at all; with `with_manifest`, also writes the
/// manifest and removes the stale files of the previous build that may be removed.
pub fn write(out: &Path, files: &Files, with_manifest: bool) -> Result<Written, String> {
    let mut all = files.clone();
    let stale = if with_manifest {
        all.insert(MANIFEST.into(), manifest(files).into_bytes());
        stale(out, files)
    } else {
        Stale::default()
    };
    let mut plan: Vec<(PathBuf, &Vec<u8>)> = Vec::new();
    for (rel, bytes) in &all {
        let Some(path) = safe_relative(rel) else {
            return Err(format!(
                "refusing to write `{}`: not a plain path inside the output folder (a fault of pmf; please report it)",
                rel.escape_default()
            ));
        };
        if through_link(out, &path) {
            return Err(format!(
                "refusing to write {}: a folder on its way is a symbolic link",
                out.join(&path).display()
            ));
        }
        if std::fs::read(out.join(&path)).is_ok_and(|e| e == **bytes) {
            continue;
        }
        plan.push((path, bytes));
    }
    let created = !out.exists();
    std::fs::create_dir_all(out)
        .map_err(|e| format!("cannot create the folder {}: {e}", out.display()))?;
    let staging = out.join(format!(".pmf-staging-{}", std::process::id()));
    let cleanup = |created: bool| {
        let _ = std::fs::remove_dir_all(&staging);
        if created {
            let _ = std::fs::remove_dir(out);
        }
    };
    // Stage every file: a failure here leaves the output folder untouched.
    for (path, bytes) in &plan {
        let p = staging.join(path);
        let res = p
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| std::fs::write(&p, bytes));
        if let Err(e) = res {
            cleanup(created);
            return Err(format!(
                "cannot write {}: {e}; nothing was changed",
                out.join(path).display()
            ));
        }
    }
    // Move them into place. Renames within one file system do not fail for want of space.
    for (path, _) in &plan {
        let to = out.join(path);
        let res = to
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| {
                // A folder where a file must go (or the other way round) is an error, not
                // something to remove.
                std::fs::rename(staging.join(path), &to)
            });
        if let Err(e) = res {
            cleanup(false);
            return Err(format!("cannot write {}: {e}", to.display()));
        }
    }
    let _ = std::fs::remove_dir_all(&staging);
    let mut removed = Vec::new();
    for rel in stale.removable {
        if let Some(path) = safe_relative(&rel) {
            if std::fs::remove_file(out.join(path)).is_ok() {
                removed.push(rel);
            }
        }
    }
    Ok(Written {
        changed: plan.len(),
        removed,
        kept: stale.kept,
    })
}

/// Writes one file so that a reader never sees it half-written: to a temporary file beside
/// it, then renamed over it. The temporary file is removed when anything fails.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir)?;
        }
    }
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = path.with_file_name(format!(".{file_name}.pmf-tmp-{}", std::process::id()));
    let res = std::fs::write(&tmp, bytes).and_then(|_| std::fs::rename(&tmp, path));
    if res.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        let p = std::env::temp_dir().join(format!("pmf-output-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("a temporary folder");
        p
    }

    fn files(list: &[(&str, &str)]) -> Files {
        list.iter()
            .map(|(p, b)| (p.to_string(), b.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn plain_relative_paths_only() {
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "a//b",
            "./a",
            "a\\b",
            "C:x",
            "a\0b",
            "a\nb",
        ] {
            assert!(safe_relative(bad).is_none(), "{bad:?}");
        }
        assert_eq!(
            safe_relative("a/b.txt"),
            Some(PathBuf::from("a").join("b.txt"))
        );
    }

    #[test]
    fn a_hostile_manifest_removes_nothing_outside_the_folder() {
        let root = folder("hostile");
        let out = root.join("out");
        std::fs::create_dir_all(&out).expect("out");
        let victim = root.join("victim.txt");
        std::fs::write(&victim, "keep me").expect("victim");
        let inside = out.join("mine.txt");
        std::fs::write(&inside, "hand-written").expect("inside");
        let h = sha256(b"keep me");
        let manifest = format!(
            "{h}  ../victim.txt\n{h}  {}\n../victim.txt\n{}\nmine.txt\n{}  mine.txt\n",
            victim.display(),
            victim.display(),
            sha256(b"something else")
        );
        std::fs::write(out.join(MANIFEST), manifest).expect("manifest");
        let w = write(&out, &files(&[("a.txt", "a")]), true).expect("built");
        assert!(
            victim.exists(),
            "a file outside the output folder was removed"
        );
        assert!(
            inside.exists(),
            "a file the build did not write was removed"
        );
        assert!(w.removed.is_empty());
        assert!(w.kept.len() >= 3, "{:?}", w.kept);
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn stale_files_the_build_wrote_are_removed() {
        let out = folder("stale");
        write(&out, &files(&[("a.txt", "a"), ("sub/b.txt", "b")]), true).expect("first");
        let w = write(&out, &files(&[("a.txt", "a2")]), true).expect("second");
        assert_eq!(w.removed, vec!["sub/b.txt".to_string()]);
        assert!(!out.join("sub/b.txt").exists());
        assert_eq!(std::fs::read_to_string(out.join("a.txt")).expect("a"), "a2");
        assert!(compare(&out, &files(&[("a.txt", "a2")]), true).is_fresh());
        let _ = std::fs::remove_dir_all(&out);
    }

    #[cfg(unix)]
    #[test]
    fn never_writes_through_a_symbolic_link() {
        let root = folder("link");
        let out = root.join("out");
        let elsewhere = root.join("elsewhere");
        std::fs::create_dir_all(&out).expect("out");
        std::fs::create_dir_all(&elsewhere).expect("elsewhere");
        std::os::unix::fs::symlink(&elsewhere, out.join("sub")).expect("link");
        let err = write(&out, &files(&[("sub/x.txt", "x")]), true).expect_err("refused");
        assert!(err.contains("symbolic link"), "{err}");
        assert!(!elsewhere.join("x.txt").exists());
        let _ = std::fs::remove_dir_all(&root);
    }

    #[cfg(unix)]
    #[test]
    fn a_failed_write_changes_nothing() {
        let out = folder("fail");
        std::fs::write(out.join("a.txt"), "old").expect("a");
        // A file where a folder must be: the second file cannot be staged... so make staging
        // fail by a path that is a file in the staging area's place.
        let files = files(&[("a.txt", "new"), ("x/y.txt", "y")]);
        std::fs::write(
            out.join(format!(".pmf-staging-{}", std::process::id())),
            "in the way",
        )
        .expect("blocker");
        assert!(write(&out, &files, true).is_err());
        assert_eq!(
            std::fs::read_to_string(out.join("a.txt")).expect("a"),
            "old"
        );
        assert!(!out.join("x").exists());
        assert!(!out.join(MANIFEST).exists());
        let _ = std::fs::remove_dir_all(&out);
    }
}
