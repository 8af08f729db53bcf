//! From pest's pairs to our syntax tree. Nothing outside this file sees a `Pair`.

use super::ast::*;
use super::strings;
use super::Rule;
use pest::iterators::Pair;

/// Builds the tree for one item; `base` is the offset of the item's text in the file.
pub fn node(pair: Pair<'_, Rule>, base: usize) -> Node {
    let span = span(&pair, base);
    let mut key = None;
    let mut args = Vec::new();
    let mut block = None;
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::key => {
                key = Some(Name {
                    text: p.as_str().to_string(),
                    span: self::span(&p, base),
                })
            }
            Rule::args => args = p.into_inner().map(|e| expr(e, base)).collect(),
            Rule::block => {
                let bspan = self::span(&p, base);
                let nodes = p
                    .into_inner()
                    .filter(|n| n.as_rule() == Rule::node)
                    .map(|n| node(n, base))
                    .collect();
                block = Some(Block { nodes, span: bspan });
            }
            _ => {}
        }
    }
    // The grammar makes the key mandatory.
    let key = key.unwrap_or(Name {
        text: String::new(),
        span: span.start..span.start,
    });
    Node {
        key,
        args,
        block,
        span,
    }
}

fn span(p: &Pair<'_, Rule>, base: usize) -> std::ops::Range<usize> {
    let s = p.as_span();
    base + s.start()..base + s.end()
}

fn expr(pair: Pair<'_, Rule>, base: usize) -> Expr {
    let sp = span(&pair, base);
    match pair.as_rule() {
        Rule::expr => {
            let mut inner = pair.into_inner();
            let first = inner.next().map(|p| expr(p, base));
            match (first, inner.next(), inner.next()) {
                (Some(lhs), Some(op), Some(rhs)) => {
                    let op = match op.as_str() {
                        "<=" => CmpOp::Le,
                        ">=" => CmpOp::Ge,
                        "<" => CmpOp::Lt,
                        ">" => CmpOp::Gt,
                        "!=" => CmpOp::Ne,
                        _ => CmpOp::Eq,
                    };
                    Expr {
                        kind: ExprKind::Compare {
                            op,
                            lhs: Box::new(lhs),
                            rhs: Box::new(expr(rhs, base)),
                        },
                        span: sp,
                    }
                }
                (Some(e), _, _) => e,
                (None, _, _) => Expr {
                    kind: ExprKind::List(Vec::new()),
                    span: sp,
                },
            }
        }
        Rule::sum | Rule::product => {
            let mut inner = pair.into_inner();
            let mut acc = match inner.next() {
                Some(p) => expr(p, base),
                None => {
                    return Expr {
                        kind: ExprKind::List(Vec::new()),
                        span: sp,
                    }
                }
            };
            while let (Some(op), Some(rhs)) = (inner.next(), inner.next()) {
                let op = match op.as_str() {
                    "+" => BinOp::Add,
                    "-" => BinOp::Sub,
                    "*" => BinOp::Mul,
                    _ => BinOp::Div,
                };
                let rhs = expr(rhs, base);
                let span = acc.span.start..rhs.span.end;
                acc = Expr {
                    kind: ExprKind::Binary {
                        op,
                        lhs: Box::new(acc),
                        rhs: Box::new(rhs),
                    },
                    span,
                };
            }
            acc
        }
        Rule::unary => {
            let mut negs = Vec::new();
            let mut operand = None;
            for p in pair.into_inner() {
                if p.as_rule() == Rule::neg {
                    negs.push(span(&p, base).start);
                } else {
                    operand = Some(expr(p, base));
                }
            }
            let mut e = operand.unwrap_or(Expr {
                kind: ExprKind::List(Vec::new()),
                span: sp.clone(),
            });
            for start in negs.into_iter().rev() {
                let span = start..e.span.end;
                e = Expr {
                    kind: ExprKind::Neg(Box::new(e)),
                    span,
                };
            }
            e
        }
        Rule::call => {
            let mut inner = pair.into_inner();
            let name = inner
                .next()
                .map(|p| Name {
                    text: p.as_str().to_string(),
                    span: span(&p, base),
                })
                .unwrap_or(Name {
                    text: String::new(),
                    span: sp.clone(),
                });
            let args = inner.map(|p| expr(p, base)).collect();
            Expr {
                kind: ExprKind::Call { name, args },
                span: sp,
            }
        }
        Rule::paren => {
            let inner = pair.into_inner().next().map(|p| expr(p, base));
            match inner {
                Some(e) => Expr {
                    kind: ExprKind::Paren(Box::new(e)),
                    span: sp,
                },
                None => Expr {
                    kind: ExprKind::List(Vec::new()),
                    span: sp,
                },
            }
        }
        Rule::list => Expr {
            kind: ExprKind::List(pair.into_inner().map(|p| expr(p, base)).collect()),
            span: sp,
        },
        Rule::string => {
            let inner = pair.into_inner().next();
            let lit = match inner {
                Some(p) if p.as_rule() == Rule::triple => {
                    strings::triple(p.as_str(), span(&p, base).start)
                }
                Some(p) => strings::simple(p.as_str(), span(&p, base).start),
                None => StrLit {
                    value: String::new(),
                    triple: false,
                    segments: vec![(0, sp.start)],
                },
            };
            Expr {
                kind: ExprKind::Str(lit),
                span: sp,
            }
        }
        Rule::code => Expr {
            kind: ExprKind::Code(pair.as_str().to_string()),
            span: sp,
        },
        Rule::path | Rule::ident => Expr {
            kind: ExprKind::Path(pair.as_str().to_string()),
            span: sp,
        },
        Rule::number => Expr {
            kind: ExprKind::Number(pair.as_str().to_string()),
            span: sp,
        },
        Rule::date => Expr {
            kind: ExprKind::Date(pair.as_str().to_string()),
            span: sp,
        },
        Rule::year_span => Expr {
            kind: ExprKind::YearSpan(pair.as_str().to_string()),
            span: sp,
        },
        Rule::range => {
            let text = pair.as_str();
            let (lo, hi) = text.split_once("..").unwrap_or((text, ""));
            // Digits only, by the grammar; absurdly long numbers saturate rather than fail.
            let num = |s: &str| s.parse::<u64>().unwrap_or(u64::MAX);
            let hi = if hi.is_empty() { None } else { Some(num(hi)) };
            Expr {
                kind: ExprKind::Range(num(lo), hi),
                span: sp,
            }
        }
        _ => {
            // Silent rules never reach here; a wrapper rule with one child is unwrapped.
            let mut inner = pair.into_inner();
            match inner.next() {
                Some(p) => expr(p, base),
                None => Expr {
                    kind: ExprKind::List(Vec::new()),
                    span: sp,
                },
            }
        }
    }
}
