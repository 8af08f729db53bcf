//! Tidy CSV: one row per value, `authority,period,code,value,status,comment` (more columns are
//! allowed and ignored), several authorities and years in one file; or a file of exceptions,
//! `authority,period,rule,explanation`.

use super::{Input, LooseException};
use crate::submission::{Entry, Exception, Place, Raw, ReadError, Site, Submission};
use crate::values::trim;
use std::collections::BTreeMap;

const COLUMNS: &str = "authority,period,code,value,status,comment";

pub fn read(name: &str, bytes: &[u8]) -> Result<Input, ReadError> {
    let file_site = |line: usize| Site::new(name, Place::Line { line });
    // A byte order mark, as Excel's "CSV UTF-8" writes.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        return Err(
            ReadError::new(file_site(line), "this line is not UTF-8 text")
                .help("save the file as \"CSV UTF-8 (comma delimited)\""),
        );
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(
            ReadError::new(Site::new(name, Place::File), "the file is empty").help(format!(
                "a submission starts with the header line {COLUMNS}"
            )),
        );
    }
    let mut rdr = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = ::csv::StringRecord::new();
    let mut header: Option<Vec<String>> = None;
    let mut cols = Columns::default();
    let mut input = Input::default();
    let mut groups: BTreeMap<(String, String), usize> = BTreeMap::new();
    loop {
        let line = rdr.position().line() as usize;
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(line);
                return Err(ReadError::new(
                    file_site(line),
                    format!("this line cannot be read as CSV ({e})"),
                ));
            }
        }
        let line = record.position().map(|p| p.line() as usize).unwrap_or(line);
        if record.iter().all(|f| trim(f).is_empty()) {
            continue;
        }
        let Some(h) = &header else {
            let names: Vec<String> = record
                .iter()
                .map(|f| trim(f).to_ascii_lowercase())
                .collect();
            cols = Columns::of(&names, name, line)?;
            header = Some(names);
            continue;
        };
        let field =
            |i: Option<usize>| -> &str { i.and_then(|i| record.get(i)).map(trim).unwrap_or("") };
        let authority = field(cols.authority).to_string();
        let period = field(cols.period).to_string();
        let site = file_site(line);
        if cols.exceptions {
            let rule = field(cols.rule);
            if rule.is_empty() {
                continue;
            }
            input.exceptions.push(LooseException {
                authority,
                period,
                exception: Exception {
                    rule: rule.to_string(),
                    explanation: field(cols.explanation).to_string(),
                    site,
                },
            });
            continue;
        }
        let key = (authority.clone(), period.clone());
        let gi = *groups.entry(key).or_insert_with(|| {
            let mut s = Submission::new(name);
            s.authority = authority.clone();
            s.authority_site = site.clone();
            s.period = period.clone();
            s.period_site = site.clone();
            input.submissions.push(s);
            input.submissions.len() - 1
        });
        let sub = &mut input.submissions[gi];
        if record.len() < h.len() {
            sub.problem(
                "input.columns",
                true,
                format!(
                    "this line has {} fields; the header has {}",
                    record.len(),
                    h.len()
                ),
                site.clone(),
            );
        }
        let code = field(cols.code);
        if code.is_empty() {
            sub.problem("input.row", false, "this line has no code".into(), site);
            continue;
        }
        let opt = |s: &str| {
            if s.is_empty() {
                None
            } else {
                Some(s.to_string())
            }
        };
        sub.entries.push(Entry {
            code: code.to_string(),
            raw: Raw::from_text(record.get(cols.value.unwrap_or(usize::MAX)).unwrap_or("")),
            status: opt(field(cols.status)),
            comment: opt(field(cols.comment)),
            site,
        });
    }
    if header.is_none() {
        return Err(
            ReadError::new(Site::new(name, Place::File), "the file has no header line").help(
                format!("a submission starts with the header line {COLUMNS}"),
            ),
        );
    }
    Ok(input)
}

#[derive(Default)]
struct Columns {
    authority: Option<usize>,
    period: Option<usize>,
    code: Option<usize>,
    value: Option<usize>,
    status: Option<usize>,
    comment: Option<usize>,
    rule: Option<usize>,
    explanation: Option<usize>,
    exceptions: bool,
}

impl Columns {
    fn of(names: &[String], file: &str, line: usize) -> Result<Columns, ReadError> {
        let site = Site::new(file, Place::Line { line });
        let at = |n: &str| names.iter().position(|x| x == n);
        if names.len() == 1 {
            for (sep, what) in [(';', "semicolons"), ('\t', "tabs"), ('|', "bars")] {
                if names[0].contains(sep) {
                    return Err(ReadError::new(
                        site,
                        format!("the columns are separated by {what}, not commas"),
                    )
                    .help("save the file as \"CSV UTF-8 (comma delimited)\", or in a text editor replace the separators with commas"));
                }
            }
        }
        let c = Columns {
            authority: at("authority"),
            period: at("period"),
            code: at("code"),
            value: at("value"),
            status: at("status"),
            comment: at("comment"),
            rule: at("rule"),
            explanation: at("explanation"),
            exceptions: at("rule").is_some() && at("explanation").is_some() && at("code").is_none(),
        };
        let needed: &[(&str, Option<usize>)] = if c.exceptions {
            &[("authority", c.authority), ("period", c.period)]
        } else {
            &[
                ("authority", c.authority),
                ("period", c.period),
                ("code", c.code),
                ("value", c.value),
            ]
        };
        let missing: Vec<&str> = needed
            .iter()
            .filter(|(_, i)| i.is_none())
            .map(|(n, _)| *n)
            .collect();
        if !missing.is_empty() {
            let first_is_data = names
                .first()
                .is_some_and(|n| n.starts_with('w') && n.len() == 9);
            return Err(ReadError::new(
                site,
                format!(
                    "the header has no {} column{} (it has: {})",
                    missing.join(", "),
                    if missing.len() == 1 { "" } else { "s" },
                    names.join(", ")
                ),
            )
            .help(if first_is_data {
                format!("the first line must be the header {COLUMNS}")
            } else {
                format!("the header of a submission is {COLUMNS}; of a file of exceptions authority,period,rule,explanation")
            }));
        }
        Ok(c)
    }
}
