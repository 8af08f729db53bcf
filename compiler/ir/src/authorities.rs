//! The 22 Welsh local authorities that make a return, with their ONS (GSS) codes.
//!
//! Shipped as data in the program: the template's authority list, the validator's check of the
//! authority of a submission, and the generated SQL and Python all read this one table.
//! W06000007 and W06000017 are not used (they belonged to earlier boundaries).

/// One local authority: its ONS code and its names in English and Welsh.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Authority {
    pub code: &'static str,
    pub name: &'static str,
    pub name_cy: &'static str,
}

impl Authority {
    /// The authority's name in `lang`.
    pub fn name_in(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::En => self.name,
            crate::Lang::Cy => self.name_cy,
        }
    }
}

/// In ONS code order.
pub const AUTHORITIES: [Authority; 22] = [
    la("W06000001", "Isle of Anglesey", "Ynys Môn"),
    la("W06000002", "Gwynedd", "Gwynedd"),
    la("W06000003", "Conwy", "Conwy"),
    la("W06000004", "Denbighshire", "Sir Ddinbych"),
    la("W06000005", "Flintshire", "Sir y Fflint"),
    la("W06000006", "Wrexham", "Wrecsam"),
    la("W06000008", "Ceredigion", "Ceredigion"),
    la("W06000009", "Pembrokeshire", "Sir Benfro"),
    la("W06000010", "Carmarthenshire", "Sir Gâr"),
    la("W06000011", "Swansea", "Abertawe"),
    la("W06000012", "Neath Port Talbot", "Castell-nedd Port Talbot"),
    la("W06000013", "Bridgend", "Pen-y-bont ar Ogwr"),
    la("W06000014", "Vale of Glamorgan", "Bro Morgannwg"),
    la("W06000015", "Cardiff", "Caerdydd"),
    la("W06000016", "Rhondda Cynon Taf", "Rhondda Cynon Taf"),
    la("W06000018", "Caerphilly", "Caerffili"),
    la("W06000019", "Blaenau Gwent", "Blaenau Gwent"),
    la("W06000020", "Torfaen", "Tor-faen"),
    la("W06000021", "Monmouthshire", "Sir Fynwy"),
    la("W06000022", "Newport", "Casnewydd"),
    la("W06000023", "Powys", "Powys"),
    la("W06000024", "Merthyr Tydfil", "Merthyr Tudful"),
];

const fn la(code: &'static str, name: &'static str, name_cy: &'static str) -> Authority {
    Authority {
        code,
        name,
        name_cy,
    }
}

impl Authority {
    /// How a template's list shows it: "Cardiff (W06000015)".
    pub fn label(&self) -> String {
        format!("{} ({})", self.name, self.code)
    }
}

pub fn by_code(code: &str) -> Option<&'static Authority> {
    AUTHORITIES
        .iter()
        .find(|a| a.code.eq_ignore_ascii_case(code))
}

/// By English or Welsh name, ignoring case and a leading "The" ("The Vale of Glamorgan").
pub fn by_name(name: &str) -> Option<&'static Authority> {
    let n = name.trim();
    let n = n
        .strip_prefix("The ")
        .or_else(|| n.strip_prefix("the "))
        .unwrap_or(n);
    AUTHORITIES
        .iter()
        .find(|a| a.name.eq_ignore_ascii_case(n) || a.name_cy.to_lowercase() == n.to_lowercase())
}

/// Reads what a person may write for an authority: its code, its name, or a template's label
/// "Cardiff (W06000015)".
pub fn parse(text: &str) -> Option<&'static Authority> {
    let t = text.trim();
    if let Some(a) = by_code(t).or_else(|| by_name(t)) {
        return Some(a);
    }
    // A label: the code in brackets at the end.
    let inner = t.strip_suffix(')')?.rsplit_once('(')?.1;
    by_code(inner.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_two_distinct_welsh_codes_in_order() {
        let codes: Vec<&str> = AUTHORITIES.iter().map(|a| a.code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted, codes, "codes are unique and in order");
        assert_eq!(codes.len(), 22);
        assert!(codes.iter().all(|c| c.starts_with("W06") && c.len() == 9));
        assert!(!codes.contains(&"W06000007") && !codes.contains(&"W06000017"));
        assert_eq!(codes.first(), Some(&"W06000001"));
        assert_eq!(by_code("W06000024").map(|a| a.name), Some("Merthyr Tydfil"));
    }

    #[test]
    fn parses_codes_names_and_labels() {
        assert_eq!(parse("W06000015").map(|a| a.name), Some("Cardiff"));
        assert_eq!(parse("cardiff").map(|a| a.code), Some("W06000015"));
        assert_eq!(parse("Caerdydd").map(|a| a.code), Some("W06000015"));
        assert_eq!(
            parse("The Vale of Glamorgan").map(|a| a.code),
            Some("W06000014")
        );
        assert_eq!(
            parse("Isle of Anglesey (W06000001)").map(|a| a.code),
            Some("W06000001")
        );
        assert_eq!(parse("Bristol"), None);
        assert_eq!(parse("W06000007"), None);
    }
}
