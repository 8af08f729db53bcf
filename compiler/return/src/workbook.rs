//! The workbook's layout contract: the header labels, defined names and sheet names that the
//! XLSX template writes and the reader looks for. One definition, so the two cannot drift.

use pmf_ir::Part;

/// Header labels the template writes and the reader looks for.
pub const H_CODE: &str = "Code";
pub const H_VALUE: &str = "Value";
pub const H_STATUS: &str = "Status if no value";
pub const H_COMMENT: &str = "Comment";
pub const H_RULE: &str = "Rule";
pub const H_EXPLANATION: &str = "Explanation";
/// Defined names of the cover's input cells.
pub const N_AUTHORITY: &str = "Authority";
pub const N_PERIOD: &str = "Period";
pub const N_CONTACT: [&str; 4] = ["ContactName", "ContactRole", "ContactEmail", "ContactPhone"];
/// The label beside the authority cell, found when the defined names are gone.
pub const L_AUTHORITY: &str = "Local authority";
pub const L_PERIOD: &str = "Period (financial year)";

/// The sheet a part's values are on: its id in words ("adult_carers" → "Adult carers"), which
/// is short and stable where titles are long.
pub fn part_sheet_name(part: &Part) -> String {
    let mut s: String = part
        .id
        .chars()
        .map(|c| if c == '_' { ' ' } else { c })
        .filter(|c| !"[]:*?/\\'".contains(*c))
        .collect();
    if let Some(f) = s.get(..1) {
        s = f.to_uppercase() + &s[1..];
    }
    s.chars().take(31).collect()
}

/// `(0, 2)` → `C1`.
pub fn a1(row: u32, col: u32) -> String {
    let mut letters = String::new();
    let mut c = u64::from(col) + 1;
    while c > 0 {
        let r = ((c - 1) % 26) as u8;
        letters.insert(0, (b'A' + r) as char);
        c = (c - 1) / 26;
    }
    format!("{letters}{}", u64::from(row) + 1)
}
