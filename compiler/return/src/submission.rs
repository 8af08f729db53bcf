//! A submission as read from any format: the values one authority reports for one period,
//! each with where it was found, plus the exceptions it explains and the problems met while
//! reading it. Readers produce it; the engine checks it; the template generator prefills from it.

use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// Where something is in an input: a line of a CSV file, a cell of a workbook, a place in a
/// JSON document.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Place {
    /// The file as a whole.
    File,
    /// A line of a text file, from 1.
    Line { line: usize },
    /// A cell of a workbook, e.g. `C12`.
    Cell { sheet: String, cell: String },
    /// A sheet, when what is wrong is a row that is not there.
    Sheet { sheet: String },
    /// A JSON pointer, e.g. `/submissions/0/values/3`.
    Pointer { pointer: String },
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Site {
    /// The file's name, shared by every site in the file (a return of a million rows has a
    /// million sites: one name, not a million copies).
    pub file: Arc<str>,
    #[serde(flatten)]
    pub place: Place,
}

impl Site {
    pub fn new(file: &str, place: Place) -> Site {
        Site {
            file: Arc::from(file),
            place,
        }
    }

    /// A site in a file whose name is already shared.
    pub fn in_file(file: &Arc<str>, place: Place) -> Site {
        Site {
            file: Arc::clone(file),
            place,
        }
    }
}

impl fmt::Display for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Place::File => write!(f, "{}", self.file),
            Place::Line { line } => write!(f, "{}:{line}", self.file),
            Place::Cell { sheet, cell } => {
                write!(f, "{} [{}!{cell}]", self.file, quote_sheet(sheet))
            }
            Place::Sheet { sheet } => write!(f, "{} [sheet {}]", self.file, quote_sheet(sheet)),
            Place::Pointer { pointer } if pointer.is_empty() => write!(f, "{}", self.file),
            Place::Pointer { pointer } => write!(f, "{} at {pointer}", self.file),
        }
    }
}

/// A sheet name as a spreadsheet writes it in a reference.
pub fn quote_sheet(name: &str) -> String {
    if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

/// What a value cell holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Raw {
    Blank,
    /// A figure (a number cell, or text in the figure syntax).
    Number(f64),
    /// Anything else, as written.
    Text(String),
}

impl Raw {
    /// Reads text (a CSV field, a JSON string) by the figure syntax.
    pub fn from_text(text: &str) -> Raw {
        let t = super::values::trim(text);
        if t.is_empty() {
            Raw::Blank
        } else {
            match super::values::parse_figure(t) {
                Some(v) => Raw::Number(v),
                None => Raw::Text(t.to_string()),
            }
        }
    }

    /// The text a tidy CSV holds for it.
    pub fn to_text(&self) -> String {
        match self {
            Raw::Blank => String::new(),
            Raw::Number(v) => super::values::show(*v),
            Raw::Text(t) => t.clone(),
        }
    }
}

/// One row of a submission: a data item's value (or a population figure).
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub code: String,
    pub raw: Raw,
    pub status: Option<String>,
    pub comment: Option<String>,
    pub site: Site,
}

/// An authority's explanation of a rule that fails.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Exception {
    pub rule: String,
    pub explanation: String,
    pub site: Site,
}

/// Contact details from a template's cover.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Contact {
    pub name: Option<String>,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// A problem met while reading that does not stop the reading: an unknown code, a duplicated
/// row, a formula where a figure should be. It becomes a finding with an `input.*` id.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub id: &'static str,
    pub warning: bool,
    pub message: String,
    pub site: Site,
}

/// One authority's return for one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Submission {
    pub file: String,
    /// As written (trimmed); the engine checks it against the 22 authorities.
    pub authority: String,
    pub authority_site: Site,
    pub period: String,
    pub period_site: Site,
    pub contact: Contact,
    /// Data items and population figures, in the order read.
    pub entries: Vec<Entry>,
    pub exceptions: Vec<Exception>,
    pub problems: Vec<Problem>,
    /// Where a row of a data item would be when it is absent: the file, or for a workbook the
    /// sheet of the item's part (keyed by part id).
    pub absent_site: Site,
    pub absent_by_part: BTreeMap<String, Site>,
}

impl Submission {
    pub fn new(file: &str) -> Submission {
        let site = Site::new(file, Place::File);
        Submission {
            file: file.to_string(),
            authority: String::new(),
            authority_site: site.clone(),
            period: String::new(),
            period_site: site.clone(),
            contact: Contact::default(),
            entries: Vec::new(),
            exceptions: Vec::new(),
            problems: Vec::new(),
            absent_site: site,
            absent_by_part: BTreeMap::new(),
        }
    }

    pub fn entry(&self, code: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.code == code)
    }

    pub fn problem(&mut self, id: &'static str, warning: bool, message: String, site: Site) {
        self.problems.push(Problem {
            id,
            warning,
            message,
            site,
        });
    }
}

/// An input that could not be read at all (exit 2).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReadError {
    pub site: Site,
    pub message: String,
    pub help: Option<String>,
}

impl ReadError {
    pub fn new(site: Site, message: impl Into<String>) -> ReadError {
        ReadError {
            site,
            message: message.into(),
            help: None,
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> ReadError {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.site, self.message)?;
        if let Some(h) = &self.help {
            write!(f, "\n  help: {h}")?;
        }
        Ok(())
    }
}
