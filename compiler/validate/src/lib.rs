//! pmf-validate, the submission validator: reads returns (XLSX, tidy CSV, JSON), runs every rule of the IR,
//! applies the authorities' exceptions, and computes indicators.
//!
//! Invariant: it reads only the IR and the inputs' bytes, and it defines what every rule means
//! for every backend (see `values` and `compiler/doc/validation.md`): the generated SQL and
//! Python and the template's formulas are tested to give the same findings.

pub mod read;
pub mod report;

// What a return is and what its rules mean are defined once, in pmf-return, for every back end.
pub use pmf_return::{engine, submission, values};
pub use pmf_return::{Engine, Finding, IndicatorValue, ReadError, Submission};
pub use report::{Report, SubmissionReport};

use ir::Ir;
use pmf_ir::{self as ir, authorities};

/// Options of a validation run.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Compute the indicators of each submission.
    pub indicators: bool,
}

/// A return's report lists at most this many findings, plus `LISTED_PER_ROW` for each row the
/// return has; the rest are counted (and still decide the exit code). A return of one row can
/// miss every other value of the edition, and listing each would make a small file's report
/// thousands of times its size.
pub const LISTED_BASE: usize = 5;
pub const LISTED_PER_ROW: usize = 2;

/// Whether a return names one of the 22 authorities by its code and a financial year.
pub fn is_checkable(s: &Submission) -> bool {
    let a = values::trim(&s.authority);
    crate::authorities::by_code(a).is_some_and(|x| x.code == a)
        && engine::is_period(values::trim(&s.period))
}

/// The text of a caught panic.
fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// Reads one file, so that a fault of pmf on one file is that file's error and the other files
/// are still read.
pub fn read_isolated(name: &str, bytes: &[u8], ir: &Ir) -> Result<read::Input, ReadError> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read::read(name, bytes, ir))) {
        Ok(r) => r,
        Err(p) => Err(ReadError::new(
            submission::Site::new(name, submission::Place::File),
            format!(
                "pmf failed while reading this file ({}), so it was not checked",
                report::safe(&panic_text(p.as_ref()))
            ),
        )
        .help("this is a fault in pmf, not in the file: please report it, with the file")),
    }
}

/// Keeps, of a file's returns that name no known authority or no financial year, only the
/// first; the others become one finding on it. Rows naming a thousand invented authorities are
/// one finding, not a thousand returns each missing every value.
pub fn fold_unknown(subs: Vec<Submission>) -> Vec<Submission> {
    let mut out: Vec<Submission> = Vec::new();
    let mut first_bad: Option<usize> = None;
    let mut rest: Vec<Submission> = Vec::new();
    for s in subs {
        if is_checkable(&s) {
            out.push(s);
        } else if first_bad.is_none() {
            first_bad = Some(out.len());
            out.push(s);
        } else {
            rest.push(s);
        }
    }
    if let (Some(i), false) = (first_bad, rest.is_empty()) {
        let shown: Vec<String> = rest
            .iter()
            .take(5)
            .map(|s| {
                let who = match values::trim(&s.authority) {
                    "" => "(no authority)".to_string(),
                    a => engine::quoted(a),
                };
                let when = match values::trim(&s.period) {
                    "" => "(no year)".to_string(),
                    p => engine::quoted(p),
                };
                format!("{who} {when} at {}", report::place(&s.authority_site))
            })
            .collect();
        let more = if rest.len() > 5 {
            format!(", and {} more", rest.len() - 5)
        } else {
            String::new()
        };
        let n = rest.len();
        let site = rest[0].authority_site.clone();
        out[i].problem(
            "input.authority",
            false,
            format!(
                "{n} more return{} in this file {} not checked, as each names an authority that is not the ONS code of a Welsh local authority or a year that is not a financial year: {}{more}",
                if n == 1 { "" } else { "s" },
                if n == 1 { "is" } else { "are" },
                shown.join("; ")
            ),
            site,
        );
    }
    out
}

/// Reads every input, joins files of exceptions to the submissions they name, and checks them.
/// `inputs` are (name, bytes) pairs, or the reason a file could not be opened. Each file is read
/// on its own: one that cannot be read, or on which pmf fails, is one error and the others are
/// checked.
pub fn validate(ir: &Ir, inputs: Vec<(String, Result<Vec<u8>, String>)>, opts: Options) -> Report {
    validate_with_previous(ir, inputs, Vec::new(), opts)
}

/// Reads last year's returns (`--previous`): every return of every file, by authority and
/// year. A file that cannot be read is an error of the report.
fn read_previous(
    ir: &Ir,
    previous: Vec<(String, Result<Vec<u8>, String>)>,
    report: &mut Report,
) -> Vec<Submission> {
    let mut out = Vec::new();
    for (name, bytes) in previous {
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                report.unreadable.push(ReadError::new(
                    submission::Site::new(&name, submission::Place::File),
                    format!("cannot open last year's return: {e}"),
                ));
                continue;
            }
        };
        match read_isolated(&name, &bytes, ir) {
            Ok(input) => out.extend(input.submissions),
            Err(e) => report.unreadable.push(e),
        }
    }
    out
}

/// As `validate`, with last year's returns (`--previous`): each submission is also checked by
/// the year-on-year rules (`change`, `balance`) against the return in `previous` of the same
/// authority for the year before. A submission without one, or a rule whose figures last
/// year's return lacks, gets a note saying so.
pub fn validate_with_previous(
    ir: &Ir,
    inputs: Vec<(String, Result<Vec<u8>, String>)>,
    previous: Vec<(String, Result<Vec<u8>, String>)>,
    opts: Options,
) -> Report {
    let mut report = Report::default();
    let with_previous = !previous.is_empty();
    let previous = read_previous(ir, previous, &mut report);
    let mut subs: Vec<Submission> = Vec::new();
    let mut loose = Vec::new();
    for (name, bytes) in inputs {
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                report.unreadable.push(ReadError::new(
                    submission::Site::new(&name, submission::Place::File),
                    format!("cannot open the file: {e}"),
                ));
                continue;
            }
        };
        match read_isolated(&name, &bytes, ir) {
            Ok(input) => {
                subs.extend(fold_unknown(input.submissions));
                loose.extend(input.exceptions);
            }
            Err(e) => report.unreadable.push(e),
        }
    }
    for x in loose {
        let target = subs.iter_mut().find(|s| {
            values::trim(&s.authority) == x.authority && values::trim(&s.period) == x.period
        });
        match target {
            Some(s) => s.exceptions.push(x.exception),
            None => report.unreadable.push(
                ReadError::new(
                    x.exception.site.clone(),
                    format!(
                        "this exception is for {} {}, and no submission given has that authority and period",
                        engine::quoted(&x.authority),
                        engine::quoted(&x.period)
                    ),
                )
                .help("give the submission it explains in the same command"),
            ),
        }
    }
    let engine = Engine::new(ir);
    let sheets: Vec<String> = ir
        .parts
        .iter()
        .map(pmf_return::workbook::part_sheet_name)
        .collect();
    let sheet_of_code: std::collections::BTreeMap<&str, String> = ir
        .data_items
        .iter()
        .filter_map(|d| {
            let part = ir.parts.iter().find(|p| Some(&p.id) == d.part.as_ref())?;
            Some((d.code.as_str(), pmf_return::workbook::part_sheet_name(part)))
        })
        .collect();
    // A workbook's finding is on the sheet of its cell (as the sheet is named in the file);
    // otherwise on the sheet of its first value's part.
    let sheet_of = |f: &Finding| -> String {
        match f.sites.first().map(|s| &s.place) {
            Some(submission::Place::Cell { sheet, .. } | submission::Place::Sheet { sheet }) => {
                sheet.clone()
            }
            _ => f
                .values
                .first()
                .and_then(|v| sheet_of_code.get(v.code.as_str()))
                .cloned()
                .unwrap_or_else(|| "(the return)".into()),
        }
    };
    // Last year's figures for each submission, when there is a return for the year before.
    let year_rules = ir.rules.iter().any(|r| r.kind.is_year_on_year());
    let lasts: Vec<Option<engine::LastYear>> = subs
        .iter()
        .map(|s| {
            if !year_rules {
                return None;
            }
            let a = values::trim(&s.authority);
            let before = engine::year_before(values::trim(&s.period))?;
            let is_last = |x: &&Submission| {
                values::trim(&x.authority) == a && values::trim(&x.period) == before
            };
            let last = previous.iter().find(is_last)?;
            Some(engine.last_year(last))
        })
        .collect();
    // Each return is dropped once checked, so that its rows make room for its findings.
    for (s, last) in subs.into_iter().zip(lasts) {
        let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let (findings, mut notes) = engine.check_with_last_year(&s, last.as_ref());
            match &last {
                Some(_) => {}
                None if with_previous && year_rules => notes.push(format!(
                    "the year-on-year rules were not checked: no return of {} for {} was given with --previous",
                    engine::quoted(values::trim(&s.authority)),
                    engine::year_before(values::trim(&s.period))
                        .unwrap_or_else(|| "the year before".into())
                )),
                None => {}
            }
            let indicators = opts.indicators.then(|| engine.indicators(&s));
            (findings, indicators, notes)
        }));
        let (findings, indicators, notes) = match checked {
            Ok(x) => x,
            Err(p) => {
                report.unreadable.push(
                    ReadError::new(
                        s.authority_site.clone(),
                        format!(
                            "pmf failed while checking this return ({}), so it was not checked",
                            report::safe(&panic_text(p.as_ref()))
                        ),
                    )
                    .help(
                        "this is a fault in pmf, not in the file: please report it, with the file",
                    ),
                );
                continue;
            }
        };
        let mut r = SubmissionReport::new(
            &s.file,
            values::trim(&s.authority),
            values::trim(&s.period),
            findings,
            indicators,
        );
        r.notes = notes;
        r.arrange(&sheets, sheet_of);
        r.limit(LISTED_BASE + LISTED_PER_ROW * (s.entries.len() + s.problems.len()));
        report.submissions.push(r);
    }
    report
}
