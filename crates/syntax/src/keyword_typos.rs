//! "invalid syntax. Did you mean 'def'?": the keyword-typo hint CPython
//! 3.14's `traceback` module adds when it prints a `SyntaxError`
//! (`TracebackException._find_keyword_typos`).
//!
//! For a plain "invalid syntax" (or "Perhaps you forgot a comma?") error
//! raised by the parser, the source from the last completed compound
//! statement ([`SyntaxError::metadata`]) to the error line is dedented and
//! tokenized; each non-keyword NAME on the error line (at most ten) is
//! replaced in turn by up to three close keywords (the
//! [`crate::suggestions::best_suggestion`] one first, then
//! [`crate::suggestions::close_matches`]); the first replacement that
//! `codeop.compile_command` accepts (it parses, or is incomplete input)
//! becomes the error's message and location.

use crate::error::SyntaxError;
use crate::parser::{InputStatus, input_status};
use crate::suggestions::{best_suggestion, close_matches};
use crate::tokenizer::{TokenKind, tokenize};

/// `keyword.kwlist` of CPython 3.14.
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Source longer than this (after dedenting) is not searched.
const MAX_SOURCE_CHARS: usize = 1024;
/// At most this many names are tried.
const MAX_NAMES: usize = 10;
/// At most this many keywords are tried per name.
const MAX_MATCHES: usize = 3;

/// The error `traceback` would print instead of `error` after finding a
/// keyword typo, or `None` when it finds none. `file_text` is the script's
/// text as `open(filename).read()` gives it, `None` when it cannot be read;
/// `compiles` says whether a source that parses also compiles (symbol table
/// and code generation raise no `SyntaxError`), as `codeop` finally checks.
pub fn find_keyword_typo(
    error: &SyntaxError,
    file_text: Option<&str>,
    compiles: &dyn Fn(&str) -> bool,
) -> Option<SyntaxError> {
    if error.msg != "invalid syntax" && !error.msg.contains("Perhaps you forgot a comma") {
        return None;
    }
    let (metadata_line, _) = error.metadata?;
    let text = error.text.as_deref()?;
    let mut line = metadata_line as usize;
    let mut end_line = error.lineno.unwrap_or(0) as usize;
    let (lines, from_filename) = match file_text {
        Some(file_text) => (split_lines(file_text), true),
        None => {
            (line, end_line) = (0, 1);
            (split_lines(text), false)
        }
    };
    let first = if line > 0 { line - 1 } else { 0 };
    let selected = lines.get(first..end_line.min(lines.len())).unwrap_or(&[]);
    let error_code = dedent(&selected.join("\n"));
    if error_code.chars().count() > MAX_SOURCE_CHARS || error_code.contains('\0') {
        return None;
    }
    let error_lines = split_lines(&error_code);
    let mut tokenized = error_code.clone();
    tokenized.push('\n');
    let tokens = tokenize(&tokenized);
    let line_starts = line_starts(&tokenized);
    let the_end = if line == 0 { end_line } else { end_line + 1 };
    let mut names_left = MAX_NAMES;
    for token in &tokens.tokens {
        if token.kind == TokenKind::ErrorToken {
            break;
        }
        if token.kind != TokenKind::Name {
            continue;
        }
        let start = token.start as usize;
        let end = token.end as usize;
        let row = line_starts.partition_point(|&s| s <= start);
        let line_start = line_starts.get(row.wrapping_sub(1)).copied().unwrap_or(0);
        if from_filename && row + line != the_end {
            continue;
        }
        let wrong_name = tokenized.get(start..end)?;
        if KEYWORDS.contains(&wrong_name) {
            continue;
        }
        if names_left == 0 {
            break;
        }
        names_left -= 1;
        let mut matches: Vec<&str> = best_suggestion(KEYWORDS, wrong_name).into_iter().collect();
        matches.extend(close_matches(wrong_name, KEYWORDS, MAX_MATCHES, 0.5));
        matches.truncate(MAX_MATCHES);
        let physical_line = tokenized.get(line_start..)?.split_inclusive('\n').next()?;
        let col = tokenized.get(line_start..start)?.chars().count();
        let end_col = col + wrong_name.chars().count();
        for suggestion in matches {
            if suggestion == wrong_name {
                continue;
            }
            let mut candidate_lines: Vec<String> =
                error_lines.iter().map(|l| (*l).to_owned()).collect();
            let the_line = candidate_lines.get_mut(row.checked_sub(1)?)?;
            let chars: Vec<char> = the_line.chars().collect();
            let mut replaced: String = chars.iter().take(col).collect();
            replaced.push_str(suggestion);
            replaced.extend(chars.iter().skip(end_col));
            *the_line = replaced;
            if !compile_command_accepts(&candidate_lines.join("\n"), compiles) {
                continue;
            }
            let row = u32::try_from(row).ok()?;
            let mut found = error.clone();
            // `token.line`: `readline` gives the last line without its newline.
            let shown = if start_of_last_line(&error_code, line_start) {
                physical_line.trim_end_matches('\n')
            } else {
                physical_line
            };
            found.text = Some(shown.to_owned());
            found.offset = i32::try_from(col + 1).ok();
            found.end_offset = i32::try_from(end_col + 1).ok();
            found.lineno = Some(row);
            found.end_lineno = Some(row);
            found.msg = format!("invalid syntax. Did you mean '{suggestion}'?");
            return Some(found);
        }
    }
    None
}

/// Whether the line starting at byte `line_start` of `error_code` + "\n"
/// is its last line (which `io.StringIO.readline` returns without newline).
fn start_of_last_line(error_code: &str, line_start: usize) -> bool {
    !error_code.get(line_start..).unwrap_or("").contains('\n')
}

/// Byte offsets where the lines of `text` start.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// `codeop.compile_command(code, symbol="exec", flags=PyCF_ONLY_AST)`
/// returns instead of raising: the source parses and then compiles in full
/// (codeop's last step drops the flags), or it fails to parse but parses or
/// is merely incomplete with a newline added.
fn compile_command_accepts(code: &str, compiles: &dyn Fn(&str) -> bool) -> bool {
    let blank = code.split('\n').all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#')
    });
    let code = if blank { "pass" } else { code };
    if input_status(code) == InputStatus::Valid {
        return compiles(code);
    }
    let with_newline = format!("{code}\n");
    input_status(&with_newline) != InputStatus::Invalid
}

/// Python's `str.splitlines()`.
pub fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        match rest.char_indices().find(|&(_, c)| is_line_break(c)) {
            Some((i, c)) => {
                lines.push(&rest[..i]);
                let mut next = i + c.len_utf8();
                if c == '\r' && rest[next..].starts_with('\n') {
                    next += 1;
                }
                rest = &rest[next..];
            }
            None => {
                lines.push(rest);
                break;
            }
        }
    }
    lines
}

/// The characters `str.splitlines` breaks at.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Python's `str.isspace` for a non-empty string.
fn is_space_only(line: &str) -> bool {
    !line.is_empty()
        && line
            .chars()
            .all(|c| c.is_whitespace() || ('\x1c'..='\x1f').contains(&c))
}

/// CPython 3.14's `textwrap.dedent`: the leading spaces and tabs common to
/// the first and last non-blank lines (in sort order) are removed from
/// every line; blank lines become empty.
pub fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let non_blank = lines.iter().filter(|l| !l.is_empty() && !is_space_only(l));
    let first = non_blank.clone().min().copied().unwrap_or("");
    let last = non_blank.max().copied().unwrap_or("");
    let mut margin = 0;
    for (i, (a, b)) in first
        .bytes()
        .zip(last.bytes().chain(std::iter::repeat(0)))
        .enumerate()
    {
        margin = i;
        if a != b || (a != b' ' && a != b'\t') {
            break;
        }
    }
    lines
        .iter()
        .map(|l| {
            if is_space_only(l) {
                ""
            } else {
                l.get(margin..).unwrap_or("")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dedent_like_textwrap() {
        // Expectations from CPython 3.14's textwrap.dedent.
        assert_eq!(dedent("    x = 1\n    dfe f():"), "x = 1\ndfe f():");
        assert_eq!(dedent("  a\n\tb"), "  a\n\tb");
        assert_eq!(dedent("    a\n  \n      b"), "a\n\n  b");
        assert_eq!(dedent("abc"), "abc");
        assert_eq!(dedent(""), "");
    }

    #[test]
    fn splitlines_like_python() {
        assert_eq!(split_lines("a\r\nb\rc\x0cd\n"), ["a", "b", "c", "d"]);
        assert_eq!(split_lines("a\n\nb"), ["a", "", "b"]);
        assert!(split_lines("").is_empty());
    }

    fn typo(source: &str, lineno: u32, metadata_line: u32) -> Option<String> {
        let mut error = SyntaxError::new(crate::ErrorKind::SyntaxError, "invalid syntax");
        error.lineno = Some(lineno);
        error.text = Some(String::new());
        error.metadata = Some((metadata_line, 0));
        find_keyword_typo(&error, Some(source), &|_| true).map(|e| e.msg)
    }

    #[test]
    fn keyword_typos_like_traceback() {
        // Messages CPython 3.14.10 printed for the same files.
        assert_eq!(
            typo("dfe f():\n    pass\n", 1, 0).as_deref(),
            Some("invalid syntax. Did you mean 'def'?")
        );
        assert_eq!(
            typo("a = 1\nimprot os\n", 2, 0).as_deref(),
            Some("invalid syntax. Did you mean 'import'?")
        );
        assert_eq!(typo("x = 1 +\n", 1, 0), None);
    }
}
