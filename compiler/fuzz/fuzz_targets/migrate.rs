//! Any bytes as a return (tidy CSV, or JSON when the first byte is `{`) carried from the
//! shipped edition to a revision of it: nothing may panic, the report is safe on a terminal,
//! and the migrated return is written as the new edition's CSV template.

#![no_main]

mod common;

use common::pmf;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (old, new) = (common::shipped(), common::revised());
    let name = if data.first() == Some(&b'{') { "old.json" } else { "old.csv" };
    let Ok(input) = pmf::validate::read_isolated(name, data, old) else {
        return;
    };
    for sub in input.submissions.iter().take(4) {
        let (migrated, report) = pmf::migrate::migrate(old, new, sub);
        common::assert_terminal_safe("the migration report", &pmf::migrate::render_text(&report));
        serde_json::to_string(&report).expect("the report as JSON");
        let fill = pmf::gen::templates::Fill {
            submission: Some(&migrated),
            ..Default::default()
        };
        let _ = pmf::gen::templates::csv::template(new, &fill);
    }
});
