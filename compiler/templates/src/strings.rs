//! The workbook's fixed wording, from one table (`strings.json`, read with pmf-words' table
//! machinery): `pmf template --lang cy` writes the same workbook with every word in Welsh,
//! including the words its formulas show and compare (FAILS / METHU).

use pmf_ir::Lang;
use pmf_words::table::{parts, Part};
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

    pub fn lang(&self) -> Lang {
        self.table.lang()
    }

    pub fn get(&self, key: &str) -> String {
        self.table.get(key)
    }

    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.table.fill(key, args)
    }

    /// A count in words, for the number `n`.
    pub fn count(&self, key: &str, n: usize) -> String {
        self.table.count(key, n as u64, &[])
    }

    /// The same count as a spreadsheet formula on the number in `cell`: the form of each
    /// plural category the language has, chosen with IF on the number (Welsh has six, so
    /// "2 wall" and "5 gwall" come out as pmf's own `count` writes them).
    pub fn count_formula(&self, key: &str, cell: &str) -> String {
        // The categories in the order they are tested, each with a number that has it.
        let tests: &[(u64, &str)] = match self.lang() {
            Lang::En => &[(1, "one")],
            Lang::Cy => &[(0, "zero"), (1, "one"), (2, "two"), (3, "few"), (6, "many")],
        };
        let form = |n: u64| -> String {
            let mut out = Vec::new();
            let mut literal = String::new();
            for p in parts(&self.table.count_template(key, n)) {
                match p {
                    Part::Text(t) => literal.push_str(&t),
                    Part::Slot(_) => {
                        if !literal.is_empty() {
                            out.push(format!("\"{}\"", literal.replace('"', "\"\"")));
                            literal.clear();
                        }
                        out.push(cell.to_string());
                    }
                }
            }
            if !literal.is_empty() {
                out.push(format!("\"{}\"", literal.replace('"', "\"\"")));
            }
            out.join("&")
        };
        // A number of the "other" category: one no test matches.
        let other = (4..)
            .find(|n| !tests.iter().any(|(m, _)| m == n))
            .unwrap_or(4);
        let mut f = form(other);
        for (n, _) in tests.iter().rev() {
            f = format!("IF({cell}={n},{},{f})", form(*n));
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_formula_chooses_the_forms_pmf_writes() {
        let en = Strings::new(Lang::En);
        assert_eq!(
            en.count_formula("count.state_todo", "E3"),
            "IF(E3=1,E3&\" figure still to give.\",E3&\" figures still to give.\")"
        );
        let cy = Strings::new(Lang::Cy);
        let f = cy.count_formula("count.state_errors", "E4");
        assert!(f.starts_with("IF(E4=0,"), "{f}");
        assert!(f.contains("IF(E4=2,E4&\" wall i'w gywiro"), "{f}");
        assert_eq!(
            cy.count("count.state_errors", 2),
            "2 wall i'w gywiro neu ei egluro (gweler y daflen Gwiriadau)."
        );
    }
}
