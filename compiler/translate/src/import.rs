//! A translated file written back into the `.pmf` sources: each Welsh text replaces the one the
//! text had (or is added under it) as `cy "..." of("HASH", STATE)`, the files go through the
//! formatter, and the result is lowered again to prove that every text now has exactly the
//! Welsh imported. Nothing is written when any entry is refused: the caller gets either every
//! new file text or every problem.

use crate::{fingerprint, Problem, Translated};
use pmf_check::catalogue::{translatable, Translatable};
use pmf_check::model::{english_hash, lower_file, Declarations, WelshState};
use pmf_syntax::source::{FileId, Sources, Span};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Entries that are done (a PO entry not fuzzy, an XLIFF segment translated or reviewed)
    /// are reviewed, not only translated.
    pub reviewed: bool,
}

/// What an import would write.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The new text of every file that changes.
    pub files: BTreeMap<FileId, String>,
    /// Welsh texts written.
    pub imported: usize,
    /// Entries left empty by the translator (nothing written for them).
    pub empty: usize,
    /// The Welsh memory's new text, and the file that holds it now (`None`: a new file,
    /// [`MEMORY_FILE`] in the spec's folder). `None` when the spec has no Welsh made from
    /// recorded English.
    pub memory: Option<(Option<FileId>, String)>,
}

/// The name of the file the Welsh memory is written to when the spec has none yet.
pub const MEMORY_FILE: &str = "welsh-memory.pmf";

const MEMORY_HEAD: &str = "\
// The Welsh memory, written by `pmf translate import`: the English each Welsh text of the spec
// was made from, by the hash its `of(...)` records, so that when the English changes the Welsh
// is shown with the English it translates (`pmf check --welsh`, the editor, `pmf translate
// export`). Not edited by hand: each import writes it again, without the entries no Welsh text
// refers to any more.
";

/// A text's Welsh and its `of(...)` as a file, lowered again, has them.
type Written = (Option<String>, Option<(String, WelshState)>);

struct Edit {
    span: Span,
    text: String,
}

/// Works out the new texts of the spec's files, or every reason not to.
pub fn import(
    sources: &Sources,
    decls: &Declarations,
    file: &Translated,
    options: Options,
) -> Result<Outcome, Vec<Problem>> {
    let mut problems = Vec::new();
    let now = fingerprint(decls);
    match &file.fingerprint {
        Some(f) if *f == now => {}
        Some(f) => problems.push(Problem::new(
            file.header_line,
            format!(
                "the file was made from another version of the spec (`{f}`; the spec is now `{now}`): export it again and carry the Welsh over"
            ),
        )),
        None => problems.push(Problem::new(
            file.header_line,
            "the file does not say which version of the spec it was made from (no `pmf-spec` fingerprint): was it exported by `pmf translate export`?",
        )),
    }
    let catalogue = translatable(decls);
    let by_id: BTreeMap<&str, &Translatable<'_>> =
        catalogue.iter().map(|t| (t.id.as_str(), t)).collect();
    let mut edits: BTreeMap<FileId, Vec<Edit>> = BTreeMap::new();
    let mut expected: BTreeMap<FileId, Vec<(String, String, WelshState, usize)>> = BTreeMap::new();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut out = Outcome::default();
    for u in &file.units {
        let id = u.id.as_str();
        if let Some(first) = seen.insert(id, u.line) {
            problems.push(Problem::new(
                u.line,
                format!("{id}: given twice (first on line {first})"),
            ));
            continue;
        }
        if u.cy.trim().is_empty() {
            out.empty += 1;
            continue;
        }
        let Some(t) = by_id.get(id) else {
            problems.push(Problem::new(
                u.line,
                format!("{id}: the spec has no text with this id (any more)"),
            ));
            continue;
        };
        let en = &t.text.en.value;
        if u.en != *en {
            problems.push(Problem::new(
                u.line,
                format!("{id}: the English has changed since the file was made; it is now: {en}"),
            ));
            continue;
        }
        let mut bad = false;
        let (pe, pc) = (placeholders(en), placeholders(&u.cy));
        if pe != pc {
            problems.push(Problem::new(
                u.line,
                format!(
                    "{id}: the Welsh has the placeholders {} where the English has {}",
                    list(&pc),
                    list(&pe)
                ),
            ));
            bad = true;
        }
        let (ce, cc) = (codes(en), codes(&u.cy));
        if ce != cc {
            problems.push(Problem::new(
                u.line,
                format!(
                    "{id}: the Welsh mentions the codes {} where the English mentions {}",
                    list(&cc),
                    list(&ce)
                ),
            ));
            bad = true;
        }
        if let Some(c) =
            u.cy.chars()
                .find(|c| (c.is_control() && *c != '\n' && *c != '\t') || is_invisible(*c))
        {
            problems.push(Problem::new(
                u.line,
                format!(
                    "{id}: the Welsh holds an invisible character (U+{:04X})",
                    c as u32
                ),
            ));
            bad = true;
        }
        if bad {
            continue;
        }
        let state = if !u.done {
            WelshState::Draft
        } else if u.final_state || options.reviewed {
            WelshState::Reviewed
        } else {
            WelshState::Translated
        };
        let hash = english_hash(en);
        let f = t.text.loc.file;
        let src = &sources.get(f).text;
        edits
            .entry(f)
            .or_default()
            .push(edit(src, t, &u.cy, &hash, state));
        expected
            .entry(f)
            .or_default()
            .push((id.to_string(), u.cy.clone(), state, u.line));
        out.imported += 1;
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let imported: BTreeMap<&str, &str> = file
        .units
        .iter()
        .filter(|u| !u.cy.trim().is_empty())
        .filter_map(|u| {
            Some((
                u.id.as_str(),
                by_id.get(u.id.as_str())?.text.en.value.as_str(),
            ))
        })
        .collect();
    match memory(sources, decls, &catalogue, &imported) {
        Ok(m) => out.memory = m,
        Err(p) => return Err(vec![p]),
    }
    for (f, mut list) in edits {
        list.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        let mut text = sources.get(f).text.clone();
        let mut floor = usize::MAX;
        for e in list {
            if e.span.end > floor {
                problems.push(Problem::new(0, "two entries write over the same text"));
                continue;
            }
            floor = e.span.start;
            text.replace_range(e.span.clone(), &e.text);
        }
        let text = pmf_syntax::fmt::format(&text).unwrap_or(text);
        // Proof: the file, lowered again, has every imported Welsh with its hash and state,
        // and no more errors than before.
        let before = errors(f, &sources.get(f).text).0;
        let (after, decls) = errors(f, &text);
        if after > before {
            problems.push(Problem::new(
                0,
                format!(
                    "writing the Welsh into {} would break it (a fault of pmf: please report it)",
                    sources.get(f).path
                ),
            ));
            continue;
        }
        let got: BTreeMap<String, Written> = translatable(&decls)
            .into_iter()
            .map(|t| {
                (
                    t.id,
                    (
                        t.text.cy().map(|c| c.value.clone()),
                        t.text.cy_of().map(|o| (o.hash.clone(), o.state)),
                    ),
                )
            })
            .collect();
        for (id, cy, state, line) in expected.remove(&f).unwrap_or_default() {
            let want = (
                Some(cy),
                by_id
                    .get(id.as_str())
                    .map(|t| (english_hash(&t.text.en.value), state)),
            );
            if got.get(&id) != Some(&want) {
                problems.push(Problem::new(
                    line,
                    format!("{id}: the Welsh could not be written exactly (a fault of pmf: please report it)"),
                ));
            }
        }
        out.files.insert(f, text);
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// The Welsh memory after an import: for each text whose Welsh records the English it was made
/// from, that English by its hash: the English now for the texts imported and those whose
/// Welsh is current, the remembered English for stale ones (as long as the memory has it).
fn memory(
    sources: &Sources,
    decls: &Declarations,
    catalogue: &[Translatable<'_>],
    imported: &BTreeMap<&str, &str>,
) -> Result<Option<(Option<FileId>, String)>, Problem> {
    let mut kept: BTreeMap<String, &str> = BTreeMap::new();
    for t in catalogue {
        let en = t.text.en.value.as_str();
        if imported.contains_key(t.id.as_str()) {
            kept.insert(english_hash(en), en);
            continue;
        }
        let Some(of) = t.text.cy_of() else { continue };
        if of.hash == english_hash(en) {
            kept.insert(of.hash.clone(), en);
        } else if let Some(before) = decls.remembered(&of.hash) {
            kept.insert(of.hash.clone(), before);
        }
    }
    let file = decls.remembered.first().map(|r| r.loc.file);
    if kept.is_empty() && file.is_none() {
        return Ok(None);
    }
    // The file is written whole: it must hold nothing but the memory.
    if let Some(f) = file {
        let (parsed, _) = pmf_syntax::parse(f, &sources.get(f).text);
        let other = parsed.items.iter().find_map(|i| match i {
            pmf_syntax::Item::Node(n) if n.key.text == "english" => None,
            pmf_syntax::Item::Node(n) => Some(format!("`{}` items", n.key.text)),
            pmf_syntax::Item::Error(_) => Some("text that does not parse".to_string()),
        });
        if let Some(other) = other {
            return Err(Problem::new(
                0,
                format!(
                    "{} holds the Welsh memory and also {other}; the import writes that file whole, so move them to another file first",
                    sources.get(f).path,
                ),
            ));
        }
    }
    let mut text = String::from(MEMORY_HEAD);
    for (hash, en) in &kept {
        text.push_str(&format!(
            "\nenglish \"{hash}\" {}\n",
            literal(en, false, "")
        ));
    }
    // Proof: the file, lowered, has exactly these entries and no error.
    let (errors, back) = self::errors(file.unwrap_or(FileId(0)), &text);
    let got: BTreeMap<&str, &str> = back
        .remembered
        .iter()
        .map(|r| (r.hash.as_str(), r.en.as_str()))
        .collect();
    let want: BTreeMap<&str, &str> = kept.iter().map(|(h, e)| (h.as_str(), *e)).collect();
    if errors > 0 || got != want {
        return Err(Problem::new(
            0,
            "the Welsh memory could not be written exactly (a fault of pmf: please report it)",
        ));
    }
    Ok(Some((file, text)))
}

/// Errors found parsing and lowering a file's text on its own, and its declarations.
fn errors(f: FileId, text: &str) -> (usize, Declarations) {
    let (file, mut diags) = pmf_syntax::parse(f, text);
    let decls = lower_file(&file, &mut diags);
    (diags.iter().filter(|d| d.is_error()).count(), decls)
}

/// The edit that gives a text its Welsh.
fn edit(src: &str, t: &Translatable<'_>, cy: &str, hash: &str, state: WelshState) -> Edit {
    let text = t.text;
    let line_start = |at: usize| src[..at].rfind('\n').map_or(0, |i| i + 1);
    let indent_at = |at: usize| {
        let s = line_start(at);
        let rest = &src[s..];
        rest[..rest.len() - rest.trim_start_matches([' ', '\t']).len()].to_string()
    };
    let welsh = |indent: &str| {
        format!(
            "cy {} of(\"{hash}\", {})",
            literal(cy, text.en.triple, indent),
            state.as_str()
        )
    };
    if let Some(span) = text.cy_span() {
        let indent = indent_at(span.start);
        return Edit {
            span,
            text: welsh(&indent),
        };
    }
    let en_end = text.en_span.end;
    let line_end = src[en_end..].find('\n').map_or(src.len(), |i| en_end + i);
    let rest = src[en_end..line_end].trim();
    if rest.is_empty() || rest.starts_with("//") {
        // The text ends its line: the Welsh goes on a line of its own under it.
        let indent = indent_at(text.loc.span.start);
        let at = line_end - (src[..line_end].len() - src[..line_end].trim_end_matches('\r').len());
        Edit {
            span: at..at,
            text: format!("\n{indent}{}", welsh(&indent)),
        }
    } else {
        // More follows on the line (a header's `{`, a timescale's rule): the Welsh goes right
        // after the English.
        let indent = indent_at(text.loc.span.start);
        Edit {
            span: en_end..en_end,
            text: format!(" {}", welsh(&indent)),
        }
    }
}

/// The Welsh as a literal: `"""` like its English when it has several lines and reads back
/// exactly, otherwise `"..."` with escapes.
fn literal(cy: &str, triple: bool, indent: &str) -> String {
    if triple && cy.contains('\n') && !cy.contains("\"\"\"") {
        let body: Vec<String> = cy
            .split('\n')
            .map(|l| {
                if l.trim().is_empty() {
                    String::new()
                } else {
                    format!("{indent}  {l}")
                }
            })
            .collect();
        let lit = format!("\"\"\"\n{}\n{indent}\"\"\"", body.join("\n"));
        if pmf_syntax::triple_value(&lit) == cy {
            return lit;
        }
    }
    let mut s = String::with_capacity(cy.len() + 2);
    s.push('"');
    for c in cy.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\t' => s.push_str("\\t"),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

/// Characters that show nothing and would make the Welsh differ from what a reader sees:
/// bidirectional controls and zero-width characters (the spec refuses them in texts).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// The `{...}` placeholders of a text, sorted.
fn placeholders(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        match rest[i..].find('}') {
            Some(j) => {
                out.push(rest[i..i + j + 1].to_string());
                rest = &rest[i + j + 1..];
            }
            None => break,
        }
    }
    out.sort();
    out
}

/// The codes a text mentions, sorted.
fn codes(s: &str) -> Vec<String> {
    let mut out: Vec<String> = pmf_ir::rich::code_mentions(s)
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    out.sort();
    out
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items.join(", ")
    }
}
