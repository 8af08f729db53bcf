//! The shape of files: the document outline (parts, groups with their metrics, metrics with
//! their items, codelists with their entries, chapters with their sections), workspace symbol
//! search, and folding ranges.
//!
//! The outline comes from the syntax tree, which keeps every item that parses even when
//! another is broken; folding comes from the tokens, so it works on any text.

use crate::world::Analysis;
use pmf_check::Kind;
use pmf_syntax::lexer::{tokenize, TokenKind};
use pmf_syntax::source::{FileId, Span};
use pmf_syntax::{ExprKind, Item, Node, SourceFile};

/// What a symbol of the outline is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolKind {
    /// An edition or extension header.
    Edition,
    /// A prose chapter or section.
    Doc,
    Instrument,
    Cohort,
    Unit,
    Definition,
    Source,
    Population,
    Codelist,
    Entry,
    Missing,
    /// A quality standard.
    Standard,
    /// A local report definition.
    Report,
    Part,
    /// A group of metrics, or of a codelist's entries.
    Group,
    Metric,
    /// A breakdown item.
    Item,
    Indicator,
    Rule,
    Erratum,
    /// A working-day calendar.
    Calendar,
    /// A kind of case record.
    Record,
    /// A field of a kind of case record.
    Field,
    /// Anything else (a file's `allow`).
    Other,
}

impl SymbolKind {
    /// The kind of symbol an item or nested keyword begins.
    pub fn of_keyword(keyword: &str) -> SymbolKind {
        match keyword {
            "edition" | "extension" => SymbolKind::Edition,
            "doc" | "section" => SymbolKind::Doc,
            "instrument" => SymbolKind::Instrument,
            "cohort" => SymbolKind::Cohort,
            "unit" => SymbolKind::Unit,
            "definition" => SymbolKind::Definition,
            "source" => SymbolKind::Source,
            "population" => SymbolKind::Population,
            "codelist" => SymbolKind::Codelist,
            "entry" => SymbolKind::Entry,
            "missing" => SymbolKind::Missing,
            "standard" => SymbolKind::Standard,
            "report" => SymbolKind::Report,
            "part" => SymbolKind::Part,
            "group" => SymbolKind::Group,
            "metric" => SymbolKind::Metric,
            "item" => SymbolKind::Item,
            "indicator" => SymbolKind::Indicator,
            "rule" => SymbolKind::Rule,
            "erratum" => SymbolKind::Erratum,
            "calendar" => SymbolKind::Calendar,
            "record" => SymbolKind::Record,
            _ => SymbolKind::Other,
        }
    }

    /// The kind of symbol of a declared name.
    pub fn of_kind(k: Kind) -> SymbolKind {
        match k {
            Kind::Edition => SymbolKind::Edition,
            Kind::Instrument => SymbolKind::Instrument,
            Kind::Cohort => SymbolKind::Cohort,
            Kind::Unit => SymbolKind::Unit,
            Kind::Definition => SymbolKind::Definition,
            Kind::Source => SymbolKind::Source,
            Kind::Population => SymbolKind::Population,
            Kind::Codelist => SymbolKind::Codelist,
            Kind::Entry => SymbolKind::Entry,
            Kind::Missing => SymbolKind::Missing,
            Kind::Standard => SymbolKind::Standard,
            Kind::Part => SymbolKind::Part,
            Kind::Group => SymbolKind::Group,
            Kind::Doc => SymbolKind::Doc,
            Kind::Code => SymbolKind::Metric,
            Kind::Indicator => SymbolKind::Indicator,
            Kind::Rule => SymbolKind::Rule,
            Kind::Erratum => SymbolKind::Erratum,
            Kind::Calendar => SymbolKind::Calendar,
            Kind::Record => SymbolKind::Record,
            Kind::Field => SymbolKind::Field,
        }
    }
}

/// A symbol of the outline: its name, a detail (a title, shortened), what it is, the range of
/// the whole item and of its name, and the symbols inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub detail: Option<String>,
    pub kind: SymbolKind,
    pub span: Span,
    /// Inside `span`.
    pub name_span: Span,
    pub children: Vec<Symbol>,
}

/// The name of a node: its first argument.
fn node_name(n: &Node) -> Option<(String, Span)> {
    let e = n.args.first()?;
    let name = match &e.kind {
        ExprKind::Path(p) => p.clone(),
        ExprKind::Code(c) => c.clone(),
        ExprKind::Str(s) => s.value.clone(),
        _ => return None,
    };
    Some((name, e.span.clone()))
}

/// A title for the detail: the second argument if it is a text, else a `title` or `wording`
/// field.
fn node_title(n: &Node) -> Option<String> {
    if let Some(s) = n.args.get(1).and_then(|e| e.as_str()) {
        return Some(s.value.clone());
    }
    n.children()
        .iter()
        .find(|c| matches!(c.key.text.as_str(), "title" | "wording" | "label"))
        .and_then(|c| c.args.first())
        .and_then(|e| e.as_str())
        .map(|s| s.value.clone())
}

fn short(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(90) {
        Some((i, _)) => format!("{}…", one_line.get(..i).unwrap_or("")),
        None => one_line,
    }
}

fn symbol(
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    span: &Span,
    name_span: &Span,
    children: Vec<Symbol>,
) -> Symbol {
    let name_span = if name_span.start >= span.start && name_span.end <= span.end {
        name_span.clone()
    } else {
        span.start..span.start
    };
    Symbol {
        name: if name.is_empty() { "?".into() } else { name },
        detail: detail.map(|d| short(&d)),
        kind,
        span: span.clone(),
        name_span,
        children,
    }
}

fn node_symbol(n: &Node) -> Option<Symbol> {
    let keyword = n.key.text.as_str();
    let (name, name_span) =
        node_name(n).unwrap_or_else(|| (keyword.to_string(), n.key.span.clone()));
    let mut children = Vec::new();
    match keyword {
        "metric" => {
            for b in n.children().iter().filter(|c| c.key.text == "breakdown") {
                for it in b.children() {
                    let letter = &it.key.text;
                    let detail = it
                        .args
                        .iter()
                        .find_map(|e| e.as_str().map(|s| s.value.clone()))
                        .or_else(|| {
                            it.args
                                .first()
                                .and_then(|e| e.as_path())
                                .map(str::to_string)
                        });
                    children.push(symbol(
                        format!("{name}{letter}"),
                        detail,
                        SymbolKind::Item,
                        &it.span,
                        &it.key.span,
                        Vec::new(),
                    ));
                }
            }
        }
        "codelist" => {
            for c in n.children() {
                match c.key.text.as_str() {
                    "entry" => children.extend(node_symbol(c)),
                    "group" => {
                        let (gname, gspan) =
                            node_name(c).unwrap_or_else(|| ("group".into(), c.key.span.clone()));
                        let entries: Vec<Symbol> = c
                            .children()
                            .iter()
                            .filter(|e| e.key.text == "entry")
                            .filter_map(node_symbol)
                            .collect();
                        children.push(symbol(
                            gname,
                            node_title(c),
                            SymbolKind::Group,
                            &c.span,
                            &gspan,
                            entries,
                        ));
                    }
                    _ => {}
                }
            }
        }
        "doc" | "section" => {
            for c in n.children().iter().filter(|c| c.key.text == "section") {
                children.extend(node_symbol(c));
            }
        }
        _ => {}
    }
    let detail = node_title(n).or_else(|| (keyword != "entry").then(|| keyword.to_string()));
    Some(symbol(
        name,
        detail,
        SymbolKind::of_keyword(keyword),
        &n.span,
        &name_span,
        children,
    ))
}

/// The outline of one file. Metrics are nested under the group above them.
pub fn document_symbols(file: &SourceFile) -> Vec<Symbol> {
    let mut out: Vec<Symbol> = Vec::new();
    let mut group: Option<Symbol> = None;
    let mut group_end = 0usize;
    let flush = |group: &mut Option<Symbol>, end: usize, out: &mut Vec<Symbol>| {
        if let Some(mut g) = group.take() {
            // The group's range runs over its metrics.
            g.span.end = end;
            out.push(g);
        }
    };
    for item in &file.items {
        let Item::Node(n) = item else { continue };
        let Some(sym) = node_symbol(n) else {
            continue;
        };
        match n.key.text.as_str() {
            "group" => {
                flush(&mut group, group_end, &mut out);
                group = Some(sym);
                group_end = n.span.end;
            }
            "metric" if group.is_some() => {
                if let Some(g) = &mut group {
                    g.children.push(sym);
                    group_end = n.span.end;
                }
            }
            _ => {
                flush(&mut group, group_end, &mut out);
                out.push(sym);
            }
        }
    }
    flush(&mut group, group_end, &mut out);
    out
}

/// Whether `query` matches `name`: its characters in order, ignoring case.
pub fn fuzzy(query: &str, name: &str) -> bool {
    let mut chars = name.chars().flat_map(char::to_lowercase);
    query
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace())
        .all(|q| chars.any(|c| c == q))
}

/// A declaration found by a workspace symbol search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub name: String,
    pub kind: SymbolKind,
    pub file: FileId,
    pub span: Span,
    /// For an entry, the codelist; for an item code, the metric.
    pub container: Option<String>,
}

/// Workspace symbols of one compilation: every declaration whose name matches, once per
/// place, until `out` holds `limit`.
pub fn workspace_symbols(a: &Analysis, query: &str, out: &mut Vec<Found>, limit: usize) {
    for d in &a.comp.symbols.defs {
        if out.len() >= limit {
            return;
        }
        if !fuzzy(query, &d.name) {
            continue;
        }
        let (file, span) = (d.name_loc.file, d.name_loc.span.clone());
        if out
            .iter()
            .any(|s| s.file == file && s.span == span && s.name == d.name)
        {
            continue;
        }
        out.push(Found {
            name: d.name.clone(),
            kind: SymbolKind::of_kind(d.kind),
            file,
            span,
            container: d.parent.clone(),
        });
    }
}

/// A range of lines (0-based, inclusive) that an editor can fold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fold {
    pub start_line: u32,
    pub end_line: u32,
    /// A run of comment lines, rather than a block or a long text.
    pub comment: bool,
}

/// Folding ranges: blocks and long texts that span lines, and runs of comment lines.
pub fn folding_ranges(text: &str) -> Vec<Fold> {
    let tokens = tokenize(text);
    let mut out = Vec::new();
    let mut opens: Vec<(u8, usize)> = Vec::new();
    let mut comment_run: Option<(usize, usize)> = None;
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line = |off: usize| match starts.binary_search(&off) {
        Ok(n) => n as u32,
        Err(n) => n.saturating_sub(1) as u32,
    };
    let fold = |start: u32, end: u32, comment: bool| Fold {
        start_line: start,
        end_line: end,
        comment,
    };
    for t in &tokens {
        match t.kind {
            TokenKind::Open(b) => opens.push((b, t.span.start)),
            TokenKind::Close(b) => {
                let want = match b {
                    b'}' => b'{',
                    b')' => b'(',
                    _ => b'[',
                };
                if let Some(pos) = opens.iter().rposition(|(o, _)| *o == want) {
                    let (_, start) = opens.remove(pos);
                    opens.truncate(pos);
                    let (l0, l1) = (line(start), line(t.span.start));
                    // Fold up to the line before the closing brace, so it stays visible.
                    if l1 > l0 + 1 {
                        out.push(fold(l0, l1 - 1, false));
                    }
                }
            }
            TokenKind::Triple { .. } => {
                let (l0, l1) = (line(t.span.start), line(t.span.end.saturating_sub(1)));
                if l1 > l0 {
                    out.push(fold(l0, l1, false));
                }
            }
            _ => {}
        }
        match t.kind {
            TokenKind::Comment => {
                let l = line(t.span.start) as usize;
                comment_run = match comment_run {
                    Some((s, e)) if l == e + 1 => Some((s, l)),
                    Some((s, e)) => {
                        if e > s {
                            out.push(fold(s as u32, e as u32, true));
                        }
                        Some((l, l))
                    }
                    None => Some((l, l)),
                };
            }
            TokenKind::Space | TokenKind::Newline => {}
            _ => {
                if let Some((s, e)) = comment_run.take() {
                    if e > s {
                        out.push(fold(s as u32, e as u32, true));
                    }
                }
            }
        }
    }
    if let Some((s, e)) = comment_run {
        if e > s {
            out.push(fold(s as u32, e as u32, true));
        }
    }
    out.sort_by_key(|f| (f.start_line, f.end_line));
    out
}
