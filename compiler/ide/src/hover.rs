//! Hover cards, in Markdown: what a performance officer would look up in the guidance.
//!
//! A card is built from the checked IR (wording, unit, flow or stock, cohort, timescales,
//! citations, parent and items, the indicators that use it; a codelist's entries; an
//! instrument's title). When the IR lacks the thing (the spec has no edition header, or the
//! item does not check yet), a shorter card is made from the declarations. On a code after
//! `was` the card is the previous edition's; on a field or item keyword, its documentation
//! from the schema; on a code this edition no longer has, what became of it.

use crate::editions;
use crate::index::Role;
use crate::nav::Cursor;
use crate::query::{self, Target};
use crate::world::Analysis;
use pmf_check::model::{schema, Declarations};
use pmf_check::Kind;
use pmf_ir::{self as ir, Ir};
use pmf_syntax::source::Span;
use std::fmt::Write;

/// A hover: a card in Markdown, and the range it is about in the cursor's file (none when the
/// answer came from the last good compilation, whose offsets are not the text's).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    pub markdown: String,
    pub range: Option<Span>,
}

/// The hover at a cursor.
pub fn hover(c: &Cursor) -> Option<Hover> {
    if let Some(h) = welsh_hover(c) {
        return Some(h);
    }
    let Some(f) = c.found() else {
        return keyword_hover(c).or_else(|| old_code_hover(c));
    };
    let range = std::ptr::eq(f.src, c.a.as_ref()).then(|| f.hit.span.clone());
    if f.hit.role == Role::Was {
        // A code after `was`: the previous edition's metric, and what became of it.
        let card = editions::previous_ir(f.src)
            .and_then(|prev| editions::previous_card(&f.hit.target.name, prev, f.src.ir()));
        return match card {
            Some(markdown) => Some(Hover { markdown, range }),
            None => keyword_hover(c).or_else(|| old_code_hover(c)),
        };
    }
    let mut irs: Vec<&Ir> = f.src.ir().into_iter().collect();
    if let Some(g) = c.last_good.as_deref() {
        irs.extend(g.ir());
    }
    let mut markdown = card(&f.hit.target, &irs, &f.src.comp.decls)?;
    // The history, from the first compilation that knows the target and was checked with
    // the previous edition.
    let history = [Some(f.src), c.last_good.as_deref()]
        .into_iter()
        .flatten()
        .find_map(|a| {
            let ir = a.ir()?;
            editions::history(&f.hit.target, ir, editions::previous_ir(a)?)
        });
    if let Some(h) = history {
        markdown.push_str("\n\n");
        markdown.push_str(&h);
    }
    // In a previous edition: what became of the code in the open editions after it.
    if f.hit.target.kind == Kind::Code {
        for later in &c.later {
            if let Some(ir) = later.ir() {
                markdown.push_str("\n\n");
                markdown.push_str(&editions::fate(&f.hit.target.name, ir));
            }
        }
    }
    Some(Hover { markdown, range })
}

/// A hover on a text's Welsh (`cy "..."` and its `of(...)`): the English now and the Welsh,
/// how far the translation has gone, and whether it was made for other English than the text
/// has now (then it is stale, and the warning PMF0410 is on it too).
fn welsh_hover(c: &Cursor) -> Option<Hover> {
    let on_welsh = |s: &pmf_syntax::source::Span| s.start <= c.offset && c.offset <= s.end;
    let spans = c.a.welsh_spans.get_or_init(|| {
        pmf_check::catalogue::translatable(&c.a.comp.decls)
            .iter()
            .filter_map(|t| Some((t.text.loc.file, t.text.cy_span()?)))
            .collect()
    });
    if !spans.iter().any(|(f, s)| *f == c.file && on_welsh(s)) {
        return None;
    }
    let texts = pmf_check::catalogue::translatable(&c.a.comp.decls);
    let t = texts.iter().map(|t| t.text).find(|t| {
        t.loc.file == c.file
            && t.cy_span()
                .as_ref()
                .is_some_and(|s| s.start <= c.offset && c.offset <= s.end)
    })?;
    let cy = t.cy()?;
    let mut md = String::new();
    let quote = |s: &str| s.lines().collect::<Vec<_>>().join(" ");
    match t.cy_of() {
        None => md.push_str(
            "**Welsh** · written by hand\n\nIt records no English it was made for, so it is never \
             reported as stale; `pmf translate import` records it.",
        ),
        Some(of) => {
            let now = pmf_check::model::english_hash(&t.en.value);
            if now == of.hash {
                let _ = write!(
                    md,
                    "**Welsh** · {}\n\nMade for the English the text has now (`{now}`).",
                    of.state.as_str()
                );
                if of.state != pmf_check::model::WelshState::Reviewed {
                    md.push_str(" Only reviewed Welsh counts as done for publication.");
                }
            } else {
                let _ = write!(
                    md,
                    "**Welsh** · {} · **stale**\n\nMade for other English (`{}`) than the text has \
                     now (`{now}`): have it translated again (`pmf translate export` lists it).",
                    of.state.as_str(),
                    of.hash
                );
                match c.a.comp.decls.remembered(&of.hash) {
                    Some(before) => {
                        let _ = write!(md, "\n\nEnglish it was made for: {}", escape_md(&quote(before)));
                    }
                    None => md.push_str(
                        " The Welsh memory (welsh-memory.pmf) does not have the English it was made for.",
                    ),
                }
            }
        }
    }
    let _ = write!(
        md,
        "\n\nEnglish now: {}\n\nWelsh: {}",
        escape_md(&quote(&t.en.value)),
        escape_md(&quote(&cy.value))
    );
    Some(Hover {
        markdown: md,
        range: t.cy_span(),
    })
}

/// Text shown as itself in a Markdown card (no emphasis, links or HTML from the spec's words).
fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(
            ch,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '|'
                | '!'
                | '('
                | ')'
                | '{'
                | '}'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// A hover on a field or item keyword: its documentation from the schema.
fn keyword_hover(c: &Cursor) -> Option<Hover> {
    let text = c.text();
    let (span, word) = query::word_at(text, c.offset)?;
    let cx = crate::completion::context(text, span.start);
    if !cx.before.is_empty() || cx.in_text || cx.in_comment {
        return None;
    }
    let markdown = if cx.enclosing.is_empty() {
        schema::item(word).map(|k| format!("**{}** · item\n\n{}", k.keyword, k.doc))
    } else {
        schema::block_at(&cx.enclosing)
            .and_then(|b| b.field(word))
            .map(|f| format!("**{}** · field\n\n{}", f.name, f.doc))
    }?;
    Some(Hover {
        markdown,
        range: Some(span),
    })
}

/// A hover on a code that this edition no longer has (in a text, say): a retired code's
/// card, or the previous edition's card of a code and what became of it.
fn old_code_hover(c: &Cursor) -> Option<Hover> {
    let text = c.text();
    let (span, word) = query::word_at(text, c.offset)?;
    let word = word.trim_end_matches('.');
    let span = span.start..span.start + word.len();
    let a = [Some(c.a.as_ref()), c.last_good.as_deref()]
        .into_iter()
        .flatten()
        .find(|a| a.ir().is_some())?;
    let ir = a.ir()?;
    let known = |ir: &Ir| {
        ir.metric(pmf_check::model::metric_of_item(word))
            .is_some_and(|m| m.code == word || m.items.iter().any(|i| i.code == word))
    };
    let card = match editions::retired_card(word, ir) {
        Some(c) => c,
        None if !known(ir) => {
            let prev = editions::previous_ir(a).filter(|p| known(p))?;
            editions::previous_card(word, prev, Some(ir))?
        }
        None => return None,
    };
    Some(Hover {
        markdown: card,
        range: Some(span),
    })
}

/// The card of a completion candidate, made when the editor shows it: from the current
/// compilation's IR or the last good one's, else from the declarations.
pub fn candidate_card(a: &Analysis, last_good: Option<&Analysis>, t: &Target) -> Option<String> {
    let mut irs: Vec<&Ir> = a.ir().into_iter().collect();
    if let Some(g) = last_good {
        irs.extend(g.ir());
    }
    card(t, &irs, &a.comp.decls)
}

/// A card for a target, from the first IR that knows it, else from the declarations.
pub fn card(t: &Target, irs: &[&Ir], decls: &Declarations) -> Option<String> {
    irs.iter()
        .find_map(|ir| card_from_ir(t, ir))
        .or_else(|| card_from_decls(t, decls))
}

fn text(t: &ir::Text) -> &str {
    &t.en
}

fn rich(r: &ir::Rich) -> String {
    r.plain()
}

fn terms(ts: &[ir::Term]) -> String {
    let mut s = String::new();
    for (i, t) in ts.iter().enumerate() {
        let sign = if t.coef < 0.0 { "-" } else { "+" };
        let mag = t.coef.abs();
        if i > 0 || t.coef < 0.0 {
            let _ = write!(s, "{}{sign} ", if i > 0 { " " } else { "" });
        }
        if (mag - 1.0).abs() > f64::EPSILON {
            let _ = write!(s, "{mag} × ");
        }
        s.push_str(&t.code);
    }
    s
}

/// A record field's type as the spec writes it.
fn field_type(t: &ir::records::FieldType) -> String {
    use ir::records::FieldType as F;
    match t {
        F::Date => "`date`".into(),
        F::Datetime => "`datetime`".into(),
        F::Number => "`number`".into(),
        F::Id => "`id`".into(),
        F::Code { codelist } => format!("`code {codelist}`"),
        F::Cohort => "`cohort`".into(),
        F::Ref { record } => format!("`ref {record}`"),
    }
}

fn unit_label(ir: &Ir, id: &str) -> String {
    if id.is_empty() {
        return "an undeclared unit".to_string();
    }
    match ir.unit(id) {
        Some(u) => format!("{} (`{id}`)", u.label.en),
        None => format!("`{id}`"),
    }
}

fn ages(a: &ir::AgeRange) -> String {
    match a.to {
        Some(to) => format!("aged {}–{to}", a.from),
        None => format!("aged {} or over", a.from),
    }
}

/// A card from one IR, if it knows the target.
pub fn card_from_ir(t: &Target, ir: &Ir) -> Option<String> {
    let mut s = String::new();
    match t.kind {
        Kind::Code => {
            let metric_code = pmf_check::model::metric_of_item(&t.name);
            let m = ir.metric(metric_code)?;
            if t.name == m.code {
                metric_card(ir, m, &mut s);
            } else {
                let it = m.items.iter().find(|i| i.code == t.name)?;
                item_card(ir, m, it, &mut s);
            }
        }
        Kind::Indicator => {
            let i = ir.indicators.iter().find(|i| i.code == t.name)?;
            let _ = writeln!(s, "**{}** · indicator\n\n{}\n", i.code, text(&i.title));
            let _ = writeln!(s, "```pmf\nformula {}\n```\n", i.formula_text);
            let _ = writeln!(s, "{}\n", formula_words(ir, i));
            let _ = writeln!(
                s,
                "*result*: {} · *unit*: {} · *polarity*: {} · *decimals*: {}",
                i.result.as_str(),
                unit_words(ir, i),
                polarity(i.polarity),
                i.decimals
            );
            if let Some(r) = &i.reading {
                let _ = writeln!(s, "\n{}", rich(r));
            }
        }
        Kind::Codelist => {
            let c = ir.codelists.iter().find(|c| c.id == t.name)?;
            let _ = writeln!(
                s,
                "**{}** · codelist{}\n\n{}\n",
                c.id,
                if c.exhaustive { " (exhaustive)" } else { "" },
                text(&c.title)
            );
            for e in &c.entries {
                let _ = write!(s, "- `{}` {}", e.id, text(&e.label));
                if let Some(r) = &e.range {
                    let _ = write!(s, " ({})", ages(r));
                }
                if e.reserved.is_some() {
                    s.push_str(" — reserved");
                }
                s.push('\n');
            }
            if !c.used_by.is_empty() {
                let _ = writeln!(s, "\n*used by*: {}", c.used_by.join(", "));
            }
        }
        Kind::Entry => {
            let list = t.parent.as_deref()?;
            let c = ir.codelists.iter().find(|c| c.id == list)?;
            let e = c.entries.iter().find(|e| e.id == t.name)?;
            let _ = writeln!(
                s,
                "**{}** · entry of `{}` ({})\n\n{}",
                e.id,
                c.id,
                text(&c.title),
                text(&e.label)
            );
            if let Some(g) = &e.group {
                let label = g.label.as_ref().map_or("", |l| l.en.as_str());
                let _ = writeln!(s, "\n*group*: `{}` {label}", g.id);
            }
            if let Some(r) = &e.range {
                let _ = writeln!(s, "\n*range*: {}", ages(r));
            }
            if let Some(r) = &e.reserved {
                let _ = writeln!(s, "\n*reserved*: {}", text(r));
            }
        }
        Kind::Instrument => {
            let i = ir.instruments.iter().find(|i| i.id == t.name)?;
            let _ = writeln!(s, "**{}** · instrument\n\n{}", i.id, text(&i.title));
            let mut facts = Vec::new();
            if let Some(k) = &i.kind {
                facts.push(format!("*kind*: {}", k.replace('_', " ")));
            }
            if let Some(sh) = &i.short {
                facts.push(format!("*short*: {}", text(sh)));
            }
            if let Some(y) = &i.year {
                facts.push(format!("*year*: {y}"));
            }
            if let Some(w) = &i.within {
                facts.push(format!("*within*: `{w}`"));
            }
            if !facts.is_empty() {
                let _ = writeln!(s, "\n{}", facts.join(" · "));
            }
            if !i.cited_by.is_empty() {
                let _ = writeln!(s, "\n*cited by*: {}", i.cited_by.join(", "));
            }
        }
        Kind::Population => {
            let p = ir.populations.iter().find(|p| p.id == t.name)?;
            let _ = writeln!(s, "**{}** · population\n\n{}", p.id, text(&p.label));
            if let Some(c) = &p.cohort {
                let _ = writeln!(s, "\n*cohort*: `{c}`");
            }
            if let Some(a) = &p.ages {
                let _ = writeln!(s, "\n*ages*: {}", ages(a));
            }
            if let Some(src) = &p.source {
                let _ = writeln!(s, "\n*source*: {}", text(src));
            }
            let users: Vec<&str> = ir
                .indicators
                .iter()
                .filter(|i| i.populations.iter().any(|x| x == &p.id))
                .map(|i| i.code.as_str())
                .collect();
            if !users.is_empty() {
                let _ = writeln!(s, "\n*used by*: {}", users.join(", "));
            }
        }
        Kind::Unit => {
            let u = ir.unit(&t.name)?;
            let _ = writeln!(
                s,
                "**{}** · unit\n\n{} (one {})\n\n*kind*: {} · *value*: {}{}",
                u.id,
                text(&u.label),
                text(&u.singular),
                match u.kind {
                    pmf_check::model::UnitKind::Entity => "entity, counted one by one",
                    pmf_check::model::UnitKind::Measure => "measure, summed",
                },
                value_type(u.value_type),
                if u.person { " · counts people" } else { "" }
            );
        }
        Kind::Cohort => {
            let c = ir.cohorts.iter().find(|c| c.id == t.name)?;
            let _ = writeln!(s, "**{}** · cohort\n\n{}", c.id, text(&c.label));
            if let Some(a) = &c.ages {
                let _ = writeln!(s, "\n*ages*: {}", ages(a));
            }
            if let Some(d) = &c.definition {
                let _ = writeln!(s, "\n{}", rich(d));
            }
        }
        Kind::Group => {
            let g = ir.groups.iter().find(|g| g.id == t.name)?;
            let _ = writeln!(
                s,
                "**{}** · group {} of part `{}`\n\n{}",
                g.id,
                g.number.as_deref().unwrap_or(""),
                g.part,
                text(&g.title)
            );
            if !g.metrics.is_empty() {
                let _ = writeln!(s, "\n*metrics*: {}", g.metrics.join(", "));
            }
        }
        Kind::Part => {
            let p = ir.part(&t.name)?;
            let _ = writeln!(
                s,
                "**{}** · part {}\n\n{}",
                p.id,
                p.number.as_deref().unwrap_or(""),
                text(&p.title)
            );
            let mut facts = Vec::new();
            if let Some(c) = &p.cohort {
                facts.push(format!("*cohort*: `{c}`"));
            }
            if let Some(x) = &p.prefix {
                facts.push(format!("*codes*: {x}/..."));
            }
            if let Some(w) = &p.within {
                facts.push(format!("*within*: `{w}`"));
            }
            if !facts.is_empty() {
                let _ = writeln!(s, "\n{}", facts.join(" · "));
            }
            if !p.groups.is_empty() {
                let _ = writeln!(s, "\n*groups*: {}", p.groups.join(", "));
            }
        }
        Kind::Definition => {
            let d = ir.definitions.iter().find(|d| d.id == t.name)?;
            let _ = writeln!(s, "**{}** · definition\n\n{}", d.id, text(&d.term));
            if let Some(x) = &d.text {
                let _ = writeln!(s, "\n{}", rich(x));
            }
        }
        Kind::Source => {
            let d = ir.sources.iter().find(|d| d.id == t.name)?;
            let _ = writeln!(s, "**{}** · data source\n\n{}", d.id, text(&d.title));
            if let Some(x) = &d.note {
                let _ = writeln!(s, "\n{}", rich(x));
            }
        }
        Kind::Missing => {
            let d = ir.missing_statuses.iter().find(|d| d.id == t.name)?;
            let _ = writeln!(
                s,
                "**{}** · missing-value status\n\n{}",
                d.id,
                text(&d.label)
            );
            if let Some(x) = &d.meaning {
                let _ = writeln!(s, "\n{}", rich(x));
            }
        }
        Kind::Standard => {
            let q = ir.quality_standards.iter().find(|q| q.id == t.name)?;
            let number = q
                .number
                .as_deref()
                .map(|n| format!(" {n}"))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "**{}** · quality standard{number}\n\n{}",
                q.id,
                text(&q.title)
            );
            if !q.measures.is_empty() {
                let _ = writeln!(s, "\nReported under it: {}", q.measures.join(", "));
            }
        }
        Kind::Rule => {
            let r = ir.rules.iter().find(|r| r.id == t.name)?;
            let _ = writeln!(
                s,
                "**{}** · rule ({})\n\n{}\n\n`{}`",
                r.id,
                r.severity.as_str(),
                rule_words(ir, r),
                match r.kind.is_year_on_year() {
                    true => ir::diff::rule_statement(r),
                    false => format!("{} {} {}", terms(&r.lhs), r.op.symbol(), terms(&r.rhs)),
                },
            );
        }
        Kind::Calendar => {
            let c = ir.calendars.iter().find(|c| c.id == t.name)?;
            let _ = writeln!(
                s,
                "**{}** · working-day calendar\n\n{}\n\nWeekend: {} · years {} to {} · {} bank holidays",
                c.id,
                text(&c.title),
                c.weekend.join(", "),
                c.first_year,
                c.last_year,
                c.holidays.len()
            );
            if let Some(x) = &c.note {
                let _ = writeln!(s, "\n{}", rich(x));
            }
        }
        Kind::Record => {
            let r = ir.records.iter().find(|r| r.id == t.name)?;
            let _ = writeln!(
                s,
                "**{}** · record (one is a `{}`, key `{}`)\n\n{}\n",
                r.id,
                r.unit,
                r.key,
                text(&r.title)
            );
            for f in &r.fields {
                let _ = writeln!(
                    s,
                    "- `{}` {}{}: {}",
                    f.id,
                    field_type(&f.ty),
                    if f.optional { ", optional" } else { "" },
                    text(&f.title)
                );
            }
            if let Some(x) = &r.note {
                let _ = writeln!(s, "\n{}", rich(x));
            }
        }
        Kind::Field => {
            let r = ir
                .records
                .iter()
                .find(|r| Some(r.id.as_str()) == t.parent.as_deref())?;
            let f = r.field(&t.name)?;
            let _ = writeln!(
                s,
                "**{}** · field of record `{}`\n\n{}\n\n*type*: {}{}",
                f.id,
                r.id,
                text(&f.title),
                field_type(&f.ty),
                if f.optional { " · optional" } else { "" }
            );
        }
        Kind::Erratum => {
            let e = ir.errata.iter().find(|e| e.id == t.name)?;
            let _ = writeln!(
                s,
                "**{}** · erratum affecting {}\n\n*source*: {}",
                e.id,
                e.affects.join(", "),
                text(&e.source_text)
            );
            if let Some(c) = &e.corrected {
                let _ = writeln!(s, "\n*corrected*: {}", text(c));
            }
            let _ = writeln!(s, "\n*reason*: {}", text(&e.reason));
        }
        Kind::Edition => {
            if ir.edition.id != t.name {
                return None;
            }
            let _ = writeln!(
                s,
                "**{}** · edition ({})\n\n{}",
                ir.edition.id,
                ir.edition.status,
                text(&ir.edition.title)
            );
        }
        Kind::Doc => return None,
    }
    Some(s.trim_end().to_string())
}

fn polarity(p: pmf_check::model::Polarity) -> &'static str {
    match p {
        pmf_check::model::Polarity::HigherIsBetter => "higher is better",
        pmf_check::model::Polarity::LowerIsBetter => "lower is better",
        pmf_check::model::Polarity::Neither => "neither",
    }
}

fn value_type(v: pmf_check::model::ValueType) -> &'static str {
    match v {
        pmf_check::model::ValueType::Whole => "whole number",
        pmf_check::model::ValueType::Decimal => "decimal",
    }
}

fn timing(t: &ir::Timing) -> String {
    match (t.kind, &t.at) {
        (ir::TimingKind::Stock, Some(at)) => format!("stock at {at}"),
        (ir::TimingKind::Stock, None) => "stock".to_string(),
        (ir::TimingKind::Flow, _) => "flow, during the year".to_string(),
    }
}

fn measure(ir: &Ir, m: &ir::Measure) -> String {
    match &m.over {
        Some(over) => format!(
            "*sums* {} *over* {}",
            unit_label(ir, &m.unit),
            unit_label(ir, over)
        ),
        None => format!("*counts* {}", unit_label(ir, &m.unit)),
    }
}

/// The indicators whose formulas read a code.
fn indicators_using<'a>(ir: &'a Ir, code: &str) -> Vec<&'a ir::Indicator> {
    ir.indicators
        .iter()
        .filter(|i| i.inputs.iter().any(|c| c == code))
        .collect()
}

fn write_indicators(s: &mut String, ir: &Ir, inds: &[&ir::Indicator]) {
    if inds.is_empty() {
        return;
    }
    let _ = writeln!(s, "\n**Indicators**");
    for i in inds {
        let _ = writeln!(s, "- {} {} ({})", i.code, text(&i.title), unit_words(ir, i));
    }
}

fn metric_card(ir: &Ir, m: &ir::Metric, s: &mut String) {
    let _ = write!(s, "**{}** · metric", m.code);
    if let Some(p) = m.part.as_deref().and_then(|p| ir.part(p)) {
        let _ = write!(
            s,
            " in {} {}",
            p.number.as_deref().unwrap_or(""),
            text(&p.title)
        );
    }
    if let Some(g) = m
        .group
        .as_deref()
        .and_then(|g| ir.groups.iter().find(|x| x.id == g))
    {
        let _ = write!(
            s,
            ", group {} {}",
            g.number.as_deref().unwrap_or(""),
            text(&g.title)
        );
    }
    let _ = writeln!(s, "\n\n{}\n", text(&m.wording));
    let mut facts = vec![measure(ir, &m.measure), timing(&m.timing)];
    if let Some(c) = &m.cohort {
        facts.push(format!("*cohort* `{c}`"));
    }
    facts.push(value_type(m.value_type).to_string());
    let _ = writeln!(s, "{}", facts.join(" · "));
    if let Some(r) = &m.subset_of {
        let _ = writeln!(s, "\n*subset of* {}", relation(r));
    }
    if let Some(r) = &m.equals {
        let _ = writeln!(s, "\n*equals* {}", relation(r));
    }
    if let Some(b) = &m.breakdown {
        let _ = write!(s, "\n*breakdown* {}", b.kind.as_str());
        if let Some(of) = &b.of {
            let _ = write!(s, " of {}", terms(of));
        }
        if !b.by.is_empty() {
            let by: Vec<String> = b.by.iter().map(|x| format!("`{x}`")).collect();
            let _ = write!(s, " by {}", by.join(" × "));
        }
        s.push('\n');
    }
    if !m.items.is_empty() {
        let _ = writeln!(s, "\n**Items**");
        for it in &m.items {
            let _ = write!(s, "- **{}** {}", it.letter, text(&it.wording));
            if it.reserved.is_some() {
                s.push_str(" — reserved");
            }
            s.push('\n');
        }
    }
    if !m.timescales.is_empty() {
        let _ = writeln!(s, "\n**Timescales**");
        for t in &m.timescales {
            let _ = write!(
                s,
                "- {}",
                pmf_words::Words::new(ir, ir::Lang::En)
                    .timescale(t)
                    .plain(ir, ir::Lang::En)
            );
            let cites: Vec<String> = t.citations.iter().map(citation_short).collect();
            if !cites.is_empty() {
                let _ = write!(s, " ({})", cites.join("; "));
            }
            s.push('\n');
        }
    }
    if !m.citations.is_empty() {
        let _ = writeln!(s, "\n**Citations**");
        for c in &m.citations {
            let title = ir
                .instruments
                .iter()
                .find(|i| i.id == c.instrument)
                .map_or(c.instrument.as_str(), |i| i.title.en.as_str());
            let _ = write!(s, "- {title}");
            let locs: Vec<String> = c
                .locators
                .iter()
                .map(|l| format!("{} {}", l.kind, l.value))
                .collect();
            if !locs.is_empty() {
                let _ = write!(s, ", {}", locs.join(", "));
            }
            if let Some(q) = &c.quote {
                let _ = write!(s, ": “{}”", rich(q));
            }
            s.push('\n');
        }
    }
    let mut inds = indicators_using(ir, &m.code);
    for it in &m.items {
        for i in indicators_using(ir, &it.code) {
            if !inds.iter().any(|x| x.code == i.code) {
                inds.push(i);
            }
        }
    }
    write_indicators(s, ir, &inds);
}

fn item_card(ir: &Ir, m: &ir::Metric, it: &ir::Item, s: &mut String) {
    let _ = writeln!(
        s,
        "**{}** · item {} of {}\n\n{}\n\n{}\n",
        it.code,
        it.letter,
        m.code,
        text(&m.wording),
        text(&it.wording)
    );
    let mut facts = vec![measure(ir, &m.measure), timing(&m.timing)];
    if let Some(c) = &m.cohort {
        facts.push(format!("*cohort* `{c}`"));
    }
    let _ = writeln!(s, "{}", facts.join(" · "));
    if !it.entry.is_empty() {
        let e: Vec<String> = it.entry.iter().map(|x| format!("`{x}`")).collect();
        let _ = writeln!(s, "\n*entry* {}", e.join(" × "));
    }
    if let Some(r) = &it.reserved {
        let _ = writeln!(s, "\n*reserved*: {}", text(r));
    }
    if let Some(r) = &it.subset_of {
        let _ = writeln!(s, "\n*subset of* {}", relation(r));
    }
    if let Some(r) = &it.equals {
        let _ = writeln!(s, "\n*equals* {}", relation(r));
    }
    write_indicators(s, ir, &indicators_using(ir, &it.code));
}

fn relation(r: &ir::Relation) -> String {
    match &r.via {
        Some(v) => format!("{} (via “{}”)", terms(&r.terms), text(v)),
        None => terms(&r.terms),
    }
}

fn citation_short(c: &ir::Citation) -> String {
    let locs: Vec<String> = c
        .locators
        .iter()
        .map(|l| format!("{} {}", l.kind, l.value))
        .collect();
    if locs.is_empty() {
        c.instrument.clone()
    } else {
        format!("{} {}", c.instrument, locs.join(", "))
    }
}

fn opt_text(t: &Option<pmf_check::model::Text>) -> &str {
    t.as_ref().map_or("", |t| t.en())
}

/// A short card from the declarations, for what the IR does not have.
fn card_from_decls(t: &Target, d: &Declarations) -> Option<String> {
    let (what, title) = match t.kind {
        Kind::Code => {
            let code = pmf_check::model::metric_of_item(&t.name);
            let m = d.metrics.iter().find(|m| m.code == code)?;
            if t.name != m.code {
                let letter = t.name.get(m.code.len()..).unwrap_or("");
                let it = m
                    .breakdown
                    .as_ref()
                    .and_then(|b| b.items.iter().find(|i| i.letter == letter));
                let wording = it.map_or("", |i| opt_text(&i.wording));
                (
                    format!("item {letter} of {}", m.code),
                    format!("{}\n\n{wording}", opt_text(&m.wording)),
                )
            } else {
                ("metric".to_string(), opt_text(&m.wording).to_string())
            }
        }
        Kind::Indicator => {
            let i = d.indicators.iter().find(|i| i.code == t.name)?;
            ("indicator".into(), opt_text(&i.title).to_string())
        }
        Kind::Codelist => {
            let c = d.codelists.iter().find(|c| c.id == t.name)?;
            let mut s = opt_text(&c.title).to_string();
            s.push('\n');
            for e in &c.entries {
                let _ = write!(s, "\n- `{}` {}", e.id, opt_text(&e.label));
            }
            ("codelist".into(), s)
        }
        Kind::Entry => {
            let c = d
                .codelists
                .iter()
                .find(|c| Some(c.id.as_str()) == t.parent.as_deref())?;
            let e = c.entries.iter().find(|e| e.id == t.name)?;
            (
                format!("entry of `{}`", c.id),
                opt_text(&e.label).to_string(),
            )
        }
        Kind::Instrument => {
            let i = d.instruments.iter().find(|i| i.id == t.name)?;
            ("instrument".into(), opt_text(&i.title).to_string())
        }
        Kind::Population => {
            let p = d.populations.iter().find(|p| p.id == t.name)?;
            ("population".into(), opt_text(&p.label).to_string())
        }
        Kind::Unit => {
            let u = d.units.iter().find(|u| u.id == t.name)?;
            ("unit".into(), opt_text(&u.label).to_string())
        }
        Kind::Cohort => {
            let c = d.cohorts.iter().find(|c| c.id == t.name)?;
            ("cohort".into(), opt_text(&c.label).to_string())
        }
        Kind::Group => {
            let g = d.groups.iter().find(|g| g.id == t.name)?;
            ("group".into(), opt_text(&g.title).to_string())
        }
        Kind::Part => {
            let p = d.parts.iter().find(|p| p.id == t.name)?;
            ("part".into(), opt_text(&p.title).to_string())
        }
        Kind::Definition => {
            let x = d.definitions.iter().find(|x| x.id == t.name)?;
            ("definition".into(), opt_text(&x.term).to_string())
        }
        Kind::Source => {
            let x = d.sources.iter().find(|x| x.id == t.name)?;
            ("data source".into(), opt_text(&x.title).to_string())
        }
        Kind::Missing => {
            let x = d.missing.iter().find(|x| x.id == t.name)?;
            (
                "missing-value status".into(),
                opt_text(&x.label).to_string(),
            )
        }
        Kind::Standard => {
            let x = d.standards.iter().find(|x| x.id == t.name)?;
            ("quality standard".into(), opt_text(&x.title).to_string())
        }
        Kind::Doc => {
            // Sections nest: the chapters, then the sections inside each.
            let mut stack: Vec<&pmf_check::model::Doc> = d.docs.iter().collect();
            let mut found = None;
            while let Some(x) = stack.pop() {
                if x.id == t.name {
                    found = Some(x);
                    break;
                }
                stack.extend(x.sections.iter());
            }
            let x = found?;
            ("document section".into(), opt_text(&x.title).to_string())
        }
        Kind::Rule => {
            let x = d.rules.iter().find(|x| x.id == t.name)?;
            ("rule".into(), opt_text(&x.message).to_string())
        }
        Kind::Erratum => {
            let x = d.errata.iter().find(|x| x.id == t.name)?;
            ("erratum".into(), opt_text(&x.reason).to_string())
        }
        Kind::Edition => {
            let x = d.editions.iter().find(|x| x.id == t.name)?;
            ("edition".into(), opt_text(&x.title).to_string())
        }
        Kind::Calendar => {
            let x = d.calendars.iter().find(|x| x.id == t.name)?;
            (
                "working-day calendar".into(),
                opt_text(&x.title).to_string(),
            )
        }
        Kind::Record => {
            let x = d.records.iter().find(|x| x.id == t.name)?;
            ("record".into(), opt_text(&x.title).to_string())
        }
        Kind::Field => {
            let r = d
                .records
                .iter()
                .find(|r| Some(r.id.as_str()) == t.parent.as_deref())?;
            let f = r.fields.iter().find(|f| f.id == t.name)?;
            (
                format!("field of record `{}`", r.id),
                opt_text(&f.title).to_string(),
            )
        }
    };
    Some(
        format!("**{}** · {what}\n\n{title}", t.name)
            .trim_end()
            .to_string(),
    )
}

/// What pmf-words says, in English (the language of the editor's cards).
fn rule_words(ir: &Ir, r: &ir::Rule) -> String {
    pmf_words::Words::new(ir, ir::Lang::En).rule_text(r)
}

fn formula_words(ir: &Ir, i: &ir::Indicator) -> String {
    pmf_words::Words::new(ir, ir::Lang::En)
        .formula(&i.formula)
        .plain(ir, ir::Lang::En)
}

/// The unit of an indicator's result in words, or what kind of figure it is.
pub fn unit_words(ir: &Ir, i: &ir::Indicator) -> String {
    pmf_words::Words::new(ir, ir::Lang::En)
        .result_unit(i)
        .map(|u| u.plain(ir, ir::Lang::En))
        .unwrap_or_else(|| i.result.as_str().to_string())
}
