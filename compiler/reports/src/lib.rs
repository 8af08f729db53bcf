//! pmf-reports: what the returns are for. Many returns (several authorities, years and
//! editions) are read into a `Panel` of observations whose flags are data (StatsWales' x, z, p,
//! r, b, a new measure, a part-year figure); the director's annual report of one authority is
//! built from it (`report`) and written as Markdown, CSV, HTML (`render`), a Word document
//! (`docx`) or a PDF (`pdf`). The national comparison of every authority with Wales, per
//! indicator, with confidence intervals and funnel plots (pmf-stats), is built by `national` and
//! written by `national_render` (and `pdf`).
//!
//! Invariants: it reads only IRs and the bytes of returns (the command line reads the files);
//! its outputs depend on nothing else (no clock, no hash-map order); every text is escaped for
//! the format it is written into; fixed wording comes from `strings.json`.

pub mod docx;
pub mod national;
pub mod national_render;
pub mod panel;
pub mod pdf;
pub mod render;
pub mod report;
pub mod strings;

pub use national::{national_comparison, NationalComparison, NationalOptions, Populations};
pub use panel::{Editions, Flag, Panel};
pub use report::{director_report, DirectorReport, Options};
