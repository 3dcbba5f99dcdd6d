//! The functions of the `builtins` module, each declared once with its
//! signature ([`MethodDef`]).

use std::io::Write;

use crate::builtins::dict::Dict;
use crate::builtins::exceptions::ExcKind;
use crate::builtins::iterators::IterState;
use crate::builtins::native::{Args, Intrinsic, MethodDef, method, method_1, method_2};
use crate::error::PyResult;
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::types::slots::{BinOp, CompareOp};
use crate::value::Value;

/// The name of a callable for call-error messages (CPython's
/// `_PyObject_FunctionStr`): `module.qualname()`, without the module for
/// builtins.
pub fn callable_name(vm: &mut Vm, f: &Value) -> String {
    let qualname = vm
        .intern("__qualname__")
        .ok()
        .and_then(|n| vm.get_attr_opt(f, &n).ok().flatten());
    let Some(qualname) = qualname else {
        return vm.str_string(f).unwrap_or_default();
    };
    let qualname = vm.str_string(&qualname).unwrap_or_default();
    let module = vm
        .intern("__module__")
        .ok()
        .and_then(|n| vm.get_attr_opt(f, &n).ok().flatten());
    match module.and_then(|m| vm.as_str(&m).map(|s| s.as_lossy().into_owned())) {
        Some(m) if m != "builtins" => format!("{m}.{qualname}()"),
        _ => format!("{qualname}()"),
    }
}

/// `ascii(v)`.
pub fn ascii(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = vm.repr_string(v)?;
    let mut out = String::new();
    for c in r.chars() {
        let cp = c as u32;
        if cp < 0x80 {
            out.push(c);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    vm.new_str(&out)
}

impl Vm {
    /// Writes text to standard output (buffered).
    pub fn write_stdout(&mut self, text: &str) {
        let _ = self.stdout.write_all(text.as_bytes());
    }

    /// Flushes standard output.
    pub fn flush_stdout(&mut self) {
        let _ = self.stdout.flush();
    }

    /// `super()` without arguments: `__class__` cell and first argument of
    /// the running function.
    pub fn implicit_super_args(&mut self) -> PyResult<(crate::types::TypeRef, Value)> {
        let Some(frame) = self.current_frame_ref() else {
            return Err(self.runtime_error("super(): no current frame"));
        };
        let code = frame.code.clone();
        if code.code.argcount == 0 {
            return Err(self.runtime_error("super(): no arguments"));
        }
        let first = frame.local(0).cloned();
        // The `__class__` cell: absent, empty, or holding the class.
        let mut class_cell = None;
        for (i, name) in code.localsplusnames.iter().enumerate() {
            if &*name.as_lossy() == "__class__"
                && let Some(cell) = frame
                    .local(i)
                    .and_then(|c| c.as_object())
                    .and_then(|o| o.downcast::<crate::builtins::function::CellObj>())
            {
                class_cell = Some(cell.value.get());
            }
        }
        let first = match first {
            Some(f) => match f
                .as_object()
                .and_then(|o| o.downcast::<crate::builtins::function::CellObj>())
            {
                Some(c) => c.value.get(),
                None => Some(f),
            },
            None => None,
        };
        let Some(first) = first else {
            return Err(self.runtime_error("super(): arg[0] deleted"));
        };
        let class = match class_cell {
            None => return Err(self.runtime_error("super(): __class__ cell not found")),
            Some(None) => return Err(self.runtime_error("super(): empty __class__ cell")),
            Some(Some(value)) => value,
        };
        let Some(class) = class
            .as_object()
            .and_then(|o| o.downcast::<TypeObject>())
            .cloned()
        else {
            let tn = self.type_name(&class);
            return Err(self.runtime_error(&format!("super(): __class__ is not a type ({tn})")));
        };
        Ok((class, first))
    }
}

/// `min()`/`max()` (CPython's `min_max`): one iterable or several
/// arguments, `key=`, `default=`; `max` keeps the first of equal items
/// (`item > best`), `min` too (`item < best`).
fn min_max(vm: &mut Vm, args: &Args, name: &str, op: CompareOp) -> PyResult<Value> {
    let positional = args.varargs();
    let key = args.get(0).filter(|k| !k.is_none()).cloned();
    let default = args.get(1).cloned();
    // Two small ints and no key: their comparison has no side effects, so
    // compare them here. The first wins a tie, as in the loop below.
    if let ([a, b], None, None) = (positional, &key, &default)
        && let (Some(x), Some(y)) = (a.as_i64(), b.as_i64())
    {
        let second_better = if op == CompareOp::Lt { y < x } else { y > x };
        return Ok(if second_better { b.clone() } else { a.clone() });
    }
    let mut best: Option<(Value, Value)> = None;
    let mut consider = |vm: &mut Vm, item: Value| -> PyResult<()> {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&item), None)?,
            None => item.clone(),
        };
        let better = match &best {
            None => true,
            Some((bk, _)) => {
                let r = vm.rich_compare(&k, bk, op)?;
                vm.is_true(&r)?
            }
        };
        if better {
            best = Some((k, item));
        }
        Ok(())
    };
    match positional {
        [] => {
            return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
        }
        [iterable] => {
            let items = vm.iter(iterable)?;
            while let Some(item) = vm.next(&items)? {
                consider(vm, item)?;
            }
        }
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            // The arguments themselves, as CPython walks them (no tuple).
            for item in positional {
                consider(vm, item.clone())?;
            }
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(&format!("{name}() iterable argument is empty"))),
        },
    }
}

/// `sum(iterable, /, start=0)` as CPython 3.14 computes it: exact `int`
/// while the items are small ints, then compensated (Neumaier) summation
/// while they are floats (or ints), or complex numbers, else `+`.
fn builtin_sum(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let mut result = args.get(1).cloned().unwrap_or(Value::from_i64(0));
    for (kind, what, hint) in [
        ("str", "strings", "''"),
        ("bytes", "bytes", "b''"),
        ("bytearray", "bytearray", "b''"),
    ] {
        if vm.type_of(&result).mro.with(|m| {
            m.iter()
                .any(|t| &*t.name == kind && !t.has_flag(crate::types::flags::HEAPTYPE))
        }) {
            return Err(vm.type_error(format!(
                "sum() can't sum {what} [use {hint}.join(seq) instead]"
            )));
        }
    }
    let it = vm.iter(args.required(0))?;
    // Exact ints that fit in 64 bits.
    if let Some(mut total) = result.as_i64() {
        loop {
            let Some(item) = vm.next(&it)? else {
                return Ok(Value::from_i64(total));
            };
            if let Some(i) = crate::builtins::int::small(&item)
                && let Some(t) = total.checked_add(i)
            {
                total = t;
                continue;
            }
            result = vm.binary_op(&Value::from_i64(total), &item, BinOp::Add)?;
            break;
        }
    }
    // Floats, with a running compensation.
    if let Some(mut f) = result.as_f64() {
        let mut c = 0.0f64;
        let add = |f: &mut f64, c: &mut f64, x: f64| {
            let t = *f + x;
            if f.abs() >= x.abs() {
                *c += (*f - t) + x;
            } else {
                *c += (x - t) + *f;
            }
            *f = t;
        };
        let finish = |f: f64, c: f64| if c != 0.0 && c.is_finite() { f + c } else { f };
        loop {
            let Some(item) = vm.next(&it)? else {
                return Ok(Value::from_f64(finish(f, c)));
            };
            if let Some(x) = item.as_f64() {
                add(&mut f, &mut c, x);
                continue;
            }
            if crate::builtins::int::is_int(&item)
                && let Some(x) = crate::builtins::int::to_big(&item)
                    .as_ref()
                    .and_then(crate::builtins::int::big_to_f64)
            {
                add(&mut f, &mut c, x);
                continue;
            }
            result = vm.binary_op(&Value::from_f64(finish(f, c)), &item, BinOp::Add)?;
            break;
        }
    }
    // Complex numbers, each part compensated.
    if let Some((re, im)) = crate::builtins::complex::as_complex(&result) {
        let (mut re, mut im, mut cre, mut cim) = (re, im, 0.0f64, 0.0f64);
        let add = |f: &mut f64, c: &mut f64, x: f64| {
            let t = *f + x;
            if f.abs() >= x.abs() {
                *c += (*f - t) + x;
            } else {
                *c += (x - t) + *f;
            }
            *f = t;
        };
        let finish = |f: f64, c: f64| if c != 0.0 && c.is_finite() { f + c } else { f };
        loop {
            let Some(item) = vm.next(&it)? else {
                return vm.new_complex(finish(re, cre), finish(im, cim));
            };
            if let Some((x, y)) = crate::builtins::complex::as_complex(&item) {
                add(&mut re, &mut cre, x);
                add(&mut im, &mut cim, y);
                continue;
            }
            if let Some(x) = item.as_f64() {
                add(&mut re, &mut cre, x);
                continue;
            }
            let partial = vm.new_complex(finish(re, cre), finish(im, cim))?;
            result = vm.binary_op(&partial, &item, BinOp::Add)?;
            break;
        }
    }
    while let Some(item) = vm.next(&it)? {
        result = vm.binary_op(&result, &item, BinOp::Add)?;
    }
    Ok(result)
}

/// `divmod(a, b)` of two ints or of floats and ints (`int.__divmod__`,
/// `float.__divmod__`); `None` for any other operands.
pub(crate) fn real_divmod(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    use crate::builtins::int::is_int;
    if is_int(a) && is_int(b) {
        let q = vm.binary_op(a, b, BinOp::FloorDiv)?;
        let r = vm.binary_op(a, b, BinOp::Mod)?;
        return vm.new_tuple2(q, r).map(Some);
    }
    use crate::builtins::float::float_value;
    let real = |v: &Value| is_int(v) || float_value(v).is_some();
    if real(a) && real(b) && (float_value(a).is_some() || float_value(b).is_some()) {
        let x = crate::builtins::float::as_float(vm, a)?.unwrap_or(0.0);
        let y = crate::builtins::float::as_float(vm, b)?.unwrap_or(0.0);
        if y == 0.0 {
            return Err(vm.zero_division("division by zero"));
        }
        let (q, r) = crate::builtins::float::float_divmod(x, y);
        return vm
            .new_tuple2(Value::from_f64(q), Value::from_f64(r))
            .map(Some);
    }
    Ok(None)
}

/// `divmod(x, y)`.
fn builtin_divmod(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    // Instances of user subclasses may override `__divmod__`/`__rdivmod__`.
    let builtin = |v: &Value| !vm.type_of(v).has_flag(crate::types::flags::HEAPTYPE);
    if builtin(a)
        && builtin(b)
        && let Some(r) = real_divmod(vm, a, b)?
    {
        return Ok(r);
    }
    if let Some(f) = vm.lookup_special(a, "__divmod__") {
        let r = vm.call(&f, std::slice::from_ref(b), None)?;
        if !vm.is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if !vm.type_of(a).same(vm.type_of(b))
        && let Some(f) = vm.lookup_special(b, "__rdivmod__")
    {
        let r = vm.call(&f, std::slice::from_ref(a), None)?;
        if !vm.is_not_implemented(&r) {
            return Ok(r);
        }
    }
    let (ta, tb) = (vm.type_name(a), vm.type_name(b));
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{ta}' and '{tb}'"
    )))
}

/// `round(number, ndigits=None)`.
fn builtin_round(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = args.required(0);
    let nd = args.get(1).filter(|n| !n.is_none());
    if crate::builtins::int::is_int(v) {
        return match nd {
            None => vm.index(v),
            Some(n) => {
                let n = vm.index_i64_saturating(n)?;
                crate::builtins::int::round_int(vm, v, n)
            }
        };
    }
    if let Some(x) = v.as_f64() {
        return match nd {
            None => crate::builtins::float::round_to_int(vm, x),
            Some(n) => {
                let n = vm.index_i64_saturating(n)?;
                match crate::builtins::float::round_float(x, n) {
                    Ok(r) => Ok(Value::from_f64(r)),
                    Err(m) => Err(vm.overflow_error(m)),
                }
            }
        };
    }
    match vm.lookup_special(v, "__round__") {
        Some(f) => {
            let a: Vec<Value> = nd.cloned().into_iter().collect();
            vm.call(&f, &a, None)
        }
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("type {tn} doesn't define __round__ method")))
        }
    }
}

/// `bin()`, `oct()`, `hex()`.
fn radix_text(vm: &mut Vm, v: &Value, radix: u32) -> PyResult<Value> {
    let n = vm.index(v)?;
    let text = crate::builtins::int::int_to_radix(&n, radix);
    vm.new_str(&text)
}

/// The builtin functions.
pub const FUNCTIONS: &[MethodDef] = &[
    method(
        "print",
        "(*args, sep=None, end=None, file=None, flush=False)",
        |vm, args| {
            let sep = match args.get(0) {
                Some(s) if !s.is_none() => match vm.as_str(s) {
                    Some(s) => s.as_lossy().into_owned(),
                    None => {
                        let tn = vm.type_name(s);
                        return Err(
                            vm.type_error(format!("sep must be None or a string, not {tn}"))
                        );
                    }
                },
                _ => " ".into(),
            };
            let end = match args.get(1) {
                Some(s) if !s.is_none() => match vm.as_str(s) {
                    Some(s) => s.as_lossy().into_owned(),
                    None => {
                        let tn = vm.type_name(s);
                        return Err(
                            vm.type_error(format!("end must be None or a string, not {tn}"))
                        );
                    }
                },
                _ => "\n".into(),
            };
            let flush = match args.get(3) {
                Some(f) => vm.is_true(f)?,
                None => false,
            };
            let file = match args.get(2).filter(|f| !f.is_none()) {
                Some(file) => Some(file.clone()),
                None => match vm.sys_attr("stdout") {
                    // `sys.stdout = None`: print does nothing.
                    Some(out) if out.is_none() => return Ok(Value::NONE),
                    Some(out) if !vm.is_standard_output(&out) => Some(out),
                    Some(_) => None,
                    None if vm.import.sys_dict.is_some() => {
                        return Err(vm.runtime_error("lost sys.stdout"));
                    }
                    // An interpreter without `sys`.
                    None => None,
                },
            };
            let items = args.varargs().to_vec();
            let Some(file) = file else {
                // The interpreter's own standard output: no method calls.
                let mut out = String::new();
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(&sep);
                    }
                    out.push_str(&vm.str_string(v)?);
                }
                out.push_str(&end);
                vm.write_stdout(&out);
                if flush {
                    vm.flush_stdout();
                }
                return Ok(Value::NONE);
            };
            // Any other file: one `write` per piece, as CPython does.
            let write = vm.get_attr_str(&file, "write")?;
            let sep = vm.new_str(&sep)?;
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    vm.call(&write, std::slice::from_ref(&sep), None)?;
                }
                let text = vm.str(v)?;
                vm.call(&write, &[text], None)?;
            }
            let end = vm.new_str(&end)?;
            vm.call(&write, &[end], None)?;
            if flush {
                let flush = vm.get_attr_str(&file, "flush")?;
                vm.call(&flush, &[], None)?;
            }
            Ok(Value::NONE)
        },
    ),
    method("input", "(prompt=None, /)", |vm, args| {
        let stream = |vm: &mut Vm, name: &str| -> PyResult<Value> {
            match vm.sys_attr(name) {
                Some(v) if !v.is_none() => Ok(v),
                _ => Err(vm.runtime_error(&format!("input(): lost sys.{name}"))),
            }
        };
        let stdin = stream(vm, "stdin")?;
        let stdout = stream(vm, "stdout")?;
        if let Some(stderr) = vm.sys_attr("stderr").filter(|e| !e.is_none())
            && let Ok(flush) = vm.get_attr_str(&stderr, "flush")
        {
            vm.call(&flush, &[], None)?;
        }
        if let Some(prompt) = args.get(0).filter(|p| !p.is_none()) {
            let text = vm.str(prompt)?;
            let write = vm.get_attr_str(&stdout, "write")?;
            vm.call(&write, &[text], None)?;
        }
        let flush = vm.get_attr_str(&stdout, "flush")?;
        vm.call(&flush, &[], None)?;
        let readline = vm.get_attr_str(&stdin, "readline")?;
        let line = vm.call(&readline, &[], None)?;
        let Some(text) = vm.as_str(&line).map(|s| s.as_lossy().into_owned()) else {
            return Err(vm.type_error("object.readline() returned non-string".into()));
        };
        if text.is_empty() {
            return Err(vm.new_error(ExcKind::EOFError, "EOF when reading a line"));
        }
        vm.new_str(text.strip_suffix('\n').unwrap_or(&text))
    }),
    method_1("len", "(obj, /)", |vm, obj| {
        let n = vm.len(obj)?;
        Ok(Value::from_i64(n as i64))
    })
    .with_intrinsic(Intrinsic::Len),
    method_1("repr", "(obj, /)", |vm, obj| vm.repr(obj)),
    method("ascii", "(obj, /)", |vm, args| ascii(vm, args.required(0))),
    method_1("hash", "(obj, /)", |vm, obj| {
        Ok(Value::from_i64(vm.hash(obj)?))
    }),
    method("id", "(obj, /)", |vm, args| {
        let v = args.required(0);
        let id = match v.as_object() {
            Some(o) => o.address() as i64,
            None => {
                // Inline values have no address; give them a stable one per value kind.
                let _ = vm;
                crate::hash::hash_pointer(0) ^ vm_hash_inline(v)
            }
        };
        Ok(Value::from_i64(id))
    }),
    method_1("abs", "(x, /)", |vm, v| {
        if let Some(i) = v.as_i64()
            && let Some(a) = i.checked_abs()
        {
            return Ok(Value::from_i64(a));
        }
        vm.unary_op(v, crate::types::slots::UnaryOp::Abs)
    }),
    method("bin", "(number, /)", |vm, args| {
        radix_text(vm, args.required(0), 2)
    }),
    method("oct", "(number, /)", |vm, args| {
        radix_text(vm, args.required(0), 8)
    }),
    method("hex", "(number, /)", |vm, args| {
        radix_text(vm, args.required(0), 16)
    }),
    method_2(
        "isinstance",
        "(obj, class_or_tuple, /)",
        |vm, obj, classes| {
            let r = crate::builtins::type_::isinstance(vm, obj, classes)?;
            Ok(Value::from_bool(r))
        },
    )
    .with_intrinsic(Intrinsic::IsInstance),
    method_2(
        "issubclass",
        "(cls, class_or_tuple, /)",
        |vm, cls, classes| {
            let r = crate::builtins::type_::issubclass(vm, cls, classes)?;
            Ok(Value::from_bool(r))
        },
    ),
    method("getattr", "(object, name, default=None, /)", |vm, args| {
        let Some(name) = vm.as_str(args.required(1)).cloned() else {
            let tn = vm.type_name(args.required(1));
            return Err(vm.type_error(format!("attribute name must be string, not '{tn}'")));
        };
        match args.get(2) {
            Some(d) => Ok(vm
                .get_attr_opt(args.required(0), &name)?
                .unwrap_or_else(|| d.clone())),
            None => vm.get_attr(args.required(0), &name),
        }
    }),
    method("setattr", "(obj, name, value, /)", |vm, args| {
        let Some(name) = vm.as_str(args.required(1)).cloned() else {
            let tn = vm.type_name(args.required(1));
            return Err(vm.type_error(format!("attribute name must be string, not '{tn}'")));
        };
        vm.set_attr(args.required(0), &name, Some(args.required(2).clone()))?;
        Ok(Value::NONE)
    }),
    method("delattr", "(obj, name, /)", |vm, args| {
        let Some(name) = vm.as_str(args.required(1)).cloned() else {
            let tn = vm.type_name(args.required(1));
            return Err(vm.type_error(format!("attribute name must be string, not '{tn}'")));
        };
        vm.set_attr(args.required(0), &name, None)?;
        Ok(Value::NONE)
    }),
    method("hasattr", "(obj, name, /)", |vm, args| {
        let Some(name) = vm.as_str(args.required(1)).cloned() else {
            let tn = vm.type_name(args.required(1));
            return Err(vm.type_error(format!("attribute name must be string, not '{tn}'")));
        };
        Ok(Value::from_bool(
            vm.get_attr_opt(args.required(0), &name)?.is_some(),
        ))
    }),
    method("iter", "(object, sentinel=None, /)", |vm, args| {
        let Some(sentinel) = args.get(1) else {
            return vm.iter(args.required(0));
        };
        let func = args.required(0).clone();
        if vm.type_of(&func).slots.call.get().is_none() {
            return Err(vm.type_error("iter(v, w): v must be callable".into()));
        }
        crate::builtins::iterators::new_callable_iter(vm, func, sentinel.clone())
    }),
    method("next", "(iterator, default=None, /)", |vm, args| {
        let it = args.required(0);
        let Some(next) = vm.type_of(it).slots.next.get() else {
            let tn = vm.type_name(it);
            return Err(vm.type_error(format!("'{tn}' object is not an iterator")));
        };
        // The slot itself: a `StopIteration` it raises (a generator's
        // return value) propagates unless there is a default.
        match next(vm, it) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => match args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.new_exception(ExcKind::StopIteration, Vec::new())),
            },
            Err(e) if vm.exc_matches(&e, ExcKind::StopIteration) => match args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(e),
            },
            Err(e) => Err(e),
        }
    }),
    method("min", "(*args, key=None, default=None)", |vm, args| {
        min_max(vm, args, "min", CompareOp::Lt)
    }),
    method("max", "(*args, key=None, default=None)", |vm, args| {
        min_max(vm, args, "max", CompareOp::Gt)
    }),
    method("sum", "(iterable, /, start=0)", builtin_sum),
    // `key` and `reverse` bind to slots (no dict); any other keyword is
    // collected only to be refused in list.sort()'s words, after the
    // positional count is checked, as CPython orders it.
    method(
        "sorted",
        "(*args, key=None, reverse=False, **kwargs)",
        |vm, args| {
            let [iterable] = args.varargs() else {
                let n = args.varargs().len();
                return Err(vm.type_error(format!("sorted expected 1 argument, got {n}")));
            };
            let iterable = iterable.clone();
            let unexpected = args
                .kwargs()
                .and_then(|k| k.as_object())
                .and_then(|o| o.downcast::<Dict>())
                .and_then(|d| d.items().into_iter().next());
            if let Some((name, _)) = unexpected {
                let other = vm
                    .as_str(&name)
                    .map(|s| s.as_lossy().into_owned())
                    .unwrap_or_default();
                return Err(vm.type_error(format!(
                    "sort() got an unexpected keyword argument '{other}'"
                )));
            }
            let key = args.get(0).filter(|k| !k.is_none()).cloned();
            let reverse = match args.get(1) {
                Some(r) => vm.is_true(r)?,
                None => false,
            };
            let items = vm.collect_iterable(&iterable)?;
            let sorted = crate::builtins::list::sort_values(vm, items, key.as_ref(), reverse)?;
            vm.new_list(sorted)
        },
    ),
    method("any", "(iterable, /)", |vm, args| {
        let it = vm.iter(args.required(0))?;
        while let Some(x) = vm.next(&it)? {
            if vm.is_true(&x)? {
                return Ok(Value::from_bool(true));
            }
        }
        Ok(Value::from_bool(false))
    }),
    method("all", "(iterable, /)", |vm, args| {
        let it = vm.iter(args.required(0))?;
        while let Some(x) = vm.next(&it)? {
            if !vm.is_true(&x)? {
                return Ok(Value::from_bool(false));
            }
        }
        Ok(Value::from_bool(true))
    }),
    method_1("callable", "(obj, /)", |vm, obj| {
        Ok(Value::from_bool(vm.type_of(obj).slots.call.get().is_some()))
    }),
    method("chr", "(i, /)", |vm, args| {
        let Some(i) = vm.index_value(args.required(0))? else {
            let tn = vm.type_name(args.required(0));
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        };
        if !(0..=0x10FFFF).contains(&i) {
            return Err(vm.value_error("chr() arg not in range(0x110000)"));
        }
        let s = crate::builtins::str::from_code_points(&[i as u32]);
        vm.new_str_wtf8(&s)
    }),
    method_1("ord", "(c, /)", |vm, v| {
        // A `str` (never also a bytes-like object) is the common case.
        if let Some(s) = vm.as_str(v) {
            let length = s.char_len();
            return match s.iter().next() {
                Some(cp) if length == 1 => Ok(Value::from_i64(i64::from(cp))),
                _ => Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {length} found"
                ))),
            };
        }
        let byte_string = vm.type_of(v).mro.with(|m| {
            m.iter().any(|t| {
                matches!(&*t.name, "bytes" | "bytearray")
                    && !t.has_flag(crate::types::flags::HEAPTYPE)
            })
        });
        if byte_string {
            let n = vm.len(v)?;
            if n != 1 {
                return Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {n} found"
                )));
            }
            return vm.get_item(v, &Value::from_i64(0));
        }
        let tn = vm.type_name(v);
        Err(vm.type_error(format!("ord() expected string of length 1, but {tn} found")))
    }),
    method("divmod", "(x, y, /)", |vm, args| {
        builtin_divmod(vm, args.required(0), args.required(1))
    }),
    method("pow", "(base, exp, mod=None)", |vm, args| {
        vm.power(args.required(0), args.required(1), args.get(2))
    }),
    method("round", "(number, ndigits=None)", builtin_round),
    method("enumerate", "(iterable, start=0)", |vm, args| {
        let inner = vm.iter(args.required(0))?;
        let start = match args.get(1) {
            Some(s) => match s.as_i64() {
                Some(i) => Value::from_i64(i),
                None => {
                    let big = vm.index_big(s)?;
                    vm.new_int(big)?
                }
            },
            None => Value::from_i64(0),
        };
        let class = vm.types.enumerate.clone();
        crate::builtins::iterators::new_functional(
            vm,
            class,
            IterState::Enumerate {
                inner,
                count: start,
            },
        )
    }),
    method("zip", "(*iterables, strict=False)", |vm, args| {
        let mut inners = Vec::new();
        for a in args.varargs().to_vec().iter() {
            match vm.iter(a) {
                Ok(it) => inners.push(it),
                Err(e) if vm.exc_matches(&e, ExcKind::TypeError) => {
                    let tn = vm.type_name(a);
                    return Err(vm.type_error(format!("'{tn}' object is not iterable")));
                }
                Err(e) => return Err(e),
            }
        }
        let strict = match args.get(0) {
            Some(s) => vm.is_true(s)?,
            None => false,
        };
        let class = vm.types.zip.clone();
        crate::builtins::iterators::new_functional(vm, class, IterState::Zip { inners, strict })
    }),
    // The function is the first of the positional arguments: CPython
    // counts them together ("at least two") and takes no `func=`.
    method("map", "(*args, strict=False)", |vm, args| {
        let (func, iterables) = match args.varargs() {
            [func, first, rest @ ..] => {
                (func.clone(), [std::slice::from_ref(first), rest].concat())
            }
            _ => return Err(vm.type_error("map() must have at least two arguments.".into())),
        };
        let mut inners = Vec::new();
        for a in iterables {
            inners.push(vm.iter(&a)?);
        }
        let strict = match args.get(0) {
            Some(s) => vm.is_true(s)?,
            None => false,
        };
        let class = vm.types.map.clone();
        crate::builtins::iterators::new_functional(
            vm,
            class,
            IterState::Map {
                func,
                inners,
                strict,
            },
        )
    }),
    method("filter", "(function, iterable, /)", |vm, args| {
        let inner = vm.iter(args.required(1))?;
        let class = vm.types.filter.clone();
        crate::builtins::iterators::new_functional(
            vm,
            class,
            IterState::Filter {
                func: args.required(0).clone(),
                inner,
            },
        )
    }),
    method("reversed", "(sequence, /)", |vm, args| {
        let v = args.required(0);
        // An exact list (a subclass may override `__reversed__`).
        if let Some(l) = v
            .as_object()
            .filter(|o| o.class().same(&vm.types.list))
            .and_then(|o| o.downcast::<crate::builtins::list::List>())
        {
            let l = l.clone();
            return crate::builtins::iterators::new_list_reverse_iter(vm, l);
        }
        if let Some(f) = vm.lookup_special(v, "__reversed__") {
            if f.is_none() {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("'{tn}' object is not reversible")));
            }
            return vm.call(&f, &[], None);
        }
        if let Some(l) = v
            .as_object()
            .and_then(|o| o.downcast::<crate::builtins::list::List>())
        {
            let l = l.clone();
            return crate::builtins::iterators::new_list_reverse_iter(vm, l);
        }
        if vm.type_of(v).is_subtype(&vm.types.dict.clone()) {
            // Dicts iterate their keys backwards.
            let mut items = vm.collect_iterable(v)?;
            items.reverse();
            let class = vm.types.reversed.clone();
            return crate::builtins::iterators::new_functional(
                vm,
                class,
                IterState::Seq { items, pos: 0 },
            );
        }
        if vm.type_of(v).slots.getitem.get().is_none() || vm.type_of(v).slots.len.get().is_none() {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("'{tn}' object is not reversible")));
        }
        let n = vm.len(v)?;
        let mut items = Vec::with_capacity(n);
        for i in (0..n).rev() {
            items.push(vm.get_item(v, &Value::from_i64(i as i64))?);
        }
        let class = vm.types.reversed.clone();
        crate::builtins::iterators::new_functional(vm, class, IterState::Seq { items, pos: 0 })
    }),
    method("format", "(value, format_spec='', /)", |vm, args| {
        let spec = args
            .get(1)
            .and_then(|s| vm.as_str(s).map(|s| s.as_lossy().into_owned()))
            .unwrap_or_default();
        crate::builtins::format::format(vm, args.required(0), &spec)
    }),
    method("globals", "()", crate::builtins::code_eval::builtin_globals),
    method("locals", "()", crate::builtins::code_eval::builtin_locals),
    method(
        "eval",
        "(source, /, globals=None, locals=None)",
        crate::builtins::code_eval::builtin_eval,
    ),
    method(
        "exec",
        "(source, /, globals=None, locals=None, *, closure=None)",
        crate::builtins::code_eval::builtin_exec,
    ),
    method(
        "compile",
        "(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1)",
        crate::builtins::code_eval::builtin_compile,
    ),
    method(
        "open",
        "(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)",
        crate::builtins::file_io::builtin_open,
    ),
    method(
        "vars",
        "(object=None, /)",
        crate::builtins::introspection::builtin_vars,
    ),
    method(
        "dir",
        "(object=None, /)",
        crate::builtins::introspection::builtin_dir,
    ),
    method(
        "__build_class__",
        "(func, name, /, *bases, **kwds)",
        crate::builtins::class_creation::build_class,
    ),
];

fn vm_hash_inline(v: &Value) -> i64 {
    match v.unpack() {
        crate::value::Unpacked::None => 0x1000,
        crate::value::Unpacked::Bool(b) => 0x2000 + i64::from(b),
        crate::value::Unpacked::Int(i) => 0x10_0000_0000i64.wrapping_add(i.wrapping_mul(32)),
        crate::value::Unpacked::Float(f) => 0x20_0000_0000i64 ^ (f.to_bits() as i64 >> 4),
        crate::value::Unpacked::Object(o) => o.address() as i64,
    }
}
