//! The edge between the compiler and the protocol: byte offsets to UTF-16 positions and back,
//! file paths to URIs and back, and compiler diagnostics to LSP diagnostics.
//!
//! The compiler speaks byte ranges in `Sources`; the protocol speaks lines and UTF-16 code
//! units in documents named by URI. Every conversion happens here and nowhere else.

use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Position, Range,
    Uri,
};
use pmf::diag::{Diagnostic, Severity};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Line starts of one text, to turn byte offsets into LSP positions and back.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// The 0-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        match self.starts.binary_search(&offset) {
            Ok(n) => n,
            Err(n) => n.saturating_sub(1),
        }
    }

    /// Byte offset at which a 0-based line starts (the end of the text past the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.len)
    }

    /// Byte offset at which a line ends, before its line break.
    pub fn line_end(&self, text: &str, line: usize) -> usize {
        let next = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        let mut end = next;
        if end > 0 && end > self.line_start(line) && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
            if end > self.line_start(line) && bytes.get(end - 1) == Some(&b'\r') {
                end -= 1;
            }
        }
        end
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The LSP position of a byte offset (clamped to the text, and back to a character start).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while offset > 0 && !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let character = text
            .get(start..offset)
            .map_or(0, |s| s.chars().map(char::len_utf16).sum::<usize>());
        Position::new(line as u32, character as u32)
    }

    pub fn range(&self, text: &str, span: &std::ops::Range<usize>) -> Range {
        let start = self.position(text, span.start);
        let end = self.position(text, span.end.max(span.start));
        Range::new(start, end)
    }

    /// The byte offset of an LSP position. A character past the end of its line means the end
    /// of the line; a line past the end of the text means the end of the text.
    pub fn offset(&self, text: &str, pos: Position) -> usize {
        let line = pos.line as usize;
        if line >= self.starts.len() {
            return text.len();
        }
        let start = self.line_start(line);
        let end = self.line_end(text, line);
        let mut units = 0usize;
        let want = pos.character as usize;
        let Some(line_text) = text.get(start..end) else {
            return start;
        };
        for (i, c) in line_text.char_indices() {
            if units >= want {
                return start + i;
            }
            units += c.len_utf16();
        }
        end
    }
}

/// The URI of a file on disk.
pub fn path_to_uri(path: &Path) -> Option<Uri> {
    let url = url::Url::from_file_path(path).ok()?;
    Uri::from_str(url.as_str()).ok()
}

/// The file a `file:` URI names; `None` for other schemes (an unsaved `untitled:` buffer).
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let url = url::Url::parse(uri.as_str()).ok()?;
    if url.scheme() != "file" {
        return None;
    }
    url.to_file_path().ok()
}

/// A canonical key for a document: the URI re-made from its path, so that two spellings of
/// one file (`%3A` or `:`) are one document.
pub fn uri_key(uri: &Uri) -> String {
    match uri_to_path(uri).and_then(|p| path_to_uri(&p)) {
        Some(u) => u.as_str().to_string(),
        None => uri.as_str().to_string(),
    }
}

/// A URI from a key made by [`uri_key`].
pub fn key_to_uri(key: &str) -> Option<Uri> {
    Uri::from_str(key).ok()
}

pub fn severity(s: Severity, allowed: bool) -> DiagnosticSeverity {
    match (s, allowed) {
        (_, true) => DiagnosticSeverity::HINT,
        (Severity::Error, _) => DiagnosticSeverity::ERROR,
        (Severity::Warning, _) => DiagnosticSeverity::WARNING,
        (Severity::Note, _) => DiagnosticSeverity::INFORMATION,
    }
}

/// What a file of a compilation looks like to the protocol: its URI, text and line index.
pub trait FileView {
    fn uri(&self, file: pmf::source::FileId) -> Option<Uri>;
    fn text(&self, file: pmf::source::FileId) -> &str;
    fn lines(&self, file: pmf::source::FileId) -> Option<&LineIndex>;

    fn range(&self, file: pmf::source::FileId, span: &std::ops::Range<usize>) -> Range {
        match self.lines(file) {
            Some(l) => l.range(self.text(file), span),
            None => Range::default(),
        }
    }

    fn location(
        &self,
        file: pmf::source::FileId,
        span: &std::ops::Range<usize>,
    ) -> Option<Location> {
        Some(Location::new(self.uri(file)?, self.range(file, span)))
    }
}

/// An LSP diagnostic with the same code, message, help and notes as `pmf check` prints, and the
/// secondary labels as related locations.
pub fn diagnostic(d: &Diagnostic, view: &dyn FileView) -> lsp_types::Diagnostic {
    let mut message = d.message.clone();
    if !d.primary.message.is_empty() {
        message.push_str(&format!(" ({})", d.primary.message));
    }
    if let Some(h) = &d.help {
        message.push_str(&format!("\nhelp: {h}"));
    }
    for n in &d.notes {
        message.push_str(&format!("\nnote: {n}"));
    }
    if let Some(reason) = &d.allowed {
        message.push_str(&format!("\nallowed: {reason}"));
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .filter_map(|l| {
            Some(DiagnosticRelatedInformation {
                location: view.location(l.file, &l.span)?,
                message: if l.message.is_empty() {
                    "see here".to_string()
                } else {
                    l.message.clone()
                },
            })
        })
        .collect();
    lsp_types::Diagnostic {
        range: view.range(d.primary.file, &d.primary.span),
        severity: Some(severity(d.severity, d.allowed.is_some())),
        code: Some(NumberOrString::String(d.code.as_str().to_string())),
        code_description: None,
        source: Some("pmf".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: d.help.as_ref().map(|h| serde_json::json!({ "help": h })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units() {
        let text = "ab\nçd😀e\r\nx";
        let l = LineIndex::new(text);
        assert_eq!(l.position(text, 0), Position::new(0, 0));
        assert_eq!(l.position(text, 3), Position::new(1, 0));
        // ç is 2 bytes, 1 unit; 😀 is 4 bytes, 2 units.
        assert_eq!(l.position(text, 5), Position::new(1, 1));
        assert_eq!(l.position(text, 10), Position::new(1, 4));
        assert_eq!(l.offset(text, Position::new(1, 4)), 10);
        assert_eq!(l.offset(text, Position::new(1, 99)), 11);
        assert_eq!(l.offset(text, Position::new(9, 0)), text.len());
        // Inside a character: back to its start.
        assert_eq!(l.position(text, 7), Position::new(1, 2));
        for off in 0..=text.len() {
            if text.is_char_boundary(off) && !text[..off].ends_with('\r') {
                assert_eq!(l.offset(text, l.position(text, off)), off, "offset {off}");
            }
        }
    }

    #[test]
    fn file_uris_round_trip() {
        let p = Path::new("/tmp/a folder/é.pmf");
        let uri = path_to_uri(p).expect("an absolute path has a URI");
        assert_eq!(uri.as_str(), "file:///tmp/a%20folder/%C3%A9.pmf");
        assert_eq!(uri_to_path(&uri).as_deref(), Some(p));
        let untitled = Uri::from_str("untitled:Untitled-1").expect("a valid URI");
        assert_eq!(uri_to_path(&untitled), None);
        assert_eq!(uri_key(&untitled), "untitled:Untitled-1");
    }
}
