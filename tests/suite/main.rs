//! The integration suite: one test binary for every data-driven folder under tests/.
//! Set UPDATE_EXPECT=1 to write missing or changed expected outputs, then review the diff.

mod common;
mod diagnostics;
mod explain;
mod formatter;
mod reference;
mod spec;
