//! The text codecs behind `str.encode`, `bytes.decode` and
//! `str(bytes, encoding, errors)`: UTF-8 (and `utf-8-sig`), ASCII, Latin-1,
//! UTF-16 and UTF-32 (with or without a byte-order mark), CPython's
//! encoding-name aliases, the error handlers `strict`, `ignore`, `replace`,
//! `backslashreplace`, `xmlcharrefreplace`, `namereplace`,
//! `surrogateescape` and `surrogatepass`, and `UnicodeEncodeError` /
//! `UnicodeDecodeError` with CPython's arguments and messages.

use crate::builtins::exceptions::ExcKind;
use crate::builtins::native::Args;
use crate::builtins::str::text::StrBuilder;
use crate::builtins::str::{Str, this};
use crate::error::{PyErr, PyResult};
use crate::runtime::Vm;
use crate::value::Value;

/// A byte order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Endian {
    Little,
    Big,
}

/// A codec krait implements.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Codec {
    Utf8 {
        signature: bool,
    },
    Ascii,
    Latin1,
    /// `None`: with a byte-order mark.
    Utf16(Option<Endian>),
    Utf32(Option<Endian>),
}

impl Codec {
    /// The name CPython's messages give the codec.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 { .. } => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(Endian::Little)) => "utf-16-le",
            Codec::Utf16(Some(Endian::Big)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(Endian::Little)) => "utf-32-le",
            Codec::Utf32(Some(Endian::Big)) => "utf-32-be",
        }
    }
}

/// CPython's `encodings.normalize_encoding` followed by its alias table
/// (for the codecs krait has).
fn lookup(name: &str) -> Option<Codec> {
    let mut normal = String::with_capacity(name.len());
    let mut pending_sep = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if pending_sep && !normal.is_empty() {
                normal.push('_');
            }
            pending_sep = false;
            normal.push(c.to_ascii_lowercase());
        } else {
            pending_sep = true;
        }
    }
    Some(match normal.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => {
            Codec::Utf8 { signature: false }
        }
        "utf_8_sig" | "utf8_sig" => Codec::Utf8 { signature: true },
        "ascii" | "646" | "us_ascii" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986"
        | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us" => {
            Codec::Ascii
        }
        "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859" | "cp819"
        | "iso_8859_1_1987" | "iso_ir_100" | "csisolatin1" | "ibm819" | "iso8859" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => Codec::Utf16(Some(Endian::Little)),
        "utf_16_be" | "utf_16be" | "unicodebigunmarked" => Codec::Utf16(Some(Endian::Big)),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf_32_le" | "utf_32le" => Codec::Utf32(Some(Endian::Little)),
        "utf_32_be" | "utf_32be" => Codec::Utf32(Some(Endian::Big)),
        _ => return None,
    })
}

/// An error handler (`errors=`).
#[derive(Clone, PartialEq, Eq, Debug)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
    SurrogateEscape,
    SurrogatePass,
    Unknown(String),
}

impl Handler {
    fn from_name(name: &str) -> Handler {
        match name {
            "strict" => Handler::Strict,
            "ignore" => Handler::Ignore,
            "replace" => Handler::Replace,
            "backslashreplace" => Handler::BackslashReplace,
            "xmlcharrefreplace" => Handler::XmlCharRefReplace,
            "namereplace" => Handler::NameReplace,
            "surrogateescape" => Handler::SurrogateEscape,
            "surrogatepass" => Handler::SurrogatePass,
            other => Handler::Unknown(other.to_owned()),
        }
    }
}

/// An optional `str` argument of a codec call (`encoding=`, `errors=`).
fn text_arg(vm: &mut Vm, v: Option<&Value>, method: &str, name: &str) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) => match vm.as_str(v) {
            Some(s) => Ok(Some(s.as_lossy().into_owned())),
            None => {
                let tn = crate::builtins::str::arg_type_name(vm, v);
                Err(vm.type_error(format!(
                    "{method}() argument '{name}' must be str, not {tn}"
                )))
            }
        },
    }
}

fn codec_of(vm: &mut Vm, name: Option<String>) -> PyResult<Codec> {
    match name {
        None => Ok(Codec::Utf8 { signature: false }),
        Some(n) => lookup(&n)
            .ok_or_else(|| vm.new_error(ExcKind::LookupError, &format!("unknown encoding: {n}"))),
    }
}

fn unknown_handler(vm: &mut Vm, name: &str) -> PyErr {
    vm.new_error(
        ExcKind::LookupError,
        &format!("unknown error handler name '{name}'"),
    )
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub fn encode(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    let encoding = text_arg(vm, args.get(1), "encode", "encoding")?;
    let errors = text_arg(vm, args.get(2), "encode", "errors")?;
    let codec = codec_of(vm, encoding)?;
    let handler = Handler::from_name(errors.as_deref().unwrap_or("strict"));
    let data = encode_str(vm, &s, args.this(), codec, &handler)?;
    vm.new_bytes(data)
}

/// Encodes `s` (whose value is `object`, for the exception) with a named
/// codec; used by `bytes(str, encoding)` too.
pub fn encode_with(
    vm: &mut Vm,
    s: &Str,
    object: &Value,
    encoding: &str,
    errors: Option<&str>,
) -> PyResult<Vec<u8>> {
    let codec = codec_of(vm, Some(encoding.to_owned()))?;
    let handler = Handler::from_name(errors.unwrap_or("strict"));
    encode_str(vm, s, object, codec, &handler)
}

/// Whether `codec` can encode `cp` as itself.
fn encodable(codec: Codec, cp: u32) -> bool {
    match codec {
        Codec::Ascii => cp < 0x80,
        Codec::Latin1 => cp < 0x100,
        _ => !(0xD800..0xE000).contains(&cp),
    }
}

fn push_encoded(codec: Codec, cp: u32, out: &mut Vec<u8>) {
    match codec {
        Codec::Ascii | Codec::Latin1 => out.push(cp as u8),
        Codec::Utf8 { .. } => crate::builtins::str::text::push_code_point(out, cp),
        Codec::Utf16(endian) => {
            let endian = endian.unwrap_or(Endian::Little);
            let mut unit = |u: u16| match endian {
                Endian::Little => out.extend_from_slice(&u.to_le_bytes()),
                Endian::Big => out.extend_from_slice(&u.to_be_bytes()),
            };
            if cp >= 0x10000 {
                let v = cp - 0x10000;
                unit(0xD800 | (v >> 10) as u16);
                unit(0xDC00 | (v & 0x3FF) as u16);
            } else {
                unit(cp as u16);
            }
        }
        Codec::Utf32(endian) => match endian.unwrap_or(Endian::Little) {
            Endian::Little => out.extend_from_slice(&cp.to_le_bytes()),
            Endian::Big => out.extend_from_slice(&cp.to_be_bytes()),
        },
    }
}

fn encode_reason(codec: Codec) -> &'static str {
    match codec {
        Codec::Ascii => "ordinal not in range(128)",
        Codec::Latin1 => "ordinal not in range(256)",
        _ => "surrogates not allowed",
    }
}

fn encode_str(
    vm: &mut Vm,
    s: &Str,
    object: &Value,
    codec: Codec,
    handler: &Handler,
) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(s.as_bytes().len());
    match codec {
        Codec::Utf8 { signature } => {
            if signature {
                out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
            }
            if !s.has_surrogates() {
                out.extend_from_slice(s.as_bytes());
                return Ok(out);
            }
        }
        Codec::Ascii | Codec::Latin1 if s.is_ascii() => {
            out.extend_from_slice(s.as_bytes());
            return Ok(out);
        }
        Codec::Utf16(None) => out.extend_from_slice(&[0xFF, 0xFE]),
        Codec::Utf32(None) => out.extend_from_slice(&[0xFF, 0xFE, 0, 0]),
        _ => {}
    }
    let points = s.code_points();
    let mut i = 0;
    while i < points.len() {
        let cp = points[i];
        if encodable(codec, cp) {
            push_encoded(codec, cp, &mut out);
            i += 1;
            continue;
        }
        // UTF-16 and UTF-32 report (and hand to the error handler) one
        // character at a time; the others a whole run.
        let mut end = i + 1;
        if !matches!(codec, Codec::Utf16(_) | Codec::Utf32(_)) {
            while end < points.len() && !encodable(codec, points[end]) {
                end += 1;
            }
        }
        let run = &points[i..end];
        match handler {
            Handler::Strict => {
                return Err(encode_error(
                    vm,
                    codec,
                    object,
                    i,
                    end,
                    encode_reason(codec),
                ));
            }
            Handler::Unknown(name) => return Err(unknown_handler(vm, name)),
            Handler::Ignore => {}
            Handler::Replace => {
                for _ in run {
                    push_encoded(codec, u32::from(b'?'), &mut out);
                }
            }
            Handler::XmlCharRefReplace => {
                for &c in run {
                    for b in format!("&#{c};").bytes() {
                        push_encoded(codec, u32::from(b), &mut out);
                    }
                }
            }
            Handler::BackslashReplace => {
                for &c in run {
                    for b in backslash_escape(c).bytes() {
                        push_encoded(codec, u32::from(b), &mut out);
                    }
                }
            }
            Handler::NameReplace => {
                for &c in run {
                    let text = match char::from_u32(c).and_then(unicode_names2::name) {
                        Some(name) => format!("\\N{{{name}}}"),
                        None => backslash_escape(c),
                    };
                    for b in text.bytes() {
                        push_encoded(codec, u32::from(b), &mut out);
                    }
                }
            }
            Handler::SurrogateEscape => {
                // One byte per character: UTF-16/32 cannot take it.
                if matches!(codec, Codec::Utf16(_) | Codec::Utf32(_))
                    || run.iter().any(|&c| !(0xDC80..0xDD00).contains(&c))
                {
                    return Err(encode_error(
                        vm,
                        codec,
                        object,
                        i,
                        end,
                        encode_reason(codec),
                    ));
                }
                out.extend(run.iter().map(|&c| (c - 0xDC00) as u8));
            }
            Handler::SurrogatePass => {
                let passes = matches!(
                    codec,
                    Codec::Utf8 { .. } | Codec::Utf16(_) | Codec::Utf32(_)
                ) && run.iter().all(|c| (0xD800..0xE000).contains(c));
                if !passes {
                    return Err(encode_error(
                        vm,
                        codec,
                        object,
                        i,
                        end,
                        encode_reason(codec),
                    ));
                }
                for &c in run {
                    match codec {
                        Codec::Utf16(endian) => match endian.unwrap_or(Endian::Little) {
                            Endian::Little => out.extend_from_slice(&(c as u16).to_le_bytes()),
                            Endian::Big => out.extend_from_slice(&(c as u16).to_be_bytes()),
                        },
                        _ => push_encoded(codec, c, &mut out),
                    }
                }
            }
        }
        i = end;
    }
    Ok(out)
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh` for code point `c` (the
/// `backslashreplace` form, also used by `UnicodeEncodeError.__str__`).
pub fn backslash_escape(c: u32) -> String {
    if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

fn encode_error(
    vm: &mut Vm,
    codec: Codec,
    object: &Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    unicode_error(
        vm,
        ExcKind::UnicodeEncodeError,
        codec,
        object.clone(),
        start,
        end,
        reason,
    )
}

fn unicode_error(
    vm: &mut Vm,
    kind: ExcKind,
    codec: Codec,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let args = (|| -> PyResult<Vec<Value>> {
        Ok(vec![
            vm.new_str(codec.name())?,
            object,
            Value::from_i64(start as i64),
            Value::from_i64(end as i64),
            vm.new_str(reason)?,
        ])
    })();
    match args {
        Ok(args) => vm.new_exception(kind, args),
        Err(e) => e,
    }
}

/// `bytes.decode(encoding='utf-8', errors='strict')` for any bytes-like
/// `data` (the exception's object is `data` as `bytes`).
pub fn decode(
    vm: &mut Vm,
    data: &[u8],
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<Value> {
    let encoding = text_arg(vm, encoding, "decode", "encoding")?;
    let errors = text_arg(vm, errors, "decode", "errors")?;
    let codec = codec_of(vm, encoding)?;
    let handler = Handler::from_name(errors.as_deref().unwrap_or("strict"));
    decode_bytes(vm, data, codec, &handler)
}

/// `str(object, encoding, errors)`.
pub fn str_from_encoded(
    vm: &mut Vm,
    object: &Value,
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<Value> {
    if vm.as_str(object).is_some() {
        return Err(vm.type_error("decoding str is not supported".into()));
    }
    let Some(data) = crate::builtins::bytes::bytes_like(object) else {
        let tn = vm.type_name(object);
        return Err(vm.type_error(format!(
            "decoding to str: need a bytes-like object, {tn} found"
        )));
    };
    let data = data.to_vec();
    let encoding = text_arg(vm, encoding, "str", "encoding")?;
    let errors = text_arg(vm, errors, "str", "errors")?;
    let codec = codec_of(vm, encoding)?;
    let handler = Handler::from_name(errors.as_deref().unwrap_or("strict"));
    decode_bytes(vm, &data, codec, &handler)
}

/// Applies a decode error handler to the bytes `data[start..end]`; `Ok(())`
/// after appending the replacement.
#[allow(clippy::too_many_arguments)]
fn decode_failure(
    vm: &mut Vm,
    handler: &Handler,
    codec: Codec,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    out: &mut StrBuilder,
) -> PyResult<()> {
    match handler {
        Handler::Strict | Handler::SurrogatePass => {
            let object = vm.new_bytes(data.to_vec())?;
            Err(unicode_error(
                vm,
                ExcKind::UnicodeDecodeError,
                codec,
                object,
                start,
                end,
                reason,
            ))
        }
        Handler::Unknown(name) => Err(unknown_handler(vm, name)),
        Handler::Ignore => Ok(()),
        Handler::Replace => {
            out.push(0xFFFD);
            Ok(())
        }
        Handler::BackslashReplace => {
            for &b in &data[start..end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        Handler::SurrogateEscape => {
            if data[start..end].iter().any(|&b| b < 0x80) {
                let object = vm.new_bytes(data.to_vec())?;
                return Err(unicode_error(
                    vm,
                    ExcKind::UnicodeDecodeError,
                    codec,
                    object,
                    start,
                    end,
                    reason,
                ));
            }
            for &b in &data[start..end] {
                out.push(0xDC00 + u32::from(b));
            }
            Ok(())
        }
        Handler::XmlCharRefReplace | Handler::NameReplace => {
            let name = match handler {
                Handler::XmlCharRefReplace => "xmlcharrefreplace",
                _ => "namereplace",
            };
            Err(vm.type_error(format!(
                "don't know how to handle UnicodeDecodeError in error callback ({name})"
            )))
        }
    }
}

fn decode_bytes(vm: &mut Vm, data: &[u8], codec: Codec, handler: &Handler) -> PyResult<Value> {
    let mut out = StrBuilder::with_capacity(data.len());
    match codec {
        Codec::Utf8 { signature } => {
            let body = if signature {
                data.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(data)
            } else {
                data
            };
            let offset = data.len() - body.len();
            decode_utf8(vm, data, offset, codec, handler, &mut out)?;
        }
        Codec::Latin1 => {
            for &b in data {
                out.push(u32::from(b));
            }
        }
        Codec::Ascii => {
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(u32::from(b));
                } else {
                    decode_failure(
                        vm,
                        handler,
                        codec,
                        data,
                        i,
                        i + 1,
                        "ordinal not in range(128)",
                        &mut out,
                    )?;
                }
            }
        }
        Codec::Utf16(endian) => decode_utf16(vm, data, endian, handler, &mut out)?,
        Codec::Utf32(endian) => decode_utf32(vm, data, endian, handler, &mut out)?,
    }
    out.finish(vm)
}

fn decode_utf8(
    vm: &mut Vm,
    data: &[u8],
    mut pos: usize,
    codec: Codec,
    handler: &Handler,
    out: &mut StrBuilder,
) -> PyResult<()> {
    while pos < data.len() {
        match std::str::from_utf8(&data[pos..]) {
            Ok(text) => {
                out.push_str(text);
                return Ok(());
            }
            Err(e) => {
                let valid = e.valid_up_to();
                // SAFETY-free: the prefix was just validated.
                if let Ok(text) = std::str::from_utf8(&data[pos..pos + valid]) {
                    out.push_str(text);
                }
                let start = pos + valid;
                if *handler == Handler::SurrogatePass
                    && let Some(cp) = encoded_surrogate(&data[start..])
                {
                    out.push(cp);
                    pos = start + 3;
                    continue;
                }
                let (end, reason) = match e.error_len() {
                    None => (data.len(), "unexpected end of data"),
                    Some(n) => {
                        let first = data[start];
                        let reason = if matches!(first, 0x80..=0xC1 | 0xF5..=0xFF) {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        (start + n, reason)
                    }
                };
                decode_failure(vm, handler, codec, data, start, end, reason, out)?;
                pos = end;
            }
        }
    }
    Ok(())
}

/// A surrogate encoded as three UTF-8-shaped bytes at the start of `rest`.
fn encoded_surrogate(rest: &[u8]) -> Option<u32> {
    match rest {
        [0xED, b1 @ 0xA0..=0xBF, b2 @ 0x80..=0xBF, ..] => {
            Some(0xD000 | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F))
        }
        _ => None,
    }
}

fn decode_utf16(
    vm: &mut Vm,
    data: &[u8],
    endian: Option<Endian>,
    handler: &Handler,
    out: &mut StrBuilder,
) -> PyResult<()> {
    let (endian, mut pos) = match endian {
        Some(e) => (e, 0),
        None => match data {
            [0xFF, 0xFE, ..] => (Endian::Little, 2),
            [0xFE, 0xFF, ..] => (Endian::Big, 2),
            _ => (Endian::Little, 0),
        },
    };
    let codec = Codec::Utf16(Some(endian));
    let unit = |i: usize| -> u32 {
        let pair = [data[i], data[i + 1]];
        u32::from(match endian {
            Endian::Little => u16::from_le_bytes(pair),
            Endian::Big => u16::from_be_bytes(pair),
        })
    };
    while pos < data.len() {
        if pos + 1 >= data.len() {
            decode_failure(
                vm,
                handler,
                codec,
                data,
                pos,
                data.len(),
                "truncated data",
                out,
            )?;
            break;
        }
        let u = unit(pos);
        if !(0xD800..0xE000).contains(&u) {
            out.push(u);
            pos += 2;
            continue;
        }
        if u >= 0xDC00 {
            if *handler == Handler::SurrogatePass {
                out.push(u);
            } else {
                decode_failure(
                    vm,
                    handler,
                    codec,
                    data,
                    pos,
                    pos + 2,
                    "illegal encoding",
                    out,
                )?;
            }
            pos += 2;
            continue;
        }
        if pos + 3 >= data.len() {
            if *handler == Handler::SurrogatePass && pos + 3 > data.len() {
                out.push(u);
                pos += 2;
                continue;
            }
            decode_failure(
                vm,
                handler,
                codec,
                data,
                pos,
                data.len(),
                "unexpected end of data",
                out,
            )?;
            break;
        }
        let low = unit(pos + 2);
        if (0xDC00..0xE000).contains(&low) {
            out.push(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
            pos += 4;
        } else {
            if *handler == Handler::SurrogatePass {
                out.push(u);
            } else {
                decode_failure(
                    vm,
                    handler,
                    codec,
                    data,
                    pos,
                    pos + 2,
                    "illegal UTF-16 surrogate",
                    out,
                )?;
            }
            pos += 2;
        }
    }
    Ok(())
}

fn decode_utf32(
    vm: &mut Vm,
    data: &[u8],
    endian: Option<Endian>,
    handler: &Handler,
    out: &mut StrBuilder,
) -> PyResult<()> {
    let (endian, mut pos) = match endian {
        Some(e) => (e, 0),
        None => match data {
            [0xFF, 0xFE, 0, 0, ..] => (Endian::Little, 4),
            [0, 0, 0xFE, 0xFF, ..] => (Endian::Big, 4),
            _ => (Endian::Little, 0),
        },
    };
    let codec = Codec::Utf32(Some(endian));
    while pos < data.len() {
        if pos + 4 > data.len() {
            decode_failure(
                vm,
                handler,
                codec,
                data,
                pos,
                data.len(),
                "truncated data",
                out,
            )?;
            break;
        }
        let quad = [data[pos], data[pos + 1], data[pos + 2], data[pos + 3]];
        let cp = match endian {
            Endian::Little => u32::from_le_bytes(quad),
            Endian::Big => u32::from_be_bytes(quad),
        };
        if cp >= 0x110000 {
            decode_failure(
                vm,
                handler,
                codec,
                data,
                pos,
                pos + 4,
                "code point not in range(0x110000)",
                out,
            )?;
        } else if (0xD800..0xE000).contains(&cp) && *handler != Handler::SurrogatePass {
            decode_failure(
                vm,
                handler,
                codec,
                data,
                pos,
                pos + 4,
                "code point in surrogate code point range(0xd800, 0xe000)",
                out,
            )?;
        } else {
            out.push(cp);
        }
        pos += 4;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_names_normalise_like_cpython() {
        assert_eq!(lookup("UTF-8"), Some(Codec::Utf8 { signature: false }));
        assert_eq!(lookup("utf_8"), Some(Codec::Utf8 { signature: false }));
        assert_eq!(lookup(" Latin-1 "), Some(Codec::Latin1));
        assert_eq!(lookup("iso8859-1"), Some(Codec::Latin1));
        assert_eq!(lookup("US-ASCII"), Some(Codec::Ascii));
        assert_eq!(lookup("utf-16le"), Some(Codec::Utf16(Some(Endian::Little))));
        assert_eq!(lookup("utf-8-sig"), Some(Codec::Utf8 { signature: true }));
        assert_eq!(lookup("koi8-r"), None);
    }
}
