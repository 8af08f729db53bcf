//! Turning string literals into values: escapes in `"..."`, indentation in `"""..."""`.

use super::ast::StrLit;

/// The value of a `"..."` literal whose text (quotes included) starts at `base` in the file.
/// The grammar has already checked the escapes, so an unknown one cannot occur; it is kept
/// literally should it ever do.
pub fn simple(lit: &str, base: usize) -> StrLit {
    let inner = &lit[1..lit.len() - 1];
    if memchr::memchr(b'\\', inner.as_bytes()).is_none() {
        // Most texts have no escape: the value is the text between the quotes, one run.
        return StrLit {
            value: inner.to_string(),
            triple: false,
            segments: vec![(0, base + 1)],
        };
    }
    let mut value = String::with_capacity(inner.len());
    let mut segments = vec![(0, base + 1)];
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            value.push(c);
            continue;
        }
        let decoded = match chars.next() {
            Some((_, 'n')) => Some('\n'),
            Some((_, 't')) => Some('\t'),
            Some((_, '"')) => Some('"'),
            Some((_, '\\')) => Some('\\'),
            Some((j, 'u')) => {
                let rest = &inner[j + 1..];
                let end = rest.find('}').unwrap_or(0);
                let decoded = rest
                    .get(1..end)
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32);
                for _ in 0..=end {
                    chars.next();
                }
                Some(decoded.unwrap_or('\u{FFFD}'))
            }
            Some((_, other)) => {
                value.push('\\');
                Some(other)
            }
            None => None,
        };
        if let Some(d) = decoded {
            value.push(d);
        }
        let next = chars.peek().map_or(inner.len(), |(j, _)| *j);
        let _ = i;
        segments.push((value.len(), base + 1 + next));
    }
    StrLit {
        value,
        triple: false,
        segments,
    }
}

/// The value of a `"""..."""` literal starting at `base`: the text as written, without the
/// line break after the opening quotes, the indentation before the closing quotes, and the
/// indentation that all its lines share.
pub fn triple(lit: &str, base: usize) -> StrLit {
    let inner = &lit[3..lit.len() - 3];
    let inner_base = base + 3;
    if !inner.contains('\n') {
        return StrLit {
            value: inner.to_string(),
            triple: true,
            segments: vec![(0, inner_base)],
        };
    }
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for line in inner.split('\n') {
        lines.push((pos, line.strip_suffix('\r').unwrap_or(line)));
        pos += line.len() + 1;
    }
    if lines.first().is_some_and(|(_, l)| l.trim().is_empty()) {
        lines.remove(0);
    }
    if lines.last().is_some_and(|(_, l)| l.trim().is_empty()) {
        lines.pop();
    }
    let indent = lines
        .iter()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(_, l)| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let mut value = String::with_capacity(inner.len());
    let mut segments = Vec::with_capacity(lines.len());
    for (n, (off, line)) in lines.iter().enumerate() {
        if n > 0 {
            value.push('\n');
        }
        let cut = indent.min(line.len());
        segments.push((value.len(), inner_base + off + cut));
        if !line.trim().is_empty() {
            value.push_str(&line[cut..]);
        }
    }
    if segments.is_empty() {
        segments.push((0, inner_base));
    }
    StrLit {
        value,
        triple: true,
        segments,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        let s = simple(r#""a\"b\\c\u{e9}\n""#, 10);
        assert_eq!(s.value, "a\"b\\cé\n");
        assert_eq!(s.source_offset(0), 11);
        assert_eq!(s.source_offset(1), 12);
        assert_eq!(s.source_offset(2), 14);
    }

    #[test]
    fn triple_removes_common_indentation() {
        let text = "\"\"\"\n    First line\n      indented\n\n    last\n  \"\"\"";
        let s = triple(text, 0);
        assert_eq!(s.value, "First line\n  indented\n\nlast");
        assert_eq!(&text[s.source_offset(0)..s.source_offset(0) + 5], "First");
        let at = s.value.find("last").unwrap();
        assert_eq!(&text[s.source_offset(at)..s.source_offset(at) + 4], "last");
    }

    #[test]
    fn triple_on_one_line_is_verbatim() {
        assert_eq!(triple("\"\"\" a * b \"\"\"", 0).value, " a * b ");
    }
}
