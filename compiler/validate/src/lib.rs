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

/// Reads every input, joins files of exceptions to the submissions they name, and checks them.
/// `inputs` are (name, bytes) pairs, or the reason a file could not be opened.
pub fn validate(ir: &Ir, inputs: Vec<(String, Result<Vec<u8>, String>)>, opts: Options) -> Report {
    let mut report = Report::default();
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
        match read::read(&name, &bytes, ir) {
            Ok(input) => {
                subs.extend(input.submissions);
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
                        x.authority, x.period
                    ),
                )
                .help("give the submission it explains in the same command"),
            ),
        }
    }
    let engine = Engine::new(ir);
    for s in &subs {
        let findings = engine.check(s);
        let indicators = opts.indicators.then(|| engine.indicators(s));
        report.submissions.push(SubmissionReport::new(
            &s.file,
            values::trim(&s.authority),
            values::trim(&s.period),
            findings,
            indicators,
        ));
    }
    report
}
