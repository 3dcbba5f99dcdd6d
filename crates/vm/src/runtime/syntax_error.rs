//! Printing a front-end error the way CPython prints an uncaught one (for
//! the `krait` command's own compile errors, and for `SyntaxError`s raised
//! while importing a module, at the end of their traceback).
//!
//! A `SyntaxError` (or `IndentationError`, `TabError`) is shown as the
//! `File "...", line N` line, the offending source line stripped of its
//! indentation, a caret line under the error's columns, and `Class: message`;
//! other errors (`MemoryError` from a too-complex source, ...) as
//! `Class: message`. These follow the rules of CPython 3.14's `traceback`
//! module without colour.

use krait_syntax::SyntaxError;

use crate::builtins::exceptions::{ExcKind, as_exception, field};
use crate::runtime::Vm;
use crate::value::Value;

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

/// The front-end error a `SyntaxError` instance (or `IndentationError`,
/// `TabError`) describes through its attributes (`msg`, `filename`,
/// `lineno`, `offset`, `text`, `end_lineno`, `end_offset`), and its file
/// name; `None` for other exceptions and for ones without a `msg`.
fn syntax_error_of(vm: &mut Vm, exc: &Value) -> Option<(SyntaxError, Option<String>)> {
    use krait_syntax::ErrorKind;
    let e = as_exception(exc)?;
    let class = vm.type_of(exc).clone();
    let kind = [
        (ExcKind::TabError, ErrorKind::TabError),
        (ExcKind::IndentationError, ErrorKind::IndentationError),
        (ExcKind::SyntaxError, ErrorKind::SyntaxError),
    ]
    .into_iter()
    .find(|(k, _)| class.same(vm.exc_type(*k)))?
    .1;
    let attr = |index: usize| Some(e.field(index));
    let text_of = |vm: &Vm, v: Option<Value>| {
        v.and_then(|v| vm.as_str(&v).map(|s| s.as_lossy().into_owned()))
    };
    let int_of = |v: Option<Value>| v.and_then(|v| v.as_i64());
    let msg = text_of(vm, attr(field::SYNTAX_MSG))?;
    let mut error = SyntaxError::new(kind, msg);
    error.lineno = int_of(attr(field::SYNTAX_LINENO)).and_then(|n| u32::try_from(n).ok());
    error.offset = int_of(attr(field::SYNTAX_OFFSET)).and_then(|n| i32::try_from(n).ok());
    error.end_lineno = int_of(attr(field::SYNTAX_END_LINENO)).and_then(|n| u32::try_from(n).ok());
    error.end_offset = int_of(attr(field::SYNTAX_END_OFFSET)).and_then(|n| i32::try_from(n).ok());
    error.text = text_of(vm, attr(field::SYNTAX_TEXT));
    let filename = text_of(vm, attr(field::SYNTAX_FILENAME));
    Some((error, filename))
}

/// How an uncaught `SyntaxError` instance ends its traceback: the `File`
/// line, the source line with carets, and `SyntaxError: msg` (`None` for
/// other exceptions).
pub fn format_syntax_error_value(vm: &mut Vm, exc: &Value) -> Option<String> {
    let (error, filename) = syntax_error_of(vm, exc)?;
    Some(format_uncaught(
        &error,
        filename.as_deref().unwrap_or("<string>"),
    ))
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
