//! "How this is counted": a metric's counting rule (`Metric.computed_from`) in plain words,
//! from the IR alone: fields by their titles, codes by their list labels, cohorts by their
//! labels, and the fixed phrases of the strings table (`rule_*`). The meaning of every
//! construct is compiler/doc/records.md's; the words here say the same. Also the records
//! appendix: each kind of case record with its fields, and each working-day calendar.

use super::view::*;
use pmf_ir::records::{Calendar, Condition, FieldType, Placement, RecordType};
use pmf_ir::Metric;

/// Where a rule's words are, for the list of untranslated texts.
fn place(m: &Metric) -> String {
    format!("{} · computed_from", m.code)
}

fn record<'a>(cx: &Ctx<'a>, id: &str) -> Option<&'a RecordType> {
    cx.ir.records.iter().find(|r| r.id == id)
}

/// A record kind by its title, linked to the records appendix.
fn record_name(cx: &Ctx, id: &str) -> String {
    let inner = match record(cx, id) {
        Some(r) => cx.tf(
            "rule_quoted",
            &[("text", &cx.text(&r.title, &format!("record {id} · title")))],
        ),
        None => cx.m.esc(id),
    };
    cx.link_to(&format!("record:{id}"), &inner)
}

/// A field of a record by its title, in quotes.
fn field(cx: &Ctx, rec: &RecordType, id: &str) -> String {
    match rec.field(id) {
        Some(f) => cx.tf(
            "rule_quoted",
            &[(
                "text",
                &cx.text(&f.title, &format!("record {} · field {id}", rec.id)),
            )],
        ),
        None => cx.m.esc(id),
    }
}

/// A code of a field, by its label: a list entry's, or a cohort's.
fn code(cx: &Ctx, rec: &RecordType, field_id: &str, code: &str) -> String {
    match rec.field(field_id).map(|f| &f.ty) {
        Some(FieldType::Code { codelist }) => cx
            .ir
            .codelists
            .iter()
            .find(|c| &c.id == codelist)
            .and_then(|c| c.entries.iter().find(|e| e.id == code))
            .map(|e| {
                cx.link_to(
                    &format!("codelist:{codelist}"),
                    &cx.text(&e.label, &format!("codelist {codelist} · {code}")),
                )
            })
            .unwrap_or_else(|| cx.m.esc(code)),
        Some(FieldType::Cohort) => {
            super::cards::cohort_label(cx, code).unwrap_or_else(|| cx.m.esc(code))
        }
        _ => cx.m.esc(code),
    }
}

fn placement(cx: &Ctx, rec: &RecordType, p: &Placement) -> String {
    match p {
        Placement::During { field: f } => cx.tf("rule_during", &[("field", &field(cx, rec, f))]),
        Placement::OpenAt { start, end } => cx.tf(
            "rule_open",
            &[
                ("start", &field(cx, rec, start)),
                ("end", &field(cx, rec, end)),
            ],
        ),
        Placement::OpenDuring { start, end } => cx.tf(
            "rule_open_during",
            &[
                ("start", &field(cx, rec, start)),
                ("end", &field(cx, rec, end)),
            ],
        ),
    }
}

fn duration(cx: &Ctx, m: &Metric, amount: u32, unit: pmf_ir::DurationUnit) -> String {
    cx.phrase(&cx.words().duration(amount, unit), &place(m))
}

fn conditions(cx: &Ctx, m: &Metric, rec: &RecordType, cs: &[Condition]) -> Vec<String> {
    cs.iter().map(|c| condition(cx, m, rec, c)).collect()
}

fn condition(cx: &Ctx, m: &Metric, rec: &RecordType, c: &Condition) -> String {
    match c {
        Condition::Is {
            field: f,
            codes,
            negated,
        } => {
            let words: Vec<String> = codes.iter().map(|x| code(cx, rec, f, x)).collect();
            let key = match (negated, words.len()) {
                (false, 1) => "rule_is",
                (false, _) => "rule_is_any",
                (true, 1) => "rule_is_not",
                (true, _) => "rule_is_none",
            };
            cx.tf(
                key,
                &[
                    ("field", &field(cx, rec, f)),
                    ("codes", &words.join(&cx.m.esc(", "))),
                ],
            )
        }
        Condition::Set { field: f, negated } => cx.tf(
            if *negated { "rule_missing" } else { "rule_set" },
            &[("field", &field(cx, rec, f))],
        ),
        Condition::Within {
            field: f,
            from,
            amount,
            unit,
            late,
        } => cx.tf(
            if *late { "rule_late" } else { "rule_within" },
            &[
                ("field", &field(cx, rec, f)),
                ("from", &field(cx, rec, from)),
                ("amount", &duration(cx, m, *amount, *unit)),
            ],
        ),
        Condition::Age { at, min, max, .. } => {
            let at = match at {
                Some(f) => field(cx, rec, f),
                None => cx.t("rule_period_end"),
            };
            let n = |v: u32| cx.m.esc(&v.to_string());
            match (min, max) {
                (Some(a), Some(b)) => cx.tf(
                    "rule_age_between",
                    &[("min", &n(*a)), ("max", &n(*b)), ("at", &at)],
                ),
                (Some(a), None) => cx.tf("rule_age_at_least", &[("min", &n(*a)), ("at", &at)]),
                (None, Some(b)) => cx.tf("rule_age_under", &[("max", &n(b + 1)), ("at", &at)]),
                (None, None) => cx.t("rule_age_any"),
            }
        }
        Condition::AtLeast {
            n,
            record: other,
            link,
            this,
            placement: p,
            conditions: cs,
        } => {
            let Some(o) = record(cx, other) else {
                return cx.m.esc(other);
            };
            let mut inner = vec![placement(cx, o, p)];
            inner.extend(conditions(cx, m, o, cs));
            cx.tf(
                "rule_at_least",
                &[
                    ("n", &cx.m.esc(&n.to_string())),
                    ("record", &record_name(cx, other)),
                    ("link", &field(cx, o, link)),
                    ("this", &field(cx, rec, this)),
                    ("conditions", &inner.join(&cx.m.esc("; "))),
                ],
            )
        }
        Condition::Previous {
            link,
            end,
            start,
            amount,
            unit,
            conditions: cs,
            negated,
        } => {
            let inner = conditions(cx, m, rec, cs);
            let with = match inner.is_empty() {
                true => String::new(),
                false => cx.tf(
                    "rule_previous_where",
                    &[("conditions", &inner.join(&cx.m.esc("; ")))],
                ),
            };
            cx.tf(
                if *negated {
                    "rule_no_previous"
                } else {
                    "rule_previous"
                },
                &[
                    ("link", &field(cx, rec, link)),
                    ("end", &field(cx, rec, end)),
                    ("start", &field(cx, rec, start)),
                    ("amount", &duration(cx, m, *amount, *unit)),
                    ("where", &with),
                ],
            )
        }
    }
}

/// The blocks of "How this is counted" for a metric with a counting rule: the rule with its
/// label run in, the conditions as a list, the items, the calendar, and the rule's notes.
pub fn how_counted(cx: &Ctx, m: &Metric) -> Vec<String> {
    let Some(rule) = &m.computed_from else {
        return Vec::new();
    };
    let Some(rec) = record(cx, &rule.record) else {
        return Vec::new();
    };
    let label = cx.m.strong(&cx.t("how_counted"));
    let lead = match &rule.distinct {
        Some(d) => {
            let unit = cx
                .ir
                .unit(&rule.unit)
                .map(|u| cx.text(&u.label, &format!("unit {} · label", u.id)))
                .unwrap_or_else(|| cx.m.esc(&rule.unit));
            cx.tf(
                "rule_count_distinct",
                &[
                    ("unit", &unit),
                    ("field", &field(cx, rec, d)),
                    ("record", &record_name(cx, &rule.record)),
                ],
            )
        }
        None => cx.tf("rule_count", &[("record", &record_name(cx, &rule.record))]),
    };
    let mut all = vec![placement(cx, rec, &rule.placement)];
    all.extend(conditions(cx, m, rec, &rule.conditions));
    let mut out = vec![
        cx.m.paragraph(&format!("{label} {lead}")),
        cx.m.bullets(&all),
    ];
    if !rule.items.is_empty() {
        out.push(cx.m.paragraph(&cx.t("rule_items")));
        let items: Vec<String> = rule
            .items
            .iter()
            .map(|i| {
                cx.tf(
                    "rule_item",
                    &[
                        ("item", &cx.code(&i.item)),
                        (
                            "conditions",
                            &conditions(cx, m, rec, &i.conditions).join(&cx.m.esc("; ")),
                        ),
                    ],
                )
            })
            .collect();
        out.push(cx.m.bullets(&items));
    }
    if let Some(c) = &rule.calendar {
        let name = match cx.ir.calendars.iter().find(|x| &x.id == c) {
            Some(x) => cx.text(&x.title, &format!("calendar {c} · title")),
            None => cx.m.esc(c),
        };
        out.push(cx.m.paragraph(&cx.tf(
            "rule_calendar",
            &[("calendar", &cx.link_to(&format!("calendar:{c}"), &name))],
        )));
    }
    let note_label = cx.m.strong(&cx.t("rule_interpretation"));
    for n in &rule.notes {
        out.push(cx.rich_lead(n, &place(m), &note_label));
    }
    out
}

/// A field's type in words, for the records appendix.
fn type_words(cx: &Ctx, t: &FieldType) -> String {
    match t {
        FieldType::Date => cx.t("type_date"),
        FieldType::Datetime => cx.t("type_datetime"),
        FieldType::Number => cx.t("type_number"),
        FieldType::Id => cx.t("type_id"),
        FieldType::Cohort => cx.t("type_cohort"),
        FieldType::Code { codelist } => {
            let title = cx
                .ir
                .codelists
                .iter()
                .find(|c| &c.id == codelist)
                .map(|c| cx.text(&c.title, &format!("codelist {codelist} · title")))
                .unwrap_or_else(|| cx.m.esc(codelist));
            cx.tf(
                "type_code",
                &[("list", &cx.link_to(&format!("codelist:{codelist}"), &title))],
            )
        }
        FieldType::Ref { record: r } => cx.tf("type_ref", &[("record", &record_name(cx, r))]),
    }
}

/// A record kind for the appendix: what one record is, then its fields.
pub fn record_blocks(cx: &Ctx, r: &RecordType) -> (String, Vec<String>) {
    let title =
        cx.m.strong(&cx.text(&r.title, &format!("record {} · title", r.id)));
    let unit = cx
        .ir
        .unit(&r.unit)
        .map(|u| cx.text(&u.singular, &format!("unit {} · singular", u.id)))
        .unwrap_or_else(|| cx.m.esc(&r.unit));
    let mut blocks = vec![cx.m.paragraph(&format!(
        "{title} {}",
        cx.tf(
            "record_counts",
            &[("unit", &unit), ("key", &field(cx, r, &r.key))]
        )
    ))];
    let fields: Vec<String> = r
        .fields
        .iter()
        .map(|f| {
            cx.tf(
                if f.optional {
                    "record_field_optional"
                } else {
                    "record_field"
                },
                &[
                    ("field", &field(cx, r, &f.id)),
                    ("id", &cx.m.esc(&f.id)),
                    ("type", &type_words(cx, &f.ty)),
                ],
            )
        })
        .collect();
    blocks.push(cx.m.bullets(&fields));
    if let Some(n) = &r.note {
        blocks.push(cx.rich(n, &format!("record {} · note", r.id)));
    }
    (format!("record-{}", r.id), blocks)
}

/// A calendar for the appendix: its weekend, its years and its bank holidays.
pub fn calendar_blocks(cx: &Ctx, c: &Calendar) -> (String, Vec<String>) {
    let title =
        cx.m.strong(&cx.text(&c.title, &format!("calendar {} · title", c.id)));
    let weekend: Vec<String> = c
        .weekend
        .iter()
        .map(|d| cx.t(&format!("day_{d}")))
        .collect();
    let mut blocks = vec![cx.m.paragraph(&format!(
        "{title} {}",
        cx.tf(
            "calendar_summary",
            &[
                ("weekend", &weekend.join(&cx.m.esc(", "))),
                ("first", &cx.m.esc(&c.first_year.to_string())),
                ("last", &cx.m.esc(&c.last_year.to_string())),
            ]
        )
    ))];
    let days: Vec<String> = c
        .holidays
        .iter()
        .map(|h| {
            format!(
                "{}{}{}",
                cx.m.esc(&h.date),
                cx.m.esc(" "),
                cx.text(&h.name, &format!("calendar {} · {}", c.id, h.date))
            )
        })
        .collect();
    blocks.push(cx.m.bullets(&days));
    if let Some(n) = &c.note {
        blocks.push(cx.rich(n, &format!("calendar {} · note", c.id)));
    }
    (format!("calendar-{}", c.id), blocks)
}
