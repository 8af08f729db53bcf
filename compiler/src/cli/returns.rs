//! Reading a return's file for `validate`, `template --prefill` and `migrate`: regular files
//! only (a named pipe would wait for ever, a link to /dev/zero would never end), and no more
//! than `MAX_RETURN_BYTES`, checked before and while reading.

use std::io::Read;
use std::path::Path;

/// The largest return read: every authority's returns for ten years in one tidy CSV are under
/// 5 MB, and a workbook is refused beyond `pmf::validate::read::MAX_XLSX_BYTES` anyway.
pub const MAX_RETURN_BYTES: u64 = 64 * 1024 * 1024;

/// The bytes of a return's file, or why it cannot be read (lowercase, for "cannot open the
/// file: ...").
pub fn read_return(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.is_dir() {
        return Err("it is a folder; give the return's file".into());
    }
    if !meta.is_file() {
        return Err(
            "it is not a regular file (a device, a pipe or a socket); give the return's file"
                .into(),
        );
    }
    let too_big = |n: u64| {
        format!(
            "it is {} MB, and a return is at most {} MB",
            n.div_ceil(1024 * 1024),
            MAX_RETURN_BYTES / (1024 * 1024)
        )
    };
    if meta.len() > MAX_RETURN_BYTES {
        return Err(too_big(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(MAX_RETURN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_RETURN_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}
