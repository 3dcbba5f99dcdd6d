//! Printing a front-end error the way CPython prints an uncaught one, for
//! the `krait` command's own compile errors. (A `SyntaxError` *object*,
//! such as one raised while importing a module, is printed from its fields
//! by `traceback.rs`.)
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

    /// Parses `topic/name.py` of the recorded error corpus and prints its
    /// error as the CLI does; returns that and CPython's recorded stderr.
    fn corpus_case(case: &str) -> (String, String) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs");
        let program = root.join(format!("{case}.py"));
        let source = std::fs::read(&program).unwrap();
        let filename = program.file_name().unwrap().to_str().unwrap();
        let error = krait_syntax::parse_module(&source, filename).unwrap_err();
        let expected = std::fs::read_to_string(root.join(format!("{case}.stderr"))).unwrap();
        (format_uncaught(&error, filename), expected)
    }

    #[test]
    fn caret_under_the_error_as_cpython_prints_it() {
        let (got, expected) = corpus_case("syntax_errors/missing_colon");
        assert_eq!(got, expected);
        let (got, expected) = corpus_case("syntax_errors/assign_to_call");
        assert_eq!(got, expected);
    }

    #[test]
    fn indentation_is_stripped_from_the_shown_line() {
        let (got, expected) = corpus_case("indentation_errors/spaces_after_tab");
        assert_eq!(got, expected);
        let (got, expected) = corpus_case("syntax_errors/bad_dedent");
        assert_eq!(got, expected);
    }

    #[test]
    fn errors_without_position_print_class_and_message() {
        let e = SyntaxError::new(ErrorKind::MemoryError, "too complex");
        assert_eq!(format_uncaught(&e, "deep.py"), "MemoryError: too complex\n");
        let e = SyntaxError::new(ErrorKind::SyntaxError, "");
        assert_eq!(
            format_uncaught(&e, "x.py"),
            "SyntaxError: <no detail available> (x.py)\n",
            "without a line, CPython appends the file name to the message"
        );
    }
}
