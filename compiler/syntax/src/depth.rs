//! How deep the expressions of an item are, measured without recursion, and deep trees taken
//! apart without recursion.
//!
//! Brackets are limited before parsing (`MAX_DEPTH`), but a chain of operators is not: a sum of
//! 20,000 terms or 50,000 minus signs in a row parses, without recursion, into a tree 20,000
//! levels deep, and every later walk over it (lowering, checking, formatting, even dropping it)
//! would recurse that deep and overflow the stack. An item with such an expression is refused
//! with a diagnostic, and its tree is taken apart here, iteratively.

use crate::ast::{Expr, ExprKind, Node};
use crate::source::Span;

/// The deepest an expression may be: far more than any formula or rule of the framework (the
/// longest sum has a few dozen terms), and shallow enough for every recursive walk.
pub const MAX_EXPR_DEPTH: usize = 256;

/// What a walk over an item's expressions found.
pub struct Survey {
    /// The depth of the deepest expression, and where it is.
    pub depth: usize,
    pub at: Span,
    /// The first number too large to be a number at all (`1e400`).
    pub huge: Option<Span>,
    /// The first character in a text that no text may hold (see `forbidden`), and where.
    pub bad_char: Option<(char, Span)>,
}

/// Characters no text of a spec may hold, written or escaped: control characters other than
/// line breaks and tabs (a NUL cuts a text short in SQL and makes a workbook unreadable; an
/// escape sequence rewrites a terminal), the Unicode line and paragraph separators (line
/// breaks to JavaScript and Python that other tools do not see), and the bidirectional
/// controls that make text display in another order than it is read.
pub fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// The depth of the deepest expression in a node and its children, and where it is.
pub fn deepest(node: &Node) -> (usize, Span) {
    let s = survey(node);
    (s.depth, s.at)
}

/// Walks a node and its children.
pub fn survey(node: &Node) -> Survey {
    let mut huge = None;
    let mut bad_char = None;
    let mut best = (0, node.span.clone());
    let mut nodes: Vec<&Node> = vec![node];
    let mut exprs: Vec<(&Expr, usize)> = Vec::new();
    while let Some(n) = nodes.pop() {
        exprs.extend(n.args.iter().map(|e| (e, 1)));
        if let Some(b) = &n.block {
            nodes.extend(b.nodes.iter());
        }
        while let Some((e, d)) = exprs.pop() {
            if d > best.0 {
                best = (d, e.span.clone());
            }
            match &e.kind {
                ExprKind::List(items) => exprs.extend(items.iter().map(|x| (x, d + 1))),
                ExprKind::Call { args, .. } => exprs.extend(args.iter().map(|x| (x, d + 1))),
                ExprKind::Paren(x) | ExprKind::Neg(x) => exprs.push((x, d + 1)),
                ExprKind::Binary { lhs, rhs, .. } | ExprKind::Compare { lhs, rhs, .. } => {
                    exprs.push((lhs, d + 1));
                    exprs.push((rhs, d + 1));
                }
                ExprKind::Number(n) => {
                    if huge.is_none() && n.parse::<f64>().is_ok_and(|v| !v.is_finite()) {
                        huge = Some(e.span.clone());
                    }
                }
                ExprKind::Str(lit) => {
                    // Most texts are printable ASCII with line breaks and tabs, which holds
                    // nothing forbidden: a byte test settles them without decoding.
                    // In blocks of 64 bytes, each without an early exit, which the compiler
                    // turns into vector instructions (a byte-by-byte `all` was a twentieth of
                    // a check's time).
                    let plain = |v: &str| {
                        v.as_bytes().chunks(64).all(|block| {
                            block.iter().fold(true, |ok, &b| {
                                ok & ((0x20..0x7f).contains(&b) | (b == b'\n') | (b == b'\t'))
                            })
                        })
                    };
                    if bad_char.is_none() && !plain(&lit.value) {
                        let v = &lit.value;
                        // A carriage return is allowed as part of a Windows line break.
                        let crlf = |off: usize| v.as_bytes().get(off + 1) == Some(&b'\n');
                        if let Some((off, c)) = v
                            .char_indices()
                            .find(|&(off, c)| forbidden(c) && !(c == '\r' && crlf(off)))
                        {
                            let at = lit.source_offset(off);
                            bad_char = Some((c, at..at + 1));
                        }
                    }
                }
                ExprKind::Path(_)
                | ExprKind::Code(_)
                | ExprKind::Date(_)
                | ExprKind::YearSpan(_)
                | ExprKind::Range(..) => {}
            }
        }
    }
    Survey {
        depth: best.0,
        at: best.1,
        huge,
        bad_char,
    }
}

/// Drops a node whatever the depth of its expressions, without recursion.
pub fn dispose(node: Node) {
    let mut nodes = vec![node];
    let mut exprs: Vec<Expr> = Vec::new();
    while let Some(n) = nodes.pop() {
        exprs.extend(n.args);
        if let Some(b) = n.block {
            nodes.extend(b.nodes);
        }
        while let Some(e) = exprs.pop() {
            match e.kind {
                ExprKind::List(items) => exprs.extend(items),
                ExprKind::Call { args, .. } => exprs.extend(args),
                ExprKind::Paren(x) | ExprKind::Neg(x) => exprs.push(*x),
                ExprKind::Binary { lhs, rhs, .. } | ExprKind::Compare { lhs, rhs, .. } => {
                    exprs.push(*lhs);
                    exprs.push(*rhs);
                }
                _ => {}
            }
        }
    }
}
