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
}
