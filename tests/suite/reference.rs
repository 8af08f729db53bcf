//! The language reference (compiler/doc/language.md) cannot go stale: each ```pmf block is
//! compiled with the prelude block; a plain block must check clean, a block marked
//! `expect=PMFxxxx` must produce that code.

use crate::common::root;
use pmf::source::Sources;

struct Block {
    info: String,
    text: String,
    line: usize,
}

fn blocks(md: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut lines = md.lines().enumerate();
    while let Some((n, l)) = lines.next() {
        if let Some(info) = l.strip_prefix("```pmf") {
            let mut text = String::new();
            for (_, l) in lines.by_ref() {
                if l.starts_with("```") {
                    break;
                }
                text.push_str(l);
                text.push('\n');
            }
            out.push(Block {
                info: info.trim().to_string(),
                text,
                line: n + 1,
            });
        }
    }
    out
}

#[test]
fn every_reference_example_compiles() {
    let md = std::fs::read_to_string(root().join("compiler/doc/language.md"))
        .expect("the reference exists");
    let all = blocks(&md);
    let prelude = all
        .iter()
        .find(|b| b.info == "prelude")
        .expect("a prelude block")
        .text
        .clone();
    let examples: Vec<&Block> = all.iter().filter(|b| b.info != "prelude").collect();
    assert!(
        examples.len() >= 10,
        "the reference should show every construct"
    );
    // The edition `next` blocks revise: the prelude with the latest `previous` block.
    let next_prelude = prelude.replacen(
        "edition \"example\" {",
        "edition \"example-2021\" {\n  supersedes \"example\"",
        1,
    );
    assert_ne!(
        next_prelude, prelude,
        "the prelude's edition header is `edition \"example\" {{`"
    );
    let mut previous: Option<pmf::ir::Ir> = None;
    let mut bad = Vec::new();
    let mut next_blocks = 0;
    for b in examples {
        let (role, info) = match b.info.split_once(' ') {
            Some((r, rest)) if r == "previous" || r == "next" => (r, rest.trim()),
            _ if b.info == "previous" || b.info == "next" => (b.info.as_str(), ""),
            _ => ("", b.info.as_str()),
        };
        let mut sources = Sources::new();
        sources.add(
            "prelude.pmf",
            if role == "next" {
                next_prelude.clone()
            } else {
                prelude.clone()
            },
        );
        sources.add(format!("language.md:{}", b.line), b.text.clone());
        if role == "next" {
            next_blocks += 1;
            if previous.is_none() {
                bad.push(format!(
                    "line {}: a `next` block with no `previous` block above it",
                    b.line
                ));
                continue;
            }
        }
        let comp = pmf::check::compile_with(
            &sources,
            pmf::check::Options {
                previous: if role == "next" {
                    previous.as_ref()
                } else {
                    None
                },
                ..Default::default()
            },
        );
        if role == "previous" {
            previous = comp.ir.clone();
        }
        let codes: Vec<&str> = comp
            .diagnostics
            .iter()
            .filter(|d| d.counts())
            .map(|d| d.code.as_str())
            .collect();
        match info.strip_prefix("expect=") {
            Some(code) if !codes.contains(&code) => {
                bad.push(format!("line {}: expected {code}, got {codes:?}", b.line))
            }
            Some(_) => {}
            None if !codes.is_empty() => {
                let msgs: Vec<String> = comp
                    .diagnostics
                    .iter()
                    .filter(|d| d.counts())
                    .map(|d| format!("{} {}", d.code.as_str(), d.message))
                    .collect();
                bad.push(format!(
                    "line {}: expected a clean check, got {msgs:#?}",
                    b.line
                ));
            }
            None => {}
        }
    }
    // The edition syntax is shown (was, reuses, same, a merge, a split) and checked.
    assert!(
        next_blocks >= 6,
        "the reference should show every edition construct"
    );
    for construct in ["was AD/", "was part of", " + AD/", "reuses \"", "same \""] {
        assert!(md.contains(construct), "the reference shows `{construct}`");
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

const BEGIN: &str = "<!-- schema: begin (written from compiler/check/src/model/schema.rs; UPDATE_EXPECT=1 rewrites it) -->\n";
const END: &str = "<!-- schema: end -->\n";

/// The reference ends with every item kind and field of the language, written from the one
/// schema that lowering and the editor read: a field added to the language and not to the
/// reference fails here.
#[test]
fn the_reference_documents_every_item_and_field() {
    let path = root().join("compiler/doc/language.md");
    let md = std::fs::read_to_string(&path).expect("the reference exists");
    let (Some(start), Some(end)) = (md.find(BEGIN), md.find(END)) else {
        panic!("compiler/doc/language.md has no schema section between {BEGIN:?} and {END:?}");
    };
    let written = md.get(start + BEGIN.len()..end).unwrap_or("");
    let schema = pmf::model::schema::reference();
    if written == schema {
        return;
    }
    if pmf_testkit::updating() {
        let new = format!("{}{BEGIN}{schema}{}", &md[..start], &md[end..]);
        std::fs::write(&path, new).expect("the reference is written");
        return;
    }
    panic!(
        "the schema section of compiler/doc/language.md differs from the schema (UPDATE_EXPECT=1 rewrites it for review):\n{}",
        pmf::driver::short_diff(written.as_bytes(), schema.as_bytes(), 40)
    );
}

/// Every item kind and field is named in the schema section (so the test above cannot pass
/// on a section that lost them).
#[test]
fn the_schema_section_names_every_field() {
    let reference = pmf::model::schema::reference();
    for (path, block) in pmf::model::schema::all_blocks() {
        let heading = format!("### `{}`", path.first().copied().unwrap_or(""));
        assert!(reference.contains(&heading), "{heading}");
        for f in block.fields {
            assert!(
                reference.contains(&format!("| `{}` |", f.name)),
                "{path:?}.{}",
                f.name
            );
        }
    }
}
