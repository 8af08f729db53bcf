//! tests/diagnostics: one self-contained spec per file, each expected diagnostic written as a
//! comment under the line it points at:
//!
//! ```text
//!   counts contatc
//! //       ^^^^^^^ error[PMF0102]: there is no unit `contatc`
//! ```
//!
//! A diagnostic in column 1 or 2, where carets cannot reach, is written with its position:
//! `//@ 1:1 error[PMF0007]: message` (the width is not compared). A first line
//! `// pmf-check: --welsh` checks the case as `pmf check --welsh` would; a first line
//! `// pmf-check: --previous NAME.prev` checks it with the edition in NAME.prev (beside it) as
//! the edition it supersedes.
//!
//! Every diagnostic must be annotated, and every annotation must be produced. Beside each
//! `.pmf`, a `.out` file holds the full rendered report, so changes to the layout show up.

use crate::common::{expect_file, files_with_ext, root};
use pmf::diag::{self, Diagnostic};

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Clone)]
struct Expect {
    line: usize,
    col: usize,
    width: usize,
    severity: String,
    code: String,
    message: String,
}

fn annotations(text: &str) -> (Vec<Expect>, String) {
    let mut out = Vec::new();
    let mut last_code_line = 0;
    let mut line_no = 0;
    for line in text.lines() {
        line_no += 1;
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix("//@ ") {
            // `//@ LINE:COL severity[CODE]: message`
            let (pos, after) = rest.split_once(' ').unwrap_or((rest, ""));
            let (l, c) = pos.split_once(':').unwrap_or(("0", "0"));
            if let (Ok(l), Ok(c), Some((head, message))) =
                (l.parse(), c.parse(), after.split_once("]: "))
            {
                if let Some((sev, code)) = head.split_once('[') {
                    out.push(Expect {
                        line: l,
                        col: c,
                        width: 0,
                        severity: sev.to_string(),
                        code: code.to_string(),
                        message: message.to_string(),
                    });
                    continue;
                }
            }
        }
        if let Some(rest) = t.strip_prefix("//") {
            let carets_start = rest.find('^');
            if let Some(cs) = carets_start {
                if rest[..cs].chars().all(|c| c == ' ') {
                    let width = rest[cs..].chars().take_while(|c| *c == '^').count();
                    let after = rest[cs + width..].trim();
                    if let Some((head, message)) = after.split_once("]: ") {
                        if let Some((sev, code)) = head.split_once('[') {
                            let col = (line.len() - t.len()) + 2 + cs + 1;
                            out.push(Expect {
                                line: last_code_line,
                                col,
                                width,
                                severity: sev.to_string(),
                                code: code.to_string(),
                                message: message.to_string(),
                            });
                            continue;
                        }
                    }
                }
            }
        }
        last_code_line = line_no;
    }
    (out, String::new())
}

fn actual(d: &Diagnostic, sources: &pmf::source::Sources) -> Expect {
    let f = sources.get(d.primary.file);
    let (line, col) = f.line_col(d.primary.span.start);
    let line_start = f.line_starts()[line - 1];
    let line_end = f.text[line_start..]
        .find('\n')
        .map_or(f.text.len(), |n| line_start + n);
    let end = d.primary.span.end.min(line_end).max(d.primary.span.start);
    let width = f.text[d.primary.span.start..end].chars().count().max(1);
    let severity = if d.allowed.is_some() {
        "allowed".to_string()
    } else {
        d.severity.as_str().to_string()
    };
    Expect {
        line,
        col,
        width,
        severity,
        code: d.code.as_str().to_string(),
        message: d.message.clone(),
    }
}

#[test]
fn every_case_gives_exactly_its_annotated_diagnostics() {
    let dir = root().join("tests/diagnostics");
    let cases = files_with_ext(&dir, "pmf");
    assert!(!cases.is_empty(), "no cases in {}", dir.display());
    let mut failures = Vec::new();
    for case in &cases {
        let text = std::fs::read_to_string(case).expect("readable case");
        let name = format!(
            "tests/diagnostics/{}",
            case.file_name().and_then(|n| n.to_str()).unwrap_or("?")
        );
        let first = text.lines().next().unwrap_or("").trim();
        let welsh = first == "// pmf-check: --welsh";
        let prev_ir = first
            .strip_prefix("// pmf-check: --previous ")
            .and_then(|f| {
                let p = std::fs::read_to_string(case.with_file_name(f)).ok()?;
                crate::common::compile_text(f, &p).1.ir
            });
        let check = |skip_ir: bool, lean: bool| {
            crate::common::compile_text_with(
                &name,
                &text,
                pmf::check::Options {
                    require_welsh: welsh,
                    previous: prev_ir.as_ref(),
                    skip_ir,
                    lean,
                    ..Default::default()
                },
            )
        };
        let (sources, comp) = check(false, false);
        // `pmf check` and the language server check without building the IR: the same
        // diagnostics.
        let (_, checked) = check(true, false);
        if format!("{:?}", checked.diagnostics) != format!("{:?}", comp.diagnostics) {
            failures.push(format!(
                "{name}: checked without the IR (`skip_ir`), the diagnostics differ"
            ));
        }
        // `pmf check` itself also keeps neither the trees nor the uses of names: the same
        // diagnostics again, and the same declarations.
        let (_, lean) = check(true, true);
        if format!("{:?}", lean.diagnostics) != format!("{:?}", comp.diagnostics) {
            failures.push(format!(
                "{name}: checked `lean` (as `pmf check` does), the diagnostics differ"
            ));
        }
        if format!("{:?}", lean.decls) != format!("{:?}", comp.decls)
            || format!("{:?}", lean.symbols.defs) != format!("{:?}", comp.symbols.defs)
        {
            failures.push(format!(
                "{name}: checked `lean`, the declarations or definitions differ"
            ));
        }
        if !lean.symbols.uses.is_empty() || lean.files.iter().any(|f| !f.items.is_empty()) {
            failures.push(format!("{name}: checked `lean`, trees or uses were kept"));
        }
        let (mut want, _) = annotations(&text);
        let positioned: Vec<(usize, usize)> = want
            .iter()
            .filter(|w| w.width == 0)
            .map(|w| (w.line, w.col))
            .collect();
        let mut got: Vec<Expect> = comp
            .diagnostics
            .iter()
            .map(|d| {
                let mut e = actual(d, &sources);
                if positioned.contains(&(e.line, e.col)) {
                    e.width = 0;
                }
                e
            })
            .collect();
        want.sort();
        got.sort();
        if want != got {
            let missing: Vec<_> = want.iter().filter(|w| !got.contains(w)).collect();
            let extra: Vec<_> = got.iter().filter(|g| !want.contains(g)).collect();
            failures.push(format!("{name}:\n  expected but not produced: {missing:#?}\n  produced but not expected: {extra:#?}"));
        }
        let mut rendered = diag::render_text(&comp.diagnostics, &sources);
        rendered.push_str(&format!("{}\n", diag::summary_line(&comp.diagnostics)));
        if let Err(e) = expect_file(&case.with_extension("out"), &rendered) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_diagnostic_code_has_a_failing_case() {
    let dir = root().join("tests/diagnostics");
    let mut seen = std::collections::BTreeSet::new();
    for case in files_with_ext(&dir, "pmf") {
        let text = std::fs::read_to_string(&case).expect("readable case");
        for a in annotations(&text).0 {
            seen.insert(a.code);
        }
    }
    let missing: Vec<&str> = diag::ALL_CODES
        .iter()
        .map(|c| c.as_str())
        // PMF0002 (invalid UTF-8) and PMF0006 (unreadable path) come from reading files, not
        // from text: tests/suite/cli.rs covers them. PMF0009 needs several editions, each a
        // folder: tests/suite/editions.rs covers it (and its explanation's example).
        .filter(|c| !seen.contains(*c) && !["PMF0002", "PMF0006", "PMF0003", "PMF0009"].contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "codes without a case in tests/diagnostics: {missing:?}"
    );
}
