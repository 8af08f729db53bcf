//! Reading submissions: tidy CSV, JSON and XLSX, from bytes (the command line reads the files).
//!
//! Invariant: a reader never panics and never gives up on a readable file because of one bad
//! row: what is wrong with a row becomes a `Problem` with its line or cell, and only a file that
//! cannot be read at all (corrupt, not UTF-8, no header, a zip bomb) is a `ReadError`.

pub mod archive;
mod csv;
mod json;
pub mod xlsx;

use super::submission::{Exception, ReadError, Site, Submission};
use crate::ir::Ir;

pub use xlsx::{MAX_UNPACKED, MAX_XLSX_BYTES};

/// An exception read from a file of exceptions (CSV: `authority,period,rule,explanation`),
/// which applies to the submission of the same authority and period in any input.
#[derive(Clone, Debug, PartialEq)]
pub struct LooseException {
    pub authority: String,
    pub period: String,
    pub exception: Exception,
}

/// What one file holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Input {
    pub submissions: Vec<Submission>,
    pub exceptions: Vec<LooseException>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
    Xlsx,
}

impl Format {
    /// By the file's extension, then by its first bytes.
    pub fn detect(name: &str, bytes: &[u8]) -> Result<Format, ReadError> {
        let lower = name.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
        match ext {
            "csv" | "txt" => return Ok(Format::Csv),
            "json" => return Ok(Format::Json),
            "xlsx" | "xlsm" => return Ok(Format::Xlsx),
            "xls" => {
                return Err(ReadError::new(
                    Site::new(name, super::submission::Place::File),
                    words().get("read.xls"),
                )
                .help(words().get("read.xls_help")))
            }
            "ods" => {
                return Err(ReadError::new(
                    Site::new(name, super::submission::Place::File),
                    words().get("read.ods"),
                )
                .help(words().get("read.ods_help")))
            }
            _ => {}
        }
        if bytes.starts_with(b"PK") {
            Ok(Format::Xlsx)
        } else if bytes
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| *b == b'{')
        {
            Ok(Format::Json)
        } else {
            Ok(Format::Csv)
        }
    }
}

/// Reads one file. An authority written by its English or Welsh name, or as a template's label
/// "Cardiff (W06000015)", is read as its ONS code, so reports and rules see one spelling.
pub fn read(name: &str, bytes: &[u8], ir: &Ir) -> Result<Input, ReadError> {
    read_in(name, bytes, ir, crate::ir::Lang::En)
}

/// Reads one file, its messages in `lang`.
pub fn read_in(
    name: &str,
    bytes: &[u8],
    ir: &Ir,
    lang: crate::ir::Lang,
) -> Result<Input, ReadError> {
    let _lang = Speaking::set(lang);
    let mut input = match Format::detect(name, bytes)? {
        Format::Csv => csv::read(name, bytes)?,
        Format::Json => json::read(name, bytes)?,
        Format::Xlsx => xlsx::read(name, bytes, ir)?,
    };
    for s in &mut input.submissions {
        s.authority = canonical_authority(&s.authority);
    }
    for x in &mut input.exceptions {
        x.authority = canonical_authority(&x.authority);
    }
    Ok(input)
}

/// The ONS code of an authority written by its code (any case), its English or Welsh name, or a
/// template's label; anything else unchanged, for the rules to report.
pub fn canonical_authority(text: &str) -> String {
    match crate::ir::authorities::parse(text) {
        Some(a) => a.code.to_string(),
        None => text.to_string(),
    }
}

/// The edition a return says it was made for, if it says: the JSON form's `edition`, or the
/// workbook's document properties, where `pmf template` writes "edition ID". A CSV does not
/// say. Only an id of the checker's safe alphabet is taken; anything else is not an edition.
pub fn declared_edition(name: &str, bytes: &[u8]) -> Option<String> {
    let found = match Format::detect(name, bytes).ok()? {
        Format::Csv => None,
        Format::Json => {
            #[derive(serde::Deserialize)]
            struct Head {
                edition: Option<String>,
            }
            serde_json::from_slice::<Head>(bytes).ok()?.edition
        }
        Format::Xlsx => {
            archive::check(name, bytes).ok()?;
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
            let entry = zip.by_name("docProps/core.xml").ok()?;
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::Read::take(entry, 64 * 1024), &mut text)
                .ok()?;
            let at = EDITION_MARKS
                .iter()
                .find_map(|m| text.find(m).map(|at| at + m.len()))?;
            Some(
                text[at..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || "-_.".contains(*c))
                    .collect(),
            )
        }
    }?;
    let ok = !found.is_empty()
        && found.len() <= 64
        && found
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    ok.then_some(found)
}

thread_local! {
    static LANG: std::cell::Cell<crate::ir::Lang> = const { std::cell::Cell::new(crate::ir::Lang::En) };
}

/// The language the readers word their messages in while a file is read (`read_in`): the
/// readers are many small functions, and the language is the run's, not theirs to pass on.
struct Speaking(crate::ir::Lang);

impl Speaking {
    fn set(lang: crate::ir::Lang) -> Speaking {
        Speaking(LANG.with(|l| l.replace(lang)))
    }
}

impl Drop for Speaking {
    fn drop(&mut self) {
        LANG.with(|l| l.set(self.0));
    }
}

/// The messages table in the language of the file being read.
pub(crate) fn words() -> pmf_words::Table {
    pmf_words::Table::messages(LANG.with(|l| l.get()))
}

/// What `pmf template` writes in a workbook's description before the edition's id, in English
/// and in Welsh ("o'r fanyleb, argraffiad"; from after the apostrophe, which the file may
/// escape).
pub const EDITION_MARKS: [&str; 2] = ["from the spec, edition ", "fanyleb, argraffiad "];

/// Whether a text looks like a code of a data item (`AD/004c`, `CDF/001`), so that a reader can
/// tell a mistyped code from a heading.
pub fn looks_like_code(s: &str) -> bool {
    let Some((prefix, rest)) = s.split_once('/') else {
        return false;
    };
    let digits = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
    (2..=4).contains(&prefix.len())
        && prefix.bytes().all(|b| b.is_ascii_alphabetic())
        && (2..=4).contains(&digits)
        && rest[digits..].bytes().all(|b| b.is_ascii_alphabetic())
        && rest.len() - digits <= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_headings() {
        assert!(looks_like_code("AD/004c"));
        assert!(looks_like_code("WF/011x"));
        assert!(looks_like_code("ad/001"));
        assert!(looks_like_code("CDF/001"));
        assert!(!looks_like_code("PI/AD/01"));
        assert!(!looks_like_code("Of those:"));
        assert!(!looks_like_code("1 Information"));
    }

    #[test]
    fn formats_by_extension_and_content() {
        assert_eq!(Format::detect("a.CSV", b""), Ok(Format::Csv));
        assert_eq!(Format::detect("a", b"PK\x03\x04"), Ok(Format::Xlsx));
        assert_eq!(Format::detect("a", b"  {\"x\":1}"), Ok(Format::Json));
        assert!(Format::detect("a.xls", b"").is_err());
    }
}
