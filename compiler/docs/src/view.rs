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

/// The two documents made from one IR: the guidance, for the local authorities that make the
/// return, and the technical annex, for the editors of the specification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Document {
    Guidance,
    Annex,
}

/// The pages, in reading order: the guidance's, then the annex's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageKind {
    /// The cover: the edition, its publication notice and the preface.
    Index,
    Chapter(usize),
    /// How to complete the return: the conventions every metric shares, said once.
    Completing,
    Part(String),
    /// Metrics that no part places (a local authority's extension): a page of their own.
    Local,
    /// What changed since the edition this one supersedes, and the codes retired.
    Changes,
    Indicators,
    /// Cohorts, terms, population figures and other data collections.
    Definitions,
    Instruments,
    /// The corrections of the printed text a reader needs (codes, cross-references, ranges).
    Corrections,
    Codes,
    /// The annex's first page: what it is for, and the edition's notes.
    AnnexIndex,
    /// Every erratum, with the text as printed and the reason.
    Errata,
    /// The notes of the specification about the printed text.
    SourceNotes,
    Allowed,
    Rules,
    /// Lists and the identifiers the specification uses.
    Identifiers,
    Untranslated,
    /// The search page of the HTML site.
    Search,
}

impl PageKind {
    pub fn document(&self) -> Document {
        match self {
            PageKind::AnnexIndex
            | PageKind::Errata
            | PageKind::SourceNotes
            | PageKind::Allowed
            | PageKind::Rules
            | PageKind::Identifiers
            | PageKind::Untranslated => Document::Annex,
            _ => Document::Guidance,
        }
    }
}

#[derive(Clone, Debug)]
pub struct PagePlan {
    /// The file stem of the page and its id: `adults`, `indicators`.
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

/// The fixed ids of the pages that are not chapters or parts.
const FIXED_PAGES: &[(&str, PageKind)] = &[
    ("indicators", PageKind::Indicators),
    ("definitions", PageKind::Definitions),
    ("instruments", PageKind::Instruments),
    ("corrections", PageKind::Corrections),
    ("codes", PageKind::Codes),
    ("annex", PageKind::AnnexIndex),
    ("annex-errata", PageKind::Errata),
    ("annex-notes", PageKind::SourceNotes),
    ("annex-warnings", PageKind::Allowed),
    ("annex-rules", PageKind::Rules),
    ("annex-identifiers", PageKind::Identifiers),
];

/// Plans the pages: the cover, one per chapter (top-level doc), how to complete the return,
/// one per top-level part (parts `within` another are shown on their parent's page), the
/// reference chapters of the guidance, then the pages of the technical annex.
pub fn plan(ir: &Ir, lang: Lang) -> Vec<PagePlan> {
    let mut used: BTreeSet<String> = ["index", "completing", "untranslated", "search"]
        .iter()
        .map(|s| s.to_string())
        .chain(FIXED_PAGES.iter().map(|(id, _)| id.to_string()))
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
    let page = |id: &str, kind: PageKind| PagePlan {
        id: id.into(),
        kind,
    };
    let mut pages = vec![page("index", PageKind::Index)];
    // A doc with no number that comes first is the preface: it is shown on the cover.
    for (i, d) in ir.docs.iter().enumerate() {
        if d.number.is_none() && i == 0 {
            continue;
        }
        pages.push(PagePlan {
            id: unique(&d.id),
            kind: PageKind::Chapter(i),
        });
    }
    pages.push(page("completing", PageKind::Completing));
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
    for (id, kind) in FIXED_PAGES {
        let wanted = match kind {
            PageKind::Corrections => ir.errata.iter().any(super::editorial::for_readers),
            PageKind::SourceNotes => super::editorial::has_source_notes(ir),
            _ => true,
        };
        if wanted {
            pages.push(page(id, kind.clone()));
        }
    }
    if lang == Lang::Cy {
        pages.push(page("annex-untranslated", PageKind::Untranslated));
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
pub fn top_part<'a>(ir: &'a Ir, id: &'a str) -> &'a str {
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
    let has = |id: &str| pages.iter().any(|p| p.id == id);
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
            "annex-identifiers",
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
        ("definition", ir.definitions.iter().map(|c| &c.id).collect()),
        ("population", ir.populations.iter().map(|c| &c.id).collect()),
        ("source", ir.sources.iter().map(|c| &c.id).collect()),
        ("record", ir.records.iter().map(|c| &c.id).collect()),
        ("calendar", ir.calendars.iter().map(|c| &c.id).collect()),
    ] {
        for id in ids {
            at(
                format!("{kind}:{id}"),
                "definitions",
                format!("{kind}-{id}"),
            );
        }
    }
    for s in &ir.missing_statuses {
        at(
            format!("missing:{}", s.id),
            "completing",
            format!("missing-{}", s.id),
        );
    }
    for e in &ir.errata {
        at(
            format!("erratum:{}", e.id),
            "annex-errata",
            format!("erratum-{}", e.id),
        );
        if has("corrections") && super::editorial::for_readers(e) {
            at(
                format!("correction:{}", e.id),
                "corrections",
                format!("correction-{}", e.id),
            );
        }
    }
    at(
        "page:completing".into(),
        "completing",
        "page-completing".into(),
    );
    at(
        "page:annex-rules".into(),
        "annex-rules",
        "page-annex-rules".into(),
    );
    at(
        "page:corrections".into(),
        "corrections",
        "page-corrections".into(),
    );
    t
}

/// Everything a view needs while it is built.
pub struct Ctx<'a> {
    pub ir: &'a Ir,
    pub s: Strings,
    pub m: &'a dyn Markup,
    pub targets: BTreeMap<String, Target>,
    pub pages: Vec<PagePlan>,
    /// Whether the guidance and the annex are separate documents (the PDFs), so that a link
    /// from one to the other cannot be made and is shown as text.
    split: bool,
    /// The page being built, for relative links.
    here: RefCell<String>,
    untranslated: RefCell<Vec<Untranslated>>,
    seen_places: RefCell<BTreeSet<String>>,
    /// Faults of pmf met while building: a fixed string used with a placeholder left unfilled,
    /// or a key that is not in the table. A build with a fault fails.
    faults: RefCell<BTreeSet<String>>,
}

impl<'a> Ctx<'a> {
    /// A context for one site that holds both documents (HTML, Markdown).
    pub fn new(ir: &'a Ir, lang: Lang, m: &'a dyn Markup) -> Ctx<'a> {
        let pages = plan(ir, lang);
        let targets = targets(ir, &pages);
        Ctx {
            ir,
            s: Strings::new(lang),
            m,
            targets,
            pages,
            split: false,
            here: RefCell::new(String::new()),
            untranslated: RefCell::new(Vec::new()),
            seen_places: RefCell::new(BTreeSet::new()),
            faults: RefCell::new(BTreeSet::new()),
        }
    }

    /// A context for two separate documents (the PDFs): links only within a document.
    pub fn split(ir: &'a Ir, lang: Lang, m: &'a dyn Markup) -> Ctx<'a> {
        Ctx {
            split: true,
            ..Ctx::new(ir, lang, m)
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

    /// The faults met so far, or nothing: see `faults`.
    pub fn check(&self) -> Result<(), String> {
        let faults = self.faults.borrow();
        match faults.is_empty() {
            true => Ok(()),
            false => Err(faults.iter().cloned().collect::<Vec<_>>().join("; ")),
        }
    }

    fn fault(&self, what: String) {
        self.faults.borrow_mut().insert(what);
    }

    /// The document of a page.
    pub fn document_of(&self, page: &str) -> Document {
        self.pages
            .iter()
            .find(|p| p.id == page)
            .map(|p| p.kind.document())
            .unwrap_or(Document::Guidance)
    }

    /// Whether a link from the page being built can reach `to`.
    fn reachable(&self, to: &Target) -> bool {
        !self.split || self.document_of(&to.page) == self.document_of(&self.here.borrow())
    }

    /// Fixed wording, escaped. A key with a placeholder must go through `tf`.
    pub fn t(&self, key: &str) -> String {
        let s = self.fixed(key);
        if s.contains('{') {
            self.fault(format!(
                "the fixed string `{key}` has a placeholder and was not filled"
            ));
        }
        self.mark_english(key, self.m.esc(&s))
    }

    /// Fixed wording that has no Welsh yet, in a Welsh view: marked as English and listed.
    fn mark_english(&self, key: &str, s: String) -> String {
        if !self.s.is_english(key) {
            return s;
        }
        self.note_untranslated(&format!("fixed wording · {key}"), &self.s.get(key));
        self.m.foreign(Lang::En, &s, false)
    }

    /// The fixed string of `key` as plain text (not escaped).
    pub fn fixed(&self, key: &str) -> String {
        if !self.s.has(key) {
            self.fault(format!("there is no fixed string `{key}`"));
        }
        self.s.get(key)
    }

    /// Whether the table has a fixed string for `key`.
    pub fn has(&self, key: &str) -> bool {
        self.s.has(key)
    }

    /// Fixed wording with placeholders filled by markup; a placeholder with no value given is a
    /// fault.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        if !self.s.has(key) {
            self.fault(format!("there is no fixed string `{key}`"));
        }
        let esc = |s: &str| self.m.esc(s);
        let (out, missing) = self.s.fill(key, &esc, args);
        for name in missing {
            self.fault(format!(
                "the placeholder {{{name}}} of `{key}` was not filled"
            ));
        }
        self.mark_english(key, out)
    }

    /// Fixed wording with placeholders filled by plain text, not escaped (for plain titles).
    pub fn tf_plain(&self, key: &str, args: &[(&str, &str)]) -> String {
        let (out, missing) = self.s.fill(key, &|s: &str| s.to_string(), args);
        for name in missing {
            self.fault(format!(
                "the placeholder {{{name}}} of `{key}` was not filled"
            ));
        }
        out
    }

    /// Every fixed string without a placeholder, escaped, for the templates: a template cannot
    /// fill a placeholder, so a string that has one is not offered to it.
    pub fn strings(&self) -> BTreeMap<String, String> {
        self.s
            .keys()
            .filter(|k| !self.s.get(k).contains('{'))
            .map(|k| (k.to_string(), self.t(k)))
            .collect()
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

    /// A code, linked to its definition when it has one this document can reach.
    pub fn code(&self, code: &str) -> String {
        let label = self.m.esc(code);
        self.link_to(code, &label)
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
            Some(t) if self.reachable(t) => self.m.link(inner, t, &self.here.borrow()),
            _ => inner.to_string(),
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
        self.rich_lead(r, place, "")
    }

    /// Rich text as blocks, with `label` (markup, may be empty) run in at the start of its
    /// first paragraph: "**Why are we measuring this?** This metric ...".
    pub fn rich_lead(&self, r: &Rich, place: &str, label: &str) -> String {
        self.m.blocks(&self.rich_blocks(r, place, label))
    }

    /// `rich_lead` as a list of blocks, so that a layout can keep the last with what follows.
    pub fn rich_blocks(&self, r: &Rich, place: &str, label: &str) -> Vec<String> {
        match (self.lang(), &r.cy) {
            (Lang::Cy, Some(cy)) => self.block_list(cy, label),
            (Lang::Cy, None) => {
                self.note_untranslated(place, &r.plain());
                let body =
                    self.m
                        .foreign(Lang::En, &self.m.blocks(&self.block_list(&r.en, "")), true);
                match label.is_empty() {
                    true => vec![body],
                    false => vec![self.m.blocks(&[self.m.paragraph(label), body])],
                }
            }
            (Lang::En, _) => self.block_list(&r.en, label),
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
        let s = parts.join(sep);
        match (self.lang(), &r.cy) {
            (Lang::Cy, None) => self.m.foreign(Lang::En, &s, false),
            _ => s,
        }
    }

    fn block_list(&self, blocks: &[Block], label: &str) -> Vec<String> {
        let mut rendered: Vec<String> = Vec::new();
        for (i, b) in blocks.iter().enumerate() {
            let lead = if i == 0 && !label.is_empty() {
                format!("{label} ")
            } else {
                String::new()
            };
            match b {
                Block::Paragraph { content } => rendered.push(
                    self.m
                        .paragraph(&format!("{lead}{}", self.inlines(content))),
                ),
                Block::Quote { content } => {
                    if !lead.is_empty() {
                        rendered.push(self.m.paragraph(label));
                    }
                    rendered.push(self.m.quote(&self.inlines(content)));
                }
                Block::Bullets { items } => {
                    if !lead.is_empty() {
                        rendered.push(self.m.paragraph(label));
                    }
                    rendered.push(
                        self.m
                            .bullets(&items.iter().map(|i| self.inlines(i)).collect::<Vec<_>>()),
                    );
                }
            }
        }
        if blocks.is_empty() && !label.is_empty() {
            rendered.push(self.m.paragraph(label));
        }
        rendered
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

    /// "At most AD/001", with the correspondence when the two sides count different units:
    /// "At most AD/002b, each contact ... being one assessment".
    pub fn relation(&self, key: &str, r: &Relation, place: &str) -> String {
        let terms = self.terms(&r.terms);
        match &r.via {
            Some(via) => self.tf(
                &format!("{key}_via"),
                &[("terms", &terms), ("via", &self.text(via, place))],
            ),
            None => self.tf(key, &[("terms", &terms)]),
        }
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
            if self.has(&key) {
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
//
// Every string field holds finished markup of the output format, except those named `*_plain`.
// A field that holds blocks (paragraphs) is named for what it holds; `lines` are blocks with a
// label run in at their start ("**Timescale** within 1 working day ...").

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

/// A row of a group's table of metrics: what is counted, and when.
#[derive(Serialize)]
pub struct TableRow {
    pub code: String,
    pub title: String,
    pub counts: String,
    pub when: String,
}

#[derive(Serialize)]
pub struct ItemView {
    pub anchor: String,
    pub code: String,
    pub wording: String,
    /// Reserved, a relation, the item's notes: run-in lines after the wording.
    pub extra: Vec<String>,
}

/// A metric's card: what is particular to it, and nothing every metric shares.
#[derive(Serialize)]
pub struct MetricView {
    pub anchor: String,
    pub code: String,
    pub title: String,
    /// The title as plain text, for the running header of a page the card continues on.
    pub title_plain: String,
    /// The wording as printed, when the title is not the wording.
    pub wording: String,
    pub level: usize,
    pub items: Vec<ItemView>,
    /// Whether the items are short enough to be laid out in columns.
    pub columns: bool,
    /// How the items relate to a total ("These add up to AD/001.").
    pub breakdown: String,
    /// Why, the timescales, the legal basis, what to include, notes ...: blocks, each with
    /// its label run in.
    pub lines: Vec<String>,
    /// The index of the first of `lines` that a page must not separate from the rest (the
    /// last paragraph of why, and the short lines after it), so that no line is left alone.
    pub tail_from: usize,
}

#[derive(Serialize)]
pub struct GroupView {
    pub anchor: String,
    pub heading: String,
    pub level: usize,
    pub note: String,
    pub rows: Vec<TableRow>,
    pub metrics: Vec<MetricView>,
}

#[derive(Serialize)]
pub struct PartView {
    pub anchor: String,
    pub heading: String,
    pub level: usize,
    /// Blocks: whom the part is about, and its introduction.
    pub intro: String,
    pub groups: Vec<GroupView>,
    pub parts: Vec<PartView>,
}

/// A row of the table of a part's indicators.
#[derive(Serialize)]
pub struct IndicatorRow {
    pub code: String,
    pub title: String,
    pub better: String,
    pub from: String,
}

#[derive(Serialize)]
pub struct IndicatorView {
    pub anchor: String,
    pub code: String,
    pub title: String,
    /// The code and title as plain text, for the running header of a page it continues on.
    pub title_plain: String,
    /// The formula, how to read it, notes and worked examples, each with its label run in.
    pub lines: Vec<String>,
}

/// The indicators of one part.
#[derive(Serialize)]
pub struct IndicatorSection {
    pub anchor: String,
    pub title: String,
    pub rows: Vec<IndicatorRow>,
    pub indicators: Vec<IndicatorView>,
}

/// A term with its explanation: a block with the term run in, and its anchor.
#[derive(Serialize)]
pub struct TermView {
    pub anchor: String,
    pub text: String,
}

#[derive(Serialize)]
pub struct PopulationRow {
    pub anchor: String,
    pub label: String,
    pub ages: String,
    pub source: String,
}

/// A section of a page of text and terms (definitions, how to complete the return).
#[derive(Serialize)]
pub struct SectionView {
    pub anchor: String,
    pub title: String,
    pub text: String,
    pub terms: Vec<TermView>,
    pub populations: Vec<PopulationRow>,
    /// Links to the files a return is made with (HTML only).
    pub downloads: bool,
}

#[derive(Serialize)]
pub struct InstrumentView {
    pub anchor: String,
    pub title: String,
    pub within: String,
    pub cited_by: String,
}

#[derive(Serialize)]
pub struct CodeEntry {
    pub code: String,
    pub anchor: String,
    pub wording: String,
    pub page: String,
}

/// A correction a reader needs: where, what the draft printed, and what this edition reads.
#[derive(Serialize)]
pub struct CorrectionRow {
    pub anchor: String,
    pub affects: String,
    pub printed: String,
    pub now: String,
}

#[derive(Serialize)]
pub struct CorrectionSection {
    pub title: String,
    /// The heading of the column of the corrected text: "Now reads", or "Should read" for
    /// corrections not made yet.
    pub now_title: String,
    pub rows: Vec<CorrectionRow>,
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

/// The notes of one place of the specification about the printed text.
#[derive(Serialize)]
pub struct SourceNoteView {
    pub place: String,
    pub notes: Vec<String>,
}

#[derive(Serialize)]
pub struct RuleView {
    pub id: String,
    pub severity: String,
    pub message: String,
}

/// The rules of one metric.
#[derive(Serialize)]
pub struct RuleGroup {
    pub anchor: String,
    pub title: String,
    pub rules: Vec<RuleView>,
    pub summary: Vec<String>,
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

/// A list of the identifiers of one kind of declaration (units, cohorts ...).
#[derive(Serialize)]
pub struct IdTable {
    pub anchor: String,
    pub title: String,
    pub rows: Vec<Fact>,
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

/// The cover and the publication notice.
#[derive(Serialize)]
pub struct IndexView {
    pub facts: Vec<Fact>,
    /// Who published the guidance, when, and its number: for the back page.
    pub colophon: Vec<Fact>,
    /// Copyright and licence: one block each, for the back page.
    pub notice: Vec<String>,
    /// "This document is also available in Welsh", when it is: for the cover.
    pub other_language: String,
    /// Whom to contact, with its label run in; empty when none is declared.
    pub contact: String,
    pub preface: String,
}

/// One page of the guidance or the annex, with the content of its kind.
#[derive(Serialize)]
pub struct PageView {
    pub id: String,
    pub kind: String,
    pub document: Document,
    pub anchor: String,
    pub title: String,
    /// The title as plain text (for `<title>` and the PDF outline).
    pub title_plain: String,
    pub intro: String,
    pub index: Option<IndexView>,
    pub chapter: Option<ChapterView>,
    pub part: Option<PartView>,
    pub sections: Vec<SectionView>,
    pub indicators: Vec<IndicatorSection>,
    pub instruments: Vec<InstrumentView>,
    pub corrections: Vec<CorrectionSection>,
    pub codes: Vec<CodeEntry>,
    pub errata: Vec<ErratumView>,
    pub source_notes: Vec<SourceNoteView>,
    pub allowed: Vec<AllowedView>,
    pub rules: Vec<RuleGroup>,
    pub codelists: Vec<CodelistView>,
    pub ids: Vec<IdTable>,
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

/// A file offered for download beside the guidance (the PDFs, the templates, the validation
/// code), as a link from every page of the site.
#[derive(Serialize, Clone)]
pub struct DownloadView {
    pub href: String,
    pub label: String,
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
    /// The guidance's pages.
    pub toc: Vec<TocEntry>,
    /// The annex's pages.
    pub annex_toc: Vec<TocEntry>,
    pub downloads: Vec<DownloadView>,
}

#[cfg(test)]
mod tests {
    use super::super::markup::Html;
    use super::*;

    #[test]
    fn an_unfilled_placeholder_or_an_unknown_key_is_a_fault_not_output() {
        let ir = Ir::default();
        let m = Html;
        let cx = Ctx::new(&ir, Lang::En, &m);
        assert!(cx.check().is_ok());
        cx.tf("breakdown_partition", &[("of", "AD/001")]);
        assert!(cx.check().is_ok());
        // A placeholder with no value, a string with a placeholder used as it is, a key that
        // is not in the table: each fails the build.
        cx.tf("breakdown_partition", &[]);
        let e = cx.check().expect_err("a fault");
        assert!(e.contains("{of}"), "{e}");
        let cx = Ctx::new(&ir, Lang::Cy, &m);
        cx.t("footer_page");
        assert!(cx.check().is_err());
        let cx = Ctx::new(&ir, Lang::En, &m);
        cx.t("no_such_key");
        assert!(cx.check().unwrap_err().contains("no_such_key"));
        // The strings offered to the templates have no placeholder to fill.
        assert!(cx.strings().values().all(|s| !s.contains('{')));
    }
}
