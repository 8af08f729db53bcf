//! Warnings allowed with a written reason: `allow CODE "reason"` on an item covers the warnings
//! inside it; at the top level of a file it covers the whole file. An error cannot be allowed,
//! an allow needs a reason, and an allow that allows nothing is itself a warning.

use crate::diag::{Code, Diagnostic, Severity};
use crate::ir::{AllowedWarning, SourceRef};
use crate::model::{Allow, Declarations, Loc};
use crate::source::Sources;

struct Scope<'a> {
    allow: &'a Allow,
    /// The item it sits in (none for a file-wide allow), and its name.
    item: Option<(&'a Loc, String)>,
}

pub fn apply(decls: &Declarations, sources: &Sources, diags: &mut Vec<Diagnostic>) {
    let mut scopes: Vec<Scope> = Vec::new();
    for a in &decls.file_allows {
        scopes.push(Scope {
            allow: a,
            item: None,
        });
    }
    for m in &decls.metrics {
        scopes.extend(m.allows.iter().map(|a| Scope {
            allow: a,
            item: Some((&m.loc, m.code.clone())),
        }));
    }
    for i in &decls.indicators {
        scopes.extend(i.allows.iter().map(|a| Scope {
            allow: a,
            item: Some((&i.loc, i.code.clone())),
        }));
    }
    for r in &decls.rules {
        scopes.extend(r.allows.iter().map(|a| Scope {
            allow: a,
            item: Some((&r.loc, r.id.clone())),
        }));
    }
    let mut used = vec![false; scopes.len()];
    let mut extra = Vec::new();
    for (si, s) in scopes.iter().enumerate() {
        let a = s.allow;
        let Some(code) = a.code else { continue };
        if code.info().severity == Severity::Error {
            extra.push(
                Diagnostic::new(
                    Code::CannotAllowError,
                    a.loc.file,
                    a.loc.span.clone(),
                    format!(
                        "{} is an error, and an error cannot be allowed",
                        code.as_str()
                    ),
                )
                .label("not allowed")
                .help("fix the problem instead; only warnings can be accepted with a reason"),
            );
            used[si] = true;
            continue;
        }
        let reason = a
            .reason
            .as_ref()
            .map(|t| t.en.value.trim().to_string())
            .filter(|r| !r.is_empty());
        let Some(reason) = reason else {
            extra.push(
                Diagnostic::new(Code::AllowWithoutReason, a.loc.file, a.loc.span.clone(), format!("this allow of {} gives no reason", code.as_str()))
                    .label("no reason")
                    .help(format!("write `allow {} \"why this warning is expected\"`; the reason is printed in the guidance", code.as_str())),
            );
            used[si] = true;
            continue;
        };
        for d in diags.iter_mut() {
            if d.code != code
                || d.severity == Severity::Error
                || d.allowed.is_some()
                || d.primary.file != a.loc.file
            {
                continue;
            }
            let inside = match &s.item {
                Some((loc, _)) => {
                    loc.span.start <= d.primary.span.start && d.primary.span.end <= loc.span.end
                }
                None => true,
            };
            if inside {
                d.allowed = Some(reason.clone());
                d.notes.push(match &s.item {
                    Some((_, name)) => format!("allowed on {name}"),
                    None => "allowed for this file".to_string(),
                });
                used[si] = true;
            }
        }
    }
    for (si, s) in scopes.iter().enumerate() {
        if !used[si] && s.allow.code.is_some() {
            let a = s.allow;
            extra.push(
                Diagnostic::new(
                    Code::UnusedAllow,
                    a.loc.file,
                    a.loc.span.clone(),
                    format!("nothing here raises {}", a.code_text),
                )
                .label("allows nothing")
                .help("remove the allow; it may be left over from a fix"),
            );
        }
    }
    let _ = sources;
    diags.extend(extra);
}

/// The warnings that were allowed, for the IR and the guidance.
pub fn allowed_list(diags: &[Diagnostic], sources: &Sources) -> Vec<AllowedWarning> {
    diags
        .iter()
        .filter_map(|d| {
            let reason = d.allowed.clone()?;
            let f = sources.get(d.primary.file);
            let line = f.line_col(d.primary.span.start).0;
            let item = d
                .notes
                .iter()
                .find_map(|n| n.strip_prefix("allowed on ").map(str::to_string));
            Some(AllowedWarning {
                code: d.code.as_str().to_string(),
                message: d.message.clone(),
                reason,
                location: SourceRef {
                    file: std::path::Path::new(&f.path)
                        .file_name()
                        .map_or(f.path.clone(), |n| n.to_string_lossy().into_owned()),
                    line,
                },
                item,
            })
        })
        .collect()
}
