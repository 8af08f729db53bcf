//! Source texts and positions: the files of a spec held in memory, addressed by `FileId`.
//!
//! Everything downstream of the driver works on these in-memory texts, so the language server
//! can hand the compiler unsaved buffers exactly as the command line hands it files.

use serde::Serialize;
use std::ops::Range;

/// A byte range in one file.
pub type Span = Range<usize>;

/// Index of a file in [`Sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct FileId(pub u32);

/// One source file: its path as the user gave it and its text.
#[derive(Clone, Debug)]
pub struct SourceText {
    pub path: String,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceText {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> SourceText {
        let text = text.into();
        let line_starts = line_starts(&text);
        SourceText {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(n) => n,
            Err(n) => n - 1,
        };
        let start = self.line_starts[line];
        let col = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        (line + 1, col + 1)
    }

    /// Byte offsets at which lines start.
    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The files of one compilation.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    files: Vec<SourceText>,
}

impl Sources {
    pub fn new() -> Sources {
        Sources::default()
    }

    pub fn add(&mut self, path: impl Into<String>, text: impl Into<String>) -> FileId {
        self.files.push(SourceText::new(path, text));
        FileId(self.files.len() as u32 - 1)
    }

    pub fn get(&self, id: FileId) -> &SourceText {
        &self.files[id.0 as usize]
    }

    pub fn ids(&self) -> impl Iterator<Item = FileId> + '_ {
        (0..self.files.len() as u32).map(FileId)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// `path:line:col` for a position, as the command line prints it.
    pub fn location(&self, file: FileId, offset: usize) -> String {
        let f = self.get(file);
        let (line, col) = f.line_col(offset);
        format!("{}:{}:{}", f.path, line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let f = SourceText::new("a.pmf", "ab\nçd\n");
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(3), (2, 1));
        assert_eq!(f.line_col(5), (2, 2));
        assert_eq!(f.line_col(100), (3, 1));
    }
}
