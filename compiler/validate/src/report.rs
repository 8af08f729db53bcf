//! The result of validating inputs, and its two renderings: text for an officer, JSON for tools.
//! Text from a submission is only ever shown, never written where a spreadsheet would run it,
//! and in the text report never raw: `safe` shows its control characters escaped, so an
//! authority holding ESC sequences or a line break cannot clear the screen or print a line of
//! its own ("0 errors").

use super::engine::{Finding, IndicatorValue};
use super::submission::{Place, ReadError, Site};
use super::values::show;
use crate::authorities;
use crate::ir::{Lang, RuleSeverity};
use pmf_words::Table;
use serde::Serialize;
use std::fmt::Write;

// Defined in pmf-return, so that migration shows texts from a return the same way.
pub use pmf_return::terminal::{safe, safe_lines, safe_lines_owned, short};

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    pub submissions: Vec<SubmissionReport>,
    /// Inputs that could not be read at all.
    pub unreadable: Vec<ReadError>,
    /// The language of the text and CSV reports' fixed wording (the JSON's keys are English).
    #[serde(skip)]
    pub lang: Lang,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SubmissionReport {
    pub file: String,
    pub authority: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority_name: Option<String>,
    pub period: String,
    pub findings: Vec<Finding>,
    /// Findings found but not listed (see `validate::LISTED_BASE`); the summary counts them.
    #[serde(skip_serializing_if = "is_zero")]
    pub not_listed: usize,
    /// Of those not listed, how many are missing figures (which the text report counts anyway).
    #[serde(skip)]
    pub not_listed_not_given: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicators: Option<Vec<IndicatorValue>>,
    pub summary: Summary,
    /// What is left to do, per sheet of the workbook (part of the edition), in the edition's
    /// order: the summary an officer reads first. Counted before findings are left unlisted.
    pub by_sheet: Vec<SheetCounts>,
    /// What was not checked, and why (a year-on-year rule without last year's figures).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The return's text report, made safe, when only the text report is asked for
    /// (`Options::text_only`): its findings and indicators are then dropped, and only this
    /// text, the summary and the counts per sheet are kept.
    #[serde(skip)]
    pub text: Option<String>,
}

/// What is left to do on one sheet (part of the edition), exceptions applied.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SheetCounts {
    /// The sheet's name in the workbook ("Children"); "Cover" for the return's own details
    /// and problems of the file.
    pub sheet: String,
    /// Errors to correct or explain, other than missing figures.
    pub errors: usize,
    pub warnings: usize,
    /// Year-on-year changes to explain (queries: neither errors nor warnings).
    #[serde(skip_serializing_if = "is_zero")]
    pub queries: usize,
    /// Figures neither given nor explained by a status (the `required` rules).
    pub not_given: usize,
}

/// Which group a finding is shown in, in the order an officer deals with them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    /// A comparison between figures fails: correct one, or explain it.
    Comparison,
    /// A value that is not a figure, or a problem of the file.
    Entry,
    Warning,
    /// A year-on-year figure to explain (a query, not an error).
    Query,
    /// A figure neither given nor explained (shown as counts unless `--verbose`).
    NotGiven,
    Excepted,
}

impl Group {
    pub fn of(f: &Finding) -> Group {
        use crate::engine::FindingKind;
        use crate::ir::RuleKind;
        if f.excepted.is_some() {
            return Group::Excepted;
        }
        match (f.kind, f.severity) {
            (FindingKind::Rule(RuleKind::Required), _) => Group::NotGiven,
            (_, RuleSeverity::Warning) => Group::Warning,
            (_, RuleSeverity::Query) => Group::Query,
            (FindingKind::Rule(RuleKind::Value), _) | (FindingKind::Input, _) => Group::Entry,
            (FindingKind::Rule(_), _) => Group::Comparison,
        }
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Counts without exceptions, and what is left once exceptions are applied.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub excepted: usize,
    pub errors_after_exceptions: usize,
    pub warnings_after_exceptions: usize,
    /// Year-on-year queries to explain (absent when there are none).
    #[serde(skip_serializing_if = "is_zero")]
    pub queries: usize,
    #[serde(skip_serializing_if = "is_zero")]
    pub queries_after_exceptions: usize,
}

impl Summary {
    pub fn of(findings: &[Finding]) -> Summary {
        let mut s = Summary::default();
        for f in findings {
            let open = f.excepted.is_none();
            match f.severity {
                RuleSeverity::Error => {
                    s.errors += 1;
                    s.errors_after_exceptions += open as usize;
                }
                RuleSeverity::Warning => {
                    s.warnings += 1;
                    s.warnings_after_exceptions += open as usize;
                }
                RuleSeverity::Query => {
                    s.queries += 1;
                    s.queries_after_exceptions += open as usize;
                }
            }
            s.excepted += !open as usize;
        }
        s
    }

    fn add(&mut self, o: &Summary) {
        self.errors += o.errors;
        self.warnings += o.warnings;
        self.excepted += o.excepted;
        self.errors_after_exceptions += o.errors_after_exceptions;
        self.warnings_after_exceptions += o.warnings_after_exceptions;
        self.queries += o.queries;
        self.queries_after_exceptions += o.queries_after_exceptions;
    }
}

impl SubmissionReport {
    pub fn new(
        file: &str,
        authority: &str,
        period: &str,
        findings: Vec<Finding>,
        indicators: Option<Vec<IndicatorValue>>,
    ) -> SubmissionReport {
        SubmissionReport {
            file: file.to_string(),
            authority: authority.to_string(),
            authority_name: authorities::by_code(authority)
                .filter(|a| a.code == authority)
                .map(|a| a.name.to_string()),
            period: period.to_string(),
            summary: Summary::of(&findings),
            findings,
            not_listed: 0,
            not_listed_not_given: 0,
            indicators,
            by_sheet: Vec::new(),
            notes: Vec::new(),
            text: None,
        }
    }

    /// Orders the findings as the text report shows them (comparisons first, then entries,
    /// warnings, missing figures, excepted; stable within a group) and counts them per sheet.
    /// `sheet_of` gives a finding's sheet: the part of its first value, or where it was found.
    pub fn arrange(&mut self, sheets: &[String], sheet_of: impl Fn(&Finding) -> String) {
        self.findings.sort_by_key(Group::of);
        let mut counts: Vec<SheetCounts> = sheets
            .iter()
            .map(|s| SheetCounts {
                sheet: s.clone(),
                ..SheetCounts::default()
            })
            .collect();
        for f in &self.findings {
            let group = Group::of(f);
            if group == Group::Excepted {
                continue;
            }
            let sheet = sheet_of(f);
            let i = match counts.iter().position(|c| c.sheet == sheet) {
                Some(i) => i,
                None => {
                    counts.push(SheetCounts {
                        sheet,
                        ..SheetCounts::default()
                    });
                    counts.len() - 1
                }
            };
            let c = &mut counts[i];
            match group {
                Group::NotGiven => c.not_given += 1,
                Group::Warning => c.warnings += 1,
                Group::Query => c.queries += 1,
                _ => c.errors += 1,
            }
        }
        counts.retain(|c| c.errors + c.warnings + c.queries + c.not_given > 0);
        self.by_sheet = counts;
    }

    /// Lists at most `n` findings, counting the rest.
    pub fn limit(&mut self, n: usize) {
        if self.findings.len() > n {
            self.not_listed += self.findings.len() - n;
            self.not_listed_not_given += self.findings[n..]
                .iter()
                .filter(|f| Group::of(f) == Group::NotGiven)
                .count();
            self.findings.truncate(n);
        }
    }

    fn title(&self, w: &Table) -> String {
        let name = authorities::by_code(&self.authority)
            .filter(|a| a.code == self.authority)
            .map(|a| a.name_in(w.lang()));
        let who = match (name, self.authority.is_empty()) {
            (Some(n), _) => format!("{n} ({})", self.authority),
            (None, true) => w.get("report.no_authority"),
            (None, false) => short(&self.authority),
        };
        let period = if self.period.is_empty() {
            w.get("report.no_period")
        } else {
            short(&self.period)
        };
        format!("{who}, {period}: {}", safe(&self.file))
    }
}

impl Report {
    /// 2 when an input could not be read, 1 when an error is left after exceptions, else 0.
    pub fn exit_code(&self) -> u8 {
        if !self.unreadable.is_empty() {
            2
        } else if self
            .submissions
            .iter()
            .any(|s| s.summary.errors_after_exceptions > 0)
        {
            1
        } else {
            0
        }
    }

    pub fn total(&self) -> Summary {
        let mut t = Summary::default();
        for s in &self.submissions {
            t.add(&s.summary);
        }
        t
    }

    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            #[serde(flatten)]
            report: &'a Report,
            total: Summary,
            exit_code: u8,
        }
        let mut s = serde_json::to_string_pretty(&Out {
            report: self,
            total: self.total(),
            exit_code: self.exit_code(),
        })
        .unwrap_or_default();
        s.push('\n');
        s
    }

    /// The report for an officer: per return, a summary by sheet first, then what to correct
    /// (comparisons first, with what to do), and missing figures as one line per return
    /// unless `verbose`, which lists each.
    pub fn to_text(&self) -> String {
        self.to_text_with(false)
    }

    pub fn to_text_with(&self, verbose: bool) -> String {
        let mut out = Vec::new();
        // Writing into memory cannot fail.
        let _ = self.write_text_to(&mut out, verbose);
        String::from_utf8(out).unwrap_or_default()
    }

    /// The report for an officer, as `to_text_with`, written to `out` piece by piece: each
    /// return's text is made safe and written as it is rendered, so that the report of many
    /// returns (57 MB for 2,200) is never held whole, nor copied as it grows.
    pub fn write_text_to(
        &self,
        out: &mut impl std::io::Write,
        verbose: bool,
    ) -> std::io::Result<()> {
        let w = Table::messages(self.lang);
        let mut o = String::new();
        // Each piece ends with a line break, and `safe_lines` works line by line: the pieces
        // made safe one by one are the whole made safe.
        let flush = |o: &mut String, out: &mut dyn std::io::Write| -> std::io::Result<()> {
            let mut piece = safe_lines_owned(std::mem::take(o));
            out.write_all(piece.as_bytes())?;
            piece.clear();
            *o = piece;
            Ok(())
        };
        for e in &self.unreadable {
            let _ = writeln!(
                o,
                "{}",
                w.fill(
                    "report.error",
                    &[
                        ("site", &safe(&e.site.to_string())),
                        ("message", &safe(&e.message))
                    ]
                )
            );
            if let Some(h) = &e.help {
                let _ = writeln!(o, "  {}", w.fill("report.help", &[("help", &safe(h))]));
            }
            o.push('\n');
        }
        flush(&mut o, out)?;
        for s in &self.submissions {
            match &s.text {
                Some(text) => out.write_all(text.as_bytes())?,
                None => {
                    s.write_text(&mut o, verbose, &w);
                    flush(&mut o, out)?;
                }
            }
        }
        let t = self.total();
        let n = self.submissions.len();
        let _ = write!(
            o,
            "{}: {}",
            w.count("count.submissions_checked", n as u64, &[]),
            summary_words(&t, &w)
        );
        if !self.unreadable.is_empty() {
            let k = self.unreadable.len();
            let _ = write!(o, "; {}", w.count("count.inputs_unreadable", k as u64, &[]));
        }
        o.push('\n');
        flush(&mut o, out)
    }
}

impl SubmissionReport {
    /// Writes this return's text report now (as `Report::write_text_to` would, in the language
    /// of `w`) and lets its findings and indicators go.
    pub fn keep_text_only(&mut self, verbose: bool, w: &Table) {
        let mut o = String::new();
        self.write_text(&mut o, verbose, w);
        self.text = Some(safe_lines_owned(o));
        self.findings = Vec::new();
        self.indicators = None;
    }

    fn write_text(&self, o: &mut String, verbose: bool, w: &Table) {
        let _ = writeln!(o, "{}", self.title(w));
        let workbook = self.file.to_ascii_lowercase().ends_with(".xlsx")
            || self.file.to_ascii_lowercase().ends_with(".xlsm");
        if !self.by_sheet.is_empty() {
            let width = self
                .by_sheet
                .iter()
                .map(|c| safe(&c.sheet).chars().count())
                .max()
                .unwrap_or(0)
                .max(5);
            // The queries' column only where there are queries (a year-on-year check ran and
            // found a change to explain), so that a return without them reads as before.
            let queries = self.by_sheet.iter().any(|c| c.queries > 0);
            let mut heads = vec![
                (w.get("report.col_errors"), 6),
                (w.get("report.col_warnings"), 8),
            ];
            if queries {
                heads.push((w.get("report.col_queries"), 7));
            }
            heads.push((w.get("report.col_not_given"), 13));
            // Each column as wide as its heading, in either language.
            let widths: Vec<usize> = heads
                .iter()
                .map(|(h, least)| h.chars().count().max(*least))
                .collect();
            let row = |o: &mut String, first: &str, cells: &[String]| {
                let _ = write!(o, "  {first:<width$}");
                for (cell, wd) in cells.iter().zip(&widths) {
                    let _ = write!(o, "  {cell:>wd$}");
                }
                o.push('\n');
            };
            let sheet = w.get(if workbook {
                "report.sheet"
            } else {
                "report.part"
            });
            let names: Vec<String> = heads.iter().map(|(h, _)| h.clone()).collect();
            row(o, &sheet, &names);
            for k in &self.by_sheet {
                let mut cells = vec![k.errors.to_string(), k.warnings.to_string()];
                if queries {
                    cells.push(k.queries.to_string());
                }
                cells.push(k.not_given.to_string());
                row(o, &safe(&k.sheet), &cells);
            }
            o.push('\n');
        }
        let mut last: Option<Group> = None;
        let mut hidden = 0;
        for f in &self.findings {
            let group = Group::of(f);
            if group == Group::NotGiven && !verbose {
                hidden += 1;
                continue;
            }
            if last != Some(group) {
                let heading = w.get(match group {
                    Group::Comparison if workbook => "report.group_comparison_workbook",
                    Group::Comparison => "report.group_comparison_file",
                    Group::Entry => "report.group_entry",
                    Group::Warning => "report.group_warning",
                    Group::Query => "report.group_query",
                    Group::NotGiven => "report.group_not_given",
                    Group::Excepted => "report.group_excepted",
                });
                let _ = writeln!(o, "  {heading}:");
                last = Some(group);
            }
            write_finding(o, f, &self.file, w);
        }
        let not_given: usize = self.by_sheet.iter().map(|c| c.not_given).sum();
        if hidden > 0 || (!verbose && not_given > 0) {
            let sheets: Vec<String> = self
                .by_sheet
                .iter()
                .filter(|c| c.not_given > 0)
                .map(|c| format!("{} ({})", safe(&c.sheet), c.not_given))
                .collect();
            let _ = writeln!(
                o,
                "  {}",
                w.fill(
                    "report.not_given_line",
                    &[
                        (
                            "figures",
                            &w.count("count.figure", not_given.max(hidden) as u64, &[])
                        ),
                        ("sheets", &sheets.join(", "))
                    ]
                )
            );
        }
        let unlisted = if verbose {
            self.not_listed
        } else {
            self.not_listed - self.not_listed_not_given
        };
        if unlisted > 0 {
            let _ = writeln!(
                o,
                "  {}",
                w.fill(
                    "report.more_not_listed",
                    &[
                        ("n", &unlisted.to_string()),
                        ("base", &crate::LISTED_BASE.to_string()),
                        ("per_row", &crate::LISTED_PER_ROW.to_string())
                    ]
                )
            );
        }
        for n in &self.notes {
            let _ = writeln!(o, "  {}", w.fill("report.note", &[("note", &safe(n))]));
        }
        if let Some(ind) = &self.indicators {
            write_indicators(o, ind, w);
        }
        let words = summary_words(&self.summary, w);
        if not_given > 0 && self.summary.errors_after_exceptions >= not_given {
            let _ = writeln!(
                o,
                "  {}\n",
                w.fill(
                    "report.of_which_not_given",
                    &[("summary", &words), ("n", &not_given.to_string())]
                )
            );
        } else {
            let _ = writeln!(o, "  {words}\n");
        }
    }
}

fn summary_words(s: &Summary, w: &Table) -> String {
    let errors = |n: usize| w.count("count.error", n as u64, &[]);
    let warnings = |n: usize| w.count("count.warning", n as u64, &[]);
    // Year-on-year queries, when there are any.
    let queries = |n: usize| match s.queries {
        0 => String::new(),
        _ => format!(", {}", w.count("count.query", n as u64, &[])),
    };
    let before = format!(
        "{}, {}{}",
        errors(s.errors),
        warnings(s.warnings),
        queries(s.queries)
    );
    if s.excepted == 0 {
        before
    } else {
        w.fill(
            "report.with_exceptions",
            &[
                ("before", &before),
                ("errors", &errors(s.errors_after_exceptions)),
                (
                    "warnings",
                    &format!(
                        "{}{}",
                        warnings(s.warnings_after_exceptions),
                        queries(s.queries_after_exceptions)
                    ),
                ),
                (
                    "excepted",
                    &w.count("count.excepted", s.excepted as u64, &[]),
                ),
            ],
        )
    }
}

/// A site, without its file when it is `file` (which the submission's title names): a finding
/// about a file of exceptions names that file.
pub fn place_in(site: &Site, file: &str) -> String {
    place_in_words(site, file, &Table::messages(Lang::En))
}

fn place_in_words(site: &Site, file: &str, w: &Table) -> String {
    if &*site.file == file {
        place_words(site, w)
    } else {
        site.to_string()
    }
}

/// A site without its file, which the submission's title already names.
pub fn place(site: &Site) -> String {
    place_words(site, &Table::messages(Lang::En))
}

/// A site without its file, in the language of `w` (the messages table).
pub fn place_words(site: &Site, w: &Table) -> String {
    match &site.place {
        Place::File => w.get("place.file"),
        Place::Line { line } => w.fill("place.line", &[("line", &line.to_string())]),
        Place::Cell { sheet, cell } => {
            format!("{}!{cell}", super::submission::quote_sheet(sheet))
        }
        Place::Sheet { sheet } => w.fill(
            "place.sheet",
            &[("sheet", &super::submission::quote_sheet(sheet))],
        ),
        Place::Pointer { pointer } if pointer.is_empty() => w.get("place.top"),
        Place::Pointer { pointer } => pointer.clone(),
    }
}

fn write_finding(o: &mut String, f: &Finding, file: &str, w: &Table) {
    let place = |s: &Site| place_in_words(s, file, w);
    let label = w.get(match (&f.excepted, f.severity) {
        (Some(_), _) => "report.label_excepted",
        (None, RuleSeverity::Error) => "report.label_error",
        (None, RuleSeverity::Warning) => "report.label_warning",
        (None, RuleSeverity::Query) => "report.label_query",
    });
    let _ = writeln!(o, "  {label:<8} {}: {}", safe(&f.rule), safe(&f.message));
    if !f.detail.is_empty() {
        let _ = writeln!(o, "           {}", safe(&f.detail));
    }
    if f.values.len() > 1 || f.lhs.is_some() {
        let vals: Vec<String> = f
            .values
            .iter()
            .map(|v| {
                let val = v.value.map(show).unwrap_or_else(|| "-".into());
                let code = match v.last_year {
                    true => w.fill("yoy.last_year_value", &[("code", &safe(&v.code))]),
                    false => safe(&v.code).into_owned(),
                };
                match &v.site {
                    Some(s) => format!("{code} {val} ({})", safe(&place(s))),
                    None => format!("{code} {val}"),
                }
            })
            .collect();
        let _ = writeln!(
            o,
            "           {}",
            w.fill("report.values", &[("values", &vals.join(", "))])
        );
    } else if let Some(s) = f
        .sites
        .first()
        .filter(|s| s.place != Place::File || &*s.file != file)
    {
        let _ = writeln!(
            o,
            "           {}",
            w.fill("report.at", &[("place", &safe(&place(s)))])
        );
    }
    if let Some(x) = &f.excepted {
        let size = f
            .imbalance
            .map(|d| w.fill("report.covering", &[("difference", &show(d.abs()))]))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "           {}",
            w.fill(
                "report.explained",
                &[
                    ("site", &safe(&x.site.to_string())),
                    ("covering", &size),
                    ("explanation", &safe(&x.explanation))
                ]
            )
        );
    }
}

fn write_indicators(o: &mut String, ind: &[IndicatorValue], w: &Table) {
    if ind.is_empty() {
        let _ = writeln!(o, "  {}", w.get("report.indicators_none"));
        return;
    }
    let _ = writeln!(o, "  {}", w.get("report.indicators"));
    for i in ind {
        let v = match (i.value, i.undefined) {
            (Some(v), _) => format!("{} {}", show(v), i.unit),
            (None, true) => w.get("report.indicator_undefined"),
            (None, false) => w.fill(
                "report.indicator_missing",
                &[("codes", &i.missing.join(", "))],
            ),
        };
        let _ = writeln!(o, "    {:<12} {v}  {}", safe(&i.code), safe(&i.title));
    }
}

/// A text for a CSV cell that a spreadsheet will open: control characters shown escaped, and a
/// text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
/// return) made plain text by a leading apostrophe.
fn csv_cell(text: &str) -> String {
    let t = safe(text);
    if t.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{t}")
    } else {
        t.into_owned()
    }
}

impl Report {
    /// One row per finding, for analysts who load findings into a spreadsheet or a database:
    /// `file,authority,period,rule,kind,severity,excepted,codes,values,location,message,detail`.
    /// Inputs that could not be read are rows too (rule `input.unreadable`), and findings left
    /// unlisted are counted in a last row of their return (rule `report.not_listed`).
    pub fn to_csv(&self) -> String {
        let words = Table::messages(self.lang);
        let mut w = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let _ = w.write_record([
            "file",
            "authority",
            "period",
            "rule",
            "kind",
            "severity",
            "excepted",
            "codes",
            "values",
            "location",
            "message",
            "detail",
        ]);
        for e in &self.unreadable {
            let _ = w.write_record([
                csv_cell(&e.site.file),
                String::new(),
                String::new(),
                "input.unreadable".into(),
                "input".into(),
                "error".into(),
                String::new(),
                String::new(),
                String::new(),
                csv_cell(&place_words(&e.site, &words)),
                csv_cell(&e.message),
                csv_cell(e.help.as_deref().unwrap_or_default()),
            ]);
        }
        for s in &self.submissions {
            for f in &s.findings {
                let codes: Vec<String> = f
                    .values
                    .iter()
                    .map(|v| match v.last_year {
                        true => format!("{}@last_year", v.code),
                        false => v.code.clone(),
                    })
                    .collect();
                let values: Vec<String> = f
                    .values
                    .iter()
                    .map(|v| v.value.map(show).unwrap_or_default())
                    .collect();
                let location: Vec<String> = f
                    .sites
                    .iter()
                    .filter(|x| x.place != Place::File || *x.file != *s.file)
                    .map(|x| place_in_words(x, &s.file, &words))
                    .collect();
                let _ = w.write_record([
                    csv_cell(&s.file),
                    csv_cell(&s.authority),
                    csv_cell(&s.period),
                    csv_cell(&f.rule),
                    f.kind.as_str().to_string(),
                    f.severity.as_str().to_string(),
                    f.excepted
                        .as_ref()
                        .map(|x| csv_cell(&x.explanation))
                        .unwrap_or_default(),
                    csv_cell(&codes.join(" ")),
                    csv_cell(&values.join(" ")),
                    csv_cell(&location.join(" ")),
                    csv_cell(&f.message),
                    csv_cell(&f.detail),
                ]);
            }
            for n in &s.notes {
                let _ = w.write_record([
                    csv_cell(&s.file),
                    csv_cell(&s.authority),
                    csv_cell(&s.period),
                    "report.note".into(),
                    "report".into(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    csv_cell(n),
                    String::new(),
                ]);
            }
            if s.not_listed > 0 {
                let _ = w.write_record([
                    csv_cell(&s.file),
                    csv_cell(&s.authority),
                    csv_cell(&s.period),
                    "report.not_listed".into(),
                    "report".into(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    words.fill(
                        "report.more_findings_csv",
                        &[
                            ("n", &s.not_listed.to_string()),
                            ("base", &crate::LISTED_BASE.to_string()),
                            ("per_row", &crate::LISTED_PER_ROW.to_string()),
                        ],
                    ),
                    String::new(),
                ]);
            }
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}
