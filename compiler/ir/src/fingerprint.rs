//! Meaning fingerprints: a stable hash of what defines what a metric or item counts, so that a
//! change in meaning under an unchanged code is caught between editions. Wording, rationale,
//! citations and notes are left out on purpose; so are the codes a relation points at (a
//! renumbered parent does not change what a metric counts), but not the kind of relation.

use super::{Item, Metric, Rich};

/// FNV-1a, 64 bits: tiny, and stable across platforms and compiler versions (unlike the
/// standard library's hasher), which a value stored in files needs.
fn fnv1a(s: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn norm(r: &Option<Rich>) -> String {
    r.as_ref()
        .map(|r| {
            r.plain()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .unwrap_or_default()
}

/// What the metric as a whole counts, shared by the metric and its items.
fn base(m: &Metric) -> String {
    let mut s = format!(
        "measure={}:{}:{};value={:?};timing={}:{};cohort={};",
        m.measure.kind.as_str(),
        m.measure.unit,
        m.measure.over.as_deref().unwrap_or(""),
        m.value_type,
        m.timing.kind.as_str(),
        m.timing.at.as_deref().unwrap_or(""),
        m.cohort.as_deref().unwrap_or(""),
    );
    s.push_str(&format!(
        "includes={};excludes={};counting={};",
        norm(&m.includes),
        norm(&m.excludes),
        norm(&m.counting)
    ));
    for t in &m.timescales {
        s.push_str(&format!(
            "timescale={:?}:{}:{:?}:{};",
            t.rule,
            t.amount,
            t.unit,
            t.from.as_ref().map_or("", |f| f.en.as_str())
        ));
    }
    s
}

pub fn metric(m: &Metric) -> String {
    let mut s = base(m);
    s.push_str(&format!(
        "collected={};subset={};equals={};",
        m.collected,
        m.subset_of.is_some(),
        m.equals.is_some()
    ));
    if let Some(b) = &m.breakdown {
        s.push_str(&format!(
            "breakdown={:?}:{}:{};",
            b.kind,
            b.by.join("*"),
            b.of.is_some()
        ));
    }
    // Items that stand for list entries are identified by their entries, in a fixed order, so
    // re-lettering them changes the template but not what the metric counts.
    let mut items: Vec<String> = m
        .items
        .iter()
        .map(|i| {
            if i.entry.is_empty() {
                format!("item={}:{};", i.letter, i.reserved.is_some())
            } else {
                format!("item={}:{};", i.entry.join("."), i.reserved.is_some())
            }
        })
        .collect();
    items.sort();
    s.push_str(&items.concat());
    fnv1a(&s)
}

pub fn item(m: &Metric, i: &Item) -> String {
    let mut s = base(m);
    s.push_str(&format!(
        "breakdown={:?};entry={};reserved={};subset={};equals={};",
        m.breakdown.as_ref().map(|b| b.kind),
        i.entry.join("."),
        i.reserved.is_some(),
        i.subset_of.is_some(),
        i.equals.is_some()
    ));
    fnv1a(&s)
}

#[cfg(test)]
mod tests {
    #[test]
    fn fnv_is_stable() {
        assert_eq!(super::fnv1a(""), "cbf29ce484222325");
        assert_eq!(super::fnv1a("a"), "af63dc4c8601ec8c");
    }
}
