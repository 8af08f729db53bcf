//! pmf-diff: the changes between two editions (`pmf_ir::diff`) rendered for people: text for
//! the terminal, Markdown for review, JSON for tools.

pub use pmf_ir::diff::{diff, summary, Category, Change};
use serde_json::json;

const CATEGORIES: [Category; 3] = [
    Category::BreakingSubmission,
    Category::BreakingSeries,
    Category::Documentation,
];

pub fn render_text(old: &str, new: &str, changes: &[Change]) -> String {
    let mut s = format!("Changes from {old} to {new}: {}\n", counts(changes));
    for cat in CATEGORIES {
        let these: Vec<&Change> = changes.iter().filter(|c| c.category == cat).collect();
        if these.is_empty() {
            continue;
        }
        s.push_str(&format!(
            "\n{} ({}): {}\n",
            cat.title(),
            these.len(),
            cat.explain()
        ));
        for c in these {
            s.push_str(&format!("  {:<9} {:<20} {}\n", c.code, c.kind, c.message));
        }
    }
    s
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
                .map(|n| format!("{n} {}", c.title().to_lowercase()))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_{}[]<>()#+-.!|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn render_markdown(old: &str, new: &str, changes: &[Change]) -> String {
    let mut s = format!(
        "# What has changed since {}\n\nFrom edition {} to edition {}: {}.\n",
        md_escape(old),
        md_escape(old),
        md_escape(new),
        counts(changes)
    );
    for cat in CATEGORIES {
        let these: Vec<&Change> = changes.iter().filter(|c| c.category == cat).collect();
        if these.is_empty() {
            continue;
        }
        s.push_str(&format!(
            "\n## {}\n\n{}.\n\n| Code | Was | Change |\n|---|---|---|\n",
            cat.title(),
            capital(cat.explain())
        ));
        for c in these {
            s.push_str(&format!(
                "| {} | {} | {} |\n",
                md_escape(&c.code),
                c.old_code.as_deref().map(md_escape).unwrap_or_default(),
                md_escape(&c.message)
            ));
        }
    }
    s
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

pub fn render_json(old: &str, new: &str, changes: &[Change]) -> String {
    let sum = summary(changes);
    let v = json!({
        "old": old,
        "new": new,
        "summary": {
            "breaking_submission": sum.get(&Category::BreakingSubmission).copied().unwrap_or(0),
            "breaking_series": sum.get(&Category::BreakingSeries).copied().unwrap_or(0),
            "documentation": sum.get(&Category::Documentation).copied().unwrap_or(0),
        },
        "changes": changes,
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}
