//! How specs lie on disk: the rules the command line and the language server share for
//! finding a spec's files and editions.
//!
//! - A spec's files are the `.pmf` files under its folder, found by `find_pmf_files` (every
//!   folder and file once, hidden and build folders skipped, at most `MAX_FILES`).
//! - A file's spec folder is its own folder, or the folder above when the edition or extension
//!   header is there and not in its own (a file in a sub-folder of an edition).
//! - An edition's header is read from its lines (`header`) where the files are not compiled
//!   yet; the compiler's reading, once there is one, wins.
//! - The edition an edition supersedes is found among the folders beside its own: the one
//!   with `.pmf` files of its own whose files hold exactly one edition header, naming it
//!   (`sibling_edition`); a local extension's national edition is searched for under the
//!   workspace folders (`find_edition`).
//! - Editions are compiled in an order where each comes after the one it supersedes
//!   (`edition_order`; a cycle is cut where it closes).
//!
//! What is read goes through `Files`, so that the language server can lay its unsaved buffers
//! over the disk; `Disk` is the disk alone.

use crate::{find_pmf_files, is_pmf, read_text, skipped_folder, Found};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// Where the texts of spec files come from.
pub trait Files {
    /// The text of a spec file, or `None` when it cannot be read (see `read_text`).
    fn text(&self, path: &Path) -> Option<Cow<'_, str>>;

    /// The `.pmf` files under a folder (see `find_pmf_files`).
    fn pmf_files(&self, dir: &Path) -> Found {
        find_pmf_files(dir)
    }
}

/// The files as they are on disk.
pub struct Disk;

impl Files for Disk {
    fn text(&self, path: &Path) -> Option<Cow<'_, str>> {
        read_text(path).ok().map(Cow::Owned)
    }
}

/// What a file's header says, read from its lines without parsing: a line beginning
/// `edition "id"` or `extension`, and the `extends` and `supersedes` lines.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Header {
    pub edition: Option<String>,
    pub extension: bool,
    pub extends: Option<String>,
    /// The edition an edition header supersedes (`supersedes none` is none).
    pub supersedes: Option<String>,
}

pub fn header(text: &str) -> Header {
    let mut h = Header::default();
    let quoted = |s: &str| {
        let s = s.trim().strip_prefix('"')?;
        s.split_once('"').map(|(v, _)| v.to_string())
    };
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("edition ") {
            h.edition = h.edition.or_else(|| quoted(rest));
        } else if line.starts_with("extension ") {
            h.extension = true;
        } else if let Some(rest) = line.trim_start().strip_prefix("extends ") {
            h.extends = h.extends.or_else(|| quoted(rest));
        } else if let Some(rest) = line.trim_start().strip_prefix("supersedes ") {
            // `supersedes "2019-consultation"`, or the id unquoted; `none` says none.
            let bare = rest.split_whitespace().next().filter(|w| *w != "none");
            h.supersedes = h
                .supersedes
                .or_else(|| quoted(rest))
                .or_else(|| bare.filter(|w| !w.starts_with('"')).map(str::to_string));
        }
    }
    h
}

/// The headers of the files under a folder, or `None` when the folder holds more files than
/// one spec may have.
fn headers(files: &dyn Files, dir: &Path) -> Option<Vec<Header>> {
    let found = files.pmf_files(dir);
    if found.truncated {
        return None;
    }
    Some(
        found
            .files
            .iter()
            .map(|p| files.text(p).map_or_else(Header::default, |t| header(&t)))
            .collect(),
    )
}

/// The folder of the spec a file in `dir` belongs to: `dir`, or the folder above it when
/// that folder (inside one of the workspace `roots`, not a root itself) holds the edition or
/// extension header and `dir` does not.
pub fn spec_folder(files: &dyn Files, dir: &Path, roots: &[PathBuf]) -> PathBuf {
    let has_header = |d: &Path| {
        headers(files, d).is_some_and(|hs| hs.iter().any(|h| h.edition.is_some() || h.extension))
    };
    if has_header(dir) {
        return dir.to_path_buf();
    }
    if let Some(up) = dir.parent() {
        let inside_root = roots.iter().any(|r| up.starts_with(r) && up != r);
        if inside_root && has_header(up) {
            return up.to_path_buf();
        }
    }
    dir.to_path_buf()
}

/// The edition ids of the headers under a folder: one for the folder of an edition, none for
/// a folder of local measures, several for a folder of examples. `None` when the folder holds
/// more files than one spec may have.
pub fn editions_in(files: &dyn Files, dir: &Path) -> Option<Vec<String>> {
    Some(
        headers(files, dir)?
            .into_iter()
            .filter_map(|h| h.edition)
            .collect(),
    )
}

/// The folder beside `root` that holds edition `id`: a folder with `.pmf` files of its own
/// (so that a spec kept directly in a large folder, a home folder, does not make the search
/// walk every folder beside it) whose files hold exactly one edition header, naming `id`.
/// Folders are tried in name order.
pub fn sibling_edition(files: &dyn Files, root: &Path, id: &str) -> Option<PathBuf> {
    sibling_editions(files, root, id).into_iter().next()
}

/// Every folder beside `root` that holds edition `id` (see `sibling_edition`), in name order.
pub fn sibling_editions(files: &dyn Files, root: &Path, id: &str) -> Vec<PathBuf> {
    let Some(parent) = root.parent() else {
        return Vec::new();
    };
    let Ok(rd) = std::fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|d| d.as_path() != root && d.is_dir())
        .filter(|d| {
            d.file_name()
                .is_none_or(|n| !skipped_folder(&n.to_string_lossy()))
        })
        .collect();
    dirs.sort();
    let has_own_pmf = |d: &Path| {
        std::fs::read_dir(d).is_ok_and(|rd| {
            rd.filter_map(|e| e.ok())
                .any(|e| is_pmf(&e.path()) && e.path().is_file())
        })
    };
    dirs.into_iter()
        .filter(|d| has_own_pmf(d))
        .filter(|d| editions_in(files, d).is_some_and(|ids| ids == [id]))
        .collect()
}

/// The folder of the edition `id`, searched for under the workspace folders: the folder of
/// the first file (in path order) whose header names it.
pub fn find_edition(files: &dyn Files, roots: &[PathBuf], id: &str) -> Option<PathBuf> {
    for root in roots {
        for path in files.pmf_files(root).files {
            let named = files
                .text(&path)
                .is_some_and(|t| header(&t).edition.as_deref() == Some(id));
            if named {
                return path.parent().map(Path::to_path_buf);
            }
        }
    }
    None
}

/// An order of `n` editions in which each comes after the one it supersedes (`previous`); a
/// cycle is cut where it closes.
pub fn edition_order(n: usize, previous: impl Fn(usize) -> Option<usize>) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::new();
    for start in 0..n {
        let mut chain = vec![start];
        let mut at = start;
        while let Some(j) = previous(at) {
            if chain.contains(&j) {
                break;
            }
            chain.push(j);
            at = j;
        }
        for &c in chain.iter().rev() {
            if !order.contains(&c) {
                order.push(c);
            }
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_from_lines() {
        let h = header("// x\nedition \"2019-consultation\" {\n}\n");
        assert_eq!(h.edition.as_deref(), Some("2019-consultation"));
        let h = header("extension \"cdf\" {\n  extends \"2019-consultation\"\n}\n");
        assert!(h.extension);
        assert_eq!(h.extends.as_deref(), Some("2019-consultation"));
        assert_eq!(header("metric AD/001 {}\n"), Header::default());
    }

    #[test]
    fn headers_read_what_an_edition_supersedes() {
        let h = header("edition \"2020-21\" {\n  supersedes \"2019-consultation\"\n}\n");
        assert_eq!(h.supersedes.as_deref(), Some("2019-consultation"));
        let h = header("edition \"2019\" {\n  supersedes none\n}\n");
        assert_eq!(h.supersedes, None);
        let h = header("edition \"2020\" {\n  supersedes y2019\n}\n");
        assert_eq!(h.supersedes.as_deref(), Some("y2019"));
    }

    #[test]
    fn editions_come_after_the_ones_they_supersede() {
        // 0 supersedes 2, 2 supersedes 1; 3 and 4 supersede each other.
        let prev = |i: usize| match i {
            0 => Some(2),
            2 => Some(1),
            3 => Some(4),
            4 => Some(3),
            _ => None,
        };
        assert_eq!(edition_order(5, prev), vec![1, 2, 0, 4, 3]);
    }

    struct Temp(PathBuf);

    impl Drop for Temp {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn the_previous_edition_is_the_folder_beside_that_names_it() {
        let t = Temp(std::env::temp_dir().join(format!("pmf-layout-{}", std::process::id())));
        let ed = |id: &str| format!("edition \"{id}\" {{\n  title \"T\"\n}}\n");
        for (dir, file, text) in [
            ("a-examples", "one.pmf", ed("old")),
            ("a-examples", "two.pmf", ed("other")),
            ("b-nested/inner", "e.pmf", ed("old")),
            ("c-old", "edition.pmf", ed("old")),
            ("c-old/parts", "m.pmf", "metric AD/001 {}\n".to_string()),
            ("d-new", "edition.pmf", ed("new")),
            (".hidden", "edition.pmf", ed("old")),
        ] {
            let d = t.0.join(dir);
            std::fs::create_dir_all(&d).expect("a folder");
            std::fs::write(d.join(file), text).expect("a file");
        }
        let new = t.0.join("d-new");
        // Not the folder of examples (two editions), nor the one without files of its own,
        // nor the hidden one.
        assert_eq!(
            sibling_editions(&Disk, &new, "old"),
            vec![t.0.join("c-old")]
        );
        assert_eq!(sibling_edition(&Disk, &new, "nowhere"), None);
        assert_eq!(
            editions_in(&Disk, &t.0.join("c-old")),
            Some(vec!["old".to_string()])
        );
        // A file in a sub-folder of an edition belongs to the edition's folder.
        let roots = [t.0.clone()];
        assert_eq!(
            spec_folder(&Disk, &t.0.join("c-old/parts"), &roots),
            t.0.join("c-old")
        );
        assert_eq!(spec_folder(&Disk, &new, &roots), new);
        assert_eq!(find_edition(&Disk, &roots, "new"), Some(new.clone()));
    }
}
