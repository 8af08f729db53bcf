//! An authority's record files read and every value checked against its field's type
//! (records.md "Record files"). Nothing here touches the file system: the command line reads a
//! CSV file's bytes, and the engine reads a Parquet file's rows, and both arrive as a `Table`.

use crate::date::Date;
use pmf_ir::records::{Condition, FieldType, Placement, RecordType};
use pmf_ir::{DurationUnit, Ir};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::{BufRead, Read};

/// A problem with the records, naming where it is: the file, the row (a CSV file's line, the
/// header being line 1, or a Parquet file's row from 1) and the column.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub file: String,
    pub row: Option<usize>,
    pub column: Option<String>,
    pub message: String,
    pub help: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(r) = self.row {
            write!(f, ", row {r}")?;
        }
        if let Some(c) = &self.column {
            write!(f, ", column `{}`", c.escape_debug())?;
        }
        write!(f, ": {}", self.message)?;
        if !self.help.is_empty() {
            write!(f, "\n  help: {}", self.help)?;
        }
        Ok(())
    }
}

/// Values shown in messages: at most 60 characters, control characters escaped.
pub fn shown(text: &str) -> String {
    let mut s: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        s.push('…');
    }
    s.escape_debug().to_string()
}

/// How a file's rows are numbered in messages: a CSV file's by its lines (the header is line
/// 1), a Parquet file's from 1 (its rows reach `pmf compute` as CSV text, whose lines mean
/// nothing to the officer).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Numbering {
    Lines,
    FromOne,
}

/// A record file's rows, read one at a time into one reused record: a year of records is
/// millions of rows, and none is held once it has been checked and handed on.
pub struct CsvRows<R: Read> {
    file: String,
    reader: ::csv::Reader<R>,
    record: ::csv::StringRecord,
    numbering: Numbering,
    count: usize,
}

/// Opens a CSV file's text: UTF-8 (a byte-order mark is skipped), comma-separated, a header row.
/// Returns the header's column names (trimmed) and the rows.
pub fn csv_rows<R: BufRead>(
    file: &str,
    mut input: R,
    numbering: Numbering,
) -> Result<(Vec<String>, CsvRows<R>), Problem> {
    // Excel's "CSV UTF-8" starts with a byte-order mark, which is not part of the first name.
    if let Ok(start) = input.fill_buf() {
        if start.starts_with(b"\xEF\xBB\xBF") {
            input.consume(3);
        }
    }
    let reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(input);
    let mut rows = CsvRows {
        file: file.to_string(),
        reader,
        record: ::csv::StringRecord::new(),
        numbering,
        count: 0,
    };
    let headers = match rows.reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(rows.problem(e)),
    };
    let columns: Vec<String> = headers.iter().map(|h| h.trim().to_string()).collect();
    if columns.is_empty() || (columns.len() == 1 && columns[0].is_empty()) {
        return Err(Problem {
            file: file.into(),
            row: Some(1),
            column: None,
            message: "the file has no header row".into(),
            help: "the first row names the columns: the record's field ids and, when the file holds several authorities, `authority`".into(),
        });
    }
    Ok((columns, rows))
}

impl<R: Read> CsvRows<R> {
    /// The next row and its number, or None at the end of the file. A row that cannot be read
    /// ends the file's reading: what follows it cannot be trusted to be rows.
    pub fn next_row(&mut self) -> Result<Option<(usize, &::csv::StringRecord)>, Problem> {
        match self.reader.read_record(&mut self.record) {
            Ok(false) => Ok(None),
            Ok(true) => {
                self.count += 1;
                let n = match self.numbering {
                    Numbering::Lines => self
                        .record
                        .position()
                        .map_or(self.count + 1, |p| p.line() as usize),
                    Numbering::FromOne => self.count,
                };
                Ok(Some((n, &self.record)))
            }
            Err(e) => Err(self.problem(e)),
        }
    }

    fn problem(&mut self, e: ::csv::Error) -> Problem {
        let row = e.position().map(|p| match self.numbering {
            Numbering::Lines => p.line() as usize,
            Numbering::FromOne => p.record() as usize,
        });
        if let ::csv::ErrorKind::Utf8 { err, .. } = e.kind() {
            let column = self
                .reader
                .headers()
                .ok()
                .and_then(|h| h.get(err.field()))
                .map(|c| c.trim().to_string());
            return Problem {
                file: self.file.clone(),
                row,
                column,
                message: "the file is not UTF-8 text: a value holds a byte that is not a character (the file was saved in another encoding)".into(),
                help: "save the file as CSV UTF-8 (in Excel: Save As, \"CSV UTF-8 (Comma delimited)\")"
                    .into(),
            };
        }
        Problem {
            file: self.file.clone(),
            row,
            column: None,
            message: format!("the file cannot be read as CSV: {e}"),
            help: "every row must have as many comma-separated values as the header; a value holding a comma or a quote is written in double quotes, with its quotes doubled".into(),
        }
    }
}

/// At most this many problems are reported of one file: past them the file is the problem.
pub const MAX_PROBLEMS: usize = 200;

/// A checked row, in the form the engine loads: the authority's code, then the record's fields
/// in declaration order; dates `YYYY-MM-DD`, dates and times `YYYY-MM-DD HH:MM:SS`, numbers
/// and texts as written. Its text is one reused buffer, so that checking a row allocates
/// nothing once the first rows are read.
#[derive(Clone, Debug, Default)]
pub struct Row {
    text: String,
    spans: Vec<Option<(usize, usize)>>,
}

impl Row {
    fn clear(&mut self) {
        self.text.clear();
        self.spans.clear();
    }

    fn push(&mut self, value: Option<&str>) {
        let span = value.map(|v| {
            let start = self.text.len();
            self.text.push_str(v);
            (start, self.text.len())
        });
        self.spans.push(span);
    }

    /// Appends the value `write` writes into the buffer; a missing value, and false, when it
    /// writes none.
    fn push_with(&mut self, write: impl FnOnce(&mut String) -> bool) -> bool {
        let start = self.text.len();
        if write(&mut self.text) {
            self.spans.push(Some((start, self.text.len())));
            true
        } else {
            self.text.truncate(start);
            self.spans.push(None);
            false
        }
    }

    /// The value at `i` (0 is the authority), None when missing.
    pub fn get(&self, i: usize) -> Option<&str> {
        self.spans
            .get(i)
            .copied()
            .flatten()
            .map(|(a, b)| &self.text[a..b])
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Every value, a missing one as "".
    pub fn values(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.spans.len()).map(|i| self.get(i).unwrap_or(""))
    }
}

/// Which authorities a run counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Authorities {
    One(String),
    All,
}

/// Reads a date and time: `YYYY-MM-DDTHH:MM[:SS[.fraction]]`, with `T` or a space, or a date
/// alone (the start of the day). Returns it as `YYYY-MM-DD HH:MM:SS`.
pub fn parse_datetime(text: &str) -> Option<String> {
    let mut out = String::new();
    write_datetime(text, &mut out).then_some(out)
}

/// As `parse_datetime`, appending to `out`; false, and nothing appended, when `text` is not a
/// date and time.
pub fn write_datetime(text: &str, out: &mut String) -> bool {
    use std::fmt::Write;
    let Some((date, h, m, s)) = datetime_parts(text) else {
        return false;
    };
    write!(out, "{date} {h:02}:{m:02}:{s:02}").is_ok()
}

fn datetime_parts(text: &str) -> Option<(Date, u32, u32, u32)> {
    let t = text.trim();
    if t.len() == 10 {
        return Date::parse(t).map(|d| (d, 0, 0, 0));
    }
    if t.len() < 16 || !t.is_char_boundary(10) {
        return None;
    }
    let (date, rest) = t.split_at(10);
    let date = Date::parse(date)?;
    let rest = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' '))?;
    let b = rest.as_bytes();
    let two = |i: usize, max: u32| -> Option<u32> {
        let s = rest.get(i..i + 2)?;
        let v: u32 = s
            .bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())??;
        (v <= max).then_some(v)
    };
    let h = two(0, 23)?;
    if b.get(2) != Some(&b':') {
        return None;
    }
    let m = two(3, 59)?;
    let s = match b.len() {
        5 => 0,
        n if n >= 8 && b[5] == b':' => {
            let s = two(6, 59)?;
            // A fraction of a second after the seconds, ignored.
            if n > 8 && (b[8] != b'.' || n == 9 || !b[9..].iter().all(u8::is_ascii_digit)) {
                return None;
            }
            s
        }
        _ => return None,
    };
    Some((date, h, m, s))
}

/// The (record kind, start, end) pairs of the rules' placements: an end before its start is an
/// error in the records.
fn placement_pairs(ir: &Ir) -> BTreeSet<(String, String, String)> {
    fn pair(rec: &str, p: &Placement, out: &mut BTreeSet<(String, String, String)>) {
        match p {
            Placement::OpenAt { start, end } | Placement::OpenDuring { start, end } => {
                out.insert((rec.to_string(), start.clone(), end.clone()));
            }
            Placement::During { .. } => {}
        }
    }
    // The placements of the records `at_least` counts, at any depth.
    fn conds(cs: &[Condition], out: &mut BTreeSet<(String, String, String)>) {
        for c in cs {
            match c {
                Condition::AtLeast {
                    record,
                    placement,
                    conditions,
                    ..
                } => {
                    pair(record, placement, out);
                    conds(conditions, out);
                }
                Condition::Previous { conditions, .. } => conds(conditions, out),
                _ => {}
            }
        }
    }
    let mut out = BTreeSet::new();
    for m in &ir.metrics {
        if let Some(r) = &m.computed_from {
            pair(&r.record, &r.placement, &mut out);
            conds(&r.conditions, &mut out);
            for i in &r.items {
                conds(&i.conditions, &mut out);
            }
        }
    }
    out
}

/// The (record kind, field) pairs counted in working days, with the calendar's years: a date
/// outside them cannot be placed and is an error.
fn working_day_fields(ir: &Ir) -> BTreeMap<(String, String), (String, i32, i32)> {
    let mut out = BTreeMap::new();
    fn conds(
        ir: &Ir,
        rec: &str,
        cal: Option<&str>,
        cs: &[Condition],
        out: &mut BTreeMap<(String, String), (String, i32, i32)>,
    ) {
        let Some(c) = cal.and_then(|id| ir.calendars.iter().find(|c| c.id == id)) else {
            return;
        };
        let years = (c.id.clone(), c.first_year, c.last_year);
        for cond in cs {
            match cond {
                Condition::Within {
                    field,
                    from,
                    unit: DurationUnit::WorkingDays,
                    ..
                } => {
                    out.insert((rec.to_string(), field.clone()), years.clone());
                    out.insert((rec.to_string(), from.clone()), years.clone());
                }
                Condition::Previous {
                    end,
                    start,
                    unit,
                    conditions,
                    ..
                } => {
                    if *unit == DurationUnit::WorkingDays {
                        out.insert((rec.to_string(), end.clone()), years.clone());
                        out.insert((rec.to_string(), start.clone()), years.clone());
                    }
                    conds(ir, rec, cal, conditions, out);
                }
                Condition::AtLeast {
                    record, conditions, ..
                } => conds(ir, record, cal, conditions, out),
                _ => {}
            }
        }
    }
    for m in &ir.metrics {
        if let Some(r) = &m.computed_from {
            let cal = r.calendar.as_deref();
            conds(ir, &r.record, cal, &r.conditions, &mut out);
            for i in &r.items {
                conds(ir, &r.record, cal, &i.conditions, &mut out);
            }
        }
    }
    out
}

/// Checks one record kind's file, row by row, for the authorities asked for: every column
/// there, every value of its field's type, codes of the field's list, placement pairs in order,
/// working-day dates within the calendar. Rows of other authorities are left out. Each good
/// row is handed to `sink` with its number as soon as it is checked, and not kept. Every
/// problem is returned (up to `MAX_PROBLEMS` of the file), not just the first; the rows the
/// sink was given mean nothing when there is one.
///
/// Two checks need every row at once and are the engine's (`engine::checks`): a key twice in
/// one authority, and a reference to a record that is not in its file.
pub fn check_file<R: BufRead>(
    ir: &Ir,
    rec: &RecordType,
    file: &str,
    input: R,
    numbering: Numbering,
    authorities: &Authorities,
    sink: &mut dyn FnMut(usize, &Row),
) -> Vec<Problem> {
    let (columns, mut rows) = match csv_rows(file, input, numbering) {
        Ok(x) => x,
        Err(p) => return vec![p],
    };
    let mut checker = match Checker::new(ir, rec, file, &columns, authorities) {
        Ok(c) => c,
        Err(ps) => return ps,
    };
    let mut row = Row::default();
    while checker.problems.len() < MAX_PROBLEMS {
        match rows.next_row() {
            Ok(Some((line, values))) => {
                if checker.row(line, values, &mut row) {
                    sink(line, &row);
                }
            }
            Ok(None) => break,
            Err(p) => {
                checker.problems.push(p);
                break;
            }
        }
    }
    checker.problems
}

/// What is known of a record kind before its rows are read: where each field's column is, and
/// what each field's values may be.
struct Checker<'a> {
    ir: &'a Ir,
    rec: &'a RecordType,
    file: &'a str,
    authorities: &'a Authorities,
    /// Each field's column in the file.
    cols: Vec<usize>,
    auth_col: Option<usize>,
    /// The authority asked for, as its ONS code, looked up once: every row of a file without
    /// an `authority` column is its.
    one: Option<&'static str>,
    /// Placement pairs as field indexes: (start, end).
    pairs: Vec<(usize, usize)>,
    /// Looked up once per field, not once per value: the files hold millions of values.
    calendar: Vec<Option<(String, i32, i32)>>,
    codes: Vec<Option<BTreeSet<&'a str>>>,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    fn new(
        ir: &'a Ir,
        rec: &'a RecordType,
        file: &'a str,
        columns: &[String],
        authorities: &'a Authorities,
    ) -> Result<Self, Vec<Problem>> {
        let mut problems = Vec::new();
        let at = |message: String, column: Option<&str>, help: &str| Problem {
            file: file.to_string(),
            row: Some(1),
            column: column.map(str::to_string),
            message,
            help: help.to_string(),
        };
        let position = |id: &str| columns.iter().position(|c| c == id);
        for (i, c) in columns.iter().enumerate() {
            if !c.is_empty() && columns[..i].contains(c) {
                problems.push(at(
                    "the column is named twice in the header".into(),
                    Some(c),
                    "keep one column of each name",
                ));
            }
        }
        let missing: Vec<&str> = rec
            .fields
            .iter()
            .map(|f| f.id.as_str())
            .filter(|id| position(id).is_none())
            .collect();
        if !missing.is_empty() {
            problems.push(at(
                format!(
                    "the column{} {} of the record `{}` {} missing",
                    if missing.len() == 1 { "" } else { "s" },
                    missing
                        .iter()
                        .map(|m| format!("`{m}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    rec.id,
                    if missing.len() == 1 { "is" } else { "are" }
                ),
                None,
                &format!(
                    "the header must name every field of the record: {}",
                    rec.fields
                        .iter()
                        .map(|f| f.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
        let auth_col = position("authority");
        if auth_col.is_none() && *authorities == Authorities::All {
            problems.push(at(
                "the file has no `authority` column, so its records cannot be given to authorities".into(),
                None,
                "add the column `authority` (each record's authority's ONS code), or count one authority with --authority CODE",
            ));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let field = |id: &str| rec.fields.iter().position(|f| f.id == id);
        let pairs = placement_pairs(ir)
            .into_iter()
            .filter(|(r, _, _)| *r == rec.id)
            .filter_map(|(_, s, e)| Some((field(&s)?, field(&e)?)))
            .collect();
        let wd = working_day_fields(ir);
        let calendar = rec
            .fields
            .iter()
            .map(|f| wd.get(&(rec.id.clone(), f.id.clone())).cloned())
            .collect();
        let codes = rec
            .fields
            .iter()
            .map(|f| match &f.ty {
                FieldType::Code { codelist } => ir
                    .codelists
                    .iter()
                    .find(|c| &c.id == codelist)
                    .map(|l| l.entries.iter().map(|e| e.id.as_str()).collect()),
                _ => None,
            })
            .collect();
        Ok(Checker {
            ir,
            rec,
            file,
            authorities,
            cols: rec
                .fields
                .iter()
                .map(|f| position(&f.id).unwrap_or(0))
                .collect(),
            auth_col,
            one: match authorities {
                Authorities::One(code) => pmf_ir::authorities::by_code(code).map(|a| a.code),
                Authorities::All => None,
            },
            pairs,
            calendar,
            codes,
            problems,
        })
    }

    fn problem(&mut self, row: usize, column: &str, message: String, help: &str) {
        self.problems.push(Problem {
            file: self.file.to_string(),
            row: Some(row),
            column: Some(column.to_string()),
            message,
            help: help.to_string(),
        });
    }

    /// Checks one row into `out`; true when it is a record of an authority asked for and every
    /// value is good.
    fn row(&mut self, line: usize, values: &::csv::StringRecord, out: &mut Row) -> bool {
        let value = |i: usize| values.get(i).filter(|v| !v.trim().is_empty());
        let authority: &'static str = match (self.auth_col, self.authorities) {
            (Some(i), _) => match value(i) {
                Some(a) => match pmf_ir::authorities::by_code(a.trim()) {
                    Some(found) => found.code,
                    None => {
                        self.problem(
                            line,
                            "authority",
                            format!(
                                "`{}` is not the ONS code of a Welsh local authority",
                                shown(a)
                            ),
                            "write the authority's code, W06000001 to W06000024",
                        );
                        return false;
                    }
                },
                None => {
                    self.problem(
                        line,
                        "authority",
                        "the authority is empty".into(),
                        "write the authority's ONS code on every row",
                    );
                    return false;
                }
            },
            (None, Authorities::One(_)) => match self.one {
                Some(code) => code,
                None => return false,
            },
            (None, Authorities::All) => return false,
        };
        if let Authorities::One(code) = self.authorities {
            if authority != code {
                return false;
            }
        }
        out.clear();
        out.push(Some(authority));
        let before = self.problems.len();
        for (fi, f) in self.rec.fields.iter().enumerate() {
            let Some(raw) = value(self.cols[fi]) else {
                if !f.optional {
                    self.problem(
                        line,
                        &f.id,
                        format!("the field `{}` is empty, and every record must have it", f.id),
                        "fill it in, or leave the record out of the file if it is not a record of this kind",
                    );
                }
                out.push(None);
                continue;
            };
            let trimmed = raw.trim();
            let good = match &f.ty {
                FieldType::Date => out.push_with(|buf| match Date::parse(trimmed) {
                    // Date::parse reads YYYY-MM-DD exactly, so the text is its own form.
                    Some(_) => {
                        buf.push_str(trimmed);
                        true
                    }
                    None => false,
                }),
                FieldType::Datetime => out.push_with(|buf| write_datetime(trimmed, buf)),
                FieldType::Number => out.push_with(|buf| match trimmed.parse::<f64>() {
                    Ok(v) if v.is_finite() => {
                        buf.push_str(trimmed);
                        true
                    }
                    _ => false,
                }),
                FieldType::Code { .. } => out.push_with(|buf| {
                    let ok = self.codes[fi]
                        .as_ref()
                        .is_some_and(|codes| codes.contains(trimmed));
                    if ok {
                        buf.push_str(trimmed);
                    }
                    ok
                }),
                FieldType::Cohort => out.push_with(|buf| {
                    let ok = self.ir.cohorts.iter().any(|c| c.id == trimmed);
                    if ok {
                        buf.push_str(trimmed);
                    }
                    ok
                }),
                // Identifiers as written: they are matched with the references to them.
                FieldType::Id | FieldType::Ref { .. } => out.push_with(|buf| {
                    buf.push_str(raw);
                    true
                }),
            };
            if !good {
                let (message, help) = self.bad_value(f, raw);
                self.problem(line, &f.id, message, &help);
                continue;
            }
            // A date outside the working-day calendar's years cannot be placed in working days.
            if let (Some(v), Some((cal, first, last))) = (out.get(fi + 1), &self.calendar[fi]) {
                let year: i32 = v[..4].parse().unwrap_or(0);
                if year < *first || year > *last {
                    let message = format!(
                        "{} is outside the years of the working-day calendar `{cal}` ({first} to {last}), so its working days cannot be counted",
                        &v[..10]
                    );
                    self.problem(
                        line,
                        &f.id,
                        message,
                        "check the date; if it is right, the spec's calendar needs the bank holidays of that year",
                    );
                }
            }
        }
        if self.problems.len() > before {
            return false;
        }
        for &(si, ei) in &self.pairs {
            if let (Some(start), Some(end)) = (out.get(si + 1), out.get(ei + 1)) {
                if end < start {
                    let (s, e) = (&self.rec.fields[si].id, &self.rec.fields[ei].id);
                    self.problems.push(Problem {
                        file: self.file.to_string(),
                        row: Some(line),
                        column: Some(e.clone()),
                        message: format!(
                            "the end `{e}` ({end}) is before the start `{s}` ({start})"
                        ),
                        help: "correct the dates; a record ends on or after the day it starts"
                            .into(),
                    });
                }
            }
        }
        self.problems.len() == before
    }

    /// What is wrong with a value that is not of its field's type, and what to do.
    fn bad_value(&self, f: &pmf_ir::records::Field, raw: &str) -> (String, String) {
        match &f.ty {
            FieldType::Date => (
                format!("`{}` is not a date", shown(raw)),
                "write dates as YYYY-MM-DD, e.g. 2020-04-01".into(),
            ),
            FieldType::Datetime => (
                format!("`{}` is not a date and time", shown(raw)),
                "write it as YYYY-MM-DD HH:MM (or YYYY-MM-DDTHH:MM:SS), e.g. 2020-04-01 09:30"
                    .into(),
            ),
            FieldType::Number => (
                format!("`{}` is not a number", shown(raw)),
                "write a number with digits and a decimal point, e.g. 3 or 2.5".into(),
            ),
            FieldType::Code { codelist } => {
                let codes: Vec<&str> = self
                    .ir
                    .codelists
                    .iter()
                    .find(|c| &c.id == codelist)
                    .map(|l| l.entries.iter().map(|e| e.id.as_str()).collect())
                    .unwrap_or_default();
                (
                    format!("`{}` is not a code of the list `{codelist}`", shown(raw)),
                    format!("the codes are: {}", codes.join(", ")),
                )
            }
            FieldType::Cohort => {
                let ids: Vec<&str> = self.ir.cohorts.iter().map(|c| c.id.as_str()).collect();
                (
                    format!("`{}` is not a cohort", shown(raw)),
                    format!("the cohorts are: {}", ids.join(", ")),
                )
            }
            FieldType::Id | FieldType::Ref { .. } => (String::new(), String::new()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_read_in_the_forms_records_md_allows() {
        assert_eq!(
            parse_datetime("2020-04-01T09:30").as_deref(),
            Some("2020-04-01 09:30:00")
        );
        assert_eq!(
            parse_datetime("2020-04-01 09:30:15").as_deref(),
            Some("2020-04-01 09:30:15")
        );
        assert_eq!(
            parse_datetime("2020-04-01 09:30:15.250").as_deref(),
            Some("2020-04-01 09:30:15")
        );
        assert_eq!(
            parse_datetime("2020-04-01").as_deref(),
            Some("2020-04-01 00:00:00")
        );
        for bad in [
            "2020-04-01 24:00",
            "2020-04-01 9:30",
            "2020-04-31 09:30",
            "01/04/2020 09:30",
            "2020-04-01 09:30:15.",
            "2020-04-01X09:30",
        ] {
            assert_eq!(parse_datetime(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_csv_file_that_is_not_utf8_is_refused_at_its_line() {
        let Err(p) = csv_rows("c.csv", &b"id\nabc\nd\xE9f\n"[..], Numbering::Lines).and_then(
            |(_, mut rows)| {
                while rows.next_row()?.is_some() {}
                Ok(())
            },
        ) else {
            panic!("a Windows-1252 byte was read as text");
        };
        assert_eq!(p.row, Some(3));
        assert_eq!(p.column.as_deref(), Some("id"));
        assert!(p.message.contains("not UTF-8"));
        // A byte-order mark is not part of the first column's name.
        let (columns, mut rows) =
            csv_rows("c.csv", &b"\xEF\xBB\xBFid,when\n1,\n"[..], Numbering::Lines).unwrap();
        assert_eq!(columns, ["id", "when"]);
        let (line, row) = rows.next_row().unwrap().unwrap();
        assert_eq!((line, row.get(0), row.get(1)), (2, Some("1"), Some("")));
        assert!(rows.next_row().unwrap().is_none());
    }
}
