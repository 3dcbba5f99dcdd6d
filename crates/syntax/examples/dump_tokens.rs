//! Developer tool: prints the tokens of each file named on the command line,
//! one per line as `KIND LINE COL END_LINE END_COL TEXT`, for comparison with
//! CPython's `tokenize` module (see `scripts/compare_tokens.py`).

use krait_syntax::tokenizer::{TokenKind, tokenize};
use krait_syntax::{LineIndex, source::decode_source};

fn main() {
    for path in std::env::args().skip(1) {
        println!("=== {path}");
        let Ok(bytes) = std::fs::read(&path) else {
            println!("! unreadable");
            continue;
        };
        let mut text = match decode_source(&bytes) {
            Ok(text) => text,
            Err(err) => {
                println!("! {err}");
                continue;
            }
        };
        if !text.ends_with('\n') {
            text.push('\n');
        }
        let index = LineIndex::new(&text);
        let tokens = tokenize(&text);
        for token in &tokens.tokens {
            let kind = match token.kind {
                k if k.is_keyword() => "NAME".to_owned(),
                k if k.is_operator() => "OP".to_owned(),
                TokenKind::Name => "NAME".to_owned(),
                TokenKind::Number => "NUMBER".to_owned(),
                TokenKind::String => "STRING".to_owned(),
                TokenKind::Newline => "NEWLINE".to_owned(),
                TokenKind::Indent => "INDENT".to_owned(),
                TokenKind::Dedent => "DEDENT".to_owned(),
                TokenKind::EndMarker => "ENDMARKER".to_owned(),
                other => format!("{other:?}"),
            };
            let (line, col) = index.line_col(token.start);
            let (end_line, end_col) = index.line_col(token.end);
            let body = &text[token.start as usize..token.end as usize];
            println!("{kind} {line} {col} {end_line} {end_col} {body:?}");
        }
        if let Some(err) = &tokens.error {
            println!(
                "! {}: {} {:?} {:?}",
                err.error.kind.class_name(),
                err.error.msg,
                err.error.lineno,
                err.error.offset
            );
        }
    }
}
