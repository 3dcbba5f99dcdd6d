//! `_codecs` (CPython's `Modules/_codecsmodule.c`): the codec registry
//! (`register`, `lookup`, `encode`, `decode`, `register_error`,
//! `lookup_error`, ...) and the per-codec functions the `encodings`
//! package's modules call (`utf_8_encode`, `charmap_decode`, ...), each
//! returning `(output, consumed)`.
//!
//! A thin layer: the registry is `krait_vm::builtins::str::codec_registry`
//! and the UTF/ASCII/Latin-1 codecs are `krait_vm::builtins::str::codecs`;
//! this folder adds argument handling, the error handler functions
//! ([`error_handlers`]), the charmap codecs ([`charmap`]) and the escape
//! codecs ([`escape`]).

pub mod charmap;
pub mod error_handlers;
pub mod escape;
pub mod utf7;

use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{Args, MethodDef, method};
use krait_vm::builtins::str::Str;
use krait_vm::builtins::str::codec_registry;
use krait_vm::builtins::str::codecs::{self as native, Codec, Endian};
use krait_vm::builtins::str::text::StrBuilder;
use krait_vm::object::Ref;
use krait_vm::{PyErr, PyResult, Value, Vm};

/// `_codecs`'s initialiser: also registers the builtin error handlers
/// (`strict`, `ignore`, ...) under their names, as CPython's registry
/// starts with them.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    vm.module_add_functions(module, FUNCTIONS)?;
    error_handlers::register_builtin_handlers(vm)
}

/// The `errors` argument at `index` (absent or `None`: `"strict"`).
pub fn errors_arg(vm: &mut Vm, args: &Args, index: usize, function: &str) -> PyResult<String> {
    match args.get(index) {
        None => Ok("strict".to_owned()),
        Some(v) if v.is_none() => Ok("strict".to_owned()),
        Some(v) => match vm.as_str(v) {
            Some(s) => Ok(s.as_lossy().into_owned()),
            None => {
                let tn = krait_vm::builtins::str::arg_type_name(vm, v);
                Err(vm.type_error(format!(
                    "{function}() argument {} must be str or None, not {tn}",
                    index + 1
                )))
            }
        },
    }
}

/// A str argument at `index`, with CPython's message naming `function`.
pub fn text_arg(vm: &mut Vm, args: &Args, index: usize, function: &str) -> PyResult<Ref<Str>> {
    let v = args.required(index);
    match vm.as_str(v) {
        Some(s) => Ok(s.clone()),
        None => {
            let tn = krait_vm::builtins::str::arg_type_name(vm, v);
            Err(vm.type_error(format!(
                "{function}() argument {} must be str, not {tn}",
                index + 1
            )))
        }
    }
}

/// A bytes-like argument (the bytes copied).
pub fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match krait_vm::builtins::bytes::bytes_like(v) {
        Some(data) => Ok(data.into_owned()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// The truth value of the `final` argument at `index`, `default` when
/// absent.
pub fn final_arg(vm: &mut Vm, args: &Args, index: usize, default: bool) -> PyResult<bool> {
    match args.get(index) {
        None => Ok(default),
        Some(v) => vm.is_true(v),
    }
}

/// An int argument (`byteorder`), 0 when absent.
fn int_arg(vm: &mut Vm, args: &Args, index: usize) -> PyResult<i64> {
    match args.get(index) {
        None => Ok(0),
        Some(v) => vm.index_i64(v),
    }
}

/// `(output, consumed)`.
pub fn pair(vm: &mut Vm, output: Value, consumed: usize) -> PyResult<Value> {
    let consumed = Value::from_i64(i64::try_from(consumed).unwrap_or(i64::MAX));
    vm.new_tuple(vec![output, consumed])
}

/// `(bytes, consumed)`.
pub fn bytes_pair(vm: &mut Vm, output: Vec<u8>, consumed: usize) -> PyResult<Value> {
    let output = vm.new_bytes(output)?;
    pair(vm, output, consumed)
}

/// Applies the error handler `errors` to a failure while decoding `data`
/// (`strict` raises `exception`; any other name is looked up in the
/// registry and called), appending its replacement to `out`; returns where
/// decoding resumes.
pub fn handle_decode_error(
    vm: &mut Vm,
    errors: &str,
    exception: PyErr,
    len: usize,
    out: &mut StrBuilder,
) -> PyResult<usize> {
    let (replacement, position) = decode_error_replacement(vm, errors, exception, len)?;
    for cp in replacement {
        out.push(cp);
    }
    Ok(position)
}

/// [`handle_decode_error`] giving the replacement's code points.
pub fn decode_error_replacement(
    vm: &mut Vm,
    errors: &str,
    exception: PyErr,
    len: usize,
) -> PyResult<(Vec<u32>, usize)> {
    if errors == "strict" {
        return Err(exception);
    }
    let message = "decoding error handler must return (str, int) tuple";
    let (replacement, position) = native::call_error_handler(vm, errors, &exception, len, message)?;
    let Some(text) = vm.as_str(&replacement) else {
        return Err(vm.type_error(message.into()));
    };
    Ok((text.iter().collect(), position))
}

/// A `UnicodeDecodeError` of `encoding` over `data`.
pub fn decode_error(
    vm: &mut Vm,
    encoding: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    match vm.new_bytes(data.to_vec()) {
        Ok(object) => native::new_unicode_error(
            vm,
            ExcKind::UnicodeDecodeError,
            encoding,
            object,
            start,
            end,
            reason,
        ),
        Err(e) => e,
    }
}

/// `<codec>_encode(str, errors=None, /)` with one of krait's codecs.
fn encode_native(vm: &mut Vm, args: &Args, function: &str, codec: Codec) -> PyResult<Value> {
    let text = text_arg(vm, args, 0, function)?;
    let errors = errors_arg(vm, args, 1, function)?;
    let object = args.required(0).clone();
    let out = native::encode_native(vm, &text, &object, codec, &errors)?;
    bytes_pair(vm, out, text.char_len())
}

/// `<codec>_decode(data, errors=None[, final], /)` with one of krait's
/// codecs (`final_default` when the codec takes no `final`).
fn decode_native(
    vm: &mut Vm,
    args: &Args,
    function: &str,
    codec: Codec,
    final_index: Option<usize>,
) -> PyResult<Value> {
    let data = data_arg(vm, args.required(0))?;
    let errors = errors_arg(vm, args, 1, function)?;
    let is_final = match final_index {
        Some(i) => final_arg(vm, args, i, false)?,
        None => true,
    };
    let (text, consumed) = native::decode_native(vm, &data, codec, &errors, is_final)?;
    pair(vm, text, consumed)
}

/// The codec of a `byteorder` argument: 0 native with a byte-order mark,
/// below 0 little-endian, above 0 big-endian.
fn ordered(byteorder: i64, codec: fn(Option<Endian>) -> Codec) -> Codec {
    codec(match byteorder {
        0 => None,
        b if b < 0 => Some(Endian::Little),
        _ => Some(Endian::Big),
    })
}

/// `utf_16_ex_decode` / `utf_32_ex_decode`: `(str, consumed, byteorder)`;
/// with byteorder 0 a byte-order mark decides (and is reported as -1 / 1).
fn decode_ex(
    vm: &mut Vm,
    args: &Args,
    function: &str,
    width: usize,
    codec: fn(Option<Endian>) -> Codec,
) -> PyResult<Value> {
    let data = data_arg(vm, args.required(0))?;
    let errors = errors_arg(vm, args, 1, function)?;
    let mut byteorder = int_arg(vm, args, 2)?;
    let is_final = final_arg(vm, args, 3, false)?;
    let chosen = if byteorder == 0 {
        match native::byte_order_mark(&data, width) {
            Some((endian, _)) => {
                byteorder = if endian == Endian::Little { -1 } else { 1 };
                codec(None)
            }
            None => codec(Some(Endian::Little)),
        }
    } else {
        ordered(byteorder, codec)
    };
    let (text, consumed) = native::decode_native(vm, &data, chosen, &errors, is_final)?;
    let consumed = Value::from_i64(i64::try_from(consumed).unwrap_or(i64::MAX));
    vm.new_tuple(vec![text, consumed, Value::from_i64(byteorder)])
}

/// `utf_16_encode` / `utf_32_encode(str, errors=None, byteorder=0, /)`.
fn encode_ordered(
    vm: &mut Vm,
    args: &Args,
    function: &str,
    codec: fn(Option<Endian>) -> Codec,
) -> PyResult<Value> {
    let byteorder = int_arg(vm, args, 2)?;
    encode_native(vm, args, function, ordered(byteorder, codec))
}

/// The name argument of a registry function (`which`: "argument" for a
/// function of one parameter, else "argument N", as CPython words it).
fn name_arg(vm: &mut Vm, v: &Value, function: &str, which: &str) -> PyResult<String> {
    match vm.as_str(v) {
        Some(s) => Ok(s.as_lossy().into_owned()),
        None => {
            let tn = krait_vm::builtins::str::arg_type_name(vm, v);
            Err(vm.type_error(format!("{function}() {which} must be str, not {tn}")))
        }
    }
}

/// `codecs.encode` / `codecs.decode` (`item` 0 / 1).
fn run_codec(vm: &mut Vm, args: &Args, function: &str, item: usize) -> PyResult<Value> {
    let encoding = match args.get(1) {
        Some(v) => name_arg(vm, v, function, "argument 'encoding'")?,
        None => "utf-8".to_owned(),
    };
    let errors = match args.get(2) {
        Some(v) => name_arg(vm, v, function, "argument 'errors'")?,
        None => "strict".to_owned(),
    };
    codec_registry::run_codec(vm, args.required(0), &encoding, &errors, item)
}

const UTF8: Codec = Codec::Utf8 { signature: false };
const UTF16_LE: Codec = Codec::Utf16(Some(Endian::Little));
const UTF16_BE: Codec = Codec::Utf16(Some(Endian::Big));
const UTF32_LE: Codec = Codec::Utf32(Some(Endian::Little));
const UTF32_BE: Codec = Codec::Utf32(Some(Endian::Big));

const FUNCTIONS: &[MethodDef] = &[
    method("register", "(search_function, /)", |vm, args| {
        codec_registry::register(vm, args.required(0))?;
        Ok(Value::NONE)
    }),
    method("unregister", "(search_function, /)", |vm, args| {
        codec_registry::unregister(vm, args.required(0))?;
        Ok(Value::NONE)
    }),
    method("lookup", "(encoding, /)", |vm, args| {
        let name = name_arg(vm, args.required(0), "lookup", "argument")?;
        codec_registry::lookup(vm, &name)
    }),
    method(
        "encode",
        "(obj, encoding='utf-8', errors='strict')",
        |vm, args| run_codec(vm, args, "encode", 0),
    ),
    method(
        "decode",
        "(obj, encoding='utf-8', errors='strict')",
        |vm, args| run_codec(vm, args, "decode", 1),
    ),
    method("register_error", "(errors, handler, /)", |vm, args| {
        let name = name_arg(vm, args.required(0), "register_error", "argument 1")?;
        codec_registry::register_error(vm, &name, args.required(1))?;
        Ok(Value::NONE)
    }),
    method("lookup_error", "(name, /)", |vm, args| {
        let name = name_arg(vm, args.required(0), "lookup_error", "argument")?;
        codec_registry::lookup_error(vm, &name)
    }),
    method("_unregister_error", "(errors, /)", |vm, args| {
        let name = name_arg(vm, args.required(0), "_unregister_error", "argument")?;
        error_handlers::unregister(vm, &name)
    }),
    method("utf_8_encode", "(str, errors=None, /)", |vm, args| {
        encode_native(vm, args, "utf_8_encode", UTF8)
    }),
    method(
        "utf_8_decode",
        "(data, errors=None, final=False, /)",
        |vm, args| decode_native(vm, args, "utf_8_decode", UTF8, Some(2)),
    ),
    method("ascii_encode", "(str, errors=None, /)", |vm, args| {
        encode_native(vm, args, "ascii_encode", Codec::Ascii)
    }),
    method("ascii_decode", "(data, errors=None, /)", |vm, args| {
        decode_native(vm, args, "ascii_decode", Codec::Ascii, None)
    }),
    method("latin_1_encode", "(str, errors=None, /)", |vm, args| {
        encode_native(vm, args, "latin_1_encode", Codec::Latin1)
    }),
    method("latin_1_decode", "(data, errors=None, /)", |vm, args| {
        decode_native(vm, args, "latin_1_decode", Codec::Latin1, None)
    }),
    method(
        "utf_16_encode",
        "(str, errors=None, byteorder=0, /)",
        |vm, args| encode_ordered(vm, args, "utf_16_encode", Codec::Utf16),
    ),
    method("utf_16_le_encode", "(str, errors=None, /)", |vm, args| {
        encode_native(vm, args, "utf_16_le_encode", UTF16_LE)
    }),
    method("utf_16_be_encode", "(str, errors=None, /)", |vm, args| {
        encode_native(vm, args, "utf_16_be_encode", UTF16_BE)
    }),
    method(
        "utf_16_decode",
        "(data, errors=None, final=False, /)",
        |vm, args| decode_native(vm, args, "utf_16_decode", Codec::Utf16(None), Some(2)),
    ),
    method(
        "utf_16_le_decode",
        "(data, errors=None, final=False, /)",
        |vm, args| decode_native(vm, args, "utf_16_le_decode", UTF16_LE, Some(2)),
    ),
    method(
        "utf_16_be_decode",
        "(data, errors=None, final=False, /)",
        |vm, args| decode_native(vm, args, "utf_16_be_decode", UTF16_BE, Some(2)),
    ),
    method(
        "utf_16_ex_decode",
        "(data, errors=None, byteorder=0, final=False, /)",
        |vm, args| decode_ex(vm, args, "utf_16_ex_decode", 2, Codec::Utf16),
    ),
    method(
        "utf_32_encode",
        "(str, errors=None, byteorder=0, /)",
        |vm, args| encode_ordered(vm, args, "utf_32_encode", Codec::Utf32),
    ),
    method("utf_32_le_encode", "(str, errors=None, /)", |vm, args| {
        encode_native(vm, args, "utf_32_le_encode", UTF32_LE)
    }),
    method("utf_32_be_encode", "(str, errors=None, /)", |vm, args| {
        encode_native(vm, args, "utf_32_be_encode", UTF32_BE)
    }),
    method(
        "utf_32_decode",
        "(data, errors=None, final=False, /)",
        |vm, args| decode_native(vm, args, "utf_32_decode", Codec::Utf32(None), Some(2)),
    ),
    method(
        "utf_32_le_decode",
        "(data, errors=None, final=False, /)",
        |vm, args| decode_native(vm, args, "utf_32_le_decode", UTF32_LE, Some(2)),
    ),
    method(
        "utf_32_be_decode",
        "(data, errors=None, final=False, /)",
        |vm, args| decode_native(vm, args, "utf_32_be_decode", UTF32_BE, Some(2)),
    ),
    method(
        "utf_32_ex_decode",
        "(data, errors=None, byteorder=0, final=False, /)",
        |vm, args| decode_ex(vm, args, "utf_32_ex_decode", 4, Codec::Utf32),
    ),
    method("utf_7_encode", "(str, errors=None, /)", utf7::encode),
    method(
        "utf_7_decode",
        "(data, errors=None, final=False, /)",
        utf7::decode,
    ),
    method("readbuffer_encode", "(data, errors=None, /)", |vm, args| {
        let data = match vm.as_str(args.required(0)) {
            Some(s) => s.as_bytes().to_vec(),
            None => data_arg(vm, args.required(0))?,
        };
        errors_arg(vm, args, 1, "readbuffer_encode")?;
        let len = data.len();
        bytes_pair(vm, data, len)
    }),
    method(
        "charmap_encode",
        "(str, errors=None, mapping=None, /)",
        charmap::encode,
    ),
    method(
        "charmap_decode",
        "(data, errors=None, mapping=None, /)",
        charmap::decode,
    ),
    method("charmap_build", "(map, /)", charmap::build),
    method(
        "escape_encode",
        "(data, errors=None, /)",
        escape::escape_encode,
    ),
    method(
        "escape_decode",
        "(data, errors=None, /)",
        escape::escape_decode,
    ),
    method(
        "unicode_escape_encode",
        "(str, errors=None, /)",
        escape::unicode_escape_encode,
    ),
    method(
        "unicode_escape_decode",
        "(data, errors=None, final=True, /)",
        escape::unicode_escape_decode,
    ),
    method(
        "raw_unicode_escape_encode",
        "(str, errors=None, /)",
        escape::raw_unicode_escape_encode,
    ),
    method(
        "raw_unicode_escape_decode",
        "(data, errors=None, final=True, /)",
        escape::raw_unicode_escape_decode,
    ),
];
