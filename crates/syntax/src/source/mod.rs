//! Source decoding: Python source bytes → UTF-8 text, as CPython's compile() does.
//!
//! Owns the UTF-8 byte-order mark, PEP 263 coding declarations on line 1 or 2,
//! the single-byte codecs the standard library's sources and tests use, and
//! CPython's errors for null bytes, undecodable bytes and unknown encodings.
//! Newlines are normalised here (`\r\n` and lone `\r` become `\n`), as CPython's
//! tokenizer translates them, so later stages only ever see `\n`.

mod charmaps;

use crate::error::{ErrorKind, SyntaxError};

/// The UTF-8 byte-order mark.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Where source bytes come from: CPython reports decoding problems slightly
/// differently for a string given to `compile()` and for a file it reads.
#[derive(Clone, Copy, Debug)]
pub enum Origin<'a> {
    /// A string or bytes object given to `compile()`/`exec()`.
    String,
    /// A file read by the interpreter (a script or an imported module).
    File(&'a str),
}

/// Decodes `source` to text with normalised newlines, or gives CPython's
/// error, as `compile()` reports it for a string.
pub fn decode_source(source: &[u8]) -> Result<String, SyntaxError> {
    decode(source, Origin::String)
}

/// Decodes `source` to text with normalised newlines, or gives the error
/// CPython reports for the source file `filename`.
pub fn decode_file_source(source: &[u8], filename: &str) -> Result<String, SyntaxError> {
    decode(source, Origin::File(filename))
}

fn decode(source: &[u8], origin: Origin<'_>) -> Result<String, SyntaxError> {
    if u32::try_from(source.len()).is_err() {
        return Err(SyntaxError::new(
            ErrorKind::OverflowError,
            "source code is too large to compile (more than 4 GiB)",
        ));
    }
    let has_bom = source.starts_with(UTF8_BOM);
    let body = if has_bom {
        &source[UTF8_BOM.len()..]
    } else {
        source
    };
    if let Some(nul) = body.iter().position(|&b| b == 0) {
        match origin {
            Origin::String => {
                return Err(SyntaxError::new(
                    ErrorKind::SyntaxError,
                    "source code string cannot contain null bytes",
                ));
            }
            Origin::File(_) => {
                // The file is read line by line: a decoding error on an
                // earlier line is met first.
                let line_start = body[..nul]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |p| p + 1);
                decode_body(&body[..line_start], has_bom, origin)?;
                let mut err = SyntaxError::new(
                    ErrorKind::SyntaxError,
                    "source code cannot contain null bytes",
                );
                err.lineno = Some(line_number_at(body, line_start));
                err.text = Some(String::from_utf8_lossy(&body[line_start..nul]).into_owned());
                return Err(err);
            }
        }
    }
    Ok(normalize_newlines(decode_body(body, has_bom, origin)?))
}

/// Decodes the source after any BOM, following its coding declaration.
fn decode_body(body: &[u8], has_bom: bool, origin: Origin<'_>) -> Result<String, SyntaxError> {
    let declaration = find_coding_declaration(body);
    match declaration {
        Some(ref decl) if decl.normal_name != "utf-8" => {
            if has_bom {
                let line = line_text(body, decl.line);
                let mut err = SyntaxError::new(
                    ErrorKind::SyntaxError,
                    format!("encoding problem: {} with BOM", decl.normal_name),
                );
                err.lineno = Some(decl.line);
                err.offset = Some(0);
                err.end_lineno = Some(decl.line);
                err.end_offset = Some(char_count(&line));
                err.text = Some(line);
                return Err(err);
            }
            // A file is decoded by a stream opened just before the newline
            // ending the declaration line, so CPython's positions count
            // from there.
            let base = match origin {
                Origin::String => 0,
                Origin::File(_) => line_end(body, decl.line).saturating_sub(1),
            };
            decode_declared(body, &decl.normal_name, base, origin)
        }
        _ => decode_utf8(body, has_bom || declaration.is_some(), origin),
    }
}

/// The 1-based line holding byte `at` of `body`.
fn line_number_at(body: &[u8], at: usize) -> u32 {
    let newlines = body[..at].iter().filter(|&&b| b == b'\n').count();
    u32::try_from(newlines + 1).unwrap_or(u32::MAX)
}

/// The byte offset just past line `lineno` (1-based) of `body`, newline included.
fn line_end(body: &[u8], lineno: u32) -> usize {
    body.iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'\n')
        .nth((lineno as usize).saturating_sub(1))
        .map_or(body.len(), |(i, _)| i + 1)
}

/// A coding declaration found on line 1 or 2.
struct CodingDeclaration {
    /// 1-based line of the declaration.
    line: u32,
    /// The encoding name after CPython's `get_normal_name`.
    normal_name: String,
}

/// Looks for `coding[:=]name` in a comment-only line 1, or line 2 when line 1
/// holds nothing but whitespace or a comment.
fn find_coding_declaration(body: &[u8]) -> Option<CodingDeclaration> {
    let mut lines = body.split_inclusive(|&b| b == b'\n');
    let first = lines.next()?;
    if let Some(name) = coding_spec_of_line(first) {
        return Some(CodingDeclaration {
            line: 1,
            normal_name: normal_encoding_name(name),
        });
    }
    if !is_blank_or_comment(first) {
        return None;
    }
    // CPython only looks at line 2 when line 1 ended with a newline.
    if !first.ends_with(b"\n") {
        return None;
    }
    let second = lines.next()?;
    coding_spec_of_line(second).map(|name| CodingDeclaration {
        line: 2,
        normal_name: normal_encoding_name(name),
    })
}

/// Whether a line holds only whitespace, optionally followed by a comment.
fn is_blank_or_comment(line: &[u8]) -> bool {
    for &b in line {
        match b {
            b'#' | b'\n' | b'\r' => return true,
            b' ' | b'\t' | b'\x0c' => {}
            _ => return false,
        }
    }
    true
}

/// The encoding name declared by a comment-only line, if any.
fn coding_spec_of_line(line: &[u8]) -> Option<&[u8]> {
    // The declaration must be in a comment that is the only thing on the line.
    let hash = line
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[hash] != b'#' {
        return None;
    }
    let mut i = hash;
    while i + 6 < line.len() + 1 {
        if line[i..].starts_with(b"coding") {
            let mut j = i + 6;
            if matches!(line.get(j), Some(b':' | b'=')) {
                j += 1;
                while matches!(line.get(j), Some(b' ' | b'\t')) {
                    j += 1;
                }
                let begin = j;
                while line
                    .get(j)
                    .is_some_and(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
                {
                    j += 1;
                }
                if j > begin {
                    return Some(&line[begin..j]);
                }
            }
        }
        i += 1;
    }
    None
}

/// CPython's `get_normal_name`: folds the utf-8 and latin-1 families to one name.
fn normal_encoding_name(raw: &[u8]) -> String {
    let raw = String::from_utf8_lossy(raw).into_owned();
    let folded: String = raw
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if folded == "utf-8" || folded.starts_with("utf-8-") {
        return "utf-8".to_owned();
    }
    for latin in ["latin-1", "iso-8859-1", "iso-latin-1"] {
        if folded == latin
            || folded
                .strip_prefix(latin)
                .is_some_and(|r| r.starts_with('-'))
        {
            return "iso-8859-1".to_owned();
        }
    }
    raw
}

/// Python's `encodings.normalize_encoding` followed by an alias lookup.
fn lookup_codec(name: &str) -> Option<&'static str> {
    let mut normalized = String::with_capacity(name.len());
    let mut pending_sep = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if pending_sep && !normalized.is_empty() {
                normalized.push('_');
            }
            pending_sep = false;
            normalized.push(c.to_ascii_lowercase());
        } else {
            pending_sep = true;
        }
    }
    let find = |key: &str| {
        charmaps::ALIASES
            .iter()
            .find(|(alias, _)| *alias == key)
            .map(|(_, codec)| *codec)
    };
    find(&normalized).or_else(|| find(&normalized.replace('.', "_")))
}

/// Decodes with a declared, non-UTF-8 codec; error positions count from `base`.
fn decode_declared(
    body: &[u8],
    name: &str,
    base: usize,
    origin: Origin<'_>,
) -> Result<String, SyntaxError> {
    let Some(codec) = lookup_codec(name) else {
        return Err(unlocated(format!("unknown encoding: {name}")));
    };
    if codec == "utf-8" {
        return decode_utf8(body, true, origin);
    }
    let Some((_, table)) = charmaps::CHARMAPS.iter().find(|(n, _)| *n == codec) else {
        return Err(unlocated(format!("unknown encoding: {name}")));
    };
    let mut text = String::with_capacity(body.len() + body.len() / 4);
    for (position, &byte) in body.iter().enumerate() {
        if byte < 0x80 {
            text.push(char::from(byte));
            continue;
        }
        let code = table[usize::from(byte - 0x80)];
        match char::from_u32(u32::from(code)).filter(|_| code != 0xFFFF) {
            Some(c) => text.push(c),
            None => {
                let position = position.saturating_sub(base);
                let msg = if codec == "ascii" {
                    format!(
                        "'ascii' codec can't decode byte 0x{byte:02x} in position {position}: ordinal not in range(128)"
                    )
                } else {
                    format!(
                        "'charmap' codec can't decode byte 0x{byte:02x} in position {position}: character maps to <undefined>"
                    )
                };
                return Err(unlocated(msg));
            }
        }
    }
    Ok(text)
}

/// A decoding error CPython reports at line 0, offset -1.
fn unlocated(msg: String) -> SyntaxError {
    let mut err = SyntaxError::new(ErrorKind::SyntaxError, msg);
    err.lineno = Some(0);
    err.offset = Some(-1);
    err
}

/// Decodes UTF-8, reporting the first bad byte as CPython does. `declared`
/// says whether a BOM or a coding declaration asked for UTF-8 (which changes
/// the error CPython gives for a file).
fn decode_utf8(body: &[u8], declared: bool, origin: Origin<'_>) -> Result<String, SyntaxError> {
    let error = match std::str::from_utf8(body) {
        Ok(text) => return Ok(text.to_owned()),
        Err(e) => e,
    };
    let bad = error.valid_up_to();
    let line_start = body[..bad]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let lineno = line_number_at(body, line_start);
    let line = line_text(body, lineno);
    let byte = body.get(bad).copied().unwrap_or(0);
    if let Origin::File(_) = origin
        && declared
    {
        let reason = if matches!(byte, 0x80..=0xC1 | 0xF5..=0xFF) {
            "invalid start byte"
        } else if error.error_len().is_none() {
            "unexpected end of data"
        } else {
            "invalid continuation byte"
        };
        let position = bad - line_start;
        let length = error.error_len().unwrap_or(body.len() - bad);
        let what = if length > 1 {
            format!("bytes in position {position}-{}", position + length - 1)
        } else {
            format!("byte 0x{byte:02x} in position {position}")
        };
        let mut err = SyntaxError::new(
            ErrorKind::SyntaxError,
            format!("(unicode error) 'utf-8' codec can't decode {what}: {reason}"),
        );
        err.lineno = Some(lineno);
        err.text = Some(line);
        return Err(err);
    }
    let column = char_count(&String::from_utf8_lossy(&body[line_start..bad])) + 1;
    let (lineno, place) = match origin {
        Origin::String => (lineno, String::new()),
        // The first two lines are read ahead to look for a declaration, so
        // CPython counts a bad byte on line 2 as line 1.
        Origin::File(name) => (
            if lineno == 2 { 1 } else { lineno },
            format!(" in file {name}"),
        ),
    };
    let mut err = SyntaxError::new(
        ErrorKind::SyntaxError,
        format!(
            "Non-UTF-8 code starting with '\\x{byte:02x}'{place} on line {lineno}, but no encoding declared; see https://peps.python.org/pep-0263/ for details"
        ),
    );
    err.lineno = Some(lineno);
    err.offset = Some(column);
    err.end_lineno = Some(lineno);
    err.end_offset = Some(column);
    err.text = Some(line);
    Err(err)
}

/// The 1-based line `lineno` of `body`, decoded leniently, without its newline.
fn line_text(body: &[u8], lineno: u32) -> String {
    let line = body
        .split(|&b| b == b'\n')
        .nth((lineno as usize).saturating_sub(1))
        .unwrap_or(&[]);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    String::from_utf8_lossy(line).into_owned()
}

/// Number of characters in `s`, as an `i32`.
fn char_count(s: &str) -> i32 {
    i32::try_from(s.chars().count()).unwrap_or(i32::MAX)
}

/// Translates `\r\n` and lone `\r` to `\n`.
fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests;
