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
        // The text `pmf validate` writes on its checking threads is the report's own.
        let text_only = pmf::validate::validate(
            ir,
            vec![(name.to_string(), Ok(data.to_vec()))],
            pmf::validate::Options {
                indicators: true,
                text_only: Some(false),
                ..Default::default()
            },
        );
        assert_eq!(text_only.to_text(), report.to_text(), "the text written while checking");
        assert_eq!(text_only.exit_code(), report.exit_code());
    }
});
