//! Tidy CSV: one row per value, `authority,period,code,value,status,comment` (more columns are
//! allowed and ignored), several authorities and years in one file; or a file of exceptions,
//! `authority,period,rule,explanation`.
//!
//! A quote that opens a field and is never closed would make the rest of the file one value
//! (that is how CSV reads): the line where it opens is reported and left out, and the lines
//! after it are read as lines.

use super::{Input, LooseException};
use crate::submission::{Entry, Exception, Place, Raw, ReadError, Site, Submission};
use crate::values::trim;
use std::collections::BTreeMap;

const COLUMNS: &str = "authority,period,code,value,status,comment";

/// The most unclosed quotes a file may have and still be read.
const MAX_UNCLOSED: usize = 10;

pub fn read(name: &str, bytes: &[u8]) -> Result<Input, ReadError> {
    let w = super::words();
    let shared: std::sync::Arc<str> = std::sync::Arc::from(name);
    let file_site = |line: usize| Site::in_file(&shared, Place::Line { line });
    // A byte order mark, as Excel's "CSV UTF-8" writes.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = Lines::of(bytes).at(e.valid_up_to());
        return Err(
            ReadError::new(file_site(line), w.get("csv.not_utf8")).help(w.get("csv.save_utf8"))
        );
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(
            ReadError::new(Site::new(name, Place::File), w.get("csv.empty"))
                .help(w.fill("csv.header_help", &[("columns", COLUMNS)])),
        );
    }
    let (cleaned, unclosed) = unclosed_quotes(bytes);
    if unclosed.len() > MAX_UNCLOSED {
        let line = unclosed.last().map_or(1, |q| q.line);
        return Err(ReadError::new(
            file_site(line),
            w.fill("csv.too_many_unclosed", &[("n", &MAX_UNCLOSED.to_string())]),
        )
        .help(w.get("csv.save_or_close")));
    }
    let bytes: &[u8] = match &cleaned {
        Some(b) => b,
        None => bytes,
    };
    // The cleaned text keeps every line break, so its lines are the file's lines.
    let lines = Lines::of(bytes);
    let mut rdr = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = ::csv::StringRecord::new();
    let mut header: Option<Vec<String>> = None;
    let mut cols = Columns::default();
    let mut input = Input::default();
    let mut groups: BTreeMap<(String, String), usize> = BTreeMap::new();
    // The fields of the last row's authority and period as written, and its return: the rows
    // of a return usually follow one another, so most rows skip the naming of the authority
    // and the look-up. `left[i]` is whether the rows of return i have been left once.
    let (mut last_authority, mut last_period) = (String::new(), String::new());
    let mut last_group: Option<usize> = None;
    let mut left: Vec<bool> = Vec::new();
    loop {
        let line = lines.record_at(bytes, rdr.position().byte() as usize);
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e
                    .position()
                    .map(|p| lines.record_at(bytes, p.byte() as usize))
                    .unwrap_or(line);
                return Err(ReadError::new(
                    file_site(line),
                    w.fill("csv.unreadable_line", &[("error", &e.to_string())]),
                ));
            }
        }
        // The csv crate's own line count is off after CRLF line ends and blank lines, so the
        // line is worked out from the record's byte offset: the line a text editor shows.
        let line = record
            .position()
            .map(|p| lines.record_at(bytes, p.byte() as usize))
            .unwrap_or(line);
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
        let site = file_site(line);
        if cols.exceptions {
            // By its ONS code, as a return's authority is.
            let authority = super::canonical_authority(field(cols.authority));
            let period = field(cols.period).to_string();
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
        let (raw_authority, raw_period) = (field(cols.authority), field(cols.period));
        let gi = match last_group {
            Some(g) if raw_authority == last_authority && raw_period == last_period => g,
            _ => {
                // By its ONS code, so that rows naming "Cardiff" and "W06000015" are one return.
                let authority = super::canonical_authority(raw_authority);
                let period = raw_period.to_string();
                let gi = *groups
                    .entry((authority.clone(), period.clone()))
                    .or_insert_with(|| {
                        let mut s = Submission::new(name);
                        // Returns of one file are much the same size: room for as many rows
                        // as the last one has, rather than a list grown by doubling (each
                        // step copying every row read so far).
                        if let Some(last) = input.submissions.last() {
                            s.entries.reserve_exact(last.entries.len());
                        }
                        s.authority = authority;
                        s.authority_site = site.clone();
                        s.period = period;
                        s.period_site = site.clone();
                        input.submissions.push(s);
                        left.push(false);
                        input.submissions.len() - 1
                    });
                // The rows of the return left behind are most likely all read: its vector
                // of rows gives back what it grew beyond them (once, so that interleaved
                // returns do not copy their rows at every turn).
                if let Some(g) = last_group.filter(|&g| g != gi && !left[g]) {
                    left[g] = true;
                    input.submissions[g].entries.shrink_to_fit();
                }
                last_authority.clear();
                last_authority.push_str(raw_authority);
                last_period.clear();
                last_period.push_str(raw_period);
                last_group = Some(gi);
                gi
            }
        };
        let sub = &mut input.submissions[gi];
        if record.len() < h.len() {
            sub.problem(
                "input.columns",
                true,
                w.fill(
                    "csv.fields",
                    &[
                        ("fields", &record.len().to_string()),
                        ("header", &h.len().to_string()),
                    ],
                ),
                site.clone(),
            );
        }
        let code = field(cols.code);
        if code.is_empty() {
            sub.problem("input.row", false, w.get("csv.no_code"), site);
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
    for s in &mut input.submissions {
        s.entries.shrink_to_fit();
    }
    let Some(header) = header else {
        return Err(
            ReadError::new(Site::new(name, Place::File), w.get("csv.no_header"))
                .help(w.fill("csv.header_help", &[("columns", COLUMNS)])),
        );
    };
    for q in &unclosed {
        let column = header
            .get(q.field)
            .filter(|c| !c.is_empty())
            .map(|c| w.fill("csv.the_field", &[("name", &crate::engine::quoted(c))]))
            .unwrap_or_else(|| w.fill("csv.field_n", &[("n", &(q.field + 1).to_string())]));
        let message = w.fill("csv.unclosed", &[("column", &column)]);
        let site = file_site(q.line);
        // The return the line was for, by the fields before the quote.
        let field = |i: Option<usize>| i.and_then(|i| q.before.get(i)).map(|f| trim(f));
        let (a, p) = (field(cols.authority), field(cols.period));
        let target = input
            .submissions
            .iter()
            .position(|s| Some(s.authority.as_str()) == a && Some(s.period.as_str()) == p)
            .or(if input.submissions.is_empty() {
                None
            } else {
                Some(0)
            });
        match target {
            Some(i) => input.submissions[i].problem("input.quote", false, message, site),
            None if input.exceptions.is_empty() => {
                return Err(ReadError::new(site, message));
            }
            // A file of exceptions: the line is an exception that is not read.
            None => {
                return Err(
                    ReadError::new(site, message).help(w.get("csv.unclosed_exceptions_help"))
                )
            }
        }
    }
    if input.submissions.is_empty() && input.exceptions.is_empty() {
        let what = w.get(if cols.exceptions {
            "csv.no_exceptions"
        } else {
            "csv.no_values"
        });
        return Err(
            ReadError::new(Site::new(name, Place::File), what).help(if cols.exceptions {
                w.get("csv.add_exceptions")
            } else {
                w.fill("csv.add_values", &[("columns", COLUMNS)])
            }),
        );
    }
    Ok(input)
}

/// Where each line of a file starts, as a text editor counts lines: a line ends at LF, at CRLF,
/// or at a CR on its own (old Mac files).
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn of(bytes: &[u8]) -> Lines {
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Lines { starts }
    }

    /// The line (from 1) that holds the byte at `offset`.
    fn at(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// The line where a record starts whose reading began at `offset`: the reader's offset can
    /// point at the line breaks of blank lines before the record, which are skipped.
    fn record_at(&self, bytes: &[u8], offset: usize) -> usize {
        let skipped = bytes.get(offset..).map_or(0, |b| {
            b.iter().take_while(|&&c| c == b'\n' || c == b'\r').count()
        });
        self.at((offset + skipped).min(bytes.len()))
    }
}

/// A quote that opened a field and was never closed.
#[derive(Debug, PartialEq)]
struct Unclosed {
    /// The line where it opens, from 1.
    line: usize,
    /// The field it opens, from 0.
    field: usize,
    /// The fields of the line before it.
    before: Vec<String>,
}

/// Finds quotes that open a field and are never closed, reading as the csv crate does (a quote
/// opens a field only at its start; `""` inside is a quote; a quote ends the field before a
/// comma or a line break). Each such line is emptied (its line break kept, so line numbers do
/// not move) and the reading goes on after it. Each costs a reading of the rest of the file, so
/// at most `MAX_UNCLOSED` + 1 are looked for.
fn unclosed_quotes(bytes: &[u8]) -> (Option<Vec<u8>>, Vec<Unclosed>) {
    #[derive(Clone, Copy, PartialEq)]
    enum S {
        Start,
        Field,
        Quoted,
        QuoteInQuoted,
    }
    let mut found = Vec::new();
    let mut out: Option<Vec<u8>> = None;
    let mut from = 0;
    while found.len() <= MAX_UNCLOSED {
        let b: &[u8] = out.as_deref().unwrap_or(bytes);
        let mut state = S::Start;
        let mut line_start = from;
        let mut field = 0;
        let mut opened = (0, 0, 0);
        for (i, &c) in b.iter().enumerate().skip(from) {
            state = match (state, c) {
                (S::Start, b'"') => {
                    opened = (line_start, i, field);
                    S::Quoted
                }
                // `""` inside a quoted field is a quote.
                (S::QuoteInQuoted, b'"') => S::Quoted,
                (S::Start | S::Field | S::QuoteInQuoted, b',') => {
                    field += 1;
                    S::Start
                }
                (S::Start | S::Field | S::QuoteInQuoted, b'\n' | b'\r') => {
                    line_start = i + 1;
                    field = 0;
                    S::Start
                }
                (S::Start | S::Field | S::QuoteInQuoted, _) => S::Field,
                (S::Quoted, b'"') => S::QuoteInQuoted,
                (S::Quoted, _) => S::Quoted,
            };
        }
        if state != S::Quoted {
            break;
        }
        let (start, quote, field) = opened;
        let end = b[quote..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(b.len(), |p| quote + p);
        let line = Lines::of(&b[..start]).at(start);
        let before = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(&b[start..quote])
            .records()
            .next()
            .and_then(Result::ok)
            .map(|r| r.iter().map(str::to_string).collect())
            .unwrap_or_default();
        found.push(Unclosed {
            line,
            field,
            before,
        });
        let mut next = Vec::with_capacity(b.len());
        next.extend_from_slice(&b[..start]);
        next.extend_from_slice(&b[end..]);
        from = start + 1;
        out = Some(next);
    }
    (out, found)
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
        let w = super::words();
        let site = Site::new(file, Place::Line { line });
        let at = |n: &str| names.iter().position(|x| x == n);
        if names.len() == 1 {
            for (sep, what) in [
                (';', "csv.semicolons"),
                ('\t', "csv.tabs"),
                ('|', "csv.bars"),
            ] {
                if names[0].contains(sep) {
                    return Err(ReadError::new(
                        site,
                        w.fill("csv.separated", &[("what", &w.get(what))]),
                    )
                    .help(w.get("csv.separated_help")));
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
                w.count(
                    "count.missing_columns",
                    missing.len() as u64,
                    &[
                        ("columns", &missing.join(", ")),
                        ("names", &names.join(", ")),
                    ],
                ),
            )
            .help(if first_is_data {
                w.fill("csv.first_line_header", &[("columns", COLUMNS)])
            } else {
                w.fill("csv.headers_help", &[("columns", COLUMNS)])
            }));
        }
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_that_close_are_not_reported() {
        let ok = b"a,b\n1,\"two\nlines\"\n3,\"a \"\"quoted\"\" word\"\n4,x\"y\n";
        assert_eq!(unclosed_quotes(ok), (None, Vec::new()));
    }

    #[test]
    fn an_unclosed_quote_is_found_and_its_line_left_out() {
        // The quote on line 3 is never closed (`""` on line 5 is a quote inside it).
        let text = b"a,b,c\n1,2,3\nW,\"x,y\n5,6,7\n8,\"\"9\n";
        let (cleaned, found) = unclosed_quotes(text);
        assert_eq!(
            found,
            vec![Unclosed {
                line: 3,
                field: 1,
                before: vec!["W".into(), "".into()]
            }]
        );
        assert_eq!(
            cleaned.as_deref(),
            Some(&b"a,b,c\n1,2,3\n\n5,6,7\n8,\"\"9\n"[..])
        );
    }

    /// The line each entry is reported at, by code.
    fn lines_of(text: &[u8]) -> Vec<(String, usize)> {
        let input = read("r.csv", text).expect("readable");
        input.submissions[0]
            .entries
            .iter()
            .map(|e| match &e.site.place {
                Place::Line { line } => (e.code.clone(), *line),
                other => panic!("not a line: {other:?}"),
            })
            .collect()
    }

    fn at(pairs: &[(&str, usize)]) -> Vec<(String, usize)> {
        pairs.iter().map(|(c, l)| (c.to_string(), *l)).collect()
    }

    const HEAD: &str = "authority,period,code,value,status,comment";

    #[test]
    fn lines_are_the_lines_an_editor_shows_with_lf() {
        let text = format!("{HEAD}\nW06000015,2019-20,A,1,,\nW06000015,2019-20,B,2,,\n");
        assert_eq!(lines_of(text.as_bytes()), at(&[("A", 2), ("B", 3)]));
    }

    #[test]
    fn lines_are_the_lines_an_editor_shows_with_crlf() {
        let rows: Vec<String> = (1..=12)
            .map(|i| format!("W06000015,2019-20,C{i},{i},,"))
            .collect();
        let text = format!("{HEAD}\r\n{}\r\n", rows.join("\r\n"));
        let got = lines_of(text.as_bytes());
        assert_eq!(
            got[0],
            ("C1".to_string(), 2),
            "the first data row is line 2"
        );
        assert_eq!(got[9], ("C10".to_string(), 11), "a value on line 11");
        assert_eq!(got[11], ("C12".to_string(), 13));
    }

    #[test]
    fn a_blank_line_does_not_move_the_rows_after_it() {
        for nl in ["\n", "\r\n"] {
            let text =
                format!("{HEAD}{nl}W06000015,2019-20,A,1,,{nl}{nl}{nl}W06000015,2019-20,B,2,,{nl}");
            assert_eq!(
                lines_of(text.as_bytes()),
                at(&[("A", 2), ("B", 5)]),
                "{nl:?}"
            );
        }
    }

    #[test]
    fn a_quoted_newline_in_a_comment_is_part_of_its_row() {
        for nl in ["\n", "\r\n"] {
            let text = format!(
                "{HEAD}{nl}W06000015,2019-20,A,1,,\"two{nl}lines\"{nl}W06000015,2019-20,B,2,,{nl}"
            );
            assert_eq!(
                lines_of(text.as_bytes()),
                at(&[("A", 2), ("B", 4)]),
                "{nl:?}"
            );
        }
    }

    #[test]
    fn a_byte_order_mark_is_not_a_line() {
        let text = format!("\u{FEFF}{HEAD}\r\nW06000015,2019-20,A,1,,\r\n");
        assert_eq!(lines_of(text.as_bytes()), at(&[("A", 2)]));
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let text = format!("{HEAD}\rW06000015,2019-20,A,1,,\rW06000015,2019-20,B,2,,\r");
        assert_eq!(lines_of(text.as_bytes()), at(&[("A", 2), ("B", 3)]));
    }

    #[test]
    fn lines_after_an_unclosed_quote_keep_their_numbers() {
        let text =
            format!("{HEAD}\r\nW06000015,2019-20,A,1,,\"open\r\nW06000015,2019-20,B,2,,\r\n");
        assert_eq!(lines_of(text.as_bytes()), at(&[("B", 3)]));
    }
}
