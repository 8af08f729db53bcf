//! The edge between the editor layer and the protocol: byte offsets to UTF-16 positions and
//! back, file paths to URIs and back, compiler diagnostics to LSP diagnostics, and the answers
//! of `pmf-ide` (plain data with byte ranges) to the protocol's types.
//!
//! The compiler and `pmf-ide` speak byte ranges in the files of a compilation; the protocol
//! speaks lines and UTF-16 code units in documents named by URI. Every conversion happens here
//! and nowhere else.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, DiagnosticRelatedInformation,
    DiagnosticSeverity, DocumentSymbol, Documentation, FoldingRange, FoldingRangeKind,
    InsertTextFormat, Location, MarkupContent, MarkupKind, NumberOrString, Position, Range,
    SymbolKind, TextEdit, Uri,
};
use pmf_ide::completion::{Candidate, CandidateKind};
use pmf_ide::outline::{Fold, Symbol};
use pmf_ide::{Analysis, Kind, Target};
use pmf_syntax::diag::{Diagnostic, Severity};
use pmf_syntax::source::{FileId, SourceText};
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Line starts of one text, to turn byte offsets into LSP positions and back.
#[derive(Clone, Debug)]
pub struct LineIndex<'a> {
    starts: Cow<'a, [usize]>,
    len: usize,
}

impl LineIndex<'static> {
    pub fn new(text: &str) -> LineIndex<'static> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex {
            starts: Cow::Owned(starts),
            len: text.len(),
        }
    }
}

impl<'a> LineIndex<'a> {
    /// The index of a file of a compilation, from the line starts it keeps.
    pub fn of(src: &'a SourceText) -> LineIndex<'a> {
        LineIndex {
            starts: Cow::Borrowed(src.line_starts()),
            len: src.text.len(),
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

/// The key of the document of a file on disk (as [`uri_key`] makes it for its URI).
pub fn path_key(path: &Path) -> Option<String> {
    path_to_uri(path).map(|u| u.as_str().to_string())
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

/// What a file of a compilation looks like to the protocol: its URI, and its text with its
/// line starts.
pub trait FileView {
    fn uri(&self, file: FileId) -> Option<Uri>;
    fn source(&self, file: FileId) -> Option<&SourceText>;

    fn range(&self, file: FileId, span: &std::ops::Range<usize>) -> Range {
        match self.source(file) {
            Some(src) => LineIndex::of(src).range(&src.text, span),
            None => Range::default(),
        }
    }

    fn location(&self, file: FileId, span: &std::ops::Range<usize>) -> Option<Location> {
        Some(Location::new(self.uri(file)?, self.range(file, span)))
    }

    /// The byte offset of a position in a file.
    fn offset(&self, file: FileId, pos: Position) -> Option<usize> {
        let src = self.source(file)?;
        Some(LineIndex::of(src).offset(&src.text, pos))
    }
}

/// A compilation's files are the documents of their keys (`uri_key`).
impl FileView for Analysis {
    fn uri(&self, file: FileId) -> Option<Uri> {
        key_to_uri(self.key(file)?)
    }

    fn source(&self, file: FileId) -> Option<&SourceText> {
        Analysis::source(self, file)
    }
}

/// The protocol's location of an answer of `pmf-ide`.
pub fn location(l: &pmf_ide::Location) -> Option<Location> {
    l.a.location(l.file, &l.span)
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

fn candidate_kind(k: CandidateKind) -> CompletionItemKind {
    match k {
        CandidateKind::Keyword => CompletionItemKind::KEYWORD,
        CandidateKind::Field => CompletionItemKind::PROPERTY,
        CandidateKind::Code | CandidateKind::Name => CompletionItemKind::VALUE,
        CandidateKind::Unit => CompletionItemKind::UNIT,
        CandidateKind::Codelist => CompletionItemKind::ENUM,
        CandidateKind::Entry => CompletionItemKind::ENUM_MEMBER,
        CandidateKind::Instrument => CompletionItemKind::REFERENCE,
        CandidateKind::Population => CompletionItemKind::VARIABLE,
        CandidateKind::Container => CompletionItemKind::MODULE,
        CandidateKind::Function => CompletionItemKind::FUNCTION,
        CandidateKind::DiagnosticCode => CompletionItemKind::CONSTANT,
    }
}

const KINDS: &[Kind] = &[
    Kind::Edition,
    Kind::Instrument,
    Kind::Cohort,
    Kind::Unit,
    Kind::Definition,
    Kind::Source,
    Kind::Population,
    Kind::Codelist,
    Kind::Entry,
    Kind::Missing,
    Kind::Standard,
    Kind::Part,
    Kind::Group,
    Kind::Doc,
    Kind::Code,
    Kind::Indicator,
    Kind::Rule,
    Kind::Erratum,
];

/// What `completionItem/resolve` needs to make an item's card: the document and the target.
fn resolve_data(uri: &str, t: &Target) -> serde_json::Value {
    serde_json::json!({
        "uri": uri,
        "kind": serde_json::to_value(t.kind).unwrap_or_default(),
        "name": t.name,
        "parent": t.parent,
    })
}

/// The document and target stored in an item by [`completion_items`].
pub fn from_resolve_data(data: &serde_json::Value) -> Option<(String, Target)> {
    let kind = KINDS
        .iter()
        .copied()
        .find(|k| serde_json::to_value(k).ok().as_ref() == data.get("kind"))?;
    Some((
        data.get("uri")?.as_str()?.to_string(),
        Target {
            kind,
            name: data.get("name")?.as_str()?.to_string(),
            parent: data
                .get("parent")
                .and_then(|p| p.as_str())
                .map(str::to_string),
        },
    ))
}

/// Protocol items: each replaces the word being typed. Items documented by a card carry what
/// `completionItem/resolve` needs to make it.
pub fn completion_items(
    cands: Vec<Candidate>,
    replace: Range,
    snippets: bool,
    uri: &str,
) -> Vec<CompletionItem> {
    cands
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let (new_text, format) = match (&c.snippet, snippets) {
                (Some(s), true) => (s.clone(), Some(InsertTextFormat::SNIPPET)),
                _ => (c.label.clone(), Some(InsertTextFormat::PLAIN_TEXT)),
            };
            CompletionItem {
                label: c.label.clone(),
                kind: Some(candidate_kind(c.kind)),
                detail: c.detail.clone(),
                documentation: c.doc.map(markdown),
                sort_text: Some(format!("{i:05}")),
                filter_text: Some(c.label.clone()),
                insert_text_format: format,
                data: c.card.as_ref().map(|t| resolve_data(uri, t)),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(replace, new_text))),
                ..CompletionItem::default()
            }
        })
        .collect()
}

/// Markdown documentation.
pub fn markdown(value: String) -> Documentation {
    Documentation::MarkupContent(MarkupContent {
        kind: MarkupKind::Markdown,
        value,
    })
}

pub fn symbol_kind(k: pmf_ide::outline::SymbolKind) -> SymbolKind {
    use pmf_ide::outline::SymbolKind as S;
    match k {
        S::Edition => SymbolKind::PACKAGE,
        S::Doc => SymbolKind::STRING,
        S::Instrument => SymbolKind::OBJECT,
        S::Cohort => SymbolKind::CLASS,
        S::Unit => SymbolKind::STRUCT,
        S::Definition => SymbolKind::KEY,
        S::Source => SymbolKind::INTERFACE,
        S::Population => SymbolKind::VARIABLE,
        S::Codelist => SymbolKind::ENUM,
        S::Entry => SymbolKind::ENUM_MEMBER,
        S::Missing => SymbolKind::NULL,
        S::Standard => SymbolKind::CONSTANT,
        S::Report => SymbolKind::FILE,
        S::Part => SymbolKind::MODULE,
        S::Group => SymbolKind::NAMESPACE,
        S::Metric => SymbolKind::FIELD,
        S::Item => SymbolKind::PROPERTY,
        S::Indicator => SymbolKind::FUNCTION,
        S::Rule => SymbolKind::OPERATOR,
        S::Erratum => SymbolKind::EVENT,
        S::Calendar => SymbolKind::NUMBER,
        S::Record => SymbolKind::ARRAY,
        S::Field => SymbolKind::TYPE_PARAMETER,
        S::Other => SymbolKind::KEY,
    }
}

/// The protocol's outline of a file.
#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be written out.
pub fn document_symbols(syms: Vec<Symbol>, text: &str, lines: &LineIndex) -> Vec<DocumentSymbol> {
    syms.into_iter()
        .map(|s| {
            let children = document_symbols(s.children, text, lines);
            DocumentSymbol {
                name: s.name,
                detail: s.detail,
                kind: symbol_kind(s.kind),
                tags: None,
                deprecated: None,
                range: lines.range(text, &s.span),
                selection_range: lines.range(text, &s.name_span),
                children: (!children.is_empty()).then_some(children),
            }
        })
        .collect()
}

pub fn folding_range(f: Fold) -> FoldingRange {
    FoldingRange {
        start_line: f.start_line,
        start_character: None,
        end_line: f.end_line,
        end_character: None,
        kind: f.comment.then_some(FoldingRangeKind::Comment),
        collapsed_text: None,
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
