//! Every text the guidance prints that needs a Welsh version, each with a stable id: what
//! `pmf check --welsh` checks and what `pmf translate` exports and imports.
//!
//! An id is the declaration (a code, or `kind:name` for a named declaration) and the field,
//! `#` between them: `AD/001#wording`, `AD/002a#wording` (an item of a breakdown, by its code),
//! `unit:contact#singular`, `codelist:contact_source.self_family#label`, `doc:introduction#text`.
//! A field given more than once is numbered from 1: `AD/001#note.2`, `AD/001#timescale.1.label`.
//! *Invariant:* ids are unique within a spec (a declaration whose name is given twice is an
//! error of its own; its texts then share ids and are left out after the first).

use crate::model::{Declarations, Doc, Text};
use std::collections::BTreeSet;

/// One text that needs Welsh: its id, what kind of text it is (the field) and the text.
#[derive(Clone, Debug)]
pub struct Translatable<'d> {
    pub id: String,
    /// What kind of text it is, for translators: the field as the spec writes it (`wording`,
    /// `note`, `label` ...), or `timescale label` and the like for a timescale's texts.
    pub kind: &'static str,
    /// The code or name of the declaration the text belongs to, for translators.
    pub owner: String,
    pub text: &'d Text,
}

struct Out<'d> {
    list: Vec<Translatable<'d>>,
    seen: BTreeSet<String>,
}

impl<'d> Out<'d> {
    fn one(&mut self, owner: &str, kind: &'static str, t: &'d Option<Text>) {
        if let Some(t) = t {
            self.push(owner, kind, format!("{owner}#{kind}"), t);
        }
    }

    fn many(&mut self, owner: &str, kind: &'static str, ts: &'d [Text]) {
        for (i, t) in ts.iter().enumerate() {
            self.push(owner, kind, format!("{owner}#{kind}.{}", i + 1), t);
        }
    }

    fn push(&mut self, owner: &str, kind: &'static str, id: String, text: &'d Text) {
        if text.en.value.trim().is_empty() || !self.seen.insert(id.clone()) {
            return;
        }
        self.list.push(Translatable {
            id,
            kind,
            owner: owner.to_string(),
            text,
        });
    }
}

/// The texts of a spec that need Welsh, in declaration order within each kind of declaration.
pub fn translatable(d: &Declarations) -> Vec<Translatable<'_>> {
    let mut o = Out {
        list: Vec::new(),
        seen: BTreeSet::new(),
    };
    for e in &d.editions {
        let w = format!("edition:{}", e.id);
        o.one(&w, "title", &e.title);
        o.one(&w, "framework", &e.framework);
        o.one(&w, "period", &e.period);
        o.one(&w, "publisher", &e.publisher);
        o.one(&w, "copyright", &e.copyright);
        o.one(&w, "contact", &e.contact);
    }
    fn docs<'d>(o: &mut Out<'d>, doc: &'d Doc) {
        let w = format!("doc:{}", doc.id);
        o.one(&w, "title", &doc.title);
        o.one(&w, "text", &doc.text);
        for s in &doc.sections {
            docs(o, s);
        }
    }
    for doc in &d.docs {
        docs(&mut o, doc);
    }
    for i in &d.instruments {
        let w = format!("instrument:{}", i.id);
        o.one(&w, "title", &i.title);
        o.one(&w, "short", &i.short);
    }
    for c in &d.cohorts {
        let w = format!("cohort:{}", c.id);
        o.one(&w, "label", &c.label);
        o.one(&w, "definition", &c.definition);
    }
    for u in &d.units {
        let w = format!("unit:{}", u.id);
        o.one(&w, "label", &u.label);
        o.one(&w, "singular", &u.singular);
    }
    for x in &d.definitions {
        let w = format!("definition:{}", x.id);
        o.one(&w, "term", &x.term);
        o.one(&w, "text", &x.text);
    }
    for x in &d.sources {
        let w = format!("source:{}", x.id);
        o.one(&w, "title", &x.title);
        o.one(&w, "note", &x.note);
    }
    for x in &d.populations {
        let w = format!("population:{}", x.id);
        o.one(&w, "label", &x.label);
        o.one(&w, "source", &x.source);
    }
    for c in &d.codelists {
        let w = format!("codelist:{}", c.id);
        o.one(&w, "title", &c.title);
        o.one(&w, "note", &c.note);
        for e in &c.entries {
            o.one(&format!("{w}.{}", e.id), "label", &e.label);
        }
    }
    for x in &d.missing {
        let w = format!("missing:{}", x.id);
        o.one(&w, "label", &x.label);
        o.one(&w, "meaning", &x.meaning);
    }
    for p in &d.parts {
        let w = format!("part:{}", p.id);
        o.one(&w, "title", &p.title);
        o.one(&w, "intro", &p.intro);
    }
    for g in &d.groups {
        let w = format!("group:{}", g.id);
        o.one(&w, "title", &g.title);
        o.one(&w, "note", &g.note);
    }
    for m in &d.metrics {
        let w = m.code.as_str();
        o.one(w, "wording", &m.wording);
        o.one(w, "short", &m.short);
        o.one(w, "rationale", &m.rationale);
        o.one(w, "includes", &m.includes);
        o.one(w, "excludes", &m.excludes);
        o.one(w, "counting", &m.counting);
        o.many(w, "note", &m.notes);
        if let Some(b) = &m.breakdown {
            for it in &b.items {
                let code = format!("{w}{}", it.letter);
                o.one(&code, "wording", &it.wording);
                o.many(&code, "note", &it.notes);
            }
        }
        for (i, t) in m.timescales.iter().enumerate() {
            let n = i + 1;
            for (field, kind, text) in [
                ("label", "timescale label", &t.label),
                ("from", "timescale start event", &t.from),
                ("until", "timescale end event", &t.until),
                ("note", "timescale note", &t.note),
            ] {
                if let Some(text) = text {
                    o.push(w, kind, format!("{w}#timescale.{n}.{field}"), text);
                }
            }
        }
    }
    for i in &d.indicators {
        let w = i.code.as_str();
        o.one(w, "title", &i.title);
        o.one(w, "reading", &i.reading);
        o.many(w, "note", &i.notes);
    }
    for e in &d.errata {
        let w = format!("erratum:{}", e.id);
        o.one(&w, "corrected", &e.corrected);
        o.one(&w, "reason", &e.reason);
    }
    o.list
}
