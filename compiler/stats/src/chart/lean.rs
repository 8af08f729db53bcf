//! Makes plotters' SVG lean: a page of small multiples holds hundreds of charts, and plotters
//! writes every element with its full style.
//!
//! - numbers in coordinates and sizes are rounded to one decimal (plotters writes font sizes
//!   such as `9.67741935483871`);
//! - what SVG gives by default or by inheritance is not repeated: `opacity="1"`, `stroke="none"`
//!   on a filled shape, black `fill` on text, and `font-family="sans-serif"` (said once, on the
//!   root, and inherited);
//! - consecutive lines and polylines of the same style (the dashes of a dashed line, a grid's
//!   lines) become one `<path>` of several subpaths.
//!
//! The rendering is unchanged: plotters' output is flat (no groups), so a removed attribute
//! falls back to the SVG default, or to the root's font family. Text content, ids, `<title>`
//! and `<desc>` pass through as they are.

/// One piece of plotters' SVG: a tag with its attributes, or the text between tags.
enum Piece<'a> {
    Tag {
        name: &'a str,
        attrs: Vec<(&'a str, String)>,
        /// `</name>`.
        closing: bool,
        /// `<name .../>`.
        empty: bool,
    },
    Text(&'a str),
}

/// Attributes whose value is a list of numbers (or one), rounded to one decimal.
const NUMERIC: [&str; 13] = [
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "font-size",
    "stroke-width",
    "points",
    "d",
];

/// The lean form of `svg` (plotters' output, before the title and description are added).
/// Input this module does not recognise as a tag passes through unchanged.
pub(crate) fn lean_svg(svg: &str) -> String {
    let pieces = parse(svg);
    let mut out = String::with_capacity(svg.len() / 2);
    let mut sans = false;
    let mut cleaned: Vec<Piece<'_>> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match piece {
            Piece::Tag {
                name,
                attrs,
                closing,
                empty,
            } if name != "svg" => {
                let mut kept = Vec::with_capacity(attrs.len());
                for (key, value) in attrs {
                    let default = match key {
                        "opacity" => value == "1",
                        "stroke" => value == "none" && name != "svg",
                        "fill" => name == "text" && value == "#000000",
                        "font-family" => {
                            let is_sans = value == "sans-serif";
                            sans |= is_sans;
                            is_sans
                        }
                        _ => false,
                    };
                    if !default {
                        let value = if NUMERIC.contains(&key) {
                            round_numbers(&value)
                        } else {
                            value
                        };
                        kept.push((key, value));
                    }
                }
                cleaned.push(Piece::Tag {
                    name,
                    attrs: kept,
                    closing,
                    empty,
                });
            }
            other => cleaned.push(other),
        }
    }
    let mut i = 0;
    while i < cleaned.len() {
        match &cleaned[i] {
            Piece::Tag {
                name: "svg",
                attrs,
                closing: false,
                ..
            } => {
                out.push_str("<svg");
                for (k, v) in attrs {
                    push_attr(&mut out, k, v);
                }
                if sans {
                    push_attr(&mut out, "font-family", "sans-serif");
                }
                out.push('>');
                i += 1;
            }
            Piece::Tag {
                name: name @ ("line" | "polyline"),
                attrs,
                closing: false,
                empty: true,
            } => {
                // A run of lines or polylines of one style, as one path.
                let style = style_of(name, attrs);
                let mut d = String::new();
                let mut j = i;
                while let Some(Piece::Tag {
                    name: n @ ("line" | "polyline"),
                    attrs: a,
                    closing: false,
                    empty: true,
                }) = cleaned.get(j)
                {
                    if style_of(n, a) != style {
                        break;
                    }
                    match subpath(n, a) {
                        Some(s) => d.push_str(&s),
                        None => break,
                    }
                    j += 1;
                    // Skip the line break between two elements of the run.
                    if let (Some(Piece::Text(t)), Some(Piece::Tag { name: next, .. })) =
                        (cleaned.get(j), cleaned.get(j + 1))
                    {
                        if t.trim().is_empty() && matches!(*next, "line" | "polyline") {
                            j += 1;
                        }
                    }
                }
                if d.is_empty() {
                    write_tag(&mut out, &cleaned[i]);
                    i += 1;
                } else {
                    out.push_str("<path");
                    for (k, v) in &style {
                        push_attr(&mut out, k, v);
                    }
                    push_attr(&mut out, "d", &d);
                    out.push_str("/>");
                    // A trailing line break eaten by the loop is written back.
                    if matches!(cleaned.get(j - 1), Some(Piece::Text(_))) {
                        out.push('\n');
                    }
                    i = j;
                }
            }
            piece => {
                write_tag(&mut out, piece);
                i += 1;
            }
        }
    }
    out
}

/// The style of a line or polyline: its attributes other than its geometry, with `fill="none"`
/// (a line has no fill, so the path that replaces it must have none).
fn style_of<'a>(name: &str, attrs: &[(&'a str, String)]) -> Vec<(&'a str, String)> {
    let geometry: &[&str] = if name == "line" {
        &["x1", "y1", "x2", "y2"]
    } else {
        &["points"]
    };
    let mut style: Vec<(&str, String)> = attrs
        .iter()
        .filter(|(k, _)| !geometry.contains(k) && *k != "fill")
        .cloned()
        .collect();
    let fill = attrs
        .iter()
        .find(|(k, _)| *k == "fill")
        .map(|(_, v)| v.clone());
    if name == "line" || fill.as_deref() == Some("none") {
        style.insert(0, ("fill", "none".to_string()));
    } else {
        style.insert(0, ("fill", fill.unwrap_or_default()));
    }
    style.sort();
    style
}

/// The subpath of a line (`M x1,y1 x2,y2`) or a polyline (`M` and its points); None when it
/// has no geometry this module understands or a polyline is filled.
fn subpath(name: &str, attrs: &[(&str, String)]) -> Option<String> {
    let get = |key: &str| {
        attrs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    };
    if name == "line" {
        Some(format!(
            "M{},{} {},{}",
            get("x1")?,
            get("y1")?,
            get("x2")?,
            get("y2")?
        ))
    } else {
        if get("fill").is_some_and(|f| f != "none") {
            return None;
        }
        let points = get("points")?.trim();
        if points.is_empty() {
            return None;
        }
        Some(format!("M{points}"))
    }
}

fn push_attr(out: &mut String, key: &str, value: &str) {
    out.push(' ');
    out.push_str(key);
    out.push_str("=\"");
    out.push_str(value);
    out.push('"');
}

fn write_tag(out: &mut String, piece: &Piece<'_>) {
    match piece {
        Piece::Text(t) => out.push_str(t),
        Piece::Tag {
            name,
            attrs,
            closing,
            empty,
        } => {
            out.push('<');
            if *closing {
                out.push('/');
            }
            out.push_str(name);
            for (k, v) in attrs {
                push_attr(out, k, v);
            }
            if *empty {
                out.push('/');
            }
            out.push('>');
        }
    }
}

/// Splits plotters' SVG into tags and text. Attribute values are kept escaped as they are.
/// Anything that does not read as a tag (`<!…>`, `<?…>`, a malformed tag) is kept as text.
fn parse(svg: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = svg;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            pieces.push(Piece::Text(rest));
            break;
        };
        if lt > 0 {
            pieces.push(Piece::Text(&rest[..lt]));
            rest = &rest[lt..];
        }
        match parse_tag(rest) {
            Some((piece, len)) => {
                pieces.push(piece);
                rest = &rest[len..];
            }
            None => {
                let end = rest[1..].find('<').map_or(rest.len(), |i| i + 1);
                pieces.push(Piece::Text(&rest[..end]));
                rest = &rest[end..];
            }
        }
    }
    pieces
}

/// A tag at the start of `s` (which starts with `<`) and its length in bytes.
fn parse_tag(s: &str) -> Option<(Piece<'_>, usize)> {
    let bytes = s.as_bytes();
    let mut i = 1;
    let closing = bytes.get(1) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
        i += 1;
    }
    if i == name_start {
        return None;
    }
    let name = &s[name_start..i];
    let mut attrs = Vec::new();
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        match bytes.get(i)? {
            b'>' => {
                return Some((
                    Piece::Tag {
                        name,
                        attrs,
                        closing,
                        empty: false,
                    },
                    i + 1,
                ))
            }
            b'/' if bytes.get(i + 1) == Some(&b'>') && !closing => {
                return Some((
                    Piece::Tag {
                        name,
                        attrs,
                        closing,
                        empty: true,
                    },
                    i + 2,
                ))
            }
            _ => {}
        }
        if closing {
            return None;
        }
        let key_start = i;
        while i < bytes.len() && !matches!(bytes[i], b'=' | b'>' | b'/') {
            if bytes[i].is_ascii_whitespace() {
                return None;
            }
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') || bytes.get(i + 1) != Some(&b'"') || i == key_start {
            return None;
        }
        let key = &s[key_start..i];
        let value_start = i + 2;
        let value_end = value_start + s[value_start..].find('"')?;
        attrs.push((key, s[value_start..value_end].to_string()));
        i = value_end + 1;
    }
}

/// Every number in `value` rounded to one decimal, without trailing zeros or "-0"; the other
/// characters (separators, path letters) kept.
fn round_numbers(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let signed = bytes[i] == b'-' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if bytes[i].is_ascii_digit() || signed {
            i += 1;
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            let token = &value[start..i];
            match token.parse::<f64>() {
                Ok(n) if token.contains('.') => out.push_str(&super::trimmed(n, 1)),
                _ => out.push_str(token),
            }
        } else {
            let c = value[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_rounded_to_one_decimal() {
        assert_eq!(round_numbers("9.67741935483871"), "9.7");
        assert_eq!(round_numbers("16,46 40.04,46 "), "16,46 40,46 ");
        assert_eq!(round_numbers("-0.01"), "0");
        assert_eq!(round_numbers("-3.26"), "-3.3");
    }

    #[test]
    fn defaults_go_and_runs_of_one_style_become_one_path() {
        let svg = "<svg width=\"10\" height=\"10\" xmlns=\"http://www.w3.org/2000/svg\">\n\
            <rect x=\"0\" y=\"0\" width=\"10\" height=\"10\" opacity=\"1\" fill=\"#FFFFFF\" stroke=\"none\"/>\n\
            <line opacity=\"1\" stroke=\"#EEEEEE\" stroke-width=\"1\" x1=\"1\" y1=\"2\" x2=\"3\" y2=\"2\"/>\n\
            <line opacity=\"1\" stroke=\"#EEEEEE\" stroke-width=\"1\" x1=\"1\" y1=\"4\" x2=\"3\" y2=\"4\"/>\n\
            <polyline fill=\"none\" opacity=\"1\" stroke=\"#005496\" stroke-width=\"2\" points=\"1,1 2,2 \"/>\n\
            <text x=\"5\" y=\"5\" font-family=\"sans-serif\" font-size=\"9.677\" opacity=\"1\" fill=\"#000000\">\n\
            a &lt; b\n\
            </text>\n\
            </svg>\n";
        assert_eq!(
            lean_svg(svg),
            "<svg width=\"10\" height=\"10\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\">\n\
            <rect x=\"0\" y=\"0\" width=\"10\" height=\"10\" fill=\"#FFFFFF\"/>\n\
            <path fill=\"none\" stroke=\"#EEEEEE\" stroke-width=\"1\" d=\"M1,2 3,2M1,4 3,4\"/>\n\
            <path fill=\"none\" stroke=\"#005496\" stroke-width=\"2\" d=\"M1,1 2,2\"/>\n\
            <text x=\"5\" y=\"5\" font-size=\"9.7\">\n\
            a &lt; b\n\
            </text>\n\
            </svg>\n"
        );
    }

    #[test]
    fn what_is_not_a_tag_passes_through() {
        let svg = "<svg a=\"1\">x <!-- c --> y</svg>";
        assert_eq!(lean_svg(svg), svg);
    }
}
