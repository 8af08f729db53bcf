//! Rendering diagnostics: as text through codespan-reporting, or as JSON.

use super::{count, Diagnostic, Severity};
use crate::source::{FileId, Sources};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term;
use serde_json::{json, Value};
use std::ops::Range;

impl<'a> Files<'a> for Sources {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.check(id)?;
        Ok(&self.get(id).path)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.check(id)?;
        Ok(&self.get(id).text)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        self.check(id)?;
        let starts = self.get(id).line_starts();
        Ok(match starts.binary_search(&byte_index) {
            Ok(n) => n,
            Err(n) => n - 1,
        })
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        self.check(id)?;
        let f = self.get(id);
        let starts = f.line_starts();
        let start = *starts.get(line_index).ok_or(FilesError::LineTooLarge {
            given: line_index,
            max: starts.len() - 1,
        })?;
        let end = starts.get(line_index + 1).copied().unwrap_or(f.text.len());
        Ok(start..end)
    }
}

impl Sources {
    fn check(&self, id: FileId) -> Result<(), FilesError> {
        if (id.0 as usize) < self.len() {
            Ok(())
        } else {
            Err(FilesError::FileMissing)
        }
    }
}

fn to_codespan(d: &Diagnostic, sources: &Sources) -> cs::Diagnostic<FileId> {
    let severity = match d.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Note => cs::Severity::Note,
    };
    let clamp = |file: FileId, span: &Range<usize>| {
        let len = sources.get(file).text.len();
        let start = span.start.min(len);
        start..span.end.clamp(start, len)
    };
    let mut labels =
        vec![
            cs::Label::primary(d.primary.file, clamp(d.primary.file, &d.primary.span))
                .with_message(d.primary.message.clone()),
        ];
    for l in &d.secondary {
        labels.push(
            cs::Label::secondary(l.file, clamp(l.file, &l.span)).with_message(l.message.clone()),
        );
    }
    let mut notes = d
        .notes
        .iter()
        .map(|n| format!("note: {n}"))
        .collect::<Vec<_>>();
    if let Some(h) = &d.help {
        notes.push(format!("help: {h}"));
    }
    if let Some(reason) = &d.allowed {
        notes.push(format!("allowed: {reason}"));
    }
    cs::Diagnostic::new(severity)
        .with_code(d.code.as_str())
        .with_message(d.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}

/// Renders diagnostics as text, the way `pmf check` prints them.
pub fn render_text(diags: &[Diagnostic], sources: &Sources) -> String {
    let config = term::Config {
        chars: term::Chars::ascii(),
        ..term::Config::default()
    };
    let mut out = String::new();
    for d in diags {
        let cs = to_codespan(d, sources);
        // The sources hold every file a diagnostic can name, so rendering cannot fail; should it,
        // the message is still printed rather than lost.
        if term::emit_to_string(&mut out, &config, sources, &cs).is_err() {
            out.push_str(&format!(
                "{}[{}]: {}\n",
                d.severity.as_str(),
                d.code.as_str(),
                d.message
            ));
        }
    }
    out
}

/// `2 errors, 1 warning (3 allowed)`, or `no problems`.
pub fn summary_line(diags: &[Diagnostic]) -> String {
    let c = count(diags);
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut parts = Vec::new();
    if c.errors > 0 {
        parts.push(plural(c.errors, "error"));
    }
    if c.warnings > 0 {
        parts.push(plural(c.warnings, "warning"));
    }
    if c.notes > 0 {
        parts.push(plural(c.notes, "note"));
    }
    let mut s = if parts.is_empty() {
        "no errors or warnings".to_string()
    } else {
        parts.join(", ")
    };
    if c.allowed > 0 {
        s.push_str(&format!(
            " ({} allowed with a reason)",
            plural(c.allowed, "warning")
        ));
    }
    s
}

/// One diagnostic as JSON, with 1-based line and column for every label.
pub fn to_json_value(d: &Diagnostic, sources: &Sources) -> Value {
    let label = |l: &super::Label| {
        let f = sources.get(l.file);
        let (line, column) = f.line_col(l.span.start);
        let (end_line, end_column) = f.line_col(l.span.end);
        json!({
            "file": f.path,
            "start": l.span.start,
            "end": l.span.end,
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "message": l.message,
        })
    };
    json!({
        "code": d.code.as_str(),
        "name": d.code.info().name,
        "severity": d.severity.as_str(),
        "message": d.message,
        "primary": label(&d.primary),
        "secondary": d.secondary.iter().map(label).collect::<Vec<_>>(),
        "notes": d.notes,
        "help": d.help,
        "allowed": d.allowed,
    })
}

/// All diagnostics as a JSON document: `{"diagnostics": [...], "summary": {...}}`.
pub fn render_json(diags: &[Diagnostic], sources: &Sources) -> String {
    let c = count(diags);
    let v = json!({
        "diagnostics": diags.iter().map(|d| to_json_value(d, sources)).collect::<Vec<_>>(),
        "summary": c,
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}
