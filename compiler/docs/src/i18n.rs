//! The fixed wording of the guidance in English and Welsh, from one table (`strings.json`).
//!
//! Invariant: every key has both languages (tested), so a lookup in either language always
//! finds text; a key the code asks for that is not in the table is a bug caught by the tests
//! (it renders as the key in brackets rather than panicking).

use pmf_ir::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;

const TABLE: &str = include_str!("strings.json");

#[derive(Deserialize)]
struct Entry {
    en: String,
    cy: String,
}

/// The fixed wording in one language.
pub struct Strings {
    lang: Lang,
    table: BTreeMap<String, Entry>,
}

impl Strings {
    pub fn new(lang: Lang) -> Strings {
        // The table is compiled in and checked by a unit test, so it always parses.
        let table = serde_json::from_str(TABLE).unwrap_or_default();
        Strings { lang, table }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The text of `key` in this language.
    pub fn get(&self, key: &str) -> String {
        match self.table.get(key) {
            Some(e) => match self.lang {
                Lang::En => e.en.clone(),
                Lang::Cy => e.cy.clone(),
            },
            None => format!("[{key}]"),
        }
    }

    /// The text of `key` with `{name}` placeholders replaced by already formatted values. The
    /// values are inserted after the template text is escaped by the caller's `esc`, so that a
    /// value that is markup (a link) is not escaped twice.
    pub fn fill(&self, key: &str, esc: &dyn Fn(&str) -> String, args: &[(&str, &str)]) -> String {
        let template = self.get(key);
        let mut out = String::new();
        let mut rest = template.as_str();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let name = &rest[open + 1..open + close];
            match args.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => {
                    out.push_str(&esc(&rest[..open]));
                    out.push_str(value);
                }
                None => out.push_str(&esc(&rest[..open + close + 1])),
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(&esc(rest));
        out
    }

    /// Every key, for the templates (which see the wording escaped for their format).
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.table.keys().map(String::as_str)
    }

    /// A date such as "31 March" in this language (month names translated).
    pub fn date(&self, date: &str) -> String {
        if self.lang == Lang::En {
            return date.to_string();
        }
        date.split(' ')
            .map(|w| {
                let key = format!("month_{}", w.to_lowercase());
                if self.table.contains_key(&key) {
                    self.get(&key)
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_and_every_key_has_both_languages() {
        let table: BTreeMap<String, serde_json::Value> =
            serde_json::from_str(TABLE).expect("strings.json is valid JSON");
        for (key, v) in &table {
            for lang in ["en", "cy"] {
                let s = v.get(lang).and_then(|s| s.as_str()).unwrap_or_default();
                assert!(!s.trim().is_empty(), "{key} has no {lang} text");
            }
            let en = v["en"].as_str().unwrap_or_default();
            let cy = v["cy"].as_str().unwrap_or_default();
            let holes = |s: &str| {
                let mut h: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split('}').next().map(str::to_string))
                    .collect();
                h.sort();
                h
            };
            assert_eq!(holes(en), holes(cy), "{key}: placeholders differ");
        }
    }

    #[test]
    fn fill_escapes_the_wording_but_not_the_values() {
        let s = Strings::new(Lang::Cy);
        let esc = |t: &str| t.replace('\'', "&#39;");
        assert_eq!(
            s.fill("breakdown_partition", &esc, &[("of", "<a>AD/001</a>")]),
            "Mae&#39;r rhain yn adio i <a>AD/001</a>."
        );
        assert_eq!(s.get("why"), "Pam rydym yn mesur hyn?");
        assert_eq!(s.date("31 March"), "31 Mawrth");
        assert_eq!(Strings::new(Lang::En).date("31 March"), "31 March");
    }
}
