//! The view of the guidance that the templates render: the IR arranged as pages, chapters,
//! tables and facts, in one language, with every text already escaped for the output format
//! and every code mention already a link.
//!
//! Invariants: built from the IR alone; all spec text goes through `Markup::esc` (see
//! `markup.rs`); a code is linked only when it has a definition; a text shown in English in a
//! Welsh view is marked as English and recorded as untranslated, once per place.

use super::i18n::Strings;
use super::markup::{Markup, Target};
use pmf_ir::{self as ir, Block, Citation, Inline, Ir, Lang, Relation, Rich, Term, Text};
use serde::Serialize;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

/// A text shown in English in a Welsh document because the spec has no Welsh version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Untranslated {
    /// Where it is shown: "AD/001 · Wording".
    pub place: String,
    /// The English text (its beginning, for long texts).
    pub text: String,
}

/// The pages of the guidance, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageKind {
    Index,
    Chapter(usize),
    Part(String),
    Indicators,
    Codelists,
    Reference,
    Instruments,
    Codes,
    Errata,
    Allowed,
    Untranslated,
    /// The search page of the HTML site.
    Search,
    /// Metrics that no part places (a local authority's extension): a page of their own.
    Local,
    /// What changed since the edition this one supersedes, and the codes retired.
    Changes,
}

#[derive(Clone, Debug)]
pub struct PagePlan {
    /// The file stem of the page and its id: `adults`, `codelists`.
    pub id: String,
    pub kind: PageKind,
}

/// The serde tag of an IR enum (`partition`, `working_days`), read from its serialised form.
pub fn tag<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The anchor of a code: `AD/002a` → `AD-002a`, `PI/AD/01` → `PI-AD-01`.
pub fn code_anchor(code: &str) -> String {
    code.replace('/', "-")
}

/// Plans the pages: a title page, one per chapter (top-level doc), one per top-level part
/// (parts `within` another are shown on their parent's page), then the reference chapters.
pub fn plan(ir: &Ir, lang: Lang) -> Vec<PagePlan> {
    let mut used: BTreeSet<String> = [
        "index",
        "indicators",
        "codelists",
        "reference",
        "instruments",
        "codes",
        "errata",
        "allowed-warnings",
        "untranslated",
        "search",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut unique = |want: &str| {
        let base: String = want
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        let mut id = base.clone();
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        used.insert(id.clone());
        id
    };
    let mut pages = vec![PagePlan {
        id: "index".into(),
        kind: PageKind::Index,
    }];
    // A doc with no number and nothing after it in the list of chapters is the preface: it is
    // shown on the title page.
    for (i, d) in ir.docs.iter().enumerate() {
        if d.number.is_none() && i == 0 {
            continue;
        }
        pages.push(PagePlan {
            id: unique(&d.id),
            kind: PageKind::Chapter(i),
        });
    }
    for p in ir.parts.iter().filter(|p| p.within.is_none()) {
        pages.push(PagePlan {
            id: unique(&p.id),
            kind: PageKind::Part(p.id.clone()),
        });
    }
    if !unplaced(ir).is_empty() {
        pages.push(PagePlan {
            id: unique("local-measures"),
            kind: PageKind::Local,
        });
    }
    if !ir.changes.is_empty() || !ir.retired.is_empty() {
        pages.push(PagePlan {
            id: unique("changes"),
            kind: PageKind::Changes,
        });
    }
    for (id, kind) in [
        ("indicators", PageKind::Indicators),
        ("codelists", PageKind::Codelists),
        ("reference", PageKind::Reference),
        ("instruments", PageKind::Instruments),
        ("errata", PageKind::Errata),
        ("allowed-warnings", PageKind::Allowed),
        ("codes", PageKind::Codes),
    ] {
        pages.push(PagePlan {
            id: id.into(),
            kind,
        });
    }
    if lang == Lang::Cy {
        pages.push(PagePlan {
            id: "untranslated".into(),
            kind: PageKind::Untranslated,
        });
    }
    pages
}

/// The codes of the metrics that no part's groups hold, in IR order: the measures of a local
/// extension, which belong to no part of the national edition.
pub fn unplaced(ir: &Ir) -> Vec<&str> {
    let placed: BTreeSet<&str> = ir
        .parts
        .iter()
        .flat_map(|p| p.groups.iter())
        .filter_map(|g| ir.groups.iter().find(|x| &x.id == g))
        .flat_map(|g| g.metrics.iter().map(String::as_str))
        .collect();
    ir.metrics
        .iter()
        .map(|m| m.code.as_str())
        .filter(|c| !placed.contains(c))
        .collect()
}

/// The top-level part a part is shown under.
fn top_part<'a>(ir: &'a Ir, id: &'a str) -> &'a str {
    let mut cur = id;
    for _ in 0..16 {
        match ir.part(cur).and_then(|p| p.within.as_deref()) {
            Some(up) => cur = up,
            None => break,
        }
    }
    cur
}

/// Where every definition is: codes by their code, other things by `kind:id`.
pub fn targets(ir: &Ir, pages: &[PagePlan]) -> BTreeMap<String, Target> {
    let mut t = BTreeMap::new();
    let page_of_part: BTreeMap<&str, &str> = pages
        .iter()
        .filter_map(|p| match &p.kind {
            PageKind::Part(id) => Some((id.as_str(), p.id.as_str())),
            _ => None,
        })
        .collect();
    let mut at = |key: String, page: &str, anchor: String| {
        t.insert(
            key,
            Target {
                page: page.to_string(),
                anchor,
            },
        );
    };
    for p in pages {
        if let PageKind::Chapter(i) = p.kind {
            if let Some(d) = ir.docs.get(i) {
                let mut stack = vec![d];
                while let Some(d) = stack.pop() {
                    at(format!("doc:{}", d.id), &p.id, format!("doc-{}", d.id));
                    stack.extend(d.sections.iter());
                }
            }
        }
    }
    for part in &ir.parts {
        let top = top_part(ir, &part.id);
        if let Some(page) = page_of_part.get(top) {
            at(
                format!("part:{}", part.id),
                page,
                format!("part-{}", part.id),
            );
        }
    }
    for g in &ir.groups {
        if let Some(page) = page_of_part.get(top_part(ir, &g.part)) {
            at(format!("group:{}", g.id), page, format!("group-{}", g.id));
        }
    }
    let local = pages
        .iter()
        .find(|p| p.kind == PageKind::Local)
        .map(|p| p.id.as_str());
    let unplaced = unplaced(ir);
    for m in &ir.metrics {
        let page = if unplaced.contains(&m.code.as_str()) {
            local
        } else {
            m.part
                .as_deref()
                .and_then(|p| page_of_part.get(top_part(ir, p)).copied())
        };
        let Some(page) = page else {
            continue;
        };
        at(m.code.clone(), page, code_anchor(&m.code));
        for i in &m.items {
            at(i.code.clone(), page, code_anchor(&i.code));
        }
    }
    for i in &ir.indicators {
        at(i.code.clone(), "indicators", code_anchor(&i.code));
    }
    for c in &ir.codelists {
        at(
            format!("codelist:{}", c.id),
            "codelists",
            format!("codelist-{}", c.id),
        );
    }
    for i in &ir.instruments {
        at(
            format!("instrument:{}", i.id),
            "instruments",
            format!("instrument-{}", i.id),
        );
    }
    for (kind, ids) in [
        (
            "cohort",
            ir.cohorts.iter().map(|c| &c.id).collect::<Vec<_>>(),
        ),
        ("unit", ir.units.iter().map(|c| &c.id).collect()),
        ("definition", ir.definitions.iter().map(|c| &c.id).collect()),
        ("population", ir.populations.iter().map(|c| &c.id).collect()),
        (
            "missing",
            ir.missing_statuses.iter().map(|c| &c.id).collect(),
        ),
        ("source", ir.sources.iter().map(|c| &c.id).collect()),
    ] {
        for id in ids {
            at(format!("{kind}:{id}"), "reference", format!("{kind}-{id}"));
        }
    }
    for e in &ir.errata {
        at(
            format!("erratum:{}", e.id),
            "errata",
            format!("erratum-{}", e.id),
        );
    }
    t
}

/// Everything a view needs while it is built.
pub struct Ctx<'a> {
    pub ir: &'a Ir,
    pub s: Strings,
    pub m: &'a dyn Markup,
    pub targets: BTreeMap<String, Target>,
    pub pages: Vec<PagePlan>,
    /// The page being built, for relative links.
    here: RefCell<String>,
    untranslated: RefCell<Vec<Untranslated>>,
    seen_places: RefCell<BTreeSet<String>>,
}

impl<'a> Ctx<'a> {
    pub fn new(ir: &'a Ir, lang: Lang, m: &'a dyn Markup) -> Ctx<'a> {
        let pages = plan(ir, lang);
        let targets = targets(ir, &pages);
        Ctx {
            ir,
            s: Strings::new(lang),
            m,
            targets,
            pages,
            here: RefCell::new(String::new()),
            untranslated: RefCell::new(Vec::new()),
            seen_places: RefCell::new(BTreeSet::new()),
        }
    }

    pub fn lang(&self) -> Lang {
        self.s.lang()
    }

    pub fn set_page(&self, id: &str) {
        *self.here.borrow_mut() = id.to_string();
    }

    pub fn untranslated(&self) -> Vec<Untranslated> {
        self.untranslated.borrow().clone()
    }

    /// Fixed wording, escaped.
    pub fn t(&self, key: &str) -> String {
        self.m.esc(&self.s.get(key))
    }

    /// Fixed wording with placeholders filled by markup.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        let esc = |s: &str| self.m.esc(s);
        self.s.fill(key, &esc, args)
    }

    /// Every fixed string, escaped, for the templates.
    pub fn strings(&self) -> BTreeMap<String, String> {
        self.s.keys().map(|k| (k.to_string(), self.t(k))).collect()
    }

    fn note_untranslated(&self, place: &str, en: &str) {
        if self.lang() != Lang::Cy || !self.seen_places.borrow_mut().insert(place.to_string()) {
            return;
        }
        let mut text: String = en.chars().take(120).collect();
        if text.len() < en.len() {
            text.push('…');
        }
        self.untranslated.borrow_mut().push(Untranslated {
            place: place.to_string(),
            text,
        });
    }

    /// A text in the view's language, escaped; English in a Welsh view is marked and noted.
    pub fn text(&self, t: &Text, place: &str) -> String {
        match (self.lang(), &t.cy) {
            (Lang::Cy, Some(cy)) => self.linked(cy),
            (Lang::Cy, None) => {
                self.note_untranslated(place, &t.en);
                self.m.foreign(Lang::En, &self.linked(&t.en), false)
            }
            (Lang::En, _) => self.linked(&t.en),
        }
    }

    /// A text the IR has only in English (words the compiler wrote, a reason given in an
    /// `allow`): in a Welsh view it is marked as English and noted.
    pub fn english(&self, s: &str, place: &str) -> String {
        match self.lang() {
            Lang::En => self.linked(s),
            Lang::Cy => {
                self.note_untranslated(place, s);
                self.m.foreign(Lang::En, &self.linked(s), false)
            }
        }
    }

    /// A text as plain words in the view's language (for titles of links and the search index).
    pub fn plain(&self, t: &Text) -> String {
        t.get(self.lang()).to_string()
    }

    /// Plain text with every code mention that has a definition linked.
    pub fn linked(&self, s: &str) -> String {
        let mut out = String::new();
        let mut last = 0;
        for (at, code) in ir::rich::code_mentions(s) {
            if self.targets.contains_key(&code) {
                out.push_str(&self.m.esc(&s[last..at]));
                out.push_str(&self.code(&code));
                last = at + code.len();
            }
        }
        out.push_str(&self.m.esc(&s[last..]));
        out
    }

    /// A code, linked to its definition when it has one.
    pub fn code(&self, code: &str) -> String {
        let label = self.m.esc(code);
        match self.targets.get(code) {
            Some(t) => self.m.link(&label, t, &self.here.borrow()),
            None => label,
        }
    }

    /// The wording of what the IR means, in this view's language (pmf-words).
    pub fn words(&self) -> pmf_words::Words<'a> {
        pmf_words::Words::new(self.ir, self.lang())
    }

    /// A phrase of pmf-words as markup: codes linked, the spec's texts in this language (or
    /// marked as English and noted), populations linked to their definitions in Welsh (in
    /// English they read as running text, as the formulas in words always have).
    pub fn phrase(&self, p: &pmf_words::Phrase, place: &str) -> String {
        use pmf_words::Piece;
        let mut out = String::new();
        for piece in &p.0 {
            match piece {
                Piece::Words(w) => out.push_str(&self.m.esc(w)),
                Piece::Code(c) => out.push_str(&self.code(c)),
                Piece::Spec(t) => out.push_str(&self.text(t, place)),
                Piece::Population(id) => match self.lang() {
                    Lang::En => out.push_str(&self.m.esc(&pmf_words::population_label(
                        self.ir,
                        id,
                        Lang::En,
                    ))),
                    Lang::Cy => {
                        let label = match self.ir.populations.iter().find(|p| &p.id == id) {
                            Some(p) => self.text(&p.label, &format!("population {id} · label")),
                            None => self.m.esc(id),
                        };
                        out.push_str(&self.link_to(&format!("population:{id}"), &label));
                    }
                },
            }
        }
        out
    }

    /// `inner` linked to the definition `key` (`codelist:age_band`), or as is.
    pub fn link_to(&self, key: &str, inner: &str) -> String {
        match self.targets.get(key) {
            Some(t) => self.m.link(inner, t, &self.here.borrow()),
            None => inner.to_string(),
        }
    }

    pub fn codes(&self, codes: &[String]) -> String {
        codes
            .iter()
            .map(|c| self.code(c))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Rich text as blocks in the view's language.
    pub fn rich(&self, r: &Rich, place: &str) -> String {
        match (self.lang(), &r.cy) {
            (Lang::Cy, Some(cy)) => self.blocks(cy),
            (Lang::Cy, None) => {
                self.note_untranslated(place, &r.plain());
                self.m.foreign(Lang::En, &self.blocks(&r.en), true)
            }
            (Lang::En, _) => self.blocks(&r.en),
        }
    }

    pub fn rich_opt(&self, r: &Option<Rich>, place: &str) -> String {
        r.as_ref().map(|r| self.rich(r, place)).unwrap_or_default()
    }

    /// Rich text on one line (paragraphs joined by `sep`), for cells that hold no blocks.
    pub fn rich_inline(&self, r: &Rich, place: &str, sep: &str) -> String {
        let blocks = r.blocks(self.lang());
        if self.lang() == Lang::Cy && r.cy.is_none() {
            self.note_untranslated(place, &r.plain());
        }
        let mut parts = Vec::new();
        for b in blocks {
            match b {
                Block::Paragraph { content } | Block::Quote { content } => {
                    parts.push(self.inlines(content))
                }
                Block::Bullets { items } => {
                    for i in items {
                        parts.push(format!("• {}", self.inlines(i)));
                    }
                }
            }
        }
        parts.join(sep)
    }

    fn blocks(&self, blocks: &[Block]) -> String {
        let rendered: Vec<String> = blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph { content } => self.m.paragraph(&self.inlines(content)),
                Block::Quote { content } => self.m.quote(&self.inlines(content)),
                Block::Bullets { items } => self
                    .m
                    .bullets(&items.iter().map(|i| self.inlines(i)).collect::<Vec<_>>()),
            })
            .collect();
        self.m.blocks(&rendered)
    }

    fn inlines(&self, inlines: &[Inline]) -> String {
        inlines
            .iter()
            .map(|i| match i {
                Inline::Text { text } => self.m.esc(text),
                Inline::Emphasis { text } => self.m.emph(&self.m.esc(text)),
                Inline::Strong { text } => self.m.strong(&self.m.esc(text)),
                Inline::Code { code } => self.code(code),
            })
            .collect()
    }

    /// `AD/002a + AD/002b`, `2 × AD/010 − AD/011`.
    pub fn terms(&self, terms: &[Term]) -> String {
        let mut out = String::new();
        for (i, t) in terms.iter().enumerate() {
            let (neg, mag) = (t.coef < 0.0, t.coef.abs());
            match (i, neg) {
                (0, true) => out.push_str(&self.m.esc("−")),
                (0, false) => {}
                (_, true) => out.push_str(&self.m.esc(" − ")),
                (_, false) => out.push_str(&self.m.esc(" + ")),
            }
            if mag != 1.0 {
                out.push_str(&self.m.esc(&format!("{} × ", number(mag))));
            }
            out.push_str(&self.code(&t.code));
        }
        out
    }

    pub fn relation(&self, key: &str, r: &Relation, place: &str) -> String {
        let mut s = self.tf(key, &[("terms", &self.terms(&r.terms))]);
        if let Some(via) = &r.via {
            s.push(' ');
            s.push_str(&self.tf("via", &[("via", &self.text(via, place))]));
        }
        s
    }

    /// The wording of a citation's place: "Part 2 Code of Practice (General Functions), para. 335".
    pub fn citation_place(&self, c: &Citation) -> String {
        let title = self
            .ir
            .instruments
            .iter()
            .find(|i| i.id == c.instrument)
            .map(|i| self.text(&i.title, &format!("instrument {} · title", i.id)))
            .unwrap_or_else(|| self.m.esc(&c.instrument));
        let mut s = self.link_to(&format!("instrument:{}", c.instrument), &title);
        for l in &c.locators {
            let key = format!("locator_{}", l.kind);
            s.push_str(&self.m.esc(", "));
            if self.s.keys().any(|k| k == key) {
                s.push_str(&self.tf(&key, &[("v", &self.m.esc(&l.value))]));
            } else {
                s.push_str(&self.m.esc(&format!("{} {}", l.kind, l.value)));
            }
        }
        s
    }

    pub fn ages(&self, a: &ir::AgeRange) -> String {
        let from = a.from.to_string();
        match a.to {
            Some(to) => self.tf("ages_range", &[("from", &from), ("to", &to.to_string())]),
            None => self.tf("ages_from", &[("from", &from)]),
        }
    }
}

/// A number as people write it: `45`, `3.5`.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

// ---- The view types the templates read -------------------------------------------------------

#[derive(Serialize, Clone)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

#[derive(Serialize)]
pub struct ChapterView {
    pub anchor: String,
    pub number: String,
    pub title: String,
    pub level: usize,
    pub text: String,
    pub sections: Vec<ChapterView>,
}

#[derive(Serialize)]
pub struct TableRow {
    pub code: String,
    pub wording: String,
    pub item: bool,
}

#[derive(Serialize)]
pub struct TableMetric {
    pub rows: Vec<TableRow>,
    pub why: String,
    pub why_inline: String,
    pub span: usize,
}

#[derive(Serialize)]
pub struct ItemView {
    pub anchor: String,
    pub code: String,
    pub wording: String,
    pub extra: Vec<String>,
    pub notes: Vec<String>,
}

#[derive(Serialize)]
pub struct TimescaleView {
    pub label: String,
    pub summary: String,
    pub citations: String,
    pub note: String,
}

#[derive(Serialize)]
pub struct CitationView {
    pub place: String,
    pub quote: String,
}

#[derive(Serialize)]
pub struct RuleView {
    pub id: String,
    pub severity: String,
    pub message: String,
}

#[derive(Serialize)]
pub struct MetricView {
    pub anchor: String,
    pub code: String,
    pub title: String,
    pub level: usize,
    pub facts: Vec<Fact>,
    pub breakdown: Vec<String>,
    pub items: Vec<ItemView>,
    pub timescales: Vec<TimescaleView>,
    pub citations: Vec<CitationView>,
    pub guidance: Vec<Fact>,
    pub notes: Vec<String>,
    pub rules: Vec<RuleView>,
    pub rule_summary: Vec<String>,
    pub indicators: String,
    pub errata: String,
}

#[derive(Serialize)]
pub struct GroupView {
    pub anchor: String,
    pub heading: String,
    pub level: usize,
    pub note: String,
    pub table: Vec<TableMetric>,
    pub metrics: Vec<MetricView>,
}

#[derive(Serialize)]
pub struct PartView {
    pub anchor: String,
    pub heading: String,
    pub level: usize,
    pub facts: Vec<Fact>,
    pub intro: String,
    pub groups: Vec<GroupView>,
    pub parts: Vec<PartView>,
}

#[derive(Serialize)]
pub struct ExampleView {
    pub inputs: String,
    pub result: String,
}

#[derive(Serialize)]
pub struct IndicatorView {
    pub anchor: String,
    pub code: String,
    pub title: String,
    pub facts: Vec<Fact>,
    pub reading: String,
    pub notes: Vec<String>,
    pub examples: Vec<ExampleView>,
}

#[derive(Serialize)]
pub struct EntryView {
    pub id: String,
    pub label: String,
    pub group: String,
    pub range: String,
    pub note: String,
}

#[derive(Serialize)]
pub struct CodelistView {
    pub anchor: String,
    pub id: String,
    pub title: String,
    pub coverage: String,
    pub note: String,
    pub has_groups: bool,
    pub has_ranges: bool,
    pub has_notes: bool,
    pub entries: Vec<EntryView>,
    pub used_by: String,
}

/// A term of the reference chapter: a cohort, unit, definition, population, status or source.
#[derive(Serialize)]
pub struct TermView {
    pub anchor: String,
    pub title: String,
    pub facts: Vec<Fact>,
    pub text: String,
}

#[derive(Serialize)]
pub struct TermSection {
    pub anchor: String,
    pub title: String,
    pub terms: Vec<TermView>,
}

#[derive(Serialize)]
pub struct InstrumentView {
    pub anchor: String,
    pub title: String,
    pub facts: Vec<Fact>,
    pub cited_by: String,
}

#[derive(Serialize)]
pub struct CodeEntry {
    pub code: String,
    pub anchor: String,
    pub wording: String,
    pub page: String,
}

#[derive(Serialize)]
pub struct ErratumView {
    pub anchor: String,
    pub id: String,
    pub affects: String,
    pub kind: String,
    pub source_text: String,
    pub corrected: String,
    pub reason: String,
    pub fixed_in: String,
}

#[derive(Serialize)]
pub struct AllowedView {
    pub code: String,
    pub item: String,
    pub location: String,
    pub message: String,
    pub reason: String,
}

#[derive(Serialize)]
pub struct ChangeView {
    pub code: String,
    pub old_code: String,
    pub message: String,
}

#[derive(Serialize)]
pub struct ChangeSection {
    pub title: String,
    pub explain: String,
    pub changes: Vec<ChangeView>,
}

#[derive(Serialize)]
pub struct RetiredView {
    pub code: String,
    pub last_edition: String,
    pub wording: String,
}

#[derive(Serialize)]
pub struct UntranslatedView {
    pub place: String,
    pub text: String,
}

#[derive(Serialize)]
pub struct TocEntry {
    pub page: String,
    pub anchor: String,
    pub title: String,
    pub children: Vec<TocEntry>,
}

/// The title page: the edition and its facts.
#[derive(Serialize)]
pub struct IndexView {
    pub facts: Vec<Fact>,
    pub notes: Vec<String>,
    pub preface: String,
}

/// One page of the guidance, with the content of its kind.
#[derive(Serialize)]
pub struct PageView {
    pub id: String,
    pub kind: String,
    pub anchor: String,
    pub title: String,
    /// The title as plain text (for `<title>` and the PDF outline).
    pub title_plain: String,
    pub intro: String,
    pub index: Option<IndexView>,
    pub chapter: Option<ChapterView>,
    pub part: Option<PartView>,
    pub indicators: Vec<IndicatorView>,
    pub codelists: Vec<CodelistView>,
    pub reference: Vec<TermSection>,
    pub instruments: Vec<InstrumentView>,
    pub codes: Vec<CodeEntry>,
    pub errata: Vec<ErratumView>,
    pub allowed: Vec<AllowedView>,
    pub changes: Vec<ChangeSection>,
    pub retired: Vec<RetiredView>,
    pub untranslated: Vec<UntranslatedView>,
    pub prev: Option<PageLink>,
    pub next: Option<PageLink>,
}

#[derive(Serialize, Clone)]
pub struct PageLink {
    pub id: String,
    pub title: String,
}

/// What every page shares: the edition, the fixed wording, the contents.
#[derive(Serialize)]
pub struct SiteView {
    pub lang: String,
    pub title: String,
    pub title_plain: String,
    pub edition: String,
    pub edition_plain: String,
    pub framework: String,
    pub publisher_plain: String,
    pub t: BTreeMap<String, String>,
    pub toc: Vec<TocEntry>,
}
