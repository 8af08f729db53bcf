//! The result of validating inputs, and its two renderings: text for an officer, JSON for tools.
//! Text from a submission is only ever shown, never written where a spreadsheet would run it,
//! and in the text report never raw: `safe` shows its control characters escaped, so an
//! authority holding ESC sequences or a line break cannot clear the screen or print a line of
//! its own ("0 errors").

use super::engine::{Finding, IndicatorValue};
use super::submission::{Place, ReadError, Site};
use super::values::show;
use crate::authorities;
use crate::ir::RuleSeverity;
use serde::Serialize;
use std::fmt::Write;

// Defined in pmf-return, so that migration shows texts from a return the same way.
pub use pmf_return::terminal::{safe, safe_lines, short};

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    pub submissions: Vec<SubmissionReport>,
    /// Inputs that could not be read at all.
    pub unreadable: Vec<ReadError>,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicators: Option<Vec<IndicatorValue>>,
    pub summary: Summary,
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
            indicators,
        }
    }

    /// Lists at most `n` findings, counting the rest.
    pub fn limit(&mut self, n: usize) {
        if self.findings.len() > n {
            self.not_listed += self.findings.len() - n;
            self.findings.truncate(n);
        }
    }

    fn title(&self) -> String {
        let who = match (&self.authority_name, self.authority.is_empty()) {
            (Some(n), _) => format!("{n} ({})", self.authority),
            (None, true) => "(no authority)".into(),
            (None, false) => short(&self.authority),
        };
        let period = if self.period.is_empty() {
            "(no period)".to_string()
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

    pub fn to_text(&self) -> String {
        let mut o = String::new();
        for e in &self.unreadable {
            let _ = writeln!(
                o,
                "error: {}: {}",
                safe(&e.site.to_string()),
                safe(&e.message)
            );
            if let Some(h) = &e.help {
                let _ = writeln!(o, "  help: {}", safe(h));
            }
            o.push('\n');
        }
        for s in &self.submissions {
            let _ = writeln!(o, "{}", s.title());
            for f in &s.findings {
                write_finding(&mut o, f);
            }
            if s.not_listed > 0 {
                let _ = writeln!(
                    o,
                    "  ... and {} more not listed (a return's report lists {} findings, and {} more for each of its rows)",
                    s.not_listed,
                    crate::LISTED_BASE,
                    crate::LISTED_PER_ROW
                );
            }
            if let Some(ind) = &s.indicators {
                write_indicators(&mut o, ind);
            }
            let _ = writeln!(o, "  {}\n", summary_words(&s.summary));
        }
        let t = self.total();
        let n = self.submissions.len();
        let _ = write!(
            o,
            "{} submission{} checked: {}",
            n,
            if n == 1 { "" } else { "s" },
            summary_words(&t)
        );
        if !self.unreadable.is_empty() {
            let _ = write!(o, "; {} input(s) could not be read", self.unreadable.len());
        }
        o.push('\n');
        safe_lines(&o)
    }
}

fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

fn summary_words(s: &Summary) -> String {
    let before = format!(
        "{}, {}",
        plural(s.errors, "error"),
        plural(s.warnings, "warning")
    );
    if s.excepted == 0 {
        before
    } else {
        format!(
            "{before}; with exceptions: {}, {} ({} excepted)",
            plural(s.errors_after_exceptions, "error"),
            plural(s.warnings_after_exceptions, "warning"),
            s.excepted
        )
    }
}

/// A site without its file, which the submission's title already names.
pub fn place(site: &Site) -> String {
    match &site.place {
        Place::File => "the file".into(),
        Place::Line { line } => format!("line {line}"),
        Place::Cell { sheet, cell } => {
            format!("{}!{cell}", super::submission::quote_sheet(sheet))
        }
        Place::Sheet { sheet } => format!("sheet {}", super::submission::quote_sheet(sheet)),
        Place::Pointer { pointer } if pointer.is_empty() => "the top level".into(),
        Place::Pointer { pointer } => pointer.clone(),
    }
}

fn write_finding(o: &mut String, f: &Finding) {
    let label = match (&f.excepted, f.severity) {
        (Some(_), _) => "excepted",
        (None, RuleSeverity::Error) => "error",
        (None, RuleSeverity::Warning) => "warning",
    };
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
                match &v.site {
                    Some(s) => format!("{} {val} ({})", safe(&v.code), safe(&place(s))),
                    None => format!("{} {val}", safe(&v.code)),
                }
            })
            .collect();
        let _ = writeln!(o, "           values: {}", vals.join(", "));
    } else if let Some(s) = f.sites.first().filter(|s| s.place != Place::File) {
        let _ = writeln!(o, "           at {}", safe(&place(s)));
    }
    if let Some(x) = &f.excepted {
        let size = f
            .imbalance
            .map(|d| format!(", covering a difference of {}", show(d.abs())))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "           explained ({}{size}): {}",
            safe(&x.site.to_string()),
            safe(&x.explanation)
        );
    }
}

fn write_indicators(o: &mut String, ind: &[IndicatorValue]) {
    if ind.is_empty() {
        let _ = writeln!(o, "  indicators: this edition defines none");
        return;
    }
    let _ = writeln!(o, "  indicators:");
    for i in ind {
        let v = match (i.value, i.undefined) {
            (Some(v), _) => format!("{} {}", show(v), i.unit),
            (None, true) => "undefined (a denominator is 0)".into(),
            (None, false) => format!("missing (no usable value for {})", i.missing.join(", ")),
        };
        let _ = writeln!(o, "    {:<12} {v}  {}", safe(&i.code), safe(&i.title));
    }
}
