//! Filled XLSX templates (from Excel or LibreOffice), read with calamine.
//!
//! The reader finds values by content, not by position: on every sheet, a header row with
//! `Code` and `Value` starts a table whose rows are data items (or population figures), and a
//! header row with `Rule` and `Explanation` starts the exceptions. So a renamed sheet, a moved
//! column or a deleted row still reads, and a deleted row shows up as a value with no row.
//! The cover's cells are found by the workbook's defined names (`Authority`, `Period`, ...),
//! which Excel and LibreOffice keep up to date, or else by their labels.
//!
//! A workbook is a zip archive: before anything is unpacked, `archive` checks what it claims
//! (sizes, the number of texts) against bounds and says what a file that is not a workbook is.
//! Sheets are then read cell by cell, keeping only filled cells, so a sheet's stated or apparent
//! size (a cell at A1 and one at XFD1048576) costs nothing; the filled cells of a workbook are
//! counted against `MAX_CELLS`.

use super::{looks_like_code, Input};
use crate::ir::Ir;
use crate::submission::{Contact, Entry, Exception, Place, Raw, ReadError, Site, Submission};
use crate::values::{show, trim};
use calamine::{DataRef, Reader, Xlsx, XlsxError, XlsxFormulaMetadata};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;
use std::rc::Rc;

pub use pmf_return::workbook::{
    a1, part_sheet_name, Label, H_CODE, H_COMMENT, H_EXPLANATION, H_RULE, H_STATUS_SHORT, H_VALUE,
    L_AUTHORITY, L_PERIOD, N_AUTHORITY, N_CONTACT, N_PERIOD,
};

pub use super::archive::{MAX_UNPACKED, MAX_XLSX_BYTES};

fn site(file: &str, sheet: &str, row: u32, col: u32) -> Site {
    Site::new(
        file,
        Place::Cell {
            sheet: sheet.to_string(),
            cell: a1(row, col),
        },
    )
}

/// `$C$5` → `(4, 2)`; `None` for anything that is not a cell within a sheet's bounds.
fn parse_a1(s: &str) -> Option<(u32, u32)> {
    let s = s.replace('$', "");
    let split = s.find(|c: char| c.is_ascii_digit())?;
    let (l, d) = s.split_at(split);
    if l.is_empty() || l.len() > 3 || !l.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let col = l.bytes().fold(0u32, |a, b| {
        a * 26 + (b.to_ascii_uppercase() - b'A' + 1) as u32
    });
    let row: u32 = d.parse().ok()?;
    Some((row.checked_sub(1)?, col.checked_sub(1)?))
}

/// The most filled cells read from one workbook (the template has about 30,000).
pub const MAX_CELLS: usize = 1_000_000;
/// The most text copied out of a workbook's cells into its return. A text of the shared table
/// is stored once however many cells show it, but each cell read into the return (a comment, an
/// explanation) is a copy: a megabyte of text shown in every comment cell would otherwise cost a
/// megabyte a row.
pub const MAX_TEXT_COPIED: usize = 100 * 1024 * 1024;

/// Counts the text copied out of cells against `MAX_TEXT_COPIED`.
struct Copier {
    left: usize,
    file: Site,
}

impl Copier {
    fn take(&mut self, t: &str) -> Result<String, ReadError> {
        match self.left.checked_sub(t.len()) {
            Some(left) => {
                self.left = left;
                Ok(t.to_string())
            }
            None => Err(ReadError::new(
                self.file.clone(),
                super::words().fill(
                    "xlsx.texts_repeated",
                    &[("mb", &(MAX_TEXT_COPIED / (1024 * 1024)).to_string())],
                ),
            )
            .help(super::words().get("xlsx.new_template"))),
        }
    }
}

/// Formulas longer than Excel allows (8,192 characters) are not translated from their shared
/// anchor to each cell; only the start of a formula is ever shown.
const MAX_FORMULA: usize = 8192;

/// A cell's value. Texts from the shared string table are shared, not copied per cell: a
/// workbook can point a million cells at one long text.
#[derive(Clone, Debug)]
enum Value {
    Text(Rc<str>),
    Int(i64),
    Number(f64),
    Bool(bool),
}

/// One sheet's filled cells by (row, column), read sparsely: a sheet with cells at A1 and
/// XFD1048576 holds two cells, not the rectangle between them.
struct Sheet {
    name: String,
    cells: BTreeMap<(u32, u32), Value>,
    /// The formula of each cell that has one, cut to its first characters (only they are shown).
    formulas: BTreeMap<(u32, u32), String>,
}

impl Sheet {
    fn get(&self, r: u32, c: u32) -> Option<&Value> {
        self.cells.get(&(r, c))
    }

    /// A cell's text, trimmed; borrowed from the cell when it is a text.
    fn text(&self, r: u32, c: u32) -> Cow<'_, str> {
        match self.get(r, c) {
            Some(Value::Text(t)) => Cow::Borrowed(trim(t)),
            Some(v) => Cow::Owned(cell_text(v)),
            None => Cow::Borrowed(""),
        }
    }

    /// The rows that have a filled cell, in order.
    fn rows(&self) -> impl Iterator<Item = u32> + '_ {
        let mut last = None;
        self.cells.keys().filter_map(move |&(r, _)| {
            if last == Some(r) {
                None
            } else {
                last = Some(r);
                Some(r)
            }
        })
    }

    fn row(&self, r: u32) -> impl Iterator<Item = (u32, &Value)> + '_ {
        self.cells
            .range((r, 0)..=(r, u32::MAX))
            .map(|(&(_, c), v)| (c, v))
    }
}

/// Reads one sheet's cells and formulas in one pass over its XML, counting them against the
/// workbook's budget of cells.
fn read_sheet<RS: std::io::Read + std::io::Seek>(
    wb: &mut Xlsx<RS>,
    name: &str,
    sheet: &str,
    budget: &mut usize,
    texts: &mut BTreeMap<(usize, usize), Rc<str>>,
) -> Result<Sheet, ReadError> {
    let mut out = Sheet {
        name: sheet.to_string(),
        cells: BTreeMap::new(),
        formulas: BTreeMap::new(),
    };
    let bad = |e: XlsxError| {
        ReadError::new(
            Site::new(
                name,
                Place::Sheet {
                    sheet: sheet.to_string(),
                },
            ),
            super::words().fill("xlsx.sheet_unreadable", &[("error", &e.to_string())]),
        )
        .help(super::words().get("xlsx.resave"))
    };
    let mut reader = match wb.worksheet_cells_reader(sheet) {
        Ok(r) => r,
        // A chart sheet or a dialog sheet holds no cells.
        Err(XlsxError::NotAWorksheet(_)) => return Ok(out),
        Err(e) => return Err(bad(e)),
    };
    // Shared formulas: the anchor's text and where it starts, by shared index.
    let mut anchors: BTreeMap<usize, (String, (u32, u32))> = BTreeMap::new();
    while let Some(cell) = reader.next_cell_with_formula_metadata().map_err(bad)? {
        let pos = cell.pos;
        let formula = match cell.formula {
            None => None,
            Some(XlsxFormulaMetadata::Normal { formula }) => Some(formula),
            Some(XlsxFormulaMetadata::Shared {
                shared_index,
                range,
                formula,
            }) => {
                let start = range.map(|r| r.start).unwrap_or(pos);
                if anchors.len() < MAX_CELLS {
                    anchors.insert(shared_index, (formula.clone(), start));
                }
                Some(formula)
            }
            Some(XlsxFormulaMetadata::SharedDerived { shared_index }) => {
                anchors.get(&shared_index).map(|(f, start)| {
                    if f.len() > MAX_FORMULA {
                        f.clone()
                    } else {
                        calamine::expand_shared_formula(f, *start, pos)
                            .unwrap_or_else(|_| f.clone())
                    }
                })
            }
            Some(_) => None,
        };
        let value = match cell.value {
            DataRef::Empty => None,
            DataRef::Int(i) => Some(Value::Int(i)),
            DataRef::Float(f) => Some(Value::Number(f)),
            DataRef::DateTime(d) => Some(Value::Number(d.as_f64())),
            DataRef::Bool(b) => Some(Value::Bool(b)),
            DataRef::SharedString(s) => {
                // The same entry of the table is the same address: one copy of each text.
                let key = (s.as_ptr() as usize, s.len());
                Some(Value::Text(
                    texts.entry(key).or_insert_with(|| Rc::from(s)).clone(),
                ))
            }
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                Some(Value::Text(Rc::from(s)))
            }
            DataRef::Error(e) => Some(Value::Text(Rc::from(e.to_string()))),
        };
        let formula = formula.filter(|f| !f.is_empty());
        if value.is_none() && formula.is_none() {
            continue;
        }
        if *budget == 0 {
            return Err(ReadError::new(
                Site::new(name, Place::File),
                super::words().fill(
                    "xlsx.too_many_cells",
                    &[("n", &super::archive::show_count(MAX_CELLS as u64))],
                ),
            )
            .help(super::words().get("xlsx.new_template")));
        }
        *budget -= 1;
        if let Some(v) = value {
            out.cells.insert(pos, v);
        }
        if let Some(f) = formula {
            out.formulas.insert(pos, f.chars().take(64).collect());
        }
    }
    Ok(out)
}

/// A text of the cover (the authority, the period, a contact), cut to 1,000 characters: the
/// cover has six and none is long.
fn cover_text(t: &str) -> String {
    t.chars().take(1000).collect()
}

fn cell_text(v: &Value) -> String {
    match v {
        Value::Text(s) => trim(s).to_string(),
        Value::Int(i) => i.to_string(),
        Value::Number(f) => show(*f),
        Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
    }
}

fn cell_raw(v: &Value) -> Raw {
    match v {
        Value::Int(i) => Raw::Number(*i as f64),
        Value::Number(f) => Raw::Number(*f),
        Value::Text(s) if trim(s).is_empty() => Raw::Blank,
        other => Raw::Text(cell_text(other)),
    }
}

pub fn read(name: &str, bytes: &[u8], ir: &Ir) -> Result<Input, ReadError> {
    super::archive::check(name, bytes)?;
    let file = Site::new(name, Place::File);
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        let w = super::words();
        let message = match e {
            XlsxError::Password => w.get("xlsx.encrypted"),
            e => w.fill("xlsx.unreadable", &[("error", &e.to_string())]),
        };
        ReadError::new(file.clone(), message).help(w.get("xlsx.resave_no_password"))
    })?;
    let sheet_names = wb.sheet_names();
    let defined: Vec<(String, String)> = wb.defined_names().to_vec();
    let mut sheets: Vec<Sheet> = Vec::new();
    let mut budget = MAX_CELLS;
    let mut texts = BTreeMap::new();
    for s in &sheet_names {
        sheets.push(read_sheet(&mut wb, name, s, &mut budget, &mut texts)?);
    }
    drop(texts);
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
        let found = sheets.iter().find(|s| s.name == sheet)?;
        Some((sheet, r, c, cover_text(&found.text(r, c))))
    };
    let by_label = |label: Label| -> Option<(String, u32, u32, String)> {
        for s in &sheets {
            for (&(r, c), v) in &s.cells {
                let is = |t: &str| {
                    trim(t).eq_ignore_ascii_case(label.en) || trim(t).eq_ignore_ascii_case(label.cy)
                };
                if matches!(v, Value::Text(t) if is(t)) {
                    let c = c.saturating_add(1);
                    return Some((s.name.clone(), r, c, cover_text(&s.text(r, c))));
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
            super::words().get("xlsx.no_authority_cell"),
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

    // The tables: only rows with a filled cell are visited.
    let mut copier = Copier {
        left: MAX_TEXT_COPIED,
        file: file.clone(),
    };
    let mut seen_parts: BTreeSet<String> = BTreeSet::new();
    for sh in &sheets {
        let sheet = &sh.name;
        let header_of = |r: u32| -> BTreeMap<&str, u32> {
            sh.row(r)
                .filter_map(|(c, v)| match v {
                    Value::Text(t) if !trim(t).is_empty() => Some((trim(t), c)),
                    _ => None,
                })
                .collect()
        };
        let mut table: Option<Table> = None;
        for r in sh.rows() {
            let h = header_of(r);
            let find = |label: Label| h.iter().find(|(k, _)| label.starts(k)).map(|(_, c)| *c);
            if let (Some(code), Some(value)) = (find(H_CODE), find(H_VALUE)) {
                table = Some(Table::Data {
                    code,
                    value,
                    status: find(H_STATUS_SHORT),
                    comment: find(H_COMMENT),
                });
                continue;
            }
            if let (Some(rule), Some(expl)) = (find(H_RULE), find(H_EXPLANATION)) {
                table = Some(Table::Exceptions { rule, expl });
                continue;
            }
            let text = |c: u32| sh.text(r, c);
            match &table {
                None => {}
                Some(Table::Exceptions { rule, expl }) => {
                    let id = text(*rule);
                    if id.is_empty() {
                        continue;
                    }
                    sub.exceptions.push(Exception {
                        rule: copier.take(&id)?,
                        explanation: copier.take(&text(*expl))?,
                        // The row, at its rule id: what a finding about the exception names.
                        site: site(name, sheet, r, *rule),
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
                    let c: &str = &c;
                    let raw = match sh.get(r, *value) {
                        None => Raw::Blank,
                        Some(Value::Text(t)) if !trim(t).is_empty() => {
                            Raw::Text(copier.take(trim(t))?)
                        }
                        Some(v) => cell_raw(v),
                    };
                    let known = data_codes.contains(c) || populations.contains(c);
                    if !known {
                        if metric_codes.contains(c) {
                            // A lead-in row: the metric is reported through its items.
                            if raw != Raw::Blank {
                                sub.problem(
                                    "input.lead_in",
                                    true,
                                    super::words().fill("xlsx.lead_in", &[("code", c)]),
                                    site(name, sheet, r, *value),
                                );
                            }
                            continue;
                        }
                        if !looks_like_code(c) {
                            continue;
                        }
                    }
                    if let Some(d) = ir.data_item(c) {
                        if let Some(p) = &d.part {
                            seen_parts.insert(p.clone());
                        }
                    }
                    if let Some(f) = sh.formulas.get(&(r, *value)) {
                        sub.problem(
                            "input.formula",
                            true,
                            super::words().fill(
                                "xlsx.formula",
                                &[
                                    ("code", c),
                                    ("formula", &crate::engine::quoted(&format!("={f}"))),
                                    (
                                        "result",
                                        &match &raw {
                                            Raw::Text(t) => crate::engine::quoted(t),
                                            other => crate::engine::quoted(&other.to_text()),
                                        },
                                    ),
                                ],
                            ),
                            site(name, sheet, r, *value),
                        );
                    }
                    let mut opt = |col: Option<u32>| -> Result<Option<String>, ReadError> {
                        match col.map(text).filter(|t| !t.is_empty()) {
                            Some(t) => copier.take(&t).map(Some),
                            None => Ok(None),
                        }
                    };
                    let (status, comment) = (opt(*status)?, opt(*comment)?);
                    sub.entries.push(Entry {
                        code: c.to_string(),
                        raw,
                        status,
                        comment,
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
                super::words().fill(
                    "xlsx.no_rows",
                    &[
                        ("part", part.title.get(super::words().lang())),
                        ("n", &n.to_string()),
                        ("sheet", &sheet),
                    ],
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
