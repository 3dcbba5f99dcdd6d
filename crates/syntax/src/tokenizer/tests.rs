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

/// A small deterministic generator (xorshift) for the fuzz loop.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % (n as u64).max(1)) as usize
    }
}

/// Random bytes and mutated snippets must tokenize without panicking, and the
/// token stream must be well formed (ordered ranges, one final end token).
#[test]
fn fuzz_tokenizer_terminates_without_panics() {
    const SNIPPETS: &[&str] = &[
        "if x:\n    y = f'{a!r:>{w}}' + t\"{b=}\"\n",
        "def f(a, /, b=1, *c, d, **e) -> int:\n\treturn (yield)\n",
        "x = [1, 2.5e-3, 0x_1f, 0o7, 0b1, 1_000j, .5]\n",
        "s = rb'\\x00' u'é' '''a\nb''' \"\\N{BULLET}\"\n",
        "match p:\n    case [1, *_] | {'k': v} if v: pass\n",
        "class C[T: int = str](B):\n  @d\n  async def m(self): await x\n",
        "f'{x:{y:{z}}}' f'{{}}' f'''{\n1\n}'''\n",
    ];
    const PIECES: &[&str] = &[
        "(", ")", "[", "]", "{", "}", "'", "\"", "'''", "f'", "t'", "\\", "\n", "\t", " ", "#",
        "0x", "1e", "_", "é", "€", "\u{a0}", "\x0c", ":", "=", "!", "\\N{", "rb", "ur", "\r",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..3000 {
        let mut text = if round % 3 == 0 {
            let len = rng.below(40);
            (0..len)
                .map(|_| char::from_u32(rng.below(0x180) as u32).unwrap_or('x'))
                .collect::<String>()
        } else {
            let mut s = SNIPPETS[rng.below(SNIPPETS.len())].to_owned();
            for _ in 0..rng.below(4) + 1 {
                let mut at = rng.below(s.len() + 1);
                while !s.is_char_boundary(at) {
                    at -= 1;
                }
                let piece = PIECES[rng.below(PIECES.len())];
                if rng.below(2) == 0 {
                    s.insert_str(at, piece);
                } else {
                    let mut end = (at + rng.below(4)).min(s.len());
                    while !s.is_char_boundary(end) {
                        end -= 1;
                    }
                    s.replace_range(at..end, "");
                }
            }
            s
        };
        text = text.replace('\r', "\n").replace('\0', " ");
        text.push('\n');
        let tokens = tokenize(&text);
        let last = tokens.tokens.last().map(|t| t.kind);
        assert!(
            matches!(last, Some(TokenKind::EndMarker | TokenKind::ErrorToken)),
            "{text:?}"
        );
        assert_eq!(tokens.error.is_some(), last == Some(TokenKind::ErrorToken));
        let mut previous_end = 0;
        for token in &tokens.tokens {
            assert!(
                token.start <= token.end && token.end as usize <= text.len(),
                "{text:?}"
            );
            assert!(
                token.start >= previous_end || token.kind == TokenKind::Dedent,
                "{text:?}"
            );
            previous_end = previous_end.max(token.end);
        }
    }
}

#[test]
fn extras_keep_comments_nl_and_empty_format_spec_middles() {
    use TokenKind as K;
    let text = "(a,  # c\n)\n\n# d\nf'{x:{w}}'\n";
    let with: Vec<TokenKind> = super::tokenize_with_extras(text)
        .tokens
        .iter()
        .map(|t| t.kind)
        .collect();
    assert_eq!(
        with,
        vec![
            K::Lpar,
            K::Name,
            K::Comma,
            K::Comment,
            K::Nl,
            K::Rpar,
            K::Newline,
            K::Nl,
            K::Comment,
            K::Nl,
            K::FStringStart,
            K::Lbrace,
            K::Name,
            K::Colon,
            K::Lbrace,
            K::Name,
            K::Rbrace,
            K::FStringMiddle,
            K::Rbrace,
            K::FStringEnd,
            K::Newline,
            K::EndMarker
        ]
    );
    // The parser's stream has none of them.
    let without = kinds(text);
    assert!(!without.contains(&K::Comment) && !without.contains(&K::Nl));
    assert_eq!(without.len() + 6, with.len());
}
