//! A table of fixed wording in English and Welsh, with `{name}` placeholders: this crate's own
//! (`words.json`), and the same machinery for any back end's table.

use pmf_ir::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

const WORDS: &str = include_str!("words.json");
const MESSAGES: &str = include_str!("messages.json");

#[derive(Deserialize)]
struct Entry {
    en: String,
    /// Absent where the Welsh is still to be written: the English is used, and
    /// `untranslated` lists the key.
    #[serde(default)]
    cy: Option<String>,
    /// The forms of a count other than the plain `en`/`cy` (which are the "other" form), by
    /// language and CLDR plural category: `"en.one"`, `"cy.zero"`, `"cy.two"`, ...
    #[serde(default)]
    forms: BTreeMap<String, String>,
}

/// The CLDR plural category of a whole number in a language. English has two (one, other);
/// Welsh six: zero (0), one (1), two (2), few (3), many (6) and other (everything else), because
/// the noun after a numeral mutates or changes with the numeral ("dau wall", "tri
/// chyflwyniad", "chwe chyflwyniad").
pub fn plural_category(lang: Lang, n: u64) -> &'static str {
    match (lang, n) {
        (Lang::En, 1) => "one",
        (Lang::En, _) => "other",
        (Lang::Cy, 0) => "zero",
        (Lang::Cy, 1) => "one",
        (Lang::Cy, 2) => "two",
        (Lang::Cy, 3) => "few",
        (Lang::Cy, 6) => "many",
        (Lang::Cy, _) => "other",
    }
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

    /// The fixed wording of the validator's and the workbook's messages (parsed once per
    /// process).
    pub fn messages(lang: Lang) -> Table {
        static MESSAGES_TABLE: OnceLock<Table> = OnceLock::new();
        let t = MESSAGES_TABLE.get_or_init(|| Table::from_json(MESSAGES, Lang::En));
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
        match self.template(key) {
            Some(t) => t.to_string(),
            None => format!("[{key}]"),
        }
    }

    /// The text of `key` in this language (English where it has no Welsh), borrowed.
    fn template(&self, key: &str) -> Option<&str> {
        self.table.get(key).map(|e| match self.lang {
            Lang::En => e.en.as_str(),
            Lang::Cy => e.cy.as_deref().unwrap_or(&e.en),
        })
    }

    /// A count: the form of `key` for `n` in this language's plural category, with `{n}`
    /// filled (and any other placeholder of `args`). A category without its own form uses the
    /// "other" form (the plain `en` or `cy`).
    pub fn count(&self, key: &str, n: u64, args: &[(&str, &str)]) -> String {
        let n_text = n.to_string();
        fill(
            &self.count_template(key, n),
            &[&[("n", n_text.as_str())][..], args].concat(),
        )
    }

    /// The form of count `key` for `n`, its placeholders not filled.
    pub fn count_template(&self, key: &str, n: u64) -> String {
        let Some(e) = self.table.get(key) else {
            return format!("[{key}]");
        };
        let (lang, other) = match (self.lang, &e.cy) {
            (Lang::Cy, Some(cy)) => (Lang::Cy, cy),
            _ => (Lang::En, &e.en),
        };
        let prefix = match lang {
            Lang::En => "en",
            Lang::Cy => "cy",
        };
        let category = plural_category(lang, n);
        e.forms
            .get(&format!("{prefix}.{category}"))
            .unwrap_or(other)
            .clone()
    }

    /// The forms a count key has in a language, by category (for tests).
    pub fn forms(&self, key: &str) -> Vec<(String, String)> {
        self.table
            .get(key)
            .map(|e| {
                e.forms
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The text of `key` with its `{placeholders}` filled from `args`; one not given is left
    /// as written (tests fill every placeholder of every key).
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        match self.template(key) {
            Some(t) => fill(t, args),
            // As `get` shows it (it has no placeholder to fill).
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
        parts(&self.get(key))
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

/// A template cut into text and placeholders.
pub fn parts(template: &str) -> Vec<Part> {
    let mut out = Vec::new();
    let mut rest = template;
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

/// A template with its `{placeholders}` filled from `args`; one not given is left as written.
///
/// It reads the template as `parts` cuts it, without making the parts: a report of a million
/// rows fills a few hundred thousand messages.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out =
        String::with_capacity(template.len() + args.iter().map(|a| a.1.len()).sum::<usize>());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.push_str(&rest[..open]);
        let name = &rest[open + 1..open + close];
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, v)) => out.push_str(v),
            None => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `fill` as it was written before it stopped making the parts: the reference it must equal.
    fn fill_by_parts(template: &str, args: &[(&str, &str)]) -> String {
        let mut out = String::new();
        for p in parts(template) {
            match p {
                Part::Text(t) => out.push_str(&t),
                Part::Slot(name) => match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&format!("{{{name}}}")),
                },
            }
        }
        out
    }

    #[test]
    fn fill_reads_the_template_as_parts_cuts_it() {
        let args = [("a", "Ÿ{b}"), ("b", ""), ("", "empty")];
        for t in [
            "",
            "plain",
            "{a}",
            "{a}{b}",
            "x{a}y{b}z",
            "{",
            "}",
            "}{a}",
            "{a",
            "a}",
            "{missing} {a}",
            "{}",
            "{{a}}",
            "caf\u{e9} {a} \u{175}",
            "{a}{",
            "{b}}",
        ] {
            assert_eq!(fill(t, &args), fill_by_parts(t, &args), "{t:?}");
        }
        let en = Table::messages(Lang::En);
        assert_eq!(en.fill("no.such.key", &[("a", "b")]), en.get("no.such.key"));
    }

    #[test]
    fn counts_take_the_form_of_their_plural_category() {
        let en = Table::messages(Lang::En);
        let cy = Table::messages(Lang::Cy);
        assert_eq!(en.count("count.excepted", 1, &[]), "1 excepted");
        assert_eq!(en.count("count.error", 1, &[]), "1 error");
        assert_eq!(en.count("count.error", 0, &[]), "0 errors");
        assert_eq!(cy.count("count.excepted", 1, &[]), "1 wedi'i eithrio");
        assert_eq!(cy.count("count.excepted", 2, &[]), "2 wedi'u heithrio");
        assert_eq!(cy.count("count.error", 2, &[]), "2 wall");
        assert_eq!(cy.count("no.such.key", 2, &[]), "[no.such.key]");
        for (n, c) in [(0, "zero"), (1, "one"), (2, "two"), (3, "few"), (6, "many")] {
            assert_eq!(plural_category(Lang::Cy, n), c);
        }
        for n in [4, 5, 7, 10, 11, 20, 100] {
            assert_eq!(plural_category(Lang::Cy, n), "other");
        }
    }
}
