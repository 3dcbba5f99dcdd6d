//! Token kinds: CPython's token types, with hard keywords split out of NAME.
//!
//! The parser matches keywords by kind rather than by text, so the tokenizer
//! classifies a NAME as a keyword once. Soft keywords (`match`, `case`, `type`,
//! `_`) stay [`TokenKind::Name`]: the parser decides by context.

/// The kind of one token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum TokenKind {
    /// End of input.
    EndMarker,
    /// An identifier (including soft keywords).
    Name,
    /// A numeric literal.
    Number,
    /// A string or bytes literal (not an f-string or t-string).
    String,
    /// End of a logical line.
    Newline,
    /// Indentation increase.
    Indent,
    /// Indentation decrease.
    Dedent,
    /// `f"` and friends: start of an f-string.
    FStringStart,
    /// Literal text inside an f-string or t-string.
    FStringMiddle,
    /// Closing quote(s) of an f-string.
    FStringEnd,
    /// `t"`: start of a template string.
    TStringStart,
    /// Literal text inside a t-string.
    TStringMiddle,
    /// Closing quote(s) of a t-string.
    TStringEnd,
    /// A token the tokenizer failed on; the error is in [`super::Tokens::error`].
    ErrorToken,
    /// A comment (only from [`super::tokenize_with_extras`]).
    Comment,
    /// A newline that ends no logical line: a blank or comment-only line,
    /// or a line break inside brackets (only from
    /// [`super::tokenize_with_extras`]).
    Nl,
    /// A printable character that is no Python operator (`$`, `?`, `` ` ``).
    Unknown,
    // Operators and delimiters.
    /// `(`
    Lpar,
    /// `)`
    Rpar,
    /// `[`
    Lsqb,
    /// `]`
    Rsqb,
    /// `:`
    Colon,
    /// `,`
    Comma,
    /// `;`
    Semi,
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// `*`
    Star,
    /// `/`
    Slash,
    /// `|`
    Vbar,
    /// `&`
    Amper,
    /// `<`
    Less,
    /// `>`
    Greater,
    /// `=`
    Equal,
    /// `.`
    Dot,
    /// `%`
    Percent,
    /// `{`
    Lbrace,
    /// `}`
    Rbrace,
    /// `==`
    EqEqual,
    /// `!=`
    NotEqual,
    /// `<>` (only valid under `barry_as_FLUFL`)
    LessGreater,
    /// `<=`
    LessEqual,
    /// `>=`
    GreaterEqual,
    /// `~`
    Tilde,
    /// `^`
    Circumflex,
    /// `<<`
    LeftShift,
    /// `>>`
    RightShift,
    /// `**`
    DoubleStar,
    /// `+=`
    PlusEqual,
    /// `-=`
    MinEqual,
    /// `*=`
    StarEqual,
    /// `/=`
    SlashEqual,
    /// `%=`
    PercentEqual,
    /// `&=`
    AmperEqual,
    /// `|=`
    VbarEqual,
    /// `^=`
    CircumflexEqual,
    /// `<<=`
    LeftShiftEqual,
    /// `>>=`
    RightShiftEqual,
    /// `**=`
    DoubleStarEqual,
    /// `//`
    DoubleSlash,
    /// `//=`
    DoubleSlashEqual,
    /// `@`
    At,
    /// `@=`
    AtEqual,
    /// `->`
    Rarrow,
    /// `...`
    Ellipsis,
    /// `:=`
    ColonEqual,
    /// `!`
    Exclamation,
    // Hard keywords.
    /// `False`
    False,
    /// `None`
    None,
    /// `True`
    True,
    /// `and`
    And,
    /// `as`
    As,
    /// `assert`
    Assert,
    /// `async`
    Async,
    /// `await`
    Await,
    /// `break`
    Break,
    /// `class`
    Class,
    /// `continue`
    Continue,
    /// `def`
    Def,
    /// `del`
    Del,
    /// `elif`
    Elif,
    /// `else`
    Else,
    /// `except`
    Except,
    /// `finally`
    Finally,
    /// `for`
    For,
    /// `from`
    From,
    /// `global`
    Global,
    /// `if`
    If,
    /// `import`
    Import,
    /// `in`
    In,
    /// `is`
    Is,
    /// `lambda`
    Lambda,
    /// `nonlocal`
    Nonlocal,
    /// `not`
    Not,
    /// `or`
    Or,
    /// `pass`
    Pass,
    /// `raise`
    Raise,
    /// `return`
    Return,
    /// `try`
    Try,
    /// `while`
    While,
    /// `with`
    With,
    /// `yield`
    Yield,
}

impl TokenKind {
    /// Whether the kind is a hard keyword.
    pub fn is_keyword(self) -> bool {
        (self as u8) >= (TokenKind::False as u8)
    }

    /// Whether the kind is an operator or delimiter (CPython's OP).
    pub fn is_operator(self) -> bool {
        (self as u8) >= (TokenKind::Unknown as u8) && (self as u8) < (TokenKind::False as u8)
    }

    /// The hard keyword spelled `word`, if any.
    pub fn keyword(word: &[u8]) -> Option<TokenKind> {
        use TokenKind as K;
        Some(match word {
            b"False" => K::False,
            b"None" => K::None,
            b"True" => K::True,
            b"and" => K::And,
            b"as" => K::As,
            b"assert" => K::Assert,
            b"async" => K::Async,
            b"await" => K::Await,
            b"break" => K::Break,
            b"class" => K::Class,
            b"continue" => K::Continue,
            b"def" => K::Def,
            b"del" => K::Del,
            b"elif" => K::Elif,
            b"else" => K::Else,
            b"except" => K::Except,
            b"finally" => K::Finally,
            b"for" => K::For,
            b"from" => K::From,
            b"global" => K::Global,
            b"if" => K::If,
            b"import" => K::Import,
            b"in" => K::In,
            b"is" => K::Is,
            b"lambda" => K::Lambda,
            b"nonlocal" => K::Nonlocal,
            b"not" => K::Not,
            b"or" => K::Or,
            b"pass" => K::Pass,
            b"raise" => K::Raise,
            b"return" => K::Return,
            b"try" => K::Try,
            b"while" => K::While,
            b"with" => K::With,
            b"yield" => K::Yield,
            _ => return None,
        })
    }

    /// The operator spelled by the one character `c`.
    pub fn one_char(c: u8) -> TokenKind {
        use TokenKind as K;
        match c {
            b'(' => K::Lpar,
            b')' => K::Rpar,
            b'[' => K::Lsqb,
            b']' => K::Rsqb,
            b':' => K::Colon,
            b',' => K::Comma,
            b';' => K::Semi,
            b'+' => K::Plus,
            b'-' => K::Minus,
            b'*' => K::Star,
            b'/' => K::Slash,
            b'|' => K::Vbar,
            b'&' => K::Amper,
            b'<' => K::Less,
            b'>' => K::Greater,
            b'=' => K::Equal,
            b'.' => K::Dot,
            b'%' => K::Percent,
            b'{' => K::Lbrace,
            b'}' => K::Rbrace,
            b'~' => K::Tilde,
            b'^' => K::Circumflex,
            b'@' => K::At,
            b'!' => K::Exclamation,
            _ => K::Unknown,
        }
    }

    /// The operator spelled by the two characters `c1 c2`, if any.
    pub fn two_chars(c1: u8, c2: u8) -> Option<TokenKind> {
        use TokenKind as K;
        Some(match (c1, c2) {
            (b'!', b'=') => K::NotEqual,
            (b'%', b'=') => K::PercentEqual,
            (b'&', b'=') => K::AmperEqual,
            (b'*', b'*') => K::DoubleStar,
            (b'*', b'=') => K::StarEqual,
            (b'+', b'=') => K::PlusEqual,
            (b'-', b'=') => K::MinEqual,
            (b'-', b'>') => K::Rarrow,
            (b'/', b'/') => K::DoubleSlash,
            (b'/', b'=') => K::SlashEqual,
            (b':', b'=') => K::ColonEqual,
            (b'<', b'<') => K::LeftShift,
            (b'<', b'=') => K::LessEqual,
            (b'<', b'>') => K::LessGreater,
            (b'=', b'=') => K::EqEqual,
            (b'>', b'=') => K::GreaterEqual,
            (b'>', b'>') => K::RightShift,
            (b'@', b'=') => K::AtEqual,
            (b'^', b'=') => K::CircumflexEqual,
            (b'|', b'=') => K::VbarEqual,
            _ => return None,
        })
    }

    /// The operator spelled by the three characters `c1 c2 c3`, if any.
    pub fn three_chars(c1: u8, c2: u8, c3: u8) -> Option<TokenKind> {
        use TokenKind as K;
        Some(match (c1, c2, c3) {
            (b'*', b'*', b'=') => K::DoubleStarEqual,
            (b'.', b'.', b'.') => K::Ellipsis,
            (b'/', b'/', b'=') => K::DoubleSlashEqual,
            (b'<', b'<', b'=') => K::LeftShiftEqual,
            (b'>', b'>', b'=') => K::RightShiftEqual,
            _ => return None,
        })
    }
}
