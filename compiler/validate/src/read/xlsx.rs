//! Filled XLSX templates (from Excel or LibreOffice), read with calamine.
//!
//! The reader finds values by content, not by position: on every sheet, a header row with
//! `Code` and `Value` starts a table whose rows are data items (or population figures), and a
//! header row with `Rule` and `Explanation` starts the exceptions. So a renamed sheet, a moved
//! column or a deleted row still reads, and a deleted row shows up as a value with no row.
//! The cover's cells are found by the workbook's defined names (`Authority`, `Period`, ...),
//! which Excel and LibreOffice keep up to date, or else by their labels.
//!
//! A workbook is a zip archive: before anything is unpacked, the archive's directory is checked
//! so that a file claiming gigabytes ("zip bomb") is refused; the zip reader itself refuses to
//! unpack an entry beyond the size it claims.

use super::{looks_like_code, Input};
use crate::ir::Ir;
use crate::submission::{Contact, Entry, Exception, Place, Raw, ReadError, Site, Submission};
use crate::values::{show, trim};
use calamine::{Data, Range, Reader, Xlsx};
pub use pmf_return::workbook::{
    a1, part_sheet_name, H_CODE, H_COMMENT, H_EXPLANATION, H_RULE, H_STATUS, H_VALUE, L_AUTHORITY,
    L_PERIOD, N_AUTHORITY, N_CONTACT, N_PERIOD,
};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;

/// The largest workbook read. A filled template is well under a megabyte.
pub const MAX_XLSX_BYTES: usize = 50 * 1024 * 1024;
/// The most a workbook may unpack to.
pub const MAX_UNPACKED: u64 = 500 * 1024 * 1024;

fn site(file: &str, sheet: &str, row: u32, col: u32) -> Site {
    Site::new(
        file,
        Place::Cell {
            sheet: sheet.to_string(),
            cell: a1(row, col),
        },
    )
}

/// `$C$5` → `(4, 2)`.
fn parse_a1(s: &str) -> Option<(u32, u32)> {
    let s = s.replace('$', "");
    let split = s.find(|c: char| c.is_ascii_digit())?;
    let (l, d) = s.split_at(split);
    if l.is_empty() || !l.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let col = l.bytes().fold(0u32, |a, b| {
        a * 26 + (b.to_ascii_uppercase() - b'A' + 1) as u32
    });
    let row: u32 = d.parse().ok()?;
    Some((row.checked_sub(1)?, col.checked_sub(1)?))
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => trim(s).to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => show(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Data::DateTime(d) => show(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("{e}"),
    }
}

fn cell_raw(d: &Data) -> Raw {
    match d {
        Data::Empty => Raw::Blank,
        Data::Int(i) => Raw::Number(*i as f64),
        Data::Float(f) => Raw::Number(*f),
        Data::DateTime(d) => Raw::Number(d.as_f64()),
        Data::String(s) if trim(s).is_empty() => Raw::Blank,
        other => Raw::Text(cell_text(other)),
    }
}

fn check_archive(name: &str, bytes: &[u8]) -> Result<(), ReadError> {
    let file = Site::new(name, Place::File);
    if bytes.len() > MAX_XLSX_BYTES {
        return Err(ReadError::new(
            file,
            format!(
                "the workbook is {} MB, too large to be a submission",
                bytes.len() / (1024 * 1024)
            ),
        )
        .help("a filled template is well under 1 MB; start again from `pmf template`"));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        ReadError::new(
            file.clone(),
            format!("this is not an XLSX workbook, or it is damaged or cut short ({e})"),
        )
        .help("open it in Excel or LibreOffice and save it again as .xlsx")
    })?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| {
            ReadError::new(file.clone(), format!("the workbook is damaged ({e})"))
                .help("open it in Excel or LibreOffice and save it again as .xlsx")
        })?;
        total = total.saturating_add(entry.size());
    }
    if total > MAX_UNPACKED {
        return Err(ReadError::new(
            file,
            format!(
                "the workbook claims to unpack to {} MB, which no submission does (a zip bomb?); it was not opened",
                total / (1024 * 1024)
            ),
        ));
    }
    Ok(())
}

pub fn read(name: &str, bytes: &[u8], ir: &Ir) -> Result<Input, ReadError> {
    check_archive(name, bytes)?;
    let file = Site::new(name, Place::File);
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        ReadError::new(file.clone(), format!("this workbook cannot be read ({e})"))
            .help("open it in Excel or LibreOffice and save it again as .xlsx")
    })?;
    let sheet_names = wb.sheet_names();
    let defined: Vec<(String, String)> = wb.defined_names().to_vec();
    let mut sheets: Vec<(String, Range<Data>, Option<Range<String>>)> = Vec::new();
    for s in &sheet_names {
        let range = wb.worksheet_range(s).map_err(|e| {
            ReadError::new(
                Site::new(name, Place::Sheet { sheet: s.clone() }),
                format!("this sheet cannot be read ({e})"),
            )
            .help("open the workbook in Excel or LibreOffice and save it again as .xlsx")
        })?;
        let formulas = wb.worksheet_formula(s).ok();
        sheets.push((s.clone(), range, formulas));
    }
    let mut sub = Submission::new(name);
    let data_codes: BTreeSet<&str> = ir.data_items.iter().map(|d| d.code.as_str()).collect();
    let metric_codes: BTreeSet<&str> = ir.metrics.iter().map(|m| m.code.as_str()).collect();
    let populations: BTreeSet<&str> = ir.populations.iter().map(|p| p.id.as_str()).collect();

    // The cover: by defined name, else by label.
    let lookup = |n: &str| -> Option<(String, u32, u32, String)> {
        let (_, formula) = defined.iter().find(|(k, _)| k == n)?;
        let (sheet, cell) = formula.trim_start_matches('=').rsplit_once('!')?;
        let sheet = sheet.trim_matches('\'').replace("''", "'");
        let (r, c) = parse_a1(cell)?;
        let (_, range, _) = sheets.iter().find(|(s, _, _)| *s == sheet)?;
        let text = range.get_value((r, c)).map(cell_text).unwrap_or_default();
        Some((sheet, r, c, text))
    };
    let by_label = |label: &str| -> Option<(String, u32, u32, String)> {
        for (s, range, _) in &sheets {
            for (r, c, d) in range.used_cells() {
                if matches!(d, Data::String(t) if trim(t).eq_ignore_ascii_case(label)) {
                    let (r0, c0) = range.start().unwrap_or((0, 0));
                    let (r, c) = (r0 + r as u32, c0 + c as u32 + 1);
                    let text = range.get_value((r, c)).map(cell_text).unwrap_or_default();
                    return Some((s.clone(), r, c, text));
                }
            }
        }
        None
    };
    match lookup(N_AUTHORITY).or_else(|| by_label(L_AUTHORITY)) {
        Some((s, r, c, text)) => {
            sub.authority_site = site(name, &s, r, c);
            sub.authority = match crate::authorities::parse(&text) {
                Some(a) => a.code.to_string(),
                None => text,
            };
        }
        None => sub.problem(
            "input.layout",
            false,
            "the workbook has no cell for the local authority (is the Cover sheet deleted?)".into(),
            file.clone(),
        ),
    }
    if let Some((s, r, c, text)) = lookup(N_PERIOD).or_else(|| by_label(L_PERIOD)) {
        sub.period_site = site(name, &s, r, c);
        sub.period = text;
    }
    let contact: Vec<Option<String>> = N_CONTACT
        .iter()
        .map(|n| lookup(n).map(|x| x.3).filter(|t| !t.is_empty()))
        .collect();
    sub.contact = Contact {
        name: contact[0].clone(),
        role: contact[1].clone(),
        email: contact[2].clone(),
        phone: contact[3].clone(),
    };

    // The tables.
    let mut seen_parts: BTreeSet<String> = BTreeSet::new();
    for (sheet, range, formulas) in &sheets {
        let Some((r0, c0)) = range.start() else {
            continue;
        };
        let Some((r1, c1)) = range.end() else {
            continue;
        };
        let header_of = |r: u32| -> BTreeMap<String, u32> {
            (c0..=c1)
                .filter_map(|c| match range.get_value((r, c)) {
                    Some(Data::String(t)) if !trim(t).is_empty() => Some((trim(t).to_string(), c)),
                    _ => None,
                })
                .collect()
        };
        let mut table: Option<Table> = None;
        for r in r0..=r1 {
            let h = header_of(r);
            let find = |label: &str| {
                h.iter()
                    .find(|(k, _)| {
                        k.eq_ignore_ascii_case(label)
                            || k.to_ascii_lowercase()
                                .starts_with(&label.to_ascii_lowercase())
                    })
                    .map(|(_, c)| *c)
            };
            if let (Some(code), Some(value)) = (find(H_CODE), find(H_VALUE)) {
                table = Some(Table::Data {
                    code,
                    value,
                    status: find("Status"),
                    comment: find(H_COMMENT),
                });
                continue;
            }
            if let (Some(rule), Some(expl)) = (find(H_RULE), find(H_EXPLANATION)) {
                table = Some(Table::Exceptions { rule, expl });
                continue;
            }
            let text = |c: u32| range.get_value((r, c)).map(cell_text).unwrap_or_default();
            match &table {
                None => {}
                Some(Table::Exceptions { rule, expl }) => {
                    let id = text(*rule);
                    if id.is_empty() {
                        continue;
                    }
                    sub.exceptions.push(Exception {
                        rule: id,
                        explanation: text(*expl),
                        site: site(name, sheet, r, *expl),
                    });
                }
                Some(Table::Data {
                    code,
                    value,
                    status,
                    comment,
                }) => {
                    let c = text(*code);
                    if c.is_empty() {
                        continue;
                    }
                    let raw = range
                        .get_value((r, *value))
                        .map(cell_raw)
                        .unwrap_or(Raw::Blank);
                    let known = data_codes.contains(c.as_str()) || populations.contains(c.as_str());
                    if !known {
                        if metric_codes.contains(c.as_str()) {
                            // A lead-in row: the metric is reported through its items.
                            if raw != Raw::Blank {
                                sub.problem(
                                    "input.lead_in",
                                    true,
                                    format!("{c} is reported through its items, so this figure is not read"),
                                    site(name, sheet, r, *value),
                                );
                            }
                            continue;
                        }
                        if !looks_like_code(&c) {
                            continue;
                        }
                    }
                    if let Some(d) = ir.data_item(&c) {
                        if let Some(p) = &d.part {
                            seen_parts.insert(p.clone());
                        }
                    }
                    if let Some(f) = formulas
                        .as_ref()
                        .and_then(|f| f.get_value((r, *value)))
                        .filter(|f| !f.is_empty())
                    {
                        sub.problem(
                            "input.formula",
                            true,
                            format!(
                                "the value of {c} is a formula ({}), not a figure typed in; its result {} is used",
                                crate::engine::quoted(&format!("={f}")),
                                crate::engine::quoted(&raw.to_text())
                            ),
                            site(name, sheet, r, *value),
                        );
                    }
                    let opt = |col: Option<u32>| col.map(text).filter(|t| !t.is_empty());
                    sub.entries.push(Entry {
                        code: c,
                        raw,
                        status: opt(*status),
                        comment: opt(*comment),
                        site: site(name, sheet, r, *value),
                    });
                }
            }
        }
    }
    // Where a part's rows would be; a part with no row at all lost its sheet.
    for part in &ir.parts {
        let n = ir
            .data_items
            .iter()
            .filter(|d| d.part.as_deref() == Some(part.id.as_str()))
            .count();
        if n == 0 {
            continue;
        }
        let sheet = part_sheet_name(part);
        let here = if sheet_names.contains(&sheet) {
            Site::new(
                name,
                Place::Sheet {
                    sheet: sheet.clone(),
                },
            )
        } else {
            file.clone()
        };
        sub.absent_by_part.insert(part.id.clone(), here);
        if !seen_parts.contains(&part.id) {
            sub.problem(
                "input.layout",
                false,
                format!(
                    "the workbook has no rows for {} ({n} values): was the sheet {sheet} deleted?",
                    part.title.en
                ),
                file.clone(),
            );
        }
    }
    Ok(Input {
        submissions: vec![sub],
        exceptions: Vec::new(),
    })
}

enum Table {
    Data {
        code: u32,
        value: u32,
        status: Option<u32>,
        comment: Option<u32>,
    },
    Exceptions {
        rule: u32,
        expl: u32,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_addresses() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(11, 2), "C12");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(parse_a1("$C$12"), Some((11, 2)));
        assert_eq!(parse_a1("AA1"), Some((0, 26)));
        assert_eq!(parse_a1("12"), None);
    }
}
