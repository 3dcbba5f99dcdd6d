//! The charmap codecs (`charmap_encode`, `charmap_decode`,
//! `charmap_build`) behind the table-driven 8-bit encodings of the
//! `encodings` package (`cp1252`, `koi8_r`, `mac_roman`, ...). Decoding maps
//! each byte through a 256-character table (a str, U+FFFE meaning
//! undefined) or any mapping; encoding maps each code point through the
//! dict `charmap_build` makes (or any mapping) to a byte or bytes.

use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::native::Args;
use krait_vm::builtins::str::codecs::{self as native, Codec};
use krait_vm::builtins::str::text::StrBuilder;
use krait_vm::{PyResult, Value, Vm};

use super::{bytes_pair, data_arg, decode_error, errors_arg, handle_decode_error, pair, text_arg};

/// The reason both directions give for an unmapped character.
const UNDEFINED: &str = "character maps to <undefined>";

/// What a mapping gives for one byte when decoding.
enum Decoded {
    Text(Value),
    Char(u32),
    Undefined,
}

/// `mapping[byte]` for decoding, with CPython's checks.
fn decode_one(vm: &mut Vm, mapping: &Value, byte: u8) -> PyResult<Decoded> {
    if let Some(table) = vm.as_str(mapping) {
        return Ok(match table.iter().nth(usize::from(byte)) {
            Some(0xFFFE) | None => Decoded::Undefined,
            Some(cp) => Decoded::Char(cp),
        });
    }
    let item = match vm.get_item(mapping, &Value::from_i64(i64::from(byte))) {
        Ok(item) => item,
        Err(e) if vm.exc_matches(&e, ExcKind::LookupError) => return Ok(Decoded::Undefined),
        Err(e) => return Err(e),
    };
    if item.is_none() {
        return Ok(Decoded::Undefined);
    }
    if let Some(text) = vm.as_str(&item) {
        let mut chars = text.iter();
        return Ok(match (chars.next(), chars.next()) {
            (Some(0xFFFE), None) => Decoded::Undefined,
            _ => Decoded::Text(item.clone()),
        });
    }
    let int_type = vm.types.int.clone();
    if vm.isinstance_type(&item, &int_type) {
        return match vm.index_i64(&item) {
            Ok(cp) if (0..=0x10FFFF).contains(&cp) => Ok(Decoded::Char(cp as u32)),
            _ => Err(vm.type_error("character mapping must be in range(0x110000)".into())),
        };
    }
    Err(vm.type_error("character mapping must return integer, None or str".into()))
}

/// `charmap_decode(data, errors=None, mapping=None, /)`.
pub fn decode(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let data = data_arg(vm, args.required(0))?;
    let errors = errors_arg(vm, args, 1, "charmap_decode")?;
    let mapping = match args.get(2) {
        Some(m) if !m.is_none() => m.clone(),
        _ => {
            let (text, consumed) = native::decode_native(vm, &data, Codec::Latin1, &errors, true)?;
            return pair(vm, text, consumed);
        }
    };
    let mut out = StrBuilder::with_capacity(data.len());
    let mut pos = 0;
    while let Some(&byte) = data.get(pos) {
        match decode_one(vm, &mapping, byte)? {
            Decoded::Char(cp) => out.push(cp),
            Decoded::Text(text) => {
                if let Some(text) = vm.as_str(&text) {
                    for cp in text.iter() {
                        out.push(cp);
                    }
                }
            }
            Decoded::Undefined => {
                let exception = decode_error(vm, "charmap", &data, pos, pos + 1, UNDEFINED);
                pos = handle_decode_error(vm, &errors, exception, data.len(), &mut out)?;
                continue;
            }
        }
        pos += 1;
    }
    let text = out.finish(vm)?;
    pair(vm, text, data.len())
}

/// `mapping[cp]` for encoding: the bytes, or `None` when unmapped.
fn encode_one(vm: &mut Vm, mapping: &Value, cp: u32) -> PyResult<Option<Vec<u8>>> {
    let item = match vm.get_item(mapping, &Value::from_i64(i64::from(cp))) {
        Ok(item) => item,
        Err(e) if vm.exc_matches(&e, ExcKind::LookupError) => return Ok(None),
        Err(e) => return Err(e),
    };
    if item.is_none() {
        return Ok(None);
    }
    let int_type = vm.types.int.clone();
    if vm.isinstance_type(&item, &int_type) {
        return match vm.index_i64(&item) {
            Ok(b) if (0..=255).contains(&b) => Ok(Some(vec![b as u8])),
            _ => Err(vm.type_error("character mapping must be in range(256)".into())),
        };
    }
    let bytes_type = vm.types.bytes.clone();
    if vm.isinstance_type(&item, &bytes_type)
        && let Some(data) = krait_vm::builtins::bytes::bytes_like(&item)
    {
        return Ok(Some(data.into_owned()));
    }
    let tn = vm.type_name(&item);
    Err(vm.type_error(format!(
        "character mapping must return integer, bytes or None, not {tn}"
    )))
}

/// `charmap_encode(str, errors=None, mapping=None, /)`.
pub fn encode(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let text = text_arg(vm, args, 0, "charmap_encode")?;
    let errors = errors_arg(vm, args, 1, "charmap_encode")?;
    let object = args.required(0).clone();
    let mapping = match args.get(2) {
        Some(m) if !m.is_none() => m.clone(),
        _ => {
            let out = native::encode_native(vm, &text, &object, Codec::Latin1, &errors)?;
            return bytes_pair(vm, out, text.char_len());
        }
    };
    let points = text.code_points();
    let mut out = Vec::with_capacity(points.len());
    let mut pos = 0;
    while let Some(&cp) = points.get(pos) {
        if let Some(bytes) = encode_one(vm, &mapping, cp)? {
            out.extend_from_slice(&bytes);
            pos += 1;
            continue;
        }
        let mut end = pos + 1;
        while let Some(&next) = points.get(end) {
            if encode_one(vm, &mapping, next)?.is_some() {
                break;
            }
            end += 1;
        }
        let exception = native::new_unicode_error(
            vm,
            ExcKind::UnicodeEncodeError,
            "charmap",
            object.clone(),
            pos,
            end,
            UNDEFINED,
        );
        if errors == "strict" {
            return Err(exception);
        }
        let message = "encoding error handler must return (str/bytes, int) tuple";
        let (replacement, position) =
            native::call_error_handler(vm, &errors, &exception, points.len(), message)?;
        if let Some(replacement) = vm.as_str(&replacement).cloned() {
            for rc in replacement.iter() {
                match encode_one(vm, &mapping, rc)? {
                    Some(bytes) => out.extend_from_slice(&bytes),
                    None => return Err(exception),
                }
            }
        } else {
            let bytes_type = vm.types.bytes.clone();
            match krait_vm::builtins::bytes::bytes_like(&replacement) {
                Some(data) if vm.isinstance_type(&replacement, &bytes_type) => {
                    out.extend_from_slice(&data)
                }
                _ => return Err(vm.type_error(message.into())),
            }
        }
        pos = position;
    }
    bytes_pair(vm, out, points.len())
}

/// `charmap_build(map, /)`: the encoding table of a 256-character decoding
/// table, as a dict from code point to byte.
pub fn build(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let table = match vm.as_str(args.required(0)) {
        Some(t) => t.clone(),
        None => {
            let tn = krait_vm::builtins::str::arg_type_name(vm, args.required(0));
            return Err(vm.type_error(format!("charmap_build() argument must be str, not {tn}")));
        }
    };
    let dict = vm.new_dict_ref()?;
    for (byte, cp) in table.iter().enumerate() {
        if cp == 0xFFFE {
            continue;
        }
        let byte = i64::try_from(byte).unwrap_or(i64::MAX);
        krait_vm::builtins::dict::Dict::set_item(
            vm,
            &dict,
            Value::from_i64(i64::from(cp)),
            Value::from_i64(byte),
        )?;
    }
    Ok(Value::from_object(dict.as_obj().clone()))
}
