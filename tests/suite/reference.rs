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
    let mut bad = Vec::new();
    for b in examples {
        let mut sources = Sources::new();
        sources.add("prelude.pmf", prelude.clone());
        sources.add(format!("language.md:{}", b.line), b.text.clone());
        let comp = pmf::check::compile(&sources);
        let codes: Vec<&str> = comp
            .diagnostics
            .iter()
            .filter(|d| d.counts())
            .map(|d| d.code.as_str())
            .collect();
        match b.info.strip_prefix("expect=") {
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
