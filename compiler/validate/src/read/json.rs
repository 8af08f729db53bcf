//! JSON submissions, as described by `generated/templates/submission.schema.json`:
//! `{"submissions": [{"authority", "period", "contact", "values": [{"code", "value", "status",
//! "comment"}], "exceptions": [{"rule", "explanation"}]}]}`, or one submission object alone.
//! Places are JSON pointers. A key given twice in one object is reported where it is (JSON
//! readers differ on which one they keep; this one keeps the last).

use super::Input;
use crate::submission::{Contact, Entry, Exception, Place, Raw, ReadError, Site, Submission};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::cell::RefCell;

/// The most duplicated keys listed one by one; the others are counted.
const MAX_DUPLICATES: usize = 20;

/// Keys given more than once, found while the document is read.
#[derive(Default)]
struct Duplicates {
    /// The JSON pointer of the value being read.
    path: RefCell<String>,
    found: RefCell<Vec<(String, String)>>,
    more: RefCell<usize>,
}

/// Reads a value as `serde_json::Value` does, noting duplicated keys with their pointers.
struct Seed<'a>(&'a Duplicates);

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        loop {
            let len = self.0.path.borrow().len();
            self.0
                .path
                .borrow_mut()
                .push_str(&format!("/{}", out.len()));
            let next = seq.next_element_seed(Seed(self.0));
            self.0.path.borrow_mut().truncate(len);
            match next? {
                Some(v) => out.push(v),
                None => return Ok(Value::Array(out)),
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(k) = map.next_key::<String>()? {
            let len = self.0.path.borrow().len();
            self.0
                .path
                .borrow_mut()
                .push_str(&format!("/{}", k.replace('~', "~0").replace('/', "~1")));
            let v = map.next_value_seed(Seed(self.0));
            if v.is_ok() && out.contains_key(&k) {
                let mut found = self.0.found.borrow_mut();
                if found.len() < MAX_DUPLICATES {
                    let p: String = self.0.path.borrow().chars().take(300).collect();
                    found.push((p, k.clone()));
                } else {
                    *self.0.more.borrow_mut() += 1;
                }
            }
            self.0.path.borrow_mut().truncate(len);
            out.insert(k, v?);
        }
        Ok(Value::Object(out))
    }
}

pub fn read(name: &str, bytes: &[u8]) -> Result<Input, ReadError> {
    let w = super::words();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let dups = Duplicates::default();
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let doc: Value = Seed(&dups)
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|_| v))
        .map_err(|e| {
            ReadError::new(
                Site::new(name, Place::Line { line: e.line() }),
                w.fill("json.invalid", &[("error", &e.to_string())]),
            )
        })?;
    let shared: std::sync::Arc<str> = std::sync::Arc::from(name);
    let at = |p: String| Site::in_file(&shared, Place::Pointer { pointer: p });
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
                    w.get("json.submissions_list"),
                )
                .help(w.get("json.schema_help")))
            }
            None if o.contains_key("values") => vec![(String::new(), &doc)],
            None => {
                return Err(ReadError::new(at(String::new()), w.get("json.neither"))
                    .help(w.get("json.schema_help")))
            }
        },
        _ => {
            return Err(ReadError::new(at(String::new()), w.get("json.object"))
                .help(w.get("json.schema_help")))
        }
    };
    if list.is_empty() {
        return Err(
            ReadError::new(at("/submissions".into()), w.get("json.empty"))
                .help(w.get("json.schema_help")),
        );
    }
    let duplicates = dups.found.into_inner();
    for (p, k) in &duplicates {
        let inside = list
            .iter()
            .any(|(base, _)| p.starts_with(&format!("{base}/")));
        if !inside {
            return Err(ReadError::new(
                at(p.clone()),
                w.fill(
                    "json.duplicate_key_top",
                    &[("key", &crate::engine::quoted(k))],
                ),
            )
            .help(w.get("json.keep_one")));
        }
    }
    let mut more = dups.more.into_inner();
    for (base, v) in list {
        let Value::Object(o) = v else {
            return Err(ReadError::new(at(base), w.get("json.must_be_object")));
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
                        sub.problem("input.row", false, w.get("json.value_object"), at(p));
                        continue;
                    };
                    let code = text(e.get("code"));
                    if code.is_empty() {
                        sub.problem("input.row", false, w.get("json.value_no_code"), at(p));
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
                w.get("json.values_list"),
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
        let prefix = format!("{base}/");
        let mine: Vec<&(String, String)> = duplicates
            .iter()
            .filter(|(p, _)| p.starts_with(&prefix))
            .collect();
        for (p, k) in &mine {
            sub.problem(
                "input.duplicate_key",
                false,
                w.fill("json.duplicate_key", &[("key", &crate::engine::quoted(k))]),
                at(p.clone()),
            );
        }
        if more > 0 && !mine.is_empty() {
            sub.problem(
                "input.duplicate_key",
                false,
                w.fill("json.more_duplicates", &[("n", &more.to_string())]),
                at(base.clone()),
            );
            more = 0;
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
