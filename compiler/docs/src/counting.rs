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

/// The label of a code of a list field.
fn label<'a>(
    cx: &Ctx<'a>,
    rec: &RecordType,
    field_id: &str,
    code: &str,
) -> Option<&'a pmf_ir::Text> {
    let Some(FieldType::Code { codelist }) = rec.field(field_id).map(|f| &f.ty) else {
        return None;
    };
    cx.ir
        .codelists
        .iter()
        .find(|c| &c.id == codelist)
        .and_then(|c| c.entries.iter().find(|e| e.id == code))
        .map(|e| &e.label)
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

/// The earlier metric whose rule this one's extends, if any: the same record, unit, distinct
/// field and placement, and all of its conditions among this one's (the most such conditions
/// wins, then the earliest). The guidance then says "As for AD/001" and only what is added,
/// instead of the same words under every breakdown of the same records.
fn extends<'a>(cx: &Ctx<'a>, m: &Metric) -> Option<&'a Metric> {
    let rule = m.computed_from.as_ref()?;
    let mut best: Option<(&Metric, usize)> = None;
    for p in cx.ir.metrics.iter().take_while(|p| p.code != m.code) {
        let Some(r) = &p.computed_from else { continue };
        let same = r.record == rule.record
            && r.unit == rule.unit
            && r.distinct == rule.distinct
            && r.placement == rule.placement
            && r.calendar
                .as_ref()
                .is_none_or(|c| rule.calendar.as_ref() == Some(c))
            && r.conditions.iter().all(|c| rule.conditions.contains(c));
        if same && best.is_none_or(|(_, n)| r.conditions.len() > n) {
            best = Some((p, r.conditions.len()));
        }
    }
    best.map(|(p, _)| p)
}

/// The items in words: when every item is one field's codes, the field once and each item's
/// codes after its code; otherwise each item with its own conditions.
fn items(cx: &Ctx, m: &Metric, rec: &RecordType, items: &[pmf_ir::records::ItemRule]) -> String {
    let one_field = items.iter().map(|i| match i.conditions.as_slice() {
        [Condition::Is {
            field,
            negated: false,
            ..
        }] => Some(field),
        _ => None,
    });
    let fields: Vec<Option<&String>> = one_field.collect();
    let shared = fields
        .first()
        .copied()
        .flatten()
        .filter(|f| fields.iter().all(|x| *x == Some(*f)));
    let sep = cx.m.esc("; ");
    // Each item one code whose label is the item's own wording: the list above already says it.
    let titled = shared.is_some_and(|f| {
        items.iter().all(|i| match i.conditions.as_slice() {
            [Condition::Is { codes, .. }] if codes.len() == 1 => label(cx, rec, f, &codes[0])
                .is_some_and(|l| {
                    cx.ir
                        .data_items
                        .iter()
                        .any(|d| d.code == i.item && &d.wording == l)
                }),
            _ => false,
        })
    });
    match shared {
        Some(f) if titled => cx.tf("rule_items_titled", &[("field", &field(cx, rec, f))]),
        Some(f) => {
            let list: Vec<String> = items
                .iter()
                .map(|i| {
                    let codes: Vec<String> = match i.conditions.as_slice() {
                        [Condition::Is { codes, .. }] => {
                            codes.iter().map(|x| code(cx, rec, f, x)).collect()
                        }
                        _ => Vec::new(),
                    };
                    cx.tf(
                        "rule_item",
                        &[
                            ("item", &cx.code(&i.item)),
                            ("conditions", &codes.join(&cx.m.esc(", "))),
                        ],
                    )
                })
                .collect();
            cx.tf(
                "rule_items_by",
                &[("field", &field(cx, rec, f)), ("items", &list.join(&sep))],
            )
        }
        None => {
            let list: Vec<String> = items
                .iter()
                .map(|i| {
                    cx.tf(
                        "rule_item",
                        &[
                            ("item", &cx.code(&i.item)),
                            (
                                "conditions",
                                &conditions(cx, m, rec, &i.conditions).join(&cx.m.esc(", and ")),
                            ),
                        ],
                    )
                })
                .collect();
            cx.tf("rule_items", &[("items", &list.join(&sep))])
        }
    }
}

/// "How this is counted" for a metric with a counting rule, as one paragraph with its label
/// run in: what is counted and the conditions (or "As for" an earlier metric and what is
/// added), the items, the calendar of working days; then the rule's notes.
pub fn how_counted(cx: &Ctx, m: &Metric) -> Vec<String> {
    let Some(rule) = &m.computed_from else {
        return Vec::new();
    };
    let Some(rec) = record(cx, &rule.record) else {
        return Vec::new();
    };
    let label = cx.m.strong(&cx.t("how_counted"));
    let sep = cx.m.esc("; ");
    let mut sentences = Vec::new();
    match extends(cx, m) {
        Some(p) => {
            let base = &p
                .computed_from
                .as_ref()
                .expect("extends finds rules")
                .conditions;
            let added: Vec<&Condition> = rule
                .conditions
                .iter()
                .filter(|c| !base.contains(c))
                .collect();
            let metric = cx.code(&p.code);
            sentences.push(if added.is_empty() {
                cx.tf("rule_as_for", &[("metric", &metric)])
            } else {
                let words: Vec<String> = added.iter().map(|c| condition(cx, m, rec, c)).collect();
                cx.tf(
                    "rule_as_for_also",
                    &[("metric", &metric), ("conditions", &words.join(&sep))],
                )
            });
        }
        None => {
            let mut all = vec![placement(cx, rec, &rule.placement)];
            all.extend(conditions(cx, m, rec, &rule.conditions));
            let all = all.join(&sep);
            sentences.push(match &rule.distinct {
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
                            ("conditions", &all),
                        ],
                    )
                }
                None => cx.tf(
                    "rule_count",
                    &[
                        ("record", &record_name(cx, &rule.record)),
                        ("conditions", &all),
                    ],
                ),
            });
        }
    }
    if !rule.items.is_empty() {
        sentences.push(items(cx, m, rec, &rule.items));
    }
    if let Some(c) = &rule.calendar {
        let name = match cx.ir.calendars.iter().find(|x| &x.id == c) {
            Some(x) => cx.text(&x.title, &format!("calendar {c} · title")),
            None => cx.m.esc(c),
        };
        sentences.push(cx.tf(
            "rule_calendar",
            &[("calendar", &cx.link_to(&format!("calendar:{c}"), &name))],
        ));
    }
    let text = format!("{label} {}", sentences.join(&cx.m.esc(" ")));
    let note_label = cx.m.strong(&cx.t("rule_interpretation"));
    // The first note runs on in the same paragraph ("... in working days. Interpretation: ..."),
    // which keeps the guidance within its pages; the others follow as paragraphs of their own.
    let Some((first, rest)) = rule.notes.split_first() else {
        return vec![cx.m.paragraph(&text)];
    };
    let mut out = vec![cx.rich_lead(first, &place(m), &format!("{text} {note_label}"))];
    for n in rest {
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
                    ("type", &type_words(cx, &f.ty)),
                ],
            )
        })
        .collect();
    // One paragraph, not a list: the same field (“The child”, a person) is in several kinds.
    blocks.push(cx.m.paragraph(&cx.tf(
        "record_fields",
        &[("fields", &fields.join(&cx.m.esc("; ")))],
    )));
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
    // One paragraph: some seventy holidays as a list would take a page and a half.
    blocks.push(cx.m.paragraph(&days.join(&cx.m.esc("; "))));
    blocks.push(cx.m.paragraph(&cx.t("calendar_meaning")));
    if let Some(n) = &c.note {
        blocks.push(cx.rich(n, &format!("calendar {} · note", c.id)));
    }
    (format!("calendar-{}", c.id), blocks)
}
