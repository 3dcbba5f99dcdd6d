//! Struct format strings (CPython's `prepare_s`): the byte-order prefix
//! (`@` native sizes and alignment, `=` `<` `>` `!` standard sizes, no
//! alignment), repeat counts, and each code's size and alignment. A format
//! compiles to [`Format`]: runs of one code with their offset, so a large
//! repeat count costs nothing until values are packed.

/// The byte order of a format's multi-byte items.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ByteOrder {
    /// Least significant byte first.
    Little,
    /// Most significant byte first.
    Big,
}

impl ByteOrder {
    /// The machine's own order.
    pub const NATIVE: ByteOrder = if cfg!(target_endian = "big") {
        ByteOrder::Big
    } else {
        ByteOrder::Little
    };
}

/// One run of a code: `count` items (or, for `s` and `p`, one string of
/// `count` bytes) starting at `offset`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    /// The format character.
    pub code: u8,
    /// Where the first item starts.
    pub offset: usize,
    /// How many items (the string length for `s` and `p`).
    pub count: usize,
    /// Bytes per item (1 for `s` and `p`).
    pub item_size: usize,
}

impl Run {
    /// Whether the run is one `s` or `p` string.
    pub fn is_string(&self) -> bool {
        matches!(self.code, b's' | b'p')
    }

    /// How many values the run packs or unpacks.
    pub fn values(&self) -> usize {
        match self.code {
            b'x' => 0,
            b's' | b'p' => 1,
            _ => self.count,
        }
    }
}

/// A compiled format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Format {
    /// Native mode (`@` or no prefix): native sizes, alignment and the
    /// native-only codes `n`, `N`, `P`.
    pub native: bool,
    /// The byte order.
    pub order: ByteOrder,
    /// The runs, in order (pad bytes have none).
    pub runs: Vec<Run>,
    /// Total size in bytes.
    pub size: usize,
    /// How many values `pack` takes and `unpack` gives.
    pub len: usize,
}

/// Why a format is refused (each is a `struct.error` with this message).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// A character that is not a code of the chosen table.
    BadChar,
    /// Digits at the very end.
    RepeatWithoutCode,
    /// A count or size beyond `Py_ssize_t`.
    TooLong,
    /// A NUL byte in the format.
    EmbeddedNull,
}

impl FormatError {
    /// The message CPython gives.
    pub fn message(self) -> &'static str {
        match self {
            FormatError::BadChar => "bad char in struct format",
            FormatError::RepeatWithoutCode => "repeat count given without format specifier",
            FormatError::TooLong => "total struct size too long",
            FormatError::EmbeddedNull => "embedded null character",
        }
    }
}

/// The size and alignment of `code` in native or standard mode; `None`
/// if the table has no such code.
pub fn code_size(code: u8, native: bool) -> Option<(usize, usize)> {
    let size = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                std::mem::size_of::<std::ffi::c_long>()
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' | b'F' => 8,
        b'D' => 16,
        b'n' | b'N' | b'P' if native => std::mem::size_of::<usize>(),
        _ => return None,
    };
    let alignment = match code {
        // A complex is aligned as its float parts.
        b'F' => 4,
        b'D' => 8,
        _ => size,
    };
    Some((size, if native { alignment } else { 1 }))
}

/// The largest size a format may have (`PY_SSIZE_T_MAX`).
const MAX_SIZE: usize = isize::MAX as usize;

/// Compiles a format given as bytes.
pub fn parse(text: &[u8]) -> Result<Format, FormatError> {
    if text.contains(&0) {
        return Err(FormatError::EmbeddedNull);
    }
    let (native, order, body) = match text.first() {
        Some(b'<') => (false, ByteOrder::Little, &text[1..]),
        Some(b'>' | b'!') => (false, ByteOrder::Big, &text[1..]),
        Some(b'=') => (false, ByteOrder::NATIVE, &text[1..]),
        Some(b'@') => (true, ByteOrder::NATIVE, &text[1..]),
        _ => (true, ByteOrder::NATIVE, text),
    };
    let mut runs = Vec::new();
    let mut size = 0usize;
    let mut len = 0usize;
    let mut chars = body.iter().copied().peekable();
    while let Some(mut c) = chars.next() {
        if c.is_ascii_whitespace() || c == b'\x0b' {
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            count = usize::from(c - b'0');
            loop {
                match chars.next() {
                    Some(d) if d.is_ascii_digit() => {
                        count = count
                            .checked_mul(10)
                            .and_then(|n| n.checked_add(usize::from(d - b'0')))
                            .filter(|&n| n <= MAX_SIZE)
                            .ok_or(FormatError::TooLong)?;
                    }
                    Some(other) => {
                        c = other;
                        break;
                    }
                    None => return Err(FormatError::RepeatWithoutCode),
                }
            }
        }
        let (item_size, alignment) = code_size(c, native).ok_or(FormatError::BadChar)?;
        if alignment > 1 && size > 0 {
            let extra = (alignment - 1) - (size - 1) % alignment;
            size = size
                .checked_add(extra)
                .filter(|&n| n <= MAX_SIZE)
                .ok_or(FormatError::TooLong)?;
        }
        let bytes = count
            .checked_mul(item_size)
            .and_then(|n| n.checked_add(size))
            .filter(|&n| n <= MAX_SIZE)
            .ok_or(FormatError::TooLong)?;
        let run = Run {
            code: c,
            offset: size,
            count,
            item_size,
        };
        len += run.values();
        if c != b'x' && (run.is_string() || count > 0) {
            runs.push(run);
        }
        size = bytes;
    }
    Ok(Format {
        native,
        order,
        runs,
        size,
        len,
    })
}

#[cfg(test)]
mod tests {
    use super::{FormatError, parse};

    fn size(text: &str) -> Result<usize, FormatError> {
        parse(text.as_bytes()).map(|f| f.size)
    }

    #[test]
    fn native_alignment_pads_before_aligned_items() {
        assert_eq!(size("@bi"), Ok(8));
        assert_eq!(size("@hq"), Ok(16));
        assert_eq!(size("@ib"), Ok(5));
        assert_eq!(size("@b0i"), Ok(4));
        assert_eq!(size("=bi"), Ok(5));
        assert_eq!(size("@bD"), Ok(24));
    }

    #[test]
    fn counts_and_errors() {
        let f = parse(b"<3h2s x?").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((f.size, f.len), (10, 5));
        assert_eq!(size("3"), Err(FormatError::RepeatWithoutCode));
        assert_eq!(size("3 i"), Err(FormatError::BadChar));
        assert_eq!(size("<n"), Err(FormatError::BadChar));
        assert_eq!(size("9223372036854775808x"), Err(FormatError::TooLong));
        assert_eq!(size("@9223372036854775806xh"), Err(FormatError::TooLong));
        assert_eq!(size("@4611686018427387903h"), Ok(9_223_372_036_854_775_806));
        assert_eq!(size("i\0"), Err(FormatError::EmbeddedNull));
    }
}
