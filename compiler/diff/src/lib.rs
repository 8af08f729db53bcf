//! pmf-diff: the changes between two editions (`pmf_ir::diff`) rendered for people: text for
//! the terminal, Markdown for review, JSON for tools. Each shows every change in its category
//! with the reason the spec gives (`reuses`, `same`, an allowed meaning change), and the time
//! series: for each metric of the new edition, the codes of every earlier edition it continues.

pub use pmf_ir::diff::{diff, summary, Category, Change, ChangeKind};
use pmf_ir::{Ir, Series};
use pmf_words::changes;
use serde_json::json;

const CATEGORIES: [Category; 3] = [
    Category::BreakingSubmission,
    Category::BreakingSeries,
    Category::Documentation,
];

/// What the reason of a change explains.
fn reason_label(c: &Change) -> &'static str {
    match c.kind {
        ChangeKind::CodeReused => "why the code is used again",
        ChangeKind::WordingChanged => "why it counts the same",
        _ => "why",
    }
}

/// The series of the new edition's metrics, when the new edition supersedes the old one (the
/// same edition at two revisions has no series between them).
fn metric_series<'a>(old: &Ir, new: &'a Ir) -> Vec<&'a Series> {
    if new.edition.supersedes.as_deref() != Some(old.edition.id.as_str()) {
        return Vec::new();
    }
    new.series
        .iter()
        .filter(|s| new.metric(&s.code).is_some())
        .collect()
}

/// A series continued under other codes: `2019-consultation AD/014`, newest first.
fn renamed(s: &Series) -> bool {
    s.continues.iter().any(|st| st.codes != [s.code.clone()])
}

fn chain(s: &Series) -> String {
    s.continues
        .iter()
        .map(|st| format!("{} {}", st.edition, st.codes.join(" + ")))
        .collect::<Vec<_>>()
        .join(", before that ")
}

pub fn render_text(old: &Ir, new: &Ir, changes: &[Change]) -> String {
    let (o, n) = (&old.edition.id, &new.edition.id);
    let mut s = format!("Changes from {o} to {n}: {}\n", counts(changes));
    for cat in CATEGORIES {
        let these: Vec<&Change> = changes.iter().filter(|c| c.category == cat).collect();
        if these.is_empty() {
            continue;
        }
        s.push_str(&format!(
            "\n{} ({}): {}\n",
            changes::title(cat),
            these.len(),
            changes::explain(cat)
        ));
        for c in these {
            s.push_str(&format!(
                "  {:<9} {:<24} {}\n",
                c.code,
                c.kind.as_str(),
                one_line(&changes::describe(c))
            ));
            if let Some(r) = &c.reason {
                s.push_str(&format!(
                    "  {:<9} {:<24} {}: {}\n",
                    "",
                    "",
                    reason_label(c),
                    one_line(&r.en)
                ));
            }
        }
    }
    let series = metric_series(old, new);
    if !series.is_empty() {
        let moved: Vec<&&Series> = series.iter().filter(|x| renamed(x)).collect();
        let fresh: Vec<&str> = series
            .iter()
            .filter(|x| x.continues.is_empty())
            .map(|x| x.code.as_str())
            .collect();
        let kept = series.len() - moved.len() - fresh.len();
        s.push_str(&format!(
            "\nTime series: what each metric of {n} continues, edition by edition\n"
        ));
        for x in &moved {
            s.push_str(&format!("  {:<9} continues {}\n", x.code, chain(x)));
        }
        if !fresh.is_empty() {
            s.push_str(&format!(
                "  starts in {n} ({}): {}\n",
                fresh.len(),
                fresh.join(", ")
            ));
        }
        s.push_str(&format!(
            "  {kept} other metric{} continue{} under {} own code\n",
            if kept == 1 { "" } else { "s" },
            if kept == 1 { "s" } else { "" },
            if kept == 1 { "its" } else { "their" },
        ));
    }
    s
}

/// A text on one line: a reason written on several lines in the spec stays one entry.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn counts(changes: &[Change]) -> String {
    if changes.is_empty() {
        return "no changes".into();
    }
    let sum = summary(changes);
    CATEGORIES
        .iter()
        .filter_map(|c| {
            sum.get(c)
                .map(|n| format!("{n} {}", changes::title(*c).to_lowercase()))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        if "\\`*_{}[]<>()#+-.!|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn render_markdown(old: &Ir, new: &Ir, changes: &[Change]) -> String {
    let (o, n) = (&old.edition.id, &new.edition.id);
    let mut s = format!(
        "# What has changed since {}\n\nFrom edition {} to edition {}: {}.\n",
        md_escape(o),
        md_escape(o),
        md_escape(n),
        counts(changes)
    );
    for cat in CATEGORIES {
        let these: Vec<&Change> = changes.iter().filter(|c| c.category == cat).collect();
        if these.is_empty() {
            continue;
        }
        s.push_str(&format!(
            "\n## {}\n\n{}.\n\n| Code | Was | Change |\n|---|---|---|\n",
            changes::title(cat),
            capital(changes::explain(cat))
        ));
        for c in these {
            let mut cell = md_escape(&changes::describe(c));
            if let Some(r) = &c.reason {
                cell.push_str(&format!(
                    "<br>*{}*: {}",
                    capital(reason_label(c)),
                    md_escape(&r.en)
                ));
            }
            s.push_str(&format!(
                "| {} | {} | {} |\n",
                md_escape(&c.code),
                md_escape(&c.from_text()),
                cell
            ));
        }
    }
    let series = metric_series(old, new);
    if !series.is_empty() {
        s.push_str(&format!(
            "\n## Time series\n\nWhat each metric of {} continues, edition by edition (newest first).\n\n| Code | Continues |\n|---|---|\n",
            md_escape(n)
        ));
        let mut kept = 0;
        for x in &series {
            if x.continues.is_empty() {
                s.push_str(&format!(
                    "| {} | starts in {} |\n",
                    md_escape(&x.code),
                    md_escape(n)
                ));
            } else if renamed(x) {
                s.push_str(&format!(
                    "| {} | {} |\n",
                    md_escape(&x.code),
                    md_escape(&chain(x))
                ));
            } else {
                kept += 1;
            }
        }
        s.push_str(&format!(
            "\n{kept} other metrics continue under their own code.\n"
        ));
    }
    s
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

pub fn render_json(old: &Ir, new: &Ir, changes: &[Change]) -> String {
    let sum = summary(changes);
    let described: Vec<serde_json::Value> = changes
        .iter()
        .map(|c| {
            let mut v = serde_json::to_value(c).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                o.insert("message".into(), json!(changes::describe(c)));
            }
            v
        })
        .collect();
    let series: Vec<&Series> = if metric_series(old, new).is_empty() {
        Vec::new()
    } else {
        new.series.iter().collect()
    };
    let v = json!({
        "old": old.edition.id,
        "new": new.edition.id,
        "summary": {
            "breaking_submission": sum.get(&Category::BreakingSubmission).copied().unwrap_or(0),
            "breaking_series": sum.get(&Category::BreakingSeries).copied().unwrap_or(0),
            "documentation": sum.get(&Category::Documentation).copied().unwrap_or(0),
        },
        "changes": described,
        "series": series,
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}
