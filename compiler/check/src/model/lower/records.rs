//! Lowering of case records, calendars and counting rules (compiler/doc/records.md): the lines
//! are generic nodes whose arguments are read here as the words of records.md's syntax. Names
//! stay unresolved (`Ref`); the checker's `records` module resolves and types them.

use super::*;

/// The units of time a counting rule takes (records.md: no `years`).
const RULE_UNITS: &[&str] = &["working_days", "days", "weeks", "months"];

/// What may follow a field in a condition, for messages.
const AFTER_FIELD: &str =
    "`= CODE`, `!= CODE`, `in (...)`, `not in (...)`, `is set`, `is missing`, `within N UNIT of FIELD` or `late N UNIT after FIELD`";

/// The arguments of one line, read left to right.
struct Words<'e> {
    args: &'e [Expr],
    i: usize,
    /// Where "nothing more on the line" is: the end of the line's last argument, or its key.
    end: Span,
}

impl<'e> Words<'e> {
    fn new(node: &'e Node, from: usize) -> Words<'e> {
        let end = node
            .args
            .last()
            .map_or(node.key.span.clone(), |a| a.span.clone());
        Words {
            args: &node.args,
            i: from,
            end: end.end..end.end,
        }
    }

    fn peek(&self) -> Option<&'e Expr> {
        self.args.get(self.i)
    }

    fn peek_word(&self) -> Option<&'e str> {
        self.peek().and_then(|e| e.as_path())
    }

    fn next(&mut self) -> Option<&'e Expr> {
        let e = self.args.get(self.i);
        if e.is_some() {
            self.i += 1;
        }
        e
    }

    /// Where the next word is, or the end of the line.
    fn here(&self) -> Span {
        self.peek().map_or(self.end.clone(), |e| e.span.clone())
    }
}

impl Lowerer<'_> {
    fn expected(&mut self, span: &Span, message: impl Into<String>, label: &str) {
        let d = self.err(Code::InvalidValue, span, message);
        d.primary.message = label.into();
    }

    /// A plain name (a field, a record, a code): one word without dots.
    fn name_word(&mut self, w: &mut Words<'_>, what: &str) -> Option<Ref> {
        let span = w.here();
        match w.next() {
            Some(e) => match e.as_path() {
                Some(p) if !p.contains('.') => Some(Ref {
                    name: p.to_string(),
                    loc: self.loc(&e.span),
                }),
                _ => {
                    self.expected(
                        &e.span,
                        format!("expected {what}, found {}", e.describe()),
                        &format!("expected {what}"),
                    );
                    None
                }
            },
            None => {
                let d = self.err(Code::MissingField, &span, format!("{what} is missing here"));
                d.primary.message = format!("expected {what}");
                None
            }
        }
    }

    /// A fixed word: `until`, `of`, `by`.
    fn keyword(&mut self, w: &mut Words<'_>, word: &str, example: &str) -> Option<()> {
        let span = w.here();
        if w.peek_word() == Some(word) {
            w.next();
            return Some(());
        }
        let found = w.peek().map_or("the end of the line".to_string(), |e| {
            e.as_path()
                .map_or(e.describe().to_string(), |p| format!("`{p}`"))
        });
        let d = self.err(
            Code::InvalidValue,
            &span,
            format!("expected `{word}` here, found {found}"),
        );
        d.primary.message = format!("expected `{word}`");
        d.help = Some(format!("write, for example, `{example}`"));
        None
    }

    /// A whole number: `42`.
    fn whole(&mut self, w: &mut Words<'_>, what: &str) -> Option<u32> {
        let span = w.here();
        match w.next().map(|e| &e.kind) {
            Some(ExprKind::Number(n)) if n.parse::<u32>().is_ok() => n.parse().ok(),
            _ => {
                self.expected(
                    &span,
                    format!("expected {what}, a whole number"),
                    "expected a number",
                );
                None
            }
        }
    }

    /// `N UNIT`: `1 working_days`, `12 months`.
    fn amount(&mut self, w: &mut Words<'_>) -> Option<Amount> {
        let start = w.here();
        let n = self.whole(w, "the length of time")?;
        let span = w.here();
        let unit = match w.next().and_then(|e| e.as_path()) {
            Some(u) if RULE_UNITS.contains(&u) => DurationUnit::parse(u)?,
            Some(u) => {
                let d = self.err(
                    Code::InvalidValue,
                    &span,
                    format!("`{u}` is not a unit of time of a counting rule"),
                );
                d.primary.message = "unknown unit".into();
                d.help = Some(match closest(u, RULE_UNITS) {
                    Some(s) => format!(
                        "did you mean `{s}`? the units are: {}",
                        RULE_UNITS.join(", ")
                    ),
                    None => format!("the units are: {}", RULE_UNITS.join(", ")),
                });
                return None;
            }
            None => {
                let d = self.err(
                    Code::MissingField,
                    &span,
                    "a length of time needs its unit: working_days, days, weeks or months",
                );
                d.primary.message = "expected a unit".into();
                return None;
            }
        };
        Some(Amount {
            n,
            unit,
            loc: self.loc(&(start.start..span.end)),
        })
    }

    /// `during F`, `open S until E` or `open_during S until E`, the word `what` already read.
    fn placement_words(
        &mut self,
        what: &str,
        what_span: &Span,
        w: &mut Words<'_>,
    ) -> Option<PlacementDecl> {
        let start = what_span.start;
        match what {
            "during" => {
                let field = self.name_word(w, "a date field")?;
                let loc = self.loc(&(start..field.loc.span.end));
                Some(PlacementDecl::During { field, loc })
            }
            "open" | "open_during" => {
                let s = self.name_word(w, "the field the record opens with")?;
                self.keyword(w, "until", &format!("{what} started until ended"))?;
                let e = self.name_word(w, "the field the record closes with")?;
                let loc = self.loc(&(start..e.loc.span.end));
                Some(if what == "open" {
                    PlacementDecl::Open {
                        start: s,
                        end: e,
                        loc,
                    }
                } else {
                    PlacementDecl::OpenDuring {
                        start: s,
                        end: e,
                        loc,
                    }
                })
            }
            _ => None,
        }
    }

    /// `where C where C ...` after `at_least` or `previous`: as many as are written.
    fn nested_conditions(&mut self, w: &mut Words<'_>) -> Option<Vec<Cond>> {
        let mut out = Vec::new();
        while w.peek_word() == Some("where") {
            w.next();
            out.push(self.condition(w)?);
        }
        Some(out)
    }

    /// One condition (records.md, "Conditions"), read from the cursor on.
    fn condition(&mut self, w: &mut Words<'_>) -> Option<Cond> {
        let start = w.here();
        let Some(first) = w.peek() else {
            let d = self.err(Code::MissingField, &start, "a condition is missing here");
            d.primary.message = "expected a condition".into();
            d.help = Some("write, for example, `where about = adult`".into());
            return None;
        };
        let kind = match &first.kind {
            ExprKind::Compare { op, lhs, rhs } => {
                w.next();
                let negated = match op {
                    crate::syntax::CmpOp::Eq => false,
                    crate::syntax::CmpOp::Ne => true,
                    other => {
                        let d = self.err(
                            Code::InvalidValue,
                            &first.span,
                            format!("a condition compares a field with a code using `=` or `!=`, not `{}`", other.symbol()),
                        );
                        d.primary.message = "not `=` or `!=`".into();
                        d.help = Some("for times, write `F within N UNIT of G`; for ages, `age at F between A and B`".into());
                        return None;
                    }
                };
                let field = self.plain_ref(lhs, "a field")?;
                let code = self.plain_ref(rhs, "a code of the field's list")?;
                CondKind::Is {
                    field,
                    codes: vec![code],
                    negated,
                }
            }
            ExprKind::Path(p)
                if p == "age"
                    && matches!(w.args.get(w.i + 1).and_then(|e| e.as_path()), Some("at")) =>
            {
                w.i += 2;
                let at =
                    self.name_word(w, "the date field the age is taken at, or `period_end`")?;
                let at = (at.name != "period_end").then_some(at);
                let span = w.here();
                let (min, max) = match w.next().and_then(|e| e.as_path()) {
                    Some("between") => {
                        let a = self.whole(w, "the lowest age")?;
                        self.keyword(w, "and", "age at received between 18 and 64")?;
                        let b = self.whole(w, "the highest age")?;
                        (Some(a), Some(b))
                    }
                    Some("at_least") => (Some(self.whole(w, "the lowest age")?), None),
                    Some("under") => {
                        let b = self.whole(w, "the age")?;
                        if b == 0 {
                            self.expected(&span, "no one is under 0", "an age under 0");
                            return None;
                        }
                        (None, Some(b - 1))
                    }
                    _ => {
                        let d = self.err(
                            Code::InvalidValue,
                            &span,
                            "an age condition goes on with `between A and B`, `at_least A` or `under B`",
                        );
                        d.primary.message = "expected `between`, `at_least` or `under`".into();
                        return None;
                    }
                };
                CondKind::Age { at, min, max }
            }
            ExprKind::Path(p)
                if p == "at_least"
                    && matches!(
                        w.args.get(w.i + 1).map(|e| &e.kind),
                        Some(ExprKind::Number(_))
                    ) =>
            {
                w.next();
                let n = self.whole(w, "how many records")?;
                let record = self.name_word(w, "a record kind")?;
                self.keyword(w, "by", "at_least 2 visit by person during visited")?;
                let link =
                    self.name_word(w, "the field of those records that links them to this one")?;
                let span = w.here();
                let word = w.next().and_then(|e| e.as_path()).unwrap_or_default();
                let Some(placement) = self.placement_words(word, &span, w) else {
                    if !matches!(word, "during" | "open" | "open_during") {
                        let d = self.err(
                            Code::InvalidValue,
                            &span,
                            "the records counted need a placement: `during F`, `open S until E` or `open_during S until E`",
                        );
                        d.primary.message = "expected a placement".into();
                    }
                    return None;
                };
                let conditions = self.nested_conditions(w)?;
                CondKind::AtLeast {
                    n,
                    record,
                    link,
                    placement: Box::new(placement),
                    conditions,
                }
            }
            ExprKind::Path(p)
                if p == "previous"
                    || (p == "no"
                        && w.args.get(w.i + 1).and_then(|e| e.as_path()) == Some("previous")) =>
            {
                let negated = p == "no";
                w.i += if negated { 2 } else { 1 };
                let conditions = self.nested_conditions(w)?;
                let end = self.name_word(w, "the earlier record's date field")?;
                self.keyword(
                    w,
                    "within",
                    "previous received within 12 months before received",
                )?;
                let amount = self.amount(w)?;
                self.keyword(
                    w,
                    "before",
                    "previous received within 12 months before received",
                )?;
                let start = self.name_word(w, "this record's date field")?;
                CondKind::Previous {
                    conditions,
                    end,
                    start,
                    amount,
                    negated,
                }
            }
            _ => {
                let field = self.name_word(w, "a field")?;
                let span = w.here();
                let next = w.next();
                match next.map(|e| (&e.kind, e.as_path())) {
                    Some((ExprKind::Call { name, args }, _)) if name.text == "in" => CondKind::Is {
                        field,
                        codes: self.code_list(args)?,
                        negated: false,
                    },
                    Some((_, Some("not"))) => {
                        let span = w.here();
                        match w.next().map(|e| &e.kind) {
                            Some(ExprKind::Call { name, args }) if name.text == "in" => {
                                CondKind::Is {
                                    field,
                                    codes: self.code_list(args)?,
                                    negated: true,
                                }
                            }
                            _ => {
                                self.expected(
                                    &span,
                                    "`not` goes on with `in (CODE, CODE)`",
                                    "expected `in (...)`",
                                );
                                return None;
                            }
                        }
                    }
                    Some((_, Some("is"))) => {
                        let span = w.here();
                        match w.next().and_then(|e| e.as_path()) {
                            Some("set") => CondKind::Set {
                                field,
                                negated: false,
                            },
                            Some("missing") => CondKind::Set {
                                field,
                                negated: true,
                            },
                            _ => {
                                self.expected(
                                    &span,
                                    "`is` goes on with `set` or `missing`",
                                    "expected `set` or `missing`",
                                );
                                return None;
                            }
                        }
                    }
                    Some((_, Some(word @ ("within" | "late")))) => {
                        let late = word == "late";
                        let amount = self.amount(w)?;
                        let (link, example) = if late {
                            ("after", "decided late 1 working_days after received")
                        } else {
                            ("of", "decided within 1 working_days of received")
                        };
                        self.keyword(w, link, example)?;
                        let from = self.name_word(w, "the date field the time is counted from")?;
                        CondKind::Within {
                            field,
                            from,
                            amount,
                            late,
                        }
                    }
                    _ => {
                        let d = self.err(
                            Code::InvalidValue,
                            &span,
                            format!("expected {AFTER_FIELD} after `{}`", field.name),
                        );
                        d.primary.message = "not a condition".into();
                        return None;
                    }
                }
            }
        };
        let end = w
            .args
            .get(w.i.saturating_sub(1))
            .map_or(start.end, |e| e.span.end);
        Some(Cond {
            kind,
            loc: self.loc(&(start.start..end.max(start.start))),
        })
    }

    fn plain_ref(&mut self, e: &Expr, what: &str) -> Option<Ref> {
        match e.as_path() {
            Some(p) if !p.contains('.') => Some(Ref {
                name: p.to_string(),
                loc: self.loc(&e.span),
            }),
            _ => {
                self.expected(
                    &e.span,
                    format!("expected {what}, found {}", e.describe()),
                    &format!("expected {what}"),
                );
                None
            }
        }
    }

    /// The codes of `in (A, B)`.
    fn code_list(&mut self, args: &[Expr]) -> Option<Vec<Ref>> {
        let mut out = Vec::new();
        for a in args {
            out.push(self.plain_ref(a, "a code of the field's list")?);
        }
        Some(out)
    }

    /// A whole line read as one condition, with nothing after it.
    fn condition_line(&mut self, w: &mut Words<'_>) -> Option<Cond> {
        let c = self.condition(w)?;
        if let Some(extra) = w.peek() {
            let span = extra.span.start..w.end.end;
            let d = self.err(
                Code::InvalidValue,
                &span,
                "a `where` line holds one condition",
            );
            d.primary.message = "after the condition".into();
            d.help = Some(
                "write each condition on a `where` line of its own: every one must hold".into(),
            );
            return None;
        }
        Some(c)
    }

    fn no_more(&mut self, w: &Words<'_>, what: &str) {
        if let Some(extra) = w.peek() {
            let span = extra.span.start..w.end.end;
            let d = self.err(
                Code::InvalidValue,
                &span,
                format!("unexpected words after {what}"),
            );
            d.primary.message = "unexpected".into();
        }
    }

    // ---- items -------------------------------------------------------------------------------

    pub(super) fn calendar(&mut self, node: &Node) {
        let Some((id, id_loc)) = self.header_name(node, "a calendar") else {
            return;
        };
        let mut x = Calendar {
            id,
            loc: self.loc(&node.span),
            id_loc,
            title: self.header_title(node),
            weekend: Vec::new(),
            years: None,
            holidays: Vec::new(),
            note: None,
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::CALENDAR, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "title" => x.title = self.text(c),
                "note" => x.note = self.text(c),
                "weekend" => {
                    if c.args.is_empty() {
                        let d = self.err(
                            Code::MissingField,
                            &c.key.span,
                            "`weekend` needs the days that are not working days",
                        );
                        d.help = Some("write, for example, `weekend saturday sunday`".into());
                    }
                    for a in &c.args {
                        match a.as_path() {
                            Some(p) => x.weekend.push((p.to_string(), self.loc(&a.span))),
                            None => self.expected(
                                &a.span,
                                format!("expected a day of the week, found {}", a.describe()),
                                "expected a day",
                            ),
                        }
                    }
                }
                "years" => {
                    let mut w = Words::new(c, 0);
                    let first = self.whole(&mut w, "the first calendar year");
                    let to = first.and_then(|_| self.keyword(&mut w, "to", "years 2018 to 2026"));
                    let last = to.and_then(|_| self.whole(&mut w, "the last calendar year"));
                    if let (Some(a), Some(b)) = (first, last) {
                        self.no_more(&w, "the years");
                        let span = c
                            .args
                            .first()
                            .map_or(c.key.span.clone(), |f| f.span.start..w.end.end);
                        x.years = Some((a as i32, b as i32, self.loc(&span)));
                    }
                }
                "holiday" => match c.args.first() {
                    Some(e) => match &e.kind {
                        ExprKind::Date(dt) => {
                            let name = self.text_from(&c.args[1..], &c.key);
                            x.holidays.push(HolidayDecl {
                                date: dt.clone(),
                                date_loc: self.loc(&e.span),
                                name,
                            });
                        }
                        _ => self.expected(
                            &e.span,
                            format!(
                                "a holiday starts with its date, e.g. `2020-12-25`, not {}",
                                e.describe()
                            ),
                            "expected a date",
                        ),
                    },
                    None => {
                        let d = self.err(
                            Code::MissingField,
                            &c.key.span,
                            "`holiday` needs a date and a name",
                        );
                        d.help = Some(
                            "write, for example, `holiday 2020-12-25 \"Christmas Day\"`".into(),
                        );
                    }
                },
                _ => unlowered(c),
            }
        }
        self.decls.calendars.push(x);
    }

    pub(super) fn record(&mut self, node: &Node) {
        let Some((id, id_loc)) = self.header_name(node, "a record") else {
            return;
        };
        let mut x = Record {
            id,
            loc: self.loc(&node.span),
            id_loc,
            title: self.header_title(node),
            counts: None,
            key: None,
            fields: Vec::new(),
            note: None,
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::RECORD, &mut seen, c) {
                continue;
            }
            match c.key.text.as_str() {
                "title" => x.title = self.text(c),
                "note" => x.note = self.text(c),
                "counts" => x.counts = self.single_ref(c, "a unit"),
                "key" => x.key = self.single_ref(c, "a field"),
                "field" => {
                    if let Some(f) = self.record_field(c) {
                        x.fields.push(f);
                    }
                }
                _ => unlowered(c),
            }
        }
        if x.title.is_none() {
            let d = self.err(
                Code::MissingField,
                &x.id_loc.span,
                format!("record `{}` has no title", x.id),
            );
            d.help = Some(format!(
                "write the title after the name: `record {} \"A contact to the IAA service\" {{`",
                x.id
            ));
        }
        if x.counts.is_none() {
            let d = self.err(
                Code::MissingField,
                &x.id_loc.span,
                format!("record `{}` does not say what one record is", x.id),
            );
            d.help = Some("add `counts UNIT`, e.g. `counts contact`".into());
        }
        if x.key.is_none() {
            let d = self.err(
                Code::MissingField,
                &x.id_loc.span,
                format!("record `{}` has no `key`", x.id),
            );
            d.help =
                Some("add `key FIELD`, the field that identifies a record, e.g. `key id`".into());
        }
        self.decls.records.push(x);
    }

    /// `field received datetime optional "When the contact was received"`.
    fn record_field(&mut self, node: &Node) -> Option<RecordField> {
        let mut w = Words::new(node, 0);
        let id = self.name_word(&mut w, "the field's name")?;
        let span = w.here();
        let ty = match w.next().and_then(|e| e.as_path()) {
            Some("date") => FieldTy::Date,
            Some("datetime") => FieldTy::Datetime,
            Some("number") => FieldTy::Number,
            Some("id") => FieldTy::Id,
            Some("cohort") => FieldTy::Cohort,
            Some("code") => FieldTy::Code(self.name_word(&mut w, "the codelist of the field")?),
            Some("ref") => {
                FieldTy::Ref(self.name_word(&mut w, "the record kind the field refers to")?)
            }
            other => {
                const TYPES: &[&str] =
                    &["date", "datetime", "number", "id", "code", "cohort", "ref"];
                let d = self.err(
                    Code::InvalidValue,
                    &span,
                    match other {
                        Some(t) => format!("`{t}` is not a field type"),
                        None => format!("field `{}` has no type", id.name),
                    },
                );
                d.primary.message = "expected a type".into();
                d.help = Some(match other.and_then(|t| closest(t, TYPES)) {
                    Some(s) => format!("did you mean `{s}`? the types are: date, datetime, number, id, code LIST, cohort, ref RECORD"),
                    None => "the types are: date, datetime, number, id, code LIST, cohort, ref RECORD".into(),
                });
                return None;
            }
        };
        let optional = w.peek_word() == Some("optional");
        if optional {
            w.next();
        }
        let key = Name {
            text: "field".into(),
            span: node.key.span.clone(),
        };
        let title = self.text_from(&node.args[w.i..], &key);
        Some(RecordField {
            id: id.name,
            id_loc: id.loc,
            loc: self.loc(&node.span),
            ty: Some(ty),
            optional,
            title,
        })
    }

    /// `computed_from RECORD { ... }` in a metric.
    pub(super) fn computed_from(&mut self, node: &Node) -> Option<ComputedFrom> {
        let mut w = Words::new(node, 0);
        let record = self.name_word(&mut w, "the record kind counted")?;
        self.no_more(&w, "the record kind");
        let mut x = ComputedFrom {
            record,
            loc: self.loc(&node.span),
            placements: Vec::new(),
            distinct: None,
            conditions: Vec::new(),
            items_by: None,
            items: Vec::new(),
            notes: Vec::new(),
        };
        let mut seen = BTreeMap::new();
        for c in self.children(node).iter() {
            if !self.known(&schema::COMPUTED_FROM, &mut seen, c) {
                continue;
            }
            let mut w = Words::new(c, 0);
            match c.key.text.as_str() {
                k @ ("during" | "open" | "open_during") => {
                    if let Some(p) = self.placement_words(k, &c.key.span, &mut w) {
                        self.no_more(&w, "the placement");
                        x.placements.push(p);
                    }
                }
                "distinct" => x.distinct = self.single_ref(c, "a field"),
                "where" => {
                    if let Some(cond) = self.condition_line(&mut w) {
                        x.conditions.push(cond);
                    }
                }
                "items" => {
                    if self.keyword(&mut w, "by", "items by outcome").is_some() {
                        x.items_by = self.name_word(&mut w, "a code field");
                        self.no_more(&w, "the field");
                    }
                }
                "item" => {
                    let span = w.here();
                    let letter = match w.next().and_then(|e| e.as_path()) {
                        Some(l) if schema::is_letter(l) => l.to_string(),
                        _ => {
                            self.expected(
                                &span,
                                "`item` is followed by the item's letter",
                                "expected a letter",
                            );
                            continue;
                        }
                    };
                    if w.peek_word() != Some("where") {
                        self.keyword(&mut w, "where", "item a where outcome = information_only");
                        continue;
                    }
                    let Some(conditions) = self.nested_conditions(&mut w) else {
                        continue;
                    };
                    self.no_more(&w, "the item's conditions");
                    x.items.push(ItemCond {
                        letter,
                        letter_loc: self.loc(&span),
                        loc: self.loc(&c.span),
                        conditions,
                    });
                }
                "note" => {
                    if let Some(t) = self.text(c) {
                        x.notes.push(t);
                    }
                }
                _ => unlowered(c),
            }
        }
        Some(x)
    }
}
