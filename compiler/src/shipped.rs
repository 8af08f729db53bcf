//! The shipped editions, built into the program (see build.rs), so that an officer can run
//! `pmf validate cardiff.xlsx` in the folder the return is in, with no spec beside it.

use crate::driver::Input;
use crate::source::Sources;
use std::path::PathBuf;

include!(concat!(env!("OUT_DIR"), "/shipped.rs"));

/// Where messages say a shipped file comes from.
pub const ORIGIN: &str = "(built into pmf)";

/// The shipped editions, one input per edition folder, in folder order.
pub fn inputs() -> Vec<Input> {
    let mut out: Vec<Input> = Vec::new();
    for (name, text) in FILES {
        let edition = name.split_once('/').map_or(*name, |(e, _)| e);
        let shown = format!("spec/{name} {ORIGIN}");
        match out.iter_mut().find(|i| i.name == edition) {
            Some(input) => {
                input.sources.add(shown, *text);
            }
            None => {
                let mut sources = Sources::new();
                sources.add(shown, *text);
                out.push(Input {
                    name: edition.to_string(),
                    paths: vec![PathBuf::from("spec").join(edition)],
                    sources,
                    diagnostics: Vec::new(),
                });
            }
        }
    }
    out
}

/// The ids of the editions built in, as their folders name them.
pub fn editions() -> Vec<&'static str> {
    let mut ids: Vec<&str> = FILES
        .iter()
        .map(|(n, _)| n.split_once('/').map_or(*n, |(e, _)| e))
        .collect();
    ids.dedup();
    ids
}
