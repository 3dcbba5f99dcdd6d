//! The builtin codec error handlers as Python-callable functions
//! (CPython's `strict_errors`, `ignore_errors`, `replace_errors`,
//! `backslashreplace_errors`, `xmlcharrefreplace_errors`,
//! `namereplace_errors`, `surrogateescape`, `surrogatepass`): each takes a
//! `UnicodeEncodeError` / `UnicodeDecodeError` / `UnicodeTranslateError`
//! and returns `(replacement, resume position)`. krait's own codecs apply
//! these handlers inline; these functions are what `codecs.lookup_error`
//! returns and what the charmap and escape codecs call.

use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::native::{Args, MethodDef, method};
use krait_vm::builtins::str::codec_registry;
use krait_vm::builtins::str::codecs::backslash_escape;
use krait_vm::builtins::str::text::StrBuilder;
use krait_vm::{PyErr, PyResult, Value, Vm};

/// The handlers, registered under these names when `_codecs` starts.
const HANDLERS: &[(&str, MethodDef)] = &[
    ("strict", method("strict_errors", "(exc, /)", strict_errors)),
    ("ignore", method("ignore_errors", "(exc, /)", ignore_errors)),
    (
        "replace",
        method("replace_errors", "(exc, /)", replace_errors),
    ),
    (
        "backslashreplace",
        method(
            "backslashreplace_errors",
            "(exc, /)",
            backslashreplace_errors,
        ),
    ),
    (
        "xmlcharrefreplace",
        method(
            "xmlcharrefreplace_errors",
            "(exc, /)",
            xmlcharrefreplace_errors,
        ),
    ),
    (
        "namereplace",
        method("namereplace_errors", "(exc, /)", namereplace_errors),
    ),
    (
        "surrogateescape",
        method("surrogateescape", "(exc, /)", surrogateescape),
    ),
    (
        "surrogatepass",
        method("surrogatepass", "(exc, /)", surrogatepass),
    ),
];

/// Registers every builtin handler that is not registered yet.
pub fn register_builtin_handlers(vm: &mut Vm) -> PyResult<()> {
    for (name, def) in HANDLERS {
        if codec_registry::find_error_handler(vm, name)?.is_none() {
            let function = vm.new_builtin_function(def, None, def.name)?;
            codec_registry::register_error(vm, name, &function)?;
        }
    }
    Ok(())
}

/// `_codecs._unregister_error(name)`: whether a handler was removed; the
/// builtin ones cannot be.
pub fn unregister(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if HANDLERS.iter().any(|(n, _)| *n == name) {
        return Err(vm.value_error(&format!(
            "cannot un-register built-in error handler '{name}'"
        )));
    }
    Ok(Value::from_bool(codec_registry::unregister_error(
        vm, name,
    )?))
}

/// Which of the three Unicode errors a handler got.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Encode,
    Decode,
    Translate,
}

/// The parts of a Unicode error a handler reads.
struct Failure {
    kind: Kind,
    object: Value,
    start: usize,
    end: usize,
}

fn wrong_type(vm: &mut Vm, exc: &Value) -> PyErr {
    let tn = vm.type_name(exc);
    vm.type_error(format!("don't know how to handle {tn} in error callback"))
}

/// Reads the failure out of `exc` (start and end clamped to the object).
fn failure(vm: &mut Vm, exc: &Value) -> PyResult<Failure> {
    let kind = if vm.is_instance_of_kind(exc, ExcKind::UnicodeEncodeError) {
        Kind::Encode
    } else if vm.is_instance_of_kind(exc, ExcKind::UnicodeDecodeError) {
        Kind::Decode
    } else if vm.is_instance_of_kind(exc, ExcKind::UnicodeTranslateError) {
        Kind::Translate
    } else {
        return Err(wrong_type(vm, exc));
    };
    let object = vm.get_attr_str(exc, "object")?;
    let len = match vm.as_str(&object) {
        Some(s) => s.char_len(),
        None => krait_vm::builtins::bytes::bytes_like(&object).map_or(0, |b| b.len()),
    };
    let start = vm.get_attr_str(exc, "start")?;
    let start = vm.index_i64(&start)?;
    let end = vm.get_attr_str(exc, "end")?;
    let end = vm.index_i64(&end)?;
    let clamp = |v: i64| usize::try_from(v.max(0)).unwrap_or(0).min(len);
    let start = clamp(start);
    let end = clamp(end).max(start);
    Ok(Failure {
        kind,
        object,
        start,
        end,
    })
}

/// The code points `start..end` of the failed str.
fn failed_chars(vm: &Vm, f: &Failure) -> Vec<u32> {
    vm.as_str(&f.object)
        .map(|s| s.iter().skip(f.start).take(f.end - f.start).collect())
        .unwrap_or_default()
}

/// The bytes `start..end` of the failed bytes.
fn failed_bytes(f: &Failure) -> Vec<u8> {
    krait_vm::builtins::bytes::bytes_like(&f.object)
        .and_then(|b| b.get(f.start..f.end).map(<[u8]>::to_vec))
        .unwrap_or_default()
}

/// `(text, position)`.
fn text_result(vm: &mut Vm, text: &str, position: usize) -> PyResult<Value> {
    let text = vm.new_str(text)?;
    position_result(vm, text, position)
}

fn position_result(vm: &mut Vm, replacement: Value, position: usize) -> PyResult<Value> {
    let position = Value::from_i64(i64::try_from(position).unwrap_or(i64::MAX));
    vm.new_tuple(vec![replacement, position])
}

/// Raises the exception a handler was given.
fn reraise(vm: &mut Vm, exc: &Value) -> PyErr {
    match krait_vm::builtins::exceptions::as_exception(exc) {
        Some(e) => PyErr(e.clone()),
        None => wrong_type(vm, exc),
    }
}

fn strict_errors(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let exc = args.required(0);
    match krait_vm::builtins::exceptions::as_exception(exc) {
        Some(e) => Err(PyErr(e.clone())),
        None => Err(vm.type_error("codec must pass exception instance".into())),
    }
}

fn ignore_errors(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = failure(vm, args.required(0))?;
    text_result(vm, "", f.end)
}

fn replace_errors(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = failure(vm, args.required(0))?;
    let text = match f.kind {
        Kind::Encode => "?".repeat(f.end - f.start),
        Kind::Decode => "\u{FFFD}".to_owned(),
        Kind::Translate => "\u{FFFD}".repeat(f.end - f.start),
    };
    text_result(vm, &text, f.end)
}

fn backslashreplace_errors(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = failure(vm, args.required(0))?;
    let text: String = match f.kind {
        Kind::Decode => failed_bytes(&f)
            .iter()
            .map(|b| format!("\\x{b:02x}"))
            .collect(),
        _ => failed_chars(vm, &f)
            .into_iter()
            .map(backslash_escape)
            .collect(),
    };
    text_result(vm, &text, f.end)
}

fn xmlcharrefreplace_errors(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let exc = args.required(0);
    let f = failure(vm, exc)?;
    if f.kind != Kind::Encode {
        return Err(wrong_type(vm, exc));
    }
    let text: String = failed_chars(vm, &f)
        .into_iter()
        .map(|c| format!("&#{c};"))
        .collect();
    text_result(vm, &text, f.end)
}

fn namereplace_errors(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let exc = args.required(0);
    let f = failure(vm, exc)?;
    if f.kind != Kind::Encode {
        return Err(wrong_type(vm, exc));
    }
    let text: String = failed_chars(vm, &f)
        .into_iter()
        .map(|c| match char::from_u32(c).and_then(unicode_names2::name) {
            Some(name) => format!("\\N{{{name}}}"),
            None => backslash_escape(c),
        })
        .collect();
    text_result(vm, &text, f.end)
}

fn surrogateescape(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let exc = args.required(0);
    let f = failure(vm, exc)?;
    match f.kind {
        Kind::Decode => {
            let failed = failed_bytes(&f);
            let taken: Vec<u8> = failed
                .iter()
                .copied()
                .take_while(|&b| b >= 0x80)
                .take(4)
                .collect();
            if taken.is_empty() {
                return Err(reraise(vm, exc));
            }
            let mut out = StrBuilder::with_capacity(taken.len() * 3);
            for &b in &taken {
                out.push(0xDC00 + u32::from(b));
            }
            let text = out.finish(vm)?;
            position_result(vm, text, f.start + taken.len())
        }
        Kind::Encode => {
            let chars = failed_chars(vm, &f);
            if chars.iter().any(|c| !(0xDC80..0xDD00).contains(c)) {
                return Err(reraise(vm, exc));
            }
            let bytes = vm.new_bytes(chars.iter().map(|&c| (c - 0xDC00) as u8).collect())?;
            position_result(vm, bytes, f.end)
        }
        Kind::Translate => Err(wrong_type(vm, exc)),
    }
}

/// The UTF codec a `surrogatepass` failure names: its code unit width and
/// byte order (UTF-8 as width 1).
fn utf_form(encoding: &str) -> Option<(usize, bool)> {
    let name = encoding.to_ascii_lowercase().replace('_', "-");
    Some(match name.as_str() {
        "utf-8" | "utf8" => (1, false),
        "utf-16" | "utf-16-le" => (2, false),
        "utf-16-be" => (2, true),
        "utf-32" | "utf-32-le" => (4, false),
        "utf-32-be" => (4, true),
        _ => return None,
    })
}

fn surrogatepass(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let exc = args.required(0);
    let f = failure(vm, exc)?;
    let encoding = vm.get_attr_str(exc, "encoding")?;
    let encoding = vm.as_str(&encoding).map(|s| s.as_lossy().into_owned());
    let Some((width, big)) = encoding.as_deref().and_then(utf_form) else {
        return Err(reraise(vm, exc));
    };
    match f.kind {
        Kind::Encode => {
            let chars = failed_chars(vm, &f);
            let mut out = Vec::new();
            for c in chars {
                if !(0xD800..0xE000).contains(&c) {
                    return Err(reraise(vm, exc));
                }
                match (width, big) {
                    (1, _) => out.extend_from_slice(&[
                        0xE0 | (c >> 12) as u8,
                        0x80 | ((c >> 6) & 0x3F) as u8,
                        0x80 | (c & 0x3F) as u8,
                    ]),
                    (2, false) => out.extend_from_slice(&(c as u16).to_le_bytes()),
                    (2, true) => out.extend_from_slice(&(c as u16).to_be_bytes()),
                    (_, false) => out.extend_from_slice(&c.to_le_bytes()),
                    (_, true) => out.extend_from_slice(&c.to_be_bytes()),
                }
            }
            let bytes = vm.new_bytes(out)?;
            position_result(vm, bytes, f.end)
        }
        Kind::Decode => {
            let data = krait_vm::builtins::bytes::bytes_like(&f.object)
                .map(|b| b.into_owned())
                .unwrap_or_default();
            let rest = data.get(f.start..).unwrap_or_default();
            let (cp, len) = match (width, rest) {
                (1, [0xED, b1 @ 0xA0..=0xBF, b2 @ 0x80..=0xBF, ..]) => (
                    0xD000 | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F),
                    3,
                ),
                (2, [a, b, ..]) => {
                    let pair = [*a, *b];
                    let u = if big {
                        u16::from_be_bytes(pair)
                    } else {
                        u16::from_le_bytes(pair)
                    };
                    (u32::from(u), 2)
                }
                (4, [a, b, c, d, ..]) => {
                    let quad = [*a, *b, *c, *d];
                    let u = if big {
                        u32::from_be_bytes(quad)
                    } else {
                        u32::from_le_bytes(quad)
                    };
                    (u, 4)
                }
                _ => return Err(reraise(vm, exc)),
            };
            if !(0xD800..0xE000).contains(&cp) {
                return Err(reraise(vm, exc));
            }
            let text = vm.new_char(cp)?;
            position_result(vm, text, f.start + len)
        }
        Kind::Translate => Err(wrong_type(vm, exc)),
    }
}
