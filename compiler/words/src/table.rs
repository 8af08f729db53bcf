//! A table of fixed wording in English and Welsh, with `{name}` placeholders: this crate's own
//! (`words.json`), and the same machinery for any back end's table.

use pmf_ir::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

const WORDS: &str = include_str!("words.json");

#[derive(Deserialize)]
struct Entry {
    en: String,
    /// Absent where the Welsh is still to be written: the English is used, and
    /// `untranslated` lists the key.
    #[serde(default)]
    cy: Option<String>,
}

/// The fixed wording of one table in one language.
#[derive(Clone)]
pub struct Table {
    lang: Lang,
    table: Arc<BTreeMap<String, Entry>>,
}

/// A piece of a template: text, or a `{placeholder}`.
pub enum Part {
    Text(String),
    Slot(String),
}

impl Table {
    /// A table from its JSON (`{"key": {"en": "...", "cy": "..."}}`). A table is compiled into
    /// the program and checked by a test, so a table that does not parse is a bug: it reads as
    /// empty, and every key then shows as `[key]` rather than stopping the program.
    pub fn from_json(json: &str, lang: Lang) -> Table {
        Table {
            lang,
            table: Arc::new(serde_json::from_str(json).unwrap_or_default()),
        }
    }

    /// The wording of what the IR means (parsed once per process).
    pub fn words(lang: Lang) -> Table {
        static WORDS_TABLE: OnceLock<Table> = OnceLock::new();
        let t = WORDS_TABLE.get_or_init(|| Table::from_json(WORDS, Lang::En));
        Table {
            lang,
            table: Arc::clone(&t.table),
        }
    }

    /// The same table in another language.
    pub fn with_lang(&self, lang: Lang) -> Table {
        Table {
            lang,
            table: Arc::clone(&self.table),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The text of `key` in this language, or `[key]` for a key the table lacks (a bug the
    /// tests catch).
    pub fn get(&self, key: &str) -> String {
        match self.table.get(key) {
            Some(e) => match self.lang {
                Lang::En => e.en.clone(),
                Lang::Cy => e.cy.clone().unwrap_or_else(|| e.en.clone()),
            },
            None => format!("[{key}]"),
        }
    }

    pub fn has(&self, key: &str) -> bool {
        self.table.contains_key(key)
    }

    /// The keys that have no Welsh yet (a Welsh output shows them in English).
    pub fn untranslated(&self) -> Vec<&str> {
        self.table
            .iter()
            .filter(|(_, e)| e.cy.is_none())
            .map(|(k, _)| k.as_str())
            .collect()
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.table.keys().map(String::as_str)
    }

    /// The text of `key` cut into text and placeholders.
    pub fn parts(&self, key: &str) -> Vec<Part> {
        let template = self.get(key);
        let mut out = Vec::new();
        let mut rest = template.as_str();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            if open > 0 {
                out.push(Part::Text(rest[..open].to_string()));
            }
            out.push(Part::Slot(rest[open + 1..open + close].to_string()));
            rest = &rest[open + close + 1..];
        }
        if !rest.is_empty() {
            out.push(Part::Text(rest.to_string()));
        }
        out
    }

    /// The placeholders of every key, for tests that every one is filled.
    pub fn slots(&self, key: &str) -> Vec<String> {
        self.parts(key)
            .into_iter()
            .filter_map(|p| match p {
                Part::Slot(s) => Some(s),
                Part::Text(_) => None,
            })
            .collect()
    }
}
