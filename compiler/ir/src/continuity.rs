//! Continuity between editions: for every metric and item of a new edition, which codes of the
//! edition it supersedes it continues, how (the same code, renumbered, re-lettered, an item
//! promoted to a metric or a metric demoted to an item, a sum, a part), and whether it still
//! counts the same thing.
//!
//! The judgement is made once, here, and everything that depends on it reads it: the checker
//! (its continuity diagnostics), `diff` (the changes), `migrate` (which figures carry) and the
//! time series. A figure carries only when its continuity is proven or stated:
//!
//! - *proven*: what is counted (unit, value type), when (flow or stock, and at what date), for
//!   whom (cohort), what it is a part of (its population: the codes it is a subset of, equal
//!   to or an item of, compared through the renumbering), what to include and exclude, its
//!   timescales, the list entry an item stands for, and the counted words of its wording (the
//!   wording without its codes, its unit and the words that only frame a question: "the number
//!   of", "during the year") are all the same;
//! - *stated*: everything but the wording's counted words is the same, and the spec says why
//!   the meaning did not change (`same "..."`).
//!
//! A code used again for something else (`reuses`) continues nothing, whatever it meant before.

use crate::diff::{Category, Change, ChangeKind};
use crate::{Ir, Item, Metric, ProvenanceKind, Series, SeriesStep, Text, TimingKind, Unit};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What a code names: a metric, or an item of a metric's breakdown.
#[derive(Clone, Copy, Debug)]
pub enum Node<'a> {
    Metric(&'a Metric),
    Item(&'a Metric, &'a Item),
}

impl<'a> Node<'a> {
    pub fn code(self) -> &'a str {
        match self {
            Node::Metric(m) => &m.code,
            Node::Item(_, i) => &i.code,
        }
    }

    /// The metric, or the item's metric.
    pub fn metric(self) -> &'a Metric {
        match self {
            Node::Metric(m) | Node::Item(m, _) => m,
        }
    }

    pub fn is_item(self) -> bool {
        matches!(self, Node::Item(..))
    }

    pub fn wording(self) -> &'a Text {
        match self {
            Node::Metric(m) => &m.wording,
            Node::Item(_, i) => &i.wording,
        }
    }

    /// `same "..."`: why it counts the same although its wording changed.
    pub fn same(self) -> Option<&'a Text> {
        match self {
            Node::Metric(m) => m.same.as_ref(),
            Node::Item(_, i) => i.same.as_ref(),
        }
    }
}

/// Every metric and item of an IR, by code.
pub struct Index<'a> {
    by_code: BTreeMap<&'a str, Node<'a>>,
}

impl<'a> Index<'a> {
    pub fn new(ir: &'a Ir) -> Index<'a> {
        let mut by_code = BTreeMap::new();
        for m in &ir.metrics {
            by_code.insert(m.code.as_str(), Node::Metric(m));
            for i in &m.items {
                by_code.insert(i.code.as_str(), Node::Item(m, i));
            }
        }
        Index { by_code }
    }

    pub fn get(&self, code: &str) -> Option<Node<'a>> {
        self.by_code.get(code).copied()
    }
}

/// How a code of the new edition continues the old one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// Nothing: new in this edition (or a code used again for something else).
    New,
    /// The same code.
    Kept,
    /// Another code: a metric renumbered, or an item of a renumbered metric.
    Renumbered,
    /// An item of the same metric under another letter.
    Relettered,
    /// A metric that was an item (`was AD/002b`).
    Promoted,
    /// An item that was a metric.
    Demoted,
    /// The sum of several old codes (`was AD/042 + AD/043`).
    Merged,
    /// A part of an old code (`was part of WF/008`): its figure was never reported apart.
    Split,
}

impl LinkKind {
    /// One old code continued as one new code.
    pub fn is_one_to_one(self) -> bool {
        matches!(
            self,
            LinkKind::Kept
                | LinkKind::Renumbered
                | LinkKind::Relettered
                | LinkKind::Promoted
                | LinkKind::Demoted
        )
    }
}

/// What one code of the new edition continues.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub code: String,
    pub is_item: bool,
    /// The old codes (one, or the parts of a sum).
    pub from: Vec<String>,
    pub kind: LinkKind,
    /// The code meant something else in the old edition and is used again, for this reason
    /// (`reuses`; an item takes its metric's).
    pub reused: Option<Text>,
    /// What differs between the old figure and the new, each in its category. A change
    /// breaking for time series means the figure does not carry.
    pub changes: Vec<Change>,
}

impl Link {
    /// Whether last year's figure (or the sum of last year's figures) is this code's figure.
    pub fn carries(&self) -> bool {
        !matches!(self.kind, LinkKind::New | LinkKind::Split)
            && !self
                .changes
                .iter()
                .any(|c| c.category == Category::BreakingSeries)
    }

    /// The changes that break the series: why the figure does not carry.
    pub fn breaks(&self) -> impl Iterator<Item = &Change> {
        self.changes
            .iter()
            .filter(|c| c.category == Category::BreakingSeries)
    }

    /// The reason given with `same "..."` when the wording changed and the spec states that the
    /// meaning did not.
    pub fn stated(&self) -> Option<&Text> {
        self.changes
            .iter()
            .find(|c| c.kind == ChangeKind::WordingChanged)
            .and_then(|c| c.reason.as_ref())
    }
}

/// The continuity of a whole edition with the one it supersedes.
pub struct Continuity<'a> {
    pub old: &'a Ir,
    pub new: &'a Ir,
    /// One link per metric and item of the new edition, in its order (each metric, then its
    /// items).
    pub links: Vec<Link>,
    at: BTreeMap<String, usize>,
    /// Old code → the links that take from it.
    fates: BTreeMap<String, Vec<usize>>,
}

impl<'a> Continuity<'a> {
    pub fn link(&self, code: &str) -> Option<&Link> {
        self.at.get(code).map(|&i| &self.links[i])
    }

    /// The links of the new edition that take from an old code: where its figure went.
    pub fn fates(&self, old_code: &str) -> Vec<&Link> {
        self.fates
            .get(old_code)
            .map(|v| v.iter().map(|&i| &self.links[i]).collect())
            .unwrap_or_default()
    }

    /// New code → old code, for every code continued one to one (to compare rules and
    /// formulas written with the new codes against the old ones).
    pub fn renames(&self) -> BTreeMap<String, String> {
        renames(&self.links)
    }

    /// Whether the two IRs are the same edition (at two revisions, say): then codes are matched
    /// as they are, and provenance, which speaks of the edition before, is not read.
    pub fn same_edition(&self) -> bool {
        self.old.edition.id == self.new.edition.id
    }
}

fn renames(links: &[Link]) -> BTreeMap<String, String> {
    links
        .iter()
        .filter(|l| l.kind.is_one_to_one())
        .map(|l| (l.code.clone(), l.from[0].clone()))
        .collect()
}

/// Works out what every code of `new` continues in `old`, the edition it supersedes.
pub fn continuity<'a>(old: &'a Ir, new: &'a Ir) -> Continuity<'a> {
    let same_edition = old.edition.id == new.edition.id;
    let oi = Index::new(old);
    // Old codes that some metric or item says it continues: a code is not also continued by
    // the metric that happens to carry it now.
    let mut claimed: BTreeSet<&str> = BTreeSet::new();
    if !same_edition {
        for m in &new.metrics {
            let ps = m
                .provenance
                .iter()
                .chain(m.items.iter().filter_map(|i| i.was.as_ref()));
            // A part taken out of an old code leaves the code to continue.
            for p in ps.filter(|p| p.kind != ProvenanceKind::Split) {
                claimed.extend(p.from.iter().map(String::as_str));
            }
        }
    }
    let mut links: Vec<Link> = Vec::new();
    for m in &new.metrics {
        let (kind, from) = match (&m.provenance, same_edition) {
            // `was` naming its own code with `reuses` contradicts itself (the checker says so):
            // nothing is continued.
            (Some(p), false) if m.reuses.is_some() && p.from.contains(&m.code) => {
                (LinkKind::New, vec![])
            }
            (Some(p), false) => by_provenance(&oi, p, &m.code, None),
            _ if !same_edition && m.reuses.is_some() => (LinkKind::New, vec![]),
            _ => match oi.get(&m.code) {
                Some(Node::Metric(_)) if same_edition || !claimed.contains(m.code.as_str()) => {
                    (LinkKind::Kept, vec![m.code.clone()])
                }
                _ => (LinkKind::New, vec![]),
            },
        };
        let reused = if same_edition { None } else { m.reuses.clone() };
        // The old metric whose items this one's items continue by entry or letter.
        let parent_old = match kind {
            LinkKind::Kept | LinkKind::Renumbered => match oi.get(&from[0]) {
                Some(Node::Metric(om)) => Some(om),
                _ => None,
            },
            _ => None,
        };
        links.push(Link {
            code: m.code.clone(),
            is_item: false,
            from,
            kind,
            reused: reused.clone(),
            changes: Vec::new(),
        });
        // Items matched by their own `was` first, then by list entry, then by letter.
        let mut matched: BTreeMap<&str, (LinkKind, Vec<String>)> = BTreeMap::new();
        let mut used: BTreeSet<&str> = BTreeSet::new();
        for it in &m.items {
            if let (Some(p), false) = (&it.was, same_edition) {
                let parent = parent_old.map(|p| p.code.as_str());
                matched.insert(&it.code, by_provenance(&oi, p, &it.code, parent));
            }
        }
        if let Some(po) = parent_old {
            let free = |oitem: &Item, used: &BTreeSet<&str>| {
                !used.contains(oitem.code.as_str())
                    && (same_edition || !claimed.contains(oitem.code.as_str()))
            };
            for it in m.items.iter().filter(|i| !i.entry.is_empty()) {
                if matched.contains_key(it.code.as_str()) {
                    continue;
                }
                if let Some(oitem) = po
                    .items
                    .iter()
                    .find(|o| o.entry == it.entry && free(o, &used))
                {
                    used.insert(&oitem.code);
                    matched.insert(
                        &it.code,
                        (item_kind(oitem, it, kind), vec![oitem.code.clone()]),
                    );
                }
            }
            for it in &m.items {
                if matched.contains_key(it.code.as_str()) {
                    continue;
                }
                if let Some(oitem) = po.items.iter().find(|o| {
                    o.letter == it.letter
                        && (o.entry.is_empty() || it.entry.is_empty())
                        && free(o, &used)
                }) {
                    used.insert(&oitem.code);
                    matched.insert(
                        &it.code,
                        (item_kind(oitem, it, kind), vec![oitem.code.clone()]),
                    );
                }
            }
        }
        for it in &m.items {
            let (kind, from) = matched
                .remove(it.code.as_str())
                .unwrap_or((LinkKind::New, vec![]));
            links.push(Link {
                code: it.code.clone(),
                is_item: true,
                from,
                kind,
                reused: reused.clone().filter(|_| oi.get(&it.code).is_some()),
                changes: Vec::new(),
            });
        }
    }
    // The changes of each link, now that every renumbering is known.
    let map = renames(&links);
    let ni = Index::new(new);
    for l in links.iter_mut() {
        let Some(node) = ni.get(&l.code) else {
            continue;
        };
        l.changes = match l.kind {
            LinkKind::New | LinkKind::Split => Vec::new(),
            LinkKind::Merged => {
                let mut out = Vec::new();
                for f in &l.from {
                    if let Some(o) = oi.get(f) {
                        base(o, node, &mut out);
                    }
                }
                out
            }
            _ => match oi.get(&l.from[0]) {
                Some(o) => compare(old, new, o, node, &map),
                None => Vec::new(),
            },
        };
    }
    let at = links
        .iter()
        .enumerate()
        .map(|(i, l)| (l.code.clone(), i))
        .collect();
    let mut fates: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, l) in links.iter().enumerate() {
        for f in &l.from {
            fates.entry(f.clone()).or_default().push(i);
        }
    }
    Continuity {
        old,
        new,
        links,
        at,
        fates,
    }
}

/// The link a `was` describes. `parent` is the old metric the new item's metric continues.
fn by_provenance(
    oi: &Index,
    p: &crate::Provenance,
    code: &str,
    parent: Option<&str>,
) -> (LinkKind, Vec<String>) {
    let from = p.from.clone();
    match p.kind {
        ProvenanceKind::Split => (LinkKind::Split, from),
        ProvenanceKind::Merged => (LinkKind::Merged, from),
        ProvenanceKind::Same => {
            let Some(f) = from.first() else {
                return (LinkKind::New, vec![]);
            };
            let new_is_item = crate::code::metric_of_item(code) != code;
            let kind = match (oi.get(f), new_is_item) {
                (None, _) => return (LinkKind::New, vec![]),
                (Some(_), _) if f == code => LinkKind::Kept,
                (Some(Node::Metric(_)), false) => LinkKind::Renumbered,
                (Some(Node::Item(..)), false) => LinkKind::Promoted,
                (Some(Node::Metric(_)), true) => LinkKind::Demoted,
                (Some(Node::Item(om, _)), true) if Some(om.code.as_str()) == parent => {
                    LinkKind::Relettered
                }
                (Some(Node::Item(..)), true) => LinkKind::Renumbered,
            };
            (kind, from)
        }
    }
}

fn item_kind(old: &Item, new: &Item, parent: LinkKind) -> LinkKind {
    if old.code == new.code {
        LinkKind::Kept
    } else if old.letter == new.letter && parent == LinkKind::Renumbered {
        LinkKind::Renumbered
    } else {
        LinkKind::Relettered
    }
}

fn change(
    category: Category,
    kind: ChangeKind,
    code: &str,
    from: &str,
    old: Option<String>,
    new: Option<String>,
) -> Change {
    Change {
        category,
        kind,
        code: code.to_string(),
        from: vec![from.to_string()],
        old,
        new,
        reason: None,
        rule: None,
    }
}

/// A measure in the spec's own words: `counts person`, `sums day over service`.
pub fn measure_words(m: &Metric) -> String {
    match &m.measure.over {
        Some(o) => format!("sums {} over {o}", m.measure.unit),
        None => format!("counts {}", m.measure.unit),
    }
}

/// The timing in the spec's own words: `flow`, `stock`, `stock at 31 March`.
pub fn timing_words(m: &Metric) -> String {
    match (m.timing.kind, &m.timing.at) {
        (TimingKind::Flow, _) => "flow".into(),
        (TimingKind::Stock, None) => "stock".into(),
        (TimingKind::Stock, Some(at)) => format!("stock at {at}"),
    }
}

/// A timescale in the spec's own words: `within 28 days of the referral, until ...`.
pub fn timescale_words(t: &crate::Timescale) -> String {
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

/// A date as written, compared without case, ordinal suffixes or spacing: "31st March" and
/// "31 March" are the same day.
fn date_key(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let w = w.to_lowercase();
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            if !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
                && ["st", "nd", "rd", "th"].contains(&&w[digits.len()..])
            {
                digits.to_string()
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn plain_key(r: &Option<crate::Rich>) -> String {
    r.as_ref()
        .map(|r| {
            r.plain()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .unwrap_or_default()
}

/// What the metric as a whole counts, compared between the old node and the new one: every
/// change is recorded against the new code.
fn base(old: Node, new: Node, out: &mut Vec<Change>) {
    use Category::*;
    let (om, m) = (old.metric(), new.metric());
    let (code, from) = (new.code(), old.code());
    if om.value_type != m.value_type {
        out.push(change(
            BreakingSubmission,
            ChangeKind::ValueTypeChanged,
            code,
            from,
            Some(om.value_type.as_str().into()),
            Some(m.value_type.as_str().into()),
        ));
    }
    if om.measure != m.measure {
        for cat in [BreakingSubmission, BreakingSeries] {
            out.push(change(
                cat,
                ChangeKind::UnitChanged,
                code,
                from,
                Some(measure_words(om)),
                Some(measure_words(m)),
            ));
        }
    }
    let timing_key = |x: &Metric| (x.timing.kind, x.timing.at.as_deref().map(date_key));
    if timing_key(om) != timing_key(m) {
        for cat in [BreakingSubmission, BreakingSeries] {
            out.push(change(
                cat,
                ChangeKind::TimingChanged,
                code,
                from,
                Some(timing_words(om)),
                Some(timing_words(m)),
            ));
        }
    }
    if om.cohort != m.cohort {
        out.push(change(
            BreakingSeries,
            ChangeKind::CohortChanged,
            code,
            from,
            om.cohort.clone(),
            m.cohort.clone(),
        ));
    }
    let def = |x: &Metric| {
        (
            plain_key(&x.includes),
            plain_key(&x.excludes),
            plain_key(&x.counting),
        )
    };
    if def(om) != def(m) {
        out.push(change(
            BreakingSeries,
            ChangeKind::DefinitionChanged,
            code,
            from,
            None,
            None,
        ));
    }
    let ts_key = |x: &Metric| {
        x.timescales
            .iter()
            .map(|t| {
                (
                    t.rule,
                    t.amount,
                    t.unit,
                    t.from.as_ref().map(|f| date_key(&f.en)),
                    t.until.as_ref().map(|f| date_key(&f.en)),
                )
            })
            .collect::<Vec<_>>()
    };
    if ts_key(om) != ts_key(m) {
        let summary = |x: &Metric| {
            x.timescales
                .iter()
                .map(timescale_words)
                .collect::<Vec<_>>()
                .join("; ")
        };
        out.push(change(
            BreakingSeries,
            ChangeKind::TimescaleChanged,
            code,
            from,
            Some(summary(om)),
            Some(summary(m)),
        ));
    }
}

/// The codes a metric or item is declared a part of, or equal to: its population.
fn population(n: Node) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut add = |r: &Option<crate::Relation>| {
        if let Some(r) = r {
            out.extend(r.terms.iter().map(|t| t.code.clone()));
        }
    };
    match n {
        Node::Metric(m) => {
            add(&m.subset_of);
            add(&m.equals);
            if let Some(of) = m.breakdown.as_ref().and_then(|b| b.of.as_ref()) {
                out.extend(of.iter().map(|t| t.code.clone()));
            }
        }
        Node::Item(m, i) => {
            add(&i.subset_of);
            add(&i.equals);
            if let Some(of) = m.breakdown.as_ref().and_then(|b| b.of.as_ref()) {
                out.extend(of.iter().map(|t| t.code.clone()));
            }
        }
    }
    out
}

/// Words that frame a question rather than say what is counted.
const FRAME: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "by",
    "from",
    "with",
    "within",
    "into",
    "and",
    "or",
    "as",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "were",
    "was",
    "is",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "number",
    "total",
    "those",
    "these",
    "this",
    "their",
    "its",
    "it",
    "they",
    "them",
    "there",
    "following",
    "during",
    "year",
    "31st",
    "march",
];

fn stem(w: &str) -> String {
    let keep = w.len() <= 3 || w.ends_with("ss") || w.ends_with("us") || w.ends_with("is");
    match w.strip_suffix('s') {
        Some(s) if !keep => s.to_string(),
        _ => w.to_string(),
    }
}

/// The counted words of a wording: what it says is counted, without its codes, the words of
/// its unit ("contacts") and the words that frame every question ("the number of ... during
/// the year"), lowercase and singular. Two wordings with the same counted words ask for the
/// same figure; a wording that now says "completed" where it said "offered" does not.
pub fn counted_words(wording: &str, unit: Option<&Unit>) -> BTreeSet<String> {
    let mut text = wording.to_string();
    // Codes are renumbered between editions; they say which figure, not what is counted.
    for (off, code) in crate::rich::code_mentions(wording).into_iter().rev() {
        text.replace_range(off..off + code.len(), " ");
    }
    let unit_words: BTreeSet<String> = unit
        .map(|u| {
            [u.id.as_str(), u.label.en.as_str(), u.singular.en.as_str()]
                .iter()
                .flat_map(|s| words(s))
                .collect()
        })
        .unwrap_or_default();
    words(&text)
        .into_iter()
        .filter(|w| !unit_words.contains(w))
        .collect()
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .map(|w| w.to_lowercase())
        .filter(|w| !FRAME.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect()
}

/// Compares one old code with the new code that continues it one to one.
fn compare(
    old_ir: &Ir,
    new_ir: &Ir,
    old: Node,
    new: Node,
    renames: &BTreeMap<String, String>,
) -> Vec<Change> {
    use Category::*;
    let mut out = Vec::new();
    let (code, from) = (new.code(), old.code());
    base(old, new, &mut out);
    // What it is a part of, with the new codes put back to the old ones.
    let (op, np) = (population(old), population(new));
    let translated: BTreeSet<String> = np
        .iter()
        .map(|c| renames.get(c).cloned().unwrap_or_else(|| c.clone()))
        .collect();
    if !op.is_empty() && !np.is_empty() && op != translated {
        out.push(change(
            BreakingSeries,
            ChangeKind::PopulationChanged,
            code,
            from,
            Some(op.into_iter().collect::<Vec<_>>().join(" + ")),
            Some(np.into_iter().collect::<Vec<_>>().join(" + ")),
        ));
    }
    match (old, new) {
        (Node::Metric(om), Node::Metric(m)) => {
            let bk = |x: &Metric| {
                x.breakdown
                    .as_ref()
                    .map(|b| (b.kind, b.by.clone(), b.of.is_some()))
            };
            if bk(om) != bk(m) {
                out.push(change(
                    BreakingSubmission,
                    ChangeKind::BreakdownChanged,
                    code,
                    from,
                    Some(breakdown_words(om)),
                    Some(breakdown_words(m)),
                ));
            }
            if om.collected != m.collected && !(om.items.is_empty() && m.items.is_empty()) {
                out.push(change(
                    BreakingSubmission,
                    ChangeKind::TotalChanged,
                    code,
                    from,
                    Some(reported(om.collected)),
                    Some(reported(m.collected)),
                ));
            }
        }
        (Node::Item(_, oi), Node::Item(_, i)) => {
            if !oi.entry.is_empty() && !i.entry.is_empty() && oi.entry != i.entry {
                out.push(change(
                    BreakingSeries,
                    ChangeKind::EntryChanged,
                    code,
                    from,
                    Some(oi.entry.join(".")),
                    Some(i.entry.join(".")),
                ));
            }
            if oi.reserved.is_some() != i.reserved.is_some() {
                let kind = if i.reserved.is_some() {
                    ChangeKind::ItemRemoved
                } else {
                    ChangeKind::ItemAdded
                };
                out.push(change(BreakingSubmission, kind, code, from, None, None));
            }
        }
        // A metric made of an item, or the other way round: the one with a breakdown cannot be
        // the other.
        (Node::Metric(om), Node::Item(..)) if !om.items.is_empty() => {
            out.push(change(
                BreakingSeries,
                ChangeKind::BreakdownChanged,
                code,
                from,
                Some(breakdown_words(om)),
                Some("none".into()),
            ));
        }
        (Node::Item(..), Node::Metric(m)) if !m.items.is_empty() => {
            out.push(change(
                BreakingSeries,
                ChangeKind::BreakdownChanged,
                code,
                from,
                Some("none".into()),
                Some(breakdown_words(m)),
            ));
        }
        _ => {}
    }
    // The wording: the same counted words, or a stated reason, or the continuity is unproven.
    let unit = |ir: &'_ Ir, n: Node| ir.unit(&n.metric().measure.unit).cloned();
    let (ow, nw) = (&old.wording().en, &new.wording().en);
    if ow.split_whitespace().ne(nw.split_whitespace()) {
        let same_words = counted_words(ow, unit(old_ir, old).as_ref())
            == counted_words(nw, unit(new_ir, new).as_ref());
        match (same_words, new.same()) {
            (_, Some(why)) => out.push(Change {
                reason: Some(why.clone()),
                ..change(
                    Documentation,
                    ChangeKind::WordingChanged,
                    code,
                    from,
                    Some(ow.clone()),
                    Some(nw.clone()),
                )
            }),
            (true, None) => out.push(change(
                Documentation,
                ChangeKind::WordingChanged,
                code,
                from,
                Some(ow.clone()),
                Some(nw.clone()),
            )),
            (false, None) => out.push(change(
                BreakingSeries,
                ChangeKind::ContinuityUnproven,
                code,
                from,
                Some(ow.clone()),
                Some(nw.clone()),
            )),
        }
    }
    match (old, new) {
        (Node::Metric(om), Node::Metric(m)) => {
            let plain = |r: &Option<crate::Rich>| r.as_ref().map(|r| r.plain()).unwrap_or_default();
            if plain(&om.rationale) != plain(&m.rationale) {
                out.push(change(
                    Documentation,
                    ChangeKind::RationaleChanged,
                    code,
                    from,
                    None,
                    None,
                ));
            }
            if om.citations != m.citations {
                out.push(change(
                    Documentation,
                    ChangeKind::CitationsChanged,
                    code,
                    from,
                    None,
                    None,
                ));
            }
            let notes = |x: &Metric| x.notes.iter().map(|n| n.plain()).collect::<Vec<_>>();
            if notes(om) != notes(m) {
                out.push(change(
                    Documentation,
                    ChangeKind::NotesChanged,
                    code,
                    from,
                    None,
                    None,
                ));
            }
        }
        (Node::Item(_, oi), Node::Item(_, i)) => {
            let notes = |x: &Item| x.notes.iter().map(|n| n.plain()).collect::<Vec<_>>();
            if notes(oi) != notes(i) {
                out.push(change(
                    Documentation,
                    ChangeKind::NotesChanged,
                    code,
                    from,
                    None,
                    None,
                ));
            }
        }
        _ => {}
    }
    out
}

fn reported(collected: bool) -> String {
    if collected {
        "reported"
    } else {
        "not reported"
    }
    .to_string()
}

/// A breakdown in the spec's own words: `partition by staff_type`, `exclusive`, `none`.
pub fn breakdown_words(m: &Metric) -> String {
    match &m.breakdown {
        None => "none".into(),
        Some(b) if b.by.is_empty() => b.kind.as_str().to_string(),
        Some(b) => format!("{} by {}", b.kind.as_str(), b.by.join(" * ")),
    }
}

/// The time series of every code of the new edition: the codes of every earlier edition it
/// continues, newest first, taken one step from the continuity and further back from the old
/// edition's own series. A sum continues as far back as all its parts do.
pub fn series(c: &Continuity) -> Vec<Series> {
    let earlier: BTreeMap<&str, &[SeriesStep]> = c
        .old
        .series
        .iter()
        .map(|s| (s.code.as_str(), s.continues.as_slice()))
        .collect();
    c.links
        .iter()
        .map(|l| {
            let mut continues = Vec::new();
            if l.carries() && !l.from.is_empty() {
                continues.push(SeriesStep {
                    edition: c.old.edition.id.clone(),
                    codes: l.from.clone(),
                });
                let before: Vec<&[SeriesStep]> = l
                    .from
                    .iter()
                    .map(|f| earlier.get(f.as_str()).copied().unwrap_or(&[]))
                    .collect();
                let depth = before.iter().map(|b| b.len()).min().unwrap_or(0);
                for k in 0..depth {
                    let edition = &before[0][k].edition;
                    if before.iter().any(|b| &b[k].edition != edition) {
                        break;
                    }
                    let mut codes: Vec<String> = Vec::new();
                    for b in &before {
                        for code in &b[k].codes {
                            if !codes.contains(code) {
                                codes.push(code.clone());
                            }
                        }
                    }
                    continues.push(SeriesStep {
                        edition: edition.clone(),
                        codes,
                    });
                }
            }
            Series {
                code: l.code.clone(),
                continues,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_words_ignore_the_frame_codes_and_unit() {
        let unit = Unit {
            id: "contact".into(),
            label: Text::plain("contacts"),
            singular: Text::plain("contact"),
            kind: crate::UnitKind::Entity,
            value_type: crate::ValueType::Whole,
            person: false,
        };
        let a = counted_words(
            "The number of contacts (AD/002a+b) where advice and assistance was provided during the year",
            Some(&unit),
        );
        let b = counted_words("the number where advice and assistance was provided", None);
        assert_eq!(a, b);
        let offered = counted_words("The number of assessments offered", None);
        let completed = counted_words("The number of assessments completed", None);
        assert_ne!(offered, completed);
        assert_eq!(
            offered,
            ["assessment", "offered"]
                .iter()
                .map(|s| s.to_string())
                .collect()
        );
    }

    #[test]
    fn dates_compare_without_ordinals() {
        assert_eq!(date_key("31st March"), date_key("31 march"));
        assert_ne!(date_key("31 March"), date_key("30 September"));
    }
}
