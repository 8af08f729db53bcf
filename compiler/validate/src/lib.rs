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
    /// The language of every message (`pmf validate --lang cy`).
    pub lang: ir::Lang,
    /// Only the text report will be written (`Some(verbose)`): each return's text is written
    /// on the thread that checked it, and its findings are let go (`SubmissionReport::text`).
    /// A million rows' findings took more memory than the rows; their text takes a fifth of it.
    pub text_only: Option<bool>,
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
    read_isolated_in(name, bytes, ir, ir::Lang::En)
}

fn read_isolated_in(
    name: &str,
    bytes: &[u8],
    ir: &Ir,
    lang: ir::Lang,
) -> Result<read::Input, ReadError> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read::read_in(name, bytes, ir, lang)
    })) {
        Ok(r) => r,
        Err(p) => {
            let words = pmf_words::Table::messages(lang);
            Err(ReadError::new(
                submission::Site::new(name, submission::Place::File),
                words.fill(
                    "fault.reading",
                    &[("error", &report::safe(&panic_text(p.as_ref())))],
                ),
            )
            .help(words.get("fault.help")))
        }
    }
}

/// Keeps, of a file's returns that name no known authority or no financial year, only the
/// first; the others become one finding on it. Rows naming a thousand invented authorities are
/// one finding, not a thousand returns each missing every value.
pub fn fold_unknown(subs: Vec<Submission>) -> Vec<Submission> {
    fold_unknown_in(subs, ir::Lang::En)
}

fn fold_unknown_in(subs: Vec<Submission>, lang: ir::Lang) -> Vec<Submission> {
    let words = pmf_words::Table::messages(lang);
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
                    "" => words.get("report.no_authority"),
                    a => engine::quoted(a),
                };
                let when = match values::trim(&s.period) {
                    "" => words.get("report.no_year"),
                    p => engine::quoted(p),
                };
                words.fill(
                    "input.unknown_return_at",
                    &[
                        ("authority", &who),
                        ("period", &when),
                        ("place", &report::place_words(&s.authority_site, &words)),
                    ],
                )
            })
            .collect();
        let more = if rest.len() > 5 {
            words.fill("input.and_more", &[("n", &(rest.len() - 5).to_string())])
        } else {
            String::new()
        };
        let n = rest.len();
        let site = rest[0].authority_site.clone();
        out[i].problem(
            "input.authority",
            false,
            words.fill(
                "input.unknown_returns",
                &[
                    ("returns", &words.count("count.more_returns", n as u64, &[])),
                    ("list", &shown.join("; ")),
                    ("more", &more),
                ],
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
    words: &pmf_words::Table,
) -> Vec<Submission> {
    let mut out = Vec::new();
    for (name, bytes) in previous {
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                report.unreadable.push(ReadError::new(
                    submission::Site::new(&name, submission::Place::File),
                    words.fill("read.cannot_open", &[("error", &e)]),
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
    let words = pmf_words::Table::messages(opts.lang);
    let mut report = Report {
        lang: opts.lang,
        ..Report::default()
    };
    let with_previous = !previous.is_empty();
    let previous = read_previous(ir, previous, &mut report, &words);
    let mut subs: Vec<Submission> = Vec::new();
    let mut loose = Vec::new();
    for (name, bytes) in inputs {
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                report.unreadable.push(ReadError::new(
                    submission::Site::new(&name, submission::Place::File),
                    words.fill("read.cannot_open", &[("error", &e)]),
                ));
                continue;
            }
        };
        match read_isolated_in(&name, &bytes, ir, opts.lang) {
            Ok(input) => {
                subs.extend(fold_unknown_in(input.submissions, opts.lang));
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
                    words.fill(
                        "exception.no_submission",
                        &[
                            ("authority", &engine::quoted(&x.authority)),
                            ("period", &engine::quoted(&x.period)),
                        ],
                    ),
                )
                .help(words.get("exception.no_submission_help")),
            ),
        }
    }
    let engine = Engine::in_lang(ir, opts.lang);
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
                .unwrap_or_else(|| words.get("report.the_return")),
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
    // One return checked into its report, or the fault that stopped it (everything inside
    // catch_unwind, so that a thread checking returns never panics).
    let check_one = |(s, last): (Submission, Option<engine::LastYear>)| {
        let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let (findings, mut notes) = engine.check_with_last_year(&s, last.as_ref());
            match &last {
                Some(_) => {}
                None if with_previous && year_rules => notes.push(
                    words.fill(
                        "yoy.no_previous",
                        &[
                            ("authority", &engine::quoted(values::trim(&s.authority))),
                            (
                                "period",
                                &engine::year_before(values::trim(&s.period))
                                    .unwrap_or_else(|| words.get("yoy.year_before")),
                            ),
                        ],
                    ),
                ),
                None => {}
            }
            let indicators = opts.indicators.then(|| engine.indicators(&s));
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
            if let Some(verbose) = opts.text_only {
                r.keep_text_only(verbose, &words);
            }
            r
        }));
        checked.map_err(|p| {
            ReadError::new(
                s.authority_site.clone(),
                words.fill(
                    "fault.checking",
                    &[("error", &report::safe(&panic_text(p.as_ref())))],
                ),
            )
            .help(words.get("fault.help"))
        })
    };
    // The returns are independent: they are checked on every core, each thread a run of them
    // in file order, and the reports put back in that order (the output does not depend on
    // the threads). Each return is dropped once checked, so that its rows make room for its
    // findings.
    let jobs: Vec<(Submission, Option<engine::LastYear>)> = subs.into_iter().zip(lasts).collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len());
    let checked: Vec<Result<SubmissionReport, ReadError>> = if threads <= 1 {
        jobs.into_iter().map(check_one).collect()
    } else {
        let per = jobs.len().div_ceil(threads);
        let mut runs: Vec<Vec<(Submission, Option<engine::LastYear>)>> = Vec::new();
        let mut rest = jobs.into_iter();
        loop {
            let run: Vec<_> = rest.by_ref().take(per).collect();
            if run.is_empty() {
                break;
            }
            runs.push(run);
        }
        let check_one = &check_one;
        std::thread::scope(|scope| {
            let handles: Vec<_> = runs
                .into_iter()
                .map(|run| scope.spawn(move || run.into_iter().map(check_one).collect::<Vec<_>>()))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| {
                    h.join().unwrap_or_else(|p| {
                        vec![Err(ReadError::new(
                            submission::Site::new("", submission::Place::File),
                            words.fill(
                                "fault.checking",
                                &[("error", &report::safe(&panic_text(p.as_ref())))],
                            ),
                        )
                        .help(words.get("fault.help")))]
                    })
                })
                .collect()
        })
    };
    for c in checked {
        match c {
            Ok(r) => report.submissions.push(r),
            Err(e) => report.unreadable.push(e),
        }
    }
    report
}
