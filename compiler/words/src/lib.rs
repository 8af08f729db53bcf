//! pmf-words: what the IR means, in words, in English and Welsh, for every back end.
//!
//! The IR carries meaning (rule kinds and the codes they compare, formulas as trees, timescales
//! as amounts and units, the unit of an indicator's result as data); the validator's messages,
//! the workbook's checks, the generated SQL and Python, the guidance and the editor's hovers
//! all word it here, in the reader's language, from one table (`words.json`). A phrase is a
//! list of pieces, so that a format that links codes (the guidance) or marks untranslated texts
//! can render the same words its own way, and a plain one (a message) can join them.
//!
//! Invariant: every key of the table has both languages (tested); the English of the shipped
//! framework is the English the checker used to write into the IR (held by `pmf build --check`).

pub mod changes;
pub mod checks;
pub mod table;

pub use table::Table;

use pmf_ir::{
    DurationUnit, Formula, Indicator, Ir, Lang, ResultUnit, Rule, RuleKind, RuleOrigin, Term, Text,
    TimescaleRule, ValueType,
};

/// One piece of a phrase.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// Fixed wording, already in the phrase's language.
    Words(String),
    /// A metric, item or indicator code: a renderer may link it.
    Code(String),
    /// A text of the spec, in both languages: shown in the phrase's language when it has it.
    Spec(Text),
    /// A population, by id: its label (in English running text, with a lower-case first letter).
    Population(String),
}

/// Words made of pieces.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Phrase(pub Vec<Piece>);

impl Phrase {
    pub fn words(s: impl Into<String>) -> Phrase {
        Phrase(vec![Piece::Words(s.into())])
    }

    pub fn code(c: impl Into<String>) -> Phrase {
        Phrase(vec![Piece::Code(c.into())])
    }

    pub fn push(&mut self, p: Piece) {
        // Adjacent words are kept as one piece, so that renderers see whole runs of text.
        match (self.0.last_mut(), p) {
            (Some(Piece::Words(a)), Piece::Words(b)) => a.push_str(&b),
            (_, p) => self.0.push(p),
        }
    }

    pub fn append(&mut self, other: Phrase) {
        for p in other.0 {
            self.push(p);
        }
    }

    /// The phrase as plain text in `lang`: codes as written, spec texts in `lang` (English when
    /// they have no Welsh), populations by their labels.
    pub fn plain(&self, ir: &Ir, lang: Lang) -> String {
        let mut s = String::new();
        for p in &self.0 {
            match p {
                Piece::Words(w) => s.push_str(w),
                Piece::Code(c) => s.push_str(c),
                Piece::Spec(t) => s.push_str(t.get(lang)),
                Piece::Population(id) => s.push_str(&population_label(ir, id, lang)),
            }
        }
        s
    }

    /// Whether the plain English of this phrase is a single word (no space, no bracket).
    fn is_one_word(&self, ir: &Ir) -> bool {
        let s = self.plain(ir, Lang::En);
        !s.contains([' ', '('])
    }
}

/// A population's label as it reads inside a sentence.
pub fn population_label(ir: &Ir, id: &str, lang: Lang) -> String {
    match ir.populations.iter().find(|p| p.id == id) {
        Some(p) => match lang {
            Lang::En => lower_first(&p.label.en),
            Lang::Cy => p.label.get(lang).to_string(),
        },
        None => id.to_string(),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// A whole number with thousands separated by commas (`10,000`); a fraction as written.
pub fn thousands(v: f64) -> String {
    let s = number(v.abs());
    let sign = if v < 0.0 { "-" } else { "" };
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), format!(".{f}")),
        None => (s.clone(), String::new()),
    };
    let digits: Vec<char> = int.chars().collect();
    let mut out = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) && c.is_ascii_digit() {
            out.push(',');
        }
        out.push(*c);
    }
    format!("{sign}{out}{frac}")
}

/// A number as short as it can be written: `3`, `2.5`.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The wording of one language.
pub struct Words<'a> {
    pub ir: &'a Ir,
    pub lang: Lang,
    table: Table,
}

impl<'a> Words<'a> {
    pub fn new(ir: &'a Ir, lang: Lang) -> Words<'a> {
        Words {
            ir,
            lang,
            table: Table::words(lang),
        }
    }

    /// The fixed wording of `key` with its `{placeholders}` filled by phrases.
    fn fill(&self, key: &str, args: &[(&str, Phrase)]) -> Phrase {
        let mut out = Phrase::default();
        for part in self.table.parts(key) {
            match part {
                table::Part::Text(t) => out.push(Piece::Words(t)),
                table::Part::Slot(name) => match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.append(v.clone()),
                    None => out.push(Piece::Words(format!("{{{name}}}"))),
                },
            }
        }
        out
    }

    /// A linear sum of codes: `AD/001 + 2 × AD/002 − AD/003`.
    pub fn terms(&self, terms: &[Term]) -> Phrase {
        let mut out = Phrase::default();
        for (i, t) in terms.iter().enumerate() {
            let (neg, mag) = (t.coef < 0.0, t.coef.abs());
            match (i, neg) {
                (0, true) => out.push(Piece::Words("−".into())),
                (0, false) => {}
                (_, true) => out.push(Piece::Words(" − ".into())),
                (_, false) => out.push(Piece::Words(" + ".into())),
            }
            if mag != 1.0 {
                out.push(Piece::Words(format!("{} × ", number(mag))));
            }
            out.push(Piece::Code(t.code.clone()));
        }
        out
    }

    /// What a rule says must hold: the author's message for a rule written in the spec, else
    /// worded from its kind and the codes it compares.
    pub fn rule(&self, r: &Rule) -> Phrase {
        if r.origin == RuleOrigin::Explicit && !(r.kind.is_year_on_year() && r.message.is_none()) {
            return Phrase(vec![Piece::Spec(r.message.clone().unwrap_or_default())]);
        }
        let first = || {
            r.lhs
                .first()
                .map(|t| Phrase::code(&t.code))
                .unwrap_or_default()
        };
        // The subject of a comparison: the one code on the left, or the metric whose items
        // stand in for it.
        let subject = || match r.lhs.as_slice() {
            [one] => Phrase::code(&one.code),
            _ => Phrase::code(&r.metric),
        };
        let rhs = self.terms(&r.rhs);
        match r.kind {
            RuleKind::Value => {
                let key = match r.value_type {
                    Some(ValueType::Decimal) => "rule_value_decimal",
                    _ => "rule_value_whole",
                };
                self.fill(key, &[("code", first())])
            }
            RuleKind::Required => self.fill("rule_required", &[("code", first())]),
            RuleKind::Partition | RuleKind::Exclusive => {
                let eq = r.kind == RuleKind::Partition;
                match r.lhs.as_slice() {
                    [a, .., b] => self.fill(
                        if eq { "rule_items_eq" } else { "rule_items_le" },
                        &[
                            ("metric", Phrase::code(&r.metric)),
                            ("first", Phrase::code(&a.code)),
                            ("last", Phrase::code(&b.code)),
                            ("rhs", rhs),
                        ],
                    ),
                    one => self.fill(
                        if eq {
                            "rule_items_eq_one"
                        } else {
                            "rule_items_le_one"
                        },
                        &[
                            ("metric", Phrase::code(&r.metric)),
                            (
                                "code",
                                one.first()
                                    .map(|t| Phrase::code(&t.code))
                                    .unwrap_or_default(),
                            ),
                            ("rhs", rhs),
                        ],
                    ),
                }
            }
            RuleKind::Overlapping | RuleKind::Within | RuleKind::Subset => {
                self.fill("rule_le", &[("lhs", subject()), ("rhs", rhs)])
            }
            RuleKind::Equals => self.fill("rule_eq", &[("lhs", subject()), ("rhs", rhs)]),
            RuleKind::Explicit => {
                let key = match r.op {
                    pmf_ir::Op::Le => "rule_le",
                    pmf_ir::Op::Ge => "rule_ge",
                    pmf_ir::Op::Eq => "rule_eq",
                    pmf_ir::Op::Lt => "rule_lt",
                    pmf_ir::Op::Gt => "rule_gt",
                    pmf_ir::Op::Ne => "rule_ne",
                };
                self.fill(key, &[("lhs", self.terms(&r.lhs)), ("rhs", rhs)])
            }
            RuleKind::Change => {
                let limit = r.change.unwrap_or(pmf_ir::ChangeLimit {
                    percent: 0.0,
                    at_least: 0.0,
                });
                self.fill(
                    "rule_change",
                    &[
                        ("code", self.terms(&r.lhs)),
                        ("percent", Phrase::words(number(limit.percent))),
                        ("at_least", Phrase::words(number(limit.at_least))),
                    ],
                )
            }
            RuleKind::Balance => {
                // The flows, each with its sign: " + CH/023a ... − CH/036".
                let mut flows = Phrase::default();
                for t in &r.rhs {
                    let sign = if t.coef < 0.0 { " − " } else { " + " };
                    flows.push(Piece::Words(sign.into()));
                    flows.append(self.terms(&[Term {
                        code: t.code.clone(),
                        coef: t.coef.abs(),
                    }]));
                }
                self.fill(
                    "rule_balance",
                    &[
                        ("lhs", self.terms(&r.lhs)),
                        ("last", self.terms(&r.last_year)),
                        ("flows", flows),
                    ],
                )
            }
        }
    }

    /// A rule's message as plain text.
    pub fn rule_text(&self, r: &Rule) -> String {
        self.rule(r).plain(self.ir, self.lang)
    }

    /// A formula in words.
    pub fn formula(&self, f: &Formula) -> Phrase {
        match self.lang {
            Lang::En => self.formula_en(f),
            Lang::Cy => self.formula_cy(f),
        }
    }

    /// English: the arguments of a function in brackets unless they are one word; the
    /// operands of arithmetic as they come.
    fn formula_en(&self, f: &Formula) -> Phrase {
        let arg = |f: &Formula| {
            let inner = self.formula_en(f);
            match inner.is_one_word(self.ir) {
                true => inner,
                false => bracketed(inner),
            }
        };
        let bin = |lhs: &Formula, op: &str, rhs: &Formula| {
            let mut p = self.formula_en(lhs);
            p.push(Piece::Words(op.into()));
            p.append(self.formula_en(rhs));
            p
        };
        match f {
            Formula::Number { value } => Phrase::words(if value.fract() == 0.0 {
                thousands(*value)
            } else {
                value.to_string()
            }),
            Formula::Metric { code } => Phrase::code(code),
            Formula::Population { id } => Phrase(vec![Piece::Population(id.clone())]),
            Formula::Add { lhs, rhs } => bin(lhs, " + ", rhs),
            Formula::Sub { lhs, rhs } => bin(lhs, " − ", rhs),
            Formula::Mul { lhs, rhs } => bin(lhs, " × ", rhs),
            Formula::Div { lhs, rhs } => bin(lhs, " ÷ ", rhs),
            Formula::Neg { arg } => {
                let mut p = Phrase::words("−");
                p.append(self.formula_en(arg));
                p
            }
            Formula::Percent {
                numerator,
                denominator,
            } => self.fill(
                "formula_percent",
                &[("n", arg(numerator)), ("d", arg(denominator))],
            ),
            Formula::Rate {
                numerator,
                population,
                per,
            } => self.fill(
                "formula_rate",
                &[
                    ("n", arg(numerator)),
                    ("per", Phrase::words(thousands(*per))),
                    ("population", self.formula_en(population)),
                ],
            ),
            Formula::Average { total: a, count: b }
            | Formula::Ratio {
                numerator: a,
                denominator: b,
            } => self.fill("formula_divided", &[("a", arg(a)), ("b", arg(b))]),
        }
    }

    /// Welsh: brackets around every operand that is not a single code, name or number.
    fn formula_cy(&self, f: &Formula) -> Phrase {
        let wrap = |f: &Formula| {
            let inner = self.formula_cy(f);
            match f {
                Formula::Number { .. } | Formula::Metric { .. } | Formula::Population { .. } => {
                    inner
                }
                _ => bracketed(inner),
            }
        };
        let bin = |lhs: &Formula, op: &str, rhs: &Formula| {
            let mut p = wrap(lhs);
            p.push(Piece::Words(op.into()));
            p.append(wrap(rhs));
            p
        };
        match f {
            Formula::Number { value } => Phrase::words(thousands(*value)),
            Formula::Metric { code } => Phrase::code(code),
            Formula::Population { id } => Phrase(vec![Piece::Population(id.clone())]),
            Formula::Add { lhs, rhs } => bin(lhs, " + ", rhs),
            Formula::Sub { lhs, rhs } => bin(lhs, " − ", rhs),
            Formula::Mul { lhs, rhs } => bin(lhs, " × ", rhs),
            Formula::Div { lhs, rhs } => bin(lhs, " ÷ ", rhs),
            Formula::Neg { arg } => {
                let mut p = Phrase::words("−");
                p.append(wrap(arg));
                p
            }
            Formula::Percent {
                numerator,
                denominator,
            } => self.fill(
                "formula_percent",
                &[("n", wrap(numerator)), ("d", wrap(denominator))],
            ),
            Formula::Rate {
                numerator,
                population,
                per,
            } => self.fill(
                "formula_rate",
                &[
                    ("n", wrap(numerator)),
                    ("per", Phrase::words(thousands(*per))),
                    ("population", self.formula_cy(population)),
                ],
            ),
            Formula::Average { total: a, count: b }
            | Formula::Ratio {
                numerator: a,
                denominator: b,
            } => self.fill("formula_divided", &[("a", wrap(a)), ("b", wrap(b))]),
        }
    }

    /// The unit of an indicator's result ("%", "per 10,000 of the population aged 18 and
    /// over", "days per service"), or `None` when the result is a bare number. In Welsh,
    /// units made of the spec's unit labels are worded only when every label has its Welsh.
    pub fn result_unit(&self, i: &Indicator) -> Option<Phrase> {
        let label = |id: &str, singular: bool| -> Option<Phrase> {
            let u = self.ir.unit(id);
            let t = u.map(|u| if singular { &u.singular } else { &u.label });
            match (self.lang, t) {
                (Lang::En, Some(t)) if !t.en.is_empty() => Some(Phrase::words(t.en.clone())),
                (Lang::En, _) => Some(Phrase::words(id)),
                (Lang::Cy, Some(t)) => t.cy.clone().map(Phrase::words),
                (Lang::Cy, None) => None,
            }
        };
        match &i.result_unit {
            ResultUnit::None => None,
            ResultUnit::Percent => Some(Phrase::words("%")),
            ResultUnit::Rate { per, population } => Some(self.fill(
                "unit_rate",
                &[
                    ("per", Phrase::words(thousands(*per))),
                    (
                        "population",
                        Phrase(vec![Piece::Population(population.clone())]),
                    ),
                ],
            )),
            ResultUnit::Per { unit, per } => Some(self.fill(
                "unit_per",
                &[("unit", label(unit, false)?), ("per", label(per, true)?)],
            )),
            ResultUnit::Ratio => Some(self.fill("unit_ratio", &[])),
            ResultUnit::Quantity { unit, over } => match over {
                Some(o) => Some(self.fill(
                    "unit_over",
                    &[("unit", label(unit, false)?), ("over", label(o, false)?)],
                )),
                None => label(unit, false),
            },
            ResultUnit::People => Some(self.fill("unit_people", &[])),
        }
    }

    /// An amount of time: "1 working day", "12 months".
    pub fn duration(&self, amount: u32, unit: DurationUnit) -> Phrase {
        let unit = match unit {
            DurationUnit::WorkingDays => "working_days",
            DurationUnit::Days => "days",
            DurationUnit::Weeks => "weeks",
            DurationUnit::Months => "months",
            DurationUnit::Years => "years",
        };
        let key = match amount {
            1 => format!("unit_{unit}_one"),
            _ => format!("unit_{unit}"),
        };
        self.fill(&key, &[("n", Phrase::words(amount.to_string()))])
    }

    /// A timescale's duration in words: "within 42 working days of the point of referral".
    pub fn timescale(&self, t: &pmf_ir::Timescale) -> Phrase {
        let amount = self.duration(t.amount, t.unit);
        let spec = |t: &Text| Phrase(vec![Piece::Spec(t.clone())]);
        let mut s = match (t.rule, &t.from) {
            (TimescaleRule::Every, Some(from)) => self.fill(
                "timescale_every_from",
                &[("amount", amount), ("from", spec(from))],
            ),
            (TimescaleRule::Every, None) => self.fill("timescale_every", &[("amount", amount)]),
            (TimescaleRule::Within, Some(from)) => self.fill(
                "timescale_within_from",
                &[("amount", amount), ("from", spec(from))],
            ),
            (TimescaleRule::Within, None) => self.fill("timescale_within", &[("amount", amount)]),
        };
        if let Some(u) = &t.until {
            s.push(Piece::Words(", ".into()));
            s.append(self.fill("timescale_until", &[("until", spec(u))]));
        }
        s
    }
}

fn bracketed(inner: Phrase) -> Phrase {
    let mut p = Phrase::words("(");
    p.append(inner);
    p.push(Piece::Words(")".into()));
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_and_numbers() {
        assert_eq!(thousands(10000.0), "10,000");
        assert_eq!(thousands(1234567.5), "1,234,567.5");
        assert_eq!(thousands(-1000.0), "-1,000");
        assert_eq!(thousands(-100.0), "-100");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(number(3.0), "3");
        assert_eq!(number(2.5), "2.5");
    }

    #[test]
    fn the_table_has_both_languages_for_every_key() {
        for lang in [Lang::En, Lang::Cy] {
            let t = Table::words(lang);
            for key in t.keys() {
                assert!(!t.get(key).is_empty(), "{key} has no {lang:?}");
            }
        }
        assert!(Table::words(Lang::En).keys().count() > 20);
        assert!(Table::words(Lang::Cy).untranslated().is_empty());
    }
}
