//! A hand-written parser for the `item` rule of `pmf.pest`, taken first for every item because
//! it is several times faster than pest (which spends most of its time on per-rule bookkeeping,
//! call-limit checks and literal matching). It succeeds only where the grammar succeeds and then
//! builds exactly the tree `tree.rs` builds from pest's pairs, spans included; on anything it
//! does not accept it gives up, and the item is parsed by pest, whose error is reported. So the
//! grammar file stays the definition of the language and the source of every syntax message.
//!
//! To give the same spans, each function follows pest's generated code step by step: in a
//! non-atomic sequence `a ~ b` pest skips whitespace and comments between `a` and `b`, and that
//! skip is not undone when `b` is an optional or a repetition that matches nothing, so a rule
//! such as `node = { key ~ args? ~ block? }` ends after the blanks and comment that follow its
//! last part. Inside a repetition the skip before each further element is undone when that
//! element fails. `differential` in this module's tests, a property test in the suite and the
//! fuzz target hold the two parsers to the same result.

use super::ast::*;
use super::strings;
use crate::source::Span;

/// The node of one item whose text is `src`, at offset `base` in its file; `None` when the
/// item does not parse (or uses something this parser leaves to pest).
pub fn item(src: &str, base: usize) -> Option<Node> {
    let p = Parser {
        s: src.as_bytes(),
        src,
        base,
    };
    // item = { SOI ~ sep* ~ node ~ sep* ~ EOI }
    let mut pos = p.skip(0);
    pos = p.seps(pos);
    pos = p.skip(pos);
    let (node, end) = p.node(pos)?;
    pos = p.skip(end);
    pos = p.seps(pos);
    pos = p.skip(pos);
    (pos == src.len()).then_some(node)
}

struct Parser<'a> {
    s: &'a [u8],
    src: &'a str,
    base: usize,
}

type Parsed<T> = Option<(T, usize)>;

fn upper(b: u8) -> bool {
    b.is_ascii_uppercase()
}

fn digit(b: u8) -> bool {
    b.is_ascii_digit()
}

fn alpha(b: u8) -> bool {
    b.is_ascii_alphabetic()
}

impl<'a> Parser<'a> {
    fn at(&self, pos: usize) -> u8 {
        self.s.get(pos).copied().unwrap_or(0)
    }

    fn span(&self, start: usize, end: usize) -> Span {
        self.base + start..self.base + end
    }

    fn text(&self, start: usize, end: usize) -> String {
        self.src[start..end].to_string()
    }

    /// How many bytes from `pos` satisfy `f`.
    fn run(&self, pos: usize, f: impl Fn(u8) -> bool) -> usize {
        self.s
            .get(pos..)
            .map_or(0, |rest| rest.iter().take_while(|b| f(**b)).count())
    }

    /// The implicit `WHITESPACE* ~ (COMMENT ~ WHITESPACE*)*` between the parts of a rule.
    fn skip(&self, mut pos: usize) -> usize {
        loop {
            match self.s.get(pos..) {
                Some([b' ' | b'\t', ..]) => pos += 1,
                Some([0xEF, 0xBB, 0xBF, ..]) => pos += 3,
                Some([b'/', b'/', ..]) => {
                    pos += self.s[pos..]
                        .iter()
                        .position(|b| *b == b'\n')
                        .unwrap_or(self.s.len() - pos);
                }
                _ => return pos,
            }
        }
    }

    /// `NEWLINE`
    fn newline(&self, pos: usize) -> Option<usize> {
        match self.s.get(pos..) {
            Some([b'\n', ..]) => Some(pos + 1),
            Some([b'\r', b'\n', ..]) => Some(pos + 2),
            Some([b'\r', ..]) => Some(pos + 1),
            _ => None,
        }
    }

    /// `sep = _{ NEWLINE | ";" }`
    fn sep(&self, pos: usize) -> Option<usize> {
        if self.at(pos) == b';' {
            return Some(pos + 1);
        }
        self.newline(pos)
    }

    /// `X*` in a non-atomic rule for an `X` that yields nothing.
    fn star(&self, pos: usize, f: impl Fn(usize) -> Option<usize>) -> usize {
        let Some(mut pos) = f(pos) else {
            return pos;
        };
        while let Some(next) = f(self.skip(pos)) {
            pos = next;
        }
        pos
    }

    fn seps(&self, pos: usize) -> usize {
        self.star(pos, |p| self.sep(p))
    }

    fn newlines(&self, pos: usize) -> usize {
        self.star(pos, |p| self.newline(p))
    }

    /// `node = { key ~ args? ~ block? }`
    fn node(&self, start: usize) -> Parsed<Node> {
        let (key, mut pos) = self.key(start)?;
        pos = self.skip(pos);
        let mut args = Vec::new();
        if let Some((a, end)) = self.args(pos) {
            args = a;
            pos = end;
        }
        pos = self.skip(pos);
        let mut block = None;
        if let Some((b, end)) = self.block(pos) {
            block = Some(b);
            pos = end;
        }
        let node = Node {
            key,
            args,
            block,
            span: self.span(start, pos),
        };
        Some((node, pos))
    }

    /// `key = @{ code | ident }`
    fn key(&self, start: usize) -> Parsed<Name> {
        let end = self.code(start).or_else(|| self.ident(start))?;
        let name = Name {
            text: self.text(start, end),
            span: self.span(start, end),
        };
        Some((name, end))
    }

    /// `args = { arg ~ (","? ~ arg)* }`
    fn args(&self, start: usize) -> Parsed<Vec<Expr>> {
        let (first, end) = self.arg(start)?;
        let mut args = vec![first];
        let pos = self.skip(end);
        let more = |p: usize| {
            let p = if self.at(p) == b',' { p + 1 } else { p };
            self.arg(self.skip(p))
        };
        let Some((a, mut pos)) = more(pos) else {
            return Some((args, pos));
        };
        args.push(a);
        while let Some((a, end)) = more(self.skip(pos)) {
            args.push(a);
            pos = end;
        }
        Some((args, pos))
    }

    /// `arg = _{ string | expr }`
    fn arg(&self, start: usize) -> Parsed<Expr> {
        self.string(start).or_else(|| self.expr(start))
    }

    /// `block = { "{" ~ sep* ~ (node ~ (sep+ | &"}"))* ~ "}" }`
    fn block(&self, start: usize) -> Parsed<Block> {
        if self.at(start) != b'{' {
            return None;
        }
        let mut pos = self.skip(start + 1);
        pos = self.seps(pos);
        pos = self.skip(pos);
        let entry = |p: usize| -> Parsed<Node> {
            let (node, end) = self.node(p)?;
            let after = self.skip(end);
            match self.sep(after) {
                Some(_) => Some((node, self.seps(after))),
                None if self.at(after) == b'}' => Some((node, after)),
                None => None,
            }
        };
        let mut nodes = Vec::new();
        if let Some((n, end)) = entry(pos) {
            nodes.push(n);
            pos = end;
            while let Some((n, end)) = entry(self.skip(pos)) {
                nodes.push(n);
                pos = end;
            }
        }
        pos = self.skip(pos);
        if self.at(pos) != b'}' {
            return None;
        }
        let block = Block {
            nodes,
            span: self.span(start, pos + 1),
        };
        Some((block, pos + 1))
    }

    /// `expr = { sum ~ (cmp_op ~ sum)? }`
    fn expr(&self, start: usize) -> Parsed<Expr> {
        let (lhs, end) = self.sum(start)?;
        let pos = self.skip(end);
        if let Some((op, after)) = self.cmp_op(pos) {
            if let Some((rhs, end)) = self.sum(self.skip(after)) {
                let e = Expr {
                    kind: ExprKind::Compare {
                        op,
                        lhs: Box::new(lhs),
                        rhs: Box::new(rhs),
                    },
                    span: self.span(start, end),
                };
                return Some((e, end));
            }
        }
        Some((lhs, pos))
    }

    /// `cmp_op = { "<=" | ">=" | "==" | "!=" | "<" | ">" | "=" }`
    fn cmp_op(&self, pos: usize) -> Parsed<CmpOp> {
        let two = self.s.get(pos..pos + 2);
        let (op, len) = match (two, self.at(pos)) {
            (Some(b"<="), _) => (CmpOp::Le, 2),
            (Some(b">="), _) => (CmpOp::Ge, 2),
            (Some(b"=="), _) => (CmpOp::Eq, 2),
            (Some(b"!="), _) => (CmpOp::Ne, 2),
            (_, b'<') => (CmpOp::Lt, 1),
            (_, b'>') => (CmpOp::Gt, 1),
            (_, b'=') => (CmpOp::Eq, 1),
            _ => return None,
        };
        Some((op, pos + len))
    }

    /// `sum = { product ~ (add_op ~ product)* }` and `product = { unary ~ (mul_op ~ unary)* }`:
    /// left-associative chains of `operand`s joined by one of `ops`.
    fn chain(
        &self,
        start: usize,
        ops: &[(u8, BinOp)],
        operand: impl Fn(usize) -> Parsed<Expr>,
    ) -> Parsed<Expr> {
        let (mut acc, end) = operand(start)?;
        let step = |p: usize| -> Option<(BinOp, Expr, usize)> {
            let op = ops.iter().find(|(b, _)| self.at(p) == *b)?.1;
            let (rhs, end) = operand(self.skip(p + 1))?;
            Some((op, rhs, end))
        };
        let mut pos = self.skip(end);
        let mut first = true;
        loop {
            let at = if first { pos } else { self.skip(pos) };
            let Some((op, rhs, end)) = step(at) else {
                break;
            };
            first = false;
            pos = end;
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
        Some((acc, pos))
    }

    fn sum(&self, start: usize) -> Parsed<Expr> {
        self.chain(start, &[(b'+', BinOp::Add), (b'-', BinOp::Sub)], |p| {
            self.product(p)
        })
    }

    fn product(&self, start: usize) -> Parsed<Expr> {
        self.chain(start, &[(b'*', BinOp::Mul), (b'/', BinOp::Div)], |p| {
            self.unary(p)
        })
    }

    /// `unary = { neg* ~ primary }`
    fn unary(&self, start: usize) -> Parsed<Expr> {
        let mut negs = Vec::new();
        let mut pos = start;
        if self.at(pos) == b'-' {
            negs.push(pos);
            pos += 1;
            loop {
                let at = self.skip(pos);
                if self.at(at) != b'-' {
                    break;
                }
                negs.push(at);
                pos = at + 1;
            }
        }
        let (mut e, end) = self.primary(self.skip(pos))?;
        for neg in negs.into_iter().rev() {
            let span = self.base + neg..e.span.end;
            e = Expr {
                kind: ExprKind::Neg(Box::new(e)),
                span,
            };
        }
        Some((e, end))
    }

    /// `primary = _{ call | paren | list | literal }`
    fn primary(&self, start: usize) -> Parsed<Expr> {
        self.call(start)
            .or_else(|| self.paren(start))
            .or_else(|| self.list(start))
            .or_else(|| self.literal(start))
    }

    /// Expressions separated by commas, as in `call` (`comma_optional` false) and `list`:
    /// `(expr ~ NEWLINE* ~ (","? ~ NEWLINE* ~ expr ~ NEWLINE*)*)?`, ended by `close`. Returns
    /// the expressions and the position after `close`.
    fn sequence(&self, start: usize, comma_optional: bool, close: u8) -> Parsed<Vec<Expr>> {
        let mut pos = self.skip(start);
        pos = self.newlines(pos);
        pos = self.skip(pos);
        let mut items = Vec::new();
        let first = |p: usize| -> Parsed<Expr> {
            let (e, end) = self.expr(p)?;
            let end = self.skip(end);
            Some((e, self.newlines(end)))
        };
        let further = |p: usize| -> Parsed<Expr> {
            let p = match (self.at(p), comma_optional) {
                (b',', _) => self.skip(p + 1),
                (_, true) => self.skip(p),
                (_, false) => return None,
            };
            let p = self.skip(self.newlines(p));
            let (e, end) = self.expr(p)?;
            Some((e, self.newlines(self.skip(end))))
        };
        if let Some((e, end)) = first(pos) {
            items.push(e);
            pos = self.skip(end);
            if let Some((e, end)) = further(pos) {
                items.push(e);
                pos = end;
                while let Some((e, end)) = further(self.skip(pos)) {
                    items.push(e);
                    pos = end;
                }
            }
        }
        pos = self.skip(pos);
        (self.at(pos) == close).then_some((items, pos + 1))
    }

    /// `call = { ident ~ "(" ~ NEWLINE* ~ (expr ~ NEWLINE* ~ ("," ~ NEWLINE* ~ expr ~ NEWLINE*)*)? ~ ")" }`
    fn call(&self, start: usize) -> Parsed<Expr> {
        let name_end = self.ident(start)?;
        let open = self.skip(name_end);
        if self.at(open) != b'(' {
            return None;
        }
        let (args, end) = self.sequence(open + 1, false, b')')?;
        let name = Name {
            text: self.text(start, name_end),
            span: self.span(start, name_end),
        };
        let e = Expr {
            kind: ExprKind::Call { name, args },
            span: self.span(start, end),
        };
        Some((e, end))
    }

    /// `paren = { "(" ~ NEWLINE* ~ expr ~ NEWLINE* ~ ")" }`
    fn paren(&self, start: usize) -> Parsed<Expr> {
        if self.at(start) != b'(' {
            return None;
        }
        let mut pos = self.newlines(self.skip(start + 1));
        let (inner, end) = self.expr(self.skip(pos))?;
        pos = self.newlines(self.skip(end));
        pos = self.skip(pos);
        if self.at(pos) != b')' {
            return None;
        }
        let e = Expr {
            kind: ExprKind::Paren(Box::new(inner)),
            span: self.span(start, pos + 1),
        };
        Some((e, pos + 1))
    }

    /// `list = { "[" ~ NEWLINE* ~ (expr ~ NEWLINE* ~ (","? ~ NEWLINE* ~ expr ~ NEWLINE*)*)? ~ "]" }`
    fn list(&self, start: usize) -> Parsed<Expr> {
        if self.at(start) != b'[' {
            return None;
        }
        let (items, end) = self.sequence(start + 1, true, b']')?;
        let e = Expr {
            kind: ExprKind::List(items),
            span: self.span(start, end),
        };
        Some((e, end))
    }

    /// `literal = _{ code | path | &ASCII_DIGIT ~ (date | year_span | range | number) | string }`
    fn literal(&self, start: usize) -> Parsed<Expr> {
        let make = |kind: ExprKind, end: usize| {
            Some((
                Expr {
                    kind,
                    span: self.span(start, end),
                },
                end,
            ))
        };
        if let Some(end) = self.code(start) {
            return make(ExprKind::Code(self.text(start, end)), end);
        }
        if let Some(end) = self.path(start) {
            return make(ExprKind::Path(self.text(start, end)), end);
        }
        if digit(self.at(start)) {
            if let Some(end) = self.date(start) {
                return make(ExprKind::Date(self.text(start, end)), end);
            }
            if let Some(end) = self.year_span(start) {
                return make(ExprKind::YearSpan(self.text(start, end)), end);
            }
            if let Some((lo, hi, end)) = self.range(start) {
                return make(ExprKind::Range(lo, hi), end);
            }
            if let Some(end) = self.number(start) {
                return make(ExprKind::Number(self.text(start, end)), end);
            }
        }
        self.string(start)
    }

    /// `code = @{ ASCII_ALPHA_UPPER{2,5} ~ ("/" ~ (ASCII_ALPHA_UPPER+ | ASCII_DIGIT+ ~ ASCII_ALPHA*))+ }`
    fn code(&self, start: usize) -> Option<usize> {
        let letters = self.run(start, upper).min(5);
        if letters < 2 {
            return None;
        }
        let part = |p: usize| -> Option<usize> {
            if self.at(p) != b'/' {
                return None;
            }
            let p = p + 1;
            match self.run(p, upper) {
                0 => match self.run(p, digit) {
                    0 => None,
                    d => Some(p + d + self.run(p + d, alpha)),
                },
                u => Some(p + u),
            }
        };
        let mut pos = part(start + letters)?;
        while let Some(end) = part(pos) {
            pos = end;
        }
        Some(pos)
    }

    /// `ident = @{ (ASCII_ALPHA | "_") ~ (ASCII_ALPHANUMERIC | "_")* }`
    fn ident(&self, start: usize) -> Option<usize> {
        let first = self.at(start);
        if !(alpha(first) || first == b'_') {
            return None;
        }
        Some(start + 1 + self.run(start + 1, |b| b.is_ascii_alphanumeric() || b == b'_'))
    }

    /// `path = @{ ident ~ ("." ~ ident)* }`
    fn path(&self, start: usize) -> Option<usize> {
        let mut pos = self.ident(start)?;
        while self.at(pos) == b'.' {
            match self.ident(pos + 1) {
                Some(end) => pos = end,
                None => break,
            }
        }
        Some(pos)
    }

    /// Exactly `n` digits at `pos`.
    fn digits(&self, pos: usize, n: usize) -> Option<usize> {
        let ok = self
            .s
            .get(pos..pos + n)
            .is_some_and(|d| d.iter().all(|b| digit(*b)));
        ok.then_some(pos + n)
    }

    fn byte(&self, pos: usize, b: u8) -> Option<usize> {
        (self.at(pos) == b).then_some(pos + 1)
    }

    /// `date = @{ ASCII_DIGIT{4} ~ "-" ~ ASCII_DIGIT{2} ~ "-" ~ ASCII_DIGIT{2} }`
    fn date(&self, start: usize) -> Option<usize> {
        let p = self.digits(start, 4)?;
        let p = self.digits(self.byte(p, b'-')?, 2)?;
        self.digits(self.byte(p, b'-')?, 2)
    }

    /// `year_span = @{ ASCII_DIGIT{4} ~ "-" ~ ASCII_DIGIT{2} ~ !ASCII_DIGIT }`
    fn year_span(&self, start: usize) -> Option<usize> {
        let p = self.digits(start, 4)?;
        let p = self.digits(self.byte(p, b'-')?, 2)?;
        (!digit(self.at(p))).then_some(p)
    }

    /// `range = @{ ASCII_DIGIT+ ~ ".." ~ ASCII_DIGIT* }`, with its bounds (saturating, as in
    /// `tree.rs`).
    fn range(&self, start: usize) -> Option<(u64, Option<u64>, usize)> {
        let lo_end = start + self.run(start, digit);
        if lo_end == start || self.s.get(lo_end..lo_end + 2) != Some(b"..") {
            return None;
        }
        let hi_start = lo_end + 2;
        let end = hi_start + self.run(hi_start, digit);
        let num = |s: &str| s.parse::<u64>().unwrap_or(u64::MAX);
        let lo = num(&self.src[start..lo_end]);
        let hi = (end > hi_start).then(|| num(&self.src[hi_start..end]));
        Some((lo, hi, end))
    }

    /// `number = @{ ASCII_DIGIT+ ~ ("." ~ ASCII_DIGIT+)? ~ !ASCII_ALPHA }`
    fn number(&self, start: usize) -> Option<usize> {
        let mut pos = start + self.run(start, digit);
        if pos == start {
            return None;
        }
        if self.at(pos) == b'.' {
            let fraction = self.run(pos + 1, digit);
            if fraction > 0 {
                pos += 1 + fraction;
            }
        }
        (!alpha(self.at(pos))).then_some(pos)
    }

    /// `string = ${ triple | simple }`
    fn string(&self, start: usize) -> Parsed<Expr> {
        let (lit, end) = match self.triple(start) {
            Some(end) => (
                strings::triple(&self.src[start..end], self.base + start),
                end,
            ),
            None => {
                let end = self.simple(start)?;
                (
                    strings::simple(&self.src[start..end], self.base + start),
                    end,
                )
            }
        };
        let e = Expr {
            kind: ExprKind::Str(lit),
            span: self.span(start, end),
        };
        Some((e, end))
    }

    /// `triple = @{ "\"\"\"" ~ (!"\"\"\"" ~ ANY)* ~ "\"\"\"" }`
    fn triple(&self, start: usize) -> Option<usize> {
        if self.s.get(start..start + 3) != Some(b"\"\"\"") {
            return None;
        }
        let body = start + 3;
        let close = self.s[body..].windows(3).position(|w| w == b"\"\"\"")?;
        Some(body + close + 3)
    }

    /// `simple = @{ "\"" ~ (!("\"" | "\\") ~ ANY)* ~ (escape ~ (!("\"" | "\\") ~ ANY)*)* ~ "\"" }`
    /// with `escape = @{ "\\" ~ ("\"" | "\\" | "n" | "t" | "u{" ~ ASCII_HEX_DIGIT{1,6} ~ "}") }`
    fn simple(&self, start: usize) -> Option<usize> {
        if self.at(start) != b'"' {
            return None;
        }
        let mut pos = start + 1;
        loop {
            pos += memchr::memchr2(b'"', b'\\', self.s.get(pos..)?)?;
            if self.at(pos) == b'"' {
                return Some(pos + 1);
            }
            // An escape.
            pos += 1;
            match self.at(pos) {
                b'"' | b'\\' | b'n' | b't' => pos += 1,
                b'u' if self.at(pos + 1) == b'{' => {
                    let hex = self.run(pos + 2, |b| b.is_ascii_hexdigit()).min(6);
                    if hex == 0 || self.at(pos + 2 + hex) != b'}' {
                        return None;
                    }
                    pos += 2 + hex + 1;
                }
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::compare_parsers;

    fn same(text: &str) {
        if let Err(e) = compare_parsers(text) {
            panic!("{e}");
        }
    }

    #[test]
    fn spans_follow_pest_around_blanks_and_comments() {
        same("metric AD/001 {  // c\n  wording \"x\"   // after\n  rule a = b  // trailing\n}  \n");
        same("x a = b   \n");
        same("x a * b + c   // c\n");
        same("x - - 3 , [1 2,\n 3 , ] f( a ,\n b ) ( 1 )\n");
        same("x \"\"\"\n  text \"q\"\n  \"\"\" \"a\\u{41}\\n\" \"\"\n");
        same("x 2020-04-01 2020-21 16..25 66.. 3.17 3.x AD/002a PI/AD/01 ABCDEF/01 a.b. _x\n");
        same("\u{feff}x 1;y 2\r\nz {\r\n a\r\n}\r\n");
    }

    #[test]
    fn what_pest_refuses_is_refused() {
        for text in [
            "x \"\\q\"\n",
            "x \"\\u{1234567}\"\n",
            "x a +\n",
            "x { a = }\n",
            "x 1a\n",
            "x ( a\n",
            "x f(a b)\n",
            "x\ny\n",
        ] {
            assert!(super::item(text, 0).is_none(), "{text}");
            same(text);
        }
    }
}
