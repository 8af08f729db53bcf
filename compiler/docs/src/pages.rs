//! Builds the view of each page from the IR (see `view.rs` for the types and their invariants):
//! the guidance's pages here and in `cards.rs`, the annex's in `annex.rs`.

use super::cards::{self, heading, place};
use super::markup;
use super::view::*;
use pmf_ir::{Doc, Ir, Lang, Metric};

/// Builds every page of both documents, in reading order, and the parts shared by all of them.
pub fn build(cx: &Ctx) -> (SiteView, Vec<PageView>) {
    let mut pages = Vec::new();
    for plan in &cx.pages {
        cx.set_page(&plan.id);
        // The list of untranslated texts is complete only when every other page is built.
        if plan.kind == PageKind::Untranslated {
            continue;
        }
        pages.push(page(cx, plan));
    }
    if let Some(plan) = cx.pages.iter().find(|p| p.kind == PageKind::Untranslated) {
        cx.set_page(&plan.id);
        pages.push(super::annex::untranslated(cx, plan));
    }
    // Previous and next links, in reading order, within each document.
    for doc in [Document::Guidance, Document::Annex] {
        let idx: Vec<usize> = (0..pages.len())
            .filter(|&i| pages[i].document == doc)
            .collect();
        let links: Vec<PageLink> = idx
            .iter()
            .map(|&i| PageLink {
                id: pages[i].id.clone(),
                title: pages[i].title.clone(),
            })
            .collect();
        for (n, &i) in idx.iter().enumerate() {
            pages[i].prev = n.checked_sub(1).and_then(|j| links.get(j).cloned());
            pages[i].next = links.get(n + 1).cloned();
        }
    }
    cx.set_page("");
    let site = site(cx, &pages);
    (site, pages)
}

fn site(cx: &Ctx, pages: &[PageView]) -> SiteView {
    let e = &cx.ir.edition;
    let toc = |doc: Document| {
        pages
            .iter()
            .filter(|p| p.kind != "index" && p.document == doc)
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
                    _ => p
                        .sections
                        .iter()
                        .map(|s| TocEntry {
                            page: p.id.clone(),
                            anchor: s.anchor.clone(),
                            title: s.title.clone(),
                            children: vec![],
                        })
                        .chain(p.indicators.iter().map(|s| TocEntry {
                            page: p.id.clone(),
                            anchor: s.anchor.clone(),
                            title: s.title.clone(),
                            children: vec![],
                        }))
                        .collect(),
                },
            })
            .collect::<Vec<_>>()
    };
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
        toc: toc(Document::Guidance),
        annex_toc: toc(Document::Annex),
        downloads: vec![],
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

pub fn blank(cx: &Ctx, plan: &PagePlan, title: String, title_plain: String) -> PageView {
    PageView {
        id: plan.id.clone(),
        kind: kind_name(&plan.kind).to_string(),
        document: plan.kind.document(),
        anchor: format!("page-{}", plan.id),
        title,
        title_plain: cx.m.plain(&title_plain),
        intro: String::new(),
        index: None,
        chapter: None,
        part: None,
        sections: vec![],
        indicators: vec![],
        instruments: vec![],
        corrections: vec![],
        codes: vec![],
        errata: vec![],
        source_notes: vec![],
        allowed: vec![],
        rules: vec![],
        codelists: vec![],
        ids: vec![],
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
        PageKind::Completing => "sections",
        PageKind::Part(_) | PageKind::Local => "part",
        PageKind::Changes => "changes",
        PageKind::Indicators => "indicators",
        PageKind::Definitions => "sections",
        PageKind::Instruments => "instruments",
        PageKind::Corrections => "corrections",
        PageKind::Codes => "codes",
        PageKind::AnnexIndex => "annex",
        PageKind::Errata => "errata",
        PageKind::SourceNotes => "source_notes",
        PageKind::Allowed => "allowed",
        PageKind::Rules => "rules",
        PageKind::Identifiers => "identifiers",
        PageKind::Untranslated => "untranslated",
        PageKind::Search => "search",
    }
}

/// A page whose title is fixed wording.
fn fixed_page(cx: &Ctx, plan: &PagePlan, key: &str) -> PageView {
    blank(cx, plan, cx.t(key), cx.fixed(key))
}

fn page(cx: &Ctx, plan: &PagePlan) -> PageView {
    let ir = cx.ir;
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
        PageKind::Completing => {
            let mut p = fixed_page(cx, plan, "completing_title");
            p.sections = completing(cx);
            p
        }
        PageKind::Part(id) => {
            let Some(part) = ir.part(id) else {
                return blank(cx, plan, String::new(), String::new());
            };
            let v = cards::part_view(cx, part, 1);
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
            let v = cards::local_view(cx);
            let plain = match ir.extensions.iter().filter_map(|e| e.title.as_ref()).next() {
                Some(t) => cx.plain(t),
                None => cx.fixed("local_title"),
            };
            let mut p = blank(cx, plan, v.heading.clone(), plain);
            p.anchor = v.anchor.clone();
            p.part = Some(v);
            p
        }
        PageKind::Changes => {
            let since = ir.edition.supersedes.clone().unwrap_or_default();
            let title = cx.tf("changes_title", &[("edition", &cx.m.esc(&since))]);
            let plain = cx.tf_plain("changes_title", &[("edition", &since)]);
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
            let mut p = fixed_page(cx, plan, "indicators_title");
            p.intro = cx.m.paragraph(&cx.t(if ir.indicators.is_empty() {
                "indicators_none"
            } else {
                "indicators_intro"
            }));
            p.indicators = cards::indicator_sections(cx);
            p
        }
        PageKind::Definitions => {
            let mut p = fixed_page(cx, plan, "definitions_title");
            p.sections = definitions(cx);
            p
        }
        PageKind::Instruments => {
            let mut p = fixed_page(cx, plan, "instruments_title");
            p.intro = cx.m.paragraph(&cx.t("instruments_intro"));
            p.instruments = instruments(cx);
            p
        }
        PageKind::Corrections => {
            let mut p = fixed_page(cx, plan, "corrections_title");
            p.intro = cx.m.paragraph(&cx.t("corrections_intro"));
            p.corrections = corrections(cx);
            p
        }
        PageKind::Codes => {
            let mut p = fixed_page(cx, plan, "codes_title");
            p.intro = cx.m.paragraph(&cx.t("codes_intro"));
            p.codes = codes(cx);
            p
        }
        PageKind::AnnexIndex
        | PageKind::Errata
        | PageKind::SourceNotes
        | PageKind::Allowed
        | PageKind::Rules
        | PageKind::Identifiers
        | PageKind::Untranslated => super::annex::page(cx, plan),
        PageKind::Search => blank(cx, plan, String::new(), String::new()),
    }
}

/// "12 December 2019" from `2019-12-12`, month in the view's language; other text as it is.
fn long_date(cx: &Ctx, date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = date.split('-').collect();
    if let [y, m, d] = parts.as_slice() {
        if let (Ok(m), Ok(d)) = (m.parse::<usize>(), d.parse::<u32>()) {
            if let Some(month) = m.checked_sub(1).and_then(|i| MONTHS.get(i)) {
                return cx.s.date(&format!("{d} {month} {y}"));
            }
        }
    }
    date.to_string()
}

/// Whether every text the Welsh guidance would print has a Welsh version, so that the English
/// guidance can say it is also available in Welsh.
pub fn welsh_complete(ir: &Ir) -> bool {
    let m = markup::Markdown;
    let cx = Ctx::new(ir, Lang::Cy, &m);
    build(&cx);
    cx.untranslated().is_empty() && ir.welsh_to_review.is_empty()
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
    fact("edition", cx.m.esc(&e.id));
    let status_key = format!("status_{}", e.status);
    fact(
        "status",
        if cx.has(&status_key) {
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
    let mut colophon = Vec::new();
    if let Some(p) = &e.publisher {
        colophon.push(("publisher", cx.text(p, "edition · publisher")));
    }
    if let Some(d) = &e.published {
        colophon.push(("published", cx.m.esc(&long_date(cx, d))));
    }
    if let Some(n) = &e.number {
        colophon.push(("document_number", cx.m.esc(n)));
    }
    for (key, value) in &colophon {
        fact(key, value.clone());
    }
    let colophon: Vec<Fact> = colophon
        .into_iter()
        .map(|(key, value)| Fact {
            label: cx.t(key),
            value,
        })
        .collect();
    let mut notice = Vec::new();
    if let Some(c) = &e.copyright {
        notice.push(cx.m.paragraph(&format!(
            "{}{}",
            cx.m.esc("© "),
            cx.text(c, "edition · copyright")
        )));
    }
    if e.licence.as_deref() == Some("ogl") {
        notice.push(cx.m.paragraph(&cx.t("licence_ogl")));
    }
    let other_language = match cx.lang() {
        Lang::Cy => true,
        Lang::En => welsh_complete(cx.ir),
    };
    let other_language = match other_language {
        true => cx.m.paragraph(&cx.t("also_available")),
        false => String::new(),
    };
    let contact = e
        .contact
        .as_ref()
        .map(|c| {
            cx.m.paragraph(&format!(
                "{} {}",
                cx.m.strong(&cx.t("contact")),
                cx.text(c, "edition · contact")
            ))
        })
        .unwrap_or_default();
    let preface = match cx.ir.docs.first() {
        Some(d) if d.number.is_none() => cx.rich_opt(&d.text, &format!("{} · text", d.id)),
        _ => String::new(),
    };
    IndexView {
        facts,
        colophon,
        notice,
        other_language,
        contact,
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

fn section(cx: &Ctx, anchor: &str, title_key: &str, text: Vec<String>) -> SectionView {
    SectionView {
        anchor: anchor.into(),
        title: cx.t(title_key),
        text: cx.m.blocks(&text),
        terms: vec![],
        populations: vec![],
        downloads: false,
    }
}

/// How to complete the return: the conventions every metric shares, said once.
fn completing(cx: &Ctx) -> Vec<SectionView> {
    let ir = cx.ir;
    let p = |key: &str| cx.m.paragraph(&cx.t(key));
    let mut what = vec![match &ir.edition.period {
        Some(period) => cx.m.paragraph(&cx.tf(
            "completing_what_period",
            &[("period", &cx.text(period, "edition · period"))],
        )),
        None => p("completing_what"),
    }];
    what.push(p("completing_when"));
    let mut figures = vec![p("completing_whole")];
    let decimal: Vec<String> = ir
        .units
        .iter()
        .filter(|u| tag(&u.value_type) == "decimal")
        .map(|u| cx.text(&u.label, &format!("unit {} · label", u.id)))
        .collect();
    if !decimal.is_empty() {
        figures.push(cx.m.paragraph(&cx.tf(
            "completing_decimal",
            &[("units", &decimal.join(&cx.m.esc(", ")))],
        )));
    }
    let mut missing = section(
        cx,
        "completing-missing",
        "completing_missing_title",
        vec![p(if ir.missing_statuses.is_empty() {
            "completing_missing_none"
        } else {
            "completing_missing"
        })],
    );
    missing.terms = ir
        .missing_statuses
        .iter()
        .map(|s| {
            let label =
                cx.m.strong(&cx.text(&s.label, &format!("missing {} · label", s.id)));
            TermView {
                anchor: format!("missing-{}", s.id),
                text: match &s.meaning {
                    Some(r) => cx.rich_lead(r, &format!("missing {} · meaning", s.id), &label),
                    None => cx.m.paragraph(&label),
                },
            }
        })
        .collect();
    let checks = vec![p("completing_checks"), {
        let annex = cx.link_to("page:annex-rules", &cx.t("completing_rules_link"));
        cx.m.paragraph(&cx.tf("completing_rules", &[("annex", &annex)]))
    }];
    let mut submitting = section(
        cx,
        "completing-submitting",
        "completing_submitting_title",
        vec![p("completing_submitting")],
    );
    submitting.downloads = true;
    vec![
        section(cx, "completing-what", "completing_what_title", what),
        section(
            cx,
            "completing-figures",
            "completing_figures_title",
            figures,
        ),
        missing,
        section(
            cx,
            "completing-items",
            "completing_items_title",
            vec![p("completing_items"), p("completing_items_total")],
        ),
        section(cx, "completing-checks", "completing_checks_title", checks),
        section(
            cx,
            "completing-exceptions",
            "completing_exceptions_title",
            vec![p("completing_exceptions")],
        ),
        submitting,
    ]
}

/// Cohorts, terms, population figures and other data collections.
fn definitions(cx: &Ctx) -> Vec<SectionView> {
    let ir = cx.ir;
    let term = |anchor: String, title: String, text: &Option<pmf_ir::Rich>, place: String| {
        let label = cx.m.strong(&title);
        TermView {
            anchor,
            text: match text {
                Some(r) => cx.rich_lead(r, &place, &label),
                None => cx.m.paragraph(&label),
            },
        }
    };
    let mut out = Vec::new();
    let mut people = section(cx, "cohorts", "cohorts", vec![]);
    people.terms = ir
        .cohorts
        .iter()
        .map(|c| {
            let mut title = cx.text(&c.label, &format!("cohort {} · label", c.id));
            if let Some(a) = &c.ages {
                title.push_str(&cx.m.esc(" ("));
                title.push_str(&cx.ages(a));
                title.push_str(&cx.m.esc(")"));
            }
            term(
                format!("cohort-{}", c.id),
                title,
                &c.definition,
                format!("cohort {} · definition", c.id),
            )
        })
        .collect();
    out.push(people);
    let mut terms = section(cx, "terms", "terms", vec![]);
    terms.terms = ir
        .definitions
        .iter()
        .map(|d| {
            term(
                format!("definition-{}", d.id),
                cx.text(&d.term, &format!("definition {} · term", d.id)),
                &d.text,
                format!("definition {} · text", d.id),
            )
        })
        .collect();
    out.push(terms);
    let mut pops = section(
        cx,
        "populations",
        "populations",
        vec![cx.m.paragraph(&cx.t("populations_intro"))],
    );
    pops.populations = ir
        .populations
        .iter()
        .map(|p| PopulationRow {
            anchor: format!("population-{}", p.id),
            label: cx.text(&p.label, &format!("population {} · label", p.id)),
            ages: p.ages.as_ref().map(|a| cx.ages(a)).unwrap_or_default(),
            source: p
                .source
                .as_ref()
                .map(|s| cx.text(s, &format!("population {} · source", p.id)))
                .unwrap_or_default(),
        })
        .collect();
    out.push(pops);
    let mut sources = section(cx, "sources", "sources", vec![]);
    sources.terms = ir
        .sources
        .iter()
        .map(|s| {
            term(
                format!("source-{}", s.id),
                cx.text(&s.title, &format!("source {} · title", s.id)),
                &s.note,
                format!("source {} · note", s.id),
            )
        })
        .collect();
    out.push(sources);
    let blocks = |(anchor, blocks): (String, Vec<String>)| TermView {
        anchor,
        text: cx.m.blocks(&blocks),
    };
    // The records and calendars, only when the spec has them (their fixed words would
    // otherwise be listed as untranslated in every Welsh view).
    if !ir.records.is_empty() {
        let mut records = section(
            cx,
            "records",
            "records_title",
            vec![cx.m.paragraph(&cx.t("records_intro"))],
        );
        records.terms = ir
            .records
            .iter()
            .map(|r| blocks(super::counting::record_blocks(cx, r)))
            .collect();
        out.push(records);
    }
    if !ir.calendars.is_empty() {
        let mut calendars = section(cx, "calendars", "calendars_title", vec![]);
        calendars.terms = ir
            .calendars
            .iter()
            .map(|c| blocks(super::counting::calendar_blocks(cx, c)))
            .collect();
        out.push(calendars);
    }
    out.retain(|s| !s.terms.is_empty() || !s.populations.is_empty());
    out
}

fn instruments(cx: &Ctx) -> Vec<InstrumentView> {
    cx.ir
        .instruments
        .iter()
        .map(|i| {
            let p = format!("instrument {}", i.id);
            let mut title = cx.text(&i.title, &format!("{p} · title"));
            if let Some(s) = &i.short {
                title.push_str(&cx.m.esc(" ("));
                title.push_str(&cx.text(s, &format!("{p} · short")));
                title.push_str(&cx.m.esc(")"));
            }
            let within = i
                .within
                .as_ref()
                .map(|w| {
                    let t = cx
                        .ir
                        .instruments
                        .iter()
                        .find(|x| &x.id == w)
                        .map(|x| cx.text(&x.title, &format!("instrument {} · title", x.id)))
                        .unwrap_or_else(|| cx.m.esc(w));
                    cx.tf(
                        "instrument_within",
                        &[("title", &cx.link_to(&format!("instrument:{w}"), &t))],
                    )
                })
                .unwrap_or_default();
            InstrumentView {
                anchor: format!("instrument-{}", i.id),
                title,
                within,
                cited_by: if i.cited_by.is_empty() {
                    cx.t("instrument_not_cited")
                } else {
                    cx.codes(&i.cited_by)
                },
            }
        })
        .collect()
}

/// The corrections a reader needs, by the edition that made them.
fn corrections(cx: &Ctx) -> Vec<CorrectionSection> {
    let ir = cx.ir;
    let mut sections: Vec<(Option<String>, Vec<CorrectionRow>)> = Vec::new();
    for e in ir
        .errata
        .iter()
        .filter(|e| super::editorial::for_readers(e))
    {
        let affects: Vec<String> = e.affects.iter().map(|a| affected(cx, a)).collect();
        let (printed, now) = cards::correction_texts(cx, e);
        let row = CorrectionRow {
            anchor: format!("correction-{}", e.id),
            affects: affects.join(", "),
            printed,
            now,
        };
        match sections.iter_mut().find(|(f, _)| f == &e.fixed_in) {
            Some((_, rows)) => rows.push(row),
            None => sections.push((e.fixed_in.clone(), vec![row])),
        }
    }
    // This edition's corrections first, then earlier editions', then those still to make.
    sections.sort_by_key(|(f, _)| match f {
        Some(f) if *f == ir.edition.id => 0,
        Some(_) => 1,
        None => 2,
    });
    sections
        .into_iter()
        .map(|(fixed, rows)| CorrectionSection {
            now_title: cx.t(if fixed.is_some() {
                "now_reads"
            } else {
                "should_read"
            }),
            title: match fixed {
                Some(f) if f == ir.edition.id => cx.t("corrections_this_edition"),
                Some(f) => cx.tf("corrections_in", &[("edition", &cx.m.esc(&f))]),
                None => cx.t("corrections_not_yet"),
            },
            rows,
        })
        .collect()
}

/// What an erratum affects: a code, a group or a chapter, linked where it can be.
pub fn affected(cx: &Ctx, a: &str) -> String {
    let ir = cx.ir;
    if cx.targets.contains_key(a) {
        return cx.code(a);
    }
    if let Some(g) = ir.groups.iter().find(|g| g.id == a) {
        let t = cx.text(&g.title, &format!("{} · title", g.id));
        return cx.link_to(&format!("group:{a}"), &t);
    }
    let mut docs: Vec<&Doc> = ir.docs.iter().collect();
    while let Some(d) = docs.pop() {
        if d.id == a {
            let t = cx.text(&d.title, &format!("{} · title", d.id));
            return cx.link_to(&format!("doc:{a}"), &t);
        }
        docs.extend(d.sections.iter());
    }
    cx.m.esc(a)
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
        entries.push((m.code.clone(), cards::title(cx, m).0, at(m)));
    }
    for i in &ir.indicators {
        entries.push((
            i.code.clone(),
            cx.text(&i.title, &place(&i.code, "title")),
            "indicator".to_string(),
        ));
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries
        .into_iter()
        .filter(|(code, _, _)| cx.targets.contains_key(code))
        .map(|(code, wording, at)| {
            let page = match at.strip_prefix("part:").and_then(|p| ir.part(p)) {
                Some(p) => {
                    let p = ir.part(top_part(ir, &p.id)).unwrap_or(p);
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
                old_code: cx.m.esc(&c.from_text()),
                message: {
                    let place = format!("change {} · {}", c.code, c.kind.as_str());
                    let mut m = cx.english(&pmf_words::changes::describe(c), &place);
                    // The reason the spec gives: why a code is used again, why a reworded
                    // metric counts the same, why a meaning change was accepted.
                    if let Some(r) = &c.reason {
                        m.push_str(&format!(
                            ". {}: {}",
                            cx.t("reason"),
                            cx.text(r, &format!("{place} · reason"))
                        ));
                    }
                    m
                },
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
