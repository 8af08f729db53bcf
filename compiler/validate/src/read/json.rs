//! JSON submissions, as described by `generated/templates/submission.schema.json`:
//! `{"submissions": [{"authority", "period", "contact", "values": [{"code", "value", "status",
//! "comment"}], "exceptions": [{"rule", "explanation"}]}]}`, or one submission object alone.
//! Places are JSON pointers.

use super::Input;
use crate::submission::{Contact, Entry, Exception, Place, Raw, ReadError, Site, Submission};
use serde_json::Value;

pub fn read(name: &str, bytes: &[u8]) -> Result<Input, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| {
        ReadError::new(
            Site::new(name, Place::Line { line: e.line() }),
            format!("this is not valid JSON: {e}"),
        )
    })?;
    let at = |p: String| Site::new(name, Place::Pointer { pointer: p });
    let mut input = Input::default();
    let list: Vec<(String, &Value)> = match &doc {
        Value::Object(o) => match o.get("submissions") {
            Some(Value::Array(a)) => a
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("/submissions/{i}"), v))
                .collect(),
            Some(_) => {
                return Err(ReadError::new(
                    at("/submissions".into()),
                    "`submissions` must be a list",
                )
                .help("see generated/templates/submission.schema.json"))
            }
            None if o.contains_key("values") => vec![(String::new(), &doc)],
            None => {
                return Err(ReadError::new(
                    at(String::new()),
                    "this JSON has neither `submissions` nor `values`",
                )
                .help("see generated/templates/submission.schema.json"))
            }
        },
        _ => {
            return Err(
                ReadError::new(at(String::new()), "a submission in JSON is an object")
                    .help("see generated/templates/submission.schema.json"),
            )
        }
    };
    for (base, v) in list {
        let Value::Object(o) = v else {
            return Err(ReadError::new(at(base), "a submission must be an object"));
        };
        let mut sub = Submission::new(name);
        sub.authority = text(o.get("authority"));
        sub.authority_site = at(format!("{base}/authority"));
        sub.period = text(o.get("period"));
        sub.period_site = at(format!("{base}/period"));
        sub.absent_site = at(format!("{base}/values"));
        if let Some(Value::Object(c)) = o.get("contact") {
            let f = |k: &str| Some(text(c.get(k))).filter(|s| !s.is_empty());
            sub.contact = Contact {
                name: f("name"),
                role: f("role"),
                email: f("email"),
                phone: f("phone"),
            };
        }
        match o.get("values") {
            Some(Value::Array(vals)) => {
                for (i, e) in vals.iter().enumerate() {
                    let p = format!("{base}/values/{i}");
                    let Value::Object(e) = e else {
                        sub.problem(
                            "input.row",
                            false,
                            "a value must be an object with a code".into(),
                            at(p),
                        );
                        continue;
                    };
                    let code = text(e.get("code"));
                    if code.is_empty() {
                        sub.problem("input.row", false, "this value has no code".into(), at(p));
                        continue;
                    }
                    let raw = match e.get("value") {
                        None | Some(Value::Null) => Raw::Blank,
                        Some(Value::Number(n)) => match n.as_f64() {
                            Some(f) => Raw::Number(f),
                            None => Raw::Text(n.to_string()),
                        },
                        Some(Value::String(s)) => Raw::from_text(s),
                        Some(other) => Raw::Text(other.to_string()),
                    };
                    let opt = |k: &str| Some(text(e.get(k))).filter(|s| !s.is_empty());
                    sub.entries.push(Entry {
                        code,
                        raw,
                        status: opt("status"),
                        comment: opt("comment"),
                        site: at(format!("{p}/value")),
                    });
                }
            }
            None | Some(Value::Null) => {}
            Some(_) => sub.problem(
                "input.row",
                false,
                "`values` must be a list".into(),
                at(format!("{base}/values")),
            ),
        }
        if let Some(Value::Array(xs)) = o.get("exceptions") {
            for (i, x) in xs.iter().enumerate() {
                let rule = text(x.get("rule"));
                if rule.is_empty() {
                    continue;
                }
                sub.exceptions.push(Exception {
                    rule,
                    explanation: text(x.get("explanation")),
                    site: at(format!("{base}/exceptions/{i}")),
                });
            }
        }
        input.submissions.push(sub);
    }
    Ok(input)
}

/// A JSON value as text: strings as they are (trimmed of spaces), numbers written out.
fn text(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => crate::values::trim(s).to_string(),
        Some(other) => other.to_string(),
    }
}
