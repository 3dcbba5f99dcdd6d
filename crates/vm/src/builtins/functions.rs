//! The functions of the `builtins` module, each declared once with its
//! signature ([`MethodDef`]).

use std::io::Write;

use crate::builtins::dict::Dict;
use crate::builtins::exceptions::ExcKind;
use crate::builtins::iterators::IterState;
use crate::builtins::native::{Args, MethodDef, method};
use crate::error::PyResult;
use crate::runtime::Vm;
use crate::types::TypeObject;
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
        if code.code.argcount == 0
            && code.code.flags & krait_compiler::bytecode::code_object::co_flags::VARARGS == 0
        {
            return Err(self.runtime_error("super(): no arguments"));
        }
        let first = frame.local(0).cloned();
        let mut class = None;
        for (i, name) in code.localsplusnames.iter().enumerate() {
            if &*name.as_lossy() == "__class__" {
                let cell = frame.local(i).cloned();
                class = cell
                    .as_ref()
                    .and_then(|c| c.as_object())
                    .and_then(|o| o.downcast::<crate::builtins::function::CellObj>())
                    .and_then(|c| c.value.get());
            }
        }
        let first = match first {
            Some(f) => match f
                .as_object()
                .and_then(|o| o.downcast::<crate::builtins::function::CellObj>())
            {
                Some(c) => c.value.get().unwrap_or(Value::NONE),
                None => f,
            },
            None => return Err(self.runtime_error("super(): arg[0] deleted")),
        };
        let Some(class) = class
            .as_ref()
            .and_then(|c| c.as_object())
            .and_then(|o| o.downcast::<TypeObject>())
            .cloned()
        else {
            return Err(self.runtime_error("super(): __class__ cell not found"));
        };
        Ok((class, first))
    }
}

fn min_max(vm: &mut Vm, args: &Args, name: &str, want_less: bool) -> PyResult<Value> {
    let positional = args.varargs().to_vec();
    let kw = args.kwargs().cloned();
    let mut key = None;
    let mut default = None;
    if let Some(k) = kw
        .as_ref()
        .and_then(|k| k.as_object())
        .and_then(|o| o.downcast::<Dict>())
    {
        for (k, v) in k.items() {
            match vm.as_str(&k).map(|s| s.as_lossy().into_owned()).as_deref() {
                Some("key") => key = Some(v).filter(|v| !v.is_none()),
                Some("default") => default = Some(v),
                Some(other) => {
                    return Err(vm.type_error(format!(
                        "{name}() got an unexpected keyword argument '{other}'"
                    )));
                }
                None => {}
            }
        }
    }
    let items = match positional.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.collect_iterable(&positional[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            positional
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&item), None)?,
            None => item.clone(),
        };
        let better = match &best {
            None => true,
            Some((bk, _)) => {
                if want_less {
                    vm.lt(&k, bk)?
                } else {
                    vm.lt(bk, &k)?
                }
            }
        };
        if better {
            best = Some((k, item));
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
            let mut out = String::new();
            for (i, v) in args.varargs().to_vec().iter().enumerate() {
                if i > 0 {
                    out.push_str(&sep);
                }
                out.push_str(&vm.str_string(v)?);
            }
            out.push_str(&end);
            match args.get(2).filter(|f| !f.is_none()) {
                Some(file) => {
                    let file = file.clone();
                    let write = vm.get_attr_str(&file, "write")?;
                    let s = vm.new_str(&out)?;
                    vm.call(&write, &[s], None)?;
                }
                None => {
                    vm.write_stdout(&out);
                    if args.get(3).is_some_and(|f| f.as_bool() == Some(true)) {
                        vm.flush_stdout();
                    }
                }
            }
            Ok(Value::NONE)
        },
    ),
    method("len", "(obj, /)", |vm, args| {
        let n = vm.len(args.required(0))?;
        Ok(Value::from_i64(n as i64))
    }),
    method("repr", "(obj, /)", |vm, args| vm.repr(args.required(0))),
    method("ascii", "(obj, /)", |vm, args| ascii(vm, args.required(0))),
    method("hash", "(obj, /)", |vm, args| {
        Ok(Value::from_i64(vm.hash(args.required(0))?))
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
    method("abs", "(x, /)", |vm, args| {
        let v = args.required(0);
        if let Some(i) = v.as_i64()
            && let Some(a) = i.checked_abs()
        {
            return Ok(Value::from_i64(a));
        }
        vm.unary_op(v, crate::types::slots::UnaryOp::Abs)
    }),
    method("isinstance", "(obj, class_or_tuple, /)", |vm, args| {
        let r = crate::builtins::type_::isinstance(vm, args.required(0), args.required(1))?;
        Ok(Value::from_bool(r))
    }),
    method("issubclass", "(cls, class_or_tuple, /)", |vm, args| {
        let r = crate::builtins::type_::issubclass(vm, args.required(0), args.required(1))?;
        Ok(Value::from_bool(r))
    }),
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
        vm.iter(args.required(0))
    }),
    method("next", "(iterator, default=None, /)", |vm, args| {
        let it = args.required(0);
        if vm.type_of(it).slots.next.get().is_none() {
            let tn = vm.type_name(it);
            return Err(vm.type_error(format!("'{tn}' object is not an iterator")));
        }
        match vm.next(it)? {
            Some(v) => Ok(v),
            None => match args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.new_exception(ExcKind::StopIteration, Vec::new())),
            },
        }
    }),
    method("min", "(*args, **kwargs)", |vm, args| {
        min_max(vm, args, "min", true)
    }),
    method("max", "(*args, **kwargs)", |vm, args| {
        min_max(vm, args, "max", false)
    }),
    method("sum", "(iterable, /, start=0)", |vm, args| {
        let mut total = args.get(1).cloned().unwrap_or(Value::from_i64(0));
        if vm.as_str(&total).is_some() {
            return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]".into()));
        }
        let it = vm.iter(args.required(0))?;
        while let Some(x) = vm.next(&it)? {
            total = vm.binary_op(&total, &x, crate::types::slots::BinOp::Add)?;
        }
        Ok(total)
    }),
    method(
        "sorted",
        "(iterable, /, *, key=None, reverse=False)",
        |vm, args| {
            let items = vm.collect_iterable(args.required(0))?;
            let reverse = match args.get(2) {
                Some(r) => vm.is_true(r)?,
                None => false,
            };
            let sorted = crate::builtins::list::sort_values(vm, items, args.get(1), reverse)?;
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
    method("callable", "(obj, /)", |vm, args| {
        Ok(Value::from_bool(
            vm.type_of(args.required(0)).slots.call.get().is_some(),
        ))
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
    method("ord", "(c, /)", |vm, args| {
        let v = args.required(0);
        let Some(s) = vm.as_str(v).cloned() else {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("ord() expected string of length 1, but {tn} found")));
        };
        let points = s.code_points();
        if points.len() != 1 {
            return Err(vm.type_error(format!(
                "ord() expected a character, but string of length {} found",
                points.len()
            )));
        }
        Ok(Value::from_i64(i64::from(points[0])))
    }),
    method("divmod", "(x, y, /)", |vm, args| {
        let (a, b) = (args.required(0), args.required(1));
        let q = vm
            .binary_op(a, b, crate::types::slots::BinOp::FloorDiv)
            .map_err(|e| {
                if vm.exc_matches(&e, ExcKind::TypeError) {
                    let (ta, tb) = (vm.type_name(a), vm.type_name(b));
                    vm.type_error(format!(
                        "unsupported operand type(s) for divmod(): '{ta}' and '{tb}'"
                    ))
                } else {
                    e
                }
            })?;
        let r = vm.binary_op(a, b, crate::types::slots::BinOp::Mod)?;
        vm.new_tuple(vec![q, r])
    }),
    method("pow", "(base, exp, mod=None)", |vm, args| {
        let (a, b) = (args.required(0), args.required(1));
        match args.get(2).filter(|m| !m.is_none()) {
            None => vm.binary_op(a, b, crate::types::slots::BinOp::Pow),
            Some(m) => {
                let (Some(x), Some(y), Some(z)) = (
                    crate::builtins::int::to_big(a),
                    crate::builtins::int::to_big(b),
                    crate::builtins::int::to_big(m),
                ) else {
                    return Err(vm.type_error(
                        "pow() 3rd argument not allowed unless all arguments are integers".into(),
                    ));
                };
                use num_traits::{Signed, Zero};
                if z.is_zero() {
                    return Err(vm.value_error("pow() 3rd argument cannot be 0"));
                }
                if y.is_negative() {
                    return Err(vm.value_error("base is not invertible for the given modulus"));
                }
                let r = x.modpow(&y, &z);
                let r = if !r.is_zero() && (r.is_negative() != z.is_negative()) {
                    r + z
                } else {
                    r
                };
                vm.new_int(r)
            }
        }
    }),
    method("round", "(number, ndigits=None)", |vm, args| {
        let v = args.required(0);
        let nd = args.get(1).filter(|n| !n.is_none());
        if crate::builtins::int::is_int(v) {
            return match nd {
                None => vm.to_int(v),
                Some(n) => {
                    let n = vm.index_value(n)?.unwrap_or(0);
                    if n >= 0 {
                        return vm.to_int(v);
                    }
                    let p = num_bigint::BigInt::from(10).pow((-n) as u32);
                    let x = crate::builtins::int::to_big(v).unwrap_or_default();
                    use num_integer::Integer;
                    let (q, r) = x.div_mod_floor(&p);
                    let twice = &r * 2;
                    let q = if twice > p || (twice == p && q.is_odd()) {
                        q + 1
                    } else {
                        q
                    };
                    vm.new_int(q * p)
                }
            };
        }
        if let Some(f) = v.as_f64() {
            return match nd {
                None => {
                    if f.is_nan() {
                        return Err(vm.value_error("cannot convert float NaN to integer"));
                    }
                    if f.is_infinite() {
                        return Err(vm.overflow_error("cannot convert float infinity to integer"));
                    }
                    let r = f.round_ties_even();
                    vm.to_int(&Value::from_f64(r))
                }
                Some(n) => {
                    let n = vm.index_value(n)?.unwrap_or(0);
                    if !f.is_finite() || n > 308 {
                        return Ok(Value::from_f64(f));
                    }
                    let s = format!("{:.*}", n.max(0) as usize, f);
                    let r: f64 = if n >= 0 {
                        // Correctly rounded decimal, as CPython's dtoa-based rounding.
                        s.parse().unwrap_or(f)
                    } else {
                        let p = 10f64.powi((-n) as i32);
                        (f / p).round_ties_even() * p
                    };
                    Ok(Value::from_f64(r))
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
    }),
    method("enumerate", "(iterable, start=0)", |vm, args| {
        let inner = vm.iter(args.required(0))?;
        let start = match args.get(1) {
            Some(s) => vm.index_value(s)?.unwrap_or(0),
            None => 0,
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
        for (i, a) in args.varargs().to_vec().iter().enumerate() {
            match vm.iter(a) {
                Ok(it) => inners.push(it),
                Err(e) if vm.exc_matches(&e, ExcKind::TypeError) => {
                    let tn = vm.type_name(a);
                    return Err(vm.type_error(format!("'{tn}' object is not iterable")))
                        .inspect_err(|_e| {
                            let _ = i;
                        });
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
    method("map", "(func, *iterables)", |vm, args| {
        if args.varargs().is_empty() {
            return Err(vm.type_error("map() must have at least two arguments.".into()));
        }
        let mut inners = Vec::new();
        for a in args.varargs().to_vec() {
            inners.push(vm.iter(&a)?);
        }
        let class = vm.types.map.clone();
        crate::builtins::iterators::new_functional(
            vm,
            class,
            IterState::Map {
                func: args.required(0).clone(),
                inners,
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
        if let Some(l) = v
            .as_object()
            .and_then(|o| o.downcast::<crate::builtins::list::List>())
        {
            let l = l.clone();
            return crate::builtins::iterators::new_list_reverse_iter(vm, l);
        }
        if let Some(f) = vm.lookup_special(v, "__reversed__") {
            return vm.call(&f, &[], None);
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
    method("globals", "()", |vm, _args| match vm.current_frame_ref() {
        Some(f) => Ok(Value::from_object(f.globals.as_obj().clone())),
        None => vm.new_dict(),
    }),
    method("locals", "()", |vm, _args| {
        match vm.current_frame_ref().and_then(|f| f.locals.clone()) {
            Some(l) => Ok(l),
            None => vm.new_dict(),
        }
    }),
    method(
        "__build_class__",
        "(func, name, /, *bases, **kwds)",
        crate::builtins::class_creation::build_class,
    ),
    method("vars", "(object=None, /)", |vm, args| match args.get(0) {
        None => match vm.current_frame_ref().and_then(|f| f.locals.clone()) {
            Some(l) => Ok(l),
            None => vm.new_dict(),
        },
        Some(obj) => {
            let name = vm.intern("__dict__")?;
            match vm.get_attr_opt(obj, &name)? {
                Some(d) => Ok(d),
                None => Err(vm.type_error("vars() argument must have __dict__ attribute".into())),
            }
        }
    }),
    method("dir", "(object=None, /)", |vm, args| match args.get(0) {
        None => {
            let names = match vm.current_frame_ref().and_then(|f| f.locals.clone()) {
                Some(l) => vm.collect_iterable(&l)?,
                None => Vec::new(),
            };
            let names = crate::builtins::list::sort_values(vm, names, None, false)?;
            vm.new_list(names)
        }
        Some(obj) => {
            // Looked up on the type, as special methods are.
            let Some(f) = vm.lookup_special(obj, "__dir__") else {
                return Err(vm.type_error("object does not provide __dir__".into()));
            };
            let listed = vm.call(&f, &[], None)?;
            let names = vm.collect_iterable(&listed)?;
            let names = crate::builtins::list::sort_values(vm, names, None, false)?;
            vm.new_list(names)
        }
    }),
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
