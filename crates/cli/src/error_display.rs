//! Printing a front-end error the way CPython prints an uncaught one.
//!
//! A `SyntaxError` (or `IndentationError`, `TabError`) is shown as the
//! `File "...", line N` line, the offending source line stripped of its
//! indentation, a caret line under the error's columns, and `Class: message`;
//! other errors (`MemoryError` from a too-complex source, ...) as
//! `Class: message`. These follow the rules of CPython 3.14's `traceback`
//! module without colour.

use krait_syntax::SyntaxError;

/// The text CPython writes to stderr for `error` raised while compiling `filename`.
pub fn format_uncaught(error: &SyntaxError, filename: &str) -> String {
    let class = error.kind.class_name();
    if !error.kind.is_syntax_error() {
        return format!("{class}: {}\n", error.msg);
    }
    let mut out = String::new();
    let mut filename_suffix = String::new();
    match error.lineno {
        Some(lineno) => out.push_str(&format!("  File \"{filename}\", line {lineno}\n")),
        None => filename_suffix = format!(" ({filename})"),
    }
    // As `traceback`, look for a misspelled keyword once the `File` line
    // is out; the hint replaces the message, the line and the columns.
    let typo = error.text.as_ref().and_then(|_| {
        let script = read_script(filename);
        krait_syntax::find_keyword_typo(error, script.as_deref(), &compiles)
    });
    let error = typo.as_ref().unwrap_or(error);
    if let Some(text) = &error.text {
        format_source_line(error, text, &mut out);
    }
    let msg = if error.msg.is_empty() {
        "<no detail available>"
    } else {
        &error.msg
    };
    out.push_str(&format!("{class}: {msg}{filename_suffix}\n"));
    out
}

/// Whether `code` compiles in full: `compile(code, "<input>", "exec")`
/// raises no `SyntaxError` (symbol table and code generator included).
fn compiles(code: &str) -> bool {
    let Ok(parsed) = krait_syntax::parse_module(code.as_bytes(), "<input>") else {
        return false;
    };
    !matches!(
        krait_compiler::compile(&parsed, "<input>", krait_compiler::CompileMode::Exec),
        Err(krait_compiler::CompileError::Syntax(_))
    )
}

/// The script's text as Python's `open(filename).read()` gives it (UTF-8,
/// universal newlines), `None` when it cannot be read that way.
fn read_script(filename: &str) -> Option<String> {
    let bytes = std::fs::read(filename).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    Some(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Appends the stripped source line and, when the error has a column, the carets.
fn format_source_line(error: &SyntaxError, text: &str, out: &mut String) {
    let rtext = text.trim_end_matches('\n');
    let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
    let spaces = char_len(rtext) - char_len(ltext);
    let Some(offset) = error.offset.map(i64::from) else {
        out.push_str(&format!("    {ltext}\n"));
        return;
    };
    let text_len = char_len(text);
    let line_end = char_len(rtext) + 1;
    let mut offset = offset;
    let mut end_offset = if error.lineno == error.end_lineno {
        match error.end_offset {
            Some(end) if end != 0 => i64::from(end),
            _ => offset,
        }
    } else {
        line_end
    };
    if text_len > 0 && offset > text_len {
        offset = line_end;
    }
    if text_len > 0 && end_offset > text_len {
        end_offset = line_end;
    }
    if offset >= end_offset || end_offset < 0 {
        end_offset = offset + 1;
    }
    let colno = offset - 1 - spaces;
    let end_colno = end_offset - 1 - spaces;
    out.push_str(&format!("    {ltext}\n"));
    if colno >= 0 {
        let caret_space: String = ltext
            .chars()
            .take(usize::try_from(colno).unwrap_or(0))
            .map(|c| if is_python_space(c) { c } else { ' ' })
            .collect();
        let carets = "^".repeat(usize::try_from(end_colno - colno).unwrap_or(0));
        out.push_str(&format!("    {caret_space}{carets}\n"));
    }
}

fn char_len(text: &str) -> i64 {
    i64::try_from(text.chars().count()).unwrap_or(i64::MAX)
}

/// Python's `str.isspace` for one character: Unicode White_Space plus the
/// information separators U+001C..U+001F, which Python also counts.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use krait_syntax::ErrorKind;

    fn error(
        kind: ErrorKind,
        msg: &str,
        line: u32,
        offset: i32,
        end: i32,
        text: &str,
    ) -> SyntaxError {
        SyntaxError {
            kind,
            msg: msg.into(),
            lineno: Some(line),
            offset: Some(offset),
            end_lineno: Some(line),
            end_offset: Some(end),
            text: Some(text.into()),
            metadata: None,
        }
    }

    // Expected texts below are what CPython 3.14.10 printed for the same
    // sources (recorded with ../shared/bin/cpython3.14 on files /tmp/e.py,
    // /tmp/unc.py and /tmp/tab.py).
    #[test]
    fn caret_under_the_error() {
        let e = error(
            ErrorKind::SyntaxError,
            "invalid syntax",
            1,
            8,
            9,
            "x = 1 +\n",
        );
        assert_eq!(
            format_uncaught(&e, "/tmp/e.py"),
            "  File \"/tmp/e.py\", line 1\n    x = 1 +\n           ^\nSyntaxError: invalid syntax\n"
        );
    }

    #[test]
    fn indentation_is_stripped_from_the_shown_line() {
        let e = SyntaxError {
            offset: None,
            end_offset: None,
            ..error(
                ErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation",
                3,
                0,
                0,
                "        pass\n",
            )
        };
        assert_eq!(
            format_uncaught(&e, "/tmp/tab.py"),
            "  File \"/tmp/tab.py\", line 3\n    pass\nTabError: inconsistent use of tabs and spaces in indentation\n"
        );
    }

    #[test]
    fn errors_without_position_print_one_line() {
        let e = SyntaxError::new(
            ErrorKind::MemoryError,
            "Parser stack overflowed - Python source too complex to parse",
        );
        assert_eq!(
            format_uncaught(&e, "deep.py"),
            "MemoryError: Parser stack overflowed - Python source too complex to parse\n"
        );
    }
}
