//! Case records and counting rules (issue 18; the meaning of every construct is
//! `compiler/doc/records.md`): the rules written as SQL for DuckDB, PostgreSQL and Spark
//! (`sql`), an authority's record files checked value by value (`files`), and the embedded
//! engine that runs the DuckDB script over them in process (`engine`), from which `pmf compute`
//! writes a return.
//!
//! A back end: it reads the IR and nothing of the checker or the parser. It touches no file
//! but a Parquet file the command line names (DuckDB reads it by its path).

pub mod date;
pub mod engine;
pub mod files;
pub mod sql;
