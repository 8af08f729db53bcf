//! The integration suite: one test binary for every data-driven folder under tests/.
//! Set UPDATE_EXPECT=1 to write missing or changed expected outputs, then review the diff.

mod cli;
mod common;
mod diagnostics;
mod differential;
mod docs;
mod editions;
mod explain;
mod fidelity;
mod formatter;
mod hostile;
mod hostile_fields;
mod officer;
mod parser;
mod records;
mod records_agree;
mod reference;
mod reports;
mod security;
mod spec;
mod subgen;
mod templates;
mod translate;
mod validate;
mod validation_sql;
mod welsh;
mod year_on_year;
