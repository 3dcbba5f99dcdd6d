//! `_io.StringIO` (CPython's `Modules/_io/stringio.c`): an in-memory text
//! stream over a buffer of code points, with a position that may lie past
//! the end (a write there pads with NULs). `newline` works as CPython's:
//! `"\n"` (the default) and `""` store text unchanged, `None` stores `\r\n`
//! and `\r` as `\n`, `"\r"`/`"\r\n"` store `\n` as that ending; `readline`
//! ends lines at the chosen ending (any of the three for `""`).

use krait_vm::builtins::descriptors::{GetSetDef, readonly};
use krait_vm::builtins::native::{Args, MethodDef, method};
use krait_vm::builtins::str::from_code_points;
use krait_vm::builtins::tuple::Tuple;
use krait_vm::gc::Payload;
use krait_vm::object::{PyCell, Ref};
use krait_vm::types::{TypeRef, flags};
use krait_vm::{PyResult, Value, Vm};

use super::iobase::size_limit;

/// The state of a `StringIO`.
#[derive(Default)]
struct Buffer {
    text: Vec<u32>,
    pos: usize,
    closed: bool,
    /// The `newline` argument (`None` for universal newlines).
    newline: Option<String>,
    /// Whether `__init__` ran.
    ready: bool,
}

/// The payload of `StringIO`.
#[derive(Default)]
pub struct StringIO {
    state: PyCell<Buffer>,
}

impl Payload for StringIO {}

/// Creates `StringIO` as a subclass of `text_base` (`_TextIOBase`).
pub fn new_type(vm: &mut Vm, text_base: &TypeRef) -> PyResult<TypeRef> {
    let ty = vm.new_builtin_type::<StringIO>(
        "_io",
        "StringIO",
        None,
        flags::BASETYPE | flags::HAS_DICT | flags::EXTENDED | flags::NEW_ALLOCATES_CLASS,
        METHODS,
    )?;
    super::rebase(&ty, text_base);
    ty.slots.new.set(Some(|vm, cls, _args, _kw| {
        Ok(Value::from_object(
            vm.alloc(cls, StringIO::default())?.into_obj(),
        ))
    }));
    ty.slots.init.set(Some(init));
    vm.add_getsets(&ty, GETSETS)?;
    ty.bump_version();
    Ok(ty)
}

fn payload(vm: &mut Vm, v: &Value) -> PyResult<Ref<StringIO>> {
    match v.as_object().and_then(|o| o.downcast::<StringIO>()) {
        Some(s) => Ok(s.clone()),
        None => Err(vm.type_error("descriptor requires a '_io.StringIO' object".into())),
    }
}

/// The payload of an open, initialised `StringIO`.
fn open_payload(vm: &mut Vm, v: &Value) -> PyResult<Ref<StringIO>> {
    let s = payload(vm, v)?;
    let (ready, closed) = s.state.with(|b| (b.ready, b.closed));
    if !ready {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    if closed {
        // StringIO's message has no full stop (unlike the other streams').
        return Err(vm.value_error("I/O operation on closed file"));
    }
    Ok(s)
}

/// Applies the write-side newline translation.
fn translate(newline: Option<&str>, text: Vec<u32>) -> Vec<u32> {
    const CR: u32 = '\r' as u32;
    const LF: u32 = '\n' as u32;
    match newline {
        None => {
            let mut out = Vec::with_capacity(text.len());
            let mut i = 0;
            while let Some(&c) = text.get(i) {
                if c == CR {
                    out.push(LF);
                    if text.get(i + 1) == Some(&LF) {
                        i += 1;
                    }
                } else {
                    out.push(c);
                }
                i += 1;
            }
            out
        }
        Some(ending @ ("\r" | "\r\n")) => {
            let mut out = Vec::with_capacity(text.len());
            for c in text {
                if c == LF {
                    out.extend(ending.chars().map(u32::from));
                } else {
                    out.push(c);
                }
            }
            out
        }
        Some(_) => text,
    }
}

/// Writes `text` at the position; `false` (nothing written) if the buffer
/// cannot grow that far.
#[must_use]
fn write_text(state: &mut Buffer, text: Vec<u32>) -> bool {
    let text = translate(state.newline.as_deref(), text);
    let needed = state.pos.saturating_add(text.len());
    if needed > state.text.len()
        && (needed > isize::MAX as usize / 4
            || state.text.try_reserve(needed - state.text.len()).is_err())
    {
        return false;
    }
    if state.pos > state.text.len() {
        state.text.resize(state.pos, 0);
    }
    let end = state.pos + text.len();
    let overlap = end.min(state.text.len());
    state.text.splice(state.pos..overlap, text);
    state.pos = end;
    true
}

/// `StringIO(initial_value='', newline='\n')`.
fn init(vm: &mut Vm, this: &Value, args: &[Value], kw: Option<&Ref<Tuple>>) -> PyResult<()> {
    let a = krait_vm::static_signature!("(initial_value='', newline='\\n')")
        .bind(vm, "StringIO", args, kw)?;
    let newline = match a.get(1) {
        None => Some("\n".to_owned()),
        Some(v) if v.is_none() => None,
        Some(v) => {
            let Some(s) = vm.as_str(v).map(|s| s.as_lossy().into_owned()) else {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("newline must be str or None, not {tn}")));
            };
            if !["", "\n", "\r", "\r\n"].contains(&s.as_str()) {
                let r = vm.repr_string(v)?;
                return Err(vm.value_error(&format!("illegal newline value: {r}")));
            }
            Some(s)
        }
    };
    let initial = match a.get(0).filter(|v| !v.is_none()) {
        None => Vec::new(),
        Some(v) => match vm.as_str(v) {
            Some(s) => s.code_points(),
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("initial_value must be str or None, not {tn}")));
            }
        },
    };
    let s = payload(vm, this)?;
    let written = s.state.with(|b| {
        *b = Buffer {
            newline,
            ready: true,
            ..Buffer::default()
        };
        let written = write_text(b, initial);
        b.pos = 0;
        written
    });
    if !written {
        return Err(vm.memory_error());
    }
    Ok(())
}

fn new_text(vm: &mut Vm, points: &[u32]) -> PyResult<Value> {
    vm.new_str_wtf8(&from_code_points(points))
}

fn read(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = open_payload(vm, args.this())?;
    let limit = size_limit(vm, args.get(1))?;
    let taken = s.state.with(|b| {
        let start = b.pos.min(b.text.len());
        let end = limit.map_or(b.text.len(), |n| start.saturating_add(n).min(b.text.len()));
        b.pos = b.pos.max(end);
        b.text.get(start..end).unwrap_or(&[]).to_vec()
    });
    new_text(vm, &taken)
}

/// The length of the line starting at `rest[0]`, ending included.
fn line_length(rest: &[u32], newline: Option<&str>) -> usize {
    const CR: u32 = '\r' as u32;
    const LF: u32 = '\n' as u32;
    match newline {
        Some("") => {
            for (i, &c) in rest.iter().enumerate() {
                if c == LF {
                    return i + 1;
                }
                if c == CR {
                    return if rest.get(i + 1) == Some(&LF) {
                        i + 2
                    } else {
                        i + 1
                    };
                }
            }
            rest.len()
        }
        Some("\r") => rest
            .iter()
            .position(|&c| c == CR)
            .map_or(rest.len(), |i| i + 1),
        Some("\r\n") => rest
            .windows(2)
            .position(|w| w == [CR, LF])
            .map_or(rest.len(), |i| i + 2),
        _ => rest
            .iter()
            .position(|&c| c == LF)
            .map_or(rest.len(), |i| i + 1),
    }
}

fn readline(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = open_payload(vm, args.this())?;
    let limit = size_limit(vm, args.get(1))?;
    let taken = s.state.with(|b| {
        let start = b.pos.min(b.text.len());
        let rest = b.text.get(start..).unwrap_or(&[]);
        let mut n = line_length(rest, b.newline.as_deref());
        if let Some(limit) = limit {
            n = n.min(limit);
        }
        let line = rest.get(..n).unwrap_or(&[]).to_vec();
        b.pos = start + n;
        line
    });
    new_text(vm, &taken)
}

fn write(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = open_payload(vm, args.this())?;
    let data = args.required(1);
    let Some(text) = vm.as_str(data).map(|t| t.code_points()) else {
        let tn = vm.type_name(data);
        return Err(vm.type_error(format!("string argument expected, got '{tn}'")));
    };
    let count = text.len();
    if !s.state.with(|b| write_text(b, text)) {
        return Err(vm.overflow_error("new buffer size too large"));
    }
    Ok(Value::from_i64(count as i64))
}

fn seek(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = open_payload(vm, args.this())?;
    let offset = vm.index_i64(args.required(1))?;
    let whence = match args.get(2) {
        Some(w) => vm.index_i64(w)?,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(&format!("Invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    if whence == 0 && offset < 0 {
        return Err(vm.value_error(&format!("Negative seek position {offset}")));
    }
    if whence != 0 && offset != 0 {
        return Err(vm.new_error(
            krait_vm::builtins::exceptions::ExcKind::OSError,
            "Can't do nonzero cur-relative seeks",
        ));
    }
    let pos = s.state.with(|b| {
        b.pos = match whence {
            0 => usize::try_from(offset).unwrap_or(usize::MAX),
            2 => b.text.len(),
            _ => b.pos,
        };
        b.pos
    });
    Ok(Value::from_i64(pos as i64))
}

fn truncate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = open_payload(vm, args.this())?;
    let size = match args.get(1).filter(|v| !v.is_none()) {
        None => s.state.with(|b| b.pos),
        Some(v) => {
            let n = vm.index_i64(v)?;
            match usize::try_from(n) {
                Ok(n) => n,
                Err(_) => return Err(vm.value_error(&format!("Negative size value {n}"))),
            }
        }
    };
    s.state.with(|b| b.text.truncate(size));
    Ok(Value::from_i64(size as i64))
}

fn capability(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    open_payload(vm, args.this())?;
    Ok(Value::from_bool(true))
}

const METHODS: &[MethodDef] = &[
    method("getvalue", "(self, /)", |vm, args| {
        let s = open_payload(vm, args.this())?;
        let text = s.state.with(|b| b.text.clone());
        new_text(vm, &text)
    }),
    method("read", "(self, size=-1, /)", read),
    method("readline", "(self, size=-1, /)", readline),
    method("write", "(self, s, /)", write),
    method("seek", "(self, pos, whence=0, /)", seek),
    method("tell", "(self, /)", |vm, args| {
        let s = open_payload(vm, args.this())?;
        Ok(Value::from_i64(s.state.with(|b| b.pos) as i64))
    }),
    method("truncate", "(self, pos=None, /)", truncate),
    method("readable", "(self, /)", capability),
    method("writable", "(self, /)", capability),
    method("seekable", "(self, /)", capability),
    method("close", "(self, /)", |vm, args| {
        let s = payload(vm, args.this())?;
        s.state.with(|b| {
            b.closed = true;
            b.text = Vec::new();
        });
        Ok(Value::NONE)
    }),
];

const GETSETS: &[GetSetDef] = &[
    readonly("closed", |vm, v| {
        let s = payload(vm, v)?;
        Ok(Value::from_bool(s.state.with(|b| b.closed)))
    }),
    readonly("line_buffering", |vm, v| {
        open_payload(vm, v)?;
        Ok(Value::from_bool(false))
    }),
    readonly("newlines", |vm, v| {
        open_payload(vm, v)?;
        Ok(Value::NONE)
    }),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn points(s: &str) -> Vec<u32> {
        s.chars().map(u32::from).collect()
    }

    #[test]
    fn universal_newlines_store_line_feeds() {
        assert_eq!(translate(None, points("a\r\nb\rc\n")), points("a\nb\nc\n"));
        assert_eq!(translate(Some(""), points("a\r\nb")), points("a\r\nb"));
        assert_eq!(translate(Some("\r\n"), points("a\nb")), points("a\r\nb"));
    }

    #[test]
    fn lines_end_at_the_chosen_ending() {
        assert_eq!(line_length(&points("ab\r\ncd"), Some("")), 4);
        assert_eq!(line_length(&points("ab\rcd"), Some("")), 3);
        assert_eq!(line_length(&points("ab\rcd\n"), Some("\n")), 6);
        assert_eq!(line_length(&points("a\rb\r\n"), Some("\r\n")), 5);
        assert_eq!(line_length(&points("abc"), None), 3);
    }

    #[test]
    fn writing_past_the_end_pads_with_nul() {
        let mut b = Buffer {
            pos: 2,
            ..Buffer::default()
        };
        assert!(write_text(&mut b, points("x")));
        assert_eq!(b.text, vec![0, 0, u32::from('x')]);
        assert_eq!(b.pos, 3);
    }
}
