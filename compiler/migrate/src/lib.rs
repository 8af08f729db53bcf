//! Migration: carrying a submission made under one edition to the codes of the next, where the
//! mapping is exact, and saying value by value what cannot be carried and why.
//!
//! A value is carried when the new code continues the old one (`was`, or the same code) and
//! counts the same thing (equal meaning fingerprints), or when it merges old codes by summing
//! them and every one of them has a figure. A split, a change of meaning, a new metric and an
//! old metric no longer collected are reported instead. Reads only the two IRs and the
//! submission.

use pmf_ir::ProvenanceKind;
use pmf_ir::{Ir, Metric};
use pmf_return::engine::quoted;
use pmf_return::submission::{Entry, Raw, Submission};
use pmf_return::terminal::{safe, short};
use pmf_return::values;
use serde::Serialize;
use std::collections::BTreeSet;

/// The most returns one run carries (22 authorities for ten years). Each return becomes a whole
/// template of the new edition however few rows it had, so the output of a run is bounded by
/// this many templates, not by the number of rows given.
pub const MAX_RETURNS: usize = 220;

/// What happened to one value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step {
    /// The code in the new edition (for a value dropped: the old code).
    pub code: String,
    /// The old codes it comes from.
    pub from: Vec<String>,
    /// `carried`, `summed`, `status`, `not_carried` or `dropped`.
    pub outcome: String,
    /// The value carried, as written in the new return.
    pub value: Option<String>,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Migration {
    pub file: String,
    pub authority: String,
    pub period: String,
    pub from_edition: String,
    pub to_edition: String,
    pub steps: Vec<Step>,
}

impl Migration {
    pub fn carried(&self) -> usize {
        self.steps
            .iter()
            .filter(|s| matches!(s.outcome.as_str(), "carried" | "summed" | "status"))
            .count()
    }
}

/// Where a new code's value comes from in the old edition.
enum Source {
    /// One old code, continued exactly.
    One(String),
    /// Several old codes, summed.
    Sum(Vec<String>),
    /// No exact source, and why.
    None(String),
}

fn source(old: &Ir, new: &Ir, m: &Metric, code: &str) -> Source {
    let old_metric_of = |c: &str| {
        old.metric(pmf_ir::code::metric_of_item(c))
            .or_else(|| old.metric(c))
    };
    let is_item = code != m.code;
    // The provenance that applies: the item's own, else the metric's.
    let item = m.items.iter().find(|i| i.code == code);
    let (kind, from): (ProvenanceKind, Vec<String>) =
        match (item.and_then(|i| i.was.as_ref()), &m.provenance) {
            (Some(p), _) => (p.kind, p.from.clone()),
            (None, Some(p)) if is_item => match p.kind {
                // A renumbered metric keeps its item letters.
                ProvenanceKind::Same => (
                    ProvenanceKind::Same,
                    vec![format!("{}{}", p.from[0], &code[m.code.len()..])],
                ),
                k => (k, p.from.clone()),
            },
            (None, Some(p)) => (p.kind, p.from.clone()),
            (None, None) => (ProvenanceKind::Same, vec![code.to_string()]),
        };
    match kind {
        ProvenanceKind::Split => Source::None(format!(
            "{code} is a part of {}: the old return has no figure for the part",
            from.join(" + ")
        )),
        ProvenanceKind::Merged => Source::Sum(from),
        ProvenanceKind::Same => {
            let f = &from[0];
            let Some(om) = old_metric_of(f) else {
                return Source::None(format!(
                    "{code} is new in {}: the old return has no figure for it",
                    new.edition.id
                ));
            };
            // The same meaning, or the figure would not compare.
            let same = if is_item || f != &om.code {
                let oi = om.items.iter().find(|i| i.code == *f);
                let ni = item;
                match (oi, ni) {
                    (Some(oi), Some(ni)) => {
                        pmf_ir::fingerprint::item(om, oi) == pmf_ir::fingerprint::item(m, ni)
                    }
                    // A metric made of a former item, or the other way round.
                    _ => om.items.is_empty() == m.items.is_empty(),
                }
            } else {
                om.fingerprint == m.fingerprint
            };
            if same {
                Source::One(f.clone())
            } else {
                Source::None(format!("{code} counts something different from what {f} counted in {}: the figure does not carry", old.edition.id))
            }
        }
    }
}

/// The figure of an old code: its own value, or the sum of its items when only they are
/// reported. `Err` says why there is none.
fn old_figure(
    old: &Ir,
    sub: &Submission,
    code: &str,
) -> Result<(f64, Option<&'static str>), String> {
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
        return figure(code).map(|v| (v, None));
    }
    let parts = old.expand(code);
    if parts.is_empty() {
        return Err(format!("{code} is not a code of {}", old.edition.id));
    }
    let mut total = 0.0;
    for p in &parts {
        total += figure(p)?;
    }
    Ok((total, Some("summed from its items")))
}

/// Carries `sub` (made under `old`) to the codes of `new`.
pub fn migrate(old: &Ir, new: &Ir, sub: &Submission) -> (Submission, Migration) {
    let mut out = Submission::new(&sub.file);
    out.authority = sub.authority.clone();
    out.period = sub.period.clone();
    out.contact = sub.contact.clone();
    let mut steps = Vec::new();
    let mut used: BTreeSet<String> = BTreeSet::new();
    for d in &new.data_items {
        let Some(m) = new.metric(&d.metric) else {
            continue;
        };
        let site = sub.absent_site.clone();
        match source(old, new, m, &d.code) {
            Source::None(reason) => steps.push(Step {
                code: d.code.clone(),
                from: Vec::new(),
                outcome: "not_carried".into(),
                value: None,
                reason,
            }),
            Source::One(f) => {
                used.extend(old.expand(&f));
                used.insert(f.clone());
                // A value that is missing with a status keeps its status.
                if let Some(e) = sub
                    .entry(&f)
                    .filter(|e| e.status.is_some() && !matches!(e.raw, Raw::Number(_)))
                {
                    out.entries.push(Entry {
                        code: d.code.clone(),
                        raw: Raw::Blank,
                        status: e.status.clone(),
                        comment: e.comment.clone(),
                        site,
                    });
                    steps.push(Step {
                        code: d.code.clone(),
                        from: vec![f.clone()],
                        outcome: "status".into(),
                        value: None,
                        reason: format!(
                            "missing in the old return too ({})",
                            quoted(e.status.as_deref().unwrap_or_default())
                        ),
                    });
                    continue;
                }
                match old_figure(old, sub, &f) {
                    Ok((v, how)) => {
                        let comment = sub.entry(&f).and_then(|e| e.comment.clone());
                        out.entries.push(Entry {
                            code: d.code.clone(),
                            raw: Raw::Number(v),
                            status: None,
                            comment,
                            site,
                        });
                        let reason = match (f == d.code, how) {
                            (true, None) => "the same code and meaning".to_string(),
                            (true, Some(h)) => h.to_string(),
                            (false, None) => format!("renumbered from {f}"),
                            (false, Some(h)) => format!("renumbered from {f}, {h}"),
                        };
                        steps.push(Step {
                            code: d.code.clone(),
                            from: vec![f],
                            outcome: "carried".into(),
                            value: Some(values::show(v)),
                            reason,
                        });
                    }
                    Err(why) => steps.push(Step {
                        code: d.code.clone(),
                        from: vec![f],
                        outcome: "not_carried".into(),
                        value: None,
                        reason: why,
                    }),
                }
            }
            Source::Sum(from) => {
                for f in &from {
                    used.extend(old.expand(f));
                    used.insert(f.clone());
                }
                let mut total = 0.0;
                let mut why = None;
                for f in &from {
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
                        steps.push(Step {
                            code: d.code.clone(),
                            from: from.clone(),
                            outcome: "summed".into(),
                            value: Some(values::show(total)),
                            reason: format!("the sum of {}", from.join(" + ")),
                        });
                    }
                    Some(e) => steps.push(Step {
                        code: d.code.clone(),
                        from: from.clone(),
                        outcome: "not_carried".into(),
                        value: None,
                        reason: format!("{} is the sum of {}, and {e}", d.code, from.join(" + ")),
                    }),
                }
            }
        }
    }
    // Populations are supplied each year and carry as they are.
    for p in &new.populations {
        if let Some(e) = sub.entry(&p.id) {
            out.entries.push(e.clone());
            used.insert(p.id.clone());
        }
    }
    for e in &sub.entries {
        if !used.contains(&e.code) && !matches!(e.raw, Raw::Blank) {
            steps.push(Step {
                code: e.code.clone(),
                from: vec![e.code.clone()],
                outcome: "dropped".into(),
                value: Some(e.raw.to_text()),
                reason: format!("{} is not collected in {}", e.code, new.edition.id),
            });
        }
    }
    let migration = Migration {
        file: sub.file.clone(),
        authority: values::trim(&sub.authority).to_string(),
        period: values::trim(&sub.period).to_string(),
        from_edition: old.edition.id.clone(),
        to_edition: new.edition.id.clone(),
        steps,
    };
    (out, migration)
}

/// The report as text: a line per value, what was not carried first. Texts from the return
/// are shown `safe`, and a value that is not a figure is cut to its start.
pub fn render_text(m: &Migration) -> String {
    let mut s = format!(
        "{} ({} {}): from {} to {}, {} values carried, {} not carried, {} dropped\n",
        safe(&m.file),
        short(&m.authority),
        short(&m.period),
        m.from_edition,
        m.to_edition,
        m.carried(),
        m.steps
            .iter()
            .filter(|s| s.outcome == "not_carried")
            .count(),
        m.steps.iter().filter(|s| s.outcome == "dropped").count(),
    );
    for outcome in ["not_carried", "dropped", "summed", "status", "carried"] {
        for st in m.steps.iter().filter(|s| s.outcome == outcome) {
            let value = match st.value.as_deref() {
                None => "-".to_string(),
                Some(v) if v.chars().count() > 40 || v.chars().any(char::is_control) => quoted(v),
                Some(v) => v.to_string(),
            };
            s.push_str(&format!(
                "  {:<12} {:<9} {:>10}  {}\n",
                outcome.replace('_', " "),
                safe(&st.code),
                safe(&value),
                safe(&st.reason)
            ));
        }
    }
    s
}
