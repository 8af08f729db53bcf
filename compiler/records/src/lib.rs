//! Case records and counting rules (issue 18; the meaning of every construct is
//! `compiler/doc/records.md`): the rules written as SQL for DuckDB, PostgreSQL and Spark
//! (`sql`), an authority's record files checked value by value (`files`), and the job that
//! `pmf compute` hands to the embedded engine, the `pmf-engine` program, with its answer read
//! back (`engine`).
//!
//! A back end: it reads the IR and nothing of the checker or the parser. It touches no file.

pub mod date;
pub mod engine;
pub mod files;
pub mod sql;
