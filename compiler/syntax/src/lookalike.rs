//! Letters from other alphabets that look like Latin ones: `АD/003` with a Cyrillic `А` reads as
//! a code but is not one. When a word the compiler cannot use holds such a letter, the message
//! says which letter it is, so the author can retype it.

/// The Latin letter or digit that `c` looks like, for the Cyrillic and Greek letters that are
/// easily mistaken for one, and the fullwidth forms.
pub fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        // Cyrillic capitals and small letters.
        'А' => 'A',
        'В' => 'B',
        'С' => 'C',
        'Е' => 'E',
        'Н' => 'H',
        'І' => 'I',
        'Ј' => 'J',
        'К' => 'K',
        'М' => 'M',
        'О' => 'O',
        'Р' => 'P',
        'Ѕ' => 'S',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        'а' => 'a',
        'с' => 'c',
        'е' => 'e',
        'і' => 'i',
        'ј' => 'j',
        'о' => 'o',
        'р' => 'p',
        'ѕ' => 's',
        'х' => 'x',
        'у' => 'y',
        // Greek capitals and small letters.
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        'ο' => 'o',
        'ν' => 'v',
        // Fullwidth ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21)?,
        _ => return None,
    })
}

/// A note for a word that holds a look-alike letter: which letter, and what to type instead.
pub fn note(word: &str) -> Option<String> {
    let (c, latin) = word
        .chars()
        .find_map(|c| latin_lookalike(c).map(|l| (c, l)))?;
    let fixed: String = word
        .chars()
        .map(|c| latin_lookalike(c).unwrap_or(c))
        .collect();
    Some(format!(
        "`{c}` (U+{:04X}) is not the Latin letter `{latin}`, though it looks like it; did you mean `{fixed}`? retype the word",
        c as u32
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cyrillic_a_in_a_code() {
        let n = note("\u{0410}D/003").expect("a note");
        assert!(n.contains("U+0410") && n.contains("`AD/003`"), "{n}");
        assert!(note("AD/003").is_none());
        assert_eq!(latin_lookalike('\u{FF21}'), Some('A'));
    }
}
