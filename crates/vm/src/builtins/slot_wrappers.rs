//! Slot wrappers: the dunder methods a builtin type's dict shows for the
//! protocols it implements natively (`dict.__setitem__`, `list.__len__`,
//! `int.__add__`, ...), so `super().__setitem__(k, v)` in a subclass and
//! `int.__add__(1, 2)` work. Each wrapper runs the slot of the nearest
//! builtin class of `self` (not the slot of `self`'s own class, which may be
//! the Python override that is calling it).

use crate::builtins::native::{Args, MethodDef, slot_method};
use crate::error::PyResult;
use crate::runtime::Vm;
use crate::types::TypeRef;
use crate::types::slots::{BinOp, CompareOp, Slots, UnaryOp};
use crate::value::Value;

/// The builtin class whose slots implement `v`'s protocols.
fn native_class(vm: &Vm, v: &Value) -> TypeRef {
    crate::builtins::class_creation::builtin_ancestor(vm.type_of(v))
}

fn missing(vm: &mut Vm, args: &Args, what: &str) -> crate::error::PyErr {
    let tn = vm.type_name(args.this());
    vm.type_error(format!("'{tn}' object does not support {what}"))
}

macro_rules! binary_wrappers {
    ($(($forward:ident, $reflected:ident, $op:expr)),* $(,)?) => {
        /// `__add__`/`__radd__`-style wrappers, by operator.
        const BINARY: &[(BinOp, MethodDef, MethodDef)] = &[$(
            (
                $op,
                slot_method(stringify!($forward), "(self, value, /)", |vm, args| {
                    let class = native_class(vm, args.this());
                    match class.slots.number.get() {
                        Some(f) => f(vm, args.this(), args.required(1), $op),
                        None => Ok(vm.not_implemented()),
                    }
                }),
                slot_method(stringify!($reflected), "(self, value, /)", |vm, args| {
                    let class = native_class(vm, args.this());
                    match class.slots.number.get() {
                        Some(f) => f(vm, args.required(1), args.this(), $op),
                        None => Ok(vm.not_implemented()),
                    }
                }),
            )
        ),*];
    };
}

binary_wrappers! {
    (__add__, __radd__, BinOp::Add),
    (__and__, __rand__, BinOp::And),
    (__floordiv__, __rfloordiv__, BinOp::FloorDiv),
    (__lshift__, __rlshift__, BinOp::LShift),
    (__matmul__, __rmatmul__, BinOp::MatMul),
    (__mul__, __rmul__, BinOp::Mul),
    (__mod__, __rmod__, BinOp::Mod),
    (__or__, __ror__, BinOp::Or),
    (__pow__, __rpow__, BinOp::Pow),
    (__rshift__, __rrshift__, BinOp::RShift),
    (__sub__, __rsub__, BinOp::Sub),
    (__truediv__, __rtruediv__, BinOp::TrueDiv),
    (__xor__, __rxor__, BinOp::Xor),
}

/// `__divmod__`/`__rdivmod__` of `int` and `float` (krait has no
/// divmod slot: `divmod()` computes it for real numbers directly).
static DIVMOD: [MethodDef; 2] = [
    slot_method("__divmod__", "(self, value, /)", |vm, args| {
        divmod_wrapper(vm, args.this(), args.required(1), false)
    }),
    slot_method("__rdivmod__", "(self, value, /)", |vm, args| {
        divmod_wrapper(vm, args.this(), args.required(1), true)
    }),
];

/// `divmod(this, other)` (`divmod(other, this)` when `reflected`) for the
/// wrappers of `this`'s builtin class: `int`'s takes ints only, `float`'s
/// floats and ints; else `NotImplemented`.
fn divmod_wrapper(vm: &mut Vm, this: &Value, other: &Value, reflected: bool) -> PyResult<Value> {
    let (a, b) = if reflected {
        (other, this)
    } else {
        (this, other)
    };
    let class = native_class(vm, this);
    if class.same(&vm.types.int) && !crate::builtins::int::is_int(other) {
        return Ok(vm.not_implemented());
    }
    Ok(crate::builtins::functions::real_divmod(vm, a, b)?.unwrap_or_else(|| vm.not_implemented()))
}

macro_rules! compare_wrappers {
    ($(($name:ident, $op:expr)),* $(,)?) => {
        /// `__eq__`-style wrappers.
        const COMPARE: &[MethodDef] = &[$(
            slot_method(stringify!($name), "(self, value, /)", |vm, args| {
                let class = native_class(vm, args.this());
                match class.slots.richcompare.get() {
                    Some(f) => f(vm, args.this(), args.required(1), $op),
                    None => Ok(vm.not_implemented()),
                }
            })
        ),*];
    };
}

compare_wrappers! {
    (__lt__, CompareOp::Lt),
    (__le__, CompareOp::Le),
    (__eq__, CompareOp::Eq),
    (__ne__, CompareOp::Ne),
    (__gt__, CompareOp::Gt),
    (__ge__, CompareOp::Ge),
}

macro_rules! inplace_wrappers {
    ($(($name:ident, $op:expr)),* $(,)?) => {
        /// `__iadd__`-style wrappers, by operator.
        const INPLACE: &[(BinOp, MethodDef)] = &[$(
            (
                $op,
                slot_method(stringify!($name), "(self, value, /)", |vm, args| {
                    let class = native_class(vm, args.this());
                    match class.slots.inplace.get() {
                        Some(f) => f(vm, args.this(), args.required(1), $op),
                        None => Ok(vm.not_implemented()),
                    }
                }),
            )
        ),*];
    };
}

inplace_wrappers! {
    (__iadd__, BinOp::Add),
    (__iand__, BinOp::And),
    (__imul__, BinOp::Mul),
    (__ior__, BinOp::Or),
    (__isub__, BinOp::Sub),
    (__ixor__, BinOp::Xor),
}

/// The in-place operators whose wrappers a builtin type's dict shows.
fn inplace_operators(name: &str) -> &'static [BinOp] {
    use BinOp::*;
    match name {
        "list" | "bytearray" => &[Add, Mul],
        "set" => &[And, Or, Sub, Xor],
        "dict" => &[Or],
        _ => &[],
    }
}

macro_rules! unary_wrappers {
    ($(($name:ident, $op:expr)),* $(,)?) => {
        /// `__neg__`-style wrappers.
        const UNARY: &[MethodDef] = &[$(
            slot_method(stringify!($name), "(self, /)", |vm, args| {
                let class = native_class(vm, args.this());
                match class.slots.unary.get() {
                    Some(f) => f(vm, args.this(), $op),
                    None => Err(missing(vm, args, stringify!($name))),
                }
            })
        ),*];
    };
}

unary_wrappers! {
    (__neg__, UnaryOp::Neg),
    (__pos__, UnaryOp::Pos),
    (__invert__, UnaryOp::Invert),
    (__abs__, UnaryOp::Abs),
}

static REPR: MethodDef = slot_method("__repr__", "(self, /)", |vm, args| {
    let class = native_class(vm, args.this());
    match class.slots.repr.get() {
        Some(f) => f(vm, args.this()),
        None => crate::builtins::object::object_repr(vm, args.this()),
    }
});

static STR: MethodDef = slot_method("__str__", "(self, /)", |vm, args| {
    let class = native_class(vm, args.this());
    match class.slots.str.get().or(class.slots.repr.get()) {
        Some(f) => f(vm, args.this()),
        None => crate::builtins::object::object_repr(vm, args.this()),
    }
});

static HASH: MethodDef = slot_method("__hash__", "(self, /)", |vm, args| {
    let class = native_class(vm, args.this());
    match class.slots.hash.get() {
        Some(f) => Ok(Value::from_i64(f(vm, args.this())?)),
        None => Err(missing(vm, args, "hashing")),
    }
});

static ITER: MethodDef = slot_method("__iter__", "(self, /)", |vm, args| {
    let class = native_class(vm, args.this());
    match class.slots.iter.get() {
        Some(f) => f(vm, args.this()),
        None => Err(missing(vm, args, "iteration")),
    }
});

static NEXT: MethodDef = slot_method("__next__", "(self, /)", |vm, args| {
    let class = native_class(vm, args.this());
    match class.slots.next.get() {
        Some(f) => match f(vm, args.this())? {
            Some(v) => Ok(v),
            None => Err(vm.new_exception(
                crate::builtins::exceptions::ExcKind::StopIteration,
                Vec::new(),
            )),
        },
        None => Err(missing(vm, args, "iteration")),
    }
});

static BOOL: MethodDef = slot_method("__bool__", "(self, /)", |vm, args| {
    let class = native_class(vm, args.this());
    match class.slots.bool.get() {
        Some(f) => Ok(Value::from_bool(f(vm, args.this())?)),
        None => Err(missing(vm, args, "truth testing")),
    }
});

static LEN: MethodDef = slot_method("__len__", "(self, /)", |vm, args| {
    let class = native_class(vm, args.this());
    match class.slots.len.get() {
        Some(f) => Ok(Value::from_i64(
            i64::try_from(f(vm, args.this())?).unwrap_or(i64::MAX),
        )),
        None => Err(missing(vm, args, "len()")),
    }
});

static GETITEM: MethodDef = slot_method("__getitem__", "(self, key, /)", |vm, args| {
    let class = native_class(vm, args.this());
    match class.slots.getitem.get() {
        Some(f) => f(vm, args.this(), args.required(1)),
        None => Err(missing(vm, args, "item access")),
    }
});

static SETITEM: MethodDef = slot_method("__setitem__", "(self, key, value, /)", |vm, args| {
    let class = native_class(vm, args.this());
    match class.slots.setitem.get() {
        Some(f) => {
            f(
                vm,
                args.this(),
                args.required(1),
                Some(args.required(2).clone()),
            )?;
            Ok(Value::NONE)
        }
        None => Err(missing(vm, args, "item assignment")),
    }
});

static DELITEM: MethodDef = slot_method("__delitem__", "(self, key, /)", |vm, args| {
    let class = native_class(vm, args.this());
    match class.slots.setitem.get() {
        Some(f) => {
            f(vm, args.this(), args.required(1), None)?;
            Ok(Value::NONE)
        }
        None => Err(missing(vm, args, "item deletion")),
    }
});

static CONTAINS: MethodDef = slot_method("__contains__", "(self, key, /)", |vm, args| {
    let class = native_class(vm, args.this());
    match class.slots.contains.get() {
        Some(f) => Ok(Value::from_bool(f(vm, args.this(), args.required(1))?)),
        None => Err(missing(vm, args, "membership tests")),
    }
});

static CALL: MethodDef = slot_method("__call__", "(self, /, *args, **kwargs)", |vm, args| {
    let class = native_class(vm, args.this());
    let (positional, kwnames) = crate::builtins::type_::flatten_call(vm, args)?;
    match class.slots.call.get() {
        Some(f) => f(vm, args.this(), &positional, kwnames.as_ref()),
        None => Err(missing(vm, args, "calls")),
    }
});

static GET: MethodDef = slot_method("__get__", "(self, instance, owner=None, /)", |vm, args| {
    let class = native_class(vm, args.this());
    let instance = args.required(1);
    let owner = match args.get(2).and_then(|o| crate::builtins::type_::as_type(o)) {
        Some(t) => t.clone(),
        None => vm.type_of(instance).clone(),
    };
    let obj = (!instance.is_none()).then_some(instance);
    match class.slots.descr_get.get() {
        Some(f) => f(vm, args.this(), obj, &owner),
        None => Ok(args.this().clone()),
    }
});

static SET: MethodDef = slot_method("__set__", "(self, instance, value, /)", |vm, args| {
    let class = native_class(vm, args.this());
    match class.slots.descr_set.get() {
        Some(f) => {
            f(
                vm,
                args.this(),
                args.required(1),
                Some(args.required(2).clone()),
            )?;
            Ok(Value::NONE)
        }
        None => Err(missing(vm, args, "attribute assignment")),
    }
});

static DELETE: MethodDef = slot_method("__delete__", "(self, instance, /)", |vm, args| {
    let class = native_class(vm, args.this());
    match class.slots.descr_set.get() {
        Some(f) => {
            f(vm, args.this(), args.required(1), None)?;
            Ok(Value::NONE)
        }
        None => Err(missing(vm, args, "attribute deletion")),
    }
});

static INIT: MethodDef = slot_method("__init__", "(self, /, *args, **kwargs)", |vm, args| {
    let class = native_class(vm, args.this());
    let (positional, kwnames) = crate::builtins::type_::flatten_call(vm, args)?;
    if let Some(f) = class.slots.init.get() {
        f(vm, args.this(), &positional, kwnames.as_ref())?;
    }
    Ok(Value::NONE)
});

/// The binary operators a builtin type's number slot implements, by name
/// (the slot itself cannot say which operators it supports).
fn number_operators(name: &str) -> &'static [BinOp] {
    use BinOp::*;
    match name {
        "int" => &[
            Add, And, FloorDiv, LShift, Mul, Mod, Or, Pow, RShift, Sub, TrueDiv, Xor,
        ],
        // `bool` overrides only the bitwise operators; the others are
        // `int`'s wrappers (whose `__objclass__` is `int`).
        "bool" => &[And, Or, Xor],
        "float" => &[Add, FloorDiv, Mul, Mod, Pow, Sub, TrueDiv],
        "complex" => &[Add, Mul, Pow, Sub, TrueDiv],
        "str" | "bytes" | "bytearray" => &[Add, Mul, Mod],
        "list" | "tuple" => &[Add, Mul],
        "set" | "frozenset" => &[And, Or, Sub, Xor],
        "dict" | "dict_keys" | "dict_items" => &[Or],
        _ => &[],
    }
}

/// Whether `name`'s `+` is sequence concatenation (CPython's `sq_concat`),
/// which has `__add__` but no reflected `__radd__`.
fn concatenates(name: &str) -> bool {
    matches!(name, "str" | "bytes" | "bytearray" | "list" | "tuple")
}

/// Whether `name` has no `~` (CPython's `float` and `complex` show
/// `__neg__`, `__pos__` and `__abs__` only).
fn lacks_invert(name: &str) -> bool {
    matches!(name, "float" | "complex")
}

/// Whether CPython's type shows `__bool__` for its truth slot: containers
/// answer truth through their length and have none.
fn shows_bool(name: &str) -> bool {
    !matches!(
        name,
        "str" | "bytes" | "bytearray" | "list" | "tuple" | "dict" | "set" | "frozenset"
    )
}

/// Whether a slot differs from the base type's (only then does the type's
/// dict show the wrapper, as in CPython).
fn overrides<T: Copy>(own: Option<T>, base: Option<T>, addr: fn(T) -> usize) -> bool {
    match (own, base) {
        (Some(a), Some(b)) => addr(a) != addr(b),
        (Some(_), None) => true,
        _ => false,
    }
}

/// Adds the slot wrappers of every builtin type in `types`.
pub fn install(vm: &mut Vm, types: &[TypeRef]) -> PyResult<()> {
    let empty = Slots::default();
    for t in types {
        let base = t.base.get();
        let b = base.as_ref().map_or(&empty, |b| &b.slots);
        let s = &t.slots;
        let mut defs: Vec<&'static MethodDef> = Vec::new();
        macro_rules! wrap {
            ($slot:ident, $($def:expr),+) => {
                if overrides(s.$slot.get(), b.$slot.get(), |f| f as usize) {
                    $(defs.push($def);)+
                }
            };
        }
        wrap!(repr, &REPR);
        wrap!(str, &STR);
        wrap!(hash, &HASH);
        wrap!(iter, &ITER);
        wrap!(next, &NEXT);
        if shows_bool(&t.name) {
            wrap!(bool, &BOOL);
        }
        wrap!(len, &LEN);
        wrap!(getitem, &GETITEM);
        wrap!(setitem, &SETITEM, &DELITEM);
        wrap!(contains, &CONTAINS);
        wrap!(call, &CALL);
        wrap!(descr_get, &GET);
        wrap!(descr_set, &SET, &DELETE);
        wrap!(init, &INIT);
        if overrides(s.richcompare.get(), b.richcompare.get(), |f| f as usize) {
            defs.extend(COMPARE.iter());
        }
        if overrides(s.unary.get(), b.unary.get(), |f| f as usize) {
            let no_invert = lacks_invert(&t.name);
            defs.extend(
                UNARY
                    .iter()
                    .filter(|def| !(no_invert && def.name == "__invert__")),
            );
        }
        if overrides(s.number.get(), b.number.get(), |f| f as usize) {
            for op in number_operators(&t.name) {
                if let Some((_, forward, reflected)) = BINARY.iter().find(|(o, _, _)| o == op) {
                    defs.push(forward);
                    if !(*op == BinOp::Add && concatenates(&t.name)) {
                        defs.push(reflected);
                    }
                }
            }
            if matches!(&*t.name, "int" | "float") {
                defs.extend(DIVMOD.iter());
            }
        }
        if overrides(s.inplace.get(), b.inplace.get(), |f| f as usize) {
            for op in inplace_operators(&t.name) {
                if let Some((_, def)) = INPLACE.iter().find(|(o, _)| o == op) {
                    defs.push(def);
                }
            }
        }
        // An unhashable type (no hash slot where its base has one) shows
        // `__hash__ = None`, as CPython's do: `collections.abc.Hashable`
        // and `__hash__ is None` checks read it.
        if s.hash.get().is_none() && b.hash.get().is_some() {
            let key = vm.intern("__hash__")?;
            let absent = t.dict.with(|d| d.get_str(&key).is_none());
            if absent {
                t.dict.with(|d| d.insert_str(key, Value::NONE));
                t.bump_version();
            }
        }
        for def in defs {
            let present = t.dict.with(|d| {
                d.get_str(&crate::builtins::str::Str::new(def.name))
                    .is_some()
            });
            if !present {
                vm.add_methods(t, std::slice::from_ref(def))?;
            }
        }
    }
    Ok(())
}
