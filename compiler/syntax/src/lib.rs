//! pmf-syntax: text in, a `SourceFile` and syntax diagnostics out. Never fails.
//!
//! The crate also holds what every later layer shares about texts: `source` (the texts of a
//! compilation, addressed by `FileId`, spans as byte ranges), `diag` (diagnostics as data,
//! their stable codes and rendering) and `fmt` (the formatter, which works on tokens).
//!
//! `parse` tokenizes the file, cuts it into top-level items (`split`), and parses each item
//! with pest on its own, so every syntax error in a file is reported and every item that
//! parses reaches the model.

pub mod diag;
pub mod fmt;
pub mod source;

pub mod ast;
mod depth;
mod fast;
pub mod lexer;
pub mod lookalike;
pub mod split;
mod strings;
mod tree;

pub use ast::*;
pub use depth::MAX_EXPR_DEPTH;

/// The value of a `"""..."""` literal (quotes included).
pub fn triple_value(raw: &str) -> String {
    strings::triple(raw, 0).value
}

use crate::diag::{Code, Diagnostic};
use crate::source::{FileId, Span};
use lexer::TokenKind;
use pest::Parser;
use split::within;

#[derive(pest_derive::Parser)]
#[grammar = "pmf.pest"]
struct PmfParser;

/// Brackets and braces nested deeper than this are refused before pest sees them: pest
/// recurses, and a hostile file must not overflow the stack.
pub const MAX_DEPTH: usize = 64;

/// Files larger than this are refused: the whole framework is a few hundred kilobytes.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// How many syntax errors one file reports before it stops listing them.
const MAX_ERRORS_PER_FILE: usize = 50;

pub fn parse(file: FileId, text: &str) -> (SourceFile, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut items = Vec::new();
    let mut broken = Vec::new();
    if text.len() > MAX_FILE_BYTES {
        diags.push(
            Diagnostic::new(
                Code::FileTooLarge,
                file,
                0..0,
                format!(
                    "the file is {:.1} MB; a spec file can be at most {} MB",
                    text.len() as f64 / 1_048_576.0,
                    MAX_FILE_BYTES / 1_048_576
                ),
            )
            .help("split the spec into several files, one per part"),
        );
        return (
            SourceFile {
                file,
                items,
                broken,
            },
            diags,
        );
    }
    let tokens = tokens_with_recovery(text);
    let chunks: Vec<split::Chunk> = split::split(text, &tokens)
        .into_iter()
        .filter(|c| c.has_content)
        .collect();
    // Items parse independently, so a large file is parsed on several threads; the results are
    // put back in file order, so the output does not depend on the threads.
    let threads = if text.len() >= PARALLEL_BYTES {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8)
    } else {
        1
    };
    let outcomes: Vec<Outcome> = if threads > 1 && chunks.len() > 1 {
        let per = chunks.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = chunks
                .chunks(per)
                .map(|part| {
                    let tokens = &tokens;
                    scope.spawn(move || {
                        part.iter()
                            .flat_map(|c| parse_item(file, text, tokens, c))
                            .collect::<Vec<Outcome>>()
                    })
                })
                .collect();
            // A worker that panicked would be a bug; its items are parsed again here rather
            // than lost, so that the panic surfaces where it can be reported.
            let mut all = Vec::new();
            for (h, part) in handles.into_iter().zip(chunks.chunks(per)) {
                match h.join() {
                    Ok(v) => all.extend(v),
                    Err(_) => {
                        all.extend(part.iter().flat_map(|c| parse_item(file, text, &tokens, c)))
                    }
                }
            }
            all
        })
    } else {
        chunks
            .iter()
            .flat_map(|c| parse_item(file, text, &tokens, c))
            .collect()
    };
    let mut errors = 0;
    let mut suppressed = 0;
    for o in outcomes {
        match o {
            Outcome::Node(node) => items.push(Item::Node(node)),
            Outcome::Error(d, span, b) => {
                errors += 1;
                if errors <= MAX_ERRORS_PER_FILE {
                    diags.push(d);
                } else {
                    suppressed += 1;
                }
                broken.extend(b);
                items.push(Item::Error(span));
            }
        }
    }
    if suppressed > 0 {
        if let Some(last) = diags.last_mut() {
            last.notes.push(format!(
                "{suppressed} more syntax errors in this file are not shown"
            ));
        }
    }
    if items.is_empty() && diags.is_empty() {
        diags.push(
            Diagnostic::new(Code::EmptyFile, file, 0..0, "this file declares nothing")
                .help("add items to it (see the language reference), or delete it"),
        );
    }
    (
        SourceFile {
            file,
            items,
            broken,
        },
        diags,
    )
}

type ChunkError = Box<(Diagnostic, Span)>;

/// Files at least this large are parsed on several threads.
const PARALLEL_BYTES: usize = 512 * 1024;

enum Outcome {
    Node(Node),
    Error(Diagnostic, Span, Option<Broken>),
}

/// Parses one item; when it fails because a `}` is missing, the text is cut again at item
/// keywords so that the items it swallowed are parsed too.
fn parse_item(
    file: FileId,
    text: &str,
    tokens: &[lexer::Token],
    chunk: &split::Chunk,
) -> Vec<Outcome> {
    let first = match parse_chunk(file, text, tokens, chunk) {
        Ok(node) => return vec![Outcome::Node(node)],
        Err(e) => e,
    };
    let pieces = split::resplit(text, tokens, chunk);
    let pieces = if pieces.len() > 1 {
        pieces
    } else {
        vec![chunk.clone()]
    };
    let mut out = Vec::new();
    for piece in pieces {
        if !piece.has_content {
            continue;
        }
        let result = if piece.span == first.1 {
            Err(first.clone())
        } else {
            parse_chunk(file, text, tokens, &piece)
        };
        match result {
            Ok(node) => out.push(Outcome::Node(node)),
            Err(e) => {
                let (d, span) = *e;
                let b = broken_header(text, tokens, &span);
                out.push(Outcome::Error(d, span, b));
            }
        }
    }
    out
}

fn parse_chunk(
    file: FileId,
    text: &str,
    tokens: &[lexer::Token],
    chunk: &split::Chunk,
) -> Result<Node, ChunkError> {
    let span = chunk.span.clone();
    let fail = |d: Diagnostic| Err(Box::new((d, span.clone())));
    if chunk.max_depth > MAX_DEPTH {
        let at = deepest_open(tokens, &span).unwrap_or(span.start..span.start);
        return fail(
            Diagnostic::new(
                Code::NestingTooDeep,
                file,
                at,
                format!(
                    "brackets and braces are nested {} deep; at most {MAX_DEPTH} are allowed",
                    chunk.max_depth
                ),
            )
            .label("in this item")
            .help("write the formula in simpler steps"),
        );
    }
    if let Some(d) = lexical_problem(file, text, tokens, &span) {
        return fail(d);
    }
    let src = &text[span.clone()];
    let node = match fast::item(src, span.start) {
        Some(node) => node,
        None => match pest_item(src, span.start) {
            Ok(Some(n)) => n,
            Ok(None) => {
                return fail(Diagnostic::new(
                    Code::SyntaxError,
                    file,
                    span.start..span.start,
                    "expected an item",
                ))
            }
            Err(e) => return fail(pest_error(file, text, span.start, &e)),
        },
    };
    let survey = depth::survey(&node);
    let (depth, at) = (survey.depth, survey.at);
    if let Some(huge) = survey.huge {
        depth::dispose(node);
        return fail(
            Diagnostic::new(
                Code::SyntaxError,
                file,
                huge,
                "this number is too large to be a number",
            )
            .label("too large")
            .help("write a figure of at most 15 digits"),
        );
    }
    if let Some((c, at)) = survey.bad_char {
        depth::dispose(node);
        return fail(
            Diagnostic::new(
                Code::SyntaxError,
                file,
                at,
                format!(
                    "this text holds the invisible character U+{:04X}, which no text may hold",
                    c as u32
                ),
            )
            .label("here")
            .help("delete it; write a line break as a new line in a \"\"\"...\"\"\" text"),
        );
    }
    if depth > MAX_EXPR_DEPTH {
        depth::dispose(node);
        return fail(
            Diagnostic::new(
                Code::NestingTooDeep,
                file,
                at.start..at.start,
                format!(
                    "this expression is {depth} levels deep (terms or signs in a row); at most {MAX_EXPR_DEPTH} are allowed"
                ),
            )
            .label("in this expression")
            .help("split it into several formulas or rules, or add up fewer terms at once"),
        );
    }
    Ok(node)
}

/// One item parsed by pest, as our tree; `base` is the item's offset in its file.
fn pest_item(src: &str, base: usize) -> Result<Option<Node>, Box<pest::error::Error<Rule>>> {
    let mut pairs = PmfParser::parse(Rule::item, src).map_err(Box::new)?;
    Ok(pairs
        .next()
        .and_then(|item| item.into_inner().find(|p| p.as_rule() == Rule::node))
        .map(|p| tree::node(p, base)))
}

/// Holds the hand-written parser to pest's: every item of `text` that reaches the parsers is
/// parsed by both, and the trees (spans included) must be the same, or both must fail. Returns
/// how many items were compared, or the first difference. For tests and the fuzz target.
#[doc(hidden)]
pub fn compare_parsers(text: &str) -> Result<usize, String> {
    if text.len() > MAX_FILE_BYTES {
        return Ok(0);
    }
    let tokens = tokens_with_recovery(text);
    let mut compared = 0;
    for chunk in split::split(text, &tokens) {
        let pieces = std::iter::once(chunk.clone()).chain(split::resplit(text, &tokens, &chunk));
        for piece in pieces {
            let span = piece.span.clone();
            if !piece.has_content
                || piece.max_depth > MAX_DEPTH
                || lexical_problem(FileId(0), text, &tokens, &span).is_some()
            {
                continue;
            }
            let src = &text[span.clone()];
            let fast = fast::item(src, span.start);
            let slow = pest_item(src, span.start).ok().flatten();
            // Too deep to print (or to compare by printing): compared by depth alone.
            let too_deep = |n: &Option<Node>| {
                n.as_ref()
                    .is_some_and(|n| depth::deepest(n).0 > MAX_EXPR_DEPTH)
            };
            if too_deep(&fast) || too_deep(&slow) {
                let same = fast.as_ref().map(|n| depth::deepest(n).0)
                    == slow.as_ref().map(|n| depth::deepest(n).0);
                fast.into_iter().chain(slow).for_each(depth::dispose);
                if !same {
                    return Err(format!(
                        "the parsers disagree on the depth of the item at {span:?}"
                    ));
                }
                compared += 1;
                continue;
            }
            let fast = format!("{fast:?}");
            let slow = format!("{slow:?}");
            if fast != slow {
                return Err(format!(
                    "the parsers disagree on the item at {span:?}:\n{src}\nhand-written: {fast}\npest: {slow}"
                ));
            }
            compared += 1;
        }
    }
    Ok(compared)
}

/// Tokens of the file; a `"""` that is never closed would swallow the rest of the file, so the
/// text after it is tokenized again from the next line that starts, in column 0, with an item
/// keyword: the unclosed text is reported and the items after it are still checked.
fn tokens_with_recovery(text: &str) -> Vec<lexer::Token> {
    let mut out = Vec::new();
    let mut base = 0;
    loop {
        let part = &text[base..];
        let mut tokens = lexer::tokenize(part);
        let cut = match tokens.last() {
            Some(t) if t.kind == TokenKind::Triple { closed: false } => {
                next_item_line(part, t.span.start)
            }
            _ => None,
        };
        match cut {
            Some(cut) => {
                let head = lexer::tokenize(&part[..cut]);
                out.extend(head.into_iter().map(|mut t| {
                    t.span = t.span.start + base..t.span.end + base;
                    t
                }));
                base += cut;
            }
            // Nearly every file: its tokens as they are, not copied.
            None if base == 0 => return tokens,
            None => {
                for t in tokens.iter_mut() {
                    t.span = t.span.start + base..t.span.end + base;
                }
                out.extend(tokens);
                return out;
            }
        }
    }
}

/// The start of the first line after `from` that begins, in column 0, with an item keyword.
fn next_item_line(text: &str, from: usize) -> Option<usize> {
    let mut pos = text[from..].find('\n')? + from + 1;
    while pos < text.len() {
        let line = &text[pos..];
        let word: String = line
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if split::ITEM_KEYWORDS.contains(&word.as_str())
            && line[word.len()..].starts_with([' ', '\t'])
        {
            return Some(pos);
        }
        pos += line.find('\n')? + 1;
    }
    None
}

/// The bracket at which nesting first goes deeper than allowed.
fn deepest_open(tokens: &[lexer::Token], span: &Span) -> Option<Span> {
    let mut depth = 0usize;
    for t in within(tokens, span).iter() {
        match t.kind {
            TokenKind::Open(_) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(t.span.clone());
                }
            }
            TokenKind::Close(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The kind and name of an item that did not parse (`metric AD/001`), so that references to it
/// elsewhere are not reported as unknown as well.
fn broken_header(text: &str, tokens: &[lexer::Token], span: &Span) -> Option<Broken> {
    let mut words = within(tokens, span).iter().filter(|t| !t.kind.is_trivia());
    let key = words.next().filter(|t| t.kind == TokenKind::Word)?;
    let key_text = &text[key.span.clone()];
    if !split::ITEM_KEYWORDS.contains(&key_text) {
        return None;
    }
    let name = words
        .next()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Str { closed: true }))?;
    let name_text = text[name.span.clone()].trim_matches('"').to_string();
    Some(Broken {
        key: key_text.to_string(),
        name: name_text,
        span: span.clone(),
    })
}

/// Unclosed strings and unbalanced braces get a message of their own: pest would report them
/// as "expected ..." somewhere far from the cause.
fn lexical_problem(
    file: FileId,
    text: &str,
    tokens: &[lexer::Token],
    span: &Span,
) -> Option<Diagnostic> {
    let mut stack: Vec<(u8, Span)> = Vec::new();
    for t in within(tokens, span).iter() {
        match t.kind {
            TokenKind::Str { closed: false } => {
                return Some(
                    Diagnostic::new(Code::SyntaxError, file, t.span.clone(), "this text is not closed before the end of the line")
                        .label("no closing `\"`")
                        .help("end the text with `\"`, or write a text over several lines between `\"\"\"` and `\"\"\"`"),
                )
            }
            TokenKind::Triple { closed: false } => {
                return Some(
                    Diagnostic::new(Code::SyntaxError, file, t.span.start..t.span.start + 3, "this text is never closed")
                        .label("opened here")
                        .note("the lines after it, up to the next item, are read as part of the text and are not checked")
                        .help("end the text with `\"\"\"`"),
                )
            }
            TokenKind::Open(b) => stack.push((b, t.span.clone())),
            TokenKind::Close(b) => {
                let want = match b {
                    b'}' => b'{',
                    b')' => b'(',
                    _ => b'[',
                };
                if stack.last().is_some_and(|(open, _)| *open != want) && stack.iter().any(|(open, _)| *open == want) {
                    // The closer belongs further out: the bracket on top was never closed.
                    let (open, ospan) = stack.pop().unwrap_or((b'(', t.span.clone()));
                    let close = match open {
                        b'{' => '}',
                        b'(' => ')',
                        _ => ']',
                    };
                    return Some(
                        Diagnostic::new(Code::SyntaxError, file, ospan, format!("`{}` is not closed", open as char))
                            .label("opened here")
                            .secondary(file, t.span.clone(), format!("`{}` comes first", b as char))
                            .help(format!("add `{close}` where it ends")),
                    );
                }
                match stack.pop() {
                    Some((open, _)) if open == want => {}
                    Some((open, ospan)) => {
                        return Some(
                            Diagnostic::new(
                                Code::SyntaxError,
                                file,
                                t.span.clone(),
                                format!("`{}` closes `{}`", b as char, open as char),
                            )
                            .label("does not match")
                            .secondary(file, ospan, "opened here"),
                        )
                    }
                    None => {
                        return Some(
                            Diagnostic::new(Code::SyntaxError, file, t.span.clone(), format!("`{}` closes nothing", b as char))
                                .label("no matching opening bracket")
                                .help("remove it, or add the opening bracket it belongs to"),
                        )
                    }
                }
            }
            _ => {}
        }
    }
    stack.pop().map(|(open, ospan)| {
        let close = match open {
            b'{' => '}',
            b'(' => ')',
            _ => ']',
        };
        let _ = text;
        Diagnostic::new(
            Code::SyntaxError,
            file,
            ospan,
            format!("`{}` is not closed", open as char),
        )
        .label("opened here")
        .help(format!("add `{close}` at the end of this item"))
    })
}

fn pest_error(file: FileId, text: &str, base: usize, e: &pest::error::Error<Rule>) -> Diagnostic {
    use pest::error::{ErrorVariant, InputLocation};
    let pos = base
        + match e.location {
            InputLocation::Pos(p) => p,
            InputLocation::Span((s, _)) => s,
        };
    let found = found_at(text, pos);
    let mut expected: Vec<&str> = match &e.variant {
        ErrorVariant::ParsingError { positives, .. } => {
            positives.iter().map(|r| rule_name(*r)).collect()
        }
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    expected.sort_unstable();
    expected.dedup();
    let message = if expected.is_empty() {
        format!("unexpected {found}")
    } else {
        format!("unexpected {found}; expected {}", join_or(&expected))
    };
    let end = (pos + found_len(text, pos)).min(text.len());
    let mut d = Diagnostic::new(Code::SyntaxError, file, pos..end, message).label("here");
    // The whole word the error is in: an identifier stops at the first letter of another
    // alphabet, so the word may begin before the error.
    let word_start = text[..pos]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '_' | '/'))
        .last()
        .map_or(pos, |(i, _)| i);
    if let Some(note) = lookalike::note(&text[word_start..end]) {
        d = d.help(note);
    } else if expected.contains(&"end of line") {
        d = d.help("each field goes on a line of its own; a value that continues on the next line must be a \"\"\"text\"\"\"");
    }
    d
}

fn found_at(text: &str, pos: usize) -> String {
    match text[pos..].chars().next() {
        None => "end of file".to_string(),
        Some('\n') | Some('\r') => "end of line".to_string(),
        Some(_) => format!("`{}`", &text[pos..pos + found_len(text, pos)]),
    }
}

fn found_len(text: &str, pos: usize) -> usize {
    let rest = &text[pos..];
    let mut len = 0;
    for (i, c) in rest.char_indices() {
        if c.is_whitespace() || (i > 0 && "{}()[];,\"".contains(c)) || i >= 24 {
            break;
        }
        len = i + c.len_utf8();
        if "{}()[];,\"".contains(c) {
            break;
        }
    }
    len
}

fn join_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

fn rule_name(r: Rule) -> &'static str {
    match r {
        Rule::node | Rule::key | Rule::item => "a field name",
        Rule::args
        | Rule::expr
        | Rule::sum
        | Rule::product
        | Rule::unary
        | Rule::literal
        | Rule::primary => "a value",
        Rule::block => "`{`",
        Rule::cmp_op => "a comparison",
        Rule::add_op | Rule::mul_op => "an operator",
        Rule::call => "a function call",
        Rule::paren => "`(`",
        Rule::list => "`[`",
        Rule::string | Rule::simple | Rule::triple => "a text in quotes",
        Rule::escape => "an escape (\\\" \\\\ \\n \\t \\u{...})",
        Rule::code => "a code",
        Rule::ident | Rule::path => "a name",
        Rule::number | Rule::range => "a number",
        Rule::date => "a date",
        Rule::year_span => "a year span",
        Rule::neg => "`-`",
        Rule::EOI => "end of item",
        _ => "end of line",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Vec<Node> {
        let (f, d) = parse(FileId(0), text);
        assert!(d.is_empty(), "{d:?}");
        f.items
            .into_iter()
            .map(|i| match i {
                Item::Node(n) => n,
                Item::Error(s) => panic!("error item {s:?}"),
            })
            .collect()
    }

    #[test]
    fn parses_nodes_blocks_and_expressions() {
        let nodes = parse_ok(
            "metric AD/003 {\n  subset of AD/002a + AD/002b\n  wording \"x\" cy \"y\"\n}\n",
        );
        assert_eq!(nodes.len(), 1);
        let m = &nodes[0];
        assert_eq!(m.key.text, "metric");
        assert_eq!(m.args[0].as_code(), Some("AD/003"));
        let subset = &m.children()[0];
        assert_eq!(subset.args.len(), 2);
        assert!(matches!(
            subset.args[1].kind,
            ExprKind::Binary { op: BinOp::Add, .. }
        ));
    }

    #[test]
    fn every_broken_item_is_reported_and_the_rest_parse() {
        let text = "a \"x\n\nb {\n  c 1\n}\n\nd ) \n\ne 2\n";
        let (f, d) = parse(FileId(0), text);
        assert_eq!(d.len(), 2, "{d:#?}");
        let ok: Vec<_> = f
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Node(n) => Some(n.key.text.as_str()),
                Item::Error(_) => None,
            })
            .collect();
        assert_eq!(ok, vec!["b", "e"]);
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let text = format!(
            "indicator X {{\n formula {}1{}\n}}\n",
            "(".repeat(10_000),
            ")".repeat(10_000)
        );
        let (_, d) = parse(FileId(0), &text);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, Code::NestingTooDeep);
    }

    #[test]
    fn ranges_dates_and_numbers() {
        let nodes = parse_ok("x 16..25 66.. 2020-04-01 2020-21 3.17 -2\n");
        let kinds: Vec<_> = nodes[0].args.iter().map(|a| a.describe()).collect();
        assert_eq!(
            kinds,
            vec![
                "a range",
                "a range",
                "a date",
                "a year span",
                "an expression"
            ]
        );
    }
}
