//! The shape of files: the document outline (parts, groups with their metrics, metrics with
//! their items, codelists with their entries, chapters with their sections), workspace symbol
//! search, and folding ranges.
//!
//! The outline comes from the syntax tree, which keeps every item that parses even when
//! another is broken; folding comes from the tokens, so it works on any text.

use crate::convert::LineIndex;
use crate::world::Analysis;
use lsp_types::{DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind};
use pmf::check::Kind;
use pmf::source::Span;
use pmf::syntax::lexer::{tokenize, TokenKind};
use pmf::syntax::{ExprKind, Item, Node, SourceFile};

pub fn symbol_kind(keyword: &str) -> SymbolKind {
    match keyword {
        "edition" | "extension" => SymbolKind::PACKAGE,
        "doc" | "section" => SymbolKind::STRING,
        "instrument" => SymbolKind::OBJECT,
        "cohort" => SymbolKind::CLASS,
        "unit" => SymbolKind::STRUCT,
        "definition" => SymbolKind::KEY,
        "source" => SymbolKind::INTERFACE,
        "population" => SymbolKind::VARIABLE,
        "codelist" => SymbolKind::ENUM,
        "entry" => SymbolKind::ENUM_MEMBER,
        "missing" => SymbolKind::NULL,
        "part" => SymbolKind::MODULE,
        "group" => SymbolKind::NAMESPACE,
        "metric" => SymbolKind::FIELD,
        "item" => SymbolKind::PROPERTY,
        "indicator" => SymbolKind::FUNCTION,
        "rule" => SymbolKind::OPERATOR,
        "erratum" => SymbolKind::EVENT,
        _ => SymbolKind::KEY,
    }
}

fn kind_keyword(k: Kind) -> &'static str {
    match k {
        Kind::Edition => "edition",
        Kind::Instrument => "instrument",
        Kind::Cohort => "cohort",
        Kind::Unit => "unit",
        Kind::Definition => "definition",
        Kind::Source => "source",
        Kind::Population => "population",
        Kind::Codelist => "codelist",
        Kind::Entry => "entry",
        Kind::Missing => "missing",
        Kind::Part => "part",
        Kind::Group => "group",
        Kind::Doc => "doc",
        Kind::Code => "metric",
        Kind::Indicator => "indicator",
        Kind::Rule => "rule",
        Kind::Erratum => "erratum",
    }
}

pub fn kind_symbol(k: Kind) -> SymbolKind {
    symbol_kind(kind_keyword(k))
}

struct Ctx<'a> {
    text: &'a str,
    lines: &'a LineIndex,
}

impl Ctx<'_> {
    fn range(&self, span: &Span) -> lsp_types::Range {
        self.lines.range(self.text, span)
    }
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

#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be written out.
fn symbol(
    cx: &Ctx,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    span: &Span,
    name_span: &Span,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    let name_span = if name_span.start >= span.start && name_span.end <= span.end {
        name_span.clone()
    } else {
        span.start..span.start
    };
    DocumentSymbol {
        name: if name.is_empty() { "?".into() } else { name },
        detail: detail.map(|d| short(&d)),
        kind,
        tags: None,
        deprecated: None,
        range: cx.range(span),
        selection_range: cx.range(&name_span),
        children: (!children.is_empty()).then_some(children),
    }
}

fn node_symbol(cx: &Ctx, n: &Node) -> Option<DocumentSymbol> {
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
                        cx,
                        format!("{name}{letter}"),
                        detail,
                        symbol_kind("item"),
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
                    "entry" => children.extend(node_symbol(cx, c)),
                    "group" => {
                        let (gname, gspan) =
                            node_name(c).unwrap_or_else(|| ("group".into(), c.key.span.clone()));
                        let entries: Vec<DocumentSymbol> = c
                            .children()
                            .iter()
                            .filter(|e| e.key.text == "entry")
                            .filter_map(|e| node_symbol(cx, e))
                            .collect();
                        children.push(symbol(
                            cx,
                            gname,
                            node_title(c),
                            SymbolKind::NAMESPACE,
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
                children.extend(node_symbol(cx, c));
            }
        }
        _ => {}
    }
    let detail = node_title(n).or_else(|| (keyword != "entry").then(|| keyword.to_string()));
    Some(symbol(
        cx,
        name,
        detail,
        symbol_kind(keyword),
        &n.span,
        &name_span,
        children,
    ))
}

/// The outline of one file. Metrics are nested under the group above them.
pub fn document_symbols(file: &SourceFile, text: &str, lines: &LineIndex) -> Vec<DocumentSymbol> {
    let cx = Ctx { text, lines };
    let mut out: Vec<DocumentSymbol> = Vec::new();
    let mut group: Option<DocumentSymbol> = None;
    let mut group_end = 0usize;
    let flush = |group: &mut Option<DocumentSymbol>, end: usize, out: &mut Vec<DocumentSymbol>| {
        if let Some(mut g) = group.take() {
            // The group's range runs over its metrics.
            g.range.end = cx.lines.position(text, end);
            out.push(g);
        }
    };
    for item in &file.items {
        let Item::Node(n) = item else { continue };
        let Some(sym) = node_symbol(&cx, n) else {
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
                    g.children.get_or_insert_with(Vec::new).push(sym);
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

/// Workspace symbols of one compilation: every declaration whose name matches.
#[allow(deprecated)] // `SymbolInformation::deprecated` must still be written out.
pub fn workspace_symbols(
    a: &Analysis,
    query: &str,
    out: &mut Vec<lsp_types::SymbolInformation>,
    limit: usize,
) {
    use crate::convert::FileView;
    for d in &a.comp.symbols.defs {
        if out.len() >= limit {
            return;
        }
        if !fuzzy(query, &d.name) {
            continue;
        }
        let Some(location) = a.location(d.name_loc.file, &d.name_loc.span) else {
            continue;
        };
        if out
            .iter()
            .any(|s| s.location == location && s.name == d.name)
        {
            continue;
        }
        out.push(lsp_types::SymbolInformation {
            name: d.name.clone(),
            kind: kind_symbol(d.kind),
            tags: None,
            deprecated: None,
            location,
            container_name: d.parent.clone(),
        });
    }
}

/// Folding ranges: blocks and long texts that span lines, and runs of comment lines.
pub fn folding_ranges(text: &str, lines: &LineIndex) -> Vec<FoldingRange> {
    let tokens = tokenize(text);
    let mut out = Vec::new();
    let mut opens: Vec<(u8, usize)> = Vec::new();
    let mut comment_run: Option<(usize, usize)> = None;
    let line = |off: usize| lines.line_of(off) as u32;
    let fold = |start: u32, end: u32, kind: Option<FoldingRangeKind>| FoldingRange {
        start_line: start,
        start_character: None,
        end_line: end,
        end_character: None,
        kind,
        collapsed_text: None,
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
                        out.push(fold(l0, l1 - 1, None));
                    }
                }
            }
            TokenKind::Triple { .. } => {
                let (l0, l1) = (line(t.span.start), line(t.span.end.saturating_sub(1)));
                if l1 > l0 {
                    out.push(fold(l0, l1, None));
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
                            out.push(fold(s as u32, e as u32, Some(FoldingRangeKind::Comment)));
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
                        out.push(fold(s as u32, e as u32, Some(FoldingRangeKind::Comment)));
                    }
                }
            }
        }
    }
    if let Some((s, e)) = comment_run {
        if e > s {
            out.push(fold(s as u32, e as u32, Some(FoldingRangeKind::Comment)));
        }
    }
    out.sort_by_key(|f| (f.start_line, f.end_line));
    out
}
