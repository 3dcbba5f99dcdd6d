//! `str`: immutable text stored as WTF-8 (UTF-8 that admits lone surrogates,
//! DESIGN.md decision 11), with its code-point length, an ASCII flag, a
//! cached hash and, for long non-ASCII text, a lazily built index from
//! code-point positions to byte offsets. Identifiers are interned by the VM
//! ([`Vm::intern`]); one-character strings below U+0100 are shared
//! (`Vm::new_char`), as in CPython.
//!
//! This file holds the payload and the type's slots; `storage` packs the
//! text and its facts into the payload (short text inside the object, a
//! `str` object is 40 bytes). The methods live one
//! file per concern: `case` (case mapping and predicates), `search` (find,
//! count, replace, prefixes), `split` (split, partition, join, strip), `pad`
//! (center, zfill, expandtabs), `format` (`str.format`), `percent`
//! (`%`-formatting, shared with `bytes`), `codecs` (encode/decode),
//! `translate` (maketrans/translate). `chars` answers Unicode questions
//! from the generated `unicode_tables`; `text` walks and builds WTF-8.

pub mod case;
pub mod chars;
pub mod codec_registry;
pub mod codecs;
pub mod format;
pub mod pad;
pub mod percent;
pub mod search;
pub mod split;
pub mod storage;
pub mod text;
pub mod translate;
pub mod unicode_tables;

use std::cell::Cell;

use krait_syntax::wtf8::Wtf8Buf;

use crate::builtins::native::{Args, MethodDef, method, staticmethod};
use crate::error::PyResult;
use crate::hash;
use crate::object::{ObjRef, Ref};
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::types::slots::BinOp;
use crate::value::Value;
use storage::{INDEX_STRIDE, TextStorage};
use text::{CodePoints, StrBuilder};

/// The payload of a `str`: the cached hash and the text (see `storage`).
pub struct Str {
    hash: Cell<i64>,
    text: TextStorage,
}

impl Str {
    /// The payload of `object` if it is an exact `str` — not an instance of
    /// a subclass, which may override `__eq__` and `__hash__` (str is the
    /// only builtin class whose instances carry this payload). Needs no
    /// `Vm`: for the key comparisons of dicts and sets.
    #[inline(always)]
    pub fn exact(object: &ObjRef) -> Option<&Ref<Str>> {
        let s = object.downcast::<Str>()?;
        (!object.class().has_flag(crate::types::flags::HEAPTYPE)).then_some(s)
    }

    /// A `str` payload from UTF-8 text.
    pub fn new(text: &str) -> Str {
        Str::from_parts(
            text.as_bytes().to_vec(),
            text.chars().count(),
            text.is_ascii(),
            false,
        )
    }

    /// A `str` payload from WTF-8 bytes and their known facts.
    pub fn from_parts(bytes: Vec<u8>, chars: usize, ascii: bool, surrogates: bool) -> Str {
        Str {
            hash: Cell::new(-1),
            text: TextStorage::new(bytes, chars, ascii, surrogates),
        }
    }

    /// A `str` payload of `len` WTF-8 bytes written in place by `fill`,
    /// with facts the caller knows (see [`TextStorage::build`]).
    #[inline]
    pub fn build(
        len: usize,
        chars: usize,
        ascii: bool,
        surrogates: bool,
        fill: impl FnOnce(&mut [u8]),
    ) -> Option<Str> {
        Some(Str {
            hash: Cell::new(-1),
            text: TextStorage::build(len, chars, ascii, surrogates, fill)?,
        })
    }

    /// A `str` payload from WTF-8 bytes (scanned for their facts).
    pub fn from_wtf8_vec(bytes: Vec<u8>) -> Str {
        let (chars, ascii, surrogates) = text::scan(&bytes);
        Str::from_parts(bytes, chars, ascii, surrogates)
    }

    /// A `str` payload from a WTF-8 buffer.
    pub fn from_wtf8(text: &Wtf8Buf) -> Str {
        Str::from_wtf8_vec(text.as_bytes().to_vec())
    }

    /// The text, if it has no lone surrogates.
    pub fn as_str(&self) -> Option<&str> {
        if self.has_surrogates() {
            None
        } else {
            // SAFETY: without surrogates the WTF-8 bytes are valid UTF-8
            // (every constructor scans or builds them so).
            Some(unsafe { std::str::from_utf8_unchecked(self.as_bytes()) })
        }
    }

    /// The text, with lone surrogates replaced (for messages and output).
    pub fn as_lossy(&self) -> std::borrow::Cow<'_, str> {
        match self.as_str() {
            Some(s) => std::borrow::Cow::Borrowed(s),
            None => String::from_utf8_lossy(self.as_bytes()),
        }
    }

    /// The WTF-8 bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.text.as_bytes()
    }

    /// The number of code points (`len()`).
    pub fn char_len(&self) -> usize {
        self.text.char_len()
    }

    /// Whether every character is ASCII.
    pub fn is_ascii(&self) -> bool {
        self.text.is_ascii()
    }

    /// Whether the text holds lone surrogates.
    pub fn has_surrogates(&self) -> bool {
        self.text.has_surrogates()
    }

    /// The hash, computed once: inline where it is asked (a dict or set
    /// probe with a str key), the first computation out of line.
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        self.compute_hash()
    }

    /// Computes and caches the hash ([`hash`](Self::hash)'s first time).
    #[inline(never)]
    fn compute_hash(&self) -> i64 {
        let h = hash::hash_str_wtf8(crate::runtime::hash_secret(), self.as_bytes());
        self.hash.set(h);
        h
    }

    /// The code points, collected.
    pub fn code_points(&self) -> Vec<u32> {
        self.iter().collect()
    }

    /// The code points, from either end.
    pub fn iter(&self) -> CodePoints<'_> {
        text::code_points(self.as_bytes())
    }

    /// The byte offset of code point `position` (`char_len()` gives the
    /// length in bytes).
    pub fn byte_offset(&self, position: usize) -> usize {
        let bytes = self.as_bytes();
        if self.is_ascii() || position == 0 {
            return position.min(bytes.len());
        }
        if position >= self.char_len() {
            return bytes.len();
        }
        let (mut offset, mut remaining) = match self.text.position_index() {
            Some(cell) => {
                let index = cell.get_or_init(|| self.build_index());
                let slot = (position / INDEX_STRIDE).min(index.len().saturating_sub(1));
                (
                    index.get(slot).copied().unwrap_or(0),
                    position - slot * INDEX_STRIDE,
                )
            }
            None => (0, position),
        };
        while remaining > 0 && offset < bytes.len() {
            offset += text::sequence_len(bytes[offset]);
            remaining -= 1;
        }
        offset.min(bytes.len())
    }

    fn build_index(&self) -> Box<[usize]> {
        let mut index = Vec::with_capacity(self.char_len() / INDEX_STRIDE + 1);
        let mut position = 0;
        for (offset, &b) in self.as_bytes().iter().enumerate() {
            if !text::is_continuation(b) {
                if position % INDEX_STRIDE == 0 {
                    index.push(offset);
                }
                position += 1;
            }
        }
        index.into_boxed_slice()
    }

    /// The code-point position of byte `offset` (a sequence boundary).
    pub fn position_of(&self, offset: usize) -> usize {
        let bytes = self.as_bytes();
        if self.is_ascii() {
            offset
        } else {
            text::count_code_points(&bytes[..offset.min(bytes.len())])
        }
    }

    /// The bytes of code points `start..end` (clamped).
    pub fn slice_bytes(&self, start: usize, end: usize) -> &[u8] {
        let (a, b) = (self.byte_offset(start), self.byte_offset(end));
        self.as_bytes().get(a..b).unwrap_or(&[])
    }

    /// The bytes this payload owns outside its object (for `__sizeof__`).
    pub fn heap_size(&self) -> usize {
        self.text.heap_size()
    }

    /// Code point `position` (which must be below `char_len()`).
    pub fn code_point_at(&self, position: usize) -> u32 {
        let offset = self.byte_offset(position);
        let rest = self.as_bytes().get(offset..).unwrap_or(&[]);
        text::code_points(rest).next().unwrap_or(0)
    }
}

/// Builds WTF-8 from code points.
pub fn from_code_points(points: &[u32]) -> Wtf8Buf {
    let mut buf = Wtf8Buf::with_capacity(points.len());
    for &cp in points {
        let _ = buf.push_code_point(cp);
    }
    buf
}

impl Vm {
    /// A new `str` value.
    pub fn new_str(&mut self, text: &str) -> PyResult<Value> {
        // Written straight into the object (no owned copy made first).
        let bytes = text.as_bytes();
        if text.is_ascii() {
            return self.new_str_slice(bytes, bytes.len(), true, false);
        }
        self.new_str_slice(bytes, text.chars().count(), false, false)
    }

    /// A new `str` value from WTF-8.
    pub fn new_str_wtf8(&mut self, text: &Wtf8Buf) -> PyResult<Value> {
        self.new_str_payload(Str::from_wtf8(text))
    }

    /// A `str` from WTF-8 bytes produced by slicing or joining `str`s.
    pub fn new_str_from_wtf8_bytes(&mut self, bytes: Vec<u8>) -> PyResult<Value> {
        if bytes.is_empty() {
            return self.new_str("");
        }
        self.new_str_payload(Str::from_wtf8_vec(bytes))
    }

    /// A `str` of `len` WTF-8 bytes written in place by `fill`, with the
    /// code-point count and flags the caller knows: no buffer is built
    /// first. The empty string and one-character strings below U+0100 are
    /// the shared ones, as everywhere.
    #[inline]
    pub fn new_str_with(
        &mut self,
        len: usize,
        chars: usize,
        ascii: bool,
        surrogates: bool,
        fill: impl FnOnce(&mut [u8]),
    ) -> PyResult<Value> {
        if len == 0 {
            return Ok(Value::from_object(self.empty_str.as_obj().clone()));
        }
        if chars == 1 && len <= 2 {
            // A code point below U+0100 takes at most two bytes.
            let mut one = [0u8; 2];
            let one = &mut one[..len];
            fill(one);
            let cp = text::code_points(one).next().unwrap_or(0);
            if cp < 256 {
                return self.new_char(cp);
            }
            let one = &*one;
            let payload = Str::build(len, chars, ascii, surrogates, |b| b.copy_from_slice(one));
            return match payload {
                Some(payload) => self.new_str_payload(payload),
                None => Err(self.memory_error()),
            };
        }
        let Some(payload) = Str::build(len, chars, ascii, surrogates, fill) else {
            return Err(self.memory_error());
        };
        let s = Ref::new(&self.types.str, payload).map_err(|_| self.memory_error.clone())?;
        Ok(Value::from_object(s.into_obj()))
    }

    /// A `str` holding a copy of `bytes` (WTF-8 cut from a `str` at
    /// sequence boundaries), whose facts the caller knows.
    #[inline]
    pub fn new_str_slice(
        &mut self,
        bytes: &[u8],
        chars: usize,
        ascii: bool,
        surrogates: bool,
    ) -> PyResult<Value> {
        self.new_str_with(bytes.len(), chars, ascii, surrogates, |b| {
            b.copy_from_slice(bytes)
        })
    }

    /// A `str` holding a copy of `bytes` (WTF-8 cut from a `str` at
    /// sequence boundaries), scanned for its facts unless `ascii_source`
    /// says they are a piece of ASCII text.
    #[inline]
    pub fn new_str_piece(&mut self, bytes: &[u8], ascii_source: bool) -> PyResult<Value> {
        if ascii_source {
            return self.new_str_slice(bytes, bytes.len(), true, false);
        }
        let (chars, ascii, surrogates) = text::scan(bytes);
        self.new_str_slice(bytes, chars, ascii, surrogates)
    }

    /// A new `str` value from a payload.
    pub fn new_str_payload(&mut self, payload: Str) -> PyResult<Value> {
        if payload.char_len() == 1 {
            let cp = payload.code_point_at(0);
            if cp < 256 {
                return self.new_char(cp);
            }
        }
        // `Ref::new` with the class borrowed (not cloned, as `Vm::alloc`
        // would need): the same allocation and the same `MemoryError`.
        let s = Ref::new(&self.types.str, payload).map_err(|_| self.memory_error.clone())?;
        Ok(Value::from_object(s.into_obj()))
    }

    /// A one-character `str` (shared for code points below 256).
    pub fn new_char(&mut self, cp: u32) -> PyResult<Value> {
        if let Some(shared) = self.shared_char(cp) {
            return Ok(shared);
        }
        let mut bytes = Vec::with_capacity(4);
        text::push_code_point(&mut bytes, cp);
        let surrogate = (0xD800..0xE000).contains(&cp);
        let s = self.alloc(
            &self.types.str.clone(),
            Str::from_parts(bytes, 1, cp < 0x80, surrogate),
        )?;
        if let Some(slot) = usize::try_from(cp)
            .ok()
            .and_then(|i| self.latin1_chars.get_mut(i))
        {
            *slot = Some(s.clone());
        }
        Ok(Value::from_object(s.into_obj()))
    }

    /// The shared one-character `str` of `cp`, if made already.
    pub fn shared_char(&self, cp: u32) -> Option<Value> {
        let slot = self.latin1_chars.get(usize::try_from(cp).ok()?)?;
        slot.as_ref()
            .map(|s| Value::from_object(s.as_obj().clone()))
    }

    /// The `str` payload of a value, if it is a `str`.
    pub fn as_str<'a>(&self, value: &'a Value) -> Option<&'a Ref<Str>> {
        value.as_object()?.downcast::<Str>()
    }

    /// How `a` and `b` order when both are exact `str`s (whose comparison
    /// no subclass can override): by code point, which is the order of
    /// their generalized UTF-8 bytes. `None` for any other operands.
    #[inline]
    pub fn exact_str_ordering(&self, a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
        let (x, y) = (a.as_object()?, b.as_object()?);
        let str_type = &self.types.str;
        if !x.class().same(str_type) || !y.class().same(str_type) {
            return None;
        }
        let (x, y) = (x.downcast::<Str>()?, y.downcast::<Str>()?);
        Some(x.text.cmp_bytes(&y.text))
    }
}

/// The `str` payload of `value`, or `TypeError("{what}, not {type}")`.
pub fn str_payload<'a>(vm: &mut Vm, value: &'a Value, what: &str) -> PyResult<&'a Ref<Str>> {
    match value.as_object().and_then(|o| o.downcast::<Str>()) {
        Some(s) => Ok(s),
        None => {
            let name = vm.type_name(value);
            Err(vm.type_error(format!("{what}, not {name}")))
        }
    }
}

/// The type name CPython's argument-clinic messages show for a bad
/// argument: `None` for `None`, else the type's name.
pub fn arg_type_name(vm: &Vm, value: &Value) -> String {
    if value.is_none() {
        "None".to_owned()
    } else {
        vm.type_name(value)
    }
}

/// A `str` argument of a method: `TypeError("{what} must be str, not {type}")`.
pub fn str_arg(vm: &mut Vm, value: &Value, what: &str) -> PyResult<Ref<Str>> {
    match value.as_object().and_then(|o| o.downcast::<Str>()) {
        Some(s) => Ok(s.clone()),
        None => {
            let name = arg_type_name(vm, value);
            Err(vm.type_error(format!("{what} must be str, not {name}")))
        }
    }
}

/// The `str` that is `self` of a method call.
pub fn this<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a Ref<Str>> {
    str_payload(vm, args.this(), "descriptor requires a 'str' object")
}

/// The WTF-8 of a payload as a buffer.
pub fn wtf8_of(s: &Str) -> Wtf8Buf {
    match s.as_str() {
        Some(t) => Wtf8Buf::from(t),
        None => from_code_points(&s.code_points()),
    }
}

/// The Python `repr()` of a `str` payload.
pub fn repr_of(s: &Str) -> String {
    let mut out = String::new();
    match s.as_str() {
        Some(t) => krait_syntax::pyrepr::write_plain_str_repr(&mut out, t),
        None => krait_syntax::pyrepr::write_str_repr(&mut out, &wtf8_of(s)),
    }
    out
}

/// Compares two `str` payloads for equality without running Python code.
pub fn str_eq(a: &Str, b: &Str) -> bool {
    std::ptr::eq(a, b) || a.as_bytes() == b.as_bytes()
}

/// `text * count` for `str`, `bytes` and `bytearray`: the repeated bytes,
/// or `MemoryError` when they cannot exist.
pub fn repeat_bytes(vm: &mut Vm, unit: &[u8], count: i64) -> PyResult<Vec<u8>> {
    let count = usize::try_from(count.max(0)).unwrap_or(0);
    match unit.len().checked_mul(count) {
        Some(total) if total <= isize::MAX as usize => {
            let mut out = Vec::new();
            out.try_reserve_exact(total)
                .map_err(|_| vm.memory_error())?;
            for _ in 0..count {
                out.extend_from_slice(unit);
            }
            Ok(out)
        }
        _ => Err(vm.memory_error()),
    }
}

/// The count of `seq * n` for the sequence types: `None` (meaning
/// `NotImplemented`) if `n` is not an integer; CPython's messages otherwise.
pub fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<Option<i64>> {
    if crate::builtins::int::is_int(n) || vm.lookup_special(n, "__index__").is_some() {
        return crate::builtins::slice::index_arg(vm, n)
            .map(Some)
            .map_err(|e| {
                if vm.exc_matches(&e, crate::builtins::exceptions::ExcKind::OverflowError) {
                    vm.overflow_error("cannot fit 'int' into an index-sized integer")
                } else {
                    e
                }
            });
    }
    Ok(None)
}

/// The error of `seq * x` when `x` is not an integer and no reflected
/// method of a class handles it.
pub fn cannot_multiply(vm: &mut Vm, n: &Value) -> PyResult<Value> {
    if vm.type_of(n).has_flag(crate::types::flags::HEAPTYPE) {
        return Ok(vm.not_implemented());
    }
    let tn = vm.type_name(n);
    Err(vm.type_error(format!("can't multiply sequence by non-int of type '{tn}'")))
}

/// Installs `str`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.repr.set(Some(|vm, v| {
        let s = str_payload(vm, v, "descriptor '__repr__' requires a 'str' object")?;
        let out = repr_of(s);
        vm.new_str(&out)
    }));
    t.slots.str.set(Some(|vm, v| {
        // An instance of a subclass becomes an exact `str` with the same text.
        if vm.type_of(v).same(&vm.types.str) {
            return Ok(v.clone());
        }
        let bytes = vm
            .as_str(v)
            .map(|s| s.as_bytes().to_vec())
            .unwrap_or_default();
        vm.new_str_from_wtf8_bytes(bytes)
    }));
    t.slots.hash.set(Some(|vm, v| {
        let s = str_payload(vm, v, "expected str")?;
        Ok(s.hash())
    }));
    t.slots.len.set(Some(|vm, v| {
        Ok(str_payload(vm, v, "expected str")?.char_len())
    }));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        let (Some(x), Some(y)) = (vm.as_str(a), vm.as_str(b)) else {
            return Ok(vm.not_implemented());
        };
        // Generalized UTF-8 orders bytes as code points are ordered.
        let ordering = x.as_bytes().cmp(y.as_bytes());
        Ok(Value::from_bool(op.test(ordering)))
    }));
    t.slots.bool.set(Some(|vm, v| {
        Ok(str_payload(vm, v, "expected str")?.char_len() > 0)
    }));
    t.slots.number.set(Some(str_number));
    t.slots.contains.set(Some(|vm, container, item| {
        let s = str_payload(vm, container, "expected str")?.clone();
        let Some(needle) = vm.as_str(item) else {
            let name = vm.type_name(item);
            return Err(vm.type_error(format!(
                "'in <string>' requires string as left operand, not {name}"
            )));
        };
        Ok(search::find_bytes(s.as_bytes(), needle.as_bytes()).is_some())
    }));
    t.slots.getitem.set(Some(str_getitem));
    t.slots.iter.set(Some(|vm, v| {
        let s = str_payload(vm, v, "expected str")?.clone();
        crate::builtins::iterators::new_str_iter(vm, s)
    }));

    t.slots.new.set(Some(|vm, _cls, args, kwnames| {
        let args = crate::static_signature!("(object=None, encoding=None, errors=None)")
            .bind(vm, "str", args, kwnames)?;
        match (args.get(0), args.get(1), args.get(2)) {
            (None, None, None) => vm.new_str(""),
            (Some(v), None, None) => vm.str(v),
            (object, encoding, errors) => {
                let object = match object {
                    Some(o) => o.clone(),
                    None => vm.new_bytes(Vec::new())?,
                };
                codecs::str_from_encoded(vm, &object, encoding, errors)
            }
        }
    }));
}

fn str_number(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Add => {
            let (Some(x), Some(y)) = (vm.as_str(a), vm.as_str(b)) else {
                if vm.as_str(a).is_some() && vm.type_of(b).slots.number.get().is_none() {
                    let name = vm.type_name(b);
                    return Err(
                        vm.type_error(format!("can only concatenate str (not \"{name}\") to str"))
                    );
                }
                return Ok(vm.not_implemented());
            };
            if x.char_len() == 0 {
                return Ok(b.clone());
            }
            if y.char_len() == 0 {
                return Ok(a.clone());
            }
            // Built in place, inside the object or in its one block.
            let (xb, yb) = (x.as_bytes(), y.as_bytes());
            let Some(len) = xb.len().checked_add(yb.len()) else {
                return Err(vm.memory_error());
            };
            vm.new_str_with(
                len,
                x.char_len() + y.char_len(),
                x.is_ascii() && y.is_ascii(),
                x.has_surrogates() || y.has_surrogates(),
                |out| {
                    let (head, tail) = out.split_at_mut(xb.len());
                    head.copy_from_slice(xb);
                    tail.copy_from_slice(yb);
                },
            )
        }
        BinOp::Mul => {
            let (s, n) = match (vm.as_str(a), vm.as_str(b)) {
                (Some(s), _) => (s.clone(), b),
                (None, Some(s)) => (s.clone(), a),
                _ => return Ok(vm.not_implemented()),
            };
            let Some(count) = repeat_count(vm, n)? else {
                return cannot_multiply(vm, n);
            };
            if count == 1 {
                return Ok(Value::from_object(s.as_obj().clone()));
            }
            let bytes = repeat_bytes(vm, s.as_bytes(), count)?;
            let chars = s.char_len() * usize::try_from(count.max(0)).unwrap_or(0);
            let payload = Str::from_parts(bytes, chars, s.is_ascii(), s.has_surrogates());
            if payload.char_len() == 0 {
                return vm.new_str("");
            }
            vm.new_str_payload(payload)
        }
        BinOp::Mod => match vm.as_str(a) {
            Some(s) => {
                let s = s.clone();
                percent::format_str(vm, &s, b)
            }
            None => Ok(vm.not_implemented()),
        },
        _ => Ok(vm.not_implemented()),
    }
}

fn str_getitem(vm: &mut Vm, v: &Value, index: &Value) -> PyResult<Value> {
    let s = str_payload(vm, v, "expected str")?.clone();
    if let Some(slice) = index
        .as_object()
        .and_then(|o| o.downcast::<crate::builtins::slice::Slice>())
    {
        let (start, stop, step) = slice.indices(vm, s.char_len())?;
        if step == 1 {
            if start == 0 && stop as usize >= s.char_len() {
                return Ok(v.clone());
            }
            let bytes = s.slice_bytes(start as usize, stop.max(start) as usize);
            return vm.new_str_piece(bytes, s.is_ascii());
        }
        let mut out = StrBuilder::default();
        if s.is_ascii() {
            for i in crate::builtins::slice::slice_positions(start, stop, step) {
                out.push(u32::from(s.as_bytes()[i]));
            }
        } else {
            let points = s.code_points();
            for i in crate::builtins::slice::slice_positions(start, stop, step) {
                out.push(points[i]);
            }
        }
        return out.finish(vm);
    }
    if let Some(i) = vm.index_value(index)? {
        let len = s.char_len() as i64;
        let j = if i < 0 { i.saturating_add(len) } else { i };
        if j < 0 || j >= len {
            return Err(vm.index_error("string index out of range"));
        }
        return vm.new_char(s.code_point_at(j as usize));
    }
    let name = vm.type_name(index);
    Err(vm.type_error(format!("string indices must be integers, not '{name}'")))
}

/// `str`'s methods.
pub const METHODS: &[MethodDef] = &[
    method("join", "(self, iterable, /)", split::join),
    method("split", "(self, /, sep=None, maxsplit=-1)", split::split),
    method("rsplit", "(self, /, sep=None, maxsplit=-1)", split::rsplit),
    method("splitlines", "(self, /, keepends=False)", split::splitlines),
    method("partition", "(self, sep, /)", split::partition),
    method("rpartition", "(self, sep, /)", split::rpartition),
    method("strip", "(self, chars=None, /)", split::strip),
    method("lstrip", "(self, chars=None, /)", split::lstrip),
    method("rstrip", "(self, chars=None, /)", split::rstrip),
    method("find", "(self, sub, start=None, end=None, /)", search::find),
    method(
        "rfind",
        "(self, sub, start=None, end=None, /)",
        search::rfind,
    ),
    method(
        "index",
        "(self, sub, start=None, end=None, /)",
        search::index,
    ),
    method(
        "rindex",
        "(self, sub, start=None, end=None, /)",
        search::rindex,
    ),
    method(
        "count",
        "(self, sub, start=None, end=None, /)",
        search::count,
    ),
    method(
        "startswith",
        "(self, prefix, start=None, end=None, /)",
        search::startswith,
    ),
    method(
        "endswith",
        "(self, suffix, start=None, end=None, /)",
        search::endswith,
    ),
    method("replace", "(self, old, new, /, count=-1)", search::replace),
    method("removeprefix", "(self, prefix, /)", search::removeprefix),
    method("removesuffix", "(self, suffix, /)", search::removesuffix),
    method("upper", "(self, /)", case::upper),
    method("lower", "(self, /)", case::lower),
    method("casefold", "(self, /)", case::casefold),
    method("title", "(self, /)", case::title),
    method("capitalize", "(self, /)", case::capitalize),
    method("swapcase", "(self, /)", case::swapcase),
    method("isalpha", "(self, /)", case::isalpha),
    method("isalnum", "(self, /)", case::isalnum),
    method("isdecimal", "(self, /)", case::isdecimal),
    method("isdigit", "(self, /)", case::isdigit),
    method("isnumeric", "(self, /)", case::isnumeric),
    method("isspace", "(self, /)", case::isspace),
    method("islower", "(self, /)", case::islower),
    method("isupper", "(self, /)", case::isupper),
    method("istitle", "(self, /)", case::istitle),
    method("isidentifier", "(self, /)", case::isidentifier),
    method("isprintable", "(self, /)", case::isprintable),
    method("isascii", "(self, /)", case::isascii),
    method("center", "(self, width, fillchar=' ', /)", pad::center),
    method("ljust", "(self, width, fillchar=' ', /)", pad::ljust),
    method("rjust", "(self, width, fillchar=' ', /)", pad::rjust),
    method("zfill", "(self, width, /)", pad::zfill),
    method("expandtabs", "(self, /, tabsize=8)", pad::expandtabs),
    method("format", "(self, /, *args, **kwargs)", format::format),
    method("format_map", "(self, mapping, /)", format::format_map),
    method(
        "__format__",
        "(self, format_spec, /)",
        format::dunder_format,
    ),
    method(
        "encode",
        "(self, /, encoding='utf-8', errors='strict')",
        codecs::encode,
    ),
    staticmethod("maketrans", "(x, y=None, z=None, /)", translate::maketrans),
    method("translate", "(self, table, /)", translate::translate),
    method("__len__", "(self, /)", |vm, args| {
        Ok(Value::from_i64(this(vm, args)?.char_len() as i64))
    }),
    method("__sizeof__", "(self, /)", |vm, args| {
        // The object as allocated (without a GC header, as CPython counts)
        // plus the text's heap block.
        let s = this(vm, args)?;
        let object = std::mem::size_of::<crate::object::PyObj<Str>>();
        Ok(Value::from_i64(
            i64::try_from(object + s.heap_size()).unwrap_or(i64::MAX),
        ))
    }),
    method("__getnewargs__", "(self, /)", |vm, args| {
        let s = this(vm, args)?;
        let copy = vm.new_str_payload(Str::from_parts(
            s.as_bytes().to_vec(),
            s.char_len(),
            s.is_ascii(),
            s.has_surrogates(),
        ))?;
        vm.new_tuple(vec![copy])
    }),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_byte_offsets_agree_for_long_non_ascii_text() {
        let text: String = (0..500)
            .map(|i| if i % 3 == 0 { 'é' } else { 'a' })
            .collect();
        let s = Str::new(&text);
        let mut offset = 0;
        for (i, c) in text.chars().enumerate() {
            assert_eq!(s.byte_offset(i), offset, "position {i}");
            assert_eq!(s.position_of(offset), i);
            assert_eq!(s.code_point_at(i), u32::from(c));
            offset += c.len_utf8();
        }
        assert_eq!(s.byte_offset(500), text.len());
    }
}
