//! What a file given as a workbook is, and whether it is safe to open, decided before calamine
//! unpacks anything: an encrypted workbook or an old `.xls` (both OLE compound files), text
//! under an `.xlsx` name, and a zip archive whose directory claims more than a submission ever
//! holds (a "zip bomb", or a shared string table claiming billions of entries, which calamine
//! would reserve memory for before reading a single one) are each refused with what they are
//! and what to do.
//!
//! Invariant: every figure a workbook states about itself that decides an allocation is
//! checked here against a bound; the zip reader refuses to unpack an entry beyond the size its
//! directory claims, so the claimed sizes are upper bounds of what is read.

use crate::submission::{Place, ReadError, Site};
use std::io::{Cursor, Read};

/// The largest workbook read. A filled template is well under a megabyte.
pub const MAX_XLSX_BYTES: usize = 50 * 1024 * 1024;
/// The most a workbook may unpack to, all parts together (the template unpacks to about 2 MB).
pub const MAX_UNPACKED: u64 = 100 * 1024 * 1024;
/// The largest shared string table read, unpacked (the template's is about 200 KB). calamine
/// keeps every entry in memory, each costing at least 24 bytes for as little as 5 bytes of XML.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 16 * 1024 * 1024;
/// The most entries a shared string table may claim (`uniqueCount`; the template has about
/// 4,000). calamine reserves room for the claimed number before reading.
pub const MAX_SHARED_STRINGS: u64 = 1_000_000;

/// The signature of an OLE compound file: an encrypted workbook, an old `.xls`, a `.doc`.
const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn resave() -> String {
    super::words().get("zip.resave")
}

/// Checks that `bytes` are a zip archive that may be unpacked, or says what they are.
pub fn check(name: &str, bytes: &[u8]) -> Result<(), ReadError> {
    let file = Site::new(name, Place::File);
    if bytes.len() > MAX_XLSX_BYTES {
        return Err(ReadError::new(
            file,
            super::words().fill(
                "zip.too_large",
                &[("mb", &(bytes.len() / (1024 * 1024)).to_string())],
            ),
        )
        .help(super::words().get("zip.too_large_help")));
    }
    if let Some(what) = not_a_zip(bytes) {
        return Err(what.at(file));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        ReadError::new(
            file.clone(),
            super::words().fill("zip.not_xlsx", &[("error", &e.to_string())]),
        )
        .help(resave())
    })?;
    let mut total: u64 = 0;
    let mut tables = Vec::new();
    let mut sheets = Vec::new();
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| {
            ReadError::new(
                file.clone(),
                super::words().fill("zip.damaged", &[("error", &e.to_string())]),
            )
            .help(resave())
        })?;
        total = total.saturating_add(entry.size());
        // A name that is not text is no part calamine looks for.
        let part = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        if part
            .replace('\\', "/")
            .to_ascii_lowercase()
            .ends_with("sharedstrings.xml")
        {
            tables.push((i, part, entry.size()));
        } else if part.to_ascii_lowercase().contains("worksheets/") {
            sheets.push((i, part));
        }
    }
    if total > MAX_UNPACKED {
        return Err(ReadError::new(
            file,
            super::words().fill("zip.bomb", &[("mb", &(total / (1024 * 1024)).to_string())]),
        ));
    }
    for (i, part, size) in tables {
        if size > MAX_SHARED_STRINGS_BYTES {
            return Err(ReadError::new(
                file,
                super::words().fill(
                    "zip.texts_table",
                    &[("part", &part), ("mb", &(size / (1024 * 1024)).to_string())],
                ),
            )
            .help(super::words().get("zip.texts_table_help")));
        }
        let Ok(entry) = zip.by_index(i) else {
            continue; // calamine reports the damage with the sheet it belongs to
        };
        // The count is an attribute of the first element: the first few kilobytes hold it.
        let mut head = Vec::new();
        if entry.take(64 * 1024).read_to_end(&mut head).is_err() {
            continue;
        }
        if let Some(n) = unique_count(&head) {
            if n > MAX_SHARED_STRINGS {
                return Err(ReadError::new(
                    file,
                    super::words().fill(
                        "zip.unique_count",
                        &[("n", &show_count(n)), ("part", &part)],
                    ),
                )
                .help(resave()));
            }
        }
    }
    // A range that runs backwards (`C6:C4`) in a sheet's `ref` attributes (its dimension, a
    // shared formula's cells, a merged cell) is never written by a spreadsheet program, and the
    // XLSX library subtracts its ends unchecked: found here, it is the workbook's damage.
    for (i, part) in sheets {
        let Ok(entry) = zip.by_index(i) else {
            continue; // calamine reports the damage with the sheet it belongs to
        };
        let mut xml = Vec::new();
        if entry.take(MAX_UNPACKED).read_to_end(&mut xml).is_err() {
            continue;
        }
        if let Some(range) = backwards_range(&xml) {
            return Err(ReadError::new(
                file,
                super::words().fill(
                    "zip.backwards",
                    &[("part", &part), ("range", &crate::report::safe(&range))],
                ),
            )
            .help(resave()));
        }
    }
    Ok(())
}

/// The first cell address or range of a sheet's XML that no spreadsheet program writes, and
/// which the XLSX library would compute with unchecked arithmetic: a column of more than three
/// letters or a row of more than seven digits in an `r` (a cell or a row) or `ref` attribute (a
/// dimension, a shared formula's cells, a merged cell), or a range that runs backwards.
fn backwards_range(xml: &[u8]) -> Option<String> {
    for (name, value) in attributes(xml, b"r=\"").chain(attributes(xml, b"ref=\"")) {
        let sides: Vec<&str> = value.split(':').collect();
        if sides.iter().any(|a| !plausible(a)) {
            return Some(format!("{name}{value}\""));
        }
        if let [a, b] = sides.as_slice() {
            if let (Some(a), Some(b)) = (cell(a), cell(b)) {
                if b.0 < a.0 || b.1 < a.1 {
                    return Some(format!("{name}{value}\""));
                }
            }
        }
    }
    None
}

/// The values of an attribute (`r="`, `ref="`) wherever it follows white space, cut at 64 bytes.
fn attributes<'x>(
    xml: &'x [u8],
    name: &'static [u8],
) -> impl Iterator<Item = (&'static str, String)> + 'x {
    let shown = std::str::from_utf8(name).unwrap_or_default();
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let at = from + memchr::memmem::find(xml.get(from..)?, name)?;
        let start = at + name.len();
        let rest = xml.get(start..).unwrap_or_default();
        let len = memchr::memchr(b'"', rest).unwrap_or(rest.len()).min(64);
        from = start + len;
        if at > 0 && xml.get(at - 1).is_some_and(u8::is_ascii_whitespace) {
            return Some((shown, String::from_utf8_lossy(&rest[..len]).into_owned()));
        }
    })
}

/// Whether an address (`$C$6`, `C`, `6`) has at most three letters and seven digits.
fn plausible(s: &str) -> bool {
    let s = s.replace('$', "");
    let letters = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    let digits = s
        .bytes()
        .skip(letters)
        .take_while(u8::is_ascii_digit)
        .count();
    letters <= 3 && digits <= 7
}

/// A cell address (`$C$6`) as (row, column), 1-based; `None` when it is not one.
fn cell(s: &str) -> Option<(u64, u64)> {
    let s = s.replace('$', "").to_ascii_uppercase();
    let letters = s.bytes().take_while(u8::is_ascii_uppercase).count();
    let (col, row) = s.split_at(letters);
    if letters == 0 || letters > 3 || row.is_empty() || !row.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let col = col
        .bytes()
        .fold(0u64, |n, b| n * 26 + u64::from(b - b'A' + 1));
    Some((row.parse().ok()?, col))
}

/// What a file that is not a zip archive is, when it is not one.
struct NotZip {
    message: String,
    help: String,
}

impl NotZip {
    fn at(self, site: Site) -> ReadError {
        ReadError::new(site, self.message).help(self.help)
    }
}

fn not_a_zip(bytes: &[u8]) -> Option<NotZip> {
    let w = super::words();
    if bytes.starts_with(&CFB_MAGIC) {
        // An OLE compound file names its streams in UTF-16.
        let has = |name: &str| {
            let utf16: Vec<u8> = name.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
            memchr::memmem::find(bytes, &utf16).is_some()
        };
        return Some(if has("EncryptedPackage") || has("EncryptionInfo") {
            NotZip {
                message: w.get("xlsx.encrypted"),
                help: w.get("zip.encrypted_help"),
            }
        } else if has("Workbook") || has("Book") {
            NotZip {
                message: w.get("zip.old_xls"),
                help: w.get("zip.save_xlsx"),
            }
        } else {
            NotZip {
                message: w.get("zip.ole"),
                help: w.get("zip.save_xlsx"),
            }
        });
    }
    if bytes.starts_with(b"PK") || bytes.is_empty() {
        return None;
    }
    let head = &bytes[..bytes.len().min(4096)];
    if head.starts_with(b"%PDF") {
        return Some(NotZip {
            message: w.get("zip.pdf"),
            help: w.get("zip.pdf_help"),
        });
    }
    let text = std::str::from_utf8(head).is_ok_and(|t| {
        !t.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    });
    if text {
        return Some(NotZip {
            message: w.get("zip.text"),
            help: w.get("zip.text_help"),
        });
    }
    None
}

/// The `uniqueCount` of a shared string table, from the start of its XML; `u64::MAX` when it is
/// too long to be a number of entries.
fn unique_count(head: &[u8]) -> Option<u64> {
    let sst =
        memchr::memmem::find(head, b"<sst").or_else(|| memchr::memmem::find(head, b":sst"))?;
    let rest = &head[sst..];
    let end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
    let tag = &rest[..end];
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&tag[from..], b"uniqueCount") {
        let i = from + at;
        from = i + 11;
        // An attribute name stands after white space.
        if i == 0 || !tag[i - 1].is_ascii_whitespace() {
            continue;
        }
        let after = &tag[from..];
        let eq = after.iter().position(|b| !b.is_ascii_whitespace())?;
        if after.get(eq) != Some(&b'=') {
            continue;
        }
        let after = &after[eq + 1..];
        let q = after.iter().position(|b| !b.is_ascii_whitespace())?;
        let quote = *after.get(q)?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let value = &after[q + 1..];
        let close = memchr::memchr(quote, value).unwrap_or(value.len());
        let digits = value[..close].trim_ascii();
        if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        if digits.len() > 19 {
            return Some(u64::MAX);
        }
        return std::str::from_utf8(digits).ok()?.parse().ok();
    }
    None
}

/// A large count with thousands separators: 18446744073709551615 → 18,446,744,073,709,551,615.
pub(crate) fn show_count(n: u64) -> String {
    let digits = n.to_string().into_bytes();
    let groups: Vec<&str> = digits
        .rchunks(3)
        .rev()
        .map(|g| std::str::from_utf8(g).unwrap_or_default())
        .collect();
    groups.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_that_runs_backwards_is_found() {
        let xml = br#"<worksheet><dimension ref="A1:D4"/><sheetData><row r="6"><c r="C6"><f t="shared" si="0" ref="C6:C4">A1</f></c></row></sheetData><dataValidation sqref="B2:A1"/></worksheet>"#;
        assert_eq!(backwards_range(xml).as_deref(), Some("ref=\"C6:C4\""));
        let fine = br#"<worksheet><dimension ref="A1:D4"/><mergeCell ref="$A$1:$AB$10"/><x ref="A1"/></worksheet>"#;
        assert_eq!(backwards_range(fine), None);
        assert_eq!(
            backwards_range(br#"<dimension ref="AB2:Z2"/>"#).as_deref(),
            Some("ref=\"AB2:Z2\"")
        );
        // A column of nine letters, or a row of ten digits, overflowed calamine's arithmetic.
        let long = br#"<row r="1"><c r="adsheetml/2006/main" t="s"/></row>"#;
        assert_eq!(
            backwards_range(long).as_deref(),
            Some("r=\"adsheetml/2006/main\"")
        );
        assert!(backwards_range(br#"<row r="4294967296">"#).is_some());
        assert!(backwards_range(br#"<row r="1048576"><c r="XFD1048576"/></row>"#).is_none());
        assert!(backwards_range(b"<c\tr=\"ABCD1\"/>").is_some());

        assert_eq!(cell("XFD1048576"), Some((1_048_576, 16_384)));
    }

    #[test]
    fn the_claimed_count_is_found() {
        assert_eq!(
            unique_count(br#"<?xml version="1.0"?><sst xmlns="x" count="7" uniqueCount="4"><si>"#),
            Some(4)
        );
        assert_eq!(
            unique_count(br#"<x:sst uniqueCount = '18446744073709551615'>"#),
            Some(u64::MAX)
        );
        assert_eq!(
            unique_count(br#"<sst uniqueCount="99999999999999999999999">"#),
            Some(u64::MAX)
        );
        assert_eq!(unique_count(br#"<sst count="3">"#), None);
        assert_eq!(unique_count(br#"<sst xuniqueCount="3">"#), None);
        assert_eq!(show_count(1234567), "1,234,567");
        assert_eq!(show_count(12), "12");
    }

    #[test]
    fn ole_files_say_what_they_are() {
        let mut enc = CFB_MAGIC.to_vec();
        enc.extend(
            "EncryptedPackage"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes()),
        );
        assert!(not_a_zip(&enc).is_some_and(|n| n.message.contains("encrypted")));
        let mut xls = CFB_MAGIC.to_vec();
        xls.extend("Workbook".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert!(not_a_zip(&xls).is_some_and(|n| n.message.contains(".xls")));
        assert!(not_a_zip(b"authority,period\n").is_some_and(|n| n.message.contains("text")));
        assert!(not_a_zip(b"PK\x03\x04").is_none());
    }
}
