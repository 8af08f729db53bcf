//! Runs every rule of the IR over a submission, the built-in backend of the one definition in
//! `compiler/doc/validation.md`, and computes indicators.
//!
//! Invariant: a comparison rule is evaluated only when every operand is usable (exactly one row,
//! a valid figure); otherwise it gives no finding, and the operand's own `value` or `required`
//! rule says what is wrong. The generated SQL, Python and XLSX formulas follow the same steps.

use super::submission::{Entry, Place, Raw, Site, Submission};
use super::values::{self, show};
use pmf_ir::authorities;
use pmf_ir::ValueType;
use pmf_ir::{self as ir, Ir, Op, RuleKind, RuleSeverity};
use serde::Serialize;
use std::collections::BTreeMap;

/// The longest explanation of an exception carried by the findings it explains, in characters.
pub const MAX_EXPLANATION: usize = 2000;

/// One thing wrong with a submission.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// The rule id (`AD/004.partition`) or, for a problem of the input, `input.*`.
    pub rule: String,
    pub kind: FindingKind,
    pub severity: RuleSeverity,
    /// The rule's message.
    pub message: String,
    /// What this submission did: "the items add up to 95, AD/001 is 100: 5 short".
    pub detail: String,
    /// Where to look: the cells or lines of the values involved.
    pub sites: Vec<Site>,
    pub values: Vec<Operand>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lhs: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rhs: Option<f64>,
    /// lhs − rhs, by how much the rule fails.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imbalance: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excepted: Option<Excepted>,
}

/// What a finding is about: a rule of the IR, or the input itself (`input.*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FindingKind {
    Rule(RuleKind),
    Input,
}

impl FindingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Rule(k) => k.as_str(),
            FindingKind::Input => "input",
        }
    }
}

impl Serialize for FindingKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Operand {
    pub code: String,
    pub value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<Site>,
    /// The figure is last year's (read from the return given with `--previous`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub last_year: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Excepted {
    pub explanation: String,
    pub site: Site,
}

/// The result of an indicator for one submission.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorValue {
    pub code: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    pub unit: String,
    /// Inputs without a usable value, when the result is missing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// Set when a denominator is zero.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub undefined: bool,
}

/// Last year's return as this edition's figures: each code's figure and where it was read, or
/// why it has none.
#[derive(Clone, Debug, Default)]
pub struct LastYear {
    pub figures: BTreeMap<String, (f64, Site)>,
    pub missing: BTreeMap<String, String>,
}

/// A rule with its operands resolved to data item indices.
struct Planned {
    rule: usize,
    /// For `value` and `required` rules.
    target: Option<usize>,
    lhs: Vec<(Option<usize>, f64)>,
    rhs: Vec<(Option<usize>, f64)>,
}

/// What a row's code names.
#[derive(Clone, Copy, PartialEq)]
enum Named {
    /// The data item at this index of the IR.
    Item(usize),
    Population,
    Unknown,
}

/// The rules of one IR, prepared once and applied to any number of submissions.
pub struct Engine<'a> {
    pub ir: &'a Ir,
    index: BTreeMap<&'a str, usize>,
    /// Each code a row can give (data items and populations), for the look-up of every row:
    /// a hash look-up where the ordered map compared a code ten times (the check of a million
    /// rows spent a tenth of its time comparing codes). Only looked up, never walked, so its
    /// order cannot reach any output.
    #[allow(clippy::disallowed_types)]
    named: std::collections::HashMap<&'a str, Named>,
    rules: Vec<Planned>,
    statuses: String,
    /// The fixed wording of messages, in the language of the run.
    words: pmf_words::Table,
    /// Per rule of the IR, its message (pmf-words).
    messages: Vec<String>,
    /// Per indicator, the unit of its result in words, or empty.
    units: Vec<String>,
}

/// The rows of each data item in one submission, in file order: item `i`'s rows are
/// `rows[start[i]..start[i + 1]]` (one list for all the items, not a list per item: a million
/// rows made a million small lists).
struct Slots {
    start: Vec<usize>,
    rows: Vec<usize>,
}

impl Slots {
    fn of(items: usize, named: &[Named]) -> Slots {
        let mut start = vec![0usize; items + 1];
        for n in named {
            if let Named::Item(i) = *n {
                start[i + 1] += 1;
            }
        }
        for i in 0..items {
            start[i + 1] += start[i];
        }
        let mut next = start.clone();
        let mut rows = vec![0usize; start[items]];
        for (ei, n) in named.iter().enumerate() {
            if let Named::Item(i) = *n {
                rows[next[i]] = ei;
                next[i] += 1;
            }
        }
        Slots { start, rows }
    }

    fn len(&self) -> usize {
        self.start.len() - 1
    }

    /// The rows (indices into the submission's entries) of data item `i`.
    fn rows(&self, i: usize) -> &[usize] {
        &self.rows[self.start[i]..self.start[i + 1]]
    }
}

impl<'a> Engine<'a> {
    /// The engine, with messages in English.
    pub fn new(ir: &'a Ir) -> Engine<'a> {
        Engine::in_lang(ir, ir::Lang::En)
    }

    /// The engine, with messages in `lang` (the rules' messages, the units and every fixed
    /// wording; spec texts without Welsh stay in English).
    pub fn in_lang(ir: &'a Ir, lang: ir::Lang) -> Engine<'a> {
        let index: BTreeMap<&str, usize> = ir
            .data_items
            .iter()
            .enumerate()
            .map(|(i, d)| (d.code.as_str(), i))
            .collect();
        let rules = ir
            .rules
            .iter()
            .enumerate()
            .map(|(ri, r)| {
                let (l, rr) = values::expanded_sides(ir, r);
                let res = |ts: Vec<ir::Term>| -> Vec<(Option<usize>, f64)> {
                    ts.iter()
                        .map(|t| (index.get(t.code.as_str()).copied(), t.coef))
                        .collect()
                };
                let target = match r.kind.is_about_one_value() {
                    true => r
                        .lhs
                        .first()
                        .and_then(|t| index.get(t.code.as_str()).copied()),
                    false => None,
                };
                Planned {
                    rule: ri,
                    target,
                    lhs: res(l),
                    rhs: res(rr),
                }
            })
            .collect();
        let statuses = ir
            .missing_statuses
            .iter()
            .map(|s| s.label.get(lang).to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let words = pmf_words::Words::new(ir, lang);
        let messages = ir.rules.iter().map(|r| words.rule_text(r)).collect();
        let units = ir
            .indicators
            .iter()
            .map(|i| {
                words
                    .result_unit(i)
                    .map(|u| u.plain(ir, lang))
                    .unwrap_or_default()
            })
            .collect();
        #[allow(clippy::disallowed_types)]
        let mut named: std::collections::HashMap<&str, Named> = ir
            .populations
            .iter()
            .map(|p| (p.id.as_str(), Named::Population))
            .collect();
        // A data item wins over a population of the same name, as `slots` and `is_population`
        // were asked in that order.
        named.extend(index.iter().map(|(&c, &i)| (c, Named::Item(i))));
        Engine {
            ir,
            index,
            named,
            rules,
            statuses,
            words: pmf_words::Table::messages(lang),
            messages,
            units,
        }
    }

    pub fn is_population(&self, code: &str) -> bool {
        self.ir.populations.iter().any(|p| p.id == code)
    }

    /// The usable figure of each data item (None when blank, text, invalid or duplicated).
    fn usable(&self, sub: &Submission, slots: &Slots) -> Vec<Option<f64>> {
        (0..slots.len())
            .map(|i| match slots.rows(i) {
                [one] => match sub.entries[*one].raw {
                    Raw::Number(v) if values::is_valid(v, self.ir.data_items[i].value_type) => {
                        Some(v)
                    }
                    _ => None,
                },
                _ => None,
            })
            .collect()
    }

    /// What each row's code names, in the order of the rows.
    fn named(&self, sub: &Submission) -> Vec<Named> {
        sub.entries
            .iter()
            .map(|e| {
                self.named
                    .get(e.code.as_str())
                    .copied()
                    .unwrap_or(Named::Unknown)
            })
            .collect()
    }

    fn slots(&self, sub: &Submission) -> Slots {
        Slots::of(self.ir.data_items.len(), &self.named(sub))
    }

    /// Every finding for one submission, in a stable order: problems of the input first, then
    /// the rules in the IR's order. Exceptions are applied.
    pub fn check(&self, sub: &Submission) -> Vec<Finding> {
        let mut out = self.check_rules(sub, &self.named(sub));
        self.apply_exceptions(sub, &mut out);
        out
    }

    /// As `check`, with the year-on-year rules checked against last year's figures when they
    /// are given; also gives a note for each year-on-year rule not checked, with the reason.
    pub fn check_with_last_year(
        &self,
        sub: &Submission,
        last: Option<&LastYear>,
    ) -> (Vec<Finding>, Vec<String>) {
        // What each row names, found once for both kinds of rule.
        let named = self.named(sub);
        let mut out = self.check_rules(sub, &named);
        let notes = match last {
            Some(last) => {
                let (f, n) = self.check_years(sub, last, &named);
                out.extend(f);
                n
            }
            None => Vec::new(),
        };
        self.apply_exceptions(sub, &mut out);
        (out, notes)
    }

    /// Every finding of the rules of one return, before exceptions.
    fn check_rules(&self, sub: &Submission, named: &[Named]) -> Vec<Finding> {
        let ir = self.ir;
        let mut out = self.input_findings(sub, named);
        let slots = Slots::of(ir.data_items.len(), named);
        let usable = self.usable(sub, &slots);
        let site_of = |i: usize| -> Option<Site> {
            slots.rows(i).first().map(|&r| sub.entries[r].site.clone())
        };
        for p in &self.rules {
            let rule = &ir.rules[p.rule];
            let base = |detail: String, sites: Vec<Site>, values: Vec<Operand>| Finding {
                rule: rule.id.clone(),
                kind: FindingKind::Rule(rule.kind),
                severity: rule.severity,
                message: self.messages[p.rule].clone(),
                detail,
                sites,
                values,
                lhs: None,
                rhs: None,
                imbalance: None,
                excepted: None,
            };
            match rule.kind {
                // Read with last year's return: `check_years`.
                RuleKind::Change | RuleKind::Balance => continue,
                RuleKind::Value => {
                    let Some(i) = p.target else { continue };
                    let vt = ir.data_items[i].value_type;
                    for &r in slots.rows(i) {
                        let e = &sub.entries[r];
                        let why = match &e.raw {
                            Raw::Blank => continue,
                            Raw::Text(t) if says_no_figure(ir, t) => self.words.fill(
                                "value.says_no_figure",
                                &[("text", &quoted(t)), ("statuses", &self.statuses)],
                            ),
                            Raw::Text(t) => self
                                .words
                                .fill("value.not_a_number", &[("text", &quoted(t))]),
                            Raw::Number(v) if values::is_valid(*v, vt) => continue,
                            Raw::Number(v) => values::why_invalid_in(*v, vt, &self.words),
                        };
                        let why = match vt {
                            ValueType::Whole => why,
                            ValueType::Decimal => {
                                self.words.fill("value.decimal_allowed", &[("why", &why)])
                            }
                        };
                        out.push(base(
                            why,
                            vec![e.site.clone()],
                            vec![Operand {
                                code: e.code.clone(),
                                value: None,
                                site: Some(e.site.clone()),
                                last_year: false,
                            }],
                        ));
                    }
                }
                RuleKind::Required => {
                    let Some(i) = p.target else { continue };
                    let rows: Vec<&Entry> =
                        slots.rows(i).iter().map(|&r| &sub.entries[r]).collect();
                    let given = rows.iter().any(|e| e.raw != Raw::Blank);
                    let explained = rows.iter().any(|e| {
                        e.status
                            .as_deref()
                            .is_some_and(|s| values::status(ir, s).is_some())
                    });
                    if given || explained {
                        continue;
                    }
                    let code = &ir.data_items[i].code;
                    let bad_status = rows
                        .iter()
                        .find_map(|e| e.status.as_deref().filter(|s| !values::trim(s).is_empty()));
                    let (detail, site) = match (rows.first(), bad_status) {
                        (None, _) => (
                            match sub.absent_by_part.values().next() {
                                Some(_) => self
                                    .words
                                    .fill("required.no_row_workbook", &[("code", code)]),
                                None => self.words.fill("required.no_row", &[("code", code)]),
                            },
                            ir.data_items[i]
                                .part
                                .as_ref()
                                .and_then(|p| sub.absent_by_part.get(p))
                                .unwrap_or(&sub.absent_site)
                                .clone(),
                        ),
                        (Some(e), Some(s)) => (
                            self.words.fill(
                                "required.bad_status",
                                &[("status", &quoted(s)), ("statuses", &self.statuses)],
                            ),
                            e.site.clone(),
                        ),
                        (Some(e), None) => (
                            self.words
                                .fill("required.nothing", &[("statuses", &self.statuses)]),
                            e.site.clone(),
                        ),
                    };
                    out.push(base(
                        detail,
                        vec![site.clone()],
                        vec![Operand {
                            code: code.clone(),
                            value: None,
                            site: Some(site),
                            last_year: false,
                        }],
                    ));
                }
                _ => {
                    let all = p.lhs.iter().chain(p.rhs.iter());
                    let mut ok = true;
                    for (i, _) in all.clone() {
                        ok &= i.is_some_and(|i| usable[i].is_some());
                    }
                    if !ok {
                        continue;
                    }
                    let sum = |side: &[(Option<usize>, f64)]| -> f64 {
                        side.iter()
                            .map(|(i, c)| c * i.and_then(|i| usable[i]).unwrap_or(0.0))
                            .fold(0.0, |a, b| a + b)
                    };
                    let (l, r) = (sum(&p.lhs), sum(&p.rhs));
                    if rule.op.holds(l, r, rule.tolerance) {
                        continue;
                    }
                    let mut sites = Vec::new();
                    let mut operands = Vec::new();
                    for (i, _) in all {
                        let i = i.unwrap_or_default();
                        let site = site_of(i);
                        if let Some(s) = &site {
                            if !sites.contains(s) {
                                sites.push(s.clone());
                            }
                        }
                        operands.push(Operand {
                            code: ir.data_items[i].code.clone(),
                            value: usable[i],
                            site,
                            last_year: false,
                        });
                    }
                    let mut f = base(imbalance_words(rule, l, r, &self.words), sites, operands);
                    f.lhs = Some(l);
                    f.rhs = Some(r);
                    f.imbalance = Some(l - r);
                    out.push(f);
                }
            }
        }
        out
    }

    /// Last year's return read as this edition's figures. A return of the edition this one
    /// supersedes (its year is before this edition's first) is read through the editions'
    /// time series (`was` chains): a code takes the sum of the codes it continues there, and a
    /// code whose series starts in this edition (new, or counting something else) has no
    /// figure last year, with the reason.
    pub fn last_year(&self, prev: &Submission) -> LastYear {
        let ir = self.ir;
        // Each code's figure in the file: one row holding a valid figure.
        let mut rows: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
        for e in &prev.entries {
            rows.entry(e.code.as_str()).or_default().push(e);
        }
        // A figure valid for the code's value type in this edition (as any return's), or for
        // any figure in an older edition's return.
        let figure = |code: &str| -> Result<(f64, Site), String> {
            let vt = self
                .index
                .get(code)
                .map_or(ValueType::Decimal, |&i| ir.data_items[i].value_type);
            match rows.get(code).map(|v| v.as_slice()) {
                Some([e]) => match e.raw {
                    Raw::Number(v) if values::is_valid(v, vt) => Ok((v, e.site.clone())),
                    _ => Err(self.words.fill("yoy.no_figure", &[("code", code)])),
                },
                Some(_) => Err(self.words.fill("yoy.more_than_once", &[("code", code)])),
                None => Err(self.words.fill("yoy.no_row", &[("code", code)])),
            }
        };
        let period = values::trim(&prev.period);
        let older = ir
            .older()
            .filter(|(_, first)| is_period(period) && period < *first)
            .map(|(old, _)| old);
        let mut out = LastYear::default();
        for d in &ir.data_items {
            let got = match older {
                None => figure(&d.code),
                Some(old) => match ir.continues_in(&d.code, old) {
                    None => Err(self.words.fill(
                        "yoy.new_meaning",
                        &[("code", &d.code), ("edition", &ir.edition.id), ("old", old)],
                    )),
                    Some(codes) => {
                        let mut sum = 0.0;
                        let mut site = None;
                        let mut err = None;
                        for c in codes {
                            match figure(c) {
                                Ok((v, s)) => {
                                    sum += v;
                                    site.get_or_insert(s);
                                }
                                Err(e) => {
                                    err.get_or_insert(e);
                                }
                            }
                        }
                        match (err, site) {
                            (Some(e), _) => Err(e),
                            (None, Some(s)) => Ok((sum, s)),
                            (None, None) => Err(self
                                .words
                                .fill("yoy.no_continued", &[("code", &d.code), ("old", old)])),
                        }
                    }
                },
            };
            match got {
                Ok(v) => {
                    out.figures.insert(d.code.clone(), v);
                }
                Err(why) => {
                    out.missing.insert(d.code.clone(), why);
                }
            }
        }
        out
    }

    /// The findings of the year-on-year rules (`change`, `balance`) for a return and last
    /// year's, before exceptions, and a note for each rule not checked (with the reason).
    fn check_years(
        &self,
        sub: &Submission,
        last: &LastYear,
        named: &[Named],
    ) -> (Vec<Finding>, Vec<String>) {
        let ir = self.ir;
        let slots = Slots::of(ir.data_items.len(), named);
        let usable = self.usable(sub, &slots);
        let mut out = Vec::new();
        let mut notes = Vec::new();
        for (ri, rule) in ir.rules.iter().enumerate() {
            if !rule.kind.is_year_on_year() {
                continue;
            }
            let p = &self.rules[ri];
            let (_, last_terms) = values::expanded_sides(
                ir,
                &ir::Rule {
                    rhs: rule.last_year.clone(),
                    ..rule.clone()
                },
            );
            // This year's operands: every one must be usable, as for any comparison.
            let this: Option<Vec<(usize, f64)>> = p
                .lhs
                .iter()
                .chain(p.rhs.iter())
                .map(|(i, c)| i.filter(|i| usable[*i].is_some()).map(|i| (i, *c)))
                .collect();
            let Some(_) = this else { continue };
            let mut before = 0.0;
            let mut before_values = Vec::new();
            let mut why_not = None;
            for t in &last_terms {
                match last.figures.get(&t.code) {
                    Some((v, site)) => {
                        before += t.coef * v;
                        before_values.push(Operand {
                            code: t.code.clone(),
                            value: Some(*v),
                            site: Some(site.clone()),
                            last_year: true,
                        });
                    }
                    None => {
                        why_not = Some(last.missing.get(&t.code).cloned().unwrap_or_else(|| {
                            self.words.fill("yoy.no_row", &[("code", &t.code)])
                        }));
                        break;
                    }
                }
            }
            if let Some(why) = why_not {
                notes.push(
                    self.words
                        .fill("yoy.not_checked", &[("rule", &rule.id), ("why", &why)]),
                );
                continue;
            }
            let sum = |side: &[(Option<usize>, f64)]| -> f64 {
                side.iter()
                    .map(|(i, c)| c * i.and_then(|i| usable[i]).unwrap_or(0.0))
                    .fold(0.0, |a, b| a + b)
            };
            let (now, flows) = (sum(&p.lhs), sum(&p.rhs));
            let (fails, lhs, rhs, detail) = match (rule.kind, rule.change) {
                (RuleKind::Change, Some(limit)) => (
                    limit.breached(now, before),
                    now,
                    before,
                    change_words(rule, now, before, &self.words),
                ),
                _ => {
                    let expected = before + flows;
                    let (inflow, outflow) = p.rhs.iter().fold((0.0, 0.0), |(a, b), (i, c)| {
                        let v = c * i.and_then(|i| usable[i]).unwrap_or(0.0);
                        if *c < 0.0 {
                            (a, b - v)
                        } else {
                            (a + v, b)
                        }
                    });
                    (
                        !Op::Eq.holds(now, expected, rule.tolerance),
                        now,
                        expected,
                        balance_words(rule, now, before, inflow, outflow, &self.words),
                    )
                }
            };
            if !fails {
                continue;
            }
            let mut sites = Vec::new();
            let mut operands = Vec::new();
            for (i, _) in p.lhs.iter().chain(p.rhs.iter()) {
                let i = i.unwrap_or_default();
                let site = slots.rows(i).first().map(|&r| sub.entries[r].site.clone());
                if let Some(s) = &site {
                    if !sites.contains(s) {
                        sites.push(s.clone());
                    }
                }
                operands.push(Operand {
                    code: ir.data_items[i].code.clone(),
                    value: usable[i],
                    site,
                    last_year: false,
                });
            }
            operands.extend(before_values);
            out.push(Finding {
                rule: rule.id.clone(),
                kind: FindingKind::Rule(rule.kind),
                severity: rule.severity,
                message: self.messages[ri].clone(),
                detail,
                sites,
                values: operands,
                lhs: Some(lhs),
                rhs: Some(rhs),
                imbalance: Some(lhs - rhs),
                excepted: None,
            });
        }
        (out, notes)
    }

    fn input_findings(&self, sub: &Submission, named: &[Named]) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut push = |id: &str, warning: bool, message: String, detail: String, site: Site| {
            out.push(Finding {
                rule: id.to_string(),
                kind: FindingKind::Input,
                severity: if warning {
                    RuleSeverity::Warning
                } else {
                    RuleSeverity::Error
                },
                message,
                detail,
                sites: vec![site],
                values: Vec::new(),
                lhs: None,
                rhs: None,
                imbalance: None,
                excepted: None,
            });
        };
        // The authority and the period.
        let a = values::trim(&sub.authority);
        if a.is_empty() {
            push(
                "input.authority",
                false,
                self.words.get("input.no_authority"),
                self.words.get("input.no_authority_help"),
                sub.authority_site.clone(),
            );
        } else if authorities::by_code(a).is_none_or(|x| x.code != a) {
            let hint = match authorities::parse(a) {
                Some(x) => self.words.fill(
                    "input.authority_is",
                    &[("name", x.name_in(self.words.lang())), ("code", x.code)],
                ),
                None => self.words.get("input.authority_range"),
            };
            push(
                "input.authority",
                false,
                self.words
                    .fill("input.not_authority", &[("text", &quoted(a))]),
                hint,
                sub.authority_site.clone(),
            );
        }
        let p = values::trim(&sub.period);
        if !is_period(p) {
            push(
                "input.period",
                false,
                if p.is_empty() {
                    self.words.get("input.no_period")
                } else {
                    self.words.fill("input.not_period", &[("text", &quoted(p))])
                },
                self.words.get("input.period_help"),
                sub.period_site.clone(),
            );
        }
        for pr in &sub.problems {
            push(
                pr.id,
                pr.warning,
                pr.message.clone(),
                String::new(),
                pr.site.clone(),
            );
        }
        // Codes: unknown, duplicated.
        // The first row of each data item, and of each population by its code.
        let mut seen_item: Vec<Option<&Site>> = vec![None; self.ir.data_items.len()];
        let mut seen: BTreeMap<&str, &Site> = BTreeMap::new();
        for (e, &n) in sub.entries.iter().zip(named) {
            if n == Named::Unknown {
                let hint = self.suggest(&e.code);
                push(
                    "input.unknown_code",
                    false,
                    self.words
                        .fill("input.unknown_code", &[("text", &quoted(&e.code))]),
                    hint,
                    e.site.clone(),
                );
                continue;
            }
            let first = match n {
                Named::Item(i) => match seen_item[i] {
                    Some(first) => Some(first),
                    None => {
                        seen_item[i] = Some(&e.site);
                        None
                    }
                },
                _ => match seen.get(e.code.as_str()) {
                    Some(first) => Some(*first),
                    None => {
                        seen.insert(&e.code, &e.site);
                        None
                    }
                },
            };
            if let Some(first) = first {
                push(
                    "input.duplicate",
                    false,
                    self.words.fill("input.duplicate", &[("code", &e.code)]),
                    self.words.fill(
                        "input.duplicate_help",
                        &[("first", &first.to_string()), ("code", &e.code)],
                    ),
                    e.site.clone(),
                );
            }
            if self.is_population(&e.code) {
                let ok = matches!(e.raw, Raw::Number(v) if values::is_valid(v, ValueType::Decimal))
                    || e.raw == Raw::Blank;
                if !ok {
                    push(
                        "input.population",
                        false,
                        self.words.fill("input.population", &[("code", &e.code)]),
                        self.words
                            .fill("input.it_holds", &[("text", &quoted(&e.raw.to_text()))]),
                        e.site.clone(),
                    );
                }
            }
            if e.raw != Raw::Blank
                && e.status
                    .as_deref()
                    .is_some_and(|s| !values::trim(s).is_empty())
            {
                push(
                    "input.value_and_status",
                    true,
                    self.words
                        .fill("input.value_and_status", &[("code", &e.code)]),
                    self.words.get("input.value_and_status_help"),
                    e.site.clone(),
                );
            }
        }
        out
    }

    fn suggest(&self, code: &str) -> String {
        if let Some(d) = self
            .ir
            .data_items
            .iter()
            .find(|d| d.code.eq_ignore_ascii_case(code))
        {
            return self.words.fill("suggest.case", &[("code", &d.code)]);
        }
        let up = code.to_ascii_uppercase();
        if let Some(m) = self.ir.metric(code) {
            if !m.items.is_empty() {
                return self.words.fill(
                    "suggest.items",
                    &[
                        ("code", code),
                        (
                            "first",
                            m.items.first().map(|i| i.code.as_str()).unwrap_or_default(),
                        ),
                    ],
                );
            }
        }
        let best = self
            .ir
            .data_items
            .iter()
            .map(|d| (strsim::levenshtein(&d.code, &up), &d.code))
            .min();
        match best {
            Some((d, c)) if d <= 2 => self.words.fill("suggest.did_you_mean", &[("code", c)]),
            _ => self.words.get("suggest.check_code"),
        }
    }

    fn apply_exceptions(&self, sub: &Submission, findings: &mut Vec<Finding>) {
        let mut notes = Vec::new();
        for x in &sub.exceptions {
            let rule = values::trim(&x.rule);
            if !self.ir.rules.iter().any(|r| r.id == rule) {
                let best = self
                    .ir
                    .rules
                    .iter()
                    .map(|r| (strsim::levenshtein(&r.id, rule), &r.id))
                    .min()
                    .filter(|(d, _)| *d <= 3)
                    .map(|(_, id)| self.words.fill("suggest.did_you_mean", &[("code", id)]))
                    .unwrap_or_else(|| self.words.get("exception.rule_example"));
                notes.push((
                    x,
                    self.words
                        .fill("exception.no_rule", &[("rule", &quoted(rule))]),
                    best,
                ));
                continue;
            }
            if values::trim(&x.explanation).is_empty() {
                notes.push((
                    x,
                    self.words
                        .fill("exception.no_explanation", &[("rule", rule)]),
                    self.words.get("exception.no_explanation_help"),
                ));
                continue;
            }
            let mut used = false;
            // Each finding it explains carries the explanation: a long one is cut, or one
            // explanation for a rule a thousand duplicated rows fail would be a thousand copies.
            let explanation: String = if x.explanation.chars().count() > MAX_EXPLANATION {
                x.explanation
                    .chars()
                    .take(MAX_EXPLANATION)
                    .chain(['…'])
                    .collect()
            } else {
                x.explanation.clone()
            };
            for f in findings
                .iter_mut()
                .filter(|f| f.rule == rule && f.excepted.is_none())
            {
                f.excepted = Some(super::engine::Excepted {
                    explanation: explanation.clone(),
                    site: x.site.clone(),
                });
                used = true;
            }
            if !used {
                notes.push((
                    x,
                    self.words.fill("exception.not_needed", &[("rule", rule)]),
                    self.words.get("exception.not_needed_help"),
                ));
            }
        }
        for (x, message, detail) in notes {
            findings.push(Finding {
                rule: "input.exception".into(),
                kind: FindingKind::Input,
                severity: RuleSeverity::Warning,
                message,
                detail,
                sites: vec![x.site.clone()],
                values: Vec::new(),
                lhs: None,
                rhs: None,
                imbalance: None,
                excepted: None,
            });
        }
    }

    /// Every indicator for one submission.
    pub fn indicators(&self, sub: &Submission) -> Vec<IndicatorValue> {
        let slots = self.slots(sub);
        let usable = self.usable(sub, &slots);
        let value = |name: &str| -> Option<f64> {
            if let Some(&i) = self.index.get(name) {
                return usable[i];
            }
            if self.is_population(name) {
                let rows: Vec<&Entry> = sub.entries.iter().filter(|e| e.code == name).collect();
                return match rows.as_slice() {
                    [one] => match one.raw {
                        Raw::Number(v) if values::is_valid(v, ValueType::Decimal) => Some(v),
                        _ => None,
                    },
                    _ => None,
                };
            }
            let items = self.ir.expand(name);
            if items.is_empty() {
                return None;
            }
            items
                .iter()
                .map(|c| self.index.get(c.as_str()).and_then(|&i| usable[i]))
                .sum()
        };
        self.ir
            .indicators
            .iter()
            .zip(&self.units)
            .map(|(ind, unit)| {
                let r = ind.formula.eval(&value);
                let (v, missing, undefined) = match r {
                    Ok(v) => (Some(ir::eval::round(v, ind.decimals)), Vec::new(), false),
                    Err(ir::eval::EvalError::Missing(m)) => (None, m, false),
                    Err(ir::eval::EvalError::DivisionByZero) => (None, Vec::new(), true),
                };
                IndicatorValue {
                    code: ind.code.clone(),
                    title: ind.title.en.clone(),
                    value: v,
                    unit: unit.clone(),
                    missing,
                    undefined,
                }
            })
            .collect()
    }
}

/// A financial year written like 2020-21.
/// Whether a value cell's text is a way of saying there is no figure ("n/a", "-", "unknown",
/// or a status written in the value's place), for which the help is the status, not digits.
pub fn says_no_figure(ir: &Ir, text: &str) -> bool {
    const WORDS: [&str; 16] = [
        "n/a",
        "na",
        "n.a.",
        "n.a",
        "-",
        "--",
        "\u{2013}",
        "\u{2014}",
        "unknown",
        "not known",
        "none",
        "nil",
        "x",
        "..",
        "tbc",
        "not available",
    ];
    let folded = values::fold(text);
    WORDS.contains(&folded.as_str()) || values::status(ir, text).is_some()
}

/// The financial year before `p` ("2020-21" → "2019-20"), when `p` is one.
pub fn year_before(p: &str) -> Option<String> {
    if !is_period(p) {
        return None;
    }
    let start: u32 = p[..4].parse().ok()?;
    let y = start.checked_sub(1)?;
    Some(format!("{y}-{:02}", (y + 1) % 100))
}

pub fn is_period(p: &str) -> bool {
    let b = p.as_bytes();
    if b.len() != 7
        || b[4] != b'-'
        || !p[..4]
            .bytes()
            .chain(p[5..].bytes())
            .all(|c| c.is_ascii_digit())
    {
        return false;
    }
    let (y, n) = (
        p[..4].parse::<u32>().unwrap_or(0),
        p[5..].parse::<u32>().unwrap_or(99),
    );
    (y + 1) % 100 == n
}

/// "CH/026 is 160, against 120 last year: up 40 (33.3%)".
fn change_words(rule: &ir::Rule, now: f64, before: f64, words: &pmf_words::Table) -> String {
    let code = rule
        .lhs
        .iter()
        .map(|t| t.code.as_str())
        .collect::<Vec<_>>()
        .join(" + ");
    let d = now - before;
    let dir = words.get(if d >= 0.0 { "yoy.up" } else { "yoy.down" });
    let pct = if before != 0.0 {
        words.fill(
            "yoy.percent",
            &[(
                "percent",
                &show((d.abs() / before.abs() * 1000.0).round() / 10.0),
            )],
        )
    } else {
        String::new()
    };
    words.fill(
        "yoy.change",
        &[
            ("code", &code),
            ("now", &show(now)),
            ("before", &show(before)),
            ("direction", &dir),
            ("difference", &show(d.abs())),
            ("percent", &pct),
        ],
    )
}

/// "last year's CH/026 (100), plus 169 in (CH/023a to CH/023i), minus 120 out (CH/036),
/// make 149; CH/026 is 36: 113 short".
fn balance_words(
    rule: &ir::Rule,
    now: f64,
    before: f64,
    inflow: f64,
    outflow: f64,
    words: &pmf_words::Table,
) -> String {
    let codes = |ts: Vec<&ir::Term>| match ts.as_slice() {
        [] => String::new(),
        [one] => one.code.clone(),
        [a, b] => format!("{} + {}", a.code, b.code),
        [a, .., b] => words.fill("yoy.codes_range", &[("first", &a.code), ("last", &b.code)]),
    };
    let ins = codes(rule.rhs.iter().filter(|t| t.coef > 0.0).collect());
    let outs = codes(rule.rhs.iter().filter(|t| t.coef < 0.0).collect());
    let mut s = words.fill(
        "yoy.balance_last",
        &[
            ("codes", &codes(rule.last_year.iter().collect())),
            ("value", &show(before)),
        ],
    );
    if !ins.is_empty() {
        s.push_str(&words.fill(
            "yoy.balance_in",
            &[("value", &show(inflow)), ("codes", &ins)],
        ));
    }
    if !outs.is_empty() {
        s.push_str(&words.fill(
            "yoy.balance_out",
            &[("value", &show(outflow)), ("codes", &outs)],
        ));
    }
    let expected = before + inflow - outflow;
    let d = now - expected;
    let how = words.get(if d > 0.0 { "yoy.too_many" } else { "yoy.short" });
    words.fill(
        "yoy.balance",
        &[
            ("sum", &s),
            ("expected", &show(expected)),
            ("code", &codes(rule.lhs.iter().collect())),
            ("now", &show(now)),
            ("difference", &show(d.abs())),
            ("how", &how),
        ],
    )
}

/// The words for how a comparison fails.
fn imbalance_words(rule: &ir::Rule, l: f64, r: f64, words: &pmf_words::Table) -> String {
    let side = |terms: &[ir::Term]| -> String {
        match terms {
            [one] if one.coef == 1.0 => one.code.clone(),
            _ if terms.len() > 3 && terms.iter().all(|t| t.coef == 1.0) => {
                format!("{} + ... + {}", terms[0].code, terms[terms.len() - 1].code)
            }
            _ => terms
                .iter()
                .enumerate()
                .map(|(k, t)| {
                    let sign = if t.coef < 0.0 {
                        " - "
                    } else if k == 0 {
                        ""
                    } else {
                        " + "
                    };
                    let c = t.coef.abs();
                    if c == 1.0 {
                        format!("{sign}{}", t.code)
                    } else {
                        format!("{sign}{} × {}", show(c), t.code)
                    }
                })
                .collect(),
        }
    };
    let (ls, rs) = (side(&rule.lhs), side(&rule.rhs));
    let d = show((l - r).abs());
    let difference = [("difference", d.as_str())];
    let how = match rule.op {
        Op::Eq if l > r => words.fill("imbalance.too_many", &difference),
        Op::Eq => words.fill("imbalance.short", &difference),
        Op::Le | Op::Lt => words.fill("imbalance.over", &difference),
        Op::Ge | Op::Gt => words.fill("imbalance.under", &difference),
        Op::Ne => words.get("imbalance.equal"),
    };
    let tol = if rule.tolerance > 0.0 {
        words.fill(
            "imbalance.tolerance",
            &[("tolerance", &show(rule.tolerance))],
        )
    } else {
        String::new()
    };
    format!("{ls} = {}, {rs} = {}: {how}{tol}", show(l), show(r))
}

/// A text quoted for a message, cut when long. Never a live formula: it is only ever shown.
pub fn quoted(s: &str) -> String {
    // Control characters (a line break inside quotes) are shown, not printed.
    let mut t: String = s
        .chars()
        .take(40)
        .map(|c| match c {
            '\n' => '↵',
            c if c.is_control() => '·',
            c => c,
        })
        .collect();
    if s.chars().count() > 40 {
        t.push('…');
    }
    format!("\u{201c}{t}\u{201d}")
}

/// The place where a data item's row is missing, for a workbook.
pub fn sheet_site(file: &str, sheet: &str) -> Site {
    Site::new(
        file,
        Place::Sheet {
            sheet: sheet.to_string(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        assert!(is_period("2020-21"));
        assert!(is_period("1999-00"));
        assert!(!is_period("2020-22"));
        assert!(!is_period("2020/21"));
        assert!(!is_period("2020-2021"));
        assert!(!is_period(""));
    }
}
