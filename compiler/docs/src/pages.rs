//! Builds the view of each page from the IR (see `view.rs` for the types and their invariants).

use super::view::*;
use pmf_ir::{
    BreakdownKind, Doc, Indicator, Lang, MeasureKind, Metric, Part, Rule, RuleKind, Timescale,
    TimingKind,
};
use std::collections::BTreeMap;

/// Builds every page, in reading order, and the parts shared by all of them.
pub fn build(cx: &Ctx) -> (SiteView, Vec<PageView>) {
    let ir = cx.ir;
    let rules: BTreeMap<&str, &Rule> = ir.rules.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut pages = Vec::new();
    for plan in &cx.pages {
        cx.set_page(&plan.id);
        // The list of untranslated texts is complete only when every other page is built.
        if plan.kind == PageKind::Untranslated {
            continue;
        }
        pages.push(page(cx, plan, &rules));
    }
    if let Some(plan) = cx.pages.iter().find(|p| p.kind == PageKind::Untranslated) {
        cx.set_page(&plan.id);
        let mut p = blank(
            cx,
            plan,
            cx.t("untranslated_title"),
            cx.s.get("untranslated_title"),
        );
        p.intro = cx.m.paragraph(&cx.t("untranslated_intro"));
        p.untranslated = cx
            .untranslated()
            .into_iter()
            .map(|u| UntranslatedView {
                place: cx.m.esc(&u.place),
                text: cx.m.esc(&u.text),
            })
            .collect();
        pages.push(p);
    }
    // Previous and next links, in reading order.
    let links: Vec<PageLink> = pages
        .iter()
        .map(|p| PageLink {
            id: p.id.clone(),
            title: p.title.clone(),
        })
        .collect();
    for (i, p) in pages.iter_mut().enumerate() {
        p.prev = i.checked_sub(1).and_then(|j| links.get(j).cloned());
        p.next = links.get(i + 1).cloned();
    }
    cx.set_page("");
    let site = site(cx, &pages);
    (site, pages)
}

fn site(cx: &Ctx, pages: &[PageView]) -> SiteView {
    let e = &cx.ir.edition;
    let toc = pages
        .iter()
        .filter(|p| p.kind != "index")
        .map(|p| TocEntry {
            page: p.id.clone(),
            anchor: p.anchor.clone(),
            title: p.title.clone(),
            children: match (&p.chapter, &p.part) {
                (Some(c), _) => c
                    .sections
                    .iter()
                    .map(|s| TocEntry {
                        page: p.id.clone(),
                        anchor: s.anchor.clone(),
                        title: heading(&s.number, &s.title, cx),
                        children: vec![],
                    })
                    .collect(),
                (_, Some(part)) => part_toc(&p.id, part),
                _ => vec![],
            },
        })
        .collect();
    SiteView {
        lang: match cx.lang() {
            Lang::En => "en".into(),
            Lang::Cy => "cy".into(),
        },
        title: cx.text(&e.title, "edition · title"),
        title_plain: cx.m.plain(&cx.plain(&e.title)),
        edition: cx.m.esc(&e.id),
        edition_plain: cx.m.plain(&e.id),
        framework: e
            .framework
            .as_ref()
            .map(|f| cx.text(f, "edition · framework"))
            .unwrap_or_default(),
        publisher_plain: cx.m.plain(
            &e.publisher
                .as_ref()
                .map(|p| cx.plain(p))
                .unwrap_or_default(),
        ),
        t: cx.strings(),
        toc,
    }
}

fn part_toc(page: &str, part: &PartView) -> Vec<TocEntry> {
    let mut out: Vec<TocEntry> = part
        .groups
        .iter()
        .map(|g| TocEntry {
            page: page.to_string(),
            anchor: g.anchor.clone(),
            title: g.heading.clone(),
            children: vec![],
        })
        .collect();
    for sub in &part.parts {
        out.push(TocEntry {
            page: page.to_string(),
            anchor: sub.anchor.clone(),
            title: sub.heading.clone(),
            children: part_toc(page, sub),
        });
    }
    out
}

/// "5.1 Adults" from a number and an escaped title.
fn heading(number: &str, title: &str, cx: &Ctx) -> String {
    if number.is_empty() {
        title.to_string()
    } else {
        format!("{number}{}{title}", cx.m.esc(" "))
    }
}

pub fn blank(cx: &Ctx, plan: &PagePlan, title: String, title_plain: String) -> PageView {
    PageView {
        id: plan.id.clone(),
        kind: kind_name(&plan.kind).to_string(),
        anchor: format!("page-{}", plan.id),
        title,
        title_plain: cx.m.plain(&title_plain),
        intro: String::new(),
        index: None,
        chapter: None,
        part: None,
        indicators: vec![],
        codelists: vec![],
        reference: vec![],
        instruments: vec![],
        codes: vec![],
        errata: vec![],
        allowed: vec![],
        changes: vec![],
        retired: vec![],
        untranslated: vec![],
        prev: None,
        next: None,
    }
}

fn kind_name(kind: &PageKind) -> &'static str {
    match kind {
        PageKind::Index => "index",
        PageKind::Chapter(_) => "chapter",
        PageKind::Part(_) => "part",
        PageKind::Indicators => "indicators",
        PageKind::Codelists => "codelists",
        PageKind::Reference => "reference",
        PageKind::Instruments => "instruments",
        PageKind::Codes => "codes",
        PageKind::Errata => "errata",
        PageKind::Allowed => "allowed",
        PageKind::Untranslated => "untranslated",
        PageKind::Search => "search",
        PageKind::Local => "part",
        PageKind::Changes => "changes",
    }
}

fn page(cx: &Ctx, plan: &PagePlan, rules: &BTreeMap<&str, &Rule>) -> PageView {
    let ir = cx.ir;
    let fixed = |key: &str| (cx.t(key), cx.s.get(key));
    match &plan.kind {
        PageKind::Index => {
            let (title, plain) = (
                cx.text(&ir.edition.title, "edition · title"),
                cx.plain(&ir.edition.title),
            );
            let mut p = blank(cx, plan, title, plain);
            p.index = Some(index(cx));
            p
        }
        PageKind::Chapter(i) => {
            let d = &ir.docs[*i];
            let c = chapter(cx, d, 1);
            let plain = match &d.number {
                Some(n) => format!("{n} {}", cx.plain(&d.title)),
                None => cx.plain(&d.title),
            };
            let mut p = blank(cx, plan, heading(&c.number, &c.title, cx), plain);
            p.anchor = c.anchor.clone();
            p.chapter = Some(c);
            p
        }
        PageKind::Part(id) => {
            let part = ir.part(id).expect("planned from the IR's parts");
            let v = part_view(cx, part, 1, rules);
            let plain = match &part.number {
                Some(n) => format!("{n} {}", cx.plain(&part.title)),
                None => cx.plain(&part.title),
            };
            let mut p = blank(cx, plan, v.heading.clone(), plain);
            p.anchor = v.anchor.clone();
            p.part = Some(v);
            p
        }
        PageKind::Local => {
            let v = local_view(cx, rules);
            let plain = match ir.extensions.iter().filter_map(|e| e.title.as_ref()).next() {
                Some(t) => cx.plain(t),
                None => cx.s.get("local_title"),
            };
            let mut p = blank(cx, plan, v.heading.clone(), plain);
            p.anchor = v.anchor.clone();
            p.part = Some(v);
            p
        }
        PageKind::Changes => {
            let since = ir.edition.supersedes.clone().unwrap_or_default();
            let title = cx.tf("changes_title", &[("edition", &cx.m.esc(&since))]);
            let plain = cx.s.get("changes_title").replace("{edition}", &since);
            let mut p = blank(cx, plan, title, plain);
            p.intro = cx.m.paragraph(&cx.t(if ir.changes.is_empty() {
                "changes_none"
            } else {
                "changes_intro"
            }));
            (p.changes, p.retired) = changes(cx);
            p
        }
        PageKind::Indicators => {
            let (t, plain) = fixed("indicators_title");
            let mut p = blank(cx, plan, t, plain);
            p.intro = cx.m.paragraph(&cx.t(if ir.indicators.is_empty() {
                "indicators_none"
            } else {
                "indicators_intro"
            }));
            p.indicators = ir.indicators.iter().map(|i| indicator(cx, i)).collect();
            p
        }
        PageKind::Codelists => {
            let (t, plain) = fixed("codelists_title");
            let mut p = blank(cx, plan, t, plain);
            p.intro = cx.m.paragraph(&cx.t("codelists_intro"));
            p.codelists = codelists(cx);
            p
        }
        PageKind::Reference => {
            let (t, plain) = fixed("reference_title");
            let mut p = blank(cx, plan, t, plain);
            p.reference = reference(cx);
            p
        }
        PageKind::Instruments => {
            let (t, plain) = fixed("instruments_title");
            let mut p = blank(cx, plan, t, plain);
            p.intro = cx.m.paragraph(&cx.t("instruments_intro"));
            p.instruments = instruments(cx);
            p
        }
        PageKind::Codes => {
            let (t, plain) = fixed("codes_title");
            let mut p = blank(cx, plan, t, plain);
            p.intro = cx.m.paragraph(&cx.t("codes_intro"));
            p.codes = codes(cx);
            p
        }
        PageKind::Errata => {
            let (t, plain) = fixed("errata_title");
            let mut p = blank(cx, plan, t, plain);
            p.intro = cx.m.paragraph(&cx.t(if ir.errata.is_empty() {
                "errata_none"
            } else {
                "errata_intro"
            }));
            p.errata = errata(cx);
            p
        }
        PageKind::Allowed => {
            let (t, plain) = fixed("allowed_title");
            let mut p = blank(cx, plan, t, plain);
            p.intro = cx.m.paragraph(&cx.t(if ir.allowed_warnings.is_empty() {
                "allowed_none"
            } else {
                "allowed_intro"
            }));
            p.allowed = allowed(cx);
            p
        }
        PageKind::Untranslated | PageKind::Search => blank(cx, plan, String::new(), String::new()),
    }
}

fn index(cx: &Ctx) -> IndexView {
    let e = &cx.ir.edition;
    let mut facts = Vec::new();
    let mut fact = |key: &str, value: String| {
        if !value.is_empty() {
            facts.push(Fact {
                label: cx.t(key),
                value,
            });
        }
    };
    if let Some(f) = &e.framework {
        fact("title_page_framework", cx.text(f, "edition · framework"));
    }
    fact("edition", cx.m.esc(&e.id));
    let status_key = format!("status_{}", e.status);
    fact(
        "status",
        if cx.s.keys().any(|k| k == status_key) {
            cx.t(&status_key)
        } else {
            cx.m.esc(&e.status)
        },
    );
    if let Some(y) = &e.first_year {
        fact("first_year", cx.m.esc(y));
    }
    if let Some(p) = &e.period {
        fact("period", cx.text(p, "edition · period"));
    }
    if let Some(s) = &e.supersedes {
        fact("supersedes", cx.m.esc(s));
    }
    if let Some(p) = &e.publisher {
        fact("publisher", cx.text(p, "edition · publisher"));
    }
    let preface = match cx.ir.docs.first() {
        Some(d) if d.number.is_none() => cx.rich_opt(&d.text, &format!("{} · text", d.id)),
        _ => String::new(),
    };
    IndexView {
        facts,
        notes: e
            .notes
            .iter()
            .map(|n| cx.rich(n, "edition · notes"))
            .collect(),
        preface,
    }
}

fn chapter(cx: &Ctx, d: &Doc, level: usize) -> ChapterView {
    ChapterView {
        anchor: format!("doc-{}", d.id),
        number: d.number.as_deref().map(|n| cx.m.esc(n)).unwrap_or_default(),
        title: cx.text(&d.title, &format!("{} · title", d.id)),
        level,
        text: cx.rich_opt(&d.text, &format!("{} · text", d.id)),
        sections: d
            .sections
            .iter()
            .map(|s| chapter(cx, s, level + 1))
            .collect(),
    }
}

fn part_view(cx: &Ctx, part: &Part, level: usize, rules: &BTreeMap<&str, &Rule>) -> PartView {
    let ir = cx.ir;
    let mut facts = Vec::new();
    if let Some(c) = part.cohort.as_deref().and_then(|c| cohort_label(cx, c)) {
        facts.push(Fact {
            label: cx.t("cohort"),
            value: c,
        });
    }
    let title = cx.text(&part.title, &format!("{} · title", part.id));
    let number = part
        .number
        .as_deref()
        .map(|n| cx.m.esc(n))
        .unwrap_or_default();
    let groups = part
        .groups
        .iter()
        .filter_map(|g| ir.groups.iter().find(|x| &x.id == g))
        .map(|g| {
            let metrics: Vec<&Metric> = g.metrics.iter().filter_map(|c| ir.metric(c)).collect();
            let gnum = g
                .number
                .as_deref()
                .map(|n| cx.m.esc(&format!("{n}.")))
                .unwrap_or_default();
            GroupView {
                anchor: format!("group-{}", g.id),
                heading: heading(&gnum, &cx.text(&g.title, &format!("{} · title", g.id)), cx),
                level: level + 1,
                note: cx.rich_opt(&g.note, &format!("{} · note", g.id)),
                table: metrics.iter().map(|m| table_metric(cx, m)).collect(),
                metrics: metrics
                    .iter()
                    .map(|m| metric(cx, m, level + 2, rules))
                    .collect(),
            }
        })
        .collect();
    let parts = ir
        .parts
        .iter()
        .filter(|p| p.within.as_deref() == Some(part.id.as_str()))
        .map(|p| part_view(cx, p, level + 1, rules))
        .collect();
    PartView {
        anchor: format!("part-{}", part.id),
        heading: heading(&number, &title, cx),
        level,
        facts,
        intro: cx.rich_opt(&part.intro, &format!("{} · intro", part.id)),
        groups,
        parts,
    }
}

/// The page of the metrics no part holds: a local extension's measures, as one table.
fn local_view(cx: &Ctx, rules: &BTreeMap<&str, &Rule>) -> PartView {
    let ir = cx.ir;
    let metrics: Vec<&Metric> = unplaced(ir)
        .into_iter()
        .filter_map(|c| ir.metric(c))
        .collect();
    let mut facts = Vec::new();
    let titles: Vec<String> = ir
        .extensions
        .iter()
        .filter_map(|e| {
            e.title
                .as_ref()
                .map(|t| cx.text(t, &format!("extension {} · title", e.id)))
        })
        .collect();
    for e in &ir.extensions {
        if let Some(a) = &e.authority {
            facts.push(Fact {
                label: cx.t("authority"),
                value: cx.m.esc(a),
            });
        }
        if let Some(x) = &e.extends {
            facts.push(Fact {
                label: cx.t("extends"),
                value: cx.m.esc(x),
            });
        }
    }
    let heading = match titles.is_empty() {
        true => cx.t("local_title"),
        false => titles.join(&cx.m.esc("; ")),
    };
    PartView {
        anchor: "part-local".into(),
        heading: heading.clone(),
        level: 1,
        facts,
        intro: String::new(),
        groups: vec![GroupView {
            anchor: "group-local".into(),
            heading: cx.t("local_metrics"),
            level: 2,
            note: String::new(),
            table: metrics.iter().map(|m| table_metric(cx, m)).collect(),
            metrics: metrics.iter().map(|m| metric(cx, m, 3, rules)).collect(),
        }],
        parts: vec![],
    }
}

fn cohort_label(cx: &Ctx, id: &str) -> Option<String> {
    let c = cx.ir.cohorts.iter().find(|c| c.id == id)?;
    let label = cx.text(&c.label, &format!("cohort {id} · label"));
    Some(cx.link_to(&format!("cohort:{id}"), &label))
}

fn unit_label(cx: &Ctx, id: &str) -> String {
    match cx.ir.unit(id) {
        Some(u) => cx.link_to(
            &format!("unit:{id}"),
            &cx.text(&u.label, &format!("unit {id} · label")),
        ),
        None => cx.m.esc(id),
    }
}

fn table_metric(cx: &Ctx, m: &Metric) -> TableMetric {
    let wording = cx.text(&m.wording, &place(cx, &m.code, "wording"));
    let mut rows = vec![TableRow {
        code: cx.code(&m.code),
        wording,
        item: false,
    }];
    for i in &m.items {
        let mut w = cx.text(&i.wording, &place(cx, &i.code, "wording"));
        if i.reserved.is_some() {
            w.push_str(&cx.m.esc(&format!(
                " ({}, {})",
                cx.s.get("reserved").to_lowercase(),
                cx.s.get("not_collected")
            )));
        }
        rows.push(TableRow {
            code: cx.code(&i.code),
            wording: w,
            item: true,
        });
    }
    let why_place = place(cx, &m.code, "rationale");
    let (why, why_inline) = match &m.rationale {
        Some(r) => (
            cx.rich(r, &why_place),
            cx.rich_inline(r, &why_place, "<br><br>"),
        ),
        None => (String::new(), String::new()),
    };
    TableMetric {
        span: rows.len(),
        rows,
        why,
        why_inline,
    }
}

/// "AD/001 · wording": where a text is, named as in the spec (the code and the field), for the
/// list of untranslated texts, whose readers are the spec's translators.
fn place(_cx: &Ctx, code: &str, field: &str) -> String {
    format!("{code} · {field}")
}

fn metric(cx: &Ctx, m: &Metric, level: usize, rules: &BTreeMap<&str, &Rule>) -> MetricView {
    let ir = cx.ir;
    let mut facts = Vec::new();
    let mut fact = |key: &str, value: String| {
        facts.push(Fact {
            label: cx.t(key),
            value,
        })
    };
    let unit = unit_label(cx, &m.measure.unit);
    fact(
        "measure",
        match &m.measure.over {
            Some(over) if m.measure.kind == MeasureKind::Sum => cx.tf(
                "measure_sum",
                &[("unit", &unit), ("over", &unit_label(cx, over))],
            ),
            _ => unit,
        },
    );
    fact("value", cx.t(&format!("value_{}", tag(&m.value_type))));
    fact(
        "timing",
        match (m.timing.kind, &m.timing.at) {
            (TimingKind::Stock, Some(at)) => {
                cx.tf("counted_stock_at", &[("at", &cx.m.esc(&cx.s.date(at)))])
            }
            (TimingKind::Stock, None) => cx.t("counted_stock"),
            (TimingKind::Flow, _) => cx.t("counted_flow"),
        },
    );
    if let Some(c) = m.cohort.as_deref().and_then(|c| cohort_label(cx, c)) {
        fact("cohort", c);
    }
    if let Some(src) = &m.collected_from {
        let title = ir
            .sources
            .iter()
            .find(|s| &s.id == src)
            .map(|s| cx.text(&s.title, &format!("source {} · title", s.id)))
            .unwrap_or_else(|| cx.m.esc(src));
        fact(
            "collected_from",
            cx.link_to(&format!("source:{src}"), &title),
        );
    }
    let via_place = place(cx, &m.code, "via");
    let mut parents = Vec::new();
    if let Some(r) = &m.subset_of {
        parents.push(cx.relation("subset_of", r, &via_place));
    }
    if let Some(r) = &m.equals {
        parents.push(cx.relation("equal_to", r, &via_place));
    }
    if !parents.is_empty() {
        fact("part_of", parents.join(&cx.m.esc("; ")));
    }
    if !m.items.is_empty() {
        fact(
            "reported",
            cx.t(if m.collected {
                "reported_total_and_items"
            } else {
                "reported_items"
            }),
        );
    }

    let mut breakdown = Vec::new();
    if let Some(b) = &m.breakdown {
        let of = b.of.as_ref().map(|t| cx.terms(t));
        breakdown.push(match (b.kind, &of) {
            (BreakdownKind::Partition, Some(of)) => cx.tf("breakdown_partition", &[("of", of)]),
            (BreakdownKind::Partition, None) => cx.t("breakdown_partition_total"),
            (BreakdownKind::Exclusive, Some(of)) => cx.tf("breakdown_exclusive", &[("of", of)]),
            (BreakdownKind::Exclusive, None) => cx.t("breakdown_exclusive_total"),
            (BreakdownKind::Overlapping, Some(of)) => cx.tf("breakdown_overlapping", &[("of", of)]),
            (BreakdownKind::Overlapping, None) => cx.t("breakdown_overlapping_total"),
            (BreakdownKind::Independent, _) => cx.t("breakdown_independent"),
        });
        if !b.by.is_empty() {
            let lists: Vec<String> =
                b.by.iter()
                    .map(|id| {
                        let title = ir
                            .codelists
                            .iter()
                            .find(|c| &c.id == id)
                            .map(|c| cx.text(&c.title, &format!("codelist {id} · title")))
                            .unwrap_or_else(|| cx.m.esc(id));
                        cx.link_to(&format!("codelist:{id}"), &title)
                    })
                    .collect();
            breakdown.push(cx.tf("breakdown_by", &[("lists", &lists.join(&cx.m.esc(" × ")))]));
        }
        if let Some(w) = &b.each_within {
            breakdown.push(cx.tf("breakdown_each_within", &[("code", &cx.code(w))]));
        }
    }

    let items = m
        .items
        .iter()
        .map(|i| {
            let mut extra = Vec::new();
            if let Some(r) = &i.reserved {
                extra.push(format!(
                    "{}{}",
                    cx.m.esc(&format!("{}: ", cx.s.get("reserved"))),
                    cx.text(r, &place(cx, &i.code, "reserved"))
                ));
            }
            let p = place(cx, &i.code, "via");
            if let Some(r) = &i.subset_of {
                extra.push(cx.relation("subset_of", r, &p));
            }
            if let Some(r) = &i.equals {
                extra.push(cx.relation("equal_to", r, &p));
            }
            ItemView {
                anchor: code_anchor(&i.code),
                code: cx.m.esc(&i.code),
                wording: cx.text(&i.wording, &place(cx, &i.code, "wording")),
                extra,
                notes: i
                    .notes
                    .iter()
                    .map(|n| cx.rich(n, &place(cx, &i.code, "note")))
                    .collect(),
            }
        })
        .collect();

    let timescales = m.timescales.iter().map(|t| timescale(cx, m, t)).collect();
    let citations = m
        .citations
        .iter()
        .map(|c| CitationView {
            place: cx.citation_place(c),
            quote: c
                .quote
                .as_ref()
                .map(|q| cx.rich(q, &place(cx, &m.code, "quote")))
                .unwrap_or_default(),
        })
        .collect();
    let mut guidance = Vec::new();
    for (key, r) in [
        ("includes", &m.includes),
        ("excludes", &m.excludes),
        ("counting", &m.counting),
    ] {
        if let Some(r) = r {
            guidance.push(Fact {
                label: cx.t(key),
                value: cx.rich(r, &place(cx, &m.code, key)),
            });
        }
    }
    let notes = m
        .notes
        .iter()
        .map(|n| cx.rich(n, &place(cx, &m.code, "note")))
        .collect();

    // Rules: the value and required rules of every item are summarised when there are many.
    // A metric's own rules are listed in full; the rules of other metrics that read it (a
    // breakdown of it, a subset of it) are listed where they belong and named here.
    let involved: Vec<&Rule> = m
        .rules
        .iter()
        .filter_map(|id| rules.get(id.as_str()).copied())
        .collect();
    let mine: Vec<&Rule> = involved
        .iter()
        .copied()
        .filter(|r| r.metric == m.code)
        .collect();
    let mut elsewhere: Vec<String> = Vec::new();
    for r in involved.iter().filter(|r| r.metric != m.code) {
        if !elsewhere.contains(&r.metric) {
            elsewhere.push(r.metric.clone());
        }
    }
    let mut shown = Vec::new();
    let mut rule_summary = Vec::new();
    let rule_place = place(cx, &m.code, "rule");
    for kind in [RuleKind::Value, RuleKind::Required] {
        let of_kind: Vec<&Rule> = mine.iter().copied().filter(|r| r.kind == kind).collect();
        if of_kind.len() <= 2 {
            shown.extend(of_kind);
            continue;
        }
        let key = match (kind, of_kind[0].value_type.map(|v| tag(&v))) {
            (RuleKind::Required, _) => "rule_required_many".to_string(),
            (_, Some(v)) => format!("rule_value_{v}_many"),
            _ => "rule_value_whole_many".to_string(),
        };
        let first = cx.m.esc(&of_kind[0].id);
        let last = cx.m.esc(&of_kind[of_kind.len() - 1].id);
        rule_summary.push(cx.tf(
            &key,
            &[
                ("first", &first),
                ("last", &last),
                ("n", &of_kind.len().to_string()),
            ],
        ));
    }
    shown.extend(
        mine.iter()
            .copied()
            .filter(|r| !r.kind.is_about_one_value()),
    );
    if !elsewhere.is_empty() {
        rule_summary.push(cx.tf("rules_elsewhere", &[("codes", &cx.codes(&elsewhere))]));
    }
    let rules_view: Vec<RuleView> = shown
        .iter()
        .map(|r| RuleView {
            id: cx.m.esc(&r.id),
            severity: cx.t(&format!("severity_{}", tag(&r.severity))),
            message: rule_message(cx, r, &rule_place),
        })
        .collect();

    let title = cx.text(&m.wording, &place(cx, &m.code, "wording"));
    MetricView {
        anchor: code_anchor(&m.code),
        code: cx.m.esc(&m.code),
        title,
        level,
        facts,
        breakdown,
        items,
        timescales,
        citations,
        guidance,
        notes,
        rules: rules_view,
        rule_summary,
        indicators: cx.codes(&m.indicators),
        errata: m
            .errata
            .iter()
            .map(|e| cx.link_to(&format!("erratum:{e}"), &cx.m.esc(e)))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// A rule's message: worded from the rule in the view's language (pmf-words); a rule written
/// in the spec has its author's message.
fn rule_message(cx: &Ctx, r: &Rule, place: &str) -> String {
    cx.phrase(&cx.words().rule(r), place)
}

fn timescale(cx: &Ctx, m: &Metric, t: &Timescale) -> TimescaleView {
    let p = place(cx, &m.code, "timescale");
    let summary = cx.phrase(&cx.words().timescale(t), &p);
    TimescaleView {
        label: t.label.as_ref().map(|l| cx.text(l, &p)).unwrap_or_default(),
        summary,
        citations: t
            .citations
            .iter()
            .map(|c| cx.citation_place(c))
            .collect::<Vec<_>>()
            .join(&cx.m.esc("; ")),
        note: cx.rich_opt(&t.note, &p),
    }
}

fn indicator(cx: &Ctx, i: &Indicator) -> IndicatorView {
    let p = |key: &str| place(cx, &i.code, key);
    let mut facts = vec![
        Fact {
            label: cx.t("formula"),
            value: cx.linked(&i.formula_text),
        },
        Fact {
            label: cx.t("formula_words"),
            value: cx.phrase(&cx.words().formula(&i.formula), &p("formula")),
        },
    ];
    let result_key = format!("result_{}", i.result.as_str());
    let mut result = if cx.s.keys().any(|k| k == result_key) {
        cx.t(&result_key)
    } else {
        cx.m.esc(i.result.as_str())
    };
    let english = pmf_words::Words::new(cx.ir, Lang::En).result_unit(i);
    if let Some(en) = english {
        result.push_str(&cx.m.esc(" ("));
        result.push_str(&match cx.words().result_unit(i) {
            Some(unit) => cx.phrase(&unit, &p("unit")),
            // Made of unit labels that have no Welsh yet: shown in English, and noted.
            None => cx.english(&en.plain(cx.ir, Lang::En), &p("unit")),
        });
        result.push_str(&cx.m.esc(")"));
    }
    facts.push(Fact {
        label: cx.t("result"),
        value: result,
    });
    facts.push(Fact {
        label: cx.t("polarity"),
        value: cx.t(&format!("polarity_{}", tag(&i.polarity))),
    });
    facts.push(Fact {
        label: cx.t("value"),
        value: match i.decimals {
            0 => cx.t("decimals_none"),
            1 => cx.t("decimals_one"),
            n => cx.tf("decimals", &[("n", &n.to_string())]),
        },
    });
    if !i.inputs.is_empty() {
        facts.push(Fact {
            label: cx.t("indicator_inputs"),
            value: cx.codes(&i.inputs),
        });
    }
    if !i.populations.is_empty() {
        let pops: Vec<String> = i
            .populations
            .iter()
            .map(|id| {
                let label = cx
                    .ir
                    .populations
                    .iter()
                    .find(|x| &x.id == id)
                    .map(|x| cx.text(&x.label, &format!("population {id} · label")))
                    .unwrap_or_else(|| cx.m.esc(id));
                cx.link_to(&format!("population:{id}"), &label)
            })
            .collect();
        facts.push(Fact {
            label: cx.t("indicator_populations"),
            value: pops.join(", "),
        });
    }
    if let Some(by) = &i.motivated_by {
        let mut v = cx.code(by);
        if let Some(mo) = &i.motivation {
            v.push_str(&cx.m.esc(": “"));
            v.push_str(&cx.text(mo, &p("motivated_by")));
            v.push_str(&cx.m.esc("”"));
        }
        facts.push(Fact {
            label: cx.t("motivated_by"),
            value: v,
        });
    }
    IndicatorView {
        anchor: code_anchor(&i.code),
        code: cx.m.esc(&i.code),
        title: cx.text(&i.title, &p("title")),
        facts,
        reading: cx.rich_opt(&i.reading, &p("reading")),
        notes: i.notes.iter().map(|n| cx.rich(n, &p("note"))).collect(),
        examples: i
            .examples
            .iter()
            .map(|e| ExampleView {
                inputs: e
                    .inputs
                    .iter()
                    .map(|(c, v)| {
                        format!("{}{}", cx.code(c), cx.m.esc(&format!(" = {}", number(*v))))
                    })
                    .collect::<Vec<_>>()
                    .join(&cx.m.esc("; ")),
                result: cx.m.esc(&format!("{:.*}", i.decimals as usize, e.expect)),
            })
            .collect(),
    }
}

fn codelists(cx: &Ctx) -> Vec<CodelistView> {
    cx.ir
        .codelists
        .iter()
        .map(|c| {
            let p = format!("codelist {}", c.id);
            let entries: Vec<EntryView> = c
                .entries
                .iter()
                .map(|e| {
                    let ep = format!("{p} · {}", e.id);
                    let mut note = e
                        .note
                        .as_ref()
                        .map(|n| cx.rich_inline(n, &ep, " "))
                        .unwrap_or_default();
                    if let Some(r) = &e.reserved {
                        let mut s = cx.m.esc(&format!("{}: ", cx.s.get("reserved")));
                        s.push_str(&cx.text(r, &ep));
                        if !note.is_empty() {
                            s.push(' ');
                            s.push_str(&note);
                        }
                        note = s;
                    }
                    EntryView {
                        id: cx.m.esc(&e.id),
                        label: cx.text(&e.label, &ep),
                        group: e
                            .group
                            .as_ref()
                            .map(|g| match &g.label {
                                Some(l) => cx.text(l, &ep),
                                None => cx.m.esc(&g.id),
                            })
                            .unwrap_or_default(),
                        range: e.range.as_ref().map(|r| cx.ages(r)).unwrap_or_default(),
                        note,
                    }
                })
                .collect();
            CodelistView {
                anchor: format!("codelist-{}", c.id),
                id: cx.m.esc(&c.id),
                title: cx.text(&c.title, &format!("{p} · title")),
                coverage: cx.t(if c.exhaustive {
                    "codelist_exhaustive"
                } else {
                    "codelist_not_exhaustive"
                }),
                note: cx.rich_opt(&c.note, &format!("{p} · note")),
                has_groups: entries.iter().any(|e| !e.group.is_empty()),
                has_ranges: entries.iter().any(|e| !e.range.is_empty()),
                has_notes: entries.iter().any(|e| !e.note.is_empty()),
                entries,
                used_by: cx.codes(&c.used_by),
            }
        })
        .collect()
}

fn reference(cx: &Ctx) -> Vec<TermSection> {
    let ir = cx.ir;
    let mut out = Vec::new();
    let fact = |key: &str, value: String| Fact {
        label: cx.t(key),
        value,
    };
    out.push(TermSection {
        anchor: "cohorts".into(),
        title: cx.t("cohorts"),
        terms: ir
            .cohorts
            .iter()
            .map(|c| TermView {
                anchor: format!("cohort-{}", c.id),
                title: cx.text(&c.label, &format!("cohort {} · label", c.id)),
                facts: c.ages.iter().map(|a| fact("ages", cx.ages(a))).collect(),
                text: cx.rich_opt(&c.definition, &format!("cohort {} · definition", c.id)),
            })
            .collect(),
    });
    out.push(TermSection {
        anchor: "units".into(),
        title: cx.t("units"),
        terms: ir
            .units
            .iter()
            .map(|u| TermView {
                anchor: format!("unit-{}", u.id),
                title: cx.text(&u.label, &format!("unit {} · label", u.id)),
                facts: vec![
                    fact("kind", cx.t(&format!("unit_kind_{}", tag(&u.kind)))),
                    fact("value", cx.t(&format!("value_{}", tag(&u.value_type)))),
                ],
                text: String::new(),
            })
            .collect(),
    });
    out.push(TermSection {
        anchor: "definitions".into(),
        title: cx.t("definitions"),
        terms: ir
            .definitions
            .iter()
            .map(|d| TermView {
                anchor: format!("definition-{}", d.id),
                title: cx.text(&d.term, &format!("definition {} · term", d.id)),
                facts: vec![],
                text: cx.rich_opt(&d.text, &format!("definition {} · text", d.id)),
            })
            .collect(),
    });
    out.push(TermSection {
        anchor: "populations".into(),
        title: cx.t("populations"),
        terms: ir
            .populations
            .iter()
            .map(|p| {
                let mut facts = Vec::new();
                if let Some(c) = p.cohort.as_deref().and_then(|c| cohort_label(cx, c)) {
                    facts.push(fact("cohort", c));
                }
                if let Some(a) = &p.ages {
                    facts.push(fact("ages", cx.ages(a)));
                }
                if let Some(s) = &p.source {
                    facts.push(fact(
                        "source",
                        cx.text(s, &format!("population {} · source", p.id)),
                    ));
                }
                TermView {
                    anchor: format!("population-{}", p.id),
                    title: cx.text(&p.label, &format!("population {} · label", p.id)),
                    facts,
                    text: String::new(),
                }
            })
            .collect(),
    });
    out.push(TermSection {
        anchor: "missing-statuses".into(),
        title: cx.t("missing_statuses"),
        terms: ir
            .missing_statuses
            .iter()
            .map(|s| TermView {
                anchor: format!("missing-{}", s.id),
                title: cx.text(&s.label, &format!("missing {} · label", s.id)),
                facts: vec![fact("code", cx.m.esc(&s.id))],
                text: cx.rich_opt(&s.meaning, &format!("missing {} · meaning", s.id)),
            })
            .collect(),
    });
    out.push(TermSection {
        anchor: "sources".into(),
        title: cx.t("sources"),
        terms: ir
            .sources
            .iter()
            .map(|s| TermView {
                anchor: format!("source-{}", s.id),
                title: cx.text(&s.title, &format!("source {} · title", s.id)),
                facts: vec![],
                text: cx.rich_opt(&s.note, &format!("source {} · note", s.id)),
            })
            .collect(),
    });
    out.retain(|s| !s.terms.is_empty());
    out
}

fn instruments(cx: &Ctx) -> Vec<InstrumentView> {
    cx.ir
        .instruments
        .iter()
        .map(|i| {
            let p = format!("instrument {}", i.id);
            let mut facts = Vec::new();
            if let Some(k) = &i.kind {
                let key = format!("instrument_kind_{k}");
                facts.push(Fact {
                    label: cx.t("kind"),
                    value: if cx.s.keys().any(|x| x == key) {
                        cx.t(&key)
                    } else {
                        cx.m.esc(k)
                    },
                });
            }
            if let Some(s) = &i.short {
                facts.push(Fact {
                    label: cx.t("label"),
                    value: cx.text(s, &format!("{p} · short")),
                });
            }
            if let Some(w) = &i.within {
                let title = cx
                    .ir
                    .instruments
                    .iter()
                    .find(|x| &x.id == w)
                    .map(|x| cx.text(&x.title, &format!("instrument {} · title", x.id)))
                    .unwrap_or_else(|| cx.m.esc(w));
                facts.push(Fact {
                    label: cx.t("via"),
                    value: cx.link_to(&format!("instrument:{w}"), &title),
                });
            }
            InstrumentView {
                anchor: format!("instrument-{}", i.id),
                title: cx.text(&i.title, &format!("{p} · title")),
                facts,
                cited_by: if i.cited_by.is_empty() {
                    cx.t("instrument_not_cited")
                } else {
                    cx.codes(&i.cited_by)
                },
            }
        })
        .collect()
}

fn codes(cx: &Ctx) -> Vec<CodeEntry> {
    let ir = cx.ir;
    let local = unplaced(ir);
    // Where each code is shown: the part page, the page of local measures, or the indicators.
    let at = |m: &Metric| match &m.part {
        Some(p) if !local.contains(&m.code.as_str()) => format!("part:{p}"),
        _ => "local".to_string(),
    };
    let mut entries: Vec<(String, String, String)> = Vec::new();
    for m in &ir.metrics {
        entries.push((
            m.code.clone(),
            cx.text(&m.wording, &place(cx, &m.code, "wording")),
            at(m),
        ));
        for i in &m.items {
            entries.push((
                i.code.clone(),
                cx.text(&i.wording, &place(cx, &i.code, "wording")),
                at(m),
            ));
        }
    }
    for i in &ir.indicators {
        entries.push((
            i.code.clone(),
            cx.text(&i.title, &place(cx, &i.code, "title")),
            "indicator".to_string(),
        ));
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries
        .into_iter()
        .map(|(code, wording, at)| {
            let page = match at.strip_prefix("part:").and_then(|p| ir.part(p)) {
                Some(p) => {
                    let title = cx.text(&p.title, &format!("{} · title", p.id));
                    cx.link_to(
                        &format!("part:{}", p.id),
                        &heading(
                            &p.number.as_deref().map(|n| cx.m.esc(n)).unwrap_or_default(),
                            &title,
                            cx,
                        ),
                    )
                }
                None if at == "indicator" => cx.link_to(&code, &cx.t("indicators_title")),
                None => cx.link_to(&code, &cx.t("local_title")),
            };
            CodeEntry {
                anchor: code_anchor(&code),
                code: cx.code(&code),
                wording,
                page,
            }
        })
        .collect()
}

/// The changes since the superseded edition, by category, and the retired codes.
fn changes(cx: &Ctx) -> (Vec<ChangeSection>, Vec<RetiredView>) {
    let ir = cx.ir;
    let mut sections: Vec<ChangeSection> = Vec::new();
    let mut cats: Vec<String> = Vec::new();
    for c in &ir.changes {
        let cat = tag(&c.category);
        if !cats.contains(&cat) {
            cats.push(cat);
        }
    }
    for cat in cats {
        let changes = ir
            .changes
            .iter()
            .filter(|c| tag(&c.category) == cat)
            .map(|c| ChangeView {
                code: if cx.targets.contains_key(&c.code) {
                    cx.code(&c.code)
                } else {
                    cx.m.esc(&c.code)
                },
                old_code: c
                    .old_code
                    .as_deref()
                    .map(|o| cx.m.esc(o))
                    .unwrap_or_default(),
                message: cx.english(&c.message, &format!("change {} · {}", c.code, c.kind)),
            })
            .collect();
        sections.push(ChangeSection {
            title: cx.t(&format!("change_{cat}")),
            explain: cx.t(&format!("change_{cat}_explain")),
            changes,
        });
    }
    let retired = ir
        .retired
        .iter()
        .map(|r| RetiredView {
            code: cx.m.esc(&r.code),
            last_edition: cx.m.esc(&r.last_edition),
            wording: cx.text(&r.wording, &format!("retired {} · wording", r.code)),
        })
        .collect();
    (sections, retired)
}

fn errata(cx: &Ctx) -> Vec<ErratumView> {
    cx.ir
        .errata
        .iter()
        .map(|e| {
            let p = format!("erratum {}", e.id);
            let affects: Vec<String> = e
                .affects
                .iter()
                .map(|a| {
                    if cx.targets.contains_key(a) {
                        cx.code(a)
                    } else if let Some(g) = cx.ir.groups.iter().find(|g| &g.id == a) {
                        let t = cx.text(&g.title, &format!("{} · title", g.id));
                        cx.link_to(&format!("group:{a}"), &t)
                    } else {
                        cx.m.esc(a)
                    }
                })
                .collect();
            ErratumView {
                anchor: format!("erratum-{}", e.id),
                id: cx.m.esc(&e.id),
                affects: affects.join(", "),
                kind: e
                    .kind
                    .as_ref()
                    .map(|k| {
                        let key = format!("erratum_kind_{k}");
                        if cx.s.keys().any(|x| x == key) {
                            cx.t(&key)
                        } else {
                            cx.m.esc(k)
                        }
                    })
                    .unwrap_or_default(),
                // The text as printed is quoted from the source: it is shown as it was, in the
                // language it was printed in, and never linked.
                source_text: cx.m.esc(e.source_text.get(cx.lang())),
                corrected: e
                    .corrected
                    .as_ref()
                    .map(|c| cx.text(c, &format!("{p} · corrected")))
                    .unwrap_or_default(),
                reason: cx.text(&e.reason, &format!("{p} · reason")),
                fixed_in: match &e.fixed_in {
                    Some(f) => cx.m.esc(f),
                    None => cx.t("not_fixed"),
                },
            }
        })
        .collect()
}

fn allowed(cx: &Ctx) -> Vec<AllowedView> {
    cx.ir
        .allowed_warnings
        .iter()
        .map(|a| AllowedView {
            code: cx.m.esc(&a.code),
            item: a
                .item
                .as_deref()
                .map(|i| {
                    if cx.targets.contains_key(i) {
                        cx.code(i)
                    } else {
                        cx.m.esc(i)
                    }
                })
                .unwrap_or_default(),
            // The file's name, not the path pmf was given: the guidance must not depend on
            // where it was built from.
            location: cx.m.esc(&format!(
                "{}:{}",
                a.location
                    .file
                    .rsplit(['/', '\\'])
                    .next()
                    .unwrap_or(&a.location.file),
                a.location.line
            )),
            message: cx.english(&a.message, &format!("allow {} · message", a.code)),
            reason: cx.english(&a.reason, &format!("allow {} · reason", a.code)),
        })
        .collect()
}
