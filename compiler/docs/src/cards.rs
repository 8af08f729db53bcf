//! The parts of the guidance and their metrics, and the indicators: for each group a table of
//! what is counted and when, then a card per metric with only what is particular to it (the
//! conventions every metric shares are said once, on the page on completing the return).

use super::editorial;
use super::view::*;
use pmf_ir::{
    Indicator, Lang, MeasureKind, Metric, Part, Relation, ResultKind, ResultUnit, Timescale,
    TimingKind,
};
use std::collections::BTreeSet;

/// "5.1 Adults" from a number and an escaped title.
pub fn heading(number: &str, title: &str, cx: &Ctx) -> String {
    if number.is_empty() {
        title.to_string()
    } else {
        format!("{number}{}{title}", cx.m.esc(" "))
    }
}

/// "AD/001 · wording": where a text is, named as in the spec (the code and the field), for the
/// list of untranslated texts, whose readers are the spec's translators.
pub fn place(code: &str, field: &str) -> String {
    format!("{code} · {field}")
}

/// A run-in label: the label in bold, for the start of a line.
fn label(cx: &Ctx, key: &str) -> String {
    cx.m.strong(&cx.t(key))
}

/// A block of one paragraph with a label run in.
fn line(cx: &Ctx, key: &str, value: &str) -> String {
    cx.m.paragraph(&format!("{} {value}", label(cx, key)))
}

/// Whether a wording only leads in to its items or to its parent ("Of those:", "... received
/// from"), so that it cannot stand as a title.
pub fn is_lead_in(wording: &str) -> bool {
    let w = wording.trim();
    let lower = w.to_lowercase();
    w.ends_with(':')
        || w.ends_with(',')
        || lower.ends_with(" from")
        || lower.starts_with("of those")
        || lower.starts_with("of these")
}

/// The metric a metric is read under: the total its breakdown is of, or what it is a part of.
fn parent<'a>(cx: &Ctx<'a>, m: &Metric) -> Option<&'a Metric> {
    let code = m
        .breakdown
        .as_ref()
        .and_then(|b| b.of.as_ref())
        .and_then(|of| of.first())
        .or_else(|| m.subset_of.as_ref().and_then(|r| r.terms.first()))
        .map(|t| t.code.as_str())?;
    let ir = cx.ir;
    ir.metric(code).or_else(|| {
        ir.metrics
            .iter()
            .find(|x| x.items.iter().any(|i| i.code == code))
    })
}

/// A metric's title (markup and plain): its short name where the spec declares one, else its
/// wording. A wording that only leads in ("Of those:", "... received from") is made a title:
/// "Of those" is dropped ("Of those, the number whose reviews ..." → "The number whose reviews
/// ..."), and a lead-in with nothing left is named after the metric it breaks down.
pub fn title(cx: &Ctx, m: &Metric) -> (String, String) {
    title_at(cx, m, 0)
}

fn title_at(cx: &Ctx, m: &Metric, depth: usize) -> (String, String) {
    if let Some(s) = &m.short {
        return (cx.text(s, &place(&m.code, "short")), cx.plain(s));
    }
    let w = cx.plain(&m.wording);
    if !is_lead_in(&m.wording.en) {
        return (cx.text(&m.wording, &place(&m.code, "wording")), w);
    }
    if cx.lang() == Lang::Cy && m.wording.cy.is_none() {
        // Shown in English, and listed, as the wording would be.
        cx.text(&m.wording, &place(&m.code, "wording"));
    }
    let trimmed = lead_in_title(&w);
    if trimmed.split_whitespace().count() >= 3 {
        let markup = match (cx.lang(), &m.wording.cy) {
            (Lang::Cy, None) => cx.m.foreign(Lang::En, &cx.linked(&trimmed), false),
            _ => cx.linked(&trimmed),
        };
        return (markup, trimmed);
    }
    match parent(cx, m).filter(|p| p.code != m.code && depth < 8) {
        Some(p) => {
            let (t, plain) = title_at(cx, p, depth + 1);
            (
                cx.tf("title_by_item", &[("title", &t)]),
                cx.tf_plain("title_by_item", &[("title", &plain)]),
            )
        }
        None => (cx.text(&m.wording, &place(&m.code, "wording")), w),
    }
}

/// A lead-in as a title: without "Of those" before it and the colon after it, capitalised.
fn lead_in_title(w: &str) -> String {
    let mut t = w.trim();
    for lead in ["of those", "of these"] {
        if t.to_lowercase().starts_with(lead) {
            t = t[lead.len()..].trim_start_matches([',', ':', ' ']);
        }
    }
    let t = t.trim_end_matches([':', ',', ' ']);
    let mut chars = t.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn cohort_label(cx: &Ctx, id: &str) -> Option<String> {
    let c = cx.ir.cohorts.iter().find(|c| c.id == id)?;
    let label = cx.text(&c.label, &format!("cohort {id} · label"));
    Some(cx.link_to(&format!("cohort:{id}"), &label))
}

fn unit_label(cx: &Ctx, id: &str) -> String {
    match cx.ir.unit(id) {
        Some(u) => cx.text(&u.label, &format!("unit {id} · label")),
        None => cx.m.esc(id),
    }
}

/// What a metric counts, in a few words: "contacts", "days, summed over services".
fn counts(cx: &Ctx, m: &Metric) -> String {
    let unit = unit_label(cx, &m.measure.unit);
    match &m.measure.over {
        Some(over) if m.measure.kind == MeasureKind::Sum => cx.tf(
            "measure_sum",
            &[("unit", &unit), ("over", &unit_label(cx, over))],
        ),
        _ => unit,
    }
}

/// When a metric is counted: "During the year", "At 31 March".
fn when(cx: &Ctx, m: &Metric) -> String {
    match (m.timing.kind, &m.timing.at) {
        (TimingKind::Stock, Some(at)) => cx.tf("when_at", &[("at", &cx.m.esc(&cx.s.date(at)))]),
        (TimingKind::Stock, None) => cx.t("when_stock"),
        (TimingKind::Flow, _) => cx.t("when_year"),
    }
}

pub fn part_view(cx: &Ctx, part: &Part, level: usize) -> PartView {
    let ir = cx.ir;
    let title = cx.text(&part.title, &format!("{} · title", part.id));
    let number = part
        .number
        .as_deref()
        .map(|n| cx.m.esc(n))
        .unwrap_or_default();
    let mut intro = Vec::new();
    if let Some(c) = part.cohort.as_deref().and_then(|c| cohort_label(cx, c)) {
        intro.push(cx.m.paragraph(&cx.tf("part_cohort", &[("cohort", &c)])));
    }
    if let Some(r) = &part.intro {
        intro.push(cx.rich(r, &format!("{} · intro", part.id)));
    }
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
            let note = match &g.note {
                Some(n) if !editorial::about_source(n) => cx.rich(n, &format!("{} · note", g.id)),
                _ => String::new(),
            };
            GroupView {
                anchor: format!("group-{}", g.id),
                heading: heading(&gnum, &cx.text(&g.title, &format!("{} · title", g.id)), cx),
                level: level + 1,
                note,
                rows: metrics.iter().map(|m| row(cx, m)).collect(),
                metrics: metrics
                    .iter()
                    .map(|m| metric(cx, m, level + 2, part.cohort.as_deref()))
                    .collect(),
            }
        })
        .collect();
    let parts = ir
        .parts
        .iter()
        .filter(|p| p.within.as_deref() == Some(part.id.as_str()))
        .map(|p| part_view(cx, p, level + 1))
        .collect();
    PartView {
        anchor: format!("part-{}", part.id),
        heading: heading(&number, &title, cx),
        level,
        intro: cx.m.blocks(&intro),
        groups,
        parts,
    }
}

/// The page of the metrics no part holds: a local extension's measures, in one group.
pub fn local_view(cx: &Ctx) -> PartView {
    let ir = cx.ir;
    let metrics: Vec<&Metric> = unplaced(ir)
        .into_iter()
        .filter_map(|c| ir.metric(c))
        .collect();
    let titles: Vec<String> = ir
        .extensions
        .iter()
        .filter_map(|e| {
            e.title
                .as_ref()
                .map(|t| cx.text(t, &format!("extension {} · title", e.id)))
        })
        .collect();
    let mut intro = Vec::new();
    for e in &ir.extensions {
        if let Some(a) = &e.authority {
            intro.push(line(cx, "authority", &cx.m.esc(a)));
        }
        if let Some(x) = &e.extends {
            intro.push(line(cx, "extends", &cx.m.esc(x)));
        }
    }
    let heading = match titles.is_empty() {
        true => cx.t("local_title"),
        false => titles.join(&cx.m.esc("; ")),
    };
    PartView {
        anchor: "part-local".into(),
        heading,
        level: 1,
        intro: cx.m.blocks(&intro),
        groups: vec![GroupView {
            anchor: "group-local".into(),
            heading: cx.t("local_metrics"),
            level: 2,
            note: String::new(),
            rows: metrics.iter().map(|m| row(cx, m)).collect(),
            metrics: metrics.iter().map(|m| metric(cx, m, 3, None)).collect(),
        }],
        parts: vec![],
    }
}

fn row(cx: &Ctx, m: &Metric) -> TableRow {
    TableRow {
        code: cx.code(&m.code),
        title: title(cx, m).0,
        counts: counts(cx, m),
        when: when(cx, m),
    }
}

/// "At most AD/001" or "Equal to AD/002b", with the correspondence of units when given.
fn relation(cx: &Ctx, kind: &str, r: &Relation, place: &str) -> String {
    let key = match (kind, r.terms.len()) {
        ("subset", 1) => "part_of_one",
        ("subset", _) => "part_of_sum",
        _ => "equal_to",
    };
    cx.relation(key, r, place)
}

fn metric(cx: &Ctx, m: &Metric, level: usize, part_cohort: Option<&str>) -> MetricView {
    let ir = cx.ir;
    let (title, title_plain) = title(cx, m);
    // The wording as printed, when the title is not it.
    let wording = match title_plain == cx.plain(&m.wording) {
        true => String::new(),
        false => cx.text(&m.wording, &place(&m.code, "wording")),
    };
    let mut lines = Vec::new();
    if let Some(r) = &m.rationale {
        lines.extend(cx.rich_blocks(r, &place(&m.code, "rationale"), &label(cx, "why")));
    }
    let tail_from = lines.len().saturating_sub(1);
    let via = place(&m.code, "via");
    if let Some(r) = &m.subset_of {
        lines.push(line(cx, "part_of", &relation(cx, "subset", r, &via)));
    }
    if let Some(r) = &m.equals {
        lines.push(line(cx, "same_as", &relation(cx, "equals", r, &via)));
    }
    // Timescales, each with the requirement that sets it; then what else is cited.
    let mut cited: BTreeSet<String> = BTreeSet::new();
    for t in &m.timescales {
        for c in &t.citations {
            cited.insert(format!("{c:?}"));
        }
        lines.push(timescale(cx, m, t));
    }
    let rationale = m
        .rationale
        .as_ref()
        .map(|r| squash(&r.plain()))
        .unwrap_or_default();
    let mut places = Vec::new();
    let mut quotes = Vec::new();
    for c in &m.citations {
        let quoted = c.quote.as_ref().map(|q| squash(&q.plain()));
        // A quotation the rationale already gives is not printed twice.
        let shown = quoted
            .as_ref()
            .is_some_and(|q| rationale.contains(q.as_str()));
        let known = cited.contains(&format!(
            "{:?}",
            pmf_ir::Citation {
                quote: None,
                ..c.clone()
            }
        ));
        if known && (shown || c.quote.is_none()) {
            continue;
        }
        places.push(cx.citation_place(c));
        if let (Some(q), false) = (&c.quote, shown) {
            quotes.push(cx.m.quote(&cx.rich_inline(q, &place(&m.code, "quote"), " ")));
        }
    }
    if !places.is_empty() {
        lines.push(line(cx, "legal_basis", &places.join(&cx.m.esc("; "))));
        lines.extend(quotes);
    }
    if let Some(c) = m.cohort.as_deref() {
        if Some(c) != part_cohort {
            if let Some(l) = cohort_label(cx, c) {
                lines.push(line(cx, "cohort", &l));
            }
        }
    }
    if let Some(src) = &m.collected_from {
        let t = ir
            .sources
            .iter()
            .find(|s| &s.id == src)
            .map(|s| cx.text(&s.title, &format!("source {} · title", s.id)))
            .unwrap_or_else(|| cx.m.esc(src));
        lines.push(line(
            cx,
            "collected_from",
            &cx.link_to(&format!("source:{src}"), &t),
        ));
    }
    for (key, r) in [
        ("includes", &m.includes),
        ("excludes", &m.excludes),
        ("counting", &m.counting),
    ] {
        if let Some(r) = r {
            lines.push(cx.rich_lead(r, &place(&m.code, key), &label(cx, key)));
        }
    }
    if !m.items.is_empty() && m.collected {
        lines.push(
            cx.m.paragraph(&cx.tf("reported_total_and_items", &[("code", &cx.code(&m.code))])),
        );
    }
    lines.extend(super::counting::how_counted(cx, m));
    for n in m.notes.iter().filter(|n| !editorial::about_source(n)) {
        lines.push(cx.rich_lead(n, &place(&m.code, "note"), &label(cx, "note")));
    }
    if !m.indicators.is_empty() {
        lines.push(line(cx, "indicators_fed", &cx.codes(&m.indicators)));
    }
    for e in &m.errata {
        if let Some(e) = ir.errata.iter().find(|x| &x.id == e) {
            // A correction made (in this edition or an earlier one) reads as this edition does.
            if editorial::for_readers(e) && e.fixed_in.is_some() {
                lines.push(line(cx, "corrected_line", &correction(cx, e)));
            }
        }
    }

    let items: Vec<ItemView> = m
        .items
        .iter()
        .map(|i| {
            let mut extra = Vec::new();
            let mut wording = cx.text(&i.wording, &place(&i.code, "wording"));
            if let Some(r) = &i.reserved {
                // Why an item is kept is for the editors when it is about the printed text.
                match editorial::about_source(&pmf_ir::Rich::parse(&r.en, None)) {
                    true => {
                        wording.push(' ');
                        wording.push_str(&cx.t("reserved_inline"));
                    }
                    false => extra.push(format!(
                        "{} {}",
                        label(cx, "reserved"),
                        cx.text(r, &place(&i.code, "reserved"))
                    )),
                }
            }
            let p = place(&i.code, "via");
            if let Some(r) = &i.subset_of {
                extra.push(format!(
                    "{} {}",
                    label(cx, "part_of"),
                    relation(cx, "subset", r, &p)
                ));
            }
            if let Some(r) = &i.equals {
                extra.push(format!(
                    "{} {}",
                    label(cx, "same_as"),
                    relation(cx, "equals", r, &p)
                ));
            }
            for n in i.notes.iter().filter(|n| !editorial::about_source(n)) {
                extra.push(cx.rich_inline(n, &place(&i.code, "note"), " "));
            }
            ItemView {
                anchor: code_anchor(&i.code),
                code: cx.m.esc(&i.code),
                wording,
                extra,
            }
        })
        .collect();
    let columns = items.len() >= 6
        && m.items
            .iter()
            .all(|i| i.reserved.is_none() && cx.plain(&i.wording).chars().count() <= 36)
        && items.iter().all(|i| i.extra.is_empty());

    MetricView {
        anchor: code_anchor(&m.code),
        code: cx.m.esc(&m.code),
        title,
        title_plain: cx.m.plain(&format!("{} {title_plain}", m.code)),
        wording,
        level,
        items,
        columns,
        breakdown: breakdown(cx, m),
        lines,
        tail_from,
    }
}

/// Text as compared for "the rationale already quotes it": lower case, words only.
fn squash(s: &str) -> String {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// How a metric's items relate to a total, in one sentence.
fn breakdown(cx: &Ctx, m: &Metric) -> String {
    let Some(b) = &m.breakdown else {
        return String::new();
    };
    let kind = tag(&b.kind);
    let of = b.of.as_ref().map(|t| cx.terms(t));
    let code = cx.code(&m.code);
    let own = |key: &str| cx.tf(key, &[("code", &code)]);
    let mut s = match (kind.as_str(), &of) {
        ("partition", Some(of)) => cx.tf("breakdown_partition", &[("of", of)]),
        ("partition", None) => own("breakdown_partition_total"),
        ("exclusive", Some(of)) => cx.tf("breakdown_exclusive", &[("of", of)]),
        ("exclusive", None) => own("breakdown_exclusive_total"),
        ("overlapping", Some(of)) => cx.tf("breakdown_overlapping", &[("of", of)]),
        ("overlapping", None) => own("breakdown_overlapping_total"),
        _ => cx.t("breakdown_independent"),
    };
    if let Some(w) = &b.each_within {
        s.push(' ');
        s.push_str(&cx.tf("breakdown_each_within", &[("code", &cx.code(w))]));
    }
    s
}

/// A correction a reader needs, in words: "the consultation draft printed “AD/010”; this
/// edition reads “AD/009”".
pub fn correction(cx: &Ctx, e: &pmf_ir::Erratum) -> String {
    let (printed, now) = correction_texts(cx, e);
    cx.tf("correction", &[("printed", &printed), ("now", &now)])
}

/// The words of an erratum that changed, as printed and as corrected, escaped.
pub fn correction_texts(cx: &Ctx, e: &pmf_ir::Erratum) -> (String, String) {
    let printed = e.source_text.get(cx.lang()).to_string();
    let corrected = e
        .corrected
        .as_ref()
        .map(|c| c.get(cx.lang()).to_string())
        .unwrap_or_default();
    if corrected.is_empty() {
        return (cx.m.esc(&printed), String::new());
    }
    // A changed code or cross-reference is shown as the words that changed; other corrections
    // (an item given a code, a range) as the whole text.
    let (a, b) = match e.kind.as_deref() {
        Some("code" | "cross_reference" | "numbering") => {
            editorial::changed_words(&printed, &corrected)
        }
        _ => (printed, corrected),
    };
    // The corrected words are the edition's own text: linked like any other.
    (cx.m.esc(&a), cx.linked(&b))
}

fn timescale(cx: &Ctx, m: &Metric, t: &Timescale) -> String {
    let p = place(&m.code, "timescale");
    let summary = cx.phrase(&cx.words().timescale(t), &p);
    let mut s = match &t.label {
        Some(l) => cx.tf(
            "timescale_labelled",
            &[("label", &cx.text(l, &p)), ("summary", &summary)],
        ),
        None => summary,
    };
    let cites: Vec<String> = t.citations.iter().map(|c| cx.citation_place(c)).collect();
    if !cites.is_empty() {
        s.push_str(&cx.m.esc(" ("));
        s.push_str(&cites.join(&cx.m.esc("; ")));
        s.push_str(&cx.m.esc(")"));
    }
    s.push_str(&cx.m.esc("."));
    let mut out = line(cx, "timescale", &s);
    if let Some(n) = t.note.as_ref().filter(|n| !editorial::about_source(n)) {
        out = cx.m.blocks(&[out, cx.rich(n, &p)]);
    }
    out
}

/// The indicators, by the part they belong to, in part order; those of no part last.
pub fn indicator_sections(cx: &Ctx) -> Vec<IndicatorSection> {
    let ir = cx.ir;
    let mut parts: Vec<Option<&str>> = Vec::new();
    for i in &ir.indicators {
        let p = i.part.as_deref().map(|p| top_part(ir, p));
        if !parts.contains(&p) {
            parts.push(p);
        }
    }
    parts.sort_by_key(|p| match p {
        Some(id) => ir
            .parts
            .iter()
            .position(|x| x.id == *id)
            .unwrap_or(usize::MAX - 1),
        None => usize::MAX,
    });
    parts
        .into_iter()
        .map(|p| {
            let list: Vec<&Indicator> = ir
                .indicators
                .iter()
                .filter(|i| i.part.as_deref().map(|x| top_part(ir, x)) == p)
                .collect();
            let (anchor, title) = match p.and_then(|id| ir.part(id)) {
                Some(part) => (
                    format!("indicators-{}", part.id),
                    cx.text(&part.title, &format!("{} · title", part.id)),
                ),
                None => ("indicators-other".to_string(), cx.t("indicators_other")),
            };
            IndicatorSection {
                anchor,
                title,
                rows: list.iter().map(|i| indicator_row(cx, i)).collect(),
                indicators: list.iter().map(|i| indicator(cx, i)).collect(),
            }
        })
        .collect()
}

fn indicator_row(cx: &Ctx, i: &Indicator) -> IndicatorRow {
    IndicatorRow {
        code: cx.code(&i.code),
        title: cx.text(&i.title, &place(&i.code, "title")),
        better: cx.t(&format!("better_{}", tag(&i.polarity))),
        from: i
            .motivated_by
            .as_deref()
            .map(|c| cx.code(c))
            .unwrap_or_default(),
    }
}

fn indicator(cx: &Ctx, i: &Indicator) -> IndicatorView {
    let p = |key: &str| place(&i.code, key);
    let words = cx.phrase(&cx.words().formula(&i.formula), &p("formula"));
    let result_key = format!("result_{}", i.result.as_str());
    let mut result = if cx.has(&result_key) {
        cx.t(&result_key)
    } else {
        cx.m.esc(i.result.as_str())
    };
    // The unit of an average or a ratio of different units ("days per person"); a percentage
    // and a rate say theirs in the formula's words.
    if matches!(i.result, ResultKind::Average | ResultKind::Ratio)
        && matches!(i.result_unit, ResultUnit::Per { .. })
    {
        result.push_str(&cx.m.esc(" ("));
        result.push_str(&match cx.words().result_unit(i) {
            Some(unit) => cx.phrase(&unit, &p("unit")),
            // Made of unit labels that have no Welsh yet: shown in English, and noted.
            None => cx.english(
                &pmf_words::Words::new(cx.ir, Lang::En)
                    .result_unit(i)
                    .map(|u| u.plain(cx.ir, Lang::En))
                    .unwrap_or_default(),
                &p("unit"),
            ),
        });
        result.push_str(&cx.m.esc(")"));
    }
    let rounding = match i.decimals {
        0 => cx.t("round_none"),
        1 => cx.t("round_one"),
        n => cx.tf("round_n", &[("n", &n.to_string())]),
    };
    let mut lines = vec![line(
        cx,
        "formula",
        &cx.tf(
            "formula_line",
            &[
                ("words", &words),
                ("result", &result),
                ("rounding", &rounding),
            ],
        ),
    )];
    if let Some(r) = &i.reading {
        lines.push(cx.rich_lead(r, &p("reading"), &label(cx, "reading")));
    }
    for n in i.notes.iter().filter(|n| !editorial::about_source(n)) {
        lines.push(cx.rich_lead(n, &p("note"), &label(cx, "note")));
    }
    for e in &i.examples {
        let inputs = e
            .inputs
            .iter()
            .map(|(c, v)| {
                // A population figure by its label, not its identifier.
                let name = match cx.ir.populations.iter().find(|p| &p.id == c) {
                    Some(p) => cx.link_to(
                        &format!("population:{c}"),
                        &cx.text(&p.label, &format!("population {c} · label")),
                    ),
                    None => cx.code(c),
                };
                format!("{name}{}", cx.m.esc(&format!(" = {}", number(*v))))
            })
            .collect::<Vec<_>>()
            .join(&cx.m.esc("; "));
        let result = cx.m.esc(&format!("{:.*}", i.decimals as usize, e.expect));
        lines.push(line(
            cx,
            "worked_example",
            &cx.tf("example_gives", &[("inputs", &inputs), ("result", &result)]),
        ));
    }
    IndicatorView {
        anchor: code_anchor(&i.code),
        code: cx.m.esc(&i.code),
        title: cx.text(&i.title, &p("title")),
        title_plain: cx.m.plain(&format!("{} {}", i.code, cx.plain(&i.title))),
        lines,
    }
}
