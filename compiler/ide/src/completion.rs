//! Completion: what may be typed at the cursor, worked out from the tokens around it (so it
//! works in a half-typed item that does not parse), with the names the compilation declares.
//!
//! At the start of a line it offers the item keywords (at the top level) or the fields of the
//! enclosing block; after a field it offers what that field takes: units after `counts`,
//! instruments after `cite`, codes after `subset of`, a breakdown's list entries after an item
//! letter, codes, populations and functions in a formula. A word shaped like a code (`AD/0`)
//! always gets the codes, in texts too.

use crate::query::Target;
use crate::world::Analysis;
use pmf_check::model::schema::{self, Value};
use pmf_check::Kind;
use pmf_syntax::lexer::{tokenize, Token, TokenKind};

/// What a candidate is, for the editor's icon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CandidateKind {
    /// An item keyword, or a word of a field's value.
    Keyword,
    /// A field.
    Field,
    /// A metric or item code.
    Code,
    Unit,
    Codelist,
    Entry,
    Instrument,
    Population,
    /// A cohort, part or group.
    Container,
    /// Another declared name.
    Name,
    Function,
    /// A diagnostic code.
    DiagnosticCode,
}

/// One candidate.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub label: String,
    pub kind: CandidateKind,
    pub detail: Option<String>,
    pub doc: Option<String>,
    /// A declaration whose hover card documents the candidate, made only when the editor
    /// asks for it (`completionItem/resolve`): a list of every code would otherwise build
    /// hundreds of cards for each keystroke.
    pub card: Option<Target>,
    /// A snippet to insert instead of the label, in the usual snippet syntax (`${1:id}`,
    /// `$0`), for editors that take snippets.
    pub snippet: Option<String>,
}

/// A snippet for a new item of each kind, by keyword.
/// Item kinds a tool writes, not a person (the Welsh memory, by `pmf translate import`): not
/// offered.
const TOOL_WRITTEN: &[&str] = &["english"];

const SNIPPETS: &[(&str, &str)] = &[
    ("edition", "edition \"${1:id}\" {\n  title \"$2\"\n  status ${3|draft,consultation,final|}\n  first_year ${4:2020-21}\n}"),
    ("extension", "extension \"${1:id}\" {\n  title \"$2\"\n  prefix \"${3:CDF}\"\n  extends \"${4:2019-consultation}\"\n}"),
    ("doc", "doc ${1:id} \"${2:Title}\" {\n  number \"$3\"\n  text \"\"\"\n    $0\n  \"\"\"\n}"),
    ("instrument", "instrument ${1:id} \"${2:Full title}\" {\n  kind ${3|act,code_of_practice,regulations,statutory_guidance,procedures,protocol,guidance|}\n}"),
    ("cohort", "cohort ${1:id} \"${2:Label}\" {\n  definition \"$3\"\n  ages ${4:18..}\n}"),
    ("unit", "unit ${1:id} \"${2:plural label}\" {\n  singular \"$3\"\n  kind ${4|entity,measure|}\n}"),
    ("definition", "definition ${1:id} \"${2:Term}\" {\n  text \"$3\"\n}"),
    ("source", "source ${1:id} \"${2:Title}\" {\n  note \"$3\"\n}"),
    ("population", "population ${1:id} \"${2:Label}\" {\n  cohort ${3:adult}\n  ages ${4:18..}\n  source \"$5\"\n}"),
    ("codelist", "codelist ${1:id} \"${2:Title}\" {\n  entry ${3:name} \"${4:Label}\"\n}"),
    ("missing", "missing ${1:id} \"${2:Label}\" {\n  meaning \"$3\"\n}"),
    ("standard", "standard ${1:qs1} \"${2:The standard as worded}\" {\n  number \"$3\"\n}"),
    ("part", "part ${1:id} \"${2:Title}\" {\n  number \"$3\"\n  cohort ${4:adult}\n  prefix \"${5:AD}\"\n}"),
    ("group", "group ${1:id} \"${2:Title}\" {\n  part ${3:adults}\n  number \"$4\"\n}"),
    ("metric", "metric ${1:AD/001} {\n  wording \"$2\"\n  counts ${3:contact}\n  ${4|flow,stock|}\n}"),
    ("indicator", "indicator ${1:PI/AD/01} {\n  title \"$2\"\n  formula ${3:percent(AD/002, AD/001)}\n  polarity ${4|higher_is_better,lower_is_better,neither|}\n}"),
    ("rule", "rule ${1:VR/AD/01} {\n  severity ${2|warning,error|}\n  assert ${3:AD/002a <= AD/001}\n  message \"$4\"\n}"),
    ("erratum", "erratum ${1:E001} {\n  affects ${2:AD/001}\n  kind ${3|code,wording,cross_reference,range,extraction,uncoded,heading,numbering|}\n  source \"$4\"\n  corrected \"$5\"\n  reason \"$6\"\n}"),
    ("report", "report ${1:id} \"${2:Title}\" {\n  authority ${3:W06000015}\n  standard ${4:qs1} {\n    measure ${5:PI/AD/01}\n  }\n}"),
    ("allow", "allow ${1:PMF0306} \"${2:reason}\""),
    ("calendar", "calendar ${1:wales} \"${2:Working days in Wales}\" {\n  weekend saturday sunday\n  years ${3:2018} to ${4:2026}\n  holiday ${5:2020-12-25} \"${6:Christmas Day}\"\n}"),
    ("term", "term ${1:id} \"${2:English}\" cy \"${3:Cymraeg}\" {\n  status ${4|agreed,proposed,deprecated|}\n}"),
    ("record", "record ${1:id} \"${2:Title}\" {\n  counts ${3:unit}\n  key ${4:id}\n  field ${4:id} id \"${5:Identifier}\"\n  field ${6:name} ${7|date,datetime,number,id,cohort|} \"${8:Title}\"\n}"),
];

/// The snippet of a new item of a kind.
pub fn snippet(keyword: &str) -> Option<&'static str> {
    SNIPPETS
        .iter()
        .find(|(k, _)| *k == keyword)
        .map(|(_, s)| *s)
}

/// Where the cursor is, as far as completion cares.
#[derive(Debug, PartialEq, Eq)]
pub struct Context {
    /// Keys of the blocks around the cursor, outermost first.
    pub enclosing: Vec<String>,
    /// The words of the opening line of the innermost block.
    pub block_line: Vec<String>,
    /// Words on the cursor's line before the word being typed.
    pub before: Vec<String>,
    /// The word being typed and where it starts.
    pub prefix: String,
    pub prefix_start: usize,
    pub in_text: bool,
    pub in_comment: bool,
}

/// Works out the context from the text before the cursor.
pub fn context(text: &str, offset: usize) -> Context {
    let offset = offset.min(text.len());
    let tokens = tokenize(text);
    // Stack of (key, words of the opening line) for each open brace; brackets push None.
    let mut stack: Vec<Option<(String, Vec<String>)>> = Vec::new();
    let mut line_words: Vec<String> = Vec::new();
    let mut in_text = false;
    let mut in_comment = false;
    let mut prefix_start = offset;
    for t in &tokens {
        if t.span.start >= offset {
            break;
        }
        let inside = t.span.end > offset || (t.span.end == offset && !closed_at(t, text));
        match t.kind {
            TokenKind::Str { .. } | TokenKind::Triple { .. } if inside => {
                in_text = true;
                break;
            }
            TokenKind::Comment if t.span.end >= offset => {
                in_comment = true;
                break;
            }
            TokenKind::Newline | TokenKind::Semicolon => line_words.clear(),
            TokenKind::Open(b) => {
                if b == b'{' {
                    let key = line_words.first().cloned().unwrap_or_default();
                    stack.push(Some((key, line_words.clone())));
                    line_words.clear();
                } else {
                    stack.push(None);
                }
            }
            TokenKind::Close(b) => {
                // Pop to the matching kind of bracket; a stray close is ignored.
                if b == b'}' {
                    while let Some(top) = stack.pop() {
                        if top.is_some() {
                            break;
                        }
                    }
                } else if matches!(stack.last(), Some(None)) {
                    stack.pop();
                }
            }
            TokenKind::Word => {
                if t.span.end >= offset {
                    prefix_start = t.span.start;
                } else if let Some(w) = text.get(t.span.clone()) {
                    line_words.push(w.to_string());
                }
            }
            TokenKind::Str { .. } | TokenKind::Triple { .. } => line_words.push("\"\"".into()),
            _ => {}
        }
    }
    let enclosing: Vec<String> = stack.iter().flatten().map(|(k, _)| k.clone()).collect();
    let block_line = stack
        .iter()
        .rev()
        .flatten()
        .next()
        .map(|(_, w)| w.clone())
        .unwrap_or_default();
    let prefix = text.get(prefix_start..offset).unwrap_or("").to_string();
    Context {
        enclosing,
        block_line,
        before: line_words,
        prefix,
        prefix_start,
        in_text,
        in_comment,
    }
}

/// Whether a string or comment token is closed before `offset` (at its end).
fn closed_at(t: &Token, _text: &str) -> bool {
    match t.kind {
        TokenKind::Str { closed } | TokenKind::Triple { closed } => closed,
        _ => true,
    }
}

fn looks_like_code(w: &str) -> bool {
    let head: String = w.chars().take_while(|c| c.is_ascii_uppercase()).collect();
    head.len() >= 2 && w.get(head.len()..).is_some_and(|r| r.starts_with('/'))
}

/// The candidates at an offset of a file.
pub fn candidates(a: Option<&Analysis>, text: &str, offset: usize) -> (Context, Vec<Candidate>) {
    let cx = context(text, offset);
    let mut out = Vec::new();
    if cx.in_comment {
        return (cx, out);
    }
    if cx.in_text {
        let word = text_word_before(text, offset);
        let mut cx = cx;
        cx.prefix_start = offset - word.len();
        cx.prefix = word;
        if looks_like_code(&cx.prefix) {
            codes(a, &mut out);
        }
        return (cx, out);
    }
    if cx.before.first().is_some_and(|k| k == "was") {
        // `was AD/005`, `was AD/042 + AD/043`, `was part of AD/020`: codes of the edition this
        // one supersedes.
        match cx.before.last().map(String::as_str) {
            Some("part") => words(&["of"], &mut out),
            Some(w) if w != "was" && w != "of" && w != "+" => words(&["+"], &mut out),
            Some(w) => {
                if w == "was" && !looks_like_code(&cx.prefix) {
                    words(&["part"], &mut out);
                }
                previous_codes(a, &mut out);
            }
            None => {}
        }
        return (cx, out);
    }
    if looks_like_code(&cx.prefix) {
        codes(a, &mut out);
        return (cx, out);
    }
    let enclosing: Vec<&str> = cx.enclosing.iter().map(String::as_str).collect();
    let block = schema::block_at(&enclosing);
    let Some(key) = cx.before.first().map(String::as_str) else {
        // The start of a line.
        if enclosing.is_empty() {
            for k in schema::ITEMS
                .iter()
                .filter(|k| !TOOL_WRITTEN.contains(&k.keyword))
            {
                out.push(Candidate {
                    label: k.keyword.to_string(),
                    kind: CandidateKind::Keyword,
                    detail: Some("item".into()),
                    doc: Some(k.doc.to_string()),
                    card: None,
                    snippet: snippet(k.keyword).map(str::to_string),
                });
            }
        } else {
            if block.is_some_and(|b| matches!(b.lines, schema::Lines::Codes)) {
                codes(a, &mut out);
            }
            fields(block.map_or(&[], |b| b.fields), &mut out);
        }
        return (cx, out);
    };
    let last = cx.before.last().map(String::as_str).unwrap_or(key);
    let n_args = cx.before.len() - 1;
    // A breakdown item: `a ENTRY`.
    if enclosing.last() == Some(&"breakdown") && key.len() == 1 && n_args == 0 {
        let lists = breakdown_lists(&cx.block_line);
        entries(a, &lists, &mut out);
        return (cx, out);
    }
    match key {
        "breakdown" => match last {
            "of" | "each_within" => codes(a, &mut out),
            "by" | "*" => names(a, Kind::Codelist, &mut out),
            "only" => entries(a, &breakdown_lists(&cx.before), &mut out),
            _ if n_args == 0 => words(schema::BREAKDOWN_KINDS, &mut out),
            _ => words(schema::BREAKDOWN_WORDS, &mut out),
        },
        "subset" => match last {
            "of" => codes(a, &mut out),
            "subset" => words(&["of"], &mut out),
            _ => words(&["via"], &mut out),
        },
        "equals" if n_args > 0 => words(&["via"], &mut out),
        "sums" => match (n_args, last) {
            (_, "over") | (0, _) => names(a, Kind::Unit, &mut out),
            _ => words(&["over"], &mut out),
        },
        "stock" if n_args == 0 => words(&["at"], &mut out),
        "cite" if n_args == 0 => names(a, Kind::Instrument, &mut out),
        "cite" => {
            words(schema::LOCATOR_KINDS, &mut out);
            words(&["quote"], &mut out);
        }
        "within" | "every" if enclosing.last() == Some(&"timescale") => match n_args {
            1 => words(schema::DURATION_UNITS, &mut out),
            2 if key == "within" => words(&["from"], &mut out),
            _ => {}
        },
        "allow" => allowable(&mut out),
        "formula" => formula(a, &mut out),
        _ => {
            let field = block.and_then(|b| b.field(key));
            match field.map(|f| f.value) {
                Some(Value::Name(kind)) if n_args == 0 => names(a, kind, &mut out),
                Some(Value::Word(ws)) if n_args == 0 => words(ws, &mut out),
                Some(Value::Codes) => codes(a, &mut out),
                Some(Value::Formula) => formula(a, &mut out),
                Some(Value::Allow) if n_args == 0 => allowable(&mut out),
                _ => {}
            }
        }
    }
    (cx, out)
}

/// The word ending at the cursor inside a text (codes include `/`).
fn text_word_before(text: &str, offset: usize) -> String {
    let before = text.get(..offset.min(text.len())).unwrap_or("");
    let rev: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
        .collect();
    rev.chars().rev().collect()
}

/// The codelists named after `by` on a breakdown line (`by a * b`).
fn breakdown_lists(words: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut taking = false;
    for w in words {
        match w.as_str() {
            "by" => taking = true,
            "*" => {}
            "only" | "each_within" | "of" => taking = false,
            _ if taking => out.push(w.clone()),
            _ => {}
        }
    }
    out
}

fn fields(fs: &[schema::Field], out: &mut Vec<Candidate>) {
    for f in fs {
        out.push(Candidate {
            label: f.name.to_string(),
            kind: CandidateKind::Field,
            detail: Some("field".into()),
            doc: Some(f.doc.to_string()),
            card: None,
            snippet: None,
        });
    }
}

fn words(ws: &[&str], out: &mut Vec<Candidate>) {
    for w in ws {
        out.push(Candidate {
            label: (*w).to_string(),
            kind: CandidateKind::Keyword,
            detail: None,
            doc: None,
            card: None,
            snippet: None,
        });
    }
}

fn allowable(out: &mut Vec<Candidate>) {
    for c in pmf_syntax::diag::ALL_CODES {
        let info = c.info();
        if info.severity == pmf_syntax::diag::Severity::Error {
            continue;
        }
        out.push(Candidate {
            label: info.code.to_string(),
            kind: CandidateKind::DiagnosticCode,
            detail: Some(info.name.to_string()),
            doc: Some(info.summary.to_string()),
            card: None,
            snippet: None,
        });
    }
}

fn formula(a: Option<&Analysis>, out: &mut Vec<Candidate>) {
    for f in schema::FUNCTIONS {
        out.push(Candidate {
            label: f.name.to_string(),
            kind: CandidateKind::Function,
            detail: Some(f.signature.to_string()),
            doc: Some(f.doc.to_string()),
            card: None,
            snippet: Some(format!("{}($1)", f.name)),
        });
    }
    codes(a, out);
    names(a, Kind::Population, out);
}

/// Every metric and item code, with its wording.
fn codes(a: Option<&Analysis>, out: &mut Vec<Candidate>) {
    let Some(a) = a else { return };
    let mut defs: Vec<&pmf_check::Def> = a
        .comp
        .symbols
        .defs
        .iter()
        .filter(|d| d.kind == Kind::Code)
        .collect();
    defs.sort_by(|x, y| x.name.cmp(&y.name));
    // The IR's wordings by code, looked up once for the whole list.
    let mut wordings: std::collections::BTreeMap<&str, &str> = std::collections::BTreeMap::new();
    if let Some(ir) = a.ir() {
        for m in &ir.metrics {
            wordings.insert(&m.code, &m.wording.en);
        }
        for d in &ir.data_items {
            wordings.insert(&d.code, &d.wording.en);
        }
    }
    for d in defs {
        out.push(Candidate {
            label: d.name.clone(),
            kind: CandidateKind::Code,
            detail: Some(short_wording(a, &wordings, &d.name)),
            doc: None,
            card: Some(Target::code(&d.name)),
            snippet: None,
        });
    }
}

/// Every metric and item code of the edition this one supersedes (when it was found), with
/// that edition's wording; no card (the cards on resolve are of this edition).
fn previous_codes(a: Option<&Analysis>, out: &mut Vec<Candidate>) {
    let Some(prev) = a.and_then(crate::editions::previous_ir) else {
        return;
    };
    let short = |w: &str| match w.char_indices().nth(70) {
        Some((i, _)) => format!("{}…", w.get(..i).unwrap_or("")),
        None => w.to_string(),
    };
    let id = &prev.edition.id;
    for m in &prev.metrics {
        let all = std::iter::once((m.code.as_str(), m.wording.en.as_str())).chain(
            m.items
                .iter()
                .map(|i| (i.code.as_str(), i.wording.en.as_str())),
        );
        for (code, wording) in all {
            out.push(Candidate {
                label: code.to_string(),
                kind: CandidateKind::Code,
                detail: Some(format!("{id}: {}", short(wording))),
                doc: None,
                card: None,
                snippet: None,
            });
        }
    }
}

/// A metric's or item's wording, shortened: from the IR (which knows the wording of items
/// derived from a list), else from the declarations.
fn short_wording(
    a: &Analysis,
    wordings: &std::collections::BTreeMap<&str, &str>,
    code: &str,
) -> String {
    let from_ir = wordings.get(code).map(|w| w.to_string());
    let from_decls = || {
        let metric = pmf_check::model::metric_of_item(code);
        let m = a.comp.decls.metrics.iter().find(|m| m.code == metric)?;
        if code == m.code {
            return m.wording.as_ref().map(|t| t.en().to_string());
        }
        let letter = code.get(m.code.len()..).unwrap_or("");
        let it = m
            .breakdown
            .as_ref()?
            .items
            .iter()
            .find(|i| i.letter == letter)?;
        it.wording
            .as_ref()
            .map(|t| t.en().to_string())
            .or_else(|| it.entry.as_ref().map(|e| e.name.clone()))
    };
    let w = from_ir.or_else(from_decls).unwrap_or_default();
    match w.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", w.get(..i).unwrap_or("")),
        None => w,
    }
}

fn names(a: Option<&Analysis>, kind: Kind, out: &mut Vec<Candidate>) {
    let Some(a) = a else { return };
    let item_kind = match kind {
        Kind::Unit => CandidateKind::Unit,
        Kind::Codelist => CandidateKind::Codelist,
        Kind::Instrument => CandidateKind::Instrument,
        Kind::Population => CandidateKind::Population,
        Kind::Cohort | Kind::Part | Kind::Group => CandidateKind::Container,
        Kind::Code => CandidateKind::Code,
        _ => CandidateKind::Name,
    };
    for d in a.comp.symbols.defs.iter().filter(|d| d.kind == kind) {
        let t = Target {
            kind,
            name: d.name.clone(),
            parent: None,
        };
        out.push(Candidate {
            label: d.name.clone(),
            kind: item_kind,
            detail: Some(kind.noun().to_string()),
            doc: None,
            card: Some(t),
            snippet: None,
        });
    }
}

/// The entries of the given codelists; for two lists, also their pairs (`male.young`).
fn entries(a: Option<&Analysis>, lists: &[String], out: &mut Vec<Candidate>) {
    let Some(a) = a else { return };
    let find = |id: &str| a.comp.decls.codelists.iter().find(|c| c.id == id);
    let label = |e: &pmf_check::model::Entry| {
        e.label
            .as_ref()
            .map_or(String::new(), |t| t.en().to_string())
    };
    match lists {
        [one] => {
            if let Some(c) = find(one) {
                for e in &c.entries {
                    out.push(Candidate {
                        label: e.id.clone(),
                        kind: CandidateKind::Entry,
                        detail: Some(label(e)),
                        doc: Some(format!("entry of `{}`", c.id)),
                        card: None,
                        snippet: None,
                    });
                }
            }
        }
        [x, y] => {
            if let (Some(cx), Some(cy)) = (find(x), find(y)) {
                for ex in &cx.entries {
                    for ey in &cy.entries {
                        out.push(Candidate {
                            label: format!("{}.{}", ex.id, ey.id),
                            kind: CandidateKind::Entry,
                            detail: Some(format!("{} × {}", label(ex), label(ey))),
                            doc: None,
                            card: None,
                            snippet: None,
                        });
                    }
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every item kind has a snippet that begins with its keyword, and no snippet is of a
    /// kind the language does not have.
    #[test]
    fn every_item_kind_has_a_snippet() {
        for k in schema::ITEMS
            .iter()
            .filter(|k| !TOOL_WRITTEN.contains(&k.keyword))
        {
            assert!(
                snippet(k.keyword).is_some_and(|s| s.starts_with(k.keyword)),
                "{}",
                k.keyword
            );
        }
        for (k, _) in SNIPPETS {
            assert!(schema::item(k).is_some(), "{k}");
        }
    }

    #[test]
    fn context_of_a_field_value() {
        let t = "metric AD/001 {\n  counts con";
        let cx = context(t, t.len());
        assert_eq!(cx.enclosing, vec!["metric"]);
        assert_eq!(cx.before, vec!["counts"]);
        assert_eq!(cx.prefix, "con");
        assert!(!cx.in_text);
    }

    #[test]
    fn context_inside_texts_and_nested_blocks() {
        let t = "metric AD/001 {\n  wording \"see AD/0";
        assert!(context(t, t.len()).in_text);
        let t = "metric AD/001 {\n  breakdown partition by sex {\n    a ";
        let cx = context(t, t.len());
        assert_eq!(cx.enclosing, vec!["metric", "breakdown"]);
        assert_eq!(cx.block_line, vec!["breakdown", "partition", "by", "sex"]);
        assert_eq!(cx.before, vec!["a"]);
        let t = "metric AD/001 {\n  x { }\n}\n";
        assert!(context(t, t.len()).enclosing.is_empty());
        let t = "metric AD/001 { // note";
        assert!(context(t, t.len()).in_comment);
    }
}
