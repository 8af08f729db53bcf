//! The hand-written parser (compiler/src/syntax/fast.rs) and the pest grammar must agree on
//! every item: the same tree with the same spans, or both refuse it. Checked on every `.pmf`
//! file in the repository, on the language reference's examples, and on thousands of random
//! edits of the shipped spec (the edits an editor makes while someone types, and garbage).

use crate::common::{files_with_ext, root};
use crate::subgen::Rng;
use pmf::syntax::compare_parsers;

fn all_pmf_files() -> Vec<(String, String)> {
    let mut paths = pmf::driver::pmf_files_under(&root().join("spec"));
    paths.extend(files_with_ext(&root().join("tests/diagnostics"), "pmf"));
    paths.extend(files_with_ext(&root().join("tests/extensions"), "pmf"));
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            (p.display().to_string(), text)
        })
        .collect()
}

fn agree(name: &str, text: &str) -> usize {
    match compare_parsers(text) {
        Ok(n) => n,
        Err(e) => panic!("{name}: {e}"),
    }
}

#[test]
fn the_parsers_agree_on_every_file_in_the_repository() {
    let mut items = 0;
    for (name, text) in all_pmf_files() {
        items += agree(&name, &text);
    }
    // The shipped spec alone has over a thousand items.
    assert!(items > 1000, "only {items} items compared");
}

#[test]
fn the_parsers_agree_on_the_reference_examples() {
    let reference = std::fs::read_to_string(root().join("compiler/doc/language.md")).unwrap();
    let mut examples = 0;
    for block in reference.split("```pmf").skip(1) {
        let code = block.split("```").next().unwrap_or("");
        agree("language.md", code);
        examples += 1;
    }
    assert!(examples >= 10, "only {examples} examples");
}

/// Pieces the random edits paste: the grammar's punctuation, keywords and literals, and junk.
const PASTES: &[&str] = &[
    "\"",
    "\"\"\"",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ",",
    ";",
    "\n",
    "\r\n",
    " ",
    "\t",
    "//",
    "/",
    "-",
    "+",
    "*",
    "=",
    "<=",
    "!=",
    "..",
    ".",
    "\\",
    "\\u{41}",
    "\\q",
    "AD/001",
    "AD/002a",
    "PI/AD/01",
    "metric",
    "of",
    "2020-21",
    "2020-04-01",
    "16..25",
    "3.17",
    "1a",
    "x.y",
    "\u{feff}",
    "é",
    "ABCDEF/1",
    "f(",
    "sum(AD/001, AD/002)",
    "wording \"x\"\n",
];

fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut out = text.to_string();
    for _ in 0..1 + rng.below(4) {
        let mut at = rng.below(out.len() + 1);
        while !out.is_char_boundary(at) {
            at -= 1;
        }
        match rng.below(3) {
            0 => {
                let mut end = (at + rng.below(40)).min(out.len());
                while !out.is_char_boundary(end) {
                    end -= 1;
                }
                out.replace_range(at..end, "");
            }
            1 => out.insert_str(at, PASTES[rng.below(PASTES.len())]),
            _ => {
                let mut end = (at + rng.below(60)).min(out.len());
                while !out.is_char_boundary(end) {
                    end -= 1;
                }
                let copy = out[at..end].to_string();
                let mut to = rng.below(out.len() + 1);
                while !out.is_char_boundary(to) {
                    to -= 1;
                }
                out.insert_str(to, &copy);
            }
        }
    }
    out
}

#[test]
fn the_parsers_agree_on_random_edits_of_the_spec() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let files = all_pmf_files();
    let spec: Vec<&(String, String)> = files.iter().filter(|(n, _)| n.contains("spec")).collect();
    for round in 0..3000 {
        let (name, text) = spec[rng.below(spec.len())];
        // One item's neighbourhood is enough, and keeps the test fast.
        let mut start = rng.below(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + 3000).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let edited = mutate(&text[start..end], &mut rng);
        agree(&format!("{name}, round {round}"), &edited);
    }
}
