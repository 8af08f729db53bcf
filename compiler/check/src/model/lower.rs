//! Lowering: from generic syntax nodes to typed declarations.
//!
//! Each item kind lists the fields it accepts; an unknown field is reported with the closest
//! known one. A `cy "..."` line directly after a text field is that field's Welsh version.

use super::schema::{self, Block};
use super::*;
use crate::diag::{Code, Diagnostic, Severity};
use crate::syntax::{BinOp, ExprKind, Item, Name, Node, SourceFile};
use std::collections::BTreeMap;

mod records;

/// Lowers one parsed file. Diagnostics are appended to `diags`.
pub fn lower_file(file: &SourceFile, diags: &mut Vec<Diagnostic>) -> Declarations {
    let mut l = Lowerer {
        file: file.file,
        diags,
        decls: Declarations::default(),
        current_group: None,
    };
    // The lists are sized before lowering: a metric is several kilobytes, and growing the list
    // by doubling copied every metric again and touched twice the memory (BENCHMARKS.md, "The
    // compiler core").
    let count = |kind: &str| {
        file.items
            .iter()
            .filter(|i| matches!(i, Item::Node(n) if n.key.text == kind))
            .count()
    };
    l.decls.metrics.reserve(count("metric"));
    l.decls.indicators.reserve(count("indicator"));
    l.decls.rules.reserve(count("rule"));
    for item in &file.items {
        if let Item::Node(node) = item {
            l.item(node);
        }
    }
    l.decls
        .broken
        .extend(file.broken.iter().map(|b| b.name.clone()));
    l.decls
}

struct Lowerer<'a> {
    file: FileId,
    diags: &'a mut Vec<Diagnostic>,
    decls: Declarations,
    /// Metrics below a `group` item belong to it unless they name another.
    current_group: Option<Ref>,
}

const ITEM_KINDS: &[&str] = crate::syntax::split::ITEM_KEYWORDS;

const LOCATOR_KINDS: &[&str] = schema::LOCATOR_KINDS;

impl<'a> Lowerer<'a> {
    fn loc(&self, span: &Span) -> Loc {
        Loc {
            file: self.file,
            span: span.clone(),
        }
    }

    fn err(&mut self, code: Code, span: &Span, message: impl Into<String>) -> &mut Diagnostic {
        self.diags
            .push(Diagnostic::new(code, self.file, span.clone(), message));
        // Just pushed, so there is a last element.
        let n = self.diags.len() - 1;
        &mut self.diags[n]
    }

    fn item(&mut self, node: &Node) {
        match node.key.text.as_str() {
            "edition" => self.edition(node),
            "extension" => self.extension(node),
            "doc" => {
                if let Some(d) = self.doc(node) {
                    self.decls.docs.push(d);
                }
            }
            "instrument" => self.instrument(node),
            "cohort" => self.cohort(node),
            "unit" => self.unit(node),
            "definition" => self.definition(node),
            "source" => self.source(node),
            "population" => self.population(node),
            "codelist" => self.codelist(node),
            "missing" => self.missing(node),
            "standard" => self.standard(node),
            "report" => self.report(node),
            "part" => self.part(node),
            "group" => self.group(node),
            "metric" => self.metric(node),
            "indicator" => self.indicator(node),
            "rule" => self.rule(node),
            "erratum" => self.erratum(node),
            "calendar" => self.calendar(node),
            "record" => self.record(node),
            "term" => self.term(node),
            "english" => self.english(node),
            "allow" => {
                if let Some(a) = self.allow(node) {
                    self.decls.file_allows.push(a);
                }
            }
            other => {
                let suggestion = closest(other, ITEM_KINDS);
                let d = self.err(
                    Code::UnknownItemKind,
                    &node.key.span,
                    format!("`{other}` does not begin an item"),
                );
                d.primary.message = "unknown item kind".into();
                if let Some(s) = suggestion {
                    d.help = Some(format!("did you mean `{s}`?"));
                } else {
                    d.notes.push(format!(
                        "an item begins with one of: {}",
                        ITEM_KINDS.join(", ")
                    ));
                }
            }
        }
    }

    // ---- helpers for the item header -------------------------------------------------------

    /// The name of an item: `kind NAME ...`. Returns the name and where it is.
    fn header_name(&mut self, node: &Node, what: &str) -> Option<(String, Loc)> {
        match node.args.first() {
            Some(e) => match &e.kind {
                ExprKind::Path(p) => Some((p.clone(), self.loc(&e.span))),
                ExprKind::Code(c) => Some((c.clone(), self.loc(&e.span))),
                ExprKind::Str(s) => Some((s.value.clone(), self.loc(&e.span))),
                _ => {
                    let d = self.err(
                        Code::InvalidValue,
                        &e.span,
                        format!("{what} needs a name here, not {}", e.describe()),
                    );
                    d.primary.message = "expected a name".into();
                    None
                }
            },
            None => {
                let d = self.err(
                    Code::MissingField,
                    &node.key.span,
                    format!("this {what} has no name"),
                );
                d.help = Some(format!("write a name after `{}`", node.key.text));
                None
            }
        }
    }

    /// An optional title given in the header after the name: `codelist x "Title" {`.
    fn header_title(&mut self, node: &Node) -> Option<Text> {
        match node.args.len() {
            0 | 1 => None,
            _ => {
                let rest = &node.args[1..];
                self.text_from(rest, &node.key)
            }
        }
    }

    fn children<'n>(&mut self, node: &'n Node) -> std::borrow::Cow<'n, [Node]> {
        if node.block.is_none() {
            let d = self.err(
                Code::SyntaxError,
                &node.span,
                format!("`{}` needs a block `{{ ... }}`", node.key.text),
            );
            d.primary.message = "no block".into();
        }
        self.merge_welsh(node.children())
    }

    /// Folds each `cy "..."` line into the field above it, as its Welsh version.
    fn merge_welsh<'n>(&mut self, nodes: &'n [Node]) -> std::borrow::Cow<'n, [Node]> {
        // Most blocks have no Welsh line: then the nodes are used as they are, not copied.
        if !nodes.iter().any(|n| n.key.text == "cy") {
            return std::borrow::Cow::Borrowed(nodes);
        }
        let mut out: Vec<Node> = Vec::with_capacity(nodes.len());
        for n in nodes {
            if n.key.text == "cy" {
                let takes = out
                    .last()
                    .is_some_and(|prev| prev.args.iter().any(|a| a.as_str().is_some()));
                let shaped = match n.args.as_slice() {
                    [w] => w.as_str().is_some(),
                    [w, m] => w.as_str().is_some() && is_welsh_of(m),
                    _ => false,
                };
                if takes && shaped {
                    if let Some(prev) = out.last_mut() {
                        prev.args.push(Expr {
                            kind: ExprKind::Path("cy".into()),
                            span: n.key.span.clone(),
                        });
                        prev.args.extend(n.args.iter().cloned());
                        prev.span.end = n.span.end;
                    }
                } else {
                    let d = self.err(
                        Code::InvalidValue,
                        &n.span,
                        "`cy` gives the Welsh version of the text on the line above",
                    );
                    d.primary.message = "nothing to translate here".into();
                    d.help = Some(
                        "put `cy \"...\"` directly under a field whose value is a text".into(),
                    );
                }
                continue;
            }
            out.push(n.clone());
        }
        std::borrow::Cow::Owned(out)
    }

    fn unknown_field(&mut self, node: &Node, block: &Block) {
        let key = node.key.text.clone();
        let fields = block.field_names();
        let suggestion = closest(&key, &fields);
        let item = block.noun;
        let d = self.err(
            Code::UnknownField,
            &node.key.span,
            format!("{item} has no field `{key}`"),
        );
        d.primary.message = "unknown field".into();
        match suggestion {
            Some(s) => d.help = Some(format!("did you mean `{s}`?")),
            None => d
                .notes
                .push(format!("the fields of {item} are: {}", fields.join(", "))),
        }
    }

    /// Whether a line of a block is to be lowered as one of its fields: an unknown field is
    /// reported (with "did you mean"), and so is a field that takes one value given again
    /// (`seen` holds the fields met so far in the block). The block's fields and which of
    /// them are repeatable are the schema's.
    fn known(&mut self, block: &Block, seen: &mut BTreeMap<String, Span>, node: &Node) -> bool {
        match block.field(&node.key.text) {
            None => {
                self.unknown_field(node, block);
                false
            }
            Some(f) if f.repeatable => true,
            Some(_) => self.once(seen, node),
        }
    }

    /// Reports a field given twice (for fields that take one value).
    fn once(&mut self, seen: &mut BTreeMap<String, Span>, node: &Node) -> bool {
        if let Some(first) = seen.get(&node.key.text) {
            let first = first.clone();
            let file = self.file;
            let d = self.err(
                Code::DuplicateDefinition,
                &node.key.span,
                format!("`{}` is given twice", node.key.text),
            );
            d.primary.message = "given again here".into();
            d.secondary
                .push(crate::diag::Label::new(file, first, "first given here"));
            return false;
        }
        seen.insert(node.key.text.clone(), node.key.span.clone());
        true
    }

    // ---- helpers for values ----------------------------------------------------------------

    fn text(&mut self, node: &Node) -> Option<Text> {
        let key = node.key.clone();
        self.text_from(&node.args, &key)
    }

    /// `"English"` or `"English" cy "Cymraeg"`.
    fn text_from(&mut self, args: &[Expr], key: &Name) -> Option<Text> {
        match args {
            [e] if e.as_str().is_some() => Some(Text {
                en: e.as_str()?.clone(),
                en_span: e.span.clone(),
                loc: self.loc(&e.span),
                welsh: None,
            }),
            [e, c, w]
                if e.as_str().is_some() && c.as_path() == Some("cy") && w.as_str().is_some() =>
            {
                Some(Text {
                    en: e.as_str()?.clone(),
                    en_span: e.span.clone(),
                    loc: self.loc(&(e.span.start..w.span.end)),
                    welsh: Some(Box::new(Welsh {
                        text: w.as_str().cloned(),
                        of: None,
                        span: c.span.start..w.span.end,
                    })),
                })
            }
            [e, c, w, m]
                if e.as_str().is_some()
                    && c.as_path() == Some("cy")
                    && w.as_str().is_some()
                    && is_welsh_of(m) =>
            {
                let cy_of = self.welsh_of(m);
                Some(Text {
                    en: e.as_str()?.clone(),
                    en_span: e.span.clone(),
                    loc: self.loc(&(e.span.start..m.span.end)),
                    welsh: Some(Box::new(Welsh {
                        text: w.as_str().cloned(),
                        of: cy_of,
                        span: c.span.start..m.span.end,
                    })),
                })
            }
            [] => {
                let d = self.err(
                    Code::MissingField,
                    &key.span,
                    format!("`{}` needs a text", key.text),
                );
                d.help = Some(format!("write `{} \"...\"`", key.text));
                None
            }
            [first, ..] => {
                let span = first.span.start..args.last().map_or(first.span.end, |a| a.span.end);
                let d = self.err(
                    Code::InvalidValue,
                    &span,
                    format!("`{}` takes a text in quotes", key.text),
                );
                d.primary.message = format!("found {}", first.describe());
                d.help = Some(format!(
                    "write `{} \"...\"`, optionally followed by `cy \"...\"` for Welsh",
                    key.text
                ));
                None
            }
        }
    }

    /// `of("3fa9c2d1", reviewed)` after a Welsh text: the hash of the English it translates and
    /// its state. A malformed one is reported, and the Welsh is kept as unverified.
    fn welsh_of(&mut self, m: &Expr) -> Option<WelshOf> {
        let ExprKind::Call { args, .. } = &m.kind else {
            return None;
        };
        let hash = args
            .first()
            .and_then(|a| a.as_str())
            .map(|s| s.value.clone());
        let state = args
            .get(1)
            .and_then(|a| a.as_path())
            .and_then(WelshState::parse);
        match (hash, state, args.len()) {
            (Some(h), Some(state), 2)
                if h.len() == 8 && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) =>
            {
                let loc = self.loc(&m.span);
                self.decls.welsh_of.push(loc.clone());
                Some(WelshOf {
                    hash: h,
                    state,
                    loc,
                })
            }
            _ => {
                let d = self.err(
                    Code::InvalidValue,
                    &m.span,
                    "`of(...)` after a Welsh text takes the hash of the English it translates and its state",
                );
                d.primary.message =
                    "not `of(\"<8 hex digits>\", draft|translated|reviewed)`".into();
                d.help = Some(
                    "write, for example, `of(\"3fa9c2d1\", reviewed)`; `pmf translate import` writes it".into(),
                );
                None
            }
        }
    }

    fn reference(&mut self, e: &Expr, what: &str) -> Option<Ref> {
        match &e.kind {
            ExprKind::Path(p) => Some(Ref {
                name: p.clone(),
                loc: self.loc(&e.span),
            }),
            ExprKind::Code(c) => Some(Ref {
                name: c.clone(),
                loc: self.loc(&e.span),
            }),
            _ => {
                let d = self.err(
                    Code::InvalidValue,
                    &e.span,
                    format!("expected {what}, found {}", e.describe()),
                );
                d.primary.message = format!("expected {what}");
                None
            }
        }
    }

    fn single_ref(&mut self, node: &Node, what: &str) -> Option<Ref> {
        match node.args.as_slice() {
            [e] => self.reference(e, what),
            [] => {
                let d = self.err(
                    Code::MissingField,
                    &node.key.span,
                    format!("`{}` needs {what}", node.key.text),
                );
                d.primary.message = "nothing given".into();
                None
            }
            [first, .., last] => {
                let span = first.span.start..last.span.end;
                let d = self.err(
                    Code::InvalidValue,
                    &span,
                    format!("`{}` takes one value, {what}", node.key.text),
                );
                d.primary.message = "too many values".into();
                None
            }
        }
    }

    /// A bare word from a fixed set: `status draft`.
    fn word(&mut self, node: &Node, choices: &[&str]) -> Option<String> {
        let got = match node.args.as_slice() {
            [e] => e.as_path().map(|p| (p.to_string(), e.span.clone())),
            _ => None,
        };
        match got {
            Some((w, _)) if choices.contains(&w.as_str()) => Some(w),
            Some((w, span)) => {
                let suggestion = closest(&w, choices);
                let d = self.err(
                    Code::InvalidValue,
                    &span,
                    format!("`{w}` is not a value of `{}`", node.key.text),
                );
                d.primary.message = "unknown value".into();
                d.help = Some(match suggestion {
                    Some(s) => {
                        format!("did you mean `{s}`? the values are: {}", choices.join(", "))
                    }
                    None => format!("the values are: {}", choices.join(", ")),
                });
                None
            }
            None => {
                let span = node
                    .args
                    .first()
                    .map_or(node.key.span.clone(), |a| a.span.clone());
                let d = self.err(
                    Code::InvalidValue,
                    &span,
                    format!("`{}` takes one of: {}", node.key.text, choices.join(", ")),
                );
                d.primary.message = "expected one word".into();
                None
            }
        }
    }

    fn no_args(&mut self, node: &Node) {
        if let Some(first) = node.args.first() {
            let span = first.span.start..node.args.last().map_or(first.span.end, |a| a.span.end);
            let d = self.err(
                Code::InvalidValue,
                &span,
                format!("`{}` takes no value", node.key.text),
            );
            d.primary.message = "unexpected value".into();
        }
    }

    fn range_of(&mut self, node: &Node) -> Option<(u64, Option<u64>, Loc)> {
        match node.args.as_slice() {
            [e] => match e.kind {
                ExprKind::Range(lo, hi) => Some((lo, hi, self.loc(&e.span))),
                _ => {
                    let d = self.err(
                        Code::InvalidValue,
                        &e.span,
                        format!(
                            "`{}` takes a range such as `16..25` or `66..`",
                            node.key.text
                        ),
                    );
                    d.primary.message = format!("found {}", e.describe());
                    None
                }
            },
            _ => {
                let d = self.err(
                    Code::InvalidValue,
                    &node.span,
                    format!("`{}` takes one range such as `16..25`", node.key.text),
                );
                d.primary.message = "expected a range".into();
                None
            }
        }
    }

    fn plain(&mut self, node: &Node) -> Option<String> {
        match node.args.as_slice() {
            [e] => match &e.kind {
                ExprKind::Str(s) => Some(s.value.clone()),
                ExprKind::Number(n)
                | ExprKind::Date(n)
                | ExprKind::YearSpan(n)
                | ExprKind::Path(n)
                | ExprKind::Code(n) => Some(n.clone()),
                _ => {
                    let d = self.err(
                        Code::InvalidValue,
                        &e.span,
                        format!("`{}` takes a word, number or text", node.key.text),
                    );
                    d.primary.message = format!("found {}", e.describe());
                    None
                }
            },
            _ => {
                let d = self.err(
                    Code::InvalidValue,
                    &node.span,
                    format!("`{}` takes one value", node.key.text),
                );
                d.primary.message = "expected one value".into();
                None
            }
        }
    }

    fn allow(&mut self, node: &Node) -> Option<Allow> {
        let loc = self.loc(&node.span);
        let (code_text, code_span) = match node.args.first() {
            Some(e) => match &e.kind {
                ExprKind::Path(p) => (p.clone(), e.span.clone()),
                ExprKind::Str(s) => (s.value.clone(), e.span.clone()),
                _ => {
                    self.err(
                        Code::InvalidValue,
                        &e.span,
                        "`allow` needs a diagnostic code such as PMF0303",
                    );
                    return None;
                }
            },
            None => {
                let d = self.err(
                    Code::MissingField,
                    &node.key.span,
                    "`allow` needs a diagnostic code and a reason",
                );
                d.help = Some("write `allow PMF0303 \"why this warning is expected\"`".into());
                return None;
            }
        };
        let code = Code::parse(&code_text);
        if code.is_none() {
            let d = self.err(
                Code::UnknownReference,
                &code_span,
                format!("there is no diagnostic code `{code_text}`"),
            );
            d.primary.message = "unknown code".into();
            d.help = Some("`pmf explain --list` lists the codes".into());
        }
        let reason = match node.args.get(1..) {
            Some(rest) if !rest.is_empty() => {
                let key = node.key.clone();
                self.text_from(rest, &key)
            }
            _ => None,
        };
        Some(Allow {
            code,
            code_text,
            reason,
            loc,
        })
    }

    fn lin_expr(&mut self, e: &Expr) -> Option<LinExpr> {
        let mut terms = Vec::new();
        if self.collect_terms(e, 1, &mut terms) {
            Some(LinExpr {
                terms,
                loc: self.loc(&e.span),
            })
        } else {
            None
        }
    }

    fn collect_terms(&mut self, e: &Expr, sign: i64, out: &mut Vec<(i64, Ref)>) -> bool {
        match &e.kind {
            ExprKind::Code(c) => {
                out.push((
                    sign,
                    Ref {
                        name: c.clone(),
                        loc: self.loc(&e.span),
                    },
                ));
                true
            }
            ExprKind::Paren(inner) => self.collect_terms(inner, sign, out),
            ExprKind::Binary {
                op: BinOp::Add,
                lhs,
                rhs,
            } => self.collect_terms(lhs, sign, out) && self.collect_terms(rhs, sign, out),
            ExprKind::Binary {
                op: BinOp::Sub,
                lhs,
                rhs,
            } => self.collect_terms(lhs, sign, out) && self.collect_terms(rhs, -sign, out),
            _ => {
                let d = self.err(
                    Code::InvalidValue,
                    &e.span,
                    "expected a code, or codes added together such as `AD/002a + AD/002b`",
                );
                d.primary.message = format!("found {}", e.describe());
                false
            }
        }
    }

    /// `subset of X [via "..."]`, `equals X [via "..."]`.
    fn relation(&mut self, node: &Node) -> Option<Relation> {
        let mut args = node.args.iter().peekable();
        if node.key.text == "subset" {
            match args.next() {
                Some(e) if e.as_path() == Some("of") => {}
                _ => {
                    let d = self.err(Code::InvalidValue, &node.span, "write `subset of CODE`");
                    d.primary.message = "expected `of`".into();
                    return None;
                }
            }
        }
        let target = match args.next() {
            Some(e) => self.lin_expr(e)?,
            None => {
                let d = self.err(
                    Code::MissingField,
                    &node.key.span,
                    format!("`{}` needs the code it relates to", node.key.text),
                );
                d.primary.message = "no code given".into();
                return None;
            }
        };
        let mut via = None;
        if let Some(e) = args.next() {
            if e.as_path() == Some("via") {
                let rest: Vec<Expr> = args.cloned().collect();
                let key = Name {
                    text: "via".into(),
                    span: e.span.clone(),
                };
                via = self.text_from(&rest, &key);
            } else {
                let d = self.err(
                    Code::InvalidValue,
                    &e.span,
                    "unexpected value after the code",
                );
                d.primary.message = "expected `via \"...\"` or the end of the line".into();
                d.help = Some("add codes together with `+`, e.g. `AD/002a + AD/002b`".into());
            }
        }
        Some(Relation {
            target,
            via,
            loc: self.loc(&node.span),
        })
    }

    fn citation(&mut self, node: &Node) -> Option<Citation> {
        let loc = self.loc(&node.span);
        let mut args = node.args.iter();
        let instrument = match args.next() {
            Some(e) => self.reference(e, "the name of a declared instrument")?,
            None => {
                let d = self.err(
                    Code::MissingField,
                    &node.key.span,
                    "`cite` needs the instrument it cites",
                );
                d.help = Some("write `cite INSTRUMENT para 116 quote \"...\"`".into());
                return None;
            }
        };
        let mut locators = Vec::new();
        let mut quote = None;
        let rest: Vec<&Expr> = args.collect();
        let mut i = 0;
        while i < rest.len() {
            let e = rest[i];
            match e.as_path() {
                Some("quote") => {
                    let tail: Vec<Expr> = rest[i + 1..].iter().map(|e| (*e).clone()).collect();
                    let key = Name {
                        text: "quote".into(),
                        span: e.span.clone(),
                    };
                    quote = self.text_from(&tail, &key);
                    break;
                }
                Some(kind) if LOCATOR_KINDS.contains(&kind) => {
                    let mut values = Vec::new();
                    i += 1;
                    while i < rest.len()
                        && !rest[i]
                            .as_path()
                            .is_some_and(|p| LOCATOR_KINDS.contains(&p) || p == "quote")
                    {
                        match locator_value(rest[i]) {
                            Some(v) => values.push(v),
                            None => {
                                let d = self.err(
                                    Code::InvalidValue,
                                    &rest[i].span,
                                    format!("`{kind}` takes numbers, ranges or texts"),
                                );
                                d.primary.message = format!("found {}", rest[i].describe());
                            }
                        }
                        i += 1;
                    }
                    if values.is_empty() {
                        let d = self.err(
                            Code::MissingField,
                            &e.span,
                            format!("`{kind}` needs a value"),
                        );
                        d.primary.message = "no value".into();
                    }
                    locators.push(Locator {
                        kind: kind.to_string(),
                        value: values.join(", "),
                    });
                    continue;
                }
                _ => {
                    let d = self.err(Code::InvalidValue, &e.span, "expected where in the instrument (`para 116`, `section \"3.17\"`) or `quote \"...\"`");
                    d.primary.message = "unexpected value".into();
                    d.notes
                        .push(format!("locations are: {}", LOCATOR_KINDS.join(", ")));
                }
            }
            i += 1;
        }
        let mut seen = BTreeMap::new();
        for child in self.merge_welsh(node.children()).iter() {
            if !self.known(&schema::CITATION, &mut seen, child) {
                continue;
            }
            match child.key.text.as_str() {
                "quote" => quote = self.text(child),
                k if LOCATOR_KINDS.contains(&k) => {
                    let values: Vec<String> = child.args.iter().filter_map(locator_value).collect();
                    if values.is_empty() {
                        self.err(
                            Code::MissingField,
                            &child.key.span,
                            format!("`{k}` needs a value"),
                        );
                    }
                    locators.push(Locator {
                        kind: k.to_string(),
                        value: values.join(", "),
                    });
                }
                _ => unlowered(child),
            }
        }
        Some(Citation {
            instrument,
            locators,
            quote,
            loc,
        })
    }

    /// `within 42 working_days from "the point of referral"` (also `every`).
    fn timescale_rule(&mut self, args: &[Expr], ts: &mut Timescale) {
        let Some(first) = args.first() else { return };
        let rule = match first.as_path() {
            Some("within") => TimescaleRule::Within,
            Some("every") => TimescaleRule::Every,
            _ => {
                let d = self.err(
                    Code::InvalidValue,
                    &first.span,
                    "a timescale starts with `within` or `every`",
                );
                d.primary.message = "expected `within` or `every`".into();
                d.help =
                    Some("e.g. `within 42 working_days from \"the point of referral\"`".into());
                return;
            }
        };
        ts.rule = Some(rule);
        match args.get(1).map(|e| &e.kind) {
            Some(ExprKind::Number(n)) => match n.parse::<u32>() {
                Ok(v) => ts.amount = Some(v),
                Err(_) => {
                    self.err(
                        Code::InvalidValue,
                        &args[1].span,
                        "a timescale is a whole number of days, weeks or months",
                    );
                }
            },
            _ => {
                let span = args.get(1).map_or(first.span.clone(), |e| e.span.clone());
                let d = self.err(
                    Code::InvalidValue,
                    &span,
                    "expected the length of the timescale, a whole number",
                );
                d.primary.message = "expected a number".into();
                return;
            }
        }
        match args.get(2).and_then(|e| e.as_path()) {
            Some(u) => match DurationUnit::parse(u) {
                Some(unit) => ts.unit = Some(unit),
                None => {
                    let d = self.err(
                        Code::InvalidValue,
                        &args[2].span,
                        format!("`{u}` is not a unit of time"),
                    );
                    d.primary.message = "unknown unit".into();
                    d.help = Some("use working_days, days, weeks, months or years; working days and calendar days differ".into());
                }
            },
            None => {
                let span = args.get(2).map_or(args[1].span.clone(), |e| e.span.clone());
                let d = self.err(
                    Code::MissingField,
                    &span,
                    "a timescale needs its unit: working_days, days, weeks, months or years",
                );
                d.primary.message = "expected a unit".into();
                return;
            }
        }
        if let Some(kw) = args.get(3) {
            match kw.as_path() {
                Some("from" | "of" | "after") => {
                    let key = Name {
                        text: "from".into(),
                        span: kw.span.clone(),
                    };
                    ts.from = self.text_from(&args[4..], &key);
                }
                _ => {
                    let d = self.err(
                        Code::InvalidValue,
                        &kw.span,
                        "expected `from \"the start event\"`",
                    );
                    d.primary.message = "unexpected value".into();
                }
            }
        }
    }

    // ---- items ---------------------------------------------------------------------------

    fn edition(&mut self, node: &Node) {
        let Some((id, id_loc)) = self.header_name(node, "an edition") else {
            return;
        };
        let mut e = Edition {
            id,
            loc: self.loc(&node.span),
            id_loc,
            title: None,
            framework: None,
            status: None,
            first_year: None,
            period: None,
            supersedes: None,
            publisher: None,
            published: None,
            number: None,
            copyright: None,
            licence: None,
            contact: None,
            notes: Vec::new(),
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::EDITION, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "title" => e.title = self.text(c),
                "framework" => e.framework = self.text(c),
                "publisher" => e.publisher = self.text(c),
                "status" => e.status = self.word(c, schema::EDITION_STATUSES),
                "first_year" => match c.args.as_slice() {
                    [x] if matches!(x.kind, ExprKind::YearSpan(_)) => e.first_year = self.plain(c),
                    _ => {
                        let d = self.err(
                            Code::InvalidValue,
                            &c.span,
                            "`first_year` takes a financial year such as `2020-21`",
                        );
                        d.primary.message = "expected a year such as 2020-21".into();
                    }
                },
                "period" => e.period = self.text(c),
                "published" => match c.args.as_slice() {
                    [x] if matches!(x.kind, ExprKind::Date(_)) => e.published = self.plain(c),
                    _ => {
                        let d = self.err(
                            Code::InvalidValue,
                            &c.span,
                            "`published` takes a date such as `2019-12-12`",
                        );
                        d.primary.message = "expected a date such as 2019-12-12".into();
                    }
                },
                "number" => e.number = self.plain(c),
                "copyright" => e.copyright = self.text(c),
                "licence" => e.licence = self.word(c, &["ogl"]),
                "contact" => e.contact = self.text(c),
                "supersedes" => {
                    if c.args.len() == 1 && c.args[0].as_path() == Some("none") {
                        e.supersedes = None;
                    } else if let [x] = c.args.as_slice() {
                        e.supersedes = match &x.kind {
                            ExprKind::Str(s) => Some(Ref {
                                name: s.value.clone(),
                                loc: self.loc(&x.span),
                            }),
                            _ => self.reference(x, "the edition it supersedes"),
                        };
                    } else {
                        self.err(
                            Code::InvalidValue,
                            &c.span,
                            "`supersedes` takes the id of an edition, or `none`",
                        );
                    }
                }
                "note" => {
                    if let Some(t) = self.text(c) {
                        e.notes.push(t)
                    }
                }
                _ => unlowered(c),
            }
        }
        if e.title.is_none() {
            let d = self.err(
                Code::MissingField,
                &e.id_loc.span.clone(),
                format!("edition `{}` has no `title`", e.id),
            );
            d.help = Some("add `title \"...\"` inside the edition".into());
        }
        self.decls.editions.push(e);
    }

    fn extension(&mut self, node: &Node) {
        let Some((id, id_loc)) = self.header_name(node, "an extension") else {
            return;
        };
        let mut x = Extension {
            id,
            loc: self.loc(&node.span),
            id_loc,
            title: None,
            authority: None,
            prefix: None,
            extends: None,
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::EXTENSION, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "title" => x.title = self.text(c),
                "authority" => x.authority = self.plain(c),
                "prefix" => {
                    let loc = self.loc(&c.span);
                    if let Some(p) = self.plain(c) {
                        if (2..=5).contains(&p.len()) && p.chars().all(|ch| ch.is_ascii_uppercase())
                        {
                            x.prefix = Some((p, loc));
                        } else {
                            self.err(
                                Code::InvalidValue,
                                &c.span,
                                "a prefix is 2 to 5 capital letters, e.g. \"CDF\"",
                            );
                        }
                    }
                }
                "extends" => {
                    x.extends = match c.args.as_slice() {
                        [a] => match &a.kind {
                            ExprKind::Str(s) => Some(Ref {
                                name: s.value.clone(),
                                loc: self.loc(&a.span),
                            }),
                            _ => self.reference(a, "an edition"),
                        },
                        _ => None,
                    }
                }
                _ => unlowered(c),
            }
        }
        if x.prefix.is_none() {
            let d = self.err(
                Code::MissingField,
                &node.key.span,
                "an extension needs the `prefix` of its local codes",
            );
            d.help = Some(
                "add `prefix \"CDF\"`; local metrics are then coded CDF/001, CDF/002 ...".into(),
            );
        }
        self.decls.extensions.push(x);
    }

    fn doc(&mut self, node: &Node) -> Option<Doc> {
        let (id, id_loc) = self.header_name(node, "a document section")?;
        let mut d = Doc {
            id,
            loc: self.loc(&node.span),
            id_loc,
            number: None,
            title: self.header_title(node),
            text: None,
            sections: Vec::new(),
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::SECTION, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "number" => d.number = self.plain(c),
                "title" => d.title = self.text(c),
                "text" => d.text = self.text(c),
                "section" => {
                    if let Some(s) = self.doc(c) {
                        d.sections.push(s);
                    }
                }
                _ => unlowered(c),
            }
        }
        Some(d)
    }

    fn instrument(&mut self, node: &Node) {
        let Some((id, id_loc)) = self.header_name(node, "an instrument") else {
            return;
        };
        let mut x = Instrument {
            id,
            loc: self.loc(&node.span),
            id_loc,
            title: self.header_title(node),
            short: None,
            kind: None,
            year: None,
            within: None,
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::INSTRUMENT, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "title" => x.title = self.text(c),
                "short" => x.short = self.text(c),
                "kind" => x.kind = self.word(c, schema::INSTRUMENT_KINDS),
                "year" => x.year = self.plain(c),
                "within" => x.within = self.single_ref(c, "the instrument this one belongs to"),
                _ => unlowered(c),
            }
        }
        if x.title.is_none() {
            self.err(
                Code::MissingField,
                &x.id_loc.span.clone(),
                format!("instrument `{}` has no `title`", x.id),
            )
            .help = Some("add `title \"...\"`, the instrument's full name".into());
        }
        self.decls.instruments.push(x);
    }

    fn cohort(&mut self, node: &Node) {
        let Some((id, id_loc)) = self.header_name(node, "a cohort") else {
            return;
        };
        let mut x = Cohort {
            id,
            loc: self.loc(&node.span),
            id_loc,
            label: self.header_title(node),
            definition: None,
            ages: None,
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::COHORT, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "label" => x.label = self.text(c),
                "definition" => x.definition = self.text(c),
                "ages" => x.ages = self.range_of(c).map(|(a, b, _)| (a, b)),
                _ => unlowered(c),
            }
        }
        self.decls.cohorts.push(x);
    }

    fn unit(&mut self, node: &Node) {
        let Some((id, id_loc)) = self.header_name(node, "a unit") else {
            return;
        };
        let mut x = Unit {
            id,
            loc: self.loc(&node.span),
            id_loc,
            label: self.header_title(node),
            singular: None,
            kind: None,
            value: None,
            is_person: false,
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::UNIT, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "label" => x.label = self.text(c),
                "singular" => x.singular = self.text(c),
                "kind" => {
                    x.kind = self.word(c, schema::UNIT_KINDS).map(|w| {
                        if w == "entity" {
                            UnitKind::Entity
                        } else {
                            UnitKind::Measure
                        }
                    })
                }
                "value" => {
                    x.value = self.word(c, schema::VALUE_TYPES).map(|w| {
                        if w == "whole" {
                            ValueType::Whole
                        } else {
                            ValueType::Decimal
                        }
                    })
                }
                "person" => {
                    self.no_args(c);
                    x.is_person = true;
                }
                _ => unlowered(c),
            }
        }
        if x.kind.is_none() {
            self.err(Code::MissingField, &x.id_loc.span.clone(), format!("unit `{}` has no `kind`", x.id)).help =
                Some("add `kind entity` for things counted one by one, or `kind measure` for quantities that are summed".into());
        }
        self.decls.units.push(x);
    }

    fn definition(&mut self, node: &Node) {
        let Some((id, id_loc)) = self.header_name(node, "a definition") else {
            return;
        };
        let mut x = Definition {
            id,
            loc: self.loc(&node.span),
            id_loc,
            term: self.header_title(node),
            text: None,
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::DEFINITION, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "term" => x.term = self.text(c),
                "text" => x.text = self.text(c),
                _ => unlowered(c),
            }
        }
        self.decls.definitions.push(x);
    }

    fn term(&mut self, node: &Node) {
        let Some((id, id_loc)) = self.header_name(node, "a term") else {
            return;
        };
        let mut x = Term {
            id,
            loc: self.loc(&node.span),
            id_loc,
            term: self.header_title(node),
            forms: Vec::new(),
            status: None,
            note: None,
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::TERM, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "status" => {
                    x.status = self
                        .word(c, schema::TERM_STATUSES)
                        .and_then(|w| TermStatus::parse(&w))
                }
                "form" => x.forms.extend(self.text(c)),
                "note" => x.note = self.text(c),
                _ => unlowered(c),
            }
        }
        if x.status.is_none() {
            self.err(Code::MissingField, &x.id_loc.span.clone(), format!("term `{}` has no `status`", x.id)).help =
                Some("add `status agreed` for a Welsh term translators must use, `status proposed` for one not yet agreed, or `status deprecated` for one not to use".into());
        }
        self.decls.terms.push(x);
    }

    /// `english "HASH" "English"`: an entry of the Welsh memory, checked to be the hash of its
    /// English (the memory is written by `pmf translate import`, not by hand).
    fn english(&mut self, node: &Node) {
        let Some((hash, hash_loc)) = self.header_name(node, "an entry of the Welsh memory") else {
            return;
        };
        let Some(en) = self.header_title(node) else {
            let d = self.err(
                Code::MissingField,
                &node.key.span,
                "this entry of the Welsh memory has no English",
            );
            d.help = Some(
                "entries are written by `pmf translate import`: `english \"HASH\" \"The English\"`"
                    .into(),
            );
            return;
        };
        if let Some(b) = &node.block {
            self.err(
                Code::SyntaxError,
                &b.span,
                "an entry of the Welsh memory is one line, with no block",
            );
        }
        if english_hash(&en.en.value) != hash {
            let d = self.err(
                Code::InvalidValue,
                &hash_loc.span,
                format!("`{hash}` is not the hash of this English, so no Welsh text can be matched with it"),
            );
            d.primary.message = "not the English's hash".into();
            d.help = Some("the Welsh memory is written by `pmf translate import`: do not edit it by hand; remove the entry, or import the translation again".into());
            return;
        }
        self.decls.remembered.push(Remembered {
            hash,
            en: en.en.value,
            loc: self.loc(&node.span),
        });
    }

    fn source(&mut self, node: &Node) {
        let Some((id, id_loc)) = self.header_name(node, "a data source") else {
            return;
        };
        let mut x = DataSource {
            id,
            loc: self.loc(&node.span),
            id_loc,
            title: self.header_title(node),
            note: None,
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::SOURCE, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "title" => x.title = self.text(c),
                "note" => x.note = self.text(c),
                _ => unlowered(c),
            }
        }
        self.decls.sources.push(x);
    }

    fn population(&mut self, node: &Node) {
        let Some((id, id_loc)) = self.header_name(node, "a population") else {
            return;
        };
        let mut x = Population {
            id,
            loc: self.loc(&node.span),
            id_loc,
            label: self.header_title(node),
            cohort: None,
            ages: None,
            source: None,
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::POPULATION, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "label" => x.label = self.text(c),
                "cohort" => x.cohort = self.single_ref(c, "a cohort"),
                "ages" => x.ages = self.range_of(c).map(|(a, b, _)| (a, b)),
                "source" => x.source = self.text(c),
                _ => unlowered(c),
            }
        }
        self.decls.populations.push(x);
    }

    fn codelist(&mut self, node: &Node) {
        let Some((id, id_loc)) = self.header_name(node, "a codelist") else {
            return;
        };
        let mut x = Codelist {
            id,
            loc: self.loc(&node.span),
            id_loc,
            title: self.header_title(node),
            exhaustive: false,
            entries: Vec::new(),
            note: None,
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::CODELIST, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "title" => x.title = self.text(c),
                "note" => x.note = self.text(c),
                "exhaustive" => {
                    self.no_args(c);
                    x.exhaustive = true;
                }
                "entry" => {
                    if let Some(e) = self.entry(c, None) {
                        x.entries.push(e);
                    }
                }
                "group" => {
                    let Some((gid, _)) = self.header_name(c, "a group of entries") else {
                        continue;
                    };
                    let label = self.header_title(c);
                    let mut seen = BTreeMap::new();
                    for g in self.children(c).iter() {
                        if self.known(&schema::ENTRY_GROUP, &mut seen, g) {
                            if let Some(e) = self.entry(g, Some((gid.clone(), label.clone()))) {
                                x.entries.push(e);
                            }
                        }
                    }
                }
                _ => unlowered(c),
            }
        }
        self.decls.codelists.push(x);
    }

    /// `entry id "Label" [range 16..25] [reserved "why"]`, optionally with a block
    /// `{ range ..., reserved "...", note "..." }`.
    fn entry(&mut self, node: &Node, group: Option<(String, Option<Text>)>) -> Option<Entry> {
        let (id, id_loc) = self.header_name(node, "an entry")?;
        let mut e = Entry {
            id,
            loc: self.loc(&node.span),
            id_loc,
            label: None,
            group,
            range: None,
            reserved: None,
            catch_all: false,
            note: None,
        };
        let args = &node.args[1..];
        let mut i = 0;
        while i < args.len() {
            let a = &args[i];
            match (&a.kind, a.as_path()) {
                (ExprKind::Str(_), _) if e.label.is_none() => {
                    let take = if args.get(i + 1).and_then(|x| x.as_path()) == Some("cy")
                        && args.get(i + 2).is_some()
                    {
                        3 + usize::from(args.get(i + 3).is_some_and(is_welsh_of))
                    } else {
                        1
                    };
                    e.label = self.text_from(&args[i..i + take], &node.key);
                    i += take;
                    continue;
                }
                (ExprKind::Range(lo, hi), _) => e.range = Some((*lo, *hi, self.loc(&a.span))),
                (_, Some("range")) => {}
                (_, Some("catch_all")) => e.catch_all = true,
                (_, Some("reserved")) => {
                    let take = if args.get(i + 2).and_then(|x| x.as_path()) == Some("cy") {
                        3 + usize::from(args.get(i + 4).is_some_and(is_welsh_of))
                    } else {
                        1
                    };
                    let tail = args
                        .get(i + 1..(i + 1 + take).min(args.len()))
                        .unwrap_or(&[]);
                    e.reserved = self.text_from(
                        tail,
                        &Name {
                            text: "reserved".into(),
                            span: a.span.clone(),
                        },
                    );
                    i += 1 + take;
                    continue;
                }
                _ => {
                    let d = self.err(Code::InvalidValue, &a.span, "unexpected value in an entry");
                    d.primary.message = format!("found {}", a.describe());
                    d.help = Some("an entry is `entry name \"Label\"`, optionally followed by `range 16..25`, `catch_all` or `reserved \"why\"`".into());
                }
            }
            i += 1;
        }
        let mut seen = BTreeMap::new();
        for c in self.merge_welsh(node.children()).iter() {
            if !self.known(&schema::ENTRY, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "range" => e.range = self.range_of(c),
                "reserved" => e.reserved = self.text(c),
                "note" => e.note = self.text(c),
                "label" => e.label = self.text(c),
                _ => unlowered(c),
            }
        }
        if e.label.is_none() {
            let d = self.err(
                Code::MissingField,
                &node.span,
                format!("entry `{}` has no label", e.id),
            );
            d.help = Some(format!("write `entry {} \"Label as printed\"`", e.id));
        }
        Some(e)
    }

    fn missing(&mut self, node: &Node) {
        let Some((id, id_loc)) = self.header_name(node, "a missing-value status") else {
            return;
        };
        let mut x = Missing {
            id,
            loc: self.loc(&node.span),
            id_loc,
            label: self.header_title(node),
            meaning: None,
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::MISSING, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "label" => x.label = self.text(c),
                "meaning" => x.meaning = self.text(c),
                _ => unlowered(c),
            }
        }
        self.decls.missing.push(x);
    }

    fn standard(&mut self, node: &Node) {
        let Some((id, id_loc)) = self.header_name(node, "a quality standard") else {
            return;
        };
        let mut x = Standard {
            id,
            loc: self.loc(&node.span),
            id_loc,
            number: None,
            title: self.header_title(node),
            citations: Vec::new(),
            notes: Vec::new(),
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::STANDARD, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "number" => x.number = self.plain(c),
                "title" => x.title = self.text(c),
                "cite" => {
                    if let Some(ci) = self.citation(c) {
                        x.citations.push(ci)
                    }
                }
                "note" => {
                    if let Some(t) = self.text(c) {
                        x.notes.push(t)
                    }
                }
                _ => unlowered(c),
            }
        }
        if x.title.is_none() {
            let id = x.id.clone();
            self.err(
                Code::MissingField,
                &x.id_loc.span.clone(),
                format!("quality standard `{id}` has no title"),
            )
            .help = Some(format!(
                "write `standard {id} \"The standard as worded\" {{ ... }}`"
            ));
        }
        self.decls.standards.push(x);
    }

    fn report(&mut self, node: &Node) {
        let Some((id, id_loc)) = self.header_name(node, "a report definition") else {
            return;
        };
        let mut x = Report {
            id,
            loc: self.loc(&node.span),
            id_loc,
            title: self.header_title(node),
            authority: None,
            sections: Vec::new(),
            notes: Vec::new(),
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::REPORT, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "title" => x.title = self.text(c),
                "authority" => {
                    let loc = self.loc(&c.span);
                    x.authority = self.plain(c).map(|a| (a, loc));
                }
                "standard" => {
                    if let Some(s) = self.report_section(c) {
                        x.sections.push(s)
                    }
                }
                "note" => {
                    if let Some(t) = self.text(c) {
                        x.notes.push(t)
                    }
                }
                _ => unlowered(c),
            }
        }
        self.decls.reports.push(x);
    }

    /// `standard qs1 { measure ... local ... }` in a report.
    fn report_section(&mut self, node: &Node) -> Option<ReportSection> {
        let standard = match node.args.as_slice() {
            [e] => self.reference(e, "a quality standard")?,
            [] => {
                let d = self.err(
                    Code::MissingField,
                    &node.key.span,
                    "`standard` needs the quality standard its measures are shown under",
                );
                d.help = Some("write `standard qs1 { measure ... }`".into());
                return None;
            }
            [first, second, ..] => {
                let span =
                    second.span.start..node.args.last().map_or(second.span.end, |a| a.span.end);
                let d = self.err(
                    Code::InvalidValue,
                    &span,
                    "`standard` in a report takes one value, the quality standard",
                );
                d.primary.message = "not expected here".into();
                d.help = Some(
                    "the standard's wording is its declaration's: write `standard qs1 { ... }`"
                        .into(),
                );
                self.reference(first, "a quality standard")?
            }
        };
        let mut x = ReportSection {
            standard,
            loc: self.loc(&node.span),
            measures: Vec::new(),
            notes: Vec::new(),
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::REPORT_STANDARD, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "measure" => {
                    if let Some(r) = self.single_ref(c, "the code of a metric, item or indicator") {
                        x.measures.push(ReportMeasure::National(r))
                    }
                }
                "local" => {
                    if let Some(m) = self.local_measure(c) {
                        x.measures.push(ReportMeasure::Local(Box::new(m)))
                    }
                }
                "note" => {
                    if let Some(t) = self.text(c) {
                        x.notes.push(t)
                    }
                }
                _ => unlowered(c),
            }
        }
        Some(x)
    }

    /// `local CODE "Wording" { definition ... unit ... }`.
    fn local_measure(&mut self, node: &Node) -> Option<LocalMeasure> {
        let (code, code_loc) = self.header_name(node, "a local measure")?;
        let mut x = LocalMeasure {
            code,
            code_loc,
            loc: self.loc(&node.span),
            wording: self.header_title(node),
            definition: None,
            unit: None,
            polarity: None,
            decimals: None,
            notes: Vec::new(),
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::LOCAL_MEASURE, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "wording" => x.wording = self.text(c),
                "definition" => x.definition = self.text(c),
                "unit" => x.unit = self.text(c),
                "polarity" => {
                    x.polarity = self.word(c, schema::POLARITIES).map(|w| match w.as_str() {
                        "higher_is_better" => Polarity::HigherIsBetter,
                        "lower_is_better" => Polarity::LowerIsBetter,
                        _ => Polarity::Neither,
                    })
                }
                "decimals" => match self.plain(c).map(|s| s.parse::<u32>()) {
                    Some(Ok(n)) if n <= 6 => x.decimals = Some(n),
                    Some(_) => {
                        self.err(
                            Code::InvalidValue,
                            &c.span,
                            "`decimals` is a whole number from 0 to 6",
                        );
                    }
                    None => {}
                },
                "note" => {
                    if let Some(t) = self.text(c) {
                        x.notes.push(t)
                    }
                }
                _ => unlowered(c),
            }
        }
        let code = x.code.clone();
        for (missing, what, help) in [
            (
                x.wording.is_none(),
                "wording",
                format!("write `local {code} \"The measure as worded\" {{ ... }}`"),
            ),
            (
                x.definition.is_none(),
                "definition",
                "add `definition \"What is counted\"`".to_string(),
            ),
            (
                x.unit.is_none(),
                "unit",
                "add `unit \"...\"`, the unit of its figures (`\"posts\"`, `\"%\"`)".to_string(),
            ),
        ] {
            if missing {
                self.err(
                    Code::MissingField,
                    &x.code_loc.span.clone(),
                    format!("local measure {code} has no `{what}`"),
                )
                .help = Some(help);
            }
        }
        Some(x)
    }

    fn part(&mut self, node: &Node) {
        let Some((id, id_loc)) = self.header_name(node, "a part") else {
            return;
        };
        let mut x = Part {
            id,
            loc: self.loc(&node.span),
            id_loc,
            number: None,
            title: self.header_title(node),
            cohort: None,
            within: None,
            prefix: None,
            intro: None,
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::PART, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "number" => x.number = self.plain(c),
                "title" => x.title = self.text(c),
                "cohort" => x.cohort = self.single_ref(c, "a cohort"),
                "within" => x.within = self.single_ref(c, "the part this one belongs to"),
                "prefix" => x.prefix = self.plain(c),
                "intro" => x.intro = self.text(c),
                _ => unlowered(c),
            }
        }
        self.decls.parts.push(x);
    }

    fn group(&mut self, node: &Node) {
        let Some((id, id_loc)) = self.header_name(node, "a group") else {
            return;
        };
        let mut x = Group {
            id: id.clone(),
            loc: self.loc(&node.span),
            id_loc: id_loc.clone(),
            part: None,
            number: None,
            title: self.header_title(node),
            note: None,
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::GROUP, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "part" => x.part = self.single_ref(c, "a part"),
                "number" => x.number = self.plain(c),
                "title" => x.title = self.text(c),
                "note" => x.note = self.text(c),
                _ => unlowered(c),
            }
        }
        if x.part.is_none() {
            self.err(
                Code::MissingField,
                &x.id_loc.span.clone(),
                format!("group `{}` has no `part`", x.id),
            )
            .help = Some("add `part NAME`, the part this group belongs to".into());
        }
        self.current_group = Some(Ref {
            name: id,
            loc: id_loc,
        });
        self.decls.groups.push(x);
    }

    /// `was AD/009`, `was AD/002a + AD/002b`, `was part of AD/021`.
    fn provenance(&mut self, node: &Node) -> Option<Provenance> {
        let loc = self.loc(&node.span);
        let (split, rest) = match node.args.as_slice() {
            [p, o, rest @ ..] if p.as_path() == Some("part") && o.as_path() == Some("of") => {
                (true, rest)
            }
            rest => (false, rest),
        };
        let [e] = rest else {
            let d = self.err(
                Code::InvalidValue,
                &node.span,
                "`was` takes the code this continues in the previous edition",
            );
            d.help = Some("write `was AD/009` (renumbered), `was AD/002a + AD/002b` (merged) or `was part of AD/021` (split)".into());
            return None;
        };
        let lin = self.lin_expr(e)?;
        if lin.terms.iter().any(|(sign, _)| *sign < 0) {
            self.err(
                Code::InvalidValue,
                &e.span,
                "a metric can continue a sum of earlier codes, not a difference",
            );
            return None;
        }
        let from: Vec<Ref> = lin.terms.into_iter().map(|(_, r)| r).collect();
        let kind = match (split, from.len()) {
            (true, 1) => ProvenanceKind::Split,
            (true, _) => {
                self.err(
                    Code::InvalidValue,
                    &e.span,
                    "`was part of` names one earlier code",
                );
                return None;
            }
            (false, 1) => ProvenanceKind::Same,
            (false, _) => ProvenanceKind::Merged,
        };
        Some(Provenance { kind, from, loc })
    }

    fn metric(&mut self, node: &Node) {
        let Some(first) = node.args.first() else {
            self.err(
                Code::MissingField,
                &node.key.span,
                "this metric has no code",
            )
            .help = Some("write `metric AD/001 { ... }`".into());
            return;
        };
        let code = match &first.kind {
            ExprKind::Code(c) if is_metric_code(c) && !is_item_code(c) => c.clone(),
            ExprKind::Code(c) if is_metric_code(c) => {
                let d = self.err(
                    Code::MalformedCode,
                    &first.span,
                    format!("`{c}` is the code of a breakdown item, not of a metric"),
                );
                d.primary.message = "a metric code has no letter".into();
                d.help = Some(format!(
                    "declare `metric {}` with a `breakdown` whose item `{}` is this one",
                    metric_of_item(c),
                    c.chars().last().unwrap_or('a')
                ));
                return;
            }
            _ => {
                let d = self.err(
                    Code::MalformedCode,
                    &first.span,
                    "a metric code is a prefix, `/` and three digits, e.g. AD/001",
                );
                d.primary.message = "not a metric code".into();
                return;
            }
        };
        if node.args.len() > 1 {
            let span = node.args[1].span.start..node.args.last().map_or(0, |a| a.span.end);
            self.err(
                Code::InvalidValue,
                &span,
                "only the code goes after `metric`; the wording goes in `wording \"...\"`",
            );
        }
        let mut m = Metric {
            code,
            loc: self.loc(&node.span),
            code_loc: self.loc(&first.span),
            wording: None,
            short: None,
            group: self.current_group.clone(),
            measure: None,
            timing: None,
            cohort: None,
            value: None,
            rationale: None,
            includes: None,
            excludes: None,
            counting: None,
            collected_from: None,
            citations: Vec::new(),
            timescales: Vec::new(),
            subset_of: None,
            equals: None,
            breakdown: None,
            notes: Vec::new(),
            allows: Vec::new(),
            total: false,
            was: None,
            reuses: None,
            same: None,
            standards: Vec::new(),
            computed_from: None,
        };
        let mut seen = BTreeMap::new();
        let mut timing_span: Option<Span> = None;
        for c in self.children(node).iter() {
            let key = c.key.text.as_str();
            if !self.known(&schema::METRIC, &mut seen, c) {
                continue;
            }
            match key {
                "wording" => m.wording = self.text(c),
                "short" => m.short = self.text(c),
                "group" => m.group = self.single_ref(c, "a group"),
                "counts" => m.measure = self.single_ref(c, "a unit").map(Measure::Counts),
                "sums" => match c.args.as_slice() {
                    [q, over, e] if over.as_path() == Some("over") => {
                        if let (Some(quantity), Some(over)) =
                            (self.reference(q, "a unit"), self.reference(e, "a unit"))
                        {
                            m.measure = Some(Measure::Sums { quantity, over });
                        }
                    }
                    _ => {
                        let d = self.err(
                            Code::InvalidValue,
                            &c.span,
                            "write `sums UNIT over UNIT`, e.g. `sums day over service`",
                        );
                        d.primary.message = "expected `sums UNIT over UNIT`".into();
                    }
                },
                "flow" | "stock" => {
                    if let Some(prev) = &timing_span {
                        let prev = prev.clone();
                        let file = self.file;
                        let d = self.err(
                            Code::ConflictingFields,
                            &c.key.span,
                            "a metric is either a flow or a stock, not both",
                        );
                        d.primary.message = "second timing".into();
                        d.secondary
                            .push(crate::diag::Label::new(file, prev, "first timing"));
                        continue;
                    }
                    timing_span = Some(c.key.span.clone());
                    if key == "flow" {
                        self.no_args(c);
                        m.timing = Some(Timing::Flow);
                    } else {
                        let at = match c.args.as_slice() {
                            [] => None,
                            [a, rest @ ..] if a.as_path() == Some("at") => {
                                let k = Name {
                                    text: "at".into(),
                                    span: a.span.clone(),
                                };
                                self.text_from(rest, &k).map(|t| t.en.value)
                            }
                            _ => {
                                self.err(
                                    Code::InvalidValue,
                                    &c.span,
                                    "write `stock` or `stock at \"31 March\"`",
                                );
                                None
                            }
                        };
                        m.timing = Some(Timing::Stock(at));
                    }
                }
                "cohort" => m.cohort = self.single_ref(c, "a cohort"),
                "value" => {
                    m.value = self.word(c, schema::VALUE_TYPES).map(|w| {
                        if w == "whole" {
                            ValueType::Whole
                        } else {
                            ValueType::Decimal
                        }
                    })
                }
                "rationale" => m.rationale = self.text(c),
                "includes" => m.includes = self.text(c),
                "excludes" => m.excludes = self.text(c),
                "counting" => m.counting = self.text(c),
                "collected_from" => m.collected_from = self.single_ref(c, "a data source"),
                "cite" => {
                    if let Some(ci) = self.citation(c) {
                        m.citations.push(ci)
                    }
                }
                "timescale" => {
                    if let Some(t) = self.timescale(c) {
                        m.timescales.push(t)
                    }
                }
                "subset" => m.subset_of = self.relation(c),
                "equals" => m.equals = self.relation(c),
                "breakdown" => m.breakdown = self.breakdown(c),
                "note" => {
                    if let Some(t) = self.text(c) {
                        m.notes.push(t)
                    }
                }
                "allow" => {
                    if let Some(a) = self.allow(c) {
                        m.allows.push(a)
                    }
                }
                "total" => {
                    self.no_args(c);
                    m.total = true;
                }
                "was" => m.was = self.provenance(c),
                "reuses" => m.reuses = self.text(c),
                "same" => m.same = self.text(c),
                "standard" => {
                    if let Some(r) = self.single_ref(c, "a quality standard") {
                        m.standards.push(r)
                    }
                }
                "computed_from" => m.computed_from = self.computed_from(c),
                _ => unlowered(c),
            }
        }
        let code = m.code.clone();
        if m.wording.is_none() {
            self.err(
                Code::MissingField,
                &m.code_loc.span,
                format!("metric {code} has no `wording`"),
            )
            .help = Some("add `wording \"...\"`, the metric as printed in the guidance".into());
        }
        if m.measure.is_none() {
            self.err(Code::MissingField, &m.code_loc.span, format!("metric {code} does not say what it counts")).help =
                Some("add `counts UNIT` (e.g. `counts contact`) or `sums UNIT over UNIT` (e.g. `sums day over service`)".into());
        }
        if m.timing.is_none() {
            self.err(
                Code::MissingField,
                &m.code_loc.span,
                format!("metric {code} is neither a flow nor a stock"),
            )
            .help = Some(
                "add `flow` for a count during the year, or `stock` for a count at 31 March".into(),
            );
        }
        self.decls.metrics.push(m);
    }

    fn timescale(&mut self, node: &Node) -> Option<Timescale> {
        let mut ts = Timescale {
            label: None,
            rule: None,
            amount: None,
            unit: None,
            from: None,
            until: None,
            citations: Vec::new(),
            note: None,
            loc: self.loc(&node.span),
        };
        let args = node.args.clone();
        match args.first().map(|a| &a.kind) {
            Some(ExprKind::Str(_)) => {
                // The label, with its Welsh when `cy "..."` follows it (on the line or below).
                let welsh = args.get(1).and_then(|a| a.as_path()) == Some("cy")
                    && args.get(2).is_some_and(|a| a.as_str().is_some());
                let n = if welsh {
                    3 + usize::from(args.get(3).is_some_and(is_welsh_of))
                } else {
                    1
                };
                ts.label = self.text_from(&args[..n], &node.key);
                self.timescale_rule(&args[n..], &mut ts);
            }
            Some(_) => self.timescale_rule(&args, &mut ts),
            None => {}
        }
        let mut seen = BTreeMap::new();
        for c in self.merge_welsh(node.children()).iter() {
            if !self.known(&schema::TIMESCALE, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "within" | "every" => {
                    let mut all = vec![Expr {
                        kind: ExprKind::Path(c.key.text.clone()),
                        span: c.key.span.clone(),
                    }];
                    all.extend(c.args.iter().cloned());
                    self.timescale_rule(&all, &mut ts);
                }
                "label" => ts.label = self.text(c),
                "until" => ts.until = self.text(c),
                "note" => ts.note = self.text(c),
                "cite" => {
                    if let Some(ci) = self.citation(c) {
                        ts.citations.push(ci)
                    }
                }
                _ => unlowered(c),
            }
        }
        if ts.rule.is_none() {
            let d = self.err(
                Code::MissingField,
                &node.key.span,
                "this timescale does not say how long",
            );
            d.help = Some(
                "add `within 42 working_days from \"the point of referral\"` or `every 6 months`"
                    .into(),
            );
        }
        Some(ts)
    }

    fn breakdown(&mut self, node: &Node) -> Option<Breakdown> {
        let mut b = Breakdown {
            kind: None,
            loc: self.loc(&node.span),
            of: None,
            by: Vec::new(),
            only: None,
            each_within: None,
            items: Vec::new(),
        };
        let mut args = node.args.iter();
        match args.next() {
            Some(k) => {
                b.kind = match k.as_path() {
                    Some("partition") => Some(BreakdownKind::Partition),
                    Some("exclusive") => Some(BreakdownKind::Exclusive),
                    Some("overlapping") => Some(BreakdownKind::Overlapping),
                    Some("independent") => Some(BreakdownKind::Independent),
                    _ => {
                        let d = self.err(
                            Code::InvalidValue,
                            &k.span,
                            "a breakdown starts with its kind",
                        );
                        d.primary.message = "expected a kind".into();
                        d.help = Some("use partition (items add up to the parent), exclusive (at most the parent), overlapping (each at most the parent) or independent".into());
                        None
                    }
                }
            }
            None => {
                let d = self.err(
                    Code::MissingField,
                    &node.key.span,
                    "a breakdown needs its kind",
                );
                d.help = Some("write e.g. `breakdown partition of AD/001 { ... }`".into());
            }
        }
        let rest: Vec<&Expr> = args.collect();
        let mut i = 0;
        while i < rest.len() {
            let kw = rest[i];
            let value = rest.get(i + 1).copied();
            let Some(value) = value
                .filter(|_| matches!(kw.as_path(), Some("of" | "by" | "only" | "each_within")))
            else {
                let d = self.err(
                    Code::InvalidValue,
                    &kw.span,
                    "expected `of`, `by`, `only` or `each_within` followed by a value",
                );
                d.primary.message = "unexpected value".into();
                i += 1;
                continue;
            };
            match kw.as_path() {
                Some("of") => b.of = self.lin_expr(value),
                Some("by") => b.by = self.product(value),
                Some("only") => match &value.kind {
                    ExprKind::List(xs) => {
                        b.only = Some(
                            xs.iter()
                                .filter_map(|x| self.reference(x, "an entry"))
                                .collect(),
                        )
                    }
                    _ => {
                        self.err(
                            Code::InvalidValue,
                            &value.span,
                            "`only` takes a list of entries in brackets: `only [a, b]`",
                        );
                    }
                },
                _ => b.each_within = self.reference(value, "a metric code"),
            }
            i += 2;
        }
        let mut seen_letters: BTreeMap<String, Span> = BTreeMap::new();
        let children = self.merge_welsh(node.children());
        b.items.reserve(children.len());
        for c in children.iter() {
            let key = c.key.text.clone();
            if key.len() == 1 && key.chars().all(|ch| ch.is_ascii_lowercase()) {
                if let Some(first) = seen_letters.get(&key) {
                    let first = first.clone();
                    let file = self.file;
                    let d = self.err(
                        Code::DuplicateDefinition,
                        &c.key.span,
                        format!("item `{key}` is declared twice"),
                    );
                    d.primary.message = "declared again".into();
                    d.secondary
                        .push(crate::diag::Label::new(file, first, "first declared here"));
                    continue;
                }
                seen_letters.insert(key.clone(), c.key.span.clone());
                if let Some(item) = self.breakdown_item(c) {
                    b.items.push(item);
                }
            } else {
                let d = self.err(
                    Code::UnknownField,
                    &c.key.span,
                    format!("`{key}` is not an item of a breakdown"),
                );
                d.primary.message = "expected an item letter".into();
                d.help = Some("each line of a breakdown is an item: its letter, then its list entry and/or its wording, e.g. `a \"Neglect\"`".into());
            }
        }
        Some(b)
    }

    fn product(&mut self, e: &Expr) -> Vec<Ref> {
        match &e.kind {
            ExprKind::Binary {
                op: BinOp::Mul,
                lhs,
                rhs,
            } => {
                let mut v = self.product(lhs);
                v.extend(self.product(rhs));
                v
            }
            _ => self.reference(e, "a codelist").into_iter().collect(),
        }
    }

    fn breakdown_item(&mut self, node: &Node) -> Option<BreakdownItem> {
        let mut item = BreakdownItem {
            letter: node.key.text.clone(),
            letter_loc: self.loc(&node.key.span),
            loc: self.loc(&node.span),
            entry: None,
            wording: None,
            subset_of: None,
            equals: None,
            notes: Vec::new(),
            was: None,
            same: None,
        };
        let args = &node.args;
        let mut i = 0;
        if let Some(a) = args.first() {
            if a.as_path().is_some() && a.as_path() != Some("cy") {
                item.entry = self.reference(a, "an entry");
                i = 1;
            }
        }
        if i < args.len() {
            item.wording = self.text_from(&args[i..], &node.key);
        }
        let mut seen = BTreeMap::new();
        for c in self.merge_welsh(node.children()).iter() {
            if !self.known(&schema::BREAKDOWN_ITEM, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "subset" => item.subset_of = self.relation(c),
                "equals" => item.equals = self.relation(c),
                "note" => {
                    if let Some(t) = self.text(c) {
                        item.notes.push(t)
                    }
                }
                "wording" => item.wording = self.text(c),
                "was" => item.was = self.provenance(c),
                "same" => item.same = self.text(c),
                _ => unlowered(c),
            }
        }
        if item.entry.is_none() && item.wording.is_none() {
            let d = self.err(
                Code::MissingField,
                &node.span,
                format!(
                    "item `{}` has neither a list entry nor a wording",
                    item.letter
                ),
            );
            d.help = Some(format!(
                "write `{} \"wording as printed\"` or `{} entry_name`",
                item.letter, item.letter
            ));
        }
        Some(item)
    }

    fn indicator(&mut self, node: &Node) {
        let Some(first) = node.args.first() else {
            self.err(
                Code::MissingField,
                &node.key.span,
                "this indicator has no code",
            )
            .help = Some("write `indicator PI/AD/01 { ... }`".into());
            return;
        };
        let code = match &first.kind {
            ExprKind::Code(c) if is_indicator_code(c) => c.clone(),
            _ => {
                let d = self.err(
                    Code::MalformedCode,
                    &first.span,
                    "an indicator code is `PI/`, a part prefix, `/` and two digits, e.g. PI/AD/01",
                );
                d.primary.message = "not an indicator code".into();
                return;
            }
        };
        let mut x = Indicator {
            code,
            loc: self.loc(&node.span),
            code_loc: self.loc(&first.span),
            title: None,
            part: None,
            formula: None,
            polarity: None,
            decimals: None,
            reading: None,
            motivation: None,
            notes: Vec::new(),
            examples: Vec::new(),
            allows: Vec::new(),
            standards: Vec::new(),
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::INDICATOR, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "title" => x.title = self.text(c),
                "part" => x.part = self.single_ref(c, "a part"),
                "formula" => match c.args.as_slice() {
                    [e] => x.formula = Some(e.clone()),
                    _ => {
                        self.err(
                            Code::InvalidValue,
                            &c.span,
                            "`formula` takes one expression, e.g. `percent(AD/025, AD/024)`",
                        );
                    }
                },
                "polarity" => {
                    x.polarity = self.word(c, schema::POLARITIES).map(|w| match w.as_str() {
                        "higher_is_better" => Polarity::HigherIsBetter,
                        "lower_is_better" => Polarity::LowerIsBetter,
                        _ => Polarity::Neither,
                    })
                }
                "decimals" => match self.plain(c).map(|s| s.parse::<u32>()) {
                    Some(Ok(n)) if n <= 6 => x.decimals = Some(n),
                    Some(_) => {
                        self.err(
                            Code::InvalidValue,
                            &c.span,
                            "`decimals` is a whole number from 0 to 6",
                        );
                    }
                    None => {}
                },
                "reading" => x.reading = self.text(c),
                "motivated_by" => {
                    match c.args.as_slice() {
                        [m, rest @ ..] => {
                            if let Some(metric) = self.reference(m, "a metric code") {
                                let quote = if rest.is_empty() {
                                    None
                                } else {
                                    self.text_from(rest, &c.key)
                                };
                                x.motivation = Some(Motivation { metric, quote });
                            }
                        }
                        [] => {
                            self.err(Code::MissingField, &c.key.span, "`motivated_by` needs the metric whose text motivates the indicator").help =
                            Some("write `motivated_by AD/024 \"the sentence that asks for it\"`".into());
                        }
                    }
                }
                "note" => {
                    if let Some(t) = self.text(c) {
                        x.notes.push(t)
                    }
                }
                "example" => {
                    if let Some(e) = self.example(c) {
                        x.examples.push(e)
                    }
                }
                "allow" => {
                    if let Some(a) = self.allow(c) {
                        x.allows.push(a)
                    }
                }
                "standard" => {
                    if let Some(r) = self.single_ref(c, "a quality standard") {
                        x.standards.push(r)
                    }
                }
                _ => unlowered(c),
            }
        }
        let code = x.code.clone();
        if x.formula.is_none() {
            self.err(
                Code::MissingField,
                &x.code_loc.span,
                format!("indicator {code} has no `formula`"),
            );
        }
        if x.title.is_none() {
            self.err(
                Code::MissingField,
                &x.code_loc.span,
                format!("indicator {code} has no `title`"),
            );
        }
        if x.polarity.is_none() {
            self.err(Code::MissingField, &x.code_loc.span, format!("indicator {code} has no `polarity`")).help =
                Some("add `polarity higher_is_better`, `lower_is_better` or `neither`; `neither` is common".into());
        }
        self.decls.indicators.push(x);
    }

    fn example(&mut self, node: &Node) -> Option<Example> {
        let mut ex = Example {
            inputs: Vec::new(),
            expect: None,
            loc: self.loc(&node.span),
        };
        let mut seen = BTreeMap::new();
        for c in node.children() {
            if c.key.text == "expect" && !self.known(&schema::EXAMPLE, &mut seen, c) {
                continue;
            }
            let value = match c.args.as_slice() {
                [e] => number_value(e),
                _ => None,
            };
            let Some((v, decimals)) = value else {
                let d = self.err(
                    Code::InvalidValue,
                    &c.span,
                    format!("`{}` takes one number", c.key.text),
                );
                d.primary.message = "expected a number".into();
                continue;
            };
            if c.key.text == "expect" {
                ex.expect = Some((v, decimals, self.loc(&c.span)));
            } else {
                ex.inputs.push((
                    Ref {
                        name: c.key.text.clone(),
                        loc: self.loc(&c.key.span),
                    },
                    v,
                ));
            }
        }
        if ex.expect.is_none() {
            let d = self.err(
                Code::MissingField,
                &node.key.span,
                "this example has no `expect`",
            );
            d.help =
                Some("add `expect N`, the result the formula must give for these inputs".into());
        }
        Some(ex)
    }

    fn rule(&mut self, node: &Node) {
        let Some((id, id_loc)) = self.header_name(node, "a rule") else {
            return;
        };
        let mut r = ExplicitRule {
            id,
            loc: self.loc(&node.span),
            id_loc,
            severity: None,
            assert: None,
            message: None,
            tolerance: None,
            allows: Vec::new(),
            query: false,
            change: None,
            percent: None,
            at_least: None,
            balance: None,
            inflow: None,
            outflow: None,
            notes: Vec::new(),
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::RULE, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "severity" => {
                    r.severity = self.word(c, schema::SEVERITIES).map(|w| {
                        r.query = w == "query";
                        if w == "error" {
                            Severity::Error
                        } else {
                            Severity::Warning
                        }
                    })
                }
                "change" | "balance" | "in" | "out" => {
                    let e = match c.args.as_slice() {
                        [e] if !matches!(e.kind, ExprKind::Compare { .. } | ExprKind::Str(..)) => {
                            Some(e.clone())
                        }
                        _ => {
                            self.err(
                                Code::InvalidValue,
                                &c.span,
                                format!(
                                    "`{}` takes a code, or codes added together, e.g. `CH/026`",
                                    c.key.text
                                ),
                            );
                            None
                        }
                    };
                    match c.key.text.as_str() {
                        "change" => r.change = e,
                        "balance" => r.balance = e,
                        "in" => r.inflow = e,
                        _ => r.outflow = e,
                    }
                }
                "percent" => match c.args.as_slice() {
                    [e] => match number_value(e) {
                        Some((v, _)) if v > 0.0 => r.percent = Some((v, self.loc(&c.span))),
                        _ => {
                            self.err(
                                Code::InvalidValue,
                                &c.span,
                                "`percent` takes a number above 0, e.g. `percent 25`",
                            );
                        }
                    },
                    _ => {
                        self.err(Code::InvalidValue, &c.span, "`percent` takes a number");
                    }
                },
                "at_least" => match c.args.as_slice() {
                    [e] => match number_value(e) {
                        Some((v, _)) if v >= 0.0 => r.at_least = Some(v),
                        _ => {
                            self.err(
                                Code::InvalidValue,
                                &c.span,
                                "`at_least` takes a number, 0 or more",
                            );
                        }
                    },
                    _ => {
                        self.err(Code::InvalidValue, &c.span, "`at_least` takes a number");
                    }
                },
                "note" => {
                    if let Some(t) = self.text(c) {
                        r.notes.push(t)
                    }
                }
                "assert" => match c.args.as_slice() {
                    [e] if matches!(e.kind, ExprKind::Compare { .. }) => r.assert = Some(e.clone()),
                    _ => {
                        self.err(
                            Code::InvalidValue,
                            &c.span,
                            "`assert` takes a comparison, e.g. `AD/005 <= AD/001`",
                        );
                    }
                },
                "message" => r.message = self.text(c),
                "tolerance" => match c.args.as_slice() {
                    [e] => r.tolerance = number_value(e).map(|(v, _)| v),
                    _ => {
                        self.err(Code::InvalidValue, &c.span, "`tolerance` takes a number");
                    }
                },
                "allow" => {
                    if let Some(a) = self.allow(c) {
                        r.allows.push(a)
                    }
                }
                _ => unlowered(c),
            }
        }
        let year_on_year = r.change.is_some() || r.balance.is_some();
        let forms = [r.assert.is_some(), r.change.is_some(), r.balance.is_some()];
        if forms.iter().filter(|x| **x).count() > 1 {
            self.err(
                Code::InvalidValue,
                &r.id_loc.span.clone(),
                format!(
                    "rule {} has more than one of `assert`, `change` and `balance`: write one rule for each",
                    r.id
                ),
            );
        }
        for (field, wrong) in [
            ("percent", r.change.is_none() && r.percent.is_some()),
            ("at_least", r.change.is_none() && r.at_least.is_some()),
            ("in", r.balance.is_none() && r.inflow.is_some()),
            ("out", r.balance.is_none() && r.outflow.is_some()),
        ] {
            if wrong {
                let with = if field == "in" || field == "out" {
                    "balance"
                } else {
                    "change"
                };
                self.err(
                    Code::InvalidValue,
                    &r.id_loc.span.clone(),
                    format!("rule {} has `{field}` but no `{with}`", r.id),
                );
            }
        }
        if r.query && !year_on_year {
            self.err(
                Code::InvalidValue,
                &r.id_loc.span.clone(),
                format!(
                    "rule {} is a `query`, but only a year-on-year rule (`change`, `balance`) asks for an explanation; use `warning`",
                    r.id
                ),
            );
        }
        for (field, missing) in [
            ("severity", r.severity.is_none()),
            ("assert", !year_on_year && r.assert.is_none()),
            ("message", !year_on_year && r.message.is_none()),
            ("percent", r.change.is_some() && r.percent.is_none()),
            (
                "in",
                r.balance.is_some() && r.inflow.is_none() && r.outflow.is_none(),
            ),
        ] {
            if missing {
                self.err(
                    Code::MissingField,
                    &r.id_loc.span.clone(),
                    format!("rule {} has no `{field}`", r.id),
                );
            }
        }
        self.decls.rules.push(r);
    }

    fn erratum(&mut self, node: &Node) {
        let Some((id, id_loc)) = self.header_name(node, "an erratum") else {
            return;
        };
        let mut x = Erratum {
            id,
            loc: self.loc(&node.span),
            id_loc,
            affects: Vec::new(),
            kind: None,
            source_text: None,
            corrected: None,
            reason: None,
            fixed_in: None,
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::ERRATUM, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "affects" => {
                    x.affects = c
                        .args
                        .iter()
                        .filter_map(|a| self.reference(a, "a code or name"))
                        .collect()
                }
                "kind" => x.kind = self.word(c, schema::ERRATUM_KINDS),
                "source" => x.source_text = self.text(c),
                "corrected" => x.corrected = self.text(c),
                "reason" => x.reason = self.text(c),
                "fixed_in" => x.fixed_in = self.plain(c),
                _ => unlowered(c),
            }
        }
        for (field, missing) in [
            ("source", x.source_text.is_none()),
            ("reason", x.reason.is_none()),
        ] {
            if missing {
                self.err(
                    Code::MissingField,
                    &x.id_loc.span.clone(),
                    format!("erratum {} has no `{field}`", x.id),
                );
            }
        }
        self.decls.errata.push(x);
    }
}

fn locator_value(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Number(n) | ExprKind::YearSpan(n) | ExprKind::Path(n) | ExprKind::Code(n) => {
            Some(n.clone())
        }
        ExprKind::Str(s) => Some(s.value.clone()),
        ExprKind::Range(lo, Some(hi)) => Some(format!("{lo}-{hi}")),
        ExprKind::Range(lo, None) => Some(format!("{lo} onwards")),
        _ => None,
    }
}

/// A number and how many decimals it was written with.
fn number_value(e: &Expr) -> Option<(f64, usize)> {
    match &e.kind {
        ExprKind::Number(n) => Some((
            n.parse().ok()?,
            n.split_once('.').map_or(0, |(_, f)| f.len()),
        )),
        ExprKind::Neg(inner) => number_value(inner).map(|(v, d)| (-v, d)),
        _ => None,
    }
}

/// The closest of `choices` to `word`, if it is close enough to be a likely typo.
pub fn closest_name<'c, S: AsRef<str>>(word: &str, choices: &'c [S]) -> Option<&'c str> {
    closest(word, choices)
}

fn closest<'c, S: AsRef<str>>(word: &str, choices: &'c [S]) -> Option<&'c str> {
    let mut best: Option<(&str, f64)> = None;
    for c in choices {
        let c = c.as_ref();
        let score = strsim::jaro_winkler(&word.to_lowercase(), &c.to_lowercase());
        if score > 0.8 && best.is_none_or(|(_, s)| score > s) {
            best = Some((c, score));
        }
    }
    best.map(|(c, _)| c)
}

/// A field the schema lists that lowering does not read: a mistake in this file, which the
/// unit test that lowers every field of the schema finds.
fn unlowered(node: &Node) {
    debug_assert!(
        false,
        "the schema lists the field `{}`, which lowering does not read",
        node.key.text
    );
}

/// Whether an argument is the `of(...)` that may follow a Welsh text.
fn is_welsh_of(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Call { name, .. } if name.text == "of")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    /// The text of an item that reaches the block at `path` (see `schema::all_blocks`), with
    /// `lines` inside that block.
    fn nest(path: &[&str], lines: &str) -> String {
        let mut open = Vec::new();
        for (i, key) in path.iter().enumerate() {
            let line = match (i, *key) {
                (0, "edition" | "extension") => format!("{key} \"x\""),
                (0, "metric") => "metric AD/001".to_string(),
                (0, "indicator") => "indicator PI/AD/01".to_string(),
                (0, "rule") => "rule VR/AD/01".to_string(),
                (0, "erratum") => "erratum E001".to_string(),
                (0, _) => format!("{key} x \"X\""),
                (_, "breakdown") => "breakdown independent".to_string(),
                (_, "timescale" | "example") => key.to_string(),
                (_, "cite") => "cite x".to_string(),
                (_, k) if schema::is_letter(k) => format!("{k} \"x\""),
                (_, k) => format!("{k} y \"Y\""),
            };
            open.push(line);
        }
        let mut text = String::new();
        for (depth, line) in open.iter().enumerate() {
            text.push_str(&format!("{}{line} {{\n", "  ".repeat(depth)));
        }
        text.push_str(lines);
        for depth in (0..open.len()).rev() {
            text.push_str(&format!("{}}}\n", "  ".repeat(depth)));
        }
        text
    }

    fn lowered(text: &str) -> Vec<Diagnostic> {
        let (file, mut diags) = parse(FileId(0), text);
        assert!(diags.is_empty(), "{text}\n{diags:?}");
        let _ = lower_file(&file, &mut diags);
        diags
    }

    /// Every field of every block of the schema is read by lowering (an unread one fails the
    /// debug assertion in `unlowered`), is not reported as unknown, and is reported when given
    /// twice exactly when the schema says it takes one value; a field the block lacks is
    /// reported with the block's fields.
    #[test]
    fn lowering_reads_every_field_of_the_schema() {
        let mut checked = 0;
        for (path, block) in schema::all_blocks() {
            for f in block.fields {
                let twice = format!("{0}\n{0}\n", f.name);
                let text = nest(&path, &twice);
                let diags = lowered(&text);
                assert!(
                    !diags.iter().any(|d| d.code == Code::UnknownField),
                    "{path:?}.{}: {diags:?}",
                    f.name
                );
                let given_twice = diags
                    .iter()
                    .any(|d| d.message == format!("`{}` is given twice", f.name));
                assert_eq!(
                    given_twice, !f.repeatable,
                    "{path:?}.{} given twice: {diags:?}",
                    f.name
                );
                checked += 1;
            }
            if matches!(block.lines, schema::Lines::Fields) && !block.fields.is_empty() {
                let diags = lowered(&nest(&path, "qqqqqqqqqqqq\n"));
                let want = format!(
                    "the fields of {} are: {}",
                    block.noun,
                    block.field_names().join(", ")
                );
                assert!(
                    diags
                        .iter()
                        .any(|d| d.code == Code::UnknownField && d.notes.contains(&want)),
                    "{path:?}: {diags:?}"
                );
            }
        }
        assert!(checked > 100, "only {checked} fields");
    }
}
