//! The technical annex, for the editors of the specification: every erratum with the text as
//! printed, the notes about the printed text, the warnings accepted, the validation rules, the
//! lists and identifiers the specification uses, and (in Welsh) the texts not yet translated.

use super::cards::{self, place};
use super::editorial;
use super::pages::{affected, blank};
use super::view::*;
use pmf_ir::{Rich, Rule, RuleKind};

pub fn page(cx: &Ctx, plan: &PagePlan) -> PageView {
    let ir = cx.ir;
    let fixed = |key: &str| blank(cx, plan, cx.t(key), cx.fixed(key));
    match plan.kind {
        PageKind::AnnexIndex => {
            let mut p = fixed("annex_title");
            let mut intro = vec![cx.m.paragraph(&cx.t("annex_intro"))];
            intro.extend(
                ir.edition
                    .notes
                    .iter()
                    .map(|n| cx.rich(n, "edition · notes")),
            );
            p.intro = cx.m.blocks(&intro);
            p
        }
        PageKind::Errata => {
            let mut p = fixed("errata_title");
            p.intro = cx.m.paragraph(&cx.t(if ir.errata.is_empty() {
                "errata_none"
            } else {
                "errata_intro"
            }));
            p.errata = errata(cx);
            p
        }
        PageKind::SourceNotes => {
            let mut p = fixed("source_notes_title");
            p.intro = cx.m.paragraph(&cx.t("source_notes_intro"));
            p.source_notes = source_notes(cx);
            p
        }
        PageKind::Allowed => {
            let mut p = fixed("allowed_title");
            p.intro = cx.m.paragraph(&cx.t(if ir.allowed_warnings.is_empty() {
                "allowed_none"
            } else {
                "allowed_intro"
            }));
            p.allowed = allowed(cx);
            p
        }
        PageKind::Rules => {
            let mut p = fixed("rules_title");
            p.intro = cx.m.paragraph(&cx.t("rules_intro"));
            p.rules = rules(cx);
            p
        }
        PageKind::Identifiers => {
            let mut p = fixed("identifiers_title");
            p.intro = cx.m.paragraph(&cx.t("identifiers_intro"));
            p.codelists = codelists(cx);
            p.ids = ids(cx);
            p
        }
        _ => blank(cx, plan, String::new(), String::new()),
    }
}

/// The texts a Welsh document shows in English: built last, when every other page is.
pub fn untranslated(cx: &Ctx, plan: &PagePlan) -> PageView {
    let mut p = blank(
        cx,
        plan,
        cx.t("untranslated_title"),
        cx.fixed("untranslated_title"),
    );
    p.untranslated = cx
        .untranslated()
        .into_iter()
        .map(|u| UntranslatedView {
            place: cx.m.esc(&u.place),
            text: cx.m.esc(&u.text),
        })
        .collect();
    // The paragraph on texts shown in English only when there are some (a page listing only
    // Welsh to review would otherwise say its texts have no Welsh).
    if !p.untranslated.is_empty() || cx.ir.welsh_to_review.is_empty() {
        p.intro = cx.m.paragraph(&cx.t("untranslated_intro"));
    }
    // Texts that have Welsh, printed in Welsh, whose Welsh is not done: stale or not reviewed.
    if !cx.ir.welsh_to_review.is_empty() {
        p.intro
            .push_str(&cx.m.paragraph(&cx.t("untranslated_review")));
        for w in &cx.ir.welsh_to_review {
            let state = cx.t(match w.state {
                pmf_ir::WelshReviewState::Stale => "welsh_state_stale",
                pmf_ir::WelshReviewState::Draft => "welsh_state_draft",
                pmf_ir::WelshReviewState::Translated => "welsh_state_translated",
            });
            let mut text: String = w.en.chars().take(120).collect();
            if text.len() < w.en.len() {
                text.push('…');
            }
            p.untranslated.push(UntranslatedView {
                place: format!("{} · {} · {state}", cx.m.esc(&w.owner), cx.m.esc(&w.kind)),
                text: cx.m.esc(&text),
            });
        }
    }
    p
}

fn errata(cx: &Ctx) -> Vec<ErratumView> {
    cx.ir
        .errata
        .iter()
        .map(|e| {
            let p = format!("erratum {}", e.id);
            let affects: Vec<String> = e.affects.iter().map(|a| affected(cx, a)).collect();
            ErratumView {
                anchor: format!("erratum-{}", e.id),
                id: cx.m.esc(&e.id),
                affects: affects.join(", "),
                kind: e
                    .kind
                    .as_ref()
                    .map(|k| {
                        let key = format!("erratum_kind_{k}");
                        if cx.has(&key) {
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

/// The notes about the printed text, which the guidance leaves out, by where they are.
fn source_notes(cx: &Ctx) -> Vec<SourceNoteView> {
    let ir = cx.ir;
    let mut out = Vec::new();
    let mut add = |place_md: String, notes: Vec<(&Rich, String)>| {
        let notes: Vec<String> = notes
            .into_iter()
            .filter(|(n, _)| editorial::about_source(n))
            .map(|(n, p)| cx.rich(n, &p))
            .collect();
        if !notes.is_empty() {
            out.push(SourceNoteView {
                place: place_md,
                notes,
            });
        }
    };
    for g in &ir.groups {
        if let Some(n) = &g.note {
            let t = cx.text(&g.title, &format!("{} · title", g.id));
            add(
                cx.link_to(&format!("group:{}", g.id), &t),
                vec![(n, format!("{} · note", g.id))],
            );
        }
    }
    for m in &ir.metrics {
        let mut notes: Vec<(&Rich, String)> = m
            .notes
            .iter()
            .map(|n| (n, place(&m.code, "note")))
            .collect();
        notes.extend(
            m.timescales
                .iter()
                .filter_map(|t| t.note.as_ref())
                .map(|n| (n, place(&m.code, "timescale"))),
        );
        add(cx.code(&m.code), notes);
        for i in &m.items {
            let reserved = i.reserved.as_ref().map(|r| Rich {
                en: pmf_ir::rich::parse(&r.en),
                cy: r.cy.as_deref().map(pmf_ir::rich::parse),
            });
            let mut notes: Vec<(&Rich, String)> = i
                .notes
                .iter()
                .map(|n| (n, place(&i.code, "note")))
                .collect();
            if let Some(r) = &reserved {
                notes.push((r, place(&i.code, "reserved")));
            }
            add(cx.code(&i.code), notes);
        }
    }
    for i in &ir.indicators {
        add(
            cx.code(&i.code),
            i.notes
                .iter()
                .map(|n| (n, place(&i.code, "note")))
                .collect(),
        );
    }
    out
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
            // The file's name, not the path pmf was given: the annex must not depend on where
            // it was built from.
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

/// Every rule, by the metric it belongs to; the value and required rules of a metric with
/// many items are summarised.
fn rules(cx: &Ctx) -> Vec<RuleGroup> {
    let ir = cx.ir;
    let mut owners: Vec<&str> = ir.metrics.iter().map(|m| m.code.as_str()).collect();
    for r in &ir.rules {
        if !owners.contains(&r.metric.as_str()) {
            owners.push(&r.metric);
        }
    }
    owners
        .into_iter()
        .filter_map(|owner| {
            let mine: Vec<&Rule> = ir.rules.iter().filter(|r| r.metric == owner).collect();
            if mine.is_empty() {
                return None;
            }
            let rule_place = place(owner, "rule");
            let mut shown = Vec::new();
            let mut summary = Vec::new();
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
                summary.push(cx.tf(
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
            let title = match ir.metric(owner) {
                Some(m) => format!("{} {}", cx.code(owner), cards::title(cx, m).0),
                None => cx.code(owner),
            };
            Some(RuleGroup {
                anchor: format!("rules-{}", code_anchor(owner)),
                title,
                rules: shown
                    .iter()
                    .map(|r| RuleView {
                        id: cx.m.esc(&r.id),
                        severity: cx.t(&format!("severity_{}", tag(&r.severity))),
                        message: rule_message(cx, r, &rule_place),
                    })
                    .collect(),
                summary,
            })
        })
        .collect()
}

/// A rule's message: worded from the rule in the view's language (pmf-words); a rule written
/// in the spec has its author's message.
fn rule_message(cx: &Ctx, r: &Rule, place: &str) -> String {
    let mut s = cx.phrase(&cx.words().rule(r), place);
    // The spec's notes on the rule (why a year-on-year limit was chosen) are shown with it.
    for n in &r.notes {
        if !s.ends_with('.') {
            s.push('.');
        }
        s.push(' ');
        s.push_str(&cx.rich_inline(n, place, " "));
    }
    s
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
                        let mut s = cx.m.esc(&format!("{}: ", cx.fixed("reserved")));
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

/// The identifiers of the other declarations, and the indicators' formulas as written.
fn ids(cx: &Ctx) -> Vec<IdTable> {
    let ir = cx.ir;
    let row = |id: &str, value: String| Fact {
        label: cx.m.esc(id),
        value,
    };
    let table = |anchor: &str, key: &str, rows: Vec<Fact>| IdTable {
        anchor: anchor.into(),
        title: cx.t(key),
        rows,
    };
    let mut out = vec![
        table(
            "ids-units",
            "units",
            ir.units
                .iter()
                .map(|u| {
                    let mut v = cx.text(&u.label, &format!("unit {} · label", u.id));
                    v.push_str(&cx.m.esc(" · "));
                    v.push_str(&cx.t(&format!("value_{}", tag(&u.value_type))));
                    row(&u.id, v)
                })
                .collect(),
        ),
        table(
            "ids-cohorts",
            "cohorts",
            ir.cohorts
                .iter()
                .map(|c| {
                    row(
                        &c.id,
                        cx.text(&c.label, &format!("cohort {} · label", c.id)),
                    )
                })
                .collect(),
        ),
        table(
            "ids-instruments",
            "instruments_title",
            ir.instruments
                .iter()
                .map(|i| {
                    row(
                        &i.id,
                        cx.text(&i.title, &format!("instrument {} · title", i.id)),
                    )
                })
                .collect(),
        ),
        table(
            "ids-populations",
            "populations",
            ir.populations
                .iter()
                .map(|p| {
                    row(
                        &p.id,
                        cx.text(&p.label, &format!("population {} · label", p.id)),
                    )
                })
                .collect(),
        ),
        table(
            "ids-missing",
            "missing_statuses",
            ir.missing_statuses
                .iter()
                .map(|s| {
                    row(
                        &s.id,
                        cx.text(&s.label, &format!("missing {} · label", s.id)),
                    )
                })
                .collect(),
        ),
        table(
            "ids-sources",
            "sources",
            ir.sources
                .iter()
                .map(|s| {
                    row(
                        &s.id,
                        cx.text(&s.title, &format!("source {} · title", s.id)),
                    )
                })
                .collect(),
        ),
        table(
            "ids-definitions",
            "definitions",
            ir.definitions
                .iter()
                .map(|d| {
                    row(
                        &d.id,
                        cx.text(&d.term, &format!("definition {} · term", d.id)),
                    )
                })
                .collect(),
        ),
        table(
            "ids-groups",
            "groups",
            ir.groups
                .iter()
                .map(|g| row(&g.id, cx.text(&g.title, &format!("{} · title", g.id))))
                .collect(),
        ),
    ];
    out.push(table(
        "ids-formulas",
        "formulas_as_written",
        ir.indicators
            .iter()
            .map(|i| {
                let mut v = cx.m.esc(&i.formula_text);
                if let (Some(by), Some(mo)) = (&i.motivated_by, &i.motivation) {
                    v.push_str(&cx.m.esc(" · "));
                    v.push_str(&cx.tf(
                        "motivated_by_quote",
                        &[
                            ("code", &cx.code(by)),
                            ("quote", &cx.text(mo, &place(&i.code, "motivated_by"))),
                        ],
                    ));
                }
                Fact {
                    label: cx.code(&i.code),
                    value: v,
                }
            })
            .collect(),
    ));
    out.retain(|t| !t.rows.is_empty());
    out
}
