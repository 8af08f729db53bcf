//! The formatter keeps every comment and every character of text, and is idempotent: checked on
//! every file of the shipped spec, on those files with their layout scrambled, and on random
//! text.

use crate::common::root;
use crate::subgen::Rng;
use pmf::fmt::{format, same_content};

fn spec_files() -> Vec<(String, String)> {
    pmf::driver::pmf_files_under(&root().join("spec"))
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).expect("readable"),
            )
        })
        .collect()
}

/// Changes only layout: indentation, spaces between tokens, blank lines.
fn scramble(text: &str, rng: &mut Rng) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            for _ in 0..rng.below(3) {
                out.push('\n');
            }
            continue;
        }
        out.push_str(&" ".repeat(rng.below(9)));
        out.push_str(line.trim_start());
        out.push_str(&" ".repeat(rng.below(2)));
        out.push('\n');
        if rng.below(5) == 0 {
            out.push('\n');
        }
    }
    out
}

#[test]
fn the_shipped_spec_is_formatted_and_formatting_is_stable() {
    for (name, text) in spec_files() {
        let once = format(&text).expect("the shipped spec formats");
        assert_eq!(once, text, "{name} is not formatted: run `pmf fmt`");
    }
}

#[test]
fn scrambled_layout_comes_back_the_same_with_nothing_lost() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for (name, text) in spec_files() {
        for round in 0..8 {
            let messy = scramble(&text, &mut rng);
            let once = format(&messy).expect("formats");
            assert!(
                same_content(&messy, &once),
                "{name} round {round}: content changed"
            );
            assert_eq!(
                format(&once).as_deref(),
                Some(once.as_str()),
                "{name} round {round}: not idempotent"
            );
        }
    }
}

#[test]
fn random_text_never_panics_and_never_loses_content() {
    let alphabet: Vec<char> = "ab AD/001 {}()[]\"\"\"\n\t;,// é*#$\\-=<>"
        .chars()
        .collect();
    let mut rng = Rng(42);
    for _ in 0..3000 {
        let len = rng.below(120);
        let s: String = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        if let Some(out) = format(&s) {
            assert!(same_content(&s, &out), "content changed for {s:?}");
            assert_eq!(
                format(&out).as_deref(),
                Some(out.as_str()),
                "not idempotent for {s:?}"
            );
        }
        let _ = pmf::syntax::parse(pmf::source::FileId(0), &s);
    }
}
