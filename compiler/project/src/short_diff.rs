//! A short line diff for `pmf build --check`, so a stale file shows what changed.

/// At most `limit` lines of `-old`/`+new`, from the first difference.
pub fn short_diff(old: &[u8], new: &[u8], limit: usize) -> String {
    let (o, n) = (String::from_utf8_lossy(old), String::from_utf8_lossy(new));
    let (ol, nl): (Vec<&str>, Vec<&str>) = (o.lines().collect(), n.lines().collect());
    let ops = similar::TextDiff::from_slices(&ol, &nl);
    let mut out = String::new();
    let mut shown = 0;
    for change in ops.iter_all_changes() {
        let sign = match change.tag() {
            similar::ChangeTag::Equal => continue,
            similar::ChangeTag::Delete => '-',
            similar::ChangeTag::Insert => '+',
        };
        if shown == limit {
            out.push_str("  ... (more differences not shown)\n");
            break;
        }
        out.push_str(&format!("  {sign}{}\n", change.value()));
        shown += 1;
    }
    if out.is_empty() && old != new {
        out.push_str(
            "  (the files differ in bytes that are not shown as lines, e.g. binary content)\n",
        );
    }
    out
}
