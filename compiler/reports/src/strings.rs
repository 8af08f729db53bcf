//! The fixed wording of reports, from one table (`strings.json`, read with pmf-words' table
//! machinery). Every key has both languages (tests/suite/welsh.rs checks every shipped table).

use pmf_ir::Lang;
use pmf_words::Table;
use std::sync::OnceLock;

const TABLE: &str = include_str!("strings.json");

pub struct Strings {
    table: Table,
}

impl Strings {
    pub fn new(lang: Lang) -> Strings {
        static EN: OnceLock<Table> = OnceLock::new();
        let t = EN.get_or_init(|| Table::from_json(TABLE, Lang::En));
        Strings {
            table: t.with_lang(lang),
        }
    }

    pub fn get(&self, key: &str) -> String {
        self.table.get(key)
    }

    /// The wording of `key` with its `{placeholders}` filled; one not given is left as written
    /// (a test fills every placeholder of every key).
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.table.fill(key, args)
    }

    pub fn table(&self) -> &Table {
        &self.table
    }

    /// Every text a chart writes, in the report's language: the `chart_*` keys (one for each
    /// key of pmf_stats::chart::ENGLISH, whose English a test holds equal to the table's).
    pub fn chart_words(&self) -> pmf_stats::chart::Words {
        pmf_stats::chart::Words::from_fn(|k| {
            let key = format!("chart_{k}");
            self.table.has(&key).then(|| self.table.get(&key))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_english_and_the_table_parses() {
        let s = Strings::new(Lang::En);
        let keys: Vec<&str> = s.table().keys().collect();
        assert!(keys.len() > 20, "{keys:?}");
        for k in keys {
            assert!(!s.get(k).is_empty(), "{k}");
        }
        for f in crate::panel::Flag::ALL {
            assert!(s.table().has(f.key()), "{}", f.key());
        }
    }

    #[test]
    fn charts_have_every_text_in_both_languages_and_the_english_is_the_charts_own() {
        use pmf_stats::chart::{Words, ENGLISH};
        let en = Strings::new(Lang::En);
        let cy = Strings::new(Lang::Cy);
        for (k, english) in ENGLISH {
            let key = format!("chart_{k}");
            assert!(en.table().has(&key), "strings.json has no {key}");
            assert_eq!(en.get(&key), *english, "{key}");
        }
        assert_eq!(en.chart_words(), Words::english());
        // Every Welsh text is the table's Welsh, not the English fallback (numbers and names
        // such as Poisson, or words Welsh shares, excepted).
        let welsh = cy.chart_words();
        let same: Vec<&str> = ENGLISH
            .iter()
            .filter(|(k, english)| welsh.get(k) == *english)
            .map(|(k, _)| *k)
            .collect();
        assert_eq!(same, ["poisson", "series_values", "col_label", "col_band"]);
    }
}
