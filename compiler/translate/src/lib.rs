//! The translators' round trip (`pmf translate`): the texts of a spec that need Welsh (missing,
//! stale, or not yet reviewed) exported as a gettext PO file or as XLIFF 2.0, with their ids
//! and context, and a translated file imported back into the `.pmf` sources, each Welsh text
//! with the hash of the English it translates and its state (`of("3fa9c2d1", reviewed)`).
//!
//! The texts and their ids are `pmf_check::catalogue`'s, the list `pmf check --welsh` checks.
//! A file carries the spec's fingerprint ([`fingerprint`]): an import refuses a file made from
//! another version of the spec. This crate touches no file: it turns texts into texts, and the
//! command line writes them (all or nothing).

pub mod import;
pub mod po;
pub mod xliff;

use pmf_check::catalogue::translatable;
use pmf_check::model::{english_hash, Declarations, WelshState};
use pmf_syntax::source::Sources;

/// Why a text needs Welsh.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// No Welsh at all.
    Missing,
    /// Welsh made for other English than the text has now.
    Stale,
    /// Welsh written by hand, recording no English: it may be right, but nobody has said so.
    Unverified,
    /// Welsh in the state `draft` or `translated`.
    NotReviewed(WelshState),
}

impl Need {
    /// How a translator's note words it.
    pub fn describe(self) -> &'static str {
        match self {
            Need::Missing => "no Welsh yet",
            Need::Stale => "the English has changed since the Welsh was made",
            Need::Unverified => "Welsh written by hand, not yet reviewed",
            Need::NotReviewed(WelshState::Draft) => "Welsh in draft",
            Need::NotReviewed(_) => "Welsh translated, not yet reviewed",
        }
    }

    /// Whether the current Welsh (if any) is only a starting point (fuzzy in PO, not final in
    /// XLIFF).
    pub fn fuzzy(self) -> bool {
        !matches!(self, Need::Missing)
    }
}

/// One text that needs Welsh, with its context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The stable id (`AD/001#wording`).
    pub id: String,
    /// The field (`wording`, `note` ...).
    pub kind: String,
    /// The code or declaration it belongs to.
    pub owner: String,
    pub en: String,
    pub cy: Option<String>,
    pub need: Need,
    /// `file:line` of the English in the spec.
    pub place: String,
    /// The termbase's terms its English uses, as translators' notes
    /// (`pmf_check::terms::describe`).
    pub terms: Vec<String>,
    /// For stale Welsh, the English it was made for, when the Welsh memory has it (a PO's
    /// `#| msgid`, an XLIFF note).
    pub previous: Option<String>,
}

/// The fingerprint of a spec's version as far as translation goes: the edition's id, then the
/// first 16 hexadecimal digits of the SHA-256 of every translatable text's id and English hash
/// (in catalogue order). Any change of an English text, or a text added or removed, changes it;
/// Welsh changes do not.
pub fn fingerprint(decls: &Declarations) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for t in translatable(decls) {
        h.update(t.id.as_bytes());
        h.update([0]);
        h.update(english_hash(&t.text.en.value).as_bytes());
        h.update([b'\n']);
    }
    let hex: String = h
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{} {hex}", edition_id(decls))
}

/// The id of the spec's edition (or extension), for headers.
pub fn edition_id(decls: &Declarations) -> String {
    decls
        .editions
        .first()
        .map(|e| e.id.clone())
        .or_else(|| decls.extensions.first().map(|e| e.id.clone()))
        .unwrap_or_else(|| "spec".into())
}

/// Every text that needs Welsh, in catalogue order.
pub fn needing(sources: &Sources, decls: &Declarations) -> Vec<Entry> {
    let mut out = Vec::new();
    for t in translatable(decls) {
        let text = t.text;
        let need = match (text.cy(), text.cy_of()) {
            (None, _) => Need::Missing,
            (Some(_), None) => Need::Unverified,
            (Some(_), Some(of)) if of.hash != english_hash(&text.en.value) => Need::Stale,
            (Some(_), Some(of)) if of.state != WelshState::Reviewed => Need::NotReviewed(of.state),
            (Some(_), Some(_)) => continue,
        };
        let src = sources.get(text.loc.file);
        let (line, _) = src.line_col(text.loc.span.start);
        out.push(Entry {
            id: t.id,
            kind: t.kind.to_string(),
            owner: t.owner,
            en: text.en.value.clone(),
            cy: text.cy().map(|c| c.value.clone()),
            need,
            place: format!("{}:{line}", src.path),
            terms: pmf_check::terms::used_in(&decls.terms, &text.en.value)
                .into_iter()
                .map(pmf_check::terms::describe)
                .collect(),
            previous: match (need, text.cy_of()) {
                (Need::Stale, Some(of)) => decls.remembered(&of.hash).map(str::to_string),
                _ => None,
            },
        });
    }
    out
}

/// A translated file read back: its header's fingerprint and its entries.
#[derive(Clone, Debug, Default)]
pub struct Translated {
    pub fingerprint: Option<String>,
    /// The line of the header, for messages.
    pub header_line: usize,
    pub units: Vec<Unit>,
}

/// One translated entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub id: String,
    /// The English the translator saw.
    pub en: String,
    /// The Welsh; empty when not translated.
    pub cy: String,
    /// Not fuzzy (PO) or `final` (XLIFF): the translator's work is done.
    pub done: bool,
    /// Whether done means reviewed without a `--reviewed` flag (XLIFF's `final` does).
    pub final_state: bool,
    /// The line of the entry in the file.
    pub line: usize,
}

/// A problem with a file or one of its entries, with the line it is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

impl Problem {
    pub fn new(line: usize, message: impl Into<String>) -> Problem {
        Problem {
            line,
            message: message.into(),
        }
    }
}
