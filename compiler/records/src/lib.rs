//! Case records and counting rules (issue 18; the meaning of every construct is
//! `compiler/doc/records.md`): the rules written as SQL for DuckDB, PostgreSQL and Spark
//! (`sql`), and an authority's record files checked value by value (`files`). The embedded
//! engine and `pmf compute` are not merged yet (BENCHMARKS.md: what the DuckDB engine costs to
//! build); `files` is the checking they will run first.
//!
//! A back end: it reads the IR and nothing of the checker or the parser. It touches no file.

pub mod date;
pub mod files;
pub mod sql;
