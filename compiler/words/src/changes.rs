//! The changes between editions in words: `pmf-ir` records each change as data (its kind,
//! codes, and the old and new values in the spec's own words); this module words it for the
//! renderers (`pmf diff`, `pmf migrate`, the guidance's "What changed", the editor's hover), so
//! the IR carries no English of its own.

use pmf_ir::diff::{Category, Change, ChangeKind};

/// A category's heading: "Breaking for submissions".
pub fn title(category: Category) -> &'static str {
    match category {
        Category::BreakingSubmission => "Breaking for submissions",
        Category::BreakingSeries => "Breaking for time series",
        Category::Documentation => "Documentation only",
    }
}

/// What a category means for the people who use the figures.
pub fn explain(category: Category) -> &'static str {
    match category {
        Category::BreakingSubmission => {
            "the template or the validation rules change: extracts must be rebuilt"
        }
        Category::BreakingSeries => {
            "the figure now counts something else: last year's figure no longer compares"
        }
        Category::Documentation => "the guidance reads differently; what is counted is unchanged",
    }
}

/// A change in one sentence, without the reason (renderers show it apart).
pub fn describe(c: &Change) -> String {
    use ChangeKind::*;
    let code = &c.code;
    let from = c.from_text();
    let old = c.old.as_deref().unwrap_or("");
    let new = c.new.as_deref().unwrap_or("");
    let rule = c.rule.as_deref().unwrap_or("");
    let series = c.category == Category::BreakingSeries;
    match c.kind {
        MetricAdded => format!("{code} is new: {}", short(new)),
        MetricRemoved => format!("{code} is no longer collected: {}", short(old)),
        MetricRenumbered => format!("{from} is renumbered {code}"),
        MetricPromoted => format!("item {from} continues as the metric {code}"),
        ItemDemoted => format!("the metric {from} continues as item {code}"),
        MetricMerged => format!("{code} merges {from}: report their sum"),
        MetricSplit if series => format!(
            "{code} counts only a part of what {from} counted: the series does not continue"
        ),
        MetricSplit => format!("{code} is split out of {from}"),
        CodeReused if series => format!(
            "{code} is used again for something else: it counted \"{}\", it now counts \"{}\"; the series does not continue",
            short(old),
            short(new)
        ),
        CodeReused => format!("{code} now holds another figure: {}", short(new)),
        ItemAdded if old.is_empty() && new.is_empty() => format!("{code} is now collected"),
        ItemAdded => format!("{code} is a new item: {}", short(new)),
        ItemRemoved if old.is_empty() => format!("{code} is no longer collected"),
        ItemRemoved => format!("{code} is no longer collected: {}", short(old)),
        ItemRelettered => format!("{from} is now {code}"),
        TotalChanged => format!("{code}'s own total is now {new} (was {old})"),
        ValueTypeChanged => format!("{code} is now a {new} figure (was {old})"),
        UnitChanged if series => {
            format!("{code} now {new} (was: {old}), so earlier figures do not compare")
        }
        UnitChanged => format!("{code} now {new} (was: {old})"),
        TimingChanged if series => format!(
            "{code} is now counted {} instead of {}",
            when(new),
            when(old)
        ),
        TimingChanged => format!("{code} is now a {} (was a {})", kind_of(new), kind_of(old)),
        CohortChanged => format!("{code} is now about {} (was {})", or_dash(new), or_dash(old)),
        PopulationChanged => {
            format!("{code} is now a part of {new} (was a part of {old})")
        }
        DefinitionChanged => {
            format!("{code}: what to include or exclude, or how to count, changed")
        }
        TimescaleChanged => format!("{code}'s timescale is now \"{new}\" (was \"{old}\")"),
        BreakdownChanged => format!("{code}'s breakdown is now {new} (was {old})"),
        EntryChanged => format!("{code} now stands for the entry {new} (was {old})"),
        ContinuityUnproven => format!(
            "{code}'s wording counts something else, and nothing says it counts the same: \"{}\" was \"{}\"",
            short(new),
            short(old)
        ),
        WordingChanged => format!("{code} is reworded: \"{}\"", short(new)),
        RationaleChanged => format!("{code}'s rationale (why we measure it) changed"),
        CitationsChanged => format!("{code}'s legal citations changed"),
        NotesChanged => format!("{code}'s notes changed"),
        RuleAdded => format!("new rule {rule}: {new}"),
        RuleTightened => format!("rule {rule} is stricter: {new} (was {old})"),
        RuleRelaxed => format!("rule {rule} is looser: {new} (was {old})"),
        RuleChanged => format!("rule {rule} now checks {new} (was {old})"),
        RuleRemoved => format!("rule {rule} no longer applies: {old}"),
        IndicatorAdded => format!("new indicator {code}: {new}"),
        IndicatorRemoved => format!("indicator {code} is withdrawn: {old}"),
        IndicatorChanged => format!("{code} is now {new} (was {old})"),
        IndicatorInputsChanged => format!(
            "{code} reads {}, which now count{} something else: its series does not continue",
            c.from.join(", "),
            if c.from.len() == 1 { "s" } else { "" }
        ),
        ErratumAdded => format!("erratum {code}: {}", short(new)),
    }
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() {
        "-"
    } else {
        s
    }
}

/// `flow` / `stock at X` in words.
fn when(timing: &str) -> String {
    match timing.strip_prefix("stock at ") {
        Some(at) => format!("at {at}"),
        None if timing == "stock" => "at a point in time".into(),
        None => "during the year".into(),
    }
}

fn kind_of(timing: &str) -> &str {
    if timing.starts_with("stock") {
        "stock"
    } else {
        "flow"
    }
}

fn short(s: &str) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() > 90 {
        format!("{}…", one.chars().take(89).collect::<String>())
    } else {
        one
    }
}
