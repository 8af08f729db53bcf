//! The workbook's layout contract: the header labels, defined names and sheet names that the
//! XLSX template writes and the reader looks for. One definition, so the two cannot drift.

use pmf_ir::{Lang, Part};

/// A label of the layout, in both languages: the template writes the one of its language, and
/// the reader accepts either, so a Welsh workbook validates as an English one does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    pub en: &'static str,
    pub cy: &'static str,
}

impl Label {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Cy => self.cy,
        }
    }

    /// Whether a cell's text starts with this label in either language (ignoring ASCII case):
    /// "Status if no value" and "Status" are both the status column.
    pub fn starts(&self, cell: &str) -> bool {
        let at = |label: &str| {
            cell.as_bytes()
                .get(..label.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(label.as_bytes()))
        };
        at(self.en) || at(self.cy)
    }
}

/// Header labels the template writes and the reader looks for.
pub const H_CODE: Label = Label {
    en: "Code",
    cy: "Cod",
};
pub const H_VALUE: Label = Label {
    en: "Value",
    cy: "Gwerth",
};
pub const H_STATUS: Label = Label {
    en: "Status if no value",
    cy: "Statws os nad oes gwerth",
};
/// The start of the status column's header that the reader accepts.
pub const H_STATUS_SHORT: Label = Label {
    en: "Status",
    cy: "Statws",
};
pub const H_COMMENT: Label = Label {
    en: "Comment",
    cy: "Sylw",
};
pub const H_RULE: Label = Label {
    en: "Rule",
    cy: "Rheol",
};
pub const H_EXPLANATION: Label = Label {
    en: "Explanation",
    cy: "Esboniad",
};
/// Defined names of the cover's input cells.
pub const N_AUTHORITY: &str = "Authority";
pub const N_PERIOD: &str = "Period";
pub const N_CONTACT: [&str; 4] = ["ContactName", "ContactRole", "ContactEmail", "ContactPhone"];
/// The label beside the authority cell, found when the defined names are gone.
pub const L_AUTHORITY: Label = Label {
    en: "Local authority",
    cy: "Awdurdod lleol",
};
pub const L_PERIOD: Label = Label {
    en: "Period (financial year)",
    cy: "Cyfnod (blwyddyn ariannol)",
};

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
