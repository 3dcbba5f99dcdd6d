//! `str`: immutable text stored as WTF-8 (UTF-8 that admits lone surrogates,
//! DESIGN.md decision 11), with its code-point length, an ASCII flag and a
//! cached hash. Identifiers are interned by the VM ([`Vm::intern`]).

use std::cell::Cell;

use krait_syntax::wtf8::Wtf8Buf;

use crate::builtins::native::{Args, MethodDef, method};
use crate::error::PyResult;
use crate::hash;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::types::slots::CompareOp;
use crate::value::Value;

/// The payload of a `str`.
pub struct Str {
    bytes: Box<[u8]>,
    chars: usize,
    ascii: bool,
    /// Whether the text has lone surrogates (then it is not UTF-8).
    surrogates: bool,
    hash: Cell<i64>,
}

impl Str {
    /// A `str` payload from UTF-8 text.
    pub fn new(text: &str) -> Str {
        Str {
            chars: text.chars().count(),
            ascii: text.is_ascii(),
            surrogates: false,
            bytes: text.as_bytes().into(),
            hash: Cell::new(-1),
        }
    }

    /// A `str` payload from WTF-8 bytes.
    pub fn from_wtf8(text: &Wtf8Buf) -> Str {
        match text.as_str() {
            Some(s) => Str::new(s),
            None => Str {
                chars: text.code_point_count(),
                ascii: false,
                surrogates: true,
                bytes: text.as_bytes().into(),
                hash: Cell::new(-1),
            },
        }
    }

    /// The text, if it has no lone surrogates.
    pub fn as_str(&self) -> Option<&str> {
        if self.surrogates {
            None
        } else {
            // SAFETY: without surrogates the WTF-8 bytes are valid UTF-8 (checked on creation).
            Some(unsafe { std::str::from_utf8_unchecked(&self.bytes) })
        }
    }

    /// The text, with lone surrogates replaced (for messages and output).
    pub fn as_lossy(&self) -> std::borrow::Cow<'_, str> {
        match self.as_str() {
            Some(s) => std::borrow::Cow::Borrowed(s),
            None => String::from_utf8_lossy(&self.bytes),
        }
    }

    /// The WTF-8 bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The number of code points (`len()`).
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// Whether every character is ASCII.
    pub fn is_ascii(&self) -> bool {
        self.ascii
    }

    /// The hash, computed once.
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = hash::hash_str_wtf8(crate::runtime::hash_secret(), &self.bytes);
        self.hash.set(h);
        h
    }

    /// The code points, in order.
    pub fn code_points(&self) -> Vec<u32> {
        if let Some(s) = self.as_str() {
            return s.chars().map(u32::from).collect();
        }
        wtf8_code_points(&self.bytes)
    }
}

/// Decodes WTF-8 bytes to code points.
pub fn wtf8_code_points(bytes: &[u8]) -> Vec<u32> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (cp, n) = if b < 0x80 {
            (u32::from(b), 1)
        } else if b < 0xE0 && i + 1 < bytes.len() {
            (
                (u32::from(b & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F),
                2,
            )
        } else if b < 0xF0 && i + 2 < bytes.len() {
            (
                (u32::from(b & 0x0F) << 12)
                    | (u32::from(bytes[i + 1] & 0x3F) << 6)
                    | u32::from(bytes[i + 2] & 0x3F),
                3,
            )
        } else if i + 3 < bytes.len() {
            (
                (u32::from(b & 0x07) << 18)
                    | (u32::from(bytes[i + 1] & 0x3F) << 12)
                    | (u32::from(bytes[i + 2] & 0x3F) << 6)
                    | u32::from(bytes[i + 3] & 0x3F),
                4,
            )
        } else {
            (u32::from(b), 1)
        };
        out.push(cp);
        i += n;
    }
    out
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
        if text.is_empty() {
            return Ok(Value::from_object(self.empty_str.as_obj().clone()));
        }
        let s = self.alloc(&self.types.str.clone(), Str::new(text))?;
        Ok(Value::from_object(s.into_obj()))
    }

    /// A new `str` value from WTF-8.
    pub fn new_str_wtf8(&mut self, text: &Wtf8Buf) -> PyResult<Value> {
        let s = self.alloc(&self.types.str.clone(), Str::from_wtf8(text))?;
        Ok(Value::from_object(s.into_obj()))
    }

    /// The `str` payload of a value, if it is a `str`.
    pub fn as_str<'a>(&self, value: &'a Value) -> Option<&'a Ref<Str>> {
        value.as_object()?.downcast::<Str>()
    }
}

fn str_payload<'a>(vm: &mut Vm, value: &'a Value, what: &str) -> PyResult<&'a Ref<Str>> {
    match value.as_object().and_then(|o| o.downcast::<Str>()) {
        Some(s) => Ok(s),
        None => {
            let name = vm.type_name(value);
            Err(vm.type_error(format!("{what}, not {name}")))
        }
    }
}

/// Installs `str`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.repr.set(Some(|vm, v| {
        let s = str_payload(vm, v, "descriptor '__repr__' requires a 'str' object")?;
        let mut out = String::new();
        krait_syntax::pyrepr::write_str_repr(&mut out, &wtf8_of(s));
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
        let ordering = x.as_bytes().cmp(y.as_bytes());
        Ok(Value::from_bool(op.test(ordering)))
    }));
    t.slots.bool.set(Some(|vm, v| {
        Ok(str_payload(vm, v, "expected str")?.char_len() > 0)
    }));
    t.slots.number.set(Some(|vm, a, b, op| {
        use crate::types::slots::BinOp;
        match op {
            BinOp::Add => {
                let (Some(x), Some(y)) = (vm.as_str(a), vm.as_str(b)) else {
                    if vm.as_str(a).is_some() && vm.type_of(b).slots.number.get().is_none() {
                        let name = vm.type_name(b);
                        return Err(vm.type_error(format!(
                            "can only concatenate str (not \"{name}\") to str"
                        )));
                    }
                    return Ok(vm.not_implemented());
                };
                let mut bytes = Vec::with_capacity(x.as_bytes().len() + y.as_bytes().len());
                bytes.extend_from_slice(x.as_bytes());
                bytes.extend_from_slice(y.as_bytes());
                vm.new_str_from_wtf8_bytes(bytes)
            }
            BinOp::Mul => {
                let (s, n) = match (vm.as_str(a), vm.as_str(b)) {
                    (Some(s), _) => (s.clone(), b),
                    (None, Some(s)) => (s.clone(), a),
                    _ => return Ok(vm.not_implemented()),
                };
                let Some(count) = vm.index_value(n)? else {
                    return Ok(vm.not_implemented());
                };
                let count = usize::try_from(count.max(0)).unwrap_or(0);
                let total = s.as_bytes().len().checked_mul(count);
                match total {
                    Some(t) if t < (1 << 40) => {
                        vm.new_str_from_wtf8_bytes(s.as_bytes().repeat(count))
                    }
                    _ => Err(vm.memory_error()),
                }
            }
            BinOp::Mod => Ok(vm.not_implemented()),
            _ => Ok(vm.not_implemented()),
        }
    }));
    t.slots.contains.set(Some(|vm, container, item| {
        let s = str_payload(vm, container, "expected str")?;
        let Some(needle) = vm.as_str(item) else {
            let name = vm.type_name(item);
            return Err(vm.type_error(format!(
                "'in <string>' requires string as left operand, not {name}"
            )));
        };
        Ok(find_bytes(s.as_bytes(), needle.as_bytes()).is_some())
    }));
    t.slots.getitem.set(Some(str_getitem));
    t.slots.iter.set(Some(|vm, v| {
        let s = str_payload(vm, v, "expected str")?;
        let mut items = Vec::with_capacity(s.char_len());
        for cp in s.code_points() {
            items.push(vm.new_str_wtf8(&from_code_points(&[cp]))?);
        }
        crate::builtins::iterators::new_seq_iter(vm, items, "str_ascii_iterator")
    }));
    t.slots.new.set(Some(|vm, _cls, args, kwnames| {
        let args = Args::parse(vm, "str", &["object"], 0, args, kwnames)?;
        match args.get(0) {
            None => vm.new_str(""),
            Some(v) => vm.str(v),
        }
    }));
}

impl Vm {
    /// A `str` from WTF-8 bytes produced by slicing or joining `str`s.
    pub fn new_str_from_wtf8_bytes(&mut self, bytes: Vec<u8>) -> PyResult<Value> {
        let payload = match String::from_utf8(bytes) {
            Ok(text) => Str::new(&text),
            Err(e) => {
                let bytes = e.into_bytes();
                let points = wtf8_code_points(&bytes);
                Str::from_wtf8(&from_code_points(&points))
            }
        };
        let s = self.alloc(&self.types.str.clone(), payload)?;
        Ok(Value::from_object(s.into_obj()))
    }
}

fn wtf8_of(s: &Str) -> Wtf8Buf {
    match s.as_str() {
        Some(t) => {
            let mut b = Wtf8Buf::with_capacity(t.len());
            b.push_str(t);
            b
        }
        None => from_code_points(&s.code_points()),
    }
}

/// The Python `repr()` of a `str` payload.
pub fn repr_of(s: &Str) -> String {
    let mut out = String::new();
    krait_syntax::pyrepr::write_str_repr(&mut out, &wtf8_of(s));
    out
}

fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn str_getitem(vm: &mut Vm, v: &Value, index: &Value) -> PyResult<Value> {
    let s = str_payload(vm, v, "expected str")?.clone();
    if let Some(i) = vm.index_value(index)? {
        let len = s.char_len() as i64;
        let j = if i < 0 { i + len } else { i };
        if j < 0 || j >= len {
            return Err(vm.index_error("string index out of range"));
        }
        if s.is_ascii() {
            let b = s.as_bytes()[j as usize];
            return vm.new_str(std::str::from_utf8(&[b]).unwrap_or(""));
        }
        let cp = s.code_points()[j as usize];
        return vm.new_str_wtf8(&from_code_points(&[cp]));
    }
    if let Some(slice) = index
        .as_object()
        .and_then(|o| o.downcast::<crate::builtins::slice::Slice>())
    {
        let points = s.code_points();
        let (start, stop, step) = slice.indices(vm, points.len())?;
        let picked: Vec<u32> = crate::builtins::slice::slice_positions(start, stop, step)
            .map(|i| points[i])
            .collect();
        return vm.new_str_wtf8(&from_code_points(&picked));
    }
    let name = vm.type_name(index);
    Err(vm.type_error(format!("string indices must be integers, not '{name}'")))
}

fn this<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a Ref<Str>> {
    str_payload(vm, args.this(), "descriptor requires a 'str' object")
}

/// `str`'s methods.
pub const METHODS: &[MethodDef] = &[
    method("join", "(self, iterable, /)", |vm, args| {
        let sep = this(vm, args)?.clone();
        let items = vm.collect_iterable(args.required(1))?;
        let mut bytes = Vec::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                bytes.extend_from_slice(sep.as_bytes());
            }
            let Some(s) = vm.as_str(item) else {
                let name = vm.type_name(item);
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {name} found"
                )));
            };
            bytes.extend_from_slice(s.as_bytes());
        }
        vm.new_str_from_wtf8_bytes(bytes)
    }),
    method("upper", "(self, /)", |vm, args| {
        let s = this(vm, args)?.as_lossy().to_uppercase();
        vm.new_str(&s)
    }),
    method("lower", "(self, /)", |vm, args| {
        let s = this(vm, args)?.as_lossy().to_lowercase();
        vm.new_str(&s)
    }),
    method("strip", "(self, chars=None, /)", |vm, args| {
        strip(vm, args, true, true)
    }),
    method("lstrip", "(self, chars=None, /)", |vm, args| {
        strip(vm, args, true, false)
    }),
    method("rstrip", "(self, chars=None, /)", |vm, args| {
        strip(vm, args, false, true)
    }),
    method("startswith", "(self, prefix, /)", |vm, args| {
        let s = this(vm, args)?.clone();
        affix(vm, &s, args.required(1), "startswith", |h, n| {
            h.starts_with(n)
        })
    }),
    method("endswith", "(self, suffix, /)", |vm, args| {
        let s = this(vm, args)?.clone();
        affix(vm, &s, args.required(1), "endswith", |h, n| h.ends_with(n))
    }),
    method("split", "(self, sep=None, maxsplit=-1)", |vm, args| {
        let s = this(vm, args)?.clone();
        let text = s.as_lossy().into_owned();
        let maxsplit = match args.get(2) {
            Some(v) => vm.index_value(v)?.unwrap_or(-1),
            None => -1,
        };
        let parts: Vec<String> = match args.get(1).filter(|v| !v.is_none()) {
            None => {
                let mut out = Vec::new();
                let mut rest = text.trim_start();
                while !rest.is_empty() {
                    if maxsplit >= 0 && out.len() as i64 >= maxsplit {
                        out.push(rest.to_owned());
                        break;
                    }
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    out.push(rest[..end].to_owned());
                    rest = rest[end..].trim_start();
                }
                out
            }
            Some(sep) => {
                let sep = str_payload(vm, sep, "must be str or None")?
                    .as_lossy()
                    .into_owned();
                if sep.is_empty() {
                    return Err(vm.value_error("empty separator"));
                }
                if maxsplit < 0 {
                    text.split(sep.as_str()).map(str::to_owned).collect()
                } else {
                    text.splitn(maxsplit as usize + 1, sep.as_str())
                        .map(str::to_owned)
                        .collect()
                }
            }
        };
        let mut items = Vec::with_capacity(parts.len());
        for p in parts {
            items.push(vm.new_str(&p)?);
        }
        vm.new_list(items)
    }),
    method("replace", "(self, old, new, count=-1, /)", |vm, args| {
        let s = this(vm, args)?.as_lossy().into_owned();
        let old = str_payload(vm, args.required(1), "replace() argument 1 must be str")?
            .as_lossy()
            .into_owned();
        let new = str_payload(vm, args.required(2), "replace() argument 2 must be str")?
            .as_lossy()
            .into_owned();
        let count = match args.get(3) {
            Some(v) => vm.index_value(v)?.unwrap_or(-1),
            None => -1,
        };
        let out = if count < 0 {
            s.replace(&old, &new)
        } else {
            s.replacen(&old, &new, count as usize)
        };
        vm.new_str(&out)
    }),
    method("find", "(self, sub, /)", |vm, args| {
        let s = this(vm, args)?.as_lossy().into_owned();
        let sub = str_payload(vm, args.required(1), "must be str")?
            .as_lossy()
            .into_owned();
        Ok(Value::from_i64(match s.find(&sub) {
            Some(byte) => s[..byte].chars().count() as i64,
            None => -1,
        }))
    }),
    method("count", "(self, sub, /)", |vm, args| {
        let s = this(vm, args)?.as_lossy().into_owned();
        let sub = str_payload(vm, args.required(1), "must be str")?
            .as_lossy()
            .into_owned();
        let n = if sub.is_empty() {
            s.chars().count() + 1
        } else {
            s.matches(&sub).count()
        };
        Ok(Value::from_i64(n as i64))
    }),
    method("isdigit", "(self, /)", |vm, args| {
        let s = this(vm, args)?;
        Ok(Value::from_bool(
            s.char_len() > 0 && s.as_lossy().chars().all(|c| c.is_ascii_digit()),
        ))
    }),
    method("isalpha", "(self, /)", |vm, args| {
        let s = this(vm, args)?;
        Ok(Value::from_bool(
            s.char_len() > 0 && s.as_lossy().chars().all(char::is_alphabetic),
        ))
    }),
    method("format", "(self, *args, **kwargs)", |vm, args| {
        let s = this(vm, args)?.clone();
        crate::builtins::format::str_format(vm, &s, args)
    }),
];

fn strip(vm: &mut Vm, args: &Args, left: bool, right: bool) -> PyResult<Value> {
    let s = this(vm, args)?.as_lossy().into_owned();
    let chars: Option<Vec<char>> = match args.get(1).filter(|v| !v.is_none()) {
        Some(v) => Some(
            str_payload(vm, v, "strip arg must be None or str")?
                .as_lossy()
                .chars()
                .collect(),
        ),
        None => None,
    };
    let matches = |c: char| match &chars {
        Some(set) => set.contains(&c),
        None => c.is_whitespace(),
    };
    let mut out: &str = &s;
    if left {
        out = out.trim_start_matches(matches);
    }
    if right {
        out = out.trim_end_matches(matches);
    }
    vm.new_str(out)
}

fn affix(
    vm: &mut Vm,
    s: &Str,
    arg: &Value,
    name: &str,
    test: fn(&[u8], &[u8]) -> bool,
) -> PyResult<Value> {
    if let Some(tuple) = arg
        .as_object()
        .and_then(|o| o.downcast::<crate::builtins::tuple::Tuple>())
    {
        for item in tuple.items() {
            let Some(p) = vm.as_str(item) else {
                let tn = vm.type_name(item);
                return Err(
                    vm.type_error(format!("tuple for {name} must only contain str, not {tn}"))
                );
            };
            if test(s.as_bytes(), p.as_bytes()) {
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
    Ok(Value::from_bool(test(s.as_bytes(), p.as_bytes())))
}

/// Compares two `str` payloads for equality without running Python code.
pub fn str_eq(a: &Str, b: &Str) -> bool {
    std::ptr::eq(a, b) || a.as_bytes() == b.as_bytes()
}

#[allow(dead_code)]
fn compare(op: CompareOp, a: &Str, b: &Str) -> bool {
    op.test(a.as_bytes().cmp(b.as_bytes()))
}
