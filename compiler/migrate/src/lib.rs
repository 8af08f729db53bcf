//! Migration: carrying a return made under one edition to the codes of the next, where the
//! figure is the same figure, and saying value by value where each one went and why.
//!
//! Which new code continues which old one, and whether it counts the same, is
//! `pmf_ir::continuity`'s judgement (the same one `pmf check` and `pmf diff` use). A value is
//! carried when its continuity is proven or stated: the same code or a renumbering, a
//! re-lettering, an item promoted to a metric or a metric demoted to an item, with nothing
//! that breaks the series; a merge is carried as the sum of its parts when every part has a
//! figure. A split, a change of meaning, a code used again for something else and a new metric
//! are reported instead, and so is every old value that nothing carries, with what became of
//! its code. Reads only the two IRs and the return.

use pmf_ir::continuity::{self, Continuity, Link, LinkKind};
use pmf_ir::Ir;
use pmf_return::engine::quoted;
use pmf_return::submission::{Entry, Raw, Submission};
use pmf_return::terminal::{safe, short};
use pmf_return::values;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The most returns one run carries (22 authorities for ten years). Each return becomes a whole
/// template of the new edition however few rows it had, so the output of a run is bounded by
/// this many templates, not by the number of rows given.
pub const MAX_RETURNS: usize = 220;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The old figure, under the new code.
    Carried,
    /// The sum of several old figures.
    Summed,
    /// No figure, and the old return gave none either: its status is kept.
    Status,
    /// Nothing carried, for the reason given.
    NotCarried,
}

impl Outcome {
    fn words(self) -> &'static str {
        match self {
            Outcome::Carried => "carried",
            Outcome::Summed => "summed",
            Outcome::Status => "status",
            Outcome::NotCarried => "not carried",
        }
    }
}

/// One value of the new return: where it came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Value {
    /// The code in the new edition.
    pub code: String,
    pub outcome: Outcome,
    /// The old codes it comes from.
    pub from: Vec<String>,
    /// The value carried, as written in the new return.
    pub value: Option<String>,
    /// Where it came from, or why nothing was carried, in words.
    pub how: String,
}

/// One value of the old return: where it went.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Went {
    /// The code in the old edition.
    pub code: String,
    /// The value as the old return gave it.
    pub value: Option<String>,
    /// The new codes that take from it (carried or not).
    pub to: Vec<String>,
    /// Whether a new value was made from it.
    pub carried: bool,
    /// What became of it, in words.
    pub how: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Migration {
    pub file: String,
    pub authority: String,
    pub period: String,
    pub from_edition: String,
    pub to_edition: String,
    /// Every value of the new edition, in template order.
    pub values: Vec<Value>,
    /// Every value the old return gave, in its order.
    pub went: Vec<Went>,
}

impl Migration {
    pub fn count(&self, o: Outcome) -> usize {
        self.values.iter().filter(|v| v.outcome == o).count()
    }

    pub fn value(&self, code: &str) -> Option<&Value> {
        self.values.iter().find(|v| v.code == code)
    }

    /// The old values nothing carries.
    pub fn left_behind(&self) -> impl Iterator<Item = &Went> {
        self.went.iter().filter(|w| !w.carried)
    }
}

/// Why a return cannot be migrated from `old` to `new`: it is not a return of `old`.
pub fn check_return(old: &Ir, new: &Ir, sub: &Submission) -> Result<(), String> {
    let known = |ir: &Ir, code: &str| {
        ir.data_item(code).is_some()
            || ir.metric(code).is_some()
            || ir.populations.iter().any(|p| p.id == code)
    };
    let mut unknown: Vec<&str> = Vec::new();
    let mut old_only: Vec<&str> = Vec::new();
    for e in &sub.entries {
        let code = e.code.as_str();
        if !known(old, code) {
            if !unknown.contains(&code) {
                unknown.push(code);
            }
        } else if !known(new, code) && !old_only.contains(&code) {
            old_only.push(code);
        }
    }
    if unknown.is_empty() {
        return Ok(());
    }
    let (o, n) = (&old.edition.id, &new.edition.id);
    let list = |codes: &[&str]| {
        if codes.len() <= 4 {
            codes.join(", ")
        } else {
            format!("{} and {} more", codes[..4].join(", "), codes.len() - 4)
        }
    };
    let file = &sub.file;
    let (of_new, of_neither): (Vec<&str>, Vec<&str>) = unknown.iter().partition(|c| known(new, c));
    if !of_neither.is_empty() {
        return Err(format!(
            "`{file}` has codes of neither `{o}` nor `{n}`: {}; migrate carries returns made under `{o}`",
            list(&of_neither)
        ));
    }
    if old_only.is_empty() {
        Err(format!(
            "`{file}` is a return of edition `{n}`, not of `{o}`: {} {} of `{n}` only; migrate carries returns made under `{o}` to `{n}`",
            list(&of_new),
            if of_new.len() == 1 { "is a code" } else { "are codes" }
        ))
    } else {
        Err(format!(
            "`{file}` mixes codes of both editions: {} of `{n}` only, and {} of `{o}` only; give the return as it was made under `{o}`",
            list(&of_new),
            list(&old_only)
        ))
    }
}

/// The figure of an old code: its own value, or the sum of its items when only they are
/// reported. `Err` says why there is none.
fn old_figure(old: &Ir, sub: &Submission, code: &str) -> Result<(f64, bool), String> {
    let figure = |c: &str| -> Result<f64, String> {
        match sub.entry(c) {
            Some(Entry {
                raw: Raw::Number(v),
                ..
            }) => Ok(*v),
            Some(Entry {
                status: Some(s), ..
            }) => Err(format!("{c} has no figure (status: {})", quoted(s))),
            Some(Entry {
                raw: Raw::Text(t), ..
            }) => Err(format!("{c} holds {}, not a figure", quoted(t))),
            Some(_) | None => Err(format!("{c} has no value in the return")),
        }
    };
    if old.data_item(code).is_some() {
        return figure(code).map(|v| (v, false));
    }
    let parts = old.expand(code);
    if parts.is_empty() {
        return Err(format!("{code} is not a code of {}", old.edition.id));
    }
    let mut total = 0.0;
    for p in &parts {
        total += figure(p)?;
    }
    Ok((total, true))
}

/// Where a carried figure came from, in words: "AD/002b continues as AD/002".
fn carried_words(l: &Link) -> String {
    let from = l.from.join(" + ");
    let code = &l.code;
    let mut s = match l.kind {
        LinkKind::Kept if l.stated().is_some() => "the same code, reworded".to_string(),
        LinkKind::Kept => "the same code and meaning".to_string(),
        LinkKind::Renumbered => format!("{from} continues as {code} (renumbered)"),
        LinkKind::Relettered => format!("{from} continues as {code} (re-lettered)"),
        LinkKind::Promoted => format!("{from} continues as {code} (an item, now a metric)"),
        LinkKind::Demoted => format!("{from} continues as {code} (a metric, now an item)"),
        LinkKind::Merged => format!("the sum of {from}, merged into {code}"),
        LinkKind::New | LinkKind::Split => String::new(),
    };
    if let Some(why) = l.stated() {
        s.push_str(&format!(
            "; the spec states it counts the same: {}",
            one_line(&why.en)
        ));
    }
    s
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Why a link carries nothing, in words.
fn not_carried_words(c: &Continuity, l: &Link) -> String {
    let (o, n) = (&c.old.edition.id, &c.new.edition.id);
    let code = &l.code;
    let from = l.from.join(" + ");
    if let Some(why) = &l.reused {
        if l.from.is_empty() || !l.carries() {
            return format!(
                "{code} is used again for something else in {n} ({}): the old figure under {code} counted something else and is not carried",
                one_line(&why.en)
            );
        }
    }
    match l.kind {
        LinkKind::New => format!("{code} is new in {n}: the {o} return has no figure for it"),
        LinkKind::Split => {
            format!("{code} counts a part of {from}: the {o} return has no figure for the part")
        }
        _ => {
            let what = l
                .breaks()
                .map(pmf_words::changes::describe)
                .next()
                .unwrap_or_else(|| "it counts something else".into());
            let head = if l.from.len() == 1 && l.from[0] == *code {
                format!("{code} counts something else in {n} than in {o}")
            } else {
                format!("{code} continues {from} but counts something else")
            };
            format!("{head}: {what}; the figure does not carry")
        }
    }
}

/// Carries `sub` (made under `old`) to the codes of `new`.
pub fn migrate(old: &Ir, new: &Ir, sub: &Submission) -> (Submission, Migration) {
    let c = continuity::continuity(old, new);
    let mut out = Submission::new(&sub.file);
    out.authority = sub.authority.clone();
    out.period = sub.period.clone();
    out.contact = sub.contact.clone();
    let mut values: Vec<Value> = Vec::new();
    // Old code → the new codes made from it.
    let mut used: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut use_code = |old: &Ir, f: &str, to: &str| {
        for code in std::iter::once(f.to_string()).chain(old.expand(f)) {
            used.entry(code).or_default().push(to.to_string());
        }
    };
    for d in &new.data_items {
        let site = sub.absent_site.clone();
        let Some(l) = c.link(&d.code) else { continue };
        if !l.carries() {
            values.push(Value {
                code: d.code.clone(),
                outcome: Outcome::NotCarried,
                from: l.from.clone(),
                value: None,
                how: not_carried_words(&c, l),
            });
            continue;
        }
        for f in &l.from {
            use_code(old, f, &d.code);
        }
        if l.kind == LinkKind::Merged {
            let mut total = 0.0;
            let mut why = None;
            for f in &l.from {
                match old_figure(old, sub, f) {
                    Ok((v, _)) => total += v,
                    Err(e) => {
                        why = Some(e);
                        break;
                    }
                }
            }
            match why {
                None => {
                    out.entries.push(Entry {
                        code: d.code.clone(),
                        raw: Raw::Number(total),
                        status: None,
                        comment: None,
                        site,
                    });
                    values.push(Value {
                        code: d.code.clone(),
                        outcome: Outcome::Summed,
                        from: l.from.clone(),
                        value: Some(values::show(total)),
                        how: carried_words(l),
                    });
                }
                Some(e) => values.push(Value {
                    code: d.code.clone(),
                    outcome: Outcome::NotCarried,
                    from: l.from.clone(),
                    value: None,
                    how: format!("{} is the sum of {}, and {e}", d.code, l.from.join(" + ")),
                }),
            }
            continue;
        }
        let f = &l.from[0];
        // A value that is missing with a status keeps its status.
        if let Some(e) = sub
            .entry(f)
            .filter(|e| e.status.is_some() && !matches!(e.raw, Raw::Number(_)))
        {
            out.entries.push(Entry {
                code: d.code.clone(),
                raw: Raw::Blank,
                status: e.status.clone(),
                comment: e.comment.clone(),
                site,
            });
            values.push(Value {
                code: d.code.clone(),
                outcome: Outcome::Status,
                from: vec![f.clone()],
                value: None,
                how: format!(
                    "{}; missing in the old return too ({})",
                    carried_words(l),
                    quoted(e.status.as_deref().unwrap_or_default())
                ),
            });
            continue;
        }
        match old_figure(old, sub, f) {
            Ok((v, summed)) => {
                let comment = sub.entry(f).and_then(|e| e.comment.clone());
                out.entries.push(Entry {
                    code: d.code.clone(),
                    raw: Raw::Number(v),
                    status: None,
                    comment,
                    site,
                });
                let mut how = carried_words(l);
                if summed {
                    how.push_str(&format!("; {f} summed from its items"));
                }
                values.push(Value {
                    code: d.code.clone(),
                    outcome: Outcome::Carried,
                    from: vec![f.clone()],
                    value: Some(values::show(v)),
                    how,
                });
            }
            Err(why) => values.push(Value {
                code: d.code.clone(),
                outcome: Outcome::NotCarried,
                from: vec![f.clone()],
                value: None,
                how: format!("{}, but {why}", carried_words(l)),
            }),
        }
    }
    // Populations are supplied each year and carry as they are.
    let mut populations: BTreeSet<&str> = BTreeSet::new();
    for p in &new.populations {
        if let Some(e) = sub.entry(&p.id) {
            out.entries.push(e.clone());
            populations.insert(&p.id);
        }
    }
    let carried: BTreeSet<&str> = values
        .iter()
        .filter(|v| v.outcome != Outcome::NotCarried)
        .map(|v| v.code.as_str())
        .collect();
    let mut went = Vec::new();
    for e in &sub.entries {
        if matches!(e.raw, Raw::Blank) && e.status.is_none() {
            continue;
        }
        let value = Some(match (&e.raw, &e.status) {
            (Raw::Blank, Some(s)) => format!("({s})"),
            (r, _) => r.to_text(),
        });
        if populations.contains(e.code.as_str()) {
            went.push(Went {
                code: e.code.clone(),
                value,
                to: vec![e.code.clone()],
                carried: true,
                how: "a population, carried as it is".into(),
            });
            continue;
        }
        let to: Vec<String> = used.get(&e.code).cloned().unwrap_or_default();
        let made: Vec<&String> = to.iter().filter(|t| carried.contains(t.as_str())).collect();
        if !made.is_empty() {
            let names: Vec<&str> = made.iter().map(|s| s.as_str()).collect();
            went.push(Went {
                code: e.code.clone(),
                value,
                to: to.clone(),
                carried: true,
                how: if names == [e.code.as_str()] {
                    format!("carried to {}", e.code)
                } else {
                    format!("{} continues as {}", e.code, names.join(", "))
                },
            });
            continue;
        }
        went.push(Went {
            code: e.code.clone(),
            value,
            to: c.fates(&e.code).iter().map(|l| l.code.clone()).collect(),
            carried: false,
            how: fate_words(&c, &e.code),
        });
    }
    let migration = Migration {
        file: sub.file.clone(),
        authority: values::trim(&sub.authority).to_string(),
        period: values::trim(&sub.period).to_string(),
        from_edition: old.edition.id.clone(),
        to_edition: new.edition.id.clone(),
        values,
        went,
    };
    (out, migration)
}

/// What became of an old code whose value nothing carries, in words.
fn fate_words(c: &Continuity, code: &str) -> String {
    let (o, n) = (&c.old.edition.id, &c.new.edition.id);
    let fates = c.fates(code);
    if let Some(l) = fates.first() {
        let to = &l.code;
        return match l.kind {
            LinkKind::Split => format!(
                "{code} was split: {to} counts a part of it, which the {o} return does not give"
            ),
            _ if !l.carries() && l.from.len() == 1 && l.code == code => format!(
                "{code} is still collected, but counts something else in {n}: {}",
                l.breaks()
                    .next()
                    .map(pmf_words::changes::describe)
                    .unwrap_or_default()
            ),
            _ if !l.carries() => format!(
                "{code} continues as {to}, which counts something else: {}",
                l.breaks()
                    .next()
                    .map(pmf_words::changes::describe)
                    .unwrap_or_default()
            ),
            // Carried links that did not take this value: a merge with a part missing, or a
            // value the link did not read (a metric's total when its items are read).
            _ => format!("{code} goes into {to}, which could not be made from this return"),
        };
    }
    match c.link(code) {
        Some(l) if l.reused.is_some() => format!(
            "{code}'s meaning is not collected in {n}; the code {code} is used again there for something else ({})",
            one_line(&l.reused.as_ref().map(|r| r.en.clone()).unwrap_or_default())
        ),
        Some(_) => format!(
            "{code}'s meaning is not collected in {n}; the code {code} names something else there"
        ),
        None => format!("{code} is not collected in {n}"),
    }
}

/// The report as text: every value of the new return with where it came from, then every old
/// value nothing carries, with what became of its code. Texts from the return are shown `safe`,
/// and a value that is not a figure is cut to its start.
pub fn render_text(m: &Migration) -> String {
    let mut s = format!(
        "{} ({} {}): from {} to {}: {} carried, {} summed, {} kept missing with their status, {} not carried; {} left behind\n",
        safe(&m.file),
        short(&m.authority),
        short(&m.period),
        m.from_edition,
        m.to_edition,
        m.count(Outcome::Carried),
        m.count(Outcome::Summed),
        m.count(Outcome::Status),
        m.count(Outcome::NotCarried),
        match m.left_behind().count() {
            1 => "1 old value".to_string(),
            n => format!("{n} old values"),
        },
    );
    s.push_str(&format!(
        "\nValues of {}, and where each came from:\n",
        m.to_edition
    ));
    for v in &m.values {
        s.push_str(&format!(
            "  {:<9} {:<12} {:>10}  {}\n",
            safe(&v.code),
            v.outcome.words(),
            shown(v.value.as_deref()),
            safe(&v.how)
        ));
    }
    let left: Vec<&Went> = m.left_behind().collect();
    if !left.is_empty() {
        s.push_str(&format!(
            "\nValues of {} that nothing carries:\n",
            m.from_edition
        ));
        for w in left {
            s.push_str(&format!(
                "  {:<9} {:>10}  {}\n",
                safe(&w.code),
                shown(w.value.as_deref()),
                safe(&w.how)
            ));
        }
    }
    s
}

/// A value as the text report shows it: `-` for none, a long or odd text quoted and cut.
fn shown(v: Option<&str>) -> String {
    match v {
        None => "-".to_string(),
        Some(v) if v.chars().count() > 40 || v.chars().any(char::is_control) => {
            safe(&quoted(v)).into_owned()
        }
        Some(v) => safe(v).into_owned(),
    }
}
