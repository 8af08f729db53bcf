//! Cuts a file into top-level items before parsing, so that one broken item cannot hide the
//! rest (see "Parsing with pest, made resilient" in ARCHITECTURE.md).
//!
//! An item starts on a new line at bracket depth zero. When an item does not parse because a
//! closing brace is missing, `resplit` cuts it again wherever a line starts in column 0 with a
//! keyword that begins an item, which is how a spec file is laid out.

use super::lexer::{Token, TokenKind};
use crate::source::Span;

/// The tokens inside a span. Tokens are sorted and do not overlap, so this is two binary
/// searches; filtering the whole file for every item would make parsing quadratic.
pub fn within<'t>(tokens: &'t [Token], span: &Span) -> &'t [Token] {
    let start = tokens.partition_point(|t| t.span.start < span.start);
    let end = tokens.partition_point(|t| t.span.end <= span.end);
    tokens.get(start..end.max(start)).unwrap_or(&[])
}

/// Keys that begin a top-level item; used only for recovery.
pub const ITEM_KEYWORDS: &[&str] = &[
    "edition",
    "extension",
    "doc",
    "instrument",
    "cohort",
    "unit",
    "definition",
    "source",
    "population",
    "codelist",
    "missing",
    "standard",
    "part",
    "group",
    "metric",
    "indicator",
    "rule",
    "erratum",
    "report",
    "allow",
    "calendar",
    "record",
    "term",
    "english",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub span: Span,
    /// The deepest nesting of brackets and braces in the chunk.
    pub max_depth: usize,
    /// Whether the chunk holds anything but blank lines and comments.
    pub has_content: bool,
}

/// Splits at lines that begin at depth zero.
pub fn split(text: &str, tokens: &[Token]) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    // Open brackets, innermost last. A closer that does not match is ignored here (the item's
    // parse reports it), so a stray `)` cannot end an item early.
    let mut stack: Vec<u8> = Vec::new();
    let mut max_depth = 0;
    let mut chunk_start = 0;
    let mut started = false;
    let mut at_line_start = true;
    // Where the line after the last significant token begins: the boundary if an item starts.
    let mut after_last = 0;
    let mut last_line_pending = false;
    for t in tokens {
        match t.kind {
            TokenKind::Newline => {
                at_line_start = true;
                if last_line_pending {
                    after_last = t.span.end;
                    last_line_pending = false;
                }
            }
            TokenKind::Space | TokenKind::Comment => {}
            kind => {
                if at_line_start && stack.is_empty() && started {
                    let boundary = after_last.max(chunk_start);
                    chunks.push(Chunk {
                        span: chunk_start..boundary,
                        max_depth,
                        has_content: true,
                    });
                    chunk_start = boundary;
                    max_depth = 0;
                }
                match kind {
                    TokenKind::Open(b) => {
                        stack.push(b);
                        max_depth = max_depth.max(stack.len());
                    }
                    TokenKind::Close(b) => {
                        let open = match b {
                            b'}' => b'{',
                            b')' => b'(',
                            _ => b'[',
                        };
                        if stack.last() == Some(&open) {
                            stack.pop();
                        } else if let Some(i) = stack.iter().rposition(|o| *o == open) {
                            // Brackets opened inside were never closed; this closes them all.
                            stack.truncate(i);
                        }
                    }
                    _ => {}
                }
                started = true;
                at_line_start = false;
                last_line_pending = true;
                after_last = t.span.end;
            }
        }
    }
    if chunk_start < text.len() || chunks.is_empty() {
        chunks.push(Chunk {
            span: chunk_start..text.len(),
            max_depth,
            has_content: started,
        });
    }
    chunks
}

/// Cuts a chunk that failed to parse at every line that starts, in column 0, with an item
/// keyword. Returns the chunk unchanged when there is no such line after its first.
pub fn resplit(text: &str, tokens: &[Token], chunk: &Chunk) -> Vec<Chunk> {
    let mut starts = vec![chunk.span.start];
    let mut line_start = true;
    for t in within(tokens, &chunk.span).iter() {
        match t.kind {
            TokenKind::Newline => line_start = true,
            TokenKind::Word if line_start => {
                let at_col0 = t.span.start == 0 || text.as_bytes()[t.span.start - 1] == b'\n';
                if at_col0
                    && t.span.start > chunk.span.start
                    && ITEM_KEYWORDS.contains(&&text[t.span.clone()])
                {
                    starts.push(t.span.start);
                }
                line_start = false;
            }
            _ => line_start = false,
        }
    }
    starts.push(chunk.span.end);
    starts
        .windows(2)
        .map(|w| {
            let span = w[0]..w[1];
            let max_depth = depth_of(tokens, &span);
            let has_content = within(tokens, &span).iter().any(|t| !t.kind.is_trivia());
            Chunk {
                span,
                max_depth,
                has_content,
            }
        })
        .collect()
}

fn depth_of(tokens: &[Token], span: &Span) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for t in within(tokens, span).iter() {
        match t.kind {
            TokenKind::Open(_) => {
                depth += 1;
                max = max.max(depth);
            }
            TokenKind::Close(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::super::lexer::tokenize;
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        split(text, &tokenize(text))
            .into_iter()
            .map(|c| &text[c.span])
            .collect()
    }

    #[test]
    fn splits_at_depth_zero_lines() {
        let text = "a {\n  b\n}\n\n// about c\nc 1\nd \"x\n{\"";
        // The unclosed text ends with its line, so `{"` starts an item of its own.
        assert_eq!(
            pieces(text),
            vec!["a {\n  b\n}\n", "\n// about c\nc 1\n", "d \"x\n", "{\""]
        );
    }

    #[test]
    fn missing_brace_is_recovered_by_resplit() {
        let text = "metric A {\n  x 1\nmetric B {\n}\n";
        let tokens = tokenize(text);
        let chunks = split(text, &tokens);
        assert_eq!(chunks.len(), 1);
        let again = resplit(text, &tokens, &chunks[0]);
        let got: Vec<_> = again.iter().map(|c| &text[c.span.clone()]).collect();
        assert_eq!(got, vec!["metric A {\n  x 1\n", "metric B {\n}\n"]);
    }
}
