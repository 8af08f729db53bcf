//! Many returns read at once into a panel: one observation per authority, year and code, with
//! its figure and its flags as data.
//!
//! How a return says what the report tables used to say in free text (see
//! `compiler/doc/reports.md`):
//!
//! - no figure and a missing-value status of the spec: `x` not available, with the status's
//!   label and the row's comment as the reason; the status `not_applicable` is `z`;
//! - a figure with, in the status column, the qualifiers `provisional` (`p`), `revised` (`r`)
//!   and `year_to_date YYYY-MM-DD` (a part-year figure, counted from 1 April up to that date),
//!   separated by spaces, commas or semicolons.
//!
//! A break in series (`b`) and a new measure are worked out from the editions, not read.

use pmf_ir::{authorities, Ir};
use pmf_return::submission::Submission;
use pmf_return::values;
use serde::Serialize;
use std::collections::BTreeMap;

/// The ONS code of Wales, accepted as an aggregate beside the 22 authorities.
pub const WALES: &str = "W92000004";

/// A flag on a figure, as users of StatsWales know them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// `x`: not available.
    NotAvailable,
    /// `z`: not applicable.
    NotApplicable,
    /// `p`: provisional.
    Provisional,
    /// `r`: revised.
    Revised,
    /// `b`: break in series: the figure counts something else than the year before.
    Break,
    /// A new measure: its code did not exist in the earlier edition.
    New,
    /// A part-year (year-to-date) figure.
    PartYear,
}

impl Flag {
    pub const ALL: [Flag; 7] = [
        Flag::NotAvailable,
        Flag::NotApplicable,
        Flag::Provisional,
        Flag::Revised,
        Flag::Break,
        Flag::New,
        Flag::PartYear,
    ];

    /// The symbol printed beside a figure.
    pub fn symbol(self) -> &'static str {
        match self {
            Flag::NotAvailable => "x",
            Flag::NotApplicable => "z",
            Flag::Provisional => "p",
            Flag::Revised => "r",
            Flag::Break => "b",
            Flag::New => "n",
            Flag::PartYear => "y",
        }
    }

    /// The key of its meaning in the strings table.
    pub fn key(self) -> &'static str {
        match self {
            Flag::NotAvailable => "flag_x",
            Flag::NotApplicable => "flag_z",
            Flag::Provisional => "flag_p",
            Flag::Revised => "flag_r",
            Flag::Break => "flag_b",
            Flag::New => "flag_new",
            Flag::PartYear => "flag_ytd",
        }
    }
}

/// One figure (or its absence) of one authority, year and code.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Observation {
    pub figure: Option<f64>,
    pub flags: Vec<Flag>,
    /// For `x` and `z`: the status's label.
    pub reason: Option<String>,
    /// The row's comment.
    pub comment: Option<String>,
    /// For a part-year figure: the date it counts up to (`YYYY-MM-DD`).
    pub to_date: Option<String>,
    /// Where it was read: `file:line` or `file [Sheet!C4]`.
    pub site: String,
}

/// One return of the panel: an authority's year, and the edition it was read under.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Return {
    pub authority: String,
    pub year: String,
    /// The id of the edition whose codes the return uses.
    pub edition: String,
    pub file: String,
}

/// Every return read, by authority and year.
#[derive(Clone, Debug, Default)]
pub struct Panel {
    pub returns: BTreeMap<(String, String), Return>,
    /// (authority, year, code) → the observation.
    pub values: BTreeMap<(String, String, String), Observation>,
    /// What could not be read or was set aside, each with where: returns of an unknown
    /// authority or year, a second return for the same authority and year, statuses not
    /// understood.
    pub problems: Vec<String>,
}

/// The editions a panel is read under, oldest first (each superseded by the next).
pub struct Editions<'a> {
    pub irs: Vec<&'a Ir>,
}

impl<'a> Editions<'a> {
    /// Orders editions so that each comes after the one it supersedes.
    pub fn new(irs: Vec<&'a Ir>) -> Editions<'a> {
        let mut rest = irs;
        let mut out: Vec<&Ir> = Vec::new();
        while !rest.is_empty() {
            let next = rest
                .iter()
                .position(|ir| match &ir.edition.supersedes {
                    None => true,
                    Some(s) => {
                        out.iter().any(|o| &o.edition.id == s)
                            || !rest.iter().any(|r| &r.edition.id == s)
                    }
                })
                .unwrap_or(0);
            out.push(rest.remove(next));
        }
        Editions { irs: out }
    }

    pub fn newest(&self) -> Option<&'a Ir> {
        self.irs.last().copied()
    }

    pub fn get(&self, id: &str) -> Option<&'a Ir> {
        self.irs.iter().copied().find(|ir| ir.edition.id == id)
    }

    /// The edition a return was made under: of those in force in its year (by `first_year`;
    /// all when none is), the one that knows most of its codes and least of the codes it lacks;
    /// the newer on a tie.
    fn of_return(&self, year: &str, codes: &[&str]) -> Option<&'a Ir> {
        let in_force: Vec<&Ir> = self
            .irs
            .iter()
            .copied()
            .filter(|ir| ir.edition.first_year.as_deref().is_none_or(|f| f <= year))
            .collect();
        let candidates = if in_force.is_empty() {
            self.irs.clone()
        } else {
            in_force
        };
        candidates
            .into_iter()
            .rev()
            .map(|ir| {
                let known = codes
                    .iter()
                    .filter(|c| {
                        ir.data_item(c).is_some() || ir.populations.iter().any(|p| &p.id == *c)
                    })
                    .count() as i64;
                (known * 2 - codes.len() as i64, ir)
            })
            .fold(None, |best: Option<(i64, &Ir)>, (score, ir)| match best {
                Some((b, _)) if b >= score => best,
                _ => Some((score, ir)),
            })
            .map(|(_, ir)| ir)
    }
}

/// The authority code a return names: one of the 22, or Wales.
pub fn authority_code(text: &str) -> Option<String> {
    let t = values::trim(text);
    if t == WALES || t.eq_ignore_ascii_case("wales") || t.eq_ignore_ascii_case("cymru") {
        return Some(WALES.to_string());
    }
    authorities::parse(t).map(|a| a.code.to_string())
}

/// A status column's qualifiers of a figure.
#[derive(Default)]
struct Qualifiers {
    flags: Vec<Flag>,
    to_date: Option<String>,
    not_understood: Vec<String>,
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u32>().unwrap_or(0))
}

fn qualifiers(status: &str) -> Qualifiers {
    let mut q = Qualifiers::default();
    let words: Vec<String> = status
        .split([' ', ',', ';'])
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let mut i = 0;
    while i < words.len() {
        match words[i].as_str() {
            "provisional" => q.flags.push(Flag::Provisional),
            "revised" => q.flags.push(Flag::Revised),
            "year_to_date" => match words.get(i + 1) {
                Some(d) if is_date(d) => {
                    q.flags.push(Flag::PartYear);
                    q.to_date = Some(d.clone());
                    i += 1;
                }
                _ => q.not_understood.push("year_to_date without a date".into()),
            },
            other => q.not_understood.push(other.to_string()),
        }
        i += 1;
    }
    q.flags.sort();
    q.flags.dedup();
    q
}

impl Panel {
    /// Reads files (name, bytes) into a panel. A file that cannot be read is a problem; the
    /// others are still read.
    pub fn read(editions: &Editions, files: &[(String, Vec<u8>)]) -> Panel {
        let mut panel = Panel::default();
        let Some(newest) = editions.newest() else {
            return panel;
        };
        for (name, bytes) in files {
            match pmf_validate::read_isolated(name, bytes, newest) {
                Ok(input) => {
                    for s in input.submissions {
                        panel.add(editions, s);
                    }
                }
                Err(e) => panel.problems.push(e.to_string()),
            }
        }
        panel
    }

    fn add(&mut self, editions: &Editions, s: Submission) {
        let site = s.authority_site.to_string();
        let Some(authority) = authority_code(&s.authority) else {
            self.problems.push(format!(
                "{site}: the return names the authority {:?}, which is neither the ONS code or name of a Welsh local authority nor Wales ({WALES}); it is left out",
                values::trim(&s.authority)
            ));
            return;
        };
        let year = values::trim(&s.period).to_string();
        if !pmf_return::engine::is_period(&year) {
            self.problems.push(format!(
                "{}: the return's year {:?} is not a financial year such as 2020-21; it is left out",
                s.period_site,
                year
            ));
            return;
        }
        let key = (authority.clone(), year.clone());
        if let Some(first) = self.returns.get(&key) {
            self.problems.push(format!(
                "{site}: a second return for {authority} {year} (the first is in {}); it is left out",
                first.file
            ));
            return;
        }
        let codes: Vec<&str> = s.entries.iter().map(|e| e.code.as_str()).collect();
        let Some(ir) = editions.of_return(&year, &codes) else {
            return;
        };
        for e in &s.entries {
            let status = e
                .status
                .as_deref()
                .map(values::trim)
                .filter(|t| !t.is_empty());
            let comment = e
                .comment
                .as_deref()
                .map(values::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string);
            let mut o = Observation {
                figure: None,
                flags: Vec::new(),
                reason: None,
                comment,
                to_date: None,
                site: e.site.to_string(),
            };
            match (&e.raw, status) {
                (pmf_return::submission::Raw::Number(v), st) => {
                    o.figure = Some(*v);
                    if let Some(st) = st {
                        if values::status(ir, st).is_some() {
                            self.problems.push(format!(
                                "{}: {} has a figure and the missing-value status {st:?}; the figure is used",
                                e.site, e.code
                            ));
                        } else {
                            let q = qualifiers(st);
                            if !q.not_understood.is_empty() {
                                self.problems.push(format!(
                                    "{}: the status of {} says {:?}, which is not understood (a figure's status may say provisional, revised or year_to_date YYYY-MM-DD); it is ignored",
                                    e.site,
                                    e.code,
                                    q.not_understood.join(" ")
                                ));
                            }
                            o.flags = q.flags;
                            o.to_date = q.to_date;
                        }
                    }
                }
                (_, Some(st)) => match values::status(ir, st) {
                    Some(ms) => {
                        o.flags.push(if ms.id == "not_applicable" {
                            Flag::NotApplicable
                        } else {
                            Flag::NotAvailable
                        });
                        o.reason = Some(ms.label.en.clone());
                    }
                    None => {
                        self.problems.push(format!(
                            "{}: {} has no figure, and the status {st:?} is not a missing-value status of the edition; it is shown as not available",
                            e.site, e.code
                        ));
                        o.flags.push(Flag::NotAvailable);
                    }
                },
                (pmf_return::submission::Raw::Text(t), None) => {
                    self.problems.push(format!(
                        "{}: {} holds {t:?}, which is not a figure; it is shown as not available",
                        e.site, e.code
                    ));
                    o.flags.push(Flag::NotAvailable);
                }
                (pmf_return::submission::Raw::Blank, None) => continue,
            }
            self.values
                .insert((authority.clone(), year.clone(), e.code.clone()), o);
        }
        self.returns.insert(
            key,
            Return {
                authority,
                year,
                edition: ir.edition.id.clone(),
                file: s.file.clone(),
            },
        );
    }

    pub fn get(&self, authority: &str, year: &str, code: &str) -> Option<&Observation> {
        self.values
            .get(&(authority.to_string(), year.to_string(), code.to_string()))
    }

    /// The years an authority has a return for, oldest first.
    pub fn years(&self, authority: &str) -> Vec<String> {
        self.returns
            .keys()
            .filter(|(a, _)| a == authority)
            .map(|(_, y)| y.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifiers_are_read_from_the_status() {
        let q = qualifiers("provisional; year_to_date 2020-11-23");
        assert_eq!(q.flags, vec![Flag::Provisional, Flag::PartYear]);
        assert_eq!(q.to_date.as_deref(), Some("2020-11-23"));
        assert!(q.not_understood.is_empty());
        let q = qualifiers("Revised");
        assert_eq!(q.flags, vec![Flag::Revised]);
        let q = qualifiers("year_to_date 23/11/2020");
        assert!(q.flags.is_empty());
        assert_eq!(q.not_understood.len(), 2);
        assert!(!is_date("2020-13-01"));
        assert!(is_date("2021-03-31"));
    }

    #[test]
    fn wales_is_an_aggregate_authority() {
        assert_eq!(authority_code("W92000004").as_deref(), Some(WALES));
        assert_eq!(authority_code("Cardiff").as_deref(), Some("W06000015"));
        assert_eq!(authority_code("Atlantis"), None);
    }
}
