//! The shapes of codes: metric codes (`AD/001`), item codes (`AD/002a`), indicator codes
//! (`PI/AD/01`).

/// True when the code names a breakdown item (ends in a lower-case letter): `AD/002a`.
pub fn is_item_code(code: &str) -> bool {
    code.chars().last().is_some_and(|c| c.is_ascii_lowercase())
}

/// The metric code of an item code: `AD/002a` → `AD/002`.
pub fn metric_of_item(code: &str) -> &str {
    if is_item_code(code) {
        &code[..code.len() - 1]
    } else {
        code
    }
}

/// Whether a code has the form of a metric code, `AD/001`, optionally with an item letter.
pub fn is_metric_code(code: &str) -> bool {
    let Some((prefix, rest)) = code.split_once('/') else {
        return false;
    };
    let digits = rest.trim_end_matches(|c: char| c.is_ascii_lowercase());
    (2..=5).contains(&prefix.len())
        && prefix.chars().all(|c| c.is_ascii_uppercase())
        && digits.len() == 3
        && digits.chars().all(|c| c.is_ascii_digit())
        && rest.len() - digits.len() <= 1
}

/// Whether a code has the form of an indicator code, `PI/AD/01`.
pub fn is_indicator_code(code: &str) -> bool {
    let parts: Vec<&str> = code.split('/').collect();
    matches!(parts.as_slice(), [pi, p, n]
        if *pi == "PI" && (2..=5).contains(&p.len()) && p.chars().all(|c| c.is_ascii_uppercase())
            && (2..=3).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit()))
}
