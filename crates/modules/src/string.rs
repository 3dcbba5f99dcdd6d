//! `_string` (CPython's `Objects/stringlib/unicode_format.h` helpers that
//! `string.Formatter` uses): `formatter_parser(s)` splits a format string
//! into `(literal_text, field_name, format_spec, conversion)` tuples, and
//! `formatter_field_name_split(name)` splits a field name into its first
//! part and an iterator of `(is_attribute, key)` pairs — with CPython's
//! errors for malformed templates.

use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{MethodDef, method};
use krait_vm::object::Ref;
use krait_vm::{PyResult, Value, Vm};

/// `_string`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    vm.module_add_functions(module, FUNCTIONS)?;
    let doc = vm.new_str("string helper module")?;
    vm.module_set(module, "__doc__", doc)
}

const FUNCTIONS: &[MethodDef] = &[
    method("formatter_parser", "(s, /)", |vm, args| {
        let text = text_arg(vm, args.required(0))?;
        let mut items = Vec::new();
        for piece in parse_template(&text).map_err(|m| vm.value_error(m))? {
            let literal = vm.new_str(&piece.literal)?;
            let item = match piece.field {
                None => vm.new_tuple(vec![literal, Value::NONE, Value::NONE, Value::NONE])?,
                Some(f) => {
                    let name = vm.new_str(&f.name)?;
                    let spec = vm.new_str(&f.spec)?;
                    let conversion = match f.conversion {
                        Some(c) => vm.new_str(&c.to_string())?,
                        None => Value::NONE,
                    };
                    vm.new_tuple(vec![literal, name, spec, conversion])?
                }
            };
            items.push(item);
        }
        let list = vm.new_list(items)?;
        vm.iter(&list)
    }),
    method("formatter_field_name_split", "(s, /)", |vm, args| {
        let text = text_arg(vm, args.required(0))?;
        let (first, rest) = split_field_name(&text).map_err(|m| vm.value_error(m))?;
        let first = key_value(vm, &first)?;
        let mut items = Vec::new();
        for (is_attribute, key) in rest {
            let key = if is_attribute {
                vm.new_str(&key)?
            } else {
                key_value(vm, &key)?
            };
            items.push(vm.new_tuple(vec![Value::from_bool(is_attribute), key])?);
        }
        let list = vm.new_list(items)?;
        let iterator = vm.iter(&list)?;
        vm.new_tuple(vec![first, iterator])
    }),
];

fn text_arg(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match vm.as_str(v) {
        Some(s) => Ok(s.as_lossy().into_owned()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("expected str, got {tn}")))
        }
    }
}

/// A field name part: an int when it is all digits, else the text.
fn key_value(vm: &mut Vm, key: &str) -> PyResult<Value> {
    if !key.is_empty()
        && key.bytes().all(|b| b.is_ascii_digit())
        && let Ok(n) = key.parse::<i64>()
    {
        return Ok(Value::from_i64(n));
    }
    vm.new_str(key)
}

/// One piece of a template: literal text, then maybe a field.
struct Piece {
    literal: String,
    field: Option<Field>,
}

struct Field {
    name: String,
    spec: String,
    conversion: Option<char>,
}

/// Splits a template as CPython's `MarkupIterator` does.
fn parse_template(text: &str) -> Result<Vec<Piece>, &'static str> {
    let chars: Vec<char> = text.chars().collect();
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut literal = String::new();
        let mut markup = false;
        while let Some(&c) = chars.get(i) {
            i += 1;
            if c == '{' || c == '}' {
                if chars.get(i) == Some(&c) {
                    // An escaped brace ends this literal (with the brace).
                    literal.push(c);
                    i += 1;
                    break;
                }
                if c == '}' {
                    return Err("Single '}' encountered in format string");
                }
                if i >= chars.len() {
                    return Err("Single '{' encountered in format string");
                }
                markup = true;
                break;
            }
            literal.push(c);
        }
        if !markup {
            pieces.push(Piece {
                literal,
                field: None,
            });
            continue;
        }
        let field = parse_field(&chars, &mut i)?;
        pieces.push(Piece {
            literal,
            field: Some(field),
        });
    }
    Ok(pieces)
}

/// Reads a field starting after its `{` (CPython's `parse_field`, which
/// works on the rest of the template): name, conversion, spec, up to the
/// matching `}`.
fn parse_field(chars: &[char], i: &mut usize) -> Result<Field, &'static str> {
    let name_start = *i;
    let mut stop = None;
    while let Some(&c) = chars.get(*i) {
        *i += 1;
        match c {
            '{' => return Err("unexpected '{' in field name"),
            '[' => {
                while let Some(&d) = chars.get(*i) {
                    if d == ']' {
                        break;
                    }
                    *i += 1;
                }
            }
            '}' | ':' | '!' => {
                stop = Some(c);
                break;
            }
            _ => {}
        }
    }
    let name_end = if stop.is_some() { *i - 1 } else { *i };
    let name: String = chars
        .get(name_start..name_end)
        .unwrap_or(&[])
        .iter()
        .collect();
    let mut field = Field {
        name,
        spec: String::new(),
        conversion: None,
    };
    match stop {
        Some('}') => return Ok(field),
        None => return Err("expected '}' before end of string"),
        _ => {}
    }
    if stop == Some('!') {
        let Some(&c) = chars.get(*i) else {
            return Err("end of string while looking for conversion specifier");
        };
        field.conversion = Some(c);
        *i += 1;
        if let Some(&next) = chars.get(*i) {
            *i += 1;
            if next == '}' {
                return Ok(field);
            }
            if next != ':' {
                return Err("expected ':' after conversion specifier");
            }
        }
    }
    let spec_start = *i;
    let mut depth = 1;
    while let Some(&c) = chars.get(*i) {
        *i += 1;
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    field.spec = chars
                        .get(spec_start..*i - 1)
                        .unwrap_or(&[])
                        .iter()
                        .collect();
                    return Ok(field);
                }
            }
            _ => {}
        }
    }
    Err("unmatched '{' in format spec")
}

/// The parts after a field name's first: `(is_attribute, key)`.
type FieldNameRest = Vec<(bool, String)>;

/// Splits `first.attr[key]...` as CPython's `FieldNameIterator`.
fn split_field_name(text: &str) -> Result<(String, FieldNameRest), &'static str> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c == '.' || c == '[' {
            break;
        }
        i += 1;
    }
    let first: String = chars.get(..i).unwrap_or(&[]).iter().collect();
    let mut rest = Vec::new();
    while let Some(&c) = chars.get(i) {
        i += 1;
        match c {
            '.' => {
                let start = i;
                while let Some(&d) = chars.get(i) {
                    if d == '.' || d == '[' {
                        break;
                    }
                    i += 1;
                }
                if i == start {
                    return Err("Empty attribute in format string");
                }
                rest.push((true, chars.get(start..i).unwrap_or(&[]).iter().collect()));
            }
            '[' => {
                let start = i;
                let mut closed = false;
                while let Some(&d) = chars.get(i) {
                    i += 1;
                    if d == ']' {
                        closed = true;
                        break;
                    }
                }
                if !closed {
                    return Err("Missing ']' in format string");
                }
                let key: String = chars.get(start..i - 1).unwrap_or(&[]).iter().collect();
                if key.is_empty() {
                    return Err("Empty attribute in format string");
                }
                rest.push((false, key));
                if let Some(&next) = chars.get(i)
                    && next != '.'
                    && next != '['
                {
                    return Err("Only '.' or '[' may follow ']' in format field specifier");
                }
            }
            _ => return Err("Only '.' or '[' may follow ']' in format field specifier"),
        }
    }
    Ok((first, rest))
}
