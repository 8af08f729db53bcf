//! Any bytes as a return in tidy CSV and in JSON, validated against the shipped spec: nothing
//! may panic, the text report is safe on a terminal, the JSON report parses, and every finding
//! is counted.

#![no_main]

mod common;

use common::pmf;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let ir = common::shipped();
    for name in ["return.csv", "return.json"] {
        let report = pmf::validate::validate(
            ir,
            vec![(name.to_string(), Ok(data.to_vec()))],
            pmf::validate::Options {
                indicators: true,
                ..Default::default()
            },
        );
        common::check_report(&report);
    }
});
