//! The fixed wording of the guidance in English and Welsh, from one table (`strings.json`).
//!
//! Invariant: every key has English; a key without Welsh is shown in English in a Welsh
//! document, marked as English and listed with the texts not yet translated (never a guess at
//! the Welsh). A key the code asks for that is not in the table, or a placeholder left unfilled,
//! is a fault of pmf that fails the build (see `Ctx::check`).

use pmf_ir::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;

const TABLE: &str = include_str!("strings.json");

#[derive(Deserialize)]
struct Entry {
    en: String,
    #[serde(default)]
    cy: Option<String>,
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

    /// The text of `key` in this language (English when it has no Welsh yet).
    pub fn get(&self, key: &str) -> String {
        match self.table.get(key) {
            Some(e) => match (self.lang, &e.cy) {
                (Lang::Cy, Some(cy)) => cy.clone(),
                _ => e.en.clone(),
            },
            None => format!("[{key}]"),
        }
    }

    pub fn has(&self, key: &str) -> bool {
        self.table.contains_key(key)
    }

    /// Whether `key` is shown in English in this language: a Welsh table entry not written yet.
    pub fn is_english(&self, key: &str) -> bool {
        self.lang == Lang::Cy && self.table.get(key).is_some_and(|e| e.cy.is_none())
    }

    /// The text of `key` with `{name}` placeholders replaced by already formatted values, and
    /// the names of the placeholders no value was given for (left as they are). The values are
    /// inserted after the template text is escaped by the caller's `esc`, so that a value that
    /// is markup (a link) is not escaped twice.
    pub fn fill(
        &self,
        key: &str,
        esc: &dyn Fn(&str) -> String,
        args: &[(&str, &str)],
    ) -> (String, Vec<String>) {
        let template = self.get(key);
        let mut out = String::new();
        let mut missing = Vec::new();
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
                None => {
                    missing.push(name.to_string());
                    out.push_str(&esc(&rest[..open + close + 1]));
                }
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(&esc(rest));
        (out, missing)
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
    fn the_table_parses_and_every_key_has_english_and_the_same_placeholders_in_welsh() {
        let table: BTreeMap<String, serde_json::Value> =
            serde_json::from_str(TABLE).expect("strings.json is valid JSON");
        for (key, v) in &table {
            let en = v.get("en").and_then(|s| s.as_str()).unwrap_or_default();
            assert!(!en.trim().is_empty(), "{key} has no English");
            // Welsh is left out until it is written; it is never empty.
            let Some(cy) = v.get("cy") else {
                continue;
            };
            let cy = cy.as_str().unwrap_or_default();
            assert!(!cy.trim().is_empty(), "{key} has an empty Welsh text");
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
            (
                "Mae&#39;r rhain yn adio i <a>AD/001</a>.".to_string(),
                vec![]
            )
        );
        // A placeholder with no value is reported, not silently printed.
        assert_eq!(
            s.fill("breakdown_partition", &esc, &[]).1,
            vec!["of".to_string()]
        );
        assert_eq!(s.get("why"), "Pam rydym yn mesur hyn?");
        assert_eq!(s.date("31 March"), "31 Mawrth");
        assert_eq!(Strings::new(Lang::En).date("31 March"), "31 March");
    }
}
