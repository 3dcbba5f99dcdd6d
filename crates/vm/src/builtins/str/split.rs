//! `str`'s splitting and joining methods: `split`/`rsplit` (on whitespace
//! runs or a separator, with `maxsplit`), `splitlines`, `partition`/
//! `rpartition`, `join`, and the `strip` family. Whitespace is Python's
//! (`str.isspace`), not Rust's.

use crate::builtins::native::Args;
use crate::builtins::str::search::{find_bytes, rfind_bytes};
use crate::builtins::str::text;
use crate::builtins::str::{Str, chars, this};
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::value::Value;

/// The separator argument of `split`/`rsplit`: `None` for whitespace.
fn separator(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<Ref<Str>>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match vm.as_str(v) {
            Some(s) if s.char_len() == 0 => Err(vm.value_error("empty separator")),
            Some(s) => Ok(Some(s.clone())),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!("must be str or None, not {tn}")))
            }
        },
    }
}

fn maxsplit(vm: &mut Vm, v: Option<&Value>) -> PyResult<usize> {
    let n = match v {
        Some(v) => crate::builtins::slice::index_arg(vm, v)?,
        None => -1,
    };
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}

/// Byte ranges of the whitespace-separated words of `bytes`, at most
/// `limit` splits, from the left; the last piece keeps its inner and
/// trailing whitespace (`rsplit_whitespace`: leading).
fn split_whitespace(bytes: &[u8], limit: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut it = text::code_points(bytes);
    let offset = |it: &text::CodePoints<'_>| bytes.len() - it.rest().len();
    loop {
        // Skip whitespace.
        let mut start = offset(&it);
        loop {
            let before = it.clone();
            match it.next() {
                Some(c) if chars::is_space(c) => start = offset(&it),
                Some(_) => {
                    it = before;
                    break;
                }
                None => return out,
            }
        }
        if out.len() == limit {
            out.push((start, bytes.len()));
            return out;
        }
        let mut end = offset(&it);
        loop {
            match it.next() {
                Some(c) if !chars::is_space(c) => end = offset(&it),
                _ => break,
            }
        }
        out.push((start, end));
    }
}

/// The same from the right (pieces in right-to-left order).
fn rsplit_whitespace(bytes: &[u8], limit: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut it = text::code_points(bytes);
    loop {
        let mut end = it.rest().len();
        loop {
            let before = it.clone();
            match it.next_back() {
                Some(c) if chars::is_space(c) => end = it.rest().len(),
                Some(_) => {
                    it = before;
                    break;
                }
                None => return out,
            }
        }
        if out.len() == limit {
            out.push((0, end));
            return out;
        }
        let mut start = it.rest().len();
        loop {
            match it.next_back() {
                Some(c) if !chars::is_space(c) => start = it.rest().len(),
                _ => break,
            }
        }
        out.push((start, end));
    }
}

/// The pieces `bytes[a..b]` of a `str` as a list; `ascii` when the whole
/// `str` is ASCII, so the pieces need no scan for their length.
fn pieces_to_list(
    vm: &mut Vm,
    bytes: &[u8],
    ascii: bool,
    pieces: &[(usize, usize)],
) -> PyResult<Value> {
    let mut items = Vec::with_capacity(pieces.len());
    for &(a, b) in pieces {
        items.push(vm.new_str_piece(&bytes[a..b], ascii)?);
    }
    vm.new_list(items)
}

/// Whether an ASCII byte is whitespace to Python (`str.isspace`).
fn is_ascii_space(b: u8) -> bool {
    chars::is_space(u32::from(b))
}

/// [`split_whitespace`] for ASCII text, byte by byte.
fn split_ascii_whitespace(bytes: &[u8], limit: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while bytes.get(i).is_some_and(|&b| is_ascii_space(b)) {
            i += 1;
        }
        if i == bytes.len() {
            return out;
        }
        if out.len() == limit {
            out.push((i, bytes.len()));
            return out;
        }
        let start = i;
        while bytes.get(i).is_some_and(|&b| !is_ascii_space(b)) {
            i += 1;
        }
        out.push((start, i));
    }
}

/// `str.split(sep=None, maxsplit=-1)`.
pub fn split(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    let sep = separator(vm, args.get(1))?;
    let limit = maxsplit(vm, args.get(2))?;
    let bytes = s.as_bytes();
    let pieces = match sep {
        None if s.is_ascii() => split_ascii_whitespace(bytes, limit),
        None => split_whitespace(bytes, limit),
        Some(sep) => {
            let sep = sep.as_bytes();
            let mut out = Vec::new();
            let mut start = 0;
            while out.len() < limit {
                match find_bytes(&bytes[start..], sep) {
                    Some(i) => {
                        out.push((start, start + i));
                        start += i + sep.len();
                    }
                    None => break,
                }
            }
            out.push((start, bytes.len()));
            out
        }
    };
    pieces_to_list(vm, bytes, s.is_ascii(), &pieces)
}

/// `str.rsplit(sep=None, maxsplit=-1)`.
pub fn rsplit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    let sep = separator(vm, args.get(1))?;
    let limit = maxsplit(vm, args.get(2))?;
    let bytes = s.as_bytes();
    let mut pieces = match sep {
        None => rsplit_whitespace(bytes, limit),
        Some(sep) => {
            let sep = sep.as_bytes();
            let mut out = Vec::new();
            let mut end = bytes.len();
            while out.len() < limit {
                match rfind_bytes(&bytes[..end], sep) {
                    Some(i) => {
                        out.push((i + sep.len(), end));
                        end = i;
                    }
                    None => break,
                }
            }
            out.push((0, end));
            out
        }
    };
    pieces.reverse();
    pieces_to_list(vm, bytes, s.is_ascii(), &pieces)
}

/// `str.splitlines(keepends=False)`.
pub fn splitlines(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    let keepends = match args.get(1) {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let bytes = s.as_bytes();
    let ascii = s.is_ascii();
    let mut items = Vec::new();
    if ascii {
        // Byte by byte: every ASCII line break is one byte.
        let mut start = 0;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            i += 1;
            if !chars::is_line_break(u32::from(b)) {
                continue;
            }
            let at = i - 1;
            if b == b'\r' && bytes.get(i) == Some(&b'\n') {
                i += 1;
            }
            let end = if keepends { i } else { at };
            items.push(vm.new_str_piece(&bytes[start..end], true)?);
            start = i;
        }
        if start < bytes.len() {
            items.push(vm.new_str_piece(&bytes[start..], true)?);
        }
        return vm.new_list(items);
    }
    let mut it = text::code_points(bytes);
    let mut start = 0;
    loop {
        let at = bytes.len() - it.rest().len();
        let Some(c) = it.next() else {
            break;
        };
        if !chars::is_line_break(c) {
            continue;
        }
        let mut after = bytes.len() - it.rest().len();
        if c == u32::from(b'\r') && it.rest().first() == Some(&b'\n') {
            it.next();
            after += 1;
        }
        let end = if keepends { after } else { at };
        items.push(vm.new_str_piece(&bytes[start..end], false)?);
        start = after;
    }
    if start < bytes.len() {
        items.push(vm.new_str_piece(&bytes[start..], false)?);
    }
    vm.new_list(items)
}

fn partition_impl(vm: &mut Vm, args: &Args, reverse: bool) -> PyResult<Value> {
    let s = this(vm, args)?;
    let sep = match vm.as_str(args.required(1)) {
        Some(sep) if sep.char_len() == 0 => return Err(vm.value_error("empty separator")),
        Some(sep) => sep.clone(),
        None => {
            let tn = vm.type_name(args.required(1));
            return Err(vm.type_error(format!("must be str, not {tn}")));
        }
    };
    let bytes = s.as_bytes();
    let found = if reverse {
        rfind_bytes(bytes, sep.as_bytes())
    } else {
        find_bytes(bytes, sep.as_bytes())
    };
    let empty = vm.new_str("")?;
    let items = match found {
        Some(i) => vec![
            vm.new_str_piece(&bytes[..i], s.is_ascii())?,
            Value::from_object(sep.as_obj().clone()),
            vm.new_str_piece(&bytes[i + sep.as_bytes().len()..], s.is_ascii())?,
        ],
        None if reverse => vec![empty.clone(), empty, args.this().clone()],
        None => vec![args.this().clone(), empty.clone(), empty],
    };
    vm.new_tuple(items)
}

/// `str.partition(sep)`.
pub fn partition(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    partition_impl(vm, args, false)
}

/// `str.rpartition(sep)`.
pub fn rpartition(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    partition_impl(vm, args, true)
}

/// `str.join(iterable)`.
pub fn join(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let sep = this(vm, args)?;
    let iterable = args.required(1);
    let items = match crate::builtins::tuple::seq_items(iterable) {
        Some(items) => items,
        None => {
            if vm.type_of(iterable).slots.iter.get().is_none()
                && vm.type_of(iterable).slots.getitem.get().is_none()
            {
                return Err(vm.type_error("can only join an iterable".into()));
            }
            vm.collect_iterable(iterable)?
        }
    };
    if items.len() == 1
        && let Some(only) = vm.as_str(&items[0])
        && only.as_obj().class().same(&vm.types.str)
    {
        return Ok(items[0].clone());
    }
    // Checks every item and gathers the result's facts first, then writes
    // the result once, in place.
    let gaps = items.len().saturating_sub(1);
    let mut total = sep.as_bytes().len().saturating_mul(gaps);
    let mut chars = sep.char_len().saturating_mul(gaps);
    let mut ascii = gaps == 0 || sep.is_ascii();
    let mut surrogates = gaps > 0 && sep.has_surrogates();
    for (i, item) in items.iter().enumerate() {
        let Some(s) = vm.as_str(item) else {
            let name = vm.type_name(item);
            return Err(vm.type_error(format!(
                "sequence item {i}: expected str instance, {name} found"
            )));
        };
        total = total.saturating_add(s.as_bytes().len());
        chars = chars.saturating_add(s.char_len());
        ascii &= s.is_ascii();
        surrogates |= s.has_surrogates();
    }
    if total > isize::MAX as usize {
        return Err(vm.memory_error());
    }
    let sep = sep.as_bytes();
    vm.new_str_with(total, chars, ascii, surrogates, |out| {
        let mut at = 0;
        let mut put = |bytes: &[u8]| {
            if let Some(dst) = out.get_mut(at..at + bytes.len()) {
                dst.copy_from_slice(bytes);
            }
            at += bytes.len();
        };
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                put(sep);
            }
            if let Some(s) = item.as_object().and_then(|o| o.downcast::<Str>()) {
                put(s.as_bytes());
            }
        }
    })
}

/// Which ends `strip` works on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ends {
    Left,
    Right,
    Both,
}

/// The characters `strip` removes.
enum StripSet<'a> {
    /// Whitespace (no argument or `None`).
    Whitespace,
    /// The characters of an ASCII argument: its bytes.
    Ascii(&'a [u8]),
    /// The code points of any other argument.
    CodePoints(Vec<u32>),
}

fn strip_impl(vm: &mut Vm, args: &Args, ends: Ends) -> PyResult<Value> {
    let s = this(vm, args)?;
    let set = match args.get(1).filter(|v| !v.is_none()) {
        Some(v) => match vm.as_str(v) {
            Some(chars) if chars.is_ascii() => StripSet::Ascii(chars.as_bytes()),
            Some(chars) => StripSet::CodePoints(chars.code_points()),
            None => {
                let name = match ends {
                    Ends::Left => "lstrip",
                    Ends::Right => "rstrip",
                    Ends::Both => "strip",
                };
                return Err(vm.type_error(format!("{name} arg must be None or str")));
            }
        },
        None => StripSet::Whitespace,
    };
    let bytes = s.as_bytes();
    let (start, end) = match strip_ascii_ends(bytes, &set, ends) {
        Some(range) => range,
        None => strip_code_point_ends(bytes, &set, ends),
    };
    // Only an exact `str` is returned as itself (a subclass gives a `str`).
    if start == 0 && end == bytes.len() && s.as_obj().class().same(&vm.types.str) {
        return Ok(args.this().clone());
    }
    vm.new_str_piece(&bytes[start..end.max(start)], s.is_ascii())
}

/// The byte range `strip` keeps, found byte by byte; `None` when that
/// cannot decide (a non-ASCII character at an end, with a set that may
/// hold non-ASCII characters).
fn strip_ascii_ends(bytes: &[u8], set: &StripSet<'_>, ends: Ends) -> Option<(usize, usize)> {
    let strips = |b: u8| match set {
        StripSet::Whitespace => Some(is_ascii_space(b)),
        StripSet::Ascii(chars) => Some(chars.contains(&b)),
        StripSet::CodePoints(_) => None,
    };
    // A non-ASCII byte starts or continues a non-ASCII character: never
    // in an ASCII set, and maybe whitespace otherwise.
    let decides = |b: u8| {
        if b.is_ascii() {
            strips(b)
        } else if matches!(set, StripSet::Ascii(_)) {
            Some(false)
        } else {
            None
        }
    };
    let mut start = 0;
    if ends != Ends::Right {
        while let Some(&b) = bytes.get(start) {
            if !decides(b)? {
                break;
            }
            start += 1;
        }
    }
    let mut end = bytes.len();
    if ends != Ends::Left {
        while end > start {
            let b = *bytes.get(end - 1)?;
            if !decides(b)? {
                break;
            }
            end -= 1;
        }
    }
    Some((start, end))
}

/// The byte range `strip` keeps, found code point by code point.
fn strip_code_point_ends(bytes: &[u8], set: &StripSet<'_>, ends: Ends) -> (usize, usize) {
    let strips = |c: u32| match set {
        StripSet::Whitespace => chars::is_space(c),
        StripSet::Ascii(chars) => u8::try_from(c).is_ok_and(|b| chars.contains(&b)),
        StripSet::CodePoints(set) => set.contains(&c),
    };
    let mut it = text::code_points(bytes);
    let mut start = 0;
    if ends != Ends::Right {
        loop {
            let before = it.clone();
            match it.next() {
                Some(c) if strips(c) => start = bytes.len() - it.rest().len(),
                _ => {
                    it = before;
                    break;
                }
            }
        }
    }
    let mut end = bytes.len();
    if ends != Ends::Left {
        loop {
            match it.next_back() {
                Some(c) if strips(c) => end = start + it.rest().len(),
                _ => break,
            }
        }
    }
    (start, end)
}

/// `str.strip(chars=None)`.
pub fn strip(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip_impl(vm, args, Ends::Both)
}

/// `str.lstrip(chars=None)`.
pub fn lstrip(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip_impl(vm, args, Ends::Left)
}

/// `str.rstrip(chars=None)`.
pub fn rstrip(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip_impl(vm, args, Ends::Right)
}
