//! Tokenizer tests: token streams for small inputs and CPython's errors
//! (expected values recorded from the reference interpreter).

use super::error_cases::TOKENIZER_ERROR_CASES;
use super::{TokenKind, tokenize};

fn kinds(src: &str) -> Vec<TokenKind> {
    let mut text = src.to_owned();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    tokenize(&text).tokens.iter().map(|t| t.kind).collect()
}

#[test]
fn simple_statement_tokens() {
    use TokenKind as K;
    assert_eq!(
        kinds("if x:\n    y = 1\n"),
        vec![
            K::If,
            K::Name,
            K::Colon,
            K::Newline,
            K::Indent,
            K::Name,
            K::Equal,
            K::Number,
            K::Newline,
            K::Dedent,
            K::EndMarker
        ]
    );
}

#[test]
fn fstring_tokens() {
    use TokenKind as K;
    assert_eq!(
        kinds("f'a{x!r:>{w}}b{{'"),
        vec![
            K::FStringStart,
            K::FStringMiddle,
            K::Lbrace,
            K::Name,
            K::Exclamation,
            K::Name,
            K::Colon,
            K::FStringMiddle,
            K::Lbrace,
            K::Name,
            K::Rbrace,
            K::Rbrace,
            K::FStringMiddle,
            K::FStringEnd,
            K::Newline,
            K::EndMarker
        ]
    );
}

#[test]
fn tokenizer_errors_match_cpython() {
    let mut failures = Vec::new();
    for (source, expected) in TOKENIZER_ERROR_CASES {
        let mut text = (*source).to_owned();
        if !text.ends_with('\n') {
            text.push('\n');
        }
        let tokens = tokenize(&text);
        let Some((class, msg, lineno, offset, end_lineno, end_offset)) = expected else {
            assert!(tokens.error.is_none(), "{source:?}: {:?}", tokens.error);
            continue;
        };
        let Some(err) = tokens.error else {
            failures.push(format!("{source:?}: no error, expected {msg}"));
            continue;
        };
        let got = (
            err.error.kind.class_name(),
            err.error.msg.as_str(),
            err.error.lineno,
            err.error.offset,
            err.error.end_lineno,
            err.error.end_offset,
        );
        let want = (*class, *msg, *lineno, *offset, *end_lineno, *end_offset);
        if got != want {
            failures.push(format!("{source:?}:\n  got  {got:?}\n  want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
