//! An authority's record files read and every value checked against its field's type
//! (records.md "Record files"). Nothing here touches the file system: the command line reads a
//! CSV file's bytes, and the engine reads a Parquet file's rows, and both arrive as a `Table`.

use crate::date::Date;
use pmf_ir::records::{Condition, FieldType, Placement, RecordType};
use pmf_ir::{DurationUnit, Ir};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

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

/// A record file's rows, as text.
#[derive(Clone, Debug, Default)]
pub struct Table {
    /// The file's name, as messages show it.
    pub file: String,
    pub columns: Vec<String>,
    /// Each row's number (see `Problem`) and values, one per column; None is an empty value.
    pub rows: Vec<(usize, Vec<Option<String>>)>,
}

/// Reads a CSV file: UTF-8, comma-separated, a header row. Empty fields are empty values.
pub fn read_csv(file: &str, bytes: &[u8]) -> Result<Table, Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
        return Err(Problem {
            file: file.into(),
            row: Some(line),
            column: None,
            message: format!(
                "the file is not UTF-8 text (the byte 0x{:02X} at line {line} is not a character)",
                bytes[at]
            ),
            help: "save the file as CSV UTF-8 (in Excel: Save As, \"CSV UTF-8 (Comma delimited)\")"
                .into(),
        });
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(bytes);
    let problem = |e: ::csv::Error| {
        let row = e.position().map(|p| p.line() as usize);
        Problem {
            file: file.into(),
            row,
            column: None,
            message: format!("the file cannot be read as CSV: {e}"),
            help: "every row must have as many comma-separated values as the header; a value holding a comma or a quote is written in double quotes, with its quotes doubled".into(),
        }
    };
    let headers = reader.headers().map_err(problem)?.clone();
    let columns: Vec<String> = headers.iter().map(|h| h.trim().to_string()).collect();
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(problem)?;
        let line = rec.position().map(|p| p.line() as usize).unwrap_or(0);
        rows.push((
            line,
            rec.iter()
                .map(|v| (!v.trim().is_empty()).then(|| v.to_string()))
                .collect(),
        ));
    }
    if columns.is_empty() || (columns.len() == 1 && columns[0].is_empty()) {
        return Err(Problem {
            file: file.into(),
            row: Some(1),
            column: None,
            message: "the file has no header row".into(),
            help: "the first row names the columns: the record's field ids and, when the file holds several authorities, `authority`".into(),
        });
    }
    Ok(Table {
        file: file.into(),
        columns,
        rows,
    })
}

/// A checked value, in the form the engine loads: dates `YYYY-MM-DD`, dates and times
/// `YYYY-MM-DD HH:MM:SS`, numbers as written, texts as written.
pub type Value = Option<String>;

/// One record kind's checked rows for the authorities asked for.
#[derive(Clone, Debug, Default)]
pub struct Records {
    pub kind: String,
    pub file: String,
    /// Column order: `authority`, then the record's fields in declaration order.
    pub rows: Vec<(usize, Vec<Value>)>,
}

/// Which authorities a run counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Authorities {
    One(String),
    All,
}

/// A record that is read but cannot be counted in full, and why.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Uncounted {
    pub file: String,
    pub row: usize,
    pub reason: String,
}

/// Reads a date and time: `YYYY-MM-DDTHH:MM[:SS[.fraction]]`, with `T` or a space, or a date
/// alone (the start of the day). Returns it as `YYYY-MM-DD HH:MM:SS`.
pub fn parse_datetime(text: &str) -> Option<String> {
    let t = text.trim();
    if t.len() == 10 {
        return Date::parse(t).map(|d| format!("{d} 00:00:00"));
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
    Some(format!("{date} {h:02}:{m:02}:{s:02}"))
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

/// Checks one record kind's table for the authorities asked for: every column there, every
/// value of its field's type, codes of the field's list, keys unique within an authority,
/// placement pairs in order, working-day dates within the calendar. Rows of other authorities
/// are left out. Every problem is returned (up to 200 per file), not just the first.
pub fn check(
    ir: &Ir,
    rec: &RecordType,
    table: Table,
    authorities: &Authorities,
) -> Result<Records, Vec<Problem>> {
    let mut problems = Vec::new();
    // Taken apart so that each row's values move into the checked records: a year of records
    // is millions of values, held once, not twice.
    let Table {
        file,
        columns,
        rows,
    } = table;
    let file = file.as_str();
    let at = |row: Option<usize>, column: Option<&str>, message: String, help: &str| Problem {
        file: file.to_string(),
        row,
        column: column.map(str::to_string),
        message,
        help: help.to_string(),
    };
    let position = |id: &str| columns.iter().position(|c| c == id);
    for (i, c) in columns.iter().enumerate() {
        if !c.is_empty() && columns[..i].contains(c) {
            problems.push(at(
                Some(1),
                Some(c),
                "the column is named twice in the header".into(),
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
            Some(1),
            None,
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
            Some(1),
            None,
            "the file has no `authority` column, so its records cannot be given to authorities".into(),
            "add the column `authority` (each record's authority's ONS code), or count one authority with --authority CODE",
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let pairs: Vec<(usize, usize, &str, &str)> = placement_pairs(ir)
        .into_iter()
        .filter(|(r, _, _)| *r == rec.id)
        .filter_map(|(_, s, e)| {
            let si = rec.fields.iter().position(|f| f.id == s)?;
            let ei = rec.fields.iter().position(|f| f.id == e)?;
            Some((
                si,
                ei,
                rec.fields[si].id.as_str(),
                rec.fields[ei].id.as_str(),
            ))
        })
        .collect();
    let wd = working_day_fields(ir);
    let cols: Vec<usize> = rec
        .fields
        .iter()
        .map(|f| position(&f.id).unwrap_or(0))
        .collect();
    let mut out = Records {
        kind: rec.id.clone(),
        file: file.to_string(),
        rows: Vec::new(),
    };
    let mut keys: BTreeMap<(String, String), usize> = BTreeMap::new();
    let key_index = rec.fields.iter().position(|f| f.id == rec.key);
    // Looked up once per field, not once per value: the files hold millions of values.
    let field_calendar: Vec<_> = rec
        .fields
        .iter()
        .map(|f| wd.get(&(rec.id.clone(), f.id.clone())))
        .collect();
    let field_codes: Vec<Option<BTreeSet<&str>>> = rec
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
    for (line, mut values) in rows {
        if problems.len() >= 200 {
            break;
        }
        let row = Some(line);
        let authority = match (auth_col, authorities) {
            (Some(i), _) => match values.get(i).and_then(|v| v.as_deref()) {
                Some(a) => match pmf_ir::authorities::by_code(a.trim()) {
                    Some(found) => found.code.to_string(),
                    None => {
                        problems.push(at(
                            row,
                            Some("authority"),
                            format!(
                                "`{}` is not the ONS code of a Welsh local authority",
                                shown(a)
                            ),
                            "write the authority's code, W06000001 to W06000024",
                        ));
                        continue;
                    }
                },
                None => {
                    problems.push(at(
                        row,
                        Some("authority"),
                        "the authority is empty".into(),
                        "write the authority's ONS code on every row",
                    ));
                    continue;
                }
            },
            (None, Authorities::One(code)) => code.clone(),
            (None, Authorities::All) => continue,
        };
        if let Authorities::One(code) = authorities {
            if &authority != code {
                continue;
            }
        }
        let mut checked: Vec<Value> = vec![Some(authority.clone())];
        let before = problems.len();
        for (fi, f) in rec.fields.iter().enumerate() {
            // Every value is moved into the checked row, but the authority's column's: a field
            // could be named `authority`, and the authority was read from it above.
            let raw: Option<String> = if Some(cols[fi]) == auth_col {
                values.get(cols[fi]).cloned().flatten()
            } else {
                values.get_mut(cols[fi]).and_then(Option::take)
            };
            let column = Some(f.id.as_str());
            let Some(raw) = raw else {
                if !f.optional {
                    problems.push(at(
                        row,
                        column,
                        format!("the field `{}` is empty, and every record must have it", f.id),
                        "fill it in, or leave the record out of the file if it is not a record of this kind",
                    ));
                }
                checked.push(None);
                continue;
            };
            let value = match &f.ty {
                FieldType::Date => match Date::parse(raw.trim()) {
                    Some(d) => Some(d.to_string()),
                    None => {
                        problems.push(at(
                            row,
                            column,
                            format!("`{}` is not a date", shown(&raw)),
                            "write dates as YYYY-MM-DD, e.g. 2020-04-01",
                        ));
                        None
                    }
                },
                FieldType::Datetime => match parse_datetime(&raw) {
                    Some(v) => Some(v),
                    None => {
                        problems.push(at(
                            row,
                            column,
                            format!("`{}` is not a date and time", shown(&raw)),
                            "write it as YYYY-MM-DD HH:MM (or YYYY-MM-DDTHH:MM:SS), e.g. 2020-04-01 09:30",
                        ));
                        None
                    }
                },
                FieldType::Number => match raw.trim().parse::<f64>() {
                    Ok(v) if v.is_finite() => Some(raw.trim().to_string()),
                    _ => {
                        problems.push(at(
                            row,
                            column,
                            format!("`{}` is not a number", shown(&raw)),
                            "write a number with digits and a decimal point, e.g. 3 or 2.5",
                        ));
                        None
                    }
                },
                FieldType::Code { codelist } => {
                    let list = ir.codelists.iter().find(|c| &c.id == codelist);
                    let ok = field_codes[fi]
                        .as_ref()
                        .is_some_and(|codes| codes.contains(raw.trim()));
                    if ok {
                        Some(raw.trim().to_string())
                    } else {
                        let codes: Vec<&str> = list
                            .map(|l| l.entries.iter().map(|e| e.id.as_str()).collect())
                            .unwrap_or_default();
                        problems.push(at(
                            row,
                            column,
                            format!("`{}` is not a code of the list `{codelist}`", shown(&raw)),
                            &format!("the codes are: {}", codes.join(", ")),
                        ));
                        None
                    }
                }
                FieldType::Cohort => {
                    if ir.cohorts.iter().any(|c| c.id == raw.trim()) {
                        Some(raw.trim().to_string())
                    } else {
                        let ids: Vec<&str> = ir.cohorts.iter().map(|c| c.id.as_str()).collect();
                        problems.push(at(
                            row,
                            column,
                            format!("`{}` is not a cohort", shown(&raw)),
                            &format!("the cohorts are: {}", ids.join(", ")),
                        ));
                        None
                    }
                }
                FieldType::Id | FieldType::Ref { .. } => Some(raw),
            };
            // A date outside the working-day calendar's years cannot be placed in working days.
            if let (Some(v), Some((cal, first, last))) = (&value, field_calendar[fi]) {
                let year: i32 = v[..4].parse().unwrap_or(0);
                if year < *first || year > *last {
                    problems.push(at(
                        row,
                        column,
                        format!(
                            "{} is outside the years of the working-day calendar `{cal}` ({first} to {last}), so its working days cannot be counted",
                            &v[..10]
                        ),
                        "check the date; if it is right, the spec's calendar needs the bank holidays of that year",
                    ));
                }
            }
            checked.push(value);
        }
        if problems.len() > before {
            continue;
        }
        for (si, ei, s, e) in &pairs {
            if let (Some(start), Some(end)) = (&checked[si + 1], &checked[ei + 1]) {
                if end < start {
                    problems.push(at(
                        row,
                        Some(e),
                        format!("the end `{e}` ({end}) is before the start `{s}` ({start})"),
                        "correct the dates; a record ends on or after the day it starts",
                    ));
                }
            }
        }
        if let Some(k) = key_index {
            if let Some(key) = &checked[k + 1] {
                if let Some(first) = keys.insert((authority.clone(), key.clone()), line) {
                    problems.push(at(
                        row,
                        Some(&rec.key),
                        format!(
                            "the key `{}` is already the key of the record at row {first}",
                            shown(key)
                        ),
                        "each record is in the file once; remove the duplicate or give it its own identifier",
                    ));
                    continue;
                }
            }
        }
        out.rows.push((line, checked));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Records whose references point at no record of the kind they name (a contact about a person
/// missing from the person file): they are counted, but every condition on the record they
/// refer to (an age) is false for them, so they are listed.
pub fn dangling(ir: &Ir, loaded: &[Records]) -> Vec<Uncounted> {
    let mut out = Vec::new();
    for r in loaded {
        let Some(rec) = ir.records.iter().find(|x| x.id == r.kind) else {
            continue;
        };
        for (fi, f) in rec.fields.iter().enumerate() {
            let FieldType::Ref { record } = &f.ty else {
                continue;
            };
            let Some(target) = loaded.iter().find(|x| &x.kind == record) else {
                continue;
            };
            let Some(trec) = ir.records.iter().find(|x| &x.id == record) else {
                continue;
            };
            let Some(ki) = trec.fields.iter().position(|x| x.id == trec.key) else {
                continue;
            };
            let keys: BTreeSet<(&str, &str)> = target
                .rows
                .iter()
                .filter_map(|(_, v)| Some((v[0].as_deref()?, v[ki + 1].as_deref()?)))
                .collect();
            for (line, v) in &r.rows {
                if let (Some(a), Some(k)) = (v[0].as_deref(), v[fi + 1].as_deref()) {
                    if !keys.contains(&(a, k)) {
                        out.push(Uncounted {
                            file: r.file.clone(),
                            row: *line,
                            reason: format!(
                                "its `{}` `{}` is not in {}, so conditions on that record (an age) are false for it",
                                f.id,
                                shown(k),
                                target.file
                            ),
                        });
                    }
                }
            }
        }
    }
    out.sort();
    out
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
        let p = read_csv("c.csv", b"id\nabc\nd\xE9f\n").unwrap_err();
        assert_eq!(p.row, Some(3));
        assert!(p.message.contains("not UTF-8"));
        let t = read_csv("c.csv", b"\xEF\xBB\xBFid,when\n1,\n").unwrap();
        assert_eq!(t.columns, ["id", "when"]);
        assert_eq!(t.rows, [(2, vec![Some("1".to_string()), None])]);
    }
}
