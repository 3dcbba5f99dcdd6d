//! `str`'s searching methods: `find`/`rfind`/`index`/`rindex`/`count` with
//! `start`/`end` ranges, `startswith`/`endswith` (a prefix or a tuple of
//! them), `replace`, `removeprefix`/`removesuffix`. Searching runs on the
//! WTF-8 bytes (every code point is one sequence, so a byte match is a
//! code-point match) and converts positions only at the edges.

use crate::builtins::native::Args;
use crate::builtins::slice::{adjust_indices, start_end};
use crate::builtins::str::text::StrBuilder;
use crate::builtins::str::{Str, str_arg, this};
use crate::builtins::tuple::Tuple;
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::value::Value;

/// The first byte offset of `needle` in `haystack`.
pub fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    match needle.len() {
        0 => Some(0),
        1 => memchr(needle[0], haystack),
        n if n > haystack.len() => None,
        _ => {
            let first = needle[0];
            let last_start = haystack.len() - needle.len();
            let mut i = 0;
            while i <= last_start {
                let at = memchr(first, &haystack[i..=last_start])? + i;
                if &haystack[at..at + needle.len()] == needle {
                    return Some(at);
                }
                i = at + 1;
            }
            None
        }
    }
}

fn memchr(b: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&x| x == b)
}

/// The last byte offset of `needle` in `haystack`.
pub fn rfind_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > haystack.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(haystack.len());
    }
    (0..=haystack.len() - needle.len())
        .rev()
        .find(|&i| &haystack[i..i + needle.len()] == needle)
}

/// Non-overlapping occurrences of a non-empty `needle`.
pub fn count_bytes(haystack: &[u8], needle: &[u8], limit: usize) -> usize {
    let mut n = 0;
    let mut rest = haystack;
    while n < limit {
        match find_bytes(rest, needle) {
            Some(i) => {
                n += 1;
                rest = &rest[i + needle.len()..];
            }
            None => break,
        }
    }
    n
}

/// A search range of `s` as code-point positions and its bytes.
struct Range<'a> {
    start: usize,
    end: usize,
    bytes: &'a [u8],
}

fn range<'a>(vm: &mut Vm, s: &'a Str, args: &Args, first: usize) -> PyResult<Range<'a>> {
    let (start, end) = start_end(vm, args.get(first), args.get(first + 1))?;
    let (start, end) = adjust_indices(start, end, s.char_len());
    let bytes = if start <= end {
        s.slice_bytes(start, end)
    } else {
        &[]
    };
    Ok(Range { start, end, bytes })
}

/// Where `sub` occurs in `self[start:end]`, as a code-point position.
fn find_in(vm: &mut Vm, args: &Args, reverse: bool, what: &str) -> PyResult<Option<usize>> {
    let s = this(vm, args)?;
    let sub = match args
        .required(1)
        .as_object()
        .and_then(|o| o.downcast::<Str>())
    {
        Some(sub) => sub.clone(),
        None => {
            let tn = crate::builtins::str::arg_type_name(vm, args.required(1));
            return Err(vm.type_error(format!("{what}() argument 1 must be str, not {tn}")));
        }
    };
    let r = range(vm, s, args, 2)?;
    if r.start > r.end || r.end - r.start < sub.char_len() {
        return Ok(None);
    }
    let found = if reverse {
        rfind_bytes(r.bytes, sub.as_bytes())
    } else {
        find_bytes(r.bytes, sub.as_bytes())
    };
    Ok(found.map(|offset| {
        r.start
            + if s.is_ascii() {
                offset
            } else {
                super::text::count_code_points(&r.bytes[..offset])
            }
    }))
}

fn position_or(found: Option<usize>, missing: i64) -> Value {
    Value::from_i64(found.map_or(missing, |p| p as i64))
}

/// `str.find(sub[, start[, end]])`.
pub fn find(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(position_or(find_in(vm, args, false, "find")?, -1))
}

/// `str.rfind(sub[, start[, end]])`.
pub fn rfind(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(position_or(find_in(vm, args, true, "rfind")?, -1))
}

/// `str.index(sub[, start[, end]])`.
pub fn index(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match find_in(vm, args, false, "index")? {
        Some(p) => Ok(Value::from_i64(p as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}

/// `str.rindex(sub[, start[, end]])`.
pub fn rindex(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match find_in(vm, args, true, "rindex")? {
        Some(p) => Ok(Value::from_i64(p as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}

/// `str.count(sub[, start[, end]])`.
pub fn count(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    let sub = match args
        .required(1)
        .as_object()
        .and_then(|o| o.downcast::<Str>())
    {
        Some(sub) => sub.clone(),
        None => {
            let tn = crate::builtins::str::arg_type_name(vm, args.required(1));
            return Err(vm.type_error(format!("count() argument 1 must be str, not {tn}")));
        }
    };
    let r = range(vm, s, args, 2)?;
    if r.start > r.end {
        return Ok(Value::from_i64(0));
    }
    let n = if sub.char_len() == 0 {
        r.end - r.start + 1
    } else {
        count_bytes(r.bytes, sub.as_bytes(), usize::MAX)
    };
    Ok(Value::from_i64(n as i64))
}

/// `startswith`/`endswith`: `prefix` is a `str` or a tuple of them.
fn affix(vm: &mut Vm, args: &Args, name: &str, at_end: bool) -> PyResult<Value> {
    let s = this(vm, args)?;
    // Without `start`/`end` the window is the whole string: its bytes,
    // with no character counting (a prefix or suffix of the text is one
    // of its bytes, the encoding giving each character the same bytes
    // wherever it stands).
    let whole = args.get(2).is_none();
    let (start, end) = if whole {
        (0, 0)
    } else {
        let (start, end) = start_end(vm, args.get(2), args.get(3))?;
        adjust_indices(start, end, s.char_len())
    };
    let matches = |sub: &Str| -> bool {
        if whole {
            let (text, affix) = (s.as_bytes(), sub.as_bytes());
            return if at_end {
                text.ends_with(affix)
            } else {
                text.starts_with(affix)
            };
        }
        let n = sub.char_len();
        if start > end || end - start < n {
            return false;
        }
        let window = s.slice_bytes(start, end);
        if at_end {
            window.ends_with(sub.as_bytes())
        } else {
            window.starts_with(sub.as_bytes())
        }
    };
    let arg = args.required(1);
    if let Some(tuple) = arg.as_object().and_then(|o| o.downcast::<Tuple>()) {
        for item in tuple.items() {
            let Some(p) = vm.as_str(item) else {
                let tn = vm.type_name(item);
                return Err(
                    vm.type_error(format!("tuple for {name} must only contain str, not {tn}"))
                );
            };
            if matches(p) {
                return Ok(Value::from_bool(true));
            }
        }
        return Ok(Value::from_bool(false));
    }
    let Some(p) = vm.as_str(arg) else {
        let tn = vm.type_name(arg);
        return Err(vm.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {tn}"
        )));
    };
    Ok(Value::from_bool(matches(p)))
}

/// `str.startswith(prefix[, start[, end]])`.
pub fn startswith(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    affix(vm, args, "startswith", false)
}

/// `str.endswith(suffix[, start[, end]])`.
pub fn endswith(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    affix(vm, args, "endswith", true)
}

/// `str.replace(old, new, count=-1)`.
pub fn replace(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    let old = str_arg(vm, args.required(1), "replace() argument 1")?;
    let new = str_arg(vm, args.required(2), "replace() argument 2")?;
    let limit = match args.get(3) {
        Some(v) => crate::builtins::slice::index_arg(vm, v)?,
        None => -1,
    };
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    if limit == 0 || (old.char_len() == 0 && new.char_len() == 0) {
        return Ok(args.this().clone());
    }
    let mut out = StrBuilder::default();
    if old.char_len() == 0 {
        // Insert `new` before every character and at the end.
        let mut done = 0;
        let mut it = s.iter();
        while done < limit {
            out.push_payload(&new);
            done += 1;
            match it.next() {
                Some(c) => out.push(c),
                None => break,
            }
        }
        out.push_wtf8(it.rest());
        return out.finish(vm);
    }
    let mut rest = s.as_bytes();
    let mut done = 0;
    let mut replaced = false;
    while done < limit {
        let Some(i) = find_bytes(rest, old.as_bytes()) else {
            break;
        };
        out.push_wtf8(&rest[..i]);
        out.push_payload(&new);
        rest = &rest[i + old.as_bytes().len()..];
        done += 1;
        replaced = true;
    }
    if !replaced {
        return Ok(args.this().clone());
    }
    out.push_wtf8(rest);
    out.finish(vm)
}

fn strip_affix(vm: &mut Vm, args: &Args, name: &str, at_end: bool) -> PyResult<Value> {
    let s = this(vm, args)?;
    let affix: Ref<Str> = match args
        .required(1)
        .as_object()
        .and_then(|o| o.downcast::<Str>())
    {
        Some(a) => a.clone(),
        None => {
            let tn = crate::builtins::str::arg_type_name(vm, args.required(1));
            return Err(vm.type_error(format!("{name}() argument must be str, not {tn}")));
        }
    };
    let bytes = s.as_bytes();
    let kept = if affix.char_len() == 0 {
        None
    } else if at_end {
        bytes.strip_suffix(affix.as_bytes())
    } else {
        bytes.strip_prefix(affix.as_bytes())
    };
    match kept {
        Some(rest) => {
            let mut out = StrBuilder::with_capacity(rest.len());
            out.push_wtf8(rest);
            out.finish(vm)
        }
        None => Ok(args.this().clone()),
    }
}

/// `str.removeprefix(prefix)`.
pub fn removeprefix(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip_affix(vm, args, "removeprefix", false)
}

/// `str.removesuffix(suffix)`.
pub fn removesuffix(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip_affix(vm, args, "removesuffix", true)
}
