//! What the fuzz targets share: the shipped spec's IR (and a revision of it, for migration),
//! built once, and the checks every text report must pass.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

/// The layers under the names the `pmf` crate gives them, so the targets read as the program's
/// code does.
#[allow(unused_imports)]
pub mod pmf {
    pub use pmf_check as check;
    pub use pmf_ir as ir;
    pub use pmf_migrate as migrate;
    pub use pmf_project as driver;
    pub use pmf_syntax as syntax;
    pub use pmf_syntax::{fmt, source};
    pub use pmf_validate as validate;
    pub mod gen {
        pub use pmf_templates as templates;
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The IR of the shipped spec.
pub fn shipped() -> &'static pmf::ir::Ir {
    static IR: OnceLock<pmf::ir::Ir> = OnceLock::new();
    IR.get_or_init(|| {
        let input = pmf::driver::read_input(&[root().join("spec/2019-consultation")]);
        pmf::check::compile(&input.sources).ir.expect("the shipped spec compiles")
    })
}

/// The shipped spec revised by tests/editions/2020-revision.edits (renumbered, merged and
/// split codes), superseding it: the pair `pmf migrate` carries returns across.
pub fn revised() -> &'static pmf::ir::Ir {
    static IR: OnceLock<pmf::ir::Ir> = OnceLock::new();
    IR.get_or_init(|| {
        let input = pmf::driver::read_input(&[root().join("spec/2019-consultation")]);
        let mut files: Vec<(String, String)> = input
            .sources
            .ids()
            .map(|id| {
                let s = input.sources.get(id);
                let name = std::path::Path::new(&s.path)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (name, s.text.clone())
            })
            .collect();
        let edits = std::fs::read_to_string(root().join("tests/editions/2020-revision.edits"))
            .expect("the edits");
        apply_edits(&edits, &mut files);
        let mut sources = pmf::source::Sources::new();
        for (name, text) in files {
            sources.add(format!("2020-revision/{name}"), text);
        }
        pmf::check::compile_with(
            &sources,
            pmf::check::Options {
                previous: Some(shipped()),
                ..Default::default()
            },
        )
        .ir
        .expect("the revision compiles")
    })
}

/// Applies the edits (the format of tests/editions/2020-revision.edits: `replace`, `append`,
/// `delete`) to the files in memory.
fn apply_edits(edits: &str, files: &mut [(String, String)]) {
    let mut lines = edits.lines();
    let block = |lines: &mut std::str::Lines| -> (String, String) {
        assert_eq!(lines.next(), Some("<<<"));
        let (mut a, mut b, mut in_b) = (String::new(), String::new(), false);
        for l in lines.by_ref() {
            match l {
                "===" => in_b = true,
                ">>>" => {
                    a.pop();
                    b.pop();
                    return (a, b);
                }
                _ if in_b => {
                    b.push_str(l);
                    b.push('\n');
                }
                _ => {
                    a.push_str(l);
                    a.push('\n');
                }
            }
        }
        panic!("an edit is not closed");
    };
    while let Some(line) = lines.next() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let words: Vec<&str> = line.splitn(3, ' ').collect();
        let text = &mut files
            .iter_mut()
            .find(|(n, _)| n == words[1])
            .expect("the edited file")
            .1;
        match words[0] {
            "replace" => {
                let (old, new) = block(&mut lines);
                *text = text.replacen(&old, &new, 1);
            }
            "append" => {
                let (add, _) = block(&mut lines);
                text.push_str(&add);
                text.push('\n');
            }
            "delete" => {
                let header = format!("{} {{\n", words[2]);
                let start = text.find(&header).expect("the item");
                let end = start + text[start..].find("\n}\n").expect("its end") + 3;
                text.replace_range(start..end, "");
            }
            other => panic!("unknown edit {other}"),
        }
    }
}

/// A text shown on a terminal holds no control character but line breaks.
pub fn assert_terminal_safe(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|c| c.is_control() && *c != '\n') {
        panic!("{what} holds the control character {c:?}:\n{text}");
    }
}

/// The report of validating one input, checked: terminal-safe text, JSON that parses, and at
/// most the listed number of findings per return.
pub fn check_report(report: &pmf::validate::Report) {
    assert_terminal_safe("the text report", &report.to_text());
    let json = report.to_json();
    serde_json::from_str::<serde_json::Value>(&json).expect("the JSON report parses");
    for s in &report.submissions {
        let total = s.summary.errors + s.summary.warnings;
        assert_eq!(total, s.findings.len() + s.not_listed, "the summary counts every finding");
    }
}
