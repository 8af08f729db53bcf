//! Metrics: where each belongs, what it counts, its breakdown expanded into items with checked
//! letters, and its relations (`of`, `subset of`, `equals`, `each_within`) checked for units,
//! timing and cohort, and for cycles.

use super::names::Kind;
use super::{Checker, ExpandedItem, MetricInfo, Target};
use crate::diag::{Code, Diagnostic};
use crate::model::{
    closest_name, BreakdownKind, LinExpr, Loc, Measure, Metric, Ref, Relation, Text, Timing,
    UnitKind, ValueType,
};

pub type Terms = Vec<(f64, String)>;

impl Checker<'_> {
    pub(super) fn check_metrics(&mut self) {
        let decls = self.decls;
        for (mi, m) in decls.metrics.iter().enumerate() {
            let info = self.metric_info(m);
            self.metrics.push(info);
            // Register the metric's code only if it was not a duplicate.
            if self.tables.get(Kind::Code, &m.code) == Some(mi) {
                self.codes.insert(m.code.clone(), Target::Metric(mi));
            }
        }
        for mi in 0..decls.metrics.len() {
            if self.tables.get(Kind::Code, &decls.metrics[mi].code) != Some(mi) {
                continue;
            }
            let items = self.metrics[mi].items.clone();
            for (ii, it) in items.iter().enumerate() {
                self.codes.insert(it.code.clone(), Target::Item(mi, ii));
                self.symbols.defs.push(super::Def {
                    kind: Kind::Code,
                    name: it.code.clone(),
                    name_loc: it.loc.clone(),
                    loc: it.loc.clone(),
                    parent: Some(decls.metrics[mi].code.clone()),
                });
            }
        }
    }

    fn metric_info(&mut self, m: &Metric) -> MetricInfo {
        let mut info = MetricInfo::default();
        let d = self.decls;
        info.group = m.group.as_ref().and_then(|g| self.resolve(g, Kind::Group));
        info.part = match info.group {
            Some(g) => d.groups[g]
                .part
                .as_ref()
                .and_then(|p| self.tables.get(Kind::Part, &p.name)),
            None => {
                let prefix = m.code.split('/').next().unwrap_or("");
                let matching: Vec<usize> = d
                    .parts
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.prefix.as_deref() == Some(prefix))
                    .map(|(i, _)| i)
                    .collect();
                match matching.as_slice() {
                    [one] => Some(*one),
                    _ => None,
                }
            }
        };
        if let Some(p) = info.part {
            let prefix = m.code.split('/').next().unwrap_or("");
            // A local extension's metrics carry its prefix wherever they are placed.
            let local = d.extensions.iter().any(|x| {
                x.loc.file == m.code_loc.file && x.prefix.as_ref().is_some_and(|(p, _)| p == prefix)
            });
            if let Some(want) = self.part_prefix(p).filter(|_| !local) {
                if want != prefix {
                    let part = &d.parts[p];
                    self.push(
                        Diagnostic::new(
                            Code::MalformedCode,
                            m.code_loc.file,
                            m.code_loc.span.clone(),
                            format!(
                                "{} is in part `{}`, whose codes start with {want}/",
                                m.code, part.id
                            ),
                        )
                        .label(format!("expected {want}/..."))
                        .help("renumber the metric, or move it to the group of its part"),
                    );
                }
            }
        }
        info.cohort = match &m.cohort {
            Some(c) => self.resolve(c, Kind::Cohort),
            None => info
                .part
                .and_then(|p| self.part_cohort.get(p).copied().flatten()),
        };
        match &m.measure {
            Some(Measure::Counts(u)) => {
                info.unit = self.resolve(u, Kind::Unit);
                if let Some(ui) = info.unit {
                    if d.units[ui].kind == Some(UnitKind::Measure) {
                        self.push(
                            Diagnostic::new(
                                Code::UnitMismatch,
                                u.loc.file,
                                u.loc.span.clone(),
                                format!("`{}` is a quantity that is summed, not counted", u.name),
                            )
                            .label("a measure")
                            .help(format!(
                                "write `sums {} over UNIT`, e.g. `sums day over person`",
                                u.name
                            )),
                        );
                    }
                }
            }
            Some(Measure::Sums { quantity, over }) => {
                info.unit = self.resolve(quantity, Kind::Unit);
                info.over = self.resolve(over, Kind::Unit);
                if let Some(ui) = info.unit {
                    if d.units[ui].kind == Some(UnitKind::Entity) {
                        self.push(
                            Diagnostic::new(
                                Code::UnitMismatch,
                                quantity.loc.file,
                                quantity.loc.span.clone(),
                                format!("`{}` is counted one by one, not summed", quantity.name),
                            )
                            .label("an entity")
                            .help(format!("write `counts {}`", quantity.name)),
                        );
                    }
                }
            }
            None => {}
        }
        let unit_value = info.unit.map(|u| match d.units[u].kind {
            Some(UnitKind::Measure) => d.units[u].value.unwrap_or(ValueType::Whole),
            _ => ValueType::Whole,
        });
        info.value_type = match (m.value, unit_value) {
            (Some(ValueType::Decimal), Some(ValueType::Whole))
                if info
                    .unit
                    .is_some_and(|u| d.units[u].kind == Some(UnitKind::Entity)) =>
            {
                self.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        m.code_loc.file,
                        m.code_loc.span.clone(),
                        format!(
                            "{} counts {}, so its value is a whole number",
                            m.code,
                            d.units[info.unit.unwrap_or(0)].id
                        ),
                    )
                    .help("remove `value decimal`"),
                );
                Some(ValueType::Whole)
            }
            (Some(v), _) => Some(v),
            (None, v) => v,
        };
        info.timing = m.timing.clone();
        if let Some(s) = &m.collected_from {
            self.resolve(s, Kind::Source);
        }
        for c in &m.citations {
            self.resolve(&c.instrument, Kind::Instrument);
        }
        for t in &m.timescales {
            for c in &t.citations {
                self.resolve(&c.instrument, Kind::Instrument);
            }
        }
        if let Some(b) = &m.breakdown {
            info.kind = b.kind;
            self.expand_breakdown(m, &mut info);
        }
        info.collected = info.items.is_empty() || m.total;
        info
    }

    /// The code prefix of a part, its own or inherited through `within`.
    fn part_prefix(&self, p: usize) -> Option<String> {
        let mut at = Some(p);
        for _ in 0..8 {
            let part = &self.decls.parts[at?];
            if let Some(prefix) = &part.prefix {
                return Some(prefix.clone());
            }
            at = part
                .within
                .as_ref()
                .and_then(|w| self.tables.get(Kind::Part, &w.name));
        }
        None
    }

    fn expand_breakdown(&mut self, m: &Metric, info: &mut MetricInfo) {
        let Some(b) = &m.breakdown else { return };
        let d = self.decls;
        let lists: Vec<Option<usize>> =
            b.by.iter()
                .map(|r| self.resolve(r, Kind::Codelist))
                .collect();
        if lists.len() > 2 {
            let span = b.by[2].loc.span.clone();
            self.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    b.loc.file,
                    span,
                    "a breakdown is by one list or by a product of two",
                )
                .help("split the breakdown into two metrics"),
            );
            return;
        }
        if lists.iter().any(|l| l.is_none()) {
            return;
        }
        let lists: Vec<usize> = lists.into_iter().flatten().collect();
        info.codelists = lists.clone();
        if b.kind == Some(BreakdownKind::Independent) {
            if let Some(of) = &b.of {
                self.push(
                    Diagnostic::new(Code::BreakdownKindViolated, of.loc.file, of.loc.span.clone(), "an independent breakdown has no parent")
                        .label("a parent")
                        .help("remove `of ...`, or say how the items relate to it: partition, exclusive or overlapping"),
                );
            }
        }
        match lists.as_slice() {
            [] => self.expand_explicit(m, info),
            [list] => self.expand_single(m, info, *list),
            [a, bl] => self.expand_product(m, info, *a, *bl),
            _ => {}
        }
        if b.kind == Some(BreakdownKind::Partition)
            && info.items.iter().filter(|i| i.reserved.is_none()).count() == 1
        {
            self.push(
                Diagnostic::new(
                    Code::BreakdownKindViolated,
                    b.loc.file,
                    self.head(&b.loc),
                    format!("a partition of {} into one item is an equality", m.code),
                )
                .help("write `equals ...` on the metric instead, or list every part"),
            );
        }
        if info.items.len() > 26 {
            self.push(Diagnostic::new(
                Code::ItemLetterSequence,
                b.loc.file,
                self.head(&b.loc),
                format!(
                    "{} has {} items; item letters run from a to z",
                    m.code,
                    info.items.len()
                ),
            ));
        }
        let _ = d;
    }

    fn item_code(m: &Metric, letter: char) -> String {
        format!("{}{}", m.code, letter)
    }

    fn expand_explicit(&mut self, m: &Metric, info: &mut MetricInfo) {
        let Some(b) = &m.breakdown else { return };
        for (n, it) in b.items.iter().enumerate() {
            let want = letter(n);
            let got = it.letter.chars().next().unwrap_or('a');
            if got != want {
                self.push(
                    Diagnostic::new(
                        Code::ItemLetterSequence,
                        it.letter_loc.file,
                        it.letter_loc.span.clone(),
                        format!(
                            "item `{got}` of {} is item number {} and should be `{want}`",
                            m.code,
                            n + 1
                        ),
                    )
                    .label(format!("expected `{want}`"))
                    .help(
                        "letters run a, b, c ... without gaps, in the order the items are listed",
                    ),
                );
            }
            if let Some(e) = &it.entry {
                self.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        e.loc.file,
                        e.loc.span.clone(),
                        format!(
                            "`{}` is a list entry, but this breakdown is not `by` a list",
                            e.name
                        ),
                    )
                    .help("add `by LIST` to the breakdown, or write the item's wording in quotes"),
                );
            }
            info.items.push(ExpandedItem {
                letter: got,
                code: Self::item_code(m, got),
                entries: Vec::new(),
                explicit: Some(n),
                wording: it.wording.clone(),
                reserved: None,
                loc: it.letter_loc.clone(),
            });
        }
    }

    /// Resolves an entry name in a codelist, recording the use.
    pub(super) fn resolve_entry(&mut self, list: usize, r: &Ref) -> Option<usize> {
        let cl = &self.decls.codelists[list];
        if let Some(i) = cl.entries.iter().position(|e| e.id == r.name) {
            self.record_use(Kind::Entry, &r.name, &r.loc, Some(&cl.id));
            return Some(i);
        }
        let names: Vec<&str> = cl.entries.iter().map(|e| e.id.as_str()).collect();
        let mut d = Diagnostic::new(
            Code::UnknownReference,
            r.loc.file,
            r.loc.span.clone(),
            format!("`{}` has no entry `{}`", cl.id, r.name),
        )
        .label("unknown entry");
        d = match closest_name(&r.name, &names) {
            Some(s) => d.help(format!("did you mean `{s}`?")),
            None => d.note(format!(
                "the entries of `{}` are: {}",
                cl.id,
                names.join(", ")
            )),
        };
        self.push(d);
        None
    }

    /// A breakdown by one list. When the items name their entries, they are the items, in the
    /// order written; otherwise every entry of the list (or those in `only`) is an item. Items
    /// that are not entries of the list follow, with the next letters.
    fn expand_single(&mut self, m: &Metric, info: &mut MetricInfo, list: usize) {
        let Some(b) = &m.breakdown else { return };
        let cl = &self.decls.codelists[list];
        let written = b.items.iter().any(|it| it.entry.is_some());
        let only: Option<Vec<usize>> = b.only.as_ref().map(|only| {
            only.iter()
                .filter_map(|r| self.resolve_entry(list, r))
                .collect()
        });
        // (item index in `b.items` if written, entry if any), in item order.
        let mut plan: Vec<(Option<usize>, Option<usize>)> = Vec::new();
        let mut by_entry: std::collections::BTreeMap<usize, usize> =
            std::collections::BTreeMap::new();
        if written {
            for (n, it) in b.items.iter().enumerate() {
                let entry = match &it.entry {
                    Some(e) => {
                        match self.resolve_entry(list, e) {
                            Some(ei) => {
                                if let Some(prev) = by_entry.insert(ei, n) {
                                    let p = &b.items[prev];
                                    self.push(
                                        Diagnostic::new(
                                            Code::DuplicateBreakdownEntry,
                                            e.loc.file,
                                            e.loc.span.clone(),
                                            format!(
                                                "entry `{}` is used by two items of {}",
                                                e.name, m.code
                                            ),
                                        )
                                        .label("used again")
                                        .secondary(
                                            p.letter_loc.file,
                                            p.letter_loc.span.clone(),
                                            "first used by this item",
                                        ),
                                    );
                                }
                                if let Some(only) = &only {
                                    if !only.contains(&ei) {
                                        self.push(
                                        Diagnostic::new(Code::BreakdownKindViolated, e.loc.file, e.loc.span.clone(), format!("`{}` is not among the entries listed in `only`", e.name))
                                            .help("add it to `only [...]`, or remove the item"),
                                    );
                                    }
                                }
                                Some(ei)
                            }
                            None => None,
                        }
                    }
                    None => None,
                };
                plan.push((Some(n), entry));
            }
        } else {
            let order: Vec<usize> = only
                .clone()
                .unwrap_or_else(|| (0..cl.entries.len()).collect());
            plan.extend(order.iter().map(|&ei| (None, Some(ei))));
            plan.extend((0..b.items.len()).map(|n| (Some(n), None)));
        }
        let used: std::collections::BTreeSet<usize> = plan.iter().filter_map(|(_, e)| *e).collect();
        if b.kind == Some(BreakdownKind::Partition)
            && cl.exhaustive
            && used.len() < cl.entries.len()
        {
            // Leaving entries out of a partition is sound only while the catch-all entry that
            // takes every other case is kept.
            let missing: Vec<&str> = (0..cl.entries.len())
                .filter(|e| !used.contains(e))
                .map(|e| cl.entries[e].id.as_str())
                .collect();
            let catch_all_kept = cl
                .entries
                .iter()
                .enumerate()
                .any(|(i, e)| e.catch_all && used.contains(&i));
            if !catch_all_kept {
                self.push(
                    Diagnostic::new(
                        Code::BreakdownKindViolated,
                        b.loc.file,
                        self.head(&b.loc),
                        format!("{} is a partition but leaves out entries of `{}`: {}", m.code, cl.id, missing.join(", ")),
                    )
                    .label("not every entry is used")
                    .note(format!("`{}` is exhaustive: only all of its entries together, or a set that keeps its `catch_all` entry, cover every case", cl.id))
                    .help("use every entry, keep the catch-all entry, or make the breakdown `exclusive`"),
                );
            }
        }
        for (pos, (written_at, entry)) in plan.iter().enumerate() {
            let want = letter(pos);
            let (got, loc) = match written_at {
                Some(n) => {
                    let it = &b.items[*n];
                    (
                        it.letter.chars().next().unwrap_or('a'),
                        it.letter_loc.clone(),
                    )
                }
                None => (
                    want,
                    Loc {
                        file: b.loc.file,
                        span: self.head(&b.loc),
                    },
                ),
            };
            if got != want {
                let what = match entry {
                    Some(ei) => format!("`{}`", cl.entries[*ei].id),
                    None => format!("item `{got}`"),
                };
                self.push(
                    Diagnostic::new(
                        Code::ItemLetterSequence,
                        loc.file,
                        loc.span.clone(),
                        format!("{what} is item number {} of {}, so its letter is `{want}`, not `{got}`", pos + 1, m.code),
                    )
                    .label(format!("expected `{want}`"))
                    .help("letters run a, b, c ... without gaps, in the order of the items; items that are not entries of the list come last"),
                );
            }
            let explicit_item = written_at.map(|n| &b.items[n]);
            let wording = explicit_item
                .and_then(|it| it.wording.clone())
                .or_else(|| entry.and_then(|ei| cl.entries[ei].label.clone()));
            info.items.push(ExpandedItem {
                letter: got,
                code: Self::item_code(m, got),
                entries: entry.map(|ei| vec![(list, ei)]).unwrap_or_default(),
                explicit: *written_at,
                wording,
                reserved: entry.and_then(|ei| cl.entries[ei].reserved.clone()),
                loc,
            });
        }
    }

    fn expand_product(&mut self, m: &Metric, info: &mut MetricInfo, a: usize, bl: usize) {
        let Some(b) = &m.breakdown else { return };
        let (la, lb) = (&self.decls.codelists[a], &self.decls.codelists[bl]);
        if b.only.is_some() {
            self.push(Diagnostic::new(
                Code::InvalidValue,
                b.loc.file,
                self.head(&b.loc),
                "`only` cannot be used with a product of two lists",
            ));
        }
        let width = lb.entries.len();
        let mut explicit_at: std::collections::BTreeMap<usize, usize> =
            std::collections::BTreeMap::new();
        for (n, it) in b.items.iter().enumerate() {
            let Some(e) = &it.entry else {
                self.push(
                    Diagnostic::new(
                        Code::MissingField,
                        it.letter_loc.file,
                        it.letter_loc.span.clone(),
                        format!("item `{}` does not name its pair of entries", it.letter),
                    )
                    .help(format!(
                        "write `{} {}.{}`",
                        it.letter,
                        la.entries.first().map_or("a", |e| e.id.as_str()),
                        lb.entries.first().map_or("b", |e| e.id.as_str())
                    )),
                );
                continue;
            };
            let Some((ea, eb)) = e.name.split_once('.') else {
                self.push(
                    Diagnostic::new(Code::InvalidValue, e.loc.file, e.loc.span.clone(), format!("an item of a product names two entries, `{}.{}`", la.id, lb.id))
                        .help("write the entry of the first list, a dot, and the entry of the second: `male.age_16_25`"),
                );
                continue;
            };
            let ra = Ref {
                name: ea.to_string(),
                loc: Loc {
                    file: e.loc.file,
                    span: e.loc.span.start..e.loc.span.start + ea.len(),
                },
            };
            let start_b = e.loc.span.start + ea.len() + 1;
            let rb = Ref {
                name: eb.to_string(),
                loc: Loc {
                    file: e.loc.file,
                    span: start_b..start_b + eb.len(),
                },
            };
            let (Some(ia), Some(ib)) = (self.resolve_entry(a, &ra), self.resolve_entry(bl, &rb))
            else {
                continue;
            };
            let pos = ia * width + ib;
            let want = letter(pos);
            let got = it.letter.chars().next().unwrap_or('a');
            if got != want {
                self.push(
                    Diagnostic::new(
                        Code::ProductLetterMismatch,
                        it.letter_loc.file,
                        it.letter_loc.span.clone(),
                        format!("`{}` is item {} of the product {} × {}, so its letter is `{want}`, not `{got}`", e.name, pos + 1, la.id, lb.id),
                    )
                    .label(format!("expected `{want}`"))
                    .note(format!("letters run through every entry of `{}` for each entry of `{}` in turn", lb.id, la.id))
                    .help("check the order of both lists against the source"),
                );
            }
            if let Some(prev) = explicit_at.insert(pos, n) {
                let p = &b.items[prev];
                self.push(
                    Diagnostic::new(
                        Code::DuplicateBreakdownEntry,
                        e.loc.file,
                        e.loc.span.clone(),
                        format!("`{}` is named by two items", e.name),
                    )
                    .secondary(
                        p.letter_loc.file,
                        p.letter_loc.span.clone(),
                        "first named here",
                    ),
                );
            }
        }
        for (ia, ea) in la.entries.iter().enumerate() {
            for (ib, eb) in lb.entries.iter().enumerate() {
                let pos = ia * width + ib;
                let l = letter(pos);
                let explicit = explicit_at.get(&pos).copied();
                let wording = explicit
                    .and_then(|n| b.items[n].wording.clone())
                    .or_else(|| join_labels(ea.label.as_ref(), eb.label.as_ref()));
                let loc = explicit.map_or_else(
                    || Loc {
                        file: b.loc.file,
                        span: self.head(&b.loc),
                    },
                    |n| b.items[n].letter_loc.clone(),
                );
                info.items.push(ExpandedItem {
                    letter: l,
                    code: Self::item_code(m, l),
                    entries: vec![(a, ia), (bl, ib)],
                    explicit,
                    wording,
                    reserved: ea.reserved.clone().or_else(|| eb.reserved.clone()),
                    loc,
                });
            }
        }
    }

    // ---- relations --------------------------------------------------------------------------

    /// The value of a code as terms of data items: an item, a collected metric, or the sum of a
    /// partition's items.
    pub(super) fn value_terms(&mut self, r: &Ref) -> Option<Terms> {
        let Some(&target) = self.codes.get(&r.name) else {
            self.unknown_code(r);
            return None;
        };
        self.record_use(Kind::Code, &r.name, &r.loc, None);
        match target {
            Target::Item(mi, ii) => {
                let it = &self.metrics[mi].items[ii];
                if it.reserved.is_some() {
                    self.push(
                        Diagnostic::new(
                            Code::InvalidValue,
                            r.loc.file,
                            r.loc.span.clone(),
                            format!(
                                "{} is reserved and never collected, so it has no value",
                                r.name
                            ),
                        )
                        .label("reserved item"),
                    );
                    return None;
                }
                Some(vec![(1.0, r.name.clone())])
            }
            Target::Metric(mi) => {
                let info = &self.metrics[mi];
                if info.collected {
                    return Some(vec![(1.0, r.name.clone())]);
                }
                if info.kind == Some(BreakdownKind::Partition) {
                    return Some(
                        info.items
                            .iter()
                            .filter(|i| i.reserved.is_none())
                            .map(|i| (1.0, i.code.clone()))
                            .collect(),
                    );
                }
                let kind = info.kind.map_or("", |k| k.as_str());
                self.push(
                    Diagnostic::new(
                        Code::BreakdownKindViolated,
                        r.loc.file,
                        r.loc.span.clone(),
                        format!("{} has no value of its own: its items are {kind}, so their sum is not its total", r.name),
                    )
                    .label("no total")
                    .help(format!("refer to an item (e.g. {}a), or add `total` to {} so its total is collected", r.name, r.name)),
                );
                None
            }
        }
    }

    pub(super) fn unknown_code(&mut self, r: &Ref) {
        let metric = crate::model::metric_of_item(&r.name);
        if self
            .decls
            .broken
            .iter()
            .any(|b| *b == r.name || b == metric)
        {
            // That item did not parse; its syntax error is reported already.
            return;
        }
        let mut d = Diagnostic::new(
            Code::UnknownReference,
            r.loc.file,
            r.loc.span.clone(),
            format!("there is no metric or item {}", r.name),
        )
        .label("unknown code");
        // A code of an earlier edition: say what it is now ("AD/014 is AD/010 since ...").
        if let Some(h) = self.code_history(&r.name) {
            self.push(d.help(h));
            return;
        }
        let items = self.codes.get(metric).and_then(|t| match t {
            Target::Metric(mi) => Some(&self.metrics[*mi].items),
            Target::Item(..) => None,
        });
        d = match items {
            // `AD/002c` when AD/002 has items a and b: say which items there are.
            Some(items) if metric != r.name && !items.is_empty() => {
                let (first, last) = (&items[0].code, &items[items.len() - 1].code);
                d.help(format!("{metric} has items {first} to {last}"))
            }
            Some(_) if metric != r.name => d.help(format!(
                "{metric} has no breakdown items; refer to {metric} itself"
            )),
            _ => {
                let names: Vec<&str> = self.codes.keys().map(|s| s.as_str()).collect();
                match closest_name(&r.name, &names) {
                    Some(s) => d.help(format!("did you mean {s}?")),
                    None => d,
                }
            }
        };
        self.push(d);
    }

    fn lin_terms(&mut self, e: &LinExpr) -> Option<Terms> {
        let mut out = Vec::new();
        let mut ok = true;
        for (sign, r) in &e.terms {
            match self.value_terms(r) {
                Some(ts) => out.extend(ts.into_iter().map(|(c, code)| (c * *sign as f64, code))),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// The metric a data code belongs to.
    pub(super) fn metric_of(&self, code: &str) -> Option<usize> {
        match self.codes.get(code)? {
            Target::Metric(m) | Target::Item(m, _) => Some(*m),
        }
    }

    /// Checks that `terms` count what metric `mi` counts, at the same time, for the same cohort.
    fn compat(
        &mut self,
        mi: usize,
        subject: &str,
        terms: &Terms,
        via: Option<&Text>,
        loc: &Loc,
        what: &str,
    ) {
        let d = self.decls;
        let me = self.metrics[mi].clone();
        let mut seen = std::collections::BTreeSet::new();
        for (_, code) in terms {
            let Some(oi) = self.metric_of(code) else {
                continue;
            };
            if !seen.insert(oi) || oi == mi {
                continue;
            }
            let other = self.metrics[oi].clone();
            let om = &d.metrics[oi];
            if via.is_none()
                && (me.unit != other.unit || me.over != other.over)
                && me.unit.is_some()
                && other.unit.is_some()
            {
                let (a, b) = (self.measure_words(mi), self.measure_words(oi));
                self.push(
                    Diagnostic::new(
                        Code::UnitMismatch,
                        loc.file,
                        loc.span.clone(),
                        format!("{subject} {a} but {} {b}", om.code),
                    )
                    .label(format!("{what} of a different unit"))
                    .secondary(
                        om.code_loc.file,
                        om.code_loc.span.clone(),
                        format!("{} {b}", om.code),
                    )
                    .help(match what {
                        "subset" | "equals" => format!(
                            "if each {} corresponds to one {}, say so: `{} {} via \"...\"`",
                            self.unit_singular(mi),
                            self.unit_singular(oi),
                            if what == "subset" {
                                "subset of"
                            } else {
                                "equals"
                            },
                            om.code
                        ),
                        _ => format!(
                            "the items count what {} counts, so their parent must count the same",
                            m_code(self, mi)
                        ),
                    }),
                );
            }
            if let (Some(t1), Some(t2)) = (&me.timing, &other.timing) {
                if !same_timing(t1, t2) {
                    self.push(
                        Diagnostic::new(
                            Code::StockFlowMix,
                            loc.file,
                            loc.span.clone(),
                            format!("{subject} is {} but {} is {}", timing_words(t1), om.code, timing_words(t2)),
                        )
                        .label(format!("{what} relates figures counted at different times"))
                        .secondary(om.code_loc.file, om.code_loc.span.clone(), timing_words(t2))
                        .help("figures counted at different times (on a day, or through the year) cannot be parts of one another; check `flow`/`stock` on both"),
                    );
                }
            }
            if let (Some(c1), Some(c2)) = (me.cohort, other.cohort) {
                if c1 != c2 {
                    self.push(
                        Diagnostic::new(
                            Code::CrossCohortReference,
                            loc.file,
                            loc.span.clone(),
                            format!("{subject} is about {} but {} is about {}", d.cohorts[c1].id, om.code, d.cohorts[c2].id),
                        )
                        .label("refers to another cohort's metric")
                        .help("check the code; if the reference is intended, allow this warning with the reason"),
                    );
                }
            }
        }
    }

    pub(super) fn measure_words(&self, mi: usize) -> String {
        let d = self.decls;
        let info = &self.metrics[mi];
        let label = |u: usize| {
            d.units[u]
                .label
                .as_ref()
                .map_or(d.units[u].id.clone(), |t| t.en.value.clone())
        };
        match (info.unit, info.over) {
            (Some(u), Some(o)) => format!("sums {} over {}", label(u), label(o)),
            (Some(u), None) => format!("counts {}", label(u)),
            _ => "counts nothing declared".into(),
        }
    }

    pub(super) fn unit_singular(&self, mi: usize) -> String {
        let d = self.decls;
        match self.metrics[mi].unit {
            Some(u) => d.units[u]
                .singular
                .as_ref()
                .map_or(d.units[u].id.clone(), |t| t.en.value.clone()),
            None => "value".into(),
        }
    }

    fn relation(&mut self, mi: usize, subject: &str, rel: &Relation, what: &str) -> Option<Terms> {
        let terms = self.lin_terms(&rel.target)?;
        self.compat(mi, subject, &terms, rel.via.as_ref(), &rel.target.loc, what);
        Some(terms)
    }

    pub(super) fn check_relations(&mut self) {
        let d = self.decls;
        for (mi, m) in d.metrics.iter().enumerate() {
            if self.tables.get(Kind::Code, &m.code) != Some(mi) {
                continue;
            }
            if let Some(b) = &m.breakdown {
                if let Some(of) = &b.of {
                    if let Some(terms) = self.lin_terms(of) {
                        let subject = format!("{}'s items", m.code);
                        self.compat(mi, &subject, &terms, None, &of.loc, "breakdown");
                        self.metrics[mi].of = Some(terms);
                    }
                }
                if let Some(w) = &b.each_within {
                    self.each_within(mi, m, w);
                }
            }
            if let Some(rel) = &m.subset_of {
                let t = self.relation(mi, &m.code, rel, "subset");
                self.metrics[mi].subset = t;
                self.require_total(mi, m, "subset of");
            }
            if let Some(rel) = &m.equals {
                let t = self.relation(mi, &m.code, rel, "equals");
                self.metrics[mi].equals = t;
                self.require_total(mi, m, "equals");
            }
            let items = self.metrics[mi].items.clone();
            let mut rels = Vec::with_capacity(items.len());
            for it in &items {
                let explicit = it
                    .explicit
                    .and_then(|n| m.breakdown.as_ref().map(|b| &b.items[n]));
                let sub = explicit
                    .and_then(|e| e.subset_of.as_ref())
                    .and_then(|r| self.relation(mi, &it.code, r, "subset"));
                let eq = explicit
                    .and_then(|e| e.equals.as_ref())
                    .and_then(|r| self.relation(mi, &it.code, r, "equals"));
                rels.push((sub, eq));
            }
            self.metrics[mi].item_relations = rels;
        }
    }

    /// `subset of`/`equals` on a metric with items need its own total.
    fn require_total(&mut self, mi: usize, m: &Metric, what: &str) {
        let info = &self.metrics[mi];
        if !info.collected && info.kind != Some(BreakdownKind::Partition) {
            self.push(
                Diagnostic::new(
                    Code::BreakdownKindViolated,
                    m.code_loc.file,
                    m.code_loc.span.clone(),
                    format!(
                        "`{what}` on {} relates a total that is not collected",
                        m.code
                    ),
                )
                .help("put the relation on the items, or add `total`"),
            );
        }
    }

    fn each_within(&mut self, mi: usize, m: &Metric, w: &Ref) {
        let Some(&target) = self.codes.get(&w.name) else {
            self.unknown_code(w);
            return;
        };
        self.record_use(Kind::Code, &w.name, &w.loc, None);
        let Target::Metric(oi) = target else {
            self.push(Diagnostic::new(
                Code::WrongKind,
                w.loc.file,
                w.loc.span.clone(),
                format!(
                    "`each_within` takes a metric with items; {} is an item",
                    w.name
                ),
            ));
            return;
        };
        if self.metrics[oi].items.is_empty() {
            self.push(
                Diagnostic::new(
                    Code::WrongKind,
                    w.loc.file,
                    w.loc.span.clone(),
                    format!("{} has no items to match", w.name),
                )
                .help("`each_within` matches items by their list entries"),
            );
            return;
        }
        let terms: Terms = self.metrics[oi]
            .items
            .iter()
            .map(|i| (1.0, i.code.clone()))
            .collect();
        self.compat(mi, &m.code, &terms, None, &w.loc, "each_within");
        let mine = self.metrics[mi].items.clone();
        let theirs = self.metrics[oi].items.clone();
        let matched = mine
            .iter()
            .filter(|it| !it.entries.is_empty() && theirs.iter().any(|t| t.entries == it.entries))
            .count();
        if matched == 0 {
            self.push(
                Diagnostic::new(
                    Code::BreakdownKindViolated,
                    w.loc.file,
                    w.loc.span.clone(),
                    format!(
                        "no item of {} has the same list entry as an item of {}",
                        m.code, w.name
                    ),
                )
                .help("both breakdowns must be `by` the same list"),
            );
        }
        self.metrics[mi].each_within = Some(oi);
    }

    /// Subset relations may not go round in a circle.
    pub(super) fn check_cycles(&mut self) {
        let n = self.metrics.len();
        let mut edges: Vec<Vec<(usize, Loc)>> = vec![Vec::new(); n];
        for (mi, m) in self.decls.metrics.iter().enumerate() {
            let info = &self.metrics[mi];
            let add = |terms: &Option<Terms>, loc: &Loc, edges: &mut Vec<Vec<(usize, Loc)>>| {
                for (_, code) in terms.iter().flatten() {
                    if let Some(oi) = self.metric_of(code) {
                        edges[mi].push((oi, loc.clone()));
                    }
                }
            };
            if let Some(rel) = &m.subset_of {
                add(&info.subset, &rel.target.loc, &mut edges);
            }
            if let Some(b) = &m.breakdown {
                if let Some(of) = &b.of {
                    add(&info.of, &of.loc, &mut edges);
                }
                if let (Some(oi), Some(w)) = (info.each_within, &b.each_within) {
                    edges[mi].push((oi, w.loc.clone()));
                }
            }
            for (ii, (sub, _)) in info.item_relations.iter().enumerate() {
                let loc = info.items[ii].loc.clone();
                add(sub, &loc, &mut edges);
            }
        }
        // Depth-first search; a back edge closes a cycle, reported once per cycle.
        let mut state = vec![0u8; n];
        let mut reported = std::collections::BTreeSet::new();
        for start in 0..n {
            if state[start] != 0 {
                continue;
            }
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            let mut path: Vec<usize> = vec![start];
            state[start] = 1;
            while let Some((node, next)) = stack.last_mut() {
                let node = *node;
                if *next < edges[node].len() {
                    let (to, loc) = edges[node][*next].clone();
                    *next += 1;
                    match state[to] {
                        0 => {
                            state[to] = 1;
                            stack.push((to, 0));
                            path.push(to);
                        }
                        1 => {
                            let from = path.iter().position(|&p| p == to).unwrap_or(0);
                            let mut cycle: Vec<usize> = path[from..].to_vec();
                            let mut key = cycle.clone();
                            key.sort_unstable();
                            if reported.insert(key) {
                                cycle.push(to);
                                let names: Vec<&str> = cycle
                                    .iter()
                                    .map(|&c| self.decls.metrics[c].code.as_str())
                                    .collect();
                                let d = Diagnostic::new(
                                    Code::SubsetCycle,
                                    loc.file,
                                    loc.span.clone(),
                                    format!("these metrics are parts of each other in a circle: {}", names.join(" ⊂ ")),
                                )
                                .label("closes the circle")
                                .help("a metric cannot be part of itself; one of these relations points the wrong way");
                                self.push(d);
                            }
                        }
                        _ => {}
                    }
                } else {
                    state[node] = 2;
                    stack.pop();
                    path.pop();
                }
            }
        }
    }
}

fn m_code(c: &Checker<'_>, mi: usize) -> String {
    c.decls.metrics[mi].code.clone()
}

pub fn letter(n: usize) -> char {
    if n < 26 {
        (b'a' + n as u8) as char
    } else {
        '?'
    }
}

/// Whether two timings count at the same time: both during the year, or both on the same day
/// (a stock with no date is at 31 March).
pub fn same_timing(a: &Timing, b: &Timing) -> bool {
    let day = |at: &Option<String>| {
        let s = at.as_deref().unwrap_or("31 March").to_lowercase();
        s.replace("st ", " ")
            .replace("th ", " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    match (a, b) {
        (Timing::Flow, Timing::Flow) => true,
        (Timing::Stock(x), Timing::Stock(y)) => day(x) == day(y),
        _ => false,
    }
}

pub fn timing_words(t: &Timing) -> String {
    match t {
        Timing::Flow => "a flow (counted during the year)".into(),
        Timing::Stock(Some(at)) => format!("a stock (counted at {at})"),
        Timing::Stock(None) => "a stock (counted at a point in time)".into(),
    }
}

fn join_labels(a: Option<&Text>, b: Option<&Text>) -> Option<Text> {
    let (a, b) = (a?, b?);
    let mut t = a.clone();
    t.en.value = format!("{}, {}", a.en.value, b.en.value);
    if let Some(w) = &mut t.welsh {
        w.text = match (a.cy(), b.cy()) {
            (Some(x), Some(y)) => {
                let mut s = x.clone();
                s.value = format!("{}, {}", x.value, y.value);
                Some(s)
            }
            _ => None,
        };
    }
    Some(t)
}
