//! Differences between two editions: every change, each in one category, in the spirit of
//! buf's breaking-change categories:
//!
//! - `breaking_submission`: the template or the rules change (a code added, removed or
//!   renumbered; an item added, removed or re-lettered; value type, unit or flow/stock changed;
//!   a rule added or tightened), so local authorities must change their extracts;
//! - `breaking_series`: the same code now counts something else, or its definition or timescale
//!   changed, so last year's figure no longer compares;
//! - `documentation`: rationale, citations, wording that does not change meaning, notes.
//!
//! Reads two IRs only. Metrics are matched through their provenance (`was`), or by code. The
//! comparison is part of the IR crate because the IR records the changes since the edition it
//! supersedes (`Ir::changes`) and the checker words its meaning-change warnings from them;
//! rendering the changes for people is the `pmf-diff` back end.

use crate::{Indicator, Ir, Item, Metric, Op, Rule};
use crate::{ProvenanceKind, TimingKind};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    BreakingSubmission,
    BreakingSeries,
    Documentation,
}

impl Category {
    pub fn title(self) -> &'static str {
        match self {
            Category::BreakingSubmission => "Breaking for submissions",
            Category::BreakingSeries => "Breaking for time series",
            Category::Documentation => "Documentation only",
        }
    }

    pub fn explain(self) -> &'static str {
        match self {
            Category::BreakingSubmission => {
                "the template or the validation rules change: extracts must be rebuilt"
            }
            Category::BreakingSeries => {
                "the figure now counts something else: last year's figure no longer compares"
            }
            Category::Documentation => {
                "the guidance reads differently; what is counted is unchanged"
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub category: Category,
    /// A stable name for the kind of change: metric_added, metric_removed, metric_renumbered,
    /// metric_merged, metric_split, item_added, item_removed, item_relettered, value_type_changed,
    /// unit_changed, timing_changed, cohort_changed, meaning_changed, definition_changed,
    /// timescale_changed, breakdown_changed, rule_added, rule_tightened, rule_relaxed,
    /// rule_removed, wording_changed, rationale_changed, citations_changed, notes_changed,
    /// indicator_added, indicator_removed, indicator_changed, erratum_added.
    pub kind: String,
    /// The code in the new edition (the old code for something removed).
    pub code: String,
    pub old_code: Option<String>,
    pub message: String,
}

fn change(
    category: Category,
    kind: &str,
    code: &str,
    old: Option<&str>,
    message: String,
) -> Change {
    Change {
        category,
        kind: kind.into(),
        code: code.into(),
        old_code: old.map(str::to_string),
        message,
    }
}

/// Every change from `old` to `new`, sorted by category, then code.
pub fn diff(old: &Ir, new: &Ir) -> Vec<Change> {
    let mut out = Vec::new();
    let old_metrics: BTreeMap<&str, &Metric> =
        old.metrics.iter().map(|m| (m.code.as_str(), m)).collect();
    let old_items: BTreeMap<&str, (&Metric, &Item)> = old
        .metrics
        .iter()
        .flat_map(|m| m.items.iter().map(move |i| (i.code.as_str(), (m, i))))
        .collect();
    let mut continued: BTreeSet<String> = BTreeSet::new();
    // new code -> old code, for metrics and items continued one to one (to compare rules).
    let mut renames: BTreeMap<String, String> = BTreeMap::new();
    use Category::*;

    for m in &new.metrics {
        let (kind, from): (ProvenanceKind, Vec<String>) = match &m.provenance {
            Some(p) => (p.kind, p.from.clone()),
            // A code used again (`reuses`) for a new meaning does not continue the old metric.
            None if m.reuses.is_some() => {
                out.push(change(
                    BreakingSubmission,
                    "metric_added",
                    &m.code,
                    None,
                    format!(
                        "{} is used again for a new metric: {}",
                        m.code,
                        short(&m.wording.en)
                    ),
                ));
                out.push(change(
                    BreakingSeries,
                    "meaning_changed",
                    &m.code,
                    Some(&m.code),
                    format!(
                        "{} now counts something else; its series does not continue",
                        m.code
                    ),
                ));
                continue;
            }
            None if old_metrics.contains_key(m.code.as_str()) => {
                (ProvenanceKind::Same, vec![m.code.clone()])
            }
            None => {
                out.push(change(
                    BreakingSubmission,
                    "metric_added",
                    &m.code,
                    None,
                    format!("{} is new: {}", m.code, short(&m.wording.en)),
                ));
                continue;
            }
        };
        continued.extend(from.iter().cloned());
        let joined = from.join(" + ");
        match kind {
            ProvenanceKind::Merged => {
                out.push(change(
                    BreakingSubmission,
                    "metric_merged",
                    &m.code,
                    Some(&joined),
                    format!("{} merges {joined}: report their sum", m.code),
                ));
                continue;
            }
            ProvenanceKind::Split => {
                out.push(change(
                    BreakingSubmission,
                    "metric_split",
                    &m.code,
                    Some(&joined),
                    format!("{} is split out of {joined}", m.code),
                ));
                out.push(change(
                    BreakingSeries,
                    "metric_split",
                    &m.code,
                    Some(&joined),
                    format!("{} counts only a part of what {joined} counted: the series does not continue", m.code),
                ));
                continue;
            }
            ProvenanceKind::Same => {}
        }
        let from = &from[0];
        if let Some(&(om, oi)) = old_items.get(from.as_str()) {
            // A metric made of a former item.
            out.push(change(
                BreakingSubmission,
                "metric_renumbered",
                &m.code,
                Some(from),
                format!("{} was item {from} of {}", m.code, om.code),
            ));
            if crate::fingerprint::item(om, oi) != m.fingerprint && m.items.is_empty() {
                out.push(change(
                    BreakingSeries,
                    "meaning_changed",
                    &m.code,
                    Some(from),
                    format!("{} does not count what {from} counted", m.code),
                ));
            }
            continue;
        }
        let Some(om) = old_metrics.get(from.as_str()).copied() else {
            continue;
        };
        if *from != m.code {
            out.push(change(
                BreakingSubmission,
                "metric_renumbered",
                &m.code,
                Some(from),
                format!("{from} is renumbered {}", m.code),
            ));
        }
        renames.insert(m.code.clone(), from.clone());
        compare_metric(om, m, &mut out, &mut renames);
    }
    for om in &old.metrics {
        if !continued.contains(&om.code) && !om.items.iter().any(|i| continued.contains(&i.code)) {
            out.push(change(
                BreakingSubmission,
                "metric_removed",
                &om.code,
                Some(&om.code),
                format!(
                    "{} is no longer collected: {}",
                    om.code,
                    short(&om.wording.en)
                ),
            ));
        }
    }
    compare_rules(old, new, &renames, &mut out);
    compare_indicators(&old.indicators, &new.indicators, &renames, &mut out);
    let old_errata: BTreeSet<&str> = old.errata.iter().map(|e| e.id.as_str()).collect();
    for e in &new.errata {
        if !old_errata.contains(e.id.as_str()) {
            out.push(change(
                Documentation,
                "erratum_added",
                &e.id,
                None,
                format!("erratum {}: {}", e.id, short(&e.reason.en)),
            ));
        }
    }
    out.sort_by(|a, b| (a.category, &a.code, &a.kind).cmp(&(b.category, &b.code, &b.kind)));
    out.dedup();
    out
}

fn short(s: &str) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() > 90 {
        format!("{}…", one.chars().take(89).collect::<String>())
    } else {
        one
    }
}

fn plain(r: &Option<crate::Rich>) -> String {
    r.as_ref().map(|r| r.plain()).unwrap_or_default()
}

fn compare_metric(
    om: &Metric,
    m: &Metric,
    out: &mut Vec<Change>,
    renames: &mut BTreeMap<String, String>,
) {
    use Category::*;
    let code = m.code.as_str();
    let oc = Some(om.code.as_str());
    let mut explained_meaning = false;
    if om.value_type != m.value_type {
        out.push(change(
            BreakingSubmission,
            "value_type_changed",
            code,
            oc,
            format!(
                "{code} is now a {:?} figure (was {:?})",
                m.value_type, om.value_type
            )
            .to_lowercase(),
        ));
    }
    if (
        om.measure.kind.as_str(),
        om.measure.unit.as_str(),
        om.measure.over.as_deref(),
    ) != (
        m.measure.kind.as_str(),
        m.measure.unit.as_str(),
        m.measure.over.as_deref(),
    ) {
        let words = |x: &Metric| match &x.measure.over {
            Some(o) => format!("sums {} over {o}", x.measure.unit),
            None => format!("counts {}", x.measure.unit),
        };
        out.push(change(
            BreakingSubmission,
            "unit_changed",
            code,
            oc,
            format!("{code} now {} (was: {})", words(m), words(om)),
        ));
        out.push(change(
            BreakingSeries,
            "unit_changed",
            code,
            oc,
            format!("{code} counts a different unit, so earlier figures do not compare"),
        ));
        explained_meaning = true;
    }
    if om.timing.kind != m.timing.kind {
        out.push(change(
            BreakingSubmission,
            "timing_changed",
            code,
            oc,
            format!(
                "{code} is now a {} (was a {})",
                m.timing.kind.as_str(),
                om.timing.kind.as_str()
            ),
        ));
        out.push(change(
            BreakingSeries,
            "timing_changed",
            code,
            oc,
            format!("{code} is now counted {} instead of {}", when(m), when(om)),
        ));
        explained_meaning = true;
    }
    if om.cohort != m.cohort {
        out.push(change(
            BreakingSeries,
            "cohort_changed",
            code,
            oc,
            format!(
                "{code} is now about {} (was {})",
                m.cohort.as_deref().unwrap_or("-"),
                om.cohort.as_deref().unwrap_or("-")
            ),
        ));
        explained_meaning = true;
    }
    let def = |x: &Metric| (plain(&x.includes), plain(&x.excludes), plain(&x.counting));
    if def(om) != def(m) {
        out.push(change(
            BreakingSeries,
            "definition_changed",
            code,
            oc,
            format!("{code}: what to include or exclude, or how to count, changed"),
        ));
        explained_meaning = true;
    }
    let ts = |x: &Metric| x.timescales.iter().map(timescale_words).collect::<Vec<_>>();
    if ts(om) != ts(m) {
        let (a, b) = (ts(om).join("; "), ts(m).join("; "));
        out.push(change(
            BreakingSeries,
            "timescale_changed",
            code,
            oc,
            format!("{code}'s timescale is now \"{b}\" (was \"{a}\")"),
        ));
        explained_meaning = true;
    }
    let bk = |x: &Metric| x.breakdown.as_ref().map(|b| (b.kind, b.by.clone()));
    if bk(om) != bk(m) {
        let k = |x: &Metric| {
            x.breakdown
                .as_ref()
                .map_or("none".to_string(), |b| b.kind.as_str().to_string())
        };
        out.push(change(
            BreakingSubmission,
            "breakdown_changed",
            code,
            oc,
            format!("{code}'s breakdown is now {} (was {})", k(m), k(om)),
        ));
        explained_meaning = true;
    }
    compare_items(om, m, out, renames, &mut explained_meaning);
    if om.fingerprint != m.fingerprint && !explained_meaning {
        out.push(change(
            BreakingSeries,
            "meaning_changed",
            code,
            oc,
            format!(
                "{code} counts something different from what {} counted",
                om.code
            ),
        ));
    }
    if om
        .wording
        .en
        .split_whitespace()
        .ne(m.wording.en.split_whitespace())
    {
        out.push(change(
            Documentation,
            "wording_changed",
            code,
            oc,
            format!("{code} is reworded: \"{}\"", short(&m.wording.en)),
        ));
    }
    if plain(&om.rationale) != plain(&m.rationale) {
        out.push(change(
            Documentation,
            "rationale_changed",
            code,
            oc,
            format!("{code}'s rationale (why we measure it) changed"),
        ));
    }
    let cites = |x: &Metric| serde_json::to_string(&x.citations).unwrap_or_default();
    if cites(om) != cites(m) {
        out.push(change(
            Documentation,
            "citations_changed",
            code,
            oc,
            format!("{code}'s legal citations changed"),
        ));
    }
    let notes = |x: &Metric| x.notes.iter().map(|n| n.plain()).collect::<Vec<_>>();
    if notes(om) != notes(m) {
        out.push(change(
            Documentation,
            "notes_changed",
            code,
            oc,
            format!("{code}'s notes changed"),
        ));
    }
}

fn when(m: &Metric) -> String {
    match (m.timing.kind, &m.timing.at) {
        (TimingKind::Stock, Some(at)) => format!("at {at}"),
        (TimingKind::Stock, None) => "at a point in time".into(),
        (TimingKind::Flow, _) => "during the year".into(),
    }
}

fn compare_items(
    om: &Metric,
    m: &Metric,
    out: &mut Vec<Change>,
    renames: &mut BTreeMap<String, String>,
    explained: &mut bool,
) {
    use Category::*;
    let old_by_code: BTreeMap<&str, &Item> =
        om.items.iter().map(|i| (i.code.as_str(), i)).collect();
    let mut matched: BTreeSet<&str> = BTreeSet::new();
    for it in &m.items {
        let from = match &it.was {
            Some(p) => p.from.first().cloned(),
            None => {
                // The same letter of the metric it continues.
                let code = format!("{}{}", om.code, it.letter);
                old_by_code.contains_key(code.as_str()).then_some(code)
            }
        };
        let Some(from) = from else {
            if it.reserved.is_none() {
                out.push(change(
                    BreakingSubmission,
                    "item_added",
                    &it.code,
                    None,
                    format!("{} is a new item: {}", it.code, short(&it.wording.en)),
                ));
                *explained = true;
            }
            continue;
        };
        let Some(oi) = old_by_code.get(from.as_str()).copied() else {
            continue;
        };
        matched.insert(oi.code.as_str());
        renames.insert(it.code.clone(), oi.code.clone());
        if oi.letter != it.letter {
            out.push(change(
                BreakingSubmission,
                "item_relettered",
                &it.code,
                Some(&oi.code),
                format!("{} is now {}", oi.code, it.code),
            ));
            *explained = true;
        }
        if oi.reserved.is_some() != it.reserved.is_some() {
            out.push(change(
                BreakingSubmission,
                if it.reserved.is_some() {
                    "item_removed"
                } else {
                    "item_added"
                },
                &it.code,
                Some(&oi.code),
                format!(
                    "{} is {} collected",
                    it.code,
                    if it.reserved.is_some() {
                        "no longer"
                    } else {
                        "now"
                    }
                ),
            ));
            *explained = true;
        }
        if oi.fingerprint != it.fingerprint && oi.entry != it.entry {
            out.push(change(
                BreakingSeries,
                "meaning_changed",
                &it.code,
                Some(&oi.code),
                format!(
                    "{} counts something different from what {} counted",
                    it.code, oi.code
                ),
            ));
            *explained = true;
        }
        if oi
            .wording
            .en
            .split_whitespace()
            .ne(it.wording.en.split_whitespace())
        {
            out.push(change(
                Documentation,
                "wording_changed",
                &it.code,
                Some(&oi.code),
                format!("{} is reworded: \"{}\"", it.code, short(&it.wording.en)),
            ));
        }
    }
    for oi in &om.items {
        if !matched.contains(oi.code.as_str()) && oi.reserved.is_none() {
            out.push(change(
                BreakingSubmission,
                "item_removed",
                &oi.code,
                Some(&oi.code),
                format!(
                    "{} is no longer collected: {}",
                    oi.code,
                    short(&oi.wording.en)
                ),
            ));
            *explained = true;
        }
    }
}

/// A rule with its codes translated to the old edition's, for comparison.
fn rule_key(r: &Rule, renames: &BTreeMap<String, String>) -> (String, String) {
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
        v.join("+")
    };
    (
        id,
        format!(
            "{}{}{}~{}",
            side(&r.lhs),
            r.op.symbol(),
            side(&r.rhs),
            r.tolerance
        ),
    )
}

fn strictness(op: Op) -> u8 {
    match op {
        Op::Eq => 2,
        Op::Lt | Op::Gt => 1,
        _ => 0,
    }
}

fn compare_rules(old: &Ir, new: &Ir, renames: &BTreeMap<String, String>, out: &mut Vec<Change>) {
    use Category::*;
    let identity = BTreeMap::new();
    let old_rules: BTreeMap<String, (&Rule, String)> = old
        .rules
        .iter()
        .map(|r| {
            let (id, body) = rule_key(r, &identity);
            (id, (r, body))
        })
        .collect();
    let new_codes: BTreeSet<&str> = new.metrics.iter().map(|m| m.code.as_str()).collect();
    let old_codes: BTreeSet<&str> = old.metrics.iter().map(|m| m.code.as_str()).collect();
    let continued: BTreeSet<&str> = renames.values().map(|s| s.as_str()).collect();
    let mut seen = BTreeSet::new();
    for r in &new.rules {
        if r.kind.is_about_one_value() {
            continue;
        }
        let (id, body) = rule_key(r, renames);
        seen.insert(id.clone());
        let metric_is_new =
            !renames.contains_key(&r.metric) && !old_codes.contains(r.metric.as_str());
        match old_rules.get(&id) {
            None if metric_is_new => {}
            None => out.push(change(
                BreakingSubmission,
                "rule_added",
                &r.metric,
                None,
                format!("new rule {} ({})", r.id, rule_words(r)),
            )),
            Some((or, obody)) if *obody != body => {
                let tighter = strictness(r.op) > strictness(or.op)
                    || r.tolerance < or.tolerance
                    || r.severity == crate::RuleSeverity::Error
                        && or.severity == crate::RuleSeverity::Warning;
                if tighter || r.lhs.len() != or.lhs.len() || r.rhs.len() != or.rhs.len() {
                    out.push(change(
                        BreakingSubmission,
                        "rule_tightened",
                        &r.metric,
                        Some(&or.metric),
                        format!("rule {} changed ({})", r.id, rule_words(r)),
                    ));
                } else {
                    out.push(change(
                        Documentation,
                        "rule_relaxed",
                        &r.metric,
                        Some(&or.metric),
                        format!("rule {} is looser ({})", r.id, rule_words(r)),
                    ));
                }
            }
            Some(_) => {}
        }
    }
    for (id, (or, _)) in &old_rules {
        if or.kind.is_about_one_value() || seen.contains(id) {
            continue;
        }
        let gone =
            !continued.contains(or.metric.as_str()) && !new_codes.contains(or.metric.as_str());
        if !gone {
            out.push(change(
                Documentation,
                "rule_removed",
                &or.metric,
                Some(&or.metric),
                format!("rule {} no longer applies", or.id),
            ));
        }
    }
}

fn compare_indicators(
    old: &[Indicator],
    new: &[Indicator],
    renames: &BTreeMap<String, String>,
    out: &mut Vec<Change>,
) {
    use Category::*;
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
            None => out.push(change(
                Documentation,
                "indicator_added",
                &i.code,
                None,
                format!("new indicator {}: {}", i.code, i.title.en),
            )),
            Some(o) if o.formula_text != translated(i) => out.push(change(
                BreakingSeries,
                "indicator_changed",
                &i.code,
                Some(&o.code),
                format!(
                    "{} is now {} (was {})",
                    i.code, i.formula_text, o.formula_text
                ),
            )),
            Some(_) => {}
        }
    }
    let new_codes: BTreeSet<&str> = new.iter().map(|i| i.code.as_str()).collect();
    for o in old {
        if !new_codes.contains(o.code.as_str()) {
            out.push(change(
                Documentation,
                "indicator_removed",
                &o.code,
                Some(&o.code),
                format!("indicator {} is withdrawn: {}", o.code, o.title.en),
            ));
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

/// A timescale as a short key for comparison and for the change's message: its rule, amount,
/// unit and events, in the English of the spec's own texts.
fn timescale_words(t: &crate::Timescale) -> String {
    let rule = match t.rule {
        crate::TimescaleRule::Within => "within",
        crate::TimescaleRule::Every => "every",
    };
    let mut s = format!("{rule} {} {}", t.amount, t.unit.label(t.amount));
    if let Some(f) = &t.from {
        s.push_str(&format!(" of {}", f.en));
    }
    if let Some(u) = &t.until {
        s.push_str(&format!(", until {}", u.en));
    }
    s
}

/// A rule as its comparison of codes: `AD/004a + AD/004b = AD/004`.
fn rule_words(r: &Rule) -> String {
    let side = |t: &[crate::Term]| {
        t.iter()
            .map(|t| {
                if t.coef == 1.0 {
                    t.code.clone()
                } else {
                    format!("{} × {}", t.coef, t.code)
                }
            })
            .collect::<Vec<_>>()
            .join(" + ")
    };
    match r.kind.is_about_one_value() {
        true => format!("{} {}", r.kind.as_str(), side(&r.lhs)),
        false => format!("{} {} {}", side(&r.lhs), r.op.symbol(), side(&r.rhs)),
    }
}
