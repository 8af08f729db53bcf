//! The sentence an officer reads when a rule fails: what the figures say, with the figures,
//! and what to do about it ("AD/007a (266) is more than AD/006 (16), which it is part of:
//! correct one of them, or explain it on the Exceptions sheet (rule AD/007a.within)").
//!
//! One sentence shape per kind of rule, written once here as a template with slots (the codes,
//! the two figures, the rule id). `sentence` fills a template in Rust (pmf validate's messages,
//! the workbook's stored results); `template` gives the same template as literal pieces and
//! slots, so that the workbook can build the sentence by formula concatenation from live
//! figures and show the same words.
//!
//! Welsh: none of these sentences has a Welsh version in the strings tables yet, so Welsh asks
//! get the English template with `translated: false`, for a renderer to mark and for the
//! translator to supply (a Welsh entry goes in `WELSH` below; nothing here is invented).

use pmf_ir::{Ir, Lang, Op, Rule, RuleKind, ValueType};

/// The kind of sentence a rule fails with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// The value is not a valid figure (`value` rules); `whole` for whole numbers.
    Value {
        whole: bool,
    },
    /// Neither a figure nor a status is given (`required`).
    Required,
    /// The items do not add up to their total (`partition`): several items, or one.
    ItemsAddUp,
    ItemAddsUp,
    /// The items add up to more than their total (`exclusive`): several items, or one.
    ItemsAtMost,
    ItemAtMost,
    /// A value is more than the value it is part of (`overlapping`, `within`, `subset`).
    PartOf,
    /// A value differs from the value it must equal (`equals`).
    Equals,
    /// A rule written in the spec, by its comparison.
    Compare(Op),
    /// A figure moved from last year's by more than its limit (`change`).
    Change,
    /// A stock does not balance with last year's and the year's flows (`balance`).
    Balance,
}

impl Shape {
    /// The shape of a rule's sentence.
    pub fn of(rule: &Rule) -> Shape {
        let several = rule.lhs.len() > 1;
        match rule.kind {
            RuleKind::Value => Shape::Value {
                whole: rule.value_type != Some(ValueType::Decimal),
            },
            RuleKind::Required => Shape::Required,
            RuleKind::Partition if several => Shape::ItemsAddUp,
            RuleKind::Partition => Shape::ItemAddsUp,
            RuleKind::Exclusive if several => Shape::ItemsAtMost,
            RuleKind::Exclusive => Shape::ItemAtMost,
            RuleKind::Overlapping | RuleKind::Within | RuleKind::Subset => Shape::PartOf,
            RuleKind::Equals => Shape::Equals,
            RuleKind::Explicit => Shape::Compare(rule.op),
            RuleKind::Change => Shape::Change,
            RuleKind::Balance => Shape::Balance,
        }
    }

    /// Whether the sentence shows the two figures of a comparison.
    pub fn compares(self) -> bool {
        !matches!(self, Shape::Value { .. } | Shape::Required)
    }
}

/// Where the reader can explain a failing rule: the sentence's closing words differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Medium {
    /// The XLSX template: its Exceptions sheet, its Status column.
    Workbook,
    /// A report on a return (pmf validate): the return's exceptions, its status.
    Report,
}

/// A slot of a template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// The code the rule is about (the first item, for a run of items).
    Code,
    /// The last item of a run of items (`{code} to {last}`).
    Last,
    /// The figure of the code's side.
    Value,
    /// The code or sum it is compared with.
    Other,
    /// The figure of that side.
    OtherValue,
    /// The rule's id.
    Rule,
}

impl Slot {
    fn named(name: &str) -> Option<Slot> {
        Some(match name {
            "code" => Slot::Code,
            "last" => Slot::Last,
            "value" => Slot::Value,
            "other" => Slot::Other,
            "other_value" => Slot::OtherValue,
            "rule" => Slot::Rule,
            _ => return None,
        })
    }
}

/// A piece of a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bit {
    Text(String),
    Slot(Slot),
}

/// A sentence's template in one language, as pieces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    pub bits: Vec<Bit>,
    /// False when the language asked for has no wording yet and this is the English.
    pub translated: bool,
}

/// What fills the slots. Figures come as the reader should see them (the caller formats).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parts {
    pub code: String,
    pub last: String,
    pub value: String,
    pub other: String,
    pub other_value: String,
    pub rule: String,
}

impl Parts {
    /// The codes and id of a rule, as its sentence names them; the figures are left empty.
    pub fn of(ir: &Ir, rule: &Rule) -> Parts {
        let words = crate::Words::new(ir, Lang::En);
        let terms = |ts: &[pmf_ir::Term]| words.terms(ts).plain(ir, Lang::En);
        let (code, last) = match Shape::of(rule) {
            Shape::ItemsAddUp | Shape::ItemsAtMost => (
                rule.lhs.first().map(|t| t.code.clone()).unwrap_or_default(),
                rule.lhs.last().map(|t| t.code.clone()).unwrap_or_default(),
            ),
            _ => (terms(&rule.lhs), String::new()),
        };
        Parts {
            code,
            last,
            value: String::new(),
            other: terms(&rule.rhs),
            other_value: String::new(),
            rule: rule.id.clone(),
        }
    }

    /// The text of a slot.
    pub fn get(&self, slot: Slot) -> &str {
        match slot {
            Slot::Code => &self.code,
            Slot::Last => &self.last,
            Slot::Value => &self.value,
            Slot::Other => &self.other,
            Slot::OtherValue => &self.other_value,
            Slot::Rule => &self.rule,
        }
    }
}

/// What the figures say, per shape (English).
fn fact_en(shape: Shape) -> &'static str {
    match shape {
        Shape::Value { whole: true } => "{code} is not a whole number, 0 or more",
        Shape::Value { whole: false } => "{code} is not a number, 0 or more",
        Shape::Required => "{code} has no figure yet",
        Shape::ItemsAddUp => {
            "{code} to {last} add up to {value}, not to their total {other} ({other_value})"
        }
        Shape::ItemAddsUp => "{code} ({value}) is not its total {other} ({other_value})",
        Shape::ItemsAtMost => {
            "{code} to {last} add up to {value}, more than their total {other} ({other_value})"
        }
        Shape::ItemAtMost => "{code} ({value}) is more than its total {other} ({other_value})",
        Shape::PartOf => {
            "{code} ({value}) is more than {other} ({other_value}), which it is part of"
        }
        Shape::Equals => "{code} ({value}) is not equal to {other} ({other_value}), as it must be",
        Shape::Compare(op) => match op {
            Op::Le => "{code} ({value}) is more than {other} ({other_value})",
            Op::Lt => "{code} ({value}) is not less than {other} ({other_value})",
            Op::Ge => "{code} ({value}) is less than {other} ({other_value})",
            Op::Gt => "{code} ({value}) is not more than {other} ({other_value})",
            Op::Eq => "{code} ({value}) is not equal to {other} ({other_value})",
            Op::Ne => "{code} ({value}) is equal to {other} ({other_value})",
        },
        Shape::Change => "{code} is {value}, against {other_value} last year",
        Shape::Balance => {
            "{code} is {value}, but last year's figure with the year's flows ({other}) make {other_value}"
        }
    }
}

/// What to do about it, per shape and medium (English).
fn remedy_en(shape: Shape, medium: Medium) -> &'static str {
    match (shape, medium) {
        (Shape::Value { .. }, Medium::Workbook) => {
            "correct it, or leave it blank and choose a status (rule {rule})"
        }
        (Shape::Value { .. }, Medium::Report) => {
            "correct it, or leave it blank and give a status (rule {rule})"
        }
        (Shape::Required, Medium::Workbook) => "give it, or choose a status (rule {rule})",
        (Shape::Required, Medium::Report) => "give it, or a status that says why (rule {rule})",
        (Shape::Change, _) => "check it, and explain the change (rule {rule})",
        (_, Medium::Workbook) => {
            "correct one of them, or explain it on the Exceptions sheet (rule {rule})"
        }
        (_, Medium::Report) => {
            "correct one of them, or explain it as an exception in the return (rule {rule})"
        }
    }
}

/// What the figures say, per shape (Welsh).
fn fact_cy(shape: Shape) -> &'static str {
    match shape {
        Shape::Value { whole: true } => "Nid yw {code} yn rhif cyfan, 0 neu fwy",
        Shape::Value { whole: false } => "Nid yw {code} yn rhif, 0 neu fwy",
        Shape::Required => "Nid oes ffigur i {code} eto",
        Shape::ItemsAddUp => {
            "Mae {code} i {last} yn adio i {value}, nid i'w cyfanswm {other} ({other_value})"
        }
        Shape::ItemAddsUp => {
            "Nid yw {code} ({value}) yn hafal i'w gyfanswm {other} ({other_value})"
        }
        Shape::ItemsAtMost => {
            "Mae {code} i {last} yn adio i {value}, mwy na'u cyfanswm {other} ({other_value})"
        }
        Shape::ItemAtMost => "Mae {code} ({value}) yn fwy na'i gyfanswm {other} ({other_value})",
        Shape::PartOf => {
            "Mae {code} ({value}) yn fwy na {other} ({other_value}), y mae'n rhan ohono"
        }
        Shape::Equals => {
            "Nid yw {code} ({value}) yn hafal i {other} ({other_value}), fel y mae'n rhaid iddo fod"
        }
        Shape::Compare(op) => match op {
            Op::Le => "Mae {code} ({value}) yn fwy na {other} ({other_value})",
            Op::Lt => "Nid yw {code} ({value}) yn llai na {other} ({other_value})",
            Op::Ge => "Mae {code} ({value}) yn llai na {other} ({other_value})",
            Op::Gt => "Nid yw {code} ({value}) yn fwy na {other} ({other_value})",
            Op::Eq => "Nid yw {code} ({value}) yn hafal i {other} ({other_value})",
            Op::Ne => "Mae {code} ({value}) yn hafal i {other} ({other_value})",
        },
        Shape::Change => "Mae {code} yn {value}, o'i gymharu â {other_value} y llynedd",
        Shape::Balance => {
            "Mae {code} yn {value}, ond mae ffigur y llynedd gyda llifoedd y flwyddyn ({other}) yn gwneud {other_value}"
        }
    }
}

/// What to do about it, per shape and medium (Welsh; the workbook's sheet by its Welsh name,
/// as the Welsh workbook names it).
fn remedy_cy(shape: Shape, medium: Medium) -> &'static str {
    match (shape, medium) {
        (Shape::Value { .. }, Medium::Workbook) => {
            "cywirwch ef, neu gadewch ef yn wag a dewiswch statws (rheol {rule})"
        }
        (Shape::Value { .. }, Medium::Report) => {
            "cywirwch ef, neu gadewch ef yn wag a rhowch statws (rheol {rule})"
        }
        (Shape::Required, Medium::Workbook) => "rhowch ef, neu dewiswch statws (rheol {rule})",
        (Shape::Required, Medium::Report) => "rhowch ef, neu statws sy'n dweud pam (rheol {rule})",
        (Shape::Change, _) => "gwiriwch ef, ac eglurwch y newid (rheol {rule})",
        (_, Medium::Workbook) => {
            "cywirwch un ohonynt, neu eglurwch ef ar y daflen Eithriadau (rheol {rule})"
        }
        (_, Medium::Report) => {
            "cywirwch un ohonynt, neu eglurwch ef fel eithriad yn y ffurflen (rheol {rule})"
        }
    }
}

/// The template of a shape's sentence in `lang`: what the figures say, then what to do.
pub fn template(shape: Shape, medium: Medium, lang: Lang) -> Template {
    let text = match lang {
        Lang::En => format!("{}: {}", fact_en(shape), remedy_en(shape, medium)),
        Lang::Cy => format!("{}: {}", fact_cy(shape), remedy_cy(shape, medium)),
    };
    Template {
        bits: parse(&text),
        translated: true,
    }
}

/// A failing rule's sentence, filled in.
pub fn sentence(shape: Shape, medium: Medium, parts: &Parts, lang: Lang) -> String {
    let mut out = String::new();
    for b in template(shape, medium, lang).bits {
        match b {
            Bit::Text(t) => out.push_str(&t),
            Bit::Slot(s) => out.push_str(parts.get(s)),
        }
    }
    out
}

/// A template's text cut into text and slots; a brace that names no slot stays text.
fn parse(template: &str) -> Vec<Bit> {
    let mut out: Vec<Bit> = Vec::new();
    let mut text = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let slot = rest[open..]
            .find('}')
            .and_then(|close| Slot::named(&rest[open + 1..open + close]).map(|s| (s, close)));
        match slot {
            Some((s, close)) => {
                text.push_str(&rest[..open]);
                if !text.is_empty() {
                    out.push(Bit::Text(std::mem::take(&mut text)));
                }
                out.push(Bit::Slot(s));
                rest = &rest[open + close + 1..];
            }
            None => {
                text.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    text.push_str(rest);
    if !text.is_empty() {
        out.push(Bit::Text(text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHAPES: [Shape; 15] = [
        Shape::Value { whole: true },
        Shape::Value { whole: false },
        Shape::Required,
        Shape::ItemsAddUp,
        Shape::ItemAddsUp,
        Shape::ItemsAtMost,
        Shape::ItemAtMost,
        Shape::PartOf,
        Shape::Equals,
        Shape::Compare(Op::Le),
        Shape::Compare(Op::Lt),
        Shape::Compare(Op::Ge),
        Shape::Compare(Op::Gt),
        Shape::Compare(Op::Eq),
        Shape::Compare(Op::Ne),
    ];

    fn parts() -> Parts {
        Parts {
            code: "AD/007a".into(),
            last: "AD/007e".into(),
            value: "266".into(),
            other: "AD/006".into(),
            other_value: "16".into(),
            rule: "AD/007a.within".into(),
        }
    }

    #[test]
    fn a_part_that_exceeds_its_whole_reads_as_a_sentence_with_its_figures() {
        assert_eq!(
            sentence(Shape::PartOf, Medium::Workbook, &parts(), Lang::En),
            "AD/007a (266) is more than AD/006 (16), which it is part of: correct one of them, \
             or explain it on the Exceptions sheet (rule AD/007a.within)"
        );
        assert_eq!(
            sentence(Shape::ItemsAddUp, Medium::Report, &parts(), Lang::En),
            "AD/007a to AD/007e add up to 266, not to their total AD/006 (16): correct one of \
             them, or explain it as an exception in the return (rule AD/007a.within)"
        );
    }

    #[test]
    fn every_shape_names_its_rule_and_its_figures_and_no_slot_is_left_unfilled() {
        for shape in SHAPES {
            for medium in [Medium::Workbook, Medium::Report] {
                let t = template(shape, medium, Lang::En);
                let slots: Vec<Slot> = t
                    .bits
                    .iter()
                    .filter_map(|b| match b {
                        Bit::Slot(s) => Some(*s),
                        Bit::Text(_) => None,
                    })
                    .collect();
                assert!(slots.contains(&Slot::Code), "{shape:?}");
                assert!(slots.contains(&Slot::Rule), "{shape:?}");
                assert_eq!(
                    slots.contains(&Slot::Value) && slots.contains(&Slot::OtherValue),
                    shape.compares(),
                    "{shape:?}"
                );
                let s = sentence(shape, medium, &parts(), Lang::En);
                assert!(!s.contains('{') && !s.contains('}'), "{s}");
                // Not the rule jargon of old ("fails by", a bare rule id up front).
                assert!(!s.contains("fails by") && !s.starts_with("AD/007a."), "{s}");
            }
        }
    }

    #[test]
    fn every_sentence_has_its_welsh_with_the_same_slots() {
        let slots = |t: &Template| {
            let mut v: Vec<String> = t
                .bits
                .iter()
                .filter_map(|b| match b {
                    Bit::Slot(s) => Some(format!("{s:?}")),
                    Bit::Text(_) => None,
                })
                .collect();
            v.sort();
            v
        };
        let shapes = [
            Shape::Value { whole: true },
            Shape::Value { whole: false },
            Shape::Required,
            Shape::ItemsAddUp,
            Shape::ItemAddsUp,
            Shape::ItemsAtMost,
            Shape::ItemAtMost,
            Shape::PartOf,
            Shape::Equals,
            Shape::Change,
            Shape::Balance,
        ]
        .into_iter()
        .chain(
            [Op::Le, Op::Lt, Op::Ge, Op::Gt, Op::Eq, Op::Ne]
                .into_iter()
                .map(Shape::Compare),
        );
        for shape in shapes {
            for medium in [Medium::Workbook, Medium::Report] {
                let cy = template(shape, medium, Lang::Cy);
                let en = template(shape, medium, Lang::En);
                assert!(cy.translated && en.translated);
                assert_ne!(cy.bits, en.bits, "{shape:?} {medium:?}");
                assert_eq!(slots(&cy), slots(&en), "{shape:?} {medium:?}");
            }
        }
    }

    #[test]
    fn a_brace_that_names_no_slot_is_text() {
        assert_eq!(
            parse("a {b} {code}"),
            vec![Bit::Text("a {b} ".into()), Bit::Slot(Slot::Code)]
        );
    }
}
