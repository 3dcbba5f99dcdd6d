//! `str.format` and `str.format_map`: CPython's replacement-field grammar —
//! literal text with `{{`/`}}` escapes, fields `{name.attr[key]!conv:spec}`
//! with automatic or manual numbering, format specs that contain fields of
//! their own (one level deep) — and CPython's errors for malformed
//! templates. Each value is formatted by `builtins::format::format`, the one
//! implementation of `format(value, spec)`.

use crate::builtins::native::Args;
use crate::builtins::str::text::StrBuilder;
use crate::builtins::str::{str_arg, this};
use crate::error::PyResult;
use crate::runtime::Vm;
use crate::value::Value;

/// Where field values come from.
struct Source<'a> {
    positional: &'a [Value],
    /// Keyword arguments or the `format_map` mapping.
    mapping: Option<&'a Value>,
    /// Automatic numbering: `None` until decided, then whether automatic.
    auto: Option<bool>,
    next_auto: usize,
    /// `format_map`, which has no positional arguments at all.
    is_map: bool,
}

/// `str.format(*args, **kwargs)`.
pub fn format(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let template = this(vm, args)?;
    let positional = args.varargs().to_vec();
    let kwargs = args.kwargs().cloned();
    let mut source = Source {
        positional: &positional,
        mapping: kwargs.as_ref(),
        auto: None,
        next_auto: 0,
        is_map: false,
    };
    let points = template.code_points();
    let mut out = StrBuilder::with_capacity(template.as_bytes().len());
    render(vm, &points, &mut source, 2, &mut out)?;
    out.finish(vm)
}

/// `str.format_map(mapping)`.
pub fn format_map(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let template = this(vm, args)?;
    let mapping = args.required(1).clone();
    let mut source = Source {
        positional: &[],
        mapping: Some(&mapping),
        auto: None,
        next_auto: 0,
        is_map: true,
    };
    let points = template.code_points();
    let mut out = StrBuilder::with_capacity(template.as_bytes().len());
    render(vm, &points, &mut source, 2, &mut out)?;
    out.finish(vm)
}

/// `str.__format__(format_spec)`.
pub fn dunder_format(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let spec = str_arg(vm, args.required(1), "format() argument 1")?;
    let value = args.this().clone();
    crate::builtins::format::format(vm, &value, &spec.as_lossy())
}

fn to_string(points: &[u32]) -> String {
    points
        .iter()
        .map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}'))
        .collect()
}

/// Renders `template` into `out`; `depth` bounds nested specs.
fn render(
    vm: &mut Vm,
    template: &[u32],
    source: &mut Source<'_>,
    depth: u32,
    out: &mut StrBuilder,
) -> PyResult<()> {
    if depth == 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    const OPEN: u32 = '{' as u32;
    const CLOSE: u32 = '}' as u32;
    let mut i = 0;
    while i < template.len() {
        let c = template[i];
        if c != OPEN && c != CLOSE {
            out.push(c);
            i += 1;
            continue;
        }
        let next = template.get(i + 1).copied();
        if c == CLOSE {
            if next != Some(CLOSE) {
                return Err(vm.value_error("Single '}' encountered in format string"));
            }
            out.push(CLOSE);
            i += 2;
            continue;
        }
        match next {
            None => return Err(vm.value_error("Single '{' encountered in format string")),
            Some(OPEN) => {
                out.push(OPEN);
                i += 2;
                continue;
            }
            Some(_) => {}
        }
        i += 1;
        let field = parse_field(vm, template, &mut i)?;
        let value = field_value(vm, &field.name, source)?;
        let value = match field.conversion {
            None => value,
            Some(c) if c == u32::from(b'r') => vm.repr(&value)?,
            Some(c) if c == u32::from(b's') => vm.str(&value)?,
            Some(c) if c == u32::from(b'a') => crate::builtins::functions::ascii(vm, &value)?,
            Some(c) => {
                let shown = match char::from_u32(c) {
                    Some(ch) if (0x20..0x7F).contains(&c) => ch.to_string(),
                    _ => format!("\\x{c:x}"),
                };
                return Err(vm.value_error(&format!("Unknown conversion specifier {shown}")));
            }
        };
        let spec = if field.spec_has_fields {
            let mut inner = StrBuilder::default();
            render(vm, &field.spec, source, depth - 1, &mut inner)?;
            let inner = inner.into_payload();
            inner.as_lossy().into_owned()
        } else {
            to_string(&field.spec)
        };
        let formatted = crate::builtins::format::format(vm, &value, &spec)?;
        match vm.as_str(&formatted) {
            Some(s) => out.push_payload(s),
            None => {
                let tn = vm.type_name(&formatted);
                return Err(vm.type_error(format!("__format__ must return a str, not {tn}")));
            }
        }
    }
    Ok(())
}

/// One replacement field.
struct Field {
    name: Vec<u32>,
    conversion: Option<u32>,
    spec: Vec<u32>,
    spec_has_fields: bool,
}

/// Parses the field starting at `template[*i]` (after its `{`), leaving
/// `*i` after its closing `}`.
fn parse_field(vm: &mut Vm, template: &[u32], i: &mut usize) -> PyResult<Field> {
    let mut name = Vec::new();
    let mut last = 0;
    while *i < template.len() {
        let c = template[*i];
        *i += 1;
        last = c;
        match char::from_u32(c) {
            Some('{') => return Err(vm.value_error("unexpected '{' in field name")),
            Some('[') => {
                name.push(c);
                while *i < template.len() && template[*i] != u32::from(b']') {
                    name.push(template[*i]);
                    *i += 1;
                }
                continue;
            }
            Some('}' | ':' | '!') => break,
            _ => name.push(c),
        }
    }
    let mut field = Field {
        name,
        conversion: None,
        spec: Vec::new(),
        spec_has_fields: false,
    };
    if last == u32::from(b'!') || last == u32::from(b':') {
        if last == u32::from(b'!') {
            let Some(&conv) = template.get(*i) else {
                return Err(vm.value_error("end of string while looking for conversion specifier"));
            };
            field.conversion = Some(conv);
            *i += 1;
            if let Some(&c) = template.get(*i) {
                *i += 1;
                if c == u32::from(b'}') {
                    return Ok(field);
                }
                if c != u32::from(b':') {
                    return Err(vm.value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let mut depth = 1;
        while *i < template.len() {
            let c = template[*i];
            *i += 1;
            if c == u32::from(b'{') {
                field.spec_has_fields = true;
                depth += 1;
            } else if c == u32::from(b'}') {
                depth -= 1;
                if depth == 0 {
                    return Ok(field);
                }
            }
            field.spec.push(c);
        }
        return Err(vm.value_error("unmatched '{' in format spec"));
    }
    if last != u32::from(b'}') {
        return Err(vm.value_error("expected '}' before end of string"));
    }
    Ok(field)
}

/// A run of decimal digits as an index: `None` if not all digits.
fn parse_index(vm: &mut Vm, digits: &[u32]) -> PyResult<Option<usize>> {
    if digits.is_empty() || !digits.iter().all(|&c| (0x30..=0x39).contains(&c)) {
        return Ok(None);
    }
    let mut n: usize = 0;
    for &d in digits {
        n = match n
            .checked_mul(10)
            .and_then(|n| n.checked_add((d - 0x30) as usize))
        {
            Some(n) if n <= i64::MAX as usize => n,
            _ => return Err(vm.value_error("Too many decimal digits in format string")),
        };
    }
    Ok(Some(n))
}

/// Resolves `name` (`first`, then `.attr` and `[key]` parts) to a value.
fn field_value(vm: &mut Vm, name: &[u32], source: &mut Source<'_>) -> PyResult<Value> {
    let first_len = name
        .iter()
        .position(|&c| c == u32::from(b'.') || c == u32::from(b'['))
        .unwrap_or(name.len());
    let (first, mut rest) = name.split_at(first_len);
    let mut value = if first.is_empty() {
        if source.auto == Some(false) {
            return Err(vm.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        source.auto = Some(true);
        let index = source.next_auto;
        source.next_auto += 1;
        positional(vm, source, index)?
    } else if let Some(index) = parse_index(vm, first)? {
        if source.auto == Some(true) {
            return Err(vm.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        source.auto = Some(false);
        positional(vm, source, index)?
    } else {
        let mut key = StrBuilder::default();
        for &c in first {
            key.push(c);
        }
        let key = key.finish(vm)?;
        match source.mapping {
            Some(m) => {
                let m = m.clone();
                vm.get_item(&m, &key)?
            }
            None => return Err(vm.key_error(key)),
        }
    };
    while let Some((&c, after)) = rest.split_first() {
        if c == u32::from(b'.') {
            let len = after
                .iter()
                .position(|&c| c == u32::from(b'.') || c == u32::from(b'['))
                .unwrap_or(after.len());
            if len == 0 {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let attr = to_string(&after[..len]);
            value = vm.get_attr_str(&value, &attr)?;
            rest = &after[len..];
        } else if c == u32::from(b'[') {
            let Some(close) = after.iter().position(|&c| c == u32::from(b']')) else {
                return Err(vm.value_error("Missing ']' in format string"));
            };
            if close == 0 {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let key_points = &after[..close];
            let key = match parse_index(vm, key_points)? {
                Some(n) => Value::from_i64(n as i64),
                None => {
                    let mut b = StrBuilder::default();
                    for &c in key_points {
                        b.push(c);
                    }
                    b.finish(vm)?
                }
            };
            value = vm.get_item(&value, &key)?;
            rest = &after[close + 1..];
            if let Some(&next) = rest.first()
                && next != u32::from(b'.')
                && next != u32::from(b'[')
            {
                return Err(
                    vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(value)
}

fn positional(vm: &mut Vm, source: &Source<'_>, index: usize) -> PyResult<Value> {
    if source.is_map {
        return Err(vm.value_error("Format string contains positional fields"));
    }
    match source.positional.get(index) {
        Some(v) => Ok(v.clone()),
        None => Err(vm.index_error(&format!(
            "Replacement index {index} out of range for positional args tuple"
        ))),
    }
}
