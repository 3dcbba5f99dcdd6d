//! The text codecs behind `str.encode`, `bytes.decode` and
//! `str(bytes, encoding, errors)`: UTF-8 (and `utf-8-sig`), ASCII, Latin-1,
//! UTF-16 and UTF-32 (with or without a byte-order mark), CPython's
//! encoding-name aliases, the error handlers `strict`, `ignore`, `replace`,
//! `backslashreplace`, `xmlcharrefreplace`, `namereplace`,
//! `surrogateescape` and `surrogatepass`, and `UnicodeEncodeError` /
//! `UnicodeDecodeError` with CPython's arguments and messages. Other
//! encodings and error handler names go through the codec registry
//! ([`codec_registry`]); `_codecs` calls the codecs directly through
//! [`encode_native`] / [`decode_native`].

use crate::builtins::exceptions::ExcKind;
use crate::builtins::native::Args;
use crate::builtins::str::codec_registry;
use crate::builtins::str::text::StrBuilder;
use crate::builtins::str::{Str, this};
use crate::error::{PyErr, PyResult};
use crate::runtime::Vm;
use crate::value::Value;

/// A byte order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Endian {
    /// Least significant byte first.
    Little,
    /// Most significant byte first.
    Big,
}

/// A codec krait implements natively.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    /// UTF-8; `signature`: `utf-8-sig` (a BOM written, and skipped if read).
    Utf8 {
        /// Whether a byte-order mark is written and skipped.
        signature: bool,
    },
    /// 7-bit ASCII.
    Ascii,
    /// ISO-8859-1.
    Latin1,
    /// UTF-16; `None`: with a byte-order mark.
    Utf16(Option<Endian>),
    /// UTF-32; `None`: with a byte-order mark.
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

/// An encoding name normalised as CPython's codec registry does: runs of
/// characters other than ASCII letters, digits and `.` become one `_`
/// (none at either end), letters are lowercased.
pub fn normalize_encoding(name: &str) -> String {
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
    normal
}

/// The native codec an encoding name denotes: CPython's
/// `encodings.normalize_encoding` followed by its alias table (for the
/// codecs krait has).
pub fn lookup(name: &str) -> Option<Codec> {
    let normal = normalize_encoding(name);
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

/// Where an encoding name leads: one of krait's own codecs, or (for the
/// other names) the codec registry.
enum Route {
    Native(Codec),
    Registry(String),
}

fn route_of(name: Option<String>) -> Route {
    match name {
        None => Route::Native(Codec::Utf8 { signature: false }),
        Some(n) => match lookup(&n) {
            Some(codec) => Route::Native(codec),
            None => Route::Registry(n),
        },
    }
}

/// `object.encode(encoding, errors)` through the codec registry (the
/// `encodings` package): the encoder must give bytes.
fn encode_by_registry(
    vm: &mut Vm,
    object: &Value,
    encoding: &str,
    errors: Option<&str>,
) -> PyResult<Vec<u8>> {
    codec_registry::lookup_text_encoding(vm, encoding, "codecs.encode()")?;
    let out = codec_registry::run_codec(vm, object, encoding, errors.unwrap_or("strict"), 0)?;
    let bytes_type = vm.types.bytes.clone();
    let bytearray_type = vm.types.bytearray.clone();
    let is_bytearray = vm.isinstance_type(&out, &bytearray_type);
    if (is_bytearray || vm.isinstance_type(&out, &bytes_type))
        && let Some(data) = crate::builtins::bytes::bytes_like(&out)
    {
        let data = data.into_owned();
        if is_bytearray {
            codec_registry::warn(
                vm,
                ExcKind::RuntimeWarning,
                &format!(
                    "encoder {encoding} returned bytearray instead of bytes; use codecs.encode() to encode to arbitrary types"
                ),
            )?;
        }
        return Ok(data);
    }
    let tn = vm.type_name(&out);
    Err(vm.type_error(format!(
        "'{encoding}' encoder returned '{tn}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types"
    )))
}

/// `data.decode(encoding, errors)` through the codec registry: the decoder
/// gets a memoryview of the bytes and must give a str.
fn decode_by_registry(
    vm: &mut Vm,
    data: &[u8],
    encoding: &str,
    errors: Option<&str>,
) -> PyResult<Value> {
    codec_registry::lookup_text_encoding(vm, encoding, "codecs.decode()")?;
    let bytes = vm.new_bytes(data.to_vec())?;
    let view = crate::builtins::memoryview::new_memoryview(vm, &bytes)?;
    let out = codec_registry::run_codec(vm, &view, encoding, errors.unwrap_or("strict"), 1)?;
    let str_type = vm.types.str.clone();
    if vm.isinstance_type(&out, &str_type) {
        return Ok(out);
    }
    let tn = vm.type_name(&out);
    Err(vm.type_error(format!(
        "'{encoding}' decoder returned '{tn}' instead of 'str'; use codecs.decode() to decode to arbitrary types"
    )))
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
    let data = match route_of(encoding) {
        Route::Native(codec) => {
            let handler = Handler::from_name(errors.as_deref().unwrap_or("strict"));
            encode_str(vm, s, args.this(), codec, &handler)?
        }
        Route::Registry(name) => encode_by_registry(vm, args.this(), &name, errors.as_deref())?,
    };
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
    match route_of(Some(encoding.to_owned())) {
        Route::Native(codec) => {
            let handler = Handler::from_name(errors.unwrap_or("strict"));
            encode_str(vm, s, object, codec, &handler)
        }
        Route::Registry(name) => encode_by_registry(vm, object, &name, errors),
    }
}

/// Encodes `s` (the value `object`) with one of krait's codecs and a named
/// error handler (builtin or registered): the `_codecs.*_encode` functions.
pub fn encode_native(
    vm: &mut Vm,
    s: &Str,
    object: &Value,
    codec: Codec,
    errors: &str,
) -> PyResult<Vec<u8>> {
    encode_str(vm, s, object, codec, &Handler::from_name(errors))
}

/// Decodes `data` with one of krait's codecs and a named error handler:
/// the decoded str and how many bytes it consumed. Unless `is_final`, an
/// incomplete sequence at the end is left unconsumed rather than an error
/// (incremental decoders feed it again with more data).
pub fn decode_native(
    vm: &mut Vm,
    data: &[u8],
    codec: Codec,
    errors: &str,
    is_final: bool,
) -> PyResult<(Value, usize)> {
    decode_bytes(vm, data, codec, &Handler::from_name(errors), is_final)
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
            Handler::Unknown(name) => {
                let failure = Failure {
                    codec,
                    start: i,
                    end,
                    reason: encode_reason(codec),
                };
                i = encode_by_user_handler(vm, name, object, points.len(), failure, &mut out)?;
                continue;
            }
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

/// Where a codec failed: what `UnicodeEncodeError` / `UnicodeDecodeError`
/// report.
#[derive(Clone, Copy)]
struct Failure {
    codec: Codec,
    start: usize,
    end: usize,
    reason: &'static str,
}

/// The `(replacement, new position)` the error handler registered as
/// `name` returns for `exception` (`message`: CPython's complaint when the
/// result has the wrong shape); the position is made absolute against
/// `len`, with CPython's `IndexError` when it falls outside.
pub fn call_error_handler(
    vm: &mut Vm,
    name: &str,
    exception: &PyErr,
    len: usize,
    message: &str,
) -> PyResult<(Value, usize)> {
    let Some(handler) = codec_registry::find_error_handler(vm, name)? else {
        return Err(unknown_handler(vm, name));
    };
    let exc = Value::from_object(exception.as_obj().clone());
    let result = vm.call(&handler, &[exc], None)?;
    let tuple = vm.types.tuple.clone();
    let items = if vm.isinstance_type(&result, &tuple) {
        crate::builtins::tuple::seq_items(&result).unwrap_or_default()
    } else {
        Vec::new()
    };
    let [replacement, position] = items.as_slice() else {
        return Err(vm.type_error(message.into()));
    };
    let Some(position) = vm.index_value(position)? else {
        return Err(vm.type_error(message.into()));
    };
    let len_i = i64::try_from(len).unwrap_or(i64::MAX);
    let absolute = if position < 0 {
        position.saturating_add(len_i)
    } else {
        position
    };
    match usize::try_from(absolute) {
        Ok(p) if p <= len => Ok((replacement.clone(), p)),
        _ => Err(vm.index_error(&format!(
            "position {position} from error handler out of bounds"
        ))),
    }
}

/// Runs the error handler registered as `name` on an encoding failure of
/// `object` (`len` code points) and appends its replacement: a str must be
/// encodable by the codec itself, bytes go in as they are. Returns where
/// encoding resumes.
fn encode_by_user_handler(
    vm: &mut Vm,
    name: &str,
    object: &Value,
    len: usize,
    failure: Failure,
    out: &mut Vec<u8>,
) -> PyResult<usize> {
    let exception = encode_error(
        vm,
        failure.codec,
        object,
        failure.start,
        failure.end,
        failure.reason,
    );
    let (replacement, position) = call_error_handler(
        vm,
        name,
        &exception,
        len,
        "encoding error handler must return (str/bytes, int) tuple",
    )?;
    if let Some(text) = vm.as_str(&replacement) {
        for cp in text.iter() {
            if !encodable(failure.codec, cp) {
                return Err(exception);
            }
            push_encoded(failure.codec, cp, out);
        }
    } else {
        let bytes_type = vm.types.bytes.clone();
        match crate::builtins::bytes::bytes_like(&replacement) {
            Some(data) if vm.isinstance_type(&replacement, &bytes_type) => {
                out.extend_from_slice(&data)
            }
            _ => {
                return Err(vm.type_error(
                    "encoding error handler must return (str/bytes, int) tuple".into(),
                ));
            }
        }
    }
    Ok(position)
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
    new_unicode_error(vm, kind, codec.name(), object, start, end, reason)
}

/// A `UnicodeEncodeError` / `UnicodeDecodeError` / `UnicodeTranslateError`
/// (`kind`) with CPython's five arguments (a translate error takes no
/// encoding).
pub fn new_unicode_error(
    vm: &mut Vm,
    kind: ExcKind,
    encoding: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let args = (|| -> PyResult<Vec<Value>> {
        let mut args = Vec::with_capacity(5);
        if kind != ExcKind::UnicodeTranslateError {
            args.push(vm.new_str(encoding)?);
        }
        args.extend([
            object,
            Value::from_i64(i64::try_from(start).unwrap_or(i64::MAX)),
            Value::from_i64(i64::try_from(end).unwrap_or(i64::MAX)),
            vm.new_str(reason)?,
        ]);
        Ok(args)
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
    decode_routed(vm, data, encoding, errors)
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
    decode_routed(vm, &data, encoding, errors)
}

/// Decodes all of `data` by a native codec or through the registry.
fn decode_routed(
    vm: &mut Vm,
    data: &[u8],
    encoding: Option<String>,
    errors: Option<String>,
) -> PyResult<Value> {
    match route_of(encoding) {
        Route::Native(codec) => {
            let handler = Handler::from_name(errors.as_deref().unwrap_or("strict"));
            Ok(decode_bytes(vm, data, codec, &handler, true)?.0)
        }
        Route::Registry(name) => decode_by_registry(vm, data, &name, errors.as_deref()),
    }
}

/// Applies a decode error handler to the bytes `data[start..end]`,
/// appending its replacement; returns where decoding resumes.
fn decode_failure(
    vm: &mut Vm,
    handler: &Handler,
    data: &[u8],
    failure: Failure,
    out: &mut StrBuilder,
) -> PyResult<usize> {
    let Failure {
        codec,
        start,
        end,
        reason,
    } = failure;
    let raise = |vm: &mut Vm| -> PyErr {
        match vm.new_bytes(data.to_vec()) {
            Ok(object) => unicode_error(
                vm,
                ExcKind::UnicodeDecodeError,
                codec,
                object,
                start,
                end,
                reason,
            ),
            Err(e) => e,
        }
    };
    let failed = data.get(start..end).unwrap_or_default();
    match handler {
        Handler::Strict | Handler::SurrogatePass => Err(raise(vm)),
        Handler::Unknown(name) => {
            let exception = raise(vm);
            let (replacement, position) = call_error_handler(
                vm,
                name,
                &exception,
                data.len(),
                "decoding error handler must return (str, int) tuple",
            )?;
            let Some(text) = vm.as_str(&replacement) else {
                return Err(
                    vm.type_error("decoding error handler must return (str, int) tuple".into())
                );
            };
            for cp in text.iter() {
                out.push(cp);
            }
            Ok(position)
        }
        Handler::Ignore => Ok(end),
        Handler::Replace => {
            out.push(0xFFFD);
            Ok(end)
        }
        Handler::BackslashReplace => {
            for &b in failed {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(end)
        }
        Handler::SurrogateEscape => {
            // Up to four bytes from the start, stopping at an ASCII one.
            let escaped: Vec<u8> = failed
                .iter()
                .copied()
                .take_while(|&b| b >= 0x80)
                .take(4)
                .collect();
            if escaped.is_empty() {
                return Err(raise(vm));
            }
            for &b in &escaped {
                out.push(0xDC00 + u32::from(b));
            }
            Ok(start + escaped.len())
        }
        Handler::XmlCharRefReplace | Handler::NameReplace => {
            Err(vm
                .type_error("don't know how to handle UnicodeDecodeError in error callback".into()))
        }
    }
}

/// Decodes `data`: the str and the number of bytes consumed (all of them
/// when `is_final`; otherwise an incomplete sequence at the end stays).
fn decode_bytes(
    vm: &mut Vm,
    data: &[u8],
    codec: Codec,
    handler: &Handler,
    is_final: bool,
) -> PyResult<(Value, usize)> {
    let mut out = StrBuilder::with_capacity(data.len());
    let consumed = match codec {
        Codec::Utf8 { signature } => {
            let offset = if signature && data.starts_with(&[0xEF, 0xBB, 0xBF]) {
                3
            } else {
                0
            };
            decode_utf8(vm, data, offset, codec, handler, is_final, &mut out)?
        }
        Codec::Latin1 => {
            for &b in data {
                out.push(u32::from(b));
            }
            data.len()
        }
        Codec::Ascii => {
            let mut pos = 0;
            while let Some(&b) = data.get(pos) {
                if b < 0x80 {
                    out.push(u32::from(b));
                    pos += 1;
                } else {
                    let failure = Failure {
                        codec,
                        start: pos,
                        end: pos + 1,
                        reason: "ordinal not in range(128)",
                    };
                    pos = decode_failure(vm, handler, data, failure, &mut out)?;
                }
            }
            data.len()
        }
        Codec::Utf16(endian) => decode_utf16(vm, data, endian, handler, is_final, &mut out)?,
        Codec::Utf32(endian) => decode_utf32(vm, data, endian, handler, is_final, &mut out)?,
    };
    Ok((out.finish(vm)?, consumed))
}

fn decode_utf8(
    vm: &mut Vm,
    data: &[u8],
    mut pos: usize,
    codec: Codec,
    handler: &Handler,
    is_final: bool,
    out: &mut StrBuilder,
) -> PyResult<usize> {
    while pos < data.len() {
        let rest = data.get(pos..).unwrap_or_default();
        match std::str::from_utf8(rest) {
            Ok(text) => {
                out.push_str(text);
                return Ok(data.len());
            }
            Err(e) => {
                let valid = e.valid_up_to();
                if let Ok(text) = std::str::from_utf8(rest.get(..valid).unwrap_or_default()) {
                    out.push_str(text);
                }
                let start = pos + valid;
                let tail = data.get(start..).unwrap_or_default();
                if *handler == Handler::SurrogatePass
                    && let Some(cp) = encoded_surrogate(tail)
                {
                    out.push(cp);
                    pos = start + 3;
                    continue;
                }
                let (end, reason) = match e.error_len() {
                    None if !is_final => return Ok(start),
                    None => (data.len(), "unexpected end of data"),
                    Some(n) => {
                        let first = tail.first().copied().unwrap_or(0);
                        let reason = if matches!(first, 0x80..=0xC1 | 0xF5..=0xFF) {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        (start + n, reason)
                    }
                };
                let failure = Failure {
                    codec,
                    start,
                    end,
                    reason,
                };
                pos = decode_failure(vm, handler, data, failure, out)?;
            }
        }
    }
    Ok(data.len().max(pos))
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

/// The byte order a UTF-16/32 byte-order mark at the start of `data` gives,
/// and its length.
pub fn byte_order_mark(data: &[u8], width: usize) -> Option<(Endian, usize)> {
    match (width, data) {
        (2, [0xFF, 0xFE, ..]) => Some((Endian::Little, 2)),
        (2, [0xFE, 0xFF, ..]) => Some((Endian::Big, 2)),
        (4, [0xFF, 0xFE, 0, 0, ..]) => Some((Endian::Little, 4)),
        (4, [0, 0, 0xFE, 0xFF, ..]) => Some((Endian::Big, 4)),
        _ => None,
    }
}

fn decode_utf16(
    vm: &mut Vm,
    data: &[u8],
    endian: Option<Endian>,
    handler: &Handler,
    is_final: bool,
    out: &mut StrBuilder,
) -> PyResult<usize> {
    let (endian, mut pos) = match endian {
        Some(e) => (e, 0),
        None => byte_order_mark(data, 2).unwrap_or((Endian::Little, 0)),
    };
    let codec = Codec::Utf16(Some(endian));
    let unit = |i: usize| -> Option<u32> {
        let pair = [*data.get(i)?, *data.get(i + 1)?];
        Some(u32::from(match endian {
            Endian::Little => u16::from_le_bytes(pair),
            Endian::Big => u16::from_be_bytes(pair),
        }))
    };
    while pos < data.len() {
        let Some(u) = unit(pos) else {
            if !is_final {
                return Ok(pos);
            }
            let failure = Failure {
                codec,
                start: pos,
                end: data.len(),
                reason: "truncated data",
            };
            pos = decode_failure(vm, handler, data, failure, out)?;
            continue;
        };
        if !(0xD800..0xE000).contains(&u) {
            out.push(u);
            pos += 2;
            continue;
        }
        let mut failure = Failure {
            codec,
            start: pos,
            end: pos + 2,
            reason: "illegal encoding",
        };
        if u < 0xDC00 {
            match unit(pos + 2) {
                Some(low) if (0xDC00..0xE000).contains(&low) => {
                    out.push(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                    pos += 4;
                    continue;
                }
                Some(_) => failure.reason = "illegal UTF-16 surrogate",
                None if !is_final => return Ok(pos),
                None if *handler == Handler::SurrogatePass => {}
                None => {
                    failure.end = data.len();
                    failure.reason = "unexpected end of data";
                }
            }
        }
        if *handler == Handler::SurrogatePass && failure.end == pos + 2 {
            out.push(u);
            pos += 2;
        } else {
            pos = decode_failure(vm, handler, data, failure, out)?;
        }
    }
    Ok(data.len().max(pos))
}

fn decode_utf32(
    vm: &mut Vm,
    data: &[u8],
    endian: Option<Endian>,
    handler: &Handler,
    is_final: bool,
    out: &mut StrBuilder,
) -> PyResult<usize> {
    let (endian, mut pos) = match endian {
        Some(e) => (e, 0),
        None => byte_order_mark(data, 4).unwrap_or((Endian::Little, 0)),
    };
    let codec = Codec::Utf32(Some(endian));
    while pos < data.len() {
        let Some(&[b0, b1, b2, b3]) = data.get(pos..pos + 4) else {
            if !is_final {
                return Ok(pos);
            }
            let failure = Failure {
                codec,
                start: pos,
                end: data.len(),
                reason: "truncated data",
            };
            pos = decode_failure(vm, handler, data, failure, out)?;
            continue;
        };
        let quad = [b0, b1, b2, b3];
        let cp = match endian {
            Endian::Little => u32::from_le_bytes(quad),
            Endian::Big => u32::from_be_bytes(quad),
        };
        let reason = if cp >= 0x110000 {
            "code point not in range(0x110000)"
        } else if (0xD800..0xE000).contains(&cp) && *handler != Handler::SurrogatePass {
            "code point in surrogate code point range(0xd800, 0xe000)"
        } else {
            out.push(cp);
            pos += 4;
            continue;
        };
        let failure = Failure {
            codec,
            start: pos,
            end: pos + 4,
            reason,
        };
        pos = decode_failure(vm, handler, data, failure, out)?;
    }
    Ok(data.len().max(pos))
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

    #[test]
    fn registry_names_collapse_punctuation_and_drop_non_ascii() {
        assert_eq!(normalize_encoding("Foo-Bar Baz"), "foo_bar_baz");
        assert_eq!(normalize_encoding("  -a..b- "), "a..b");
        assert_eq!(normalize_encoding("\u{c4}BC x"), "bc_x");
        assert_eq!(normalize_encoding("a\u{c4}b"), "a_b");
    }

    #[test]
    fn byte_order_marks_choose_the_order() {
        assert_eq!(byte_order_mark(b"\xff\xfea", 2), Some((Endian::Little, 2)));
        assert_eq!(byte_order_mark(b"\xfe\xff", 2), Some((Endian::Big, 2)));
        assert_eq!(byte_order_mark(b"\0\0\xfe\xff", 4), Some((Endian::Big, 4)));
        assert_eq!(byte_order_mark(b"\xff", 2), None);
    }
}
