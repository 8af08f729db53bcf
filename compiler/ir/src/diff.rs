//! Differences between two editions: every change, each in one category, in the spirit of
//! buf's breaking-change categories:
//!
//! - `breaking_submission`: the template or the rules change (a code added, removed or
//!   renumbered; an item added, removed or re-lettered; value type, unit or flow/stock changed;
//!   a rule added or made stricter), so local authorities must change their extracts;
//! - `breaking_series`: a figure now counts something else (its unit, timing, cohort,
//!   population, definition or timescale changed; its code is used again for something else;
//!   its wording changed with nothing to show it counts the same), so last year's figure no
//!   longer compares;
//! - `documentation`: rationale, citations, notes, and wording that does not change what is
//!   counted.
//!
//! Reads two IRs only; which code continues which, and whether it counts the same, is
//! `continuity`'s judgement. A change is data (its kind, codes, old and new values, the reason
//! the spec gives); `pmf_words::changes` words it, and the renderers (`pmf-diff`, the
//! guidance) lay it out. The comparison is part of the IR crate because the IR records the
//! changes since the edition it supersedes (`Ir::changes`).

use crate::continuity::{self, Continuity, LinkKind};
use crate::{Indicator, Ir, Op, Rule, RuleSeverity, Text};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    BreakingSubmission,
    BreakingSeries,
    Documentation,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::BreakingSubmission => "breaking_submission",
            Category::BreakingSeries => "breaking_series",
            Category::Documentation => "documentation",
        }
    }
}

/// The kinds of change. Some appear in two categories (a unit change breaks both the
/// template and the series).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    MetricAdded,
    MetricRemoved,
    MetricRenumbered,
    /// An item continued as a metric (`was AD/002b`).
    MetricPromoted,
    /// A metric continued as an item.
    ItemDemoted,
    MetricMerged,
    MetricSplit,
    /// A code used again for something else (`reuses`).
    CodeReused,
    ItemAdded,
    ItemRemoved,
    ItemRelettered,
    /// A metric with items: whether its own total is reported.
    TotalChanged,
    ValueTypeChanged,
    UnitChanged,
    TimingChanged,
    CohortChanged,
    /// What the figure is a part of (`subset of`, `equals`, a breakdown's `of`).
    PopulationChanged,
    DefinitionChanged,
    TimescaleChanged,
    BreakdownChanged,
    /// The list entry an item stands for.
    EntryChanged,
    /// The wording now counts other words, and the spec does not say it counts the same.
    ContinuityUnproven,
    WordingChanged,
    RationaleChanged,
    CitationsChanged,
    NotesChanged,
    RuleAdded,
    RuleTightened,
    RuleRelaxed,
    /// A rule that checks something else: neither stricter nor looser.
    RuleChanged,
    RuleRemoved,
    IndicatorAdded,
    IndicatorRemoved,
    IndicatorChanged,
    /// The formula reads codes that now count something else.
    IndicatorInputsChanged,
    ErratumAdded,
}

impl ChangeKind {
    /// The stable name (`metric_renumbered`), as in JSON.
    pub fn as_str(self) -> &'static str {
        use ChangeKind::*;
        match self {
            MetricAdded => "metric_added",
            MetricRemoved => "metric_removed",
            MetricRenumbered => "metric_renumbered",
            MetricPromoted => "metric_promoted",
            ItemDemoted => "item_demoted",
            MetricMerged => "metric_merged",
            MetricSplit => "metric_split",
            CodeReused => "code_reused",
            ItemAdded => "item_added",
            ItemRemoved => "item_removed",
            ItemRelettered => "item_relettered",
            TotalChanged => "total_changed",
            ValueTypeChanged => "value_type_changed",
            UnitChanged => "unit_changed",
            TimingChanged => "timing_changed",
            CohortChanged => "cohort_changed",
            PopulationChanged => "population_changed",
            DefinitionChanged => "definition_changed",
            TimescaleChanged => "timescale_changed",
            BreakdownChanged => "breakdown_changed",
            EntryChanged => "entry_changed",
            ContinuityUnproven => "continuity_unproven",
            WordingChanged => "wording_changed",
            RationaleChanged => "rationale_changed",
            CitationsChanged => "citations_changed",
            NotesChanged => "notes_changed",
            RuleAdded => "rule_added",
            RuleTightened => "rule_tightened",
            RuleRelaxed => "rule_relaxed",
            RuleChanged => "rule_changed",
            RuleRemoved => "rule_removed",
            IndicatorAdded => "indicator_added",
            IndicatorRemoved => "indicator_removed",
            IndicatorChanged => "indicator_changed",
            IndicatorInputsChanged => "indicator_inputs_changed",
            ErratumAdded => "erratum_added",
        }
    }
}

/// One change. The values are data in the spec's own terms (a wording, `counts person`,
/// `stock at 31 March`, a rule as `AD/004a + AD/004b = AD/001`), never a sentence: words are
/// the renderers' (`describe` gives them in English).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub category: Category,
    pub kind: ChangeKind,
    /// The code in the new edition (the old code for something removed; the indicator's code,
    /// the erratum's id).
    pub code: String,
    /// The old codes it continues (several: their sum).
    pub from: Vec<String>,
    /// The value before, where the kind has one.
    pub old: Option<String>,
    /// The value now.
    pub new: Option<String>,
    /// The reason the spec gives: `reuses "..."` for a code used again, `same "..."` for a
    /// wording that still counts the same, an `allow` of a meaning change.
    pub reason: Option<Text>,
    /// For a rule: its id.
    pub rule: Option<String>,
}

impl Change {
    fn new(category: Category, kind: ChangeKind, code: &str) -> Change {
        Change {
            category,
            kind,
            code: code.to_string(),
            from: Vec::new(),
            old: None,
            new: None,
            reason: None,
            rule: None,
        }
    }

    fn with_from(mut self, from: &[String]) -> Change {
        self.from = from.to_vec();
        self
    }

    fn values(mut self, old: Option<String>, new: Option<String>) -> Change {
        self.old = old;
        self.new = new;
        self
    }

    /// The old codes as written: `AD/042 + AD/043`.
    pub fn from_text(&self) -> String {
        self.from.join(" + ")
    }
}

/// Every change from `old` to `new`, sorted by category, then code.
pub fn diff(old: &Ir, new: &Ir) -> Vec<Change> {
    changes(&continuity::continuity(old, new))
}

/// The changes of a continuity already worked out.
pub fn changes(c: &Continuity) -> Vec<Change> {
    use Category::*;
    let (old, new) = (c.old, c.new);
    let oi = continuity::Index::new(old);
    let ni = continuity::Index::new(new);
    let mut out: Vec<Change> = Vec::new();
    let parent_link = |code: &str| c.link(crate::code::metric_of_item(code));
    for l in &c.links {
        let Some(node) = ni.get(&l.code) else {
            continue;
        };
        let wording = || Some(node.wording().en.clone());
        let parent = if l.is_item {
            parent_link(&l.code)
        } else {
            None
        };
        if let Some(why) = &l.reused {
            // An item is reported with its metric.
            if !l.is_item {
                let old_wording = oi.get(&l.code).map(|n| n.wording().en.clone()).or_else(|| {
                    old.retired
                        .iter()
                        .find(|r| r.code == l.code)
                        .map(|r| r.wording.en.clone())
                });
                out.push(
                    Change::new(BreakingSubmission, ChangeKind::CodeReused, &l.code)
                        .values(old_wording.clone(), wording()),
                );
                let mut ch = Change::new(BreakingSeries, ChangeKind::CodeReused, &l.code)
                    .values(old_wording, wording());
                ch.reason = Some(why.clone());
                out.push(ch);
            }
        }
        let link_change = |cat, kind| Change::new(cat, kind, &l.code).with_from(&l.from);
        match l.kind {
            LinkKind::New if l.reused.is_some() => {}
            LinkKind::New => match parent {
                // The items of a new metric are new with it.
                Some(p) if p.kind == LinkKind::New => {}
                Some(_) if node_reserved(&node) => {}
                Some(_) => out.push(
                    Change::new(BreakingSubmission, ChangeKind::ItemAdded, &l.code)
                        .values(None, wording()),
                ),
                None => out.push(
                    Change::new(BreakingSubmission, ChangeKind::MetricAdded, &l.code)
                        .values(None, wording()),
                ),
            },
            LinkKind::Kept => {}
            LinkKind::Renumbered => {
                // An item of a renumbered metric goes with it.
                if !(l.is_item && parent.is_some_and(|p| p.kind == LinkKind::Renumbered)) {
                    out.push(link_change(
                        BreakingSubmission,
                        ChangeKind::MetricRenumbered,
                    ));
                }
            }
            LinkKind::Relettered => {
                out.push(link_change(BreakingSubmission, ChangeKind::ItemRelettered))
            }
            LinkKind::Promoted => {
                out.push(link_change(BreakingSubmission, ChangeKind::MetricPromoted))
            }
            LinkKind::Demoted => out.push(link_change(BreakingSubmission, ChangeKind::ItemDemoted)),
            LinkKind::Merged => out.push(link_change(BreakingSubmission, ChangeKind::MetricMerged)),
            LinkKind::Split => {
                out.push(link_change(BreakingSubmission, ChangeKind::MetricSplit));
                out.push(link_change(BreakingSeries, ChangeKind::MetricSplit));
            }
        }
        for ch in &l.changes {
            // A change of what the whole metric counts is reported once, on the metric.
            if let Some(p) = parent {
                if p.changes
                    .iter()
                    .any(|pc| pc.kind == ch.kind && pc.category == ch.category)
                {
                    continue;
                }
            }
            out.push(ch.clone());
        }
    }
    // Old codes nothing continues.
    for om in &old.metrics {
        let gone = |code: &str| c.fates(code).is_empty();
        let all_items_gone = om.items.iter().all(|i| gone(&i.code));
        if gone(&om.code) && all_items_gone {
            // A metric whose own figure was never reported, now reused for something else, is
            // reported by the reuse.
            let reused_as_new = c.link(&om.code).is_some_and(|l| l.reused.is_some());
            if !reused_as_new {
                out.push(
                    Change::new(BreakingSubmission, ChangeKind::MetricRemoved, &om.code)
                        .with_from(std::slice::from_ref(&om.code))
                        .values(Some(om.wording.en.clone()), None),
                );
            }
            continue;
        }
        for it in &om.items {
            if gone(&it.code) && it.reserved.is_none() {
                // An item whose code a reused metric now carries is reported by the reuse.
                if c.link(&it.code).is_some_and(|l| l.reused.is_some()) {
                    continue;
                }
                out.push(
                    Change::new(BreakingSubmission, ChangeKind::ItemRemoved, &it.code)
                        .with_from(std::slice::from_ref(&it.code))
                        .values(Some(it.wording.en.clone()), None),
                );
            }
        }
    }
    let renames = c.renames();
    compare_rules(c, &renames, &mut out);
    compare_indicators(c, &renames, &mut out);
    let old_errata: BTreeSet<&str> = old.errata.iter().map(|e| e.id.as_str()).collect();
    for e in &new.errata {
        if !old_errata.contains(e.id.as_str()) {
            out.push(
                Change::new(Documentation, ChangeKind::ErratumAdded, &e.id)
                    .values(None, Some(e.reason.en.clone())),
            );
        }
    }
    out.sort_by(|a, b| (a.category, &a.code, a.kind).cmp(&(b.category, &b.code, b.kind)));
    out.dedup();
    attach_allowed(&mut out, &new.allowed_warnings);
    out
}

/// Gives each change breaking for time series the reason with which its meaning change was
/// accepted (`allow PMF0113 "..."` on its metric), where it has no reason of its own.
pub fn attach_allowed(changes: &mut [Change], allowed: &[crate::AllowedWarning]) {
    let reasons: BTreeMap<&str, &str> = allowed
        .iter()
        .filter(|a| a.code == "PMF0113")
        .filter_map(|a| a.item.as_deref().map(|i| (i, a.reason.as_str())))
        .collect();
    for ch in changes.iter_mut() {
        if ch.category != Category::BreakingSeries || ch.reason.is_some() {
            continue;
        }
        let metric = crate::code::metric_of_item(&ch.code);
        if let Some(why) = reasons
            .get(ch.code.as_str())
            .or_else(|| reasons.get(metric))
        {
            ch.reason = Some(Text::plain(*why));
        }
    }
}

fn node_reserved(n: &continuity::Node) -> bool {
    matches!(n, continuity::Node::Item(_, i) if i.reserved.is_some())
}

/// A rule as a statement in the spec's terms: `AD/004a + AD/004b = AD/001 (error)`.
pub fn rule_statement(r: &Rule) -> String {
    let side = |t: &[crate::Term]| {
        let mut s = String::new();
        for (i, t) in t.iter().enumerate() {
            let c = t.coef;
            let sign = if c < 0.0 { "-" } else { "+" };
            if i > 0 {
                s.push_str(&format!(" {sign} "));
            } else if c < 0.0 {
                s.push('-');
            }
            if (c.abs() - 1.0).abs() > f64::EPSILON {
                s.push_str(&format!("{} × ", c.abs()));
            }
            s.push_str(&t.code);
        }
        if s.is_empty() {
            "0".into()
        } else {
            s
        }
    };
    let sev = r.severity.as_str();
    let within = if r.tolerance > 0.0 {
        format!(", within {}", r.tolerance)
    } else {
        String::new()
    };
    if let Some(c) = &r.change {
        return format!(
            "change of {} from last year more than {}% and at least {} ({sev})",
            side(&r.lhs),
            c.percent,
            c.at_least
        );
    }
    let mut rhs = side(&r.rhs);
    if !r.last_year.is_empty() {
        let last = format!("last year's {}", side(&r.last_year));
        rhs = if r.rhs.is_empty() {
            last
        } else if rhs.starts_with('-') {
            format!("{last} {rhs}")
        } else {
            format!("{last} + {rhs}")
        };
    }
    format!("{} {} {rhs} ({sev}{within})", side(&r.lhs), r.op.symbol(),)
}

/// How strict a severity is: a query asks for an explanation, a warning for a look, an error
/// for a correction.
fn severity_rank(s: RuleSeverity) -> u8 {
    match s {
        RuleSeverity::Query => 0,
        RuleSeverity::Warning => 1,
        RuleSeverity::Error => 2,
    }
}

/// A rule's terms, each side sorted, with its codes put back to the old edition's.
type RuleBody = (Vec<String>, Vec<String>);

/// A rule with its codes put back to the old edition's, for comparison: its id and its terms,
/// each side sorted.
fn rule_key(r: &Rule, renames: &BTreeMap<String, String>) -> (String, RuleBody) {
    let tr = |c: &str| renames.get(c).cloned().unwrap_or_else(|| c.to_string());
    let (id_code, rest) = r.id.split_once('.').unwrap_or((r.id.as_str(), ""));
    let id = if rest.is_empty() {
        tr(id_code)
    } else {
        format!("{}.{rest}", tr(id_code))
    };
    let side = |t: &[crate::Term]| {
        let mut v: Vec<String> = t
            .iter()
            .map(|t| format!("{}*{}", t.coef, tr(&t.code)))
            .collect();
        v.sort();
        v
    };
    let mut lhs = side(&r.lhs);
    // A year-on-year rule's limit and last-year terms are part of what it compares: a new
    // limit is a changed rule.
    if let Some(c) = &r.change {
        lhs.push(format!("change>{}%,>={}", c.percent, c.at_least));
    }
    if !r.last_year.is_empty() {
        lhs.push(format!("last_year:{}", side(&r.last_year).join("+")));
    }
    (id, (lhs, side(&r.rhs)))
}

/// The values of `a - b` for which `op` holds, as a set of the three signs (<0, 0, >0).
fn holds_for(op: Op) -> [bool; 3] {
    match op {
        Op::Lt => [true, false, false],
        Op::Le => [true, true, false],
        Op::Eq => [false, true, false],
        Op::Ge => [false, true, true],
        Op::Gt => [false, false, true],
        Op::Ne => [true, false, true],
    }
}

/// How strict `a` is against `b`: `Greater` when everything `a` accepts `b` accepts too (and
/// not the other way round), `None` when neither accepts all the other does.
fn strictness(a: Op, b: Op) -> Option<Ordering> {
    let (x, y) = (holds_for(a), holds_for(b));
    let a_in_b = x.iter().zip(&y).all(|(p, q)| !p || *q);
    let b_in_a = x.iter().zip(&y).all(|(p, q)| !q || *p);
    match (a_in_b, b_in_a) {
        (true, true) => Some(Ordering::Equal),
        (true, false) => Some(Ordering::Greater),
        (false, true) => Some(Ordering::Less),
        (false, false) => None,
    }
}

fn compare_rules(c: &Continuity, renames: &BTreeMap<String, String>, out: &mut Vec<Change>) {
    use Category::*;
    let (old, new) = (c.old, c.new);
    let identity = BTreeMap::new();
    let old_rules: BTreeMap<String, (&Rule, RuleBody)> = old
        .rules
        .iter()
        .map(|r| {
            let (id, body) = rule_key(r, &identity);
            (id, (r, body))
        })
        .collect();
    // A rule of a metric that continues nothing is new with its metric, not a change.
    let continues = |code: &str| {
        c.link(code)
            .is_some_and(|l| !matches!(l.kind, LinkKind::New | LinkKind::Split))
    };
    let mut seen = BTreeSet::new();
    for r in &new.rules {
        if r.kind.is_about_one_value() {
            continue;
        }
        let (id, body) = rule_key(r, renames);
        seen.insert(id.clone());
        let rule = |cat, kind, or: Option<&Rule>| {
            let mut ch = Change::new(cat, kind, &r.metric)
                .values(or.map(rule_statement), Some(rule_statement(r)));
            if let Some(or) = or {
                ch.from = vec![or.metric.clone()];
            }
            ch.rule = Some(r.id.clone());
            ch
        };
        match old_rules.get(&id) {
            None if !continues(&r.metric) => {}
            None => out.push(rule(BreakingSubmission, ChangeKind::RuleAdded, None)),
            Some((or, obody)) => {
                if *obody != body {
                    out.push(rule(BreakingSubmission, ChangeKind::RuleChanged, Some(or)));
                    continue;
                }
                // The same terms: stricter, looser, or neither, by the comparison, the
                // tolerance and the severity together.
                let op = strictness(r.op, or.op);
                let tol = or.tolerance.partial_cmp(&r.tolerance);
                let sev = severity_rank(r.severity).cmp(&severity_rank(or.severity));
                let all = [op, tol, Some(sev)];
                if all.iter().all(|o| *o == Some(Ordering::Equal)) {
                    continue;
                }
                let at_least = |want: Ordering| {
                    all.iter()
                        .all(|o| matches!(o, Some(x) if *x == want || *x == Ordering::Equal))
                };
                if at_least(Ordering::Greater) {
                    out.push(rule(
                        BreakingSubmission,
                        ChangeKind::RuleTightened,
                        Some(or),
                    ));
                } else if at_least(Ordering::Less) {
                    out.push(rule(Documentation, ChangeKind::RuleRelaxed, Some(or)));
                } else {
                    out.push(rule(BreakingSubmission, ChangeKind::RuleChanged, Some(or)));
                }
            }
        }
    }
    for (id, (or, _)) in &old_rules {
        if or.kind.is_about_one_value() || seen.contains(id) {
            continue;
        }
        // A rule of a metric nothing continues goes with the metric.
        if c.fates(&or.metric).is_empty() {
            continue;
        }
        let mut ch = Change::new(Documentation, ChangeKind::RuleRemoved, &or.metric)
            .with_from(std::slice::from_ref(&or.metric))
            .values(Some(rule_statement(or)), None);
        ch.rule = Some(or.id.clone());
        out.push(ch);
    }
}

fn compare_indicators(c: &Continuity, renames: &BTreeMap<String, String>, out: &mut Vec<Change>) {
    use Category::*;
    let (old, new) = (&c.old.indicators, &c.new.indicators);
    let by_code: BTreeMap<&str, &Indicator> = old.iter().map(|i| (i.code.as_str(), i)).collect();
    // The new formula with every renumbered code put back to its old code, one whole code at a
    // time (so AD/016 is never taken for the start of AD/016a).
    let translated = |f: &Indicator| {
        let text = &f.formula_text;
        let mut s = String::with_capacity(text.len());
        let mut at = 0;
        for (off, code) in crate::rich::code_mentions(text) {
            s.push_str(&text[at..off]);
            s.push_str(renames.get(&code).map_or(code.as_str(), |o| o.as_str()));
            at = off + code.len();
        }
        s.push_str(&text[at..]);
        s
    };
    for i in new {
        match by_code.get(i.code.as_str()) {
            None => out.push(
                Change::new(Documentation, ChangeKind::IndicatorAdded, &i.code)
                    .values(None, Some(i.title.en.clone())),
            ),
            Some(o) if o.formula_text != translated(i) => out.push(
                Change::new(BreakingSeries, ChangeKind::IndicatorChanged, &i.code)
                    .with_from(std::slice::from_ref(&o.code))
                    .values(Some(o.formula_text.clone()), Some(i.formula_text.clone())),
            ),
            Some(_) => {
                // The same formula, but an input no longer counts what it did.
                let broken: Vec<String> = i
                    .inputs
                    .iter()
                    .filter(|code| c.link(code).is_some_and(|l| !l.carries()))
                    .cloned()
                    .collect();
                if !broken.is_empty() {
                    out.push(
                        Change::new(BreakingSeries, ChangeKind::IndicatorInputsChanged, &i.code)
                            .with_from(&broken)
                            .values(None, Some(i.formula_text.clone())),
                    );
                }
            }
        }
    }
    let new_codes: BTreeSet<&str> = new.iter().map(|i| i.code.as_str()).collect();
    for o in old {
        if !new_codes.contains(o.code.as_str()) {
            out.push(
                Change::new(Documentation, ChangeKind::IndicatorRemoved, &o.code)
                    .with_from(std::slice::from_ref(&o.code))
                    .values(Some(o.title.en.clone()), None),
            );
        }
    }
}

/// Counts per category.
pub fn summary(changes: &[Change]) -> BTreeMap<Category, usize> {
    let mut m = BTreeMap::new();
    for c in changes {
        *m.entry(c.category).or_insert(0) += 1;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strictness_is_set_inclusion() {
        assert_eq!(strictness(Op::Eq, Op::Le), Some(Ordering::Greater));
        assert_eq!(strictness(Op::Le, Op::Lt), Some(Ordering::Less));
        assert_eq!(strictness(Op::Le, Op::Le), Some(Ordering::Equal));
        assert_eq!(strictness(Op::Le, Op::Ge), None);
        assert_eq!(strictness(Op::Lt, Op::Ne), Some(Ordering::Greater));
    }
}
