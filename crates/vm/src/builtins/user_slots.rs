//! The slots of user classes (CPython's `slot_tp_*`/`slot_nb_*` functions):
//! a class statement's class inherits its base's slot functions, and every
//! protocol whose dunder method is defined in Python somewhere along the
//! MRO gets a slot function that looks that dunder up on the class and
//! calls it. [`fixup_slots`] runs at class creation and whenever a dunder is
//! assigned to or deleted from a class.

use crate::builtins::descriptors::{GetSetDescriptor, Wrapper};
use crate::builtins::exceptions::ExcKind;
use crate::builtins::native::{BuiltinFunction, MethodDescriptor};
use crate::builtins::str::Str;
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::TypeRef;
use crate::types::slots::{BinOp, CompareOp, NumberFn};
use crate::value::Value;

/// Whether `name` resolves along `cls`'s MRO to something defined in Python
/// (not a builtin type's native method, whose slot the class inherits).
pub fn defined_in_python(cls: &TypeRef, name: &str) -> bool {
    match cls.lookup(name) {
        // A builtin's method counts as native only under its own name and
        // from a class of the MRO (`__str__ = int.__repr__` must be called).
        Some(v) => !v.as_object().is_some_and(|o| {
            o.downcast::<MethodDescriptor>().is_some_and(|d| {
                d.def.name == name && cls.mro.get().iter().any(|t| t.same(&d.owner))
            }) || o.downcast::<BuiltinFunction>().is_some()
                || o.downcast::<GetSetDescriptor>().is_some()
        }),
        None => false,
    }
}

/// Points a user class's slots at the dunder-calling `slot_*` functions for
/// every dunder defined in Python along its MRO, and at its base's slots
/// for the rest.
pub fn fixup_slots(cls: &TypeRef) {
    let s = &cls.slots;
    if let Some(b) = cls.base.get() {
        s.inherit_from(&b.slots);
    }
    let has = |n: &str| defined_in_python(cls, n);
    if has("__repr__") {
        s.repr
            .set(Some(|vm, v| call_dunder(vm, v, "__repr__", &[])));
    }
    if has("__str__") {
        s.str.set(Some(|vm, v| call_dunder(vm, v, "__str__", &[])));
    }
    match cls.lookup("__hash__") {
        Some(h) if h.is_none() => s.hash.set(None),
        Some(_) if has("__hash__") => s.hash.set(Some(slot_hash)),
        _ => {}
    }
    if ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"]
        .iter()
        .any(|n| has(n))
    {
        s.richcompare.set(Some(slot_richcompare));
    }
    if has("__del__") {
        s.finalize
            .set(Some(|vm, v| call_dunder(vm, v, "__del__", &[]).map(drop)));
    }
    if has("__call__") {
        s.call.set(Some(|vm, callable, args, kw| {
            let f = lookup_dunder(vm, callable, "__call__")?;
            vm.call(&f, args, kw)
        }));
    }
    if has("__iter__") {
        s.iter
            .set(Some(|vm, v| call_dunder(vm, v, "__iter__", &[])));
    }
    if has("__next__") {
        // A `StopIteration` propagates with its value (`next()` and
        // `yield from` see it); `vm.next` treats it as exhaustion.
        s.next
            .set(Some(|vm, v| call_dunder(vm, v, "__next__", &[]).map(Some)));
    }
    if has("__bool__") {
        s.bool.set(Some(|vm, v| {
            let r = call_dunder(vm, v, "__bool__", &[])?;
            match r.as_bool() {
                Some(b) => Ok(b),
                None => {
                    let tn = vm.type_name(&r);
                    Err(vm.type_error(format!("__bool__ should return bool, returned {tn}")))
                }
            }
        }));
    } else if has("__len__") {
        s.bool.set(Some(|vm, v| Ok(slot_len(vm, v)? > 0)));
    }
    if has("__len__") {
        s.len.set(Some(slot_len));
    }
    if has("__getitem__") {
        s.getitem.set(Some(|vm, v, k| {
            call_dunder(vm, v, "__getitem__", std::slice::from_ref(k))
        }));
    }
    if has("__setitem__") || has("__delitem__") {
        s.setitem.set(Some(|vm, v, k, value| {
            match value {
                Some(x) => call_dunder(vm, v, "__setitem__", &[k.clone(), x])?,
                None => call_dunder(vm, v, "__delitem__", std::slice::from_ref(k))?,
            };
            Ok(())
        }));
    }
    if has("__contains__") {
        s.contains.set(Some(|vm, v, k| {
            let r = call_dunder(vm, v, "__contains__", std::slice::from_ref(k))?;
            vm.is_true(&r)
        }));
    }
    let number_dunders = BinOp::ALL.iter().any(|op| {
        let (f, r, _) = op.dunders();
        has(f) || has(r)
    });
    if number_dunders {
        s.number.set(Some(slot_number));
    }
    if BinOp::ALL.iter().any(|op| has(op.dunders().2)) {
        s.inplace.set(Some(slot_inplace));
    }
    if ["__neg__", "__pos__", "__invert__", "__abs__"]
        .iter()
        .any(|n| has(n))
    {
        s.unary
            .set(Some(|vm, v, op| call_dunder(vm, v, op.dunder(), &[])));
    }
    if has("__init__") {
        s.init.set(Some(slot_init));
    }
    if has("__new__") {
        s.new.set(Some(slot_new));
    } else if crate::builtins::instance::converts_to_subclass(
        crate::builtins::class_creation::builtin_ancestor(cls).payload,
    ) {
        // Re-done on every fixup: a dunder assigned to the class later
        // (`copyreg` sets `__slotnames__`) must not leave it the builtin's
        // own `tp_new`, which makes builtin instances.
        s.new
            .set(Some(crate::builtins::instance::builtin_subclass_new));
    }
    if has("__getattr__") || has("__getattribute__") {
        s.getattro.set(Some(slot_getattr));
    }
    if has("__setattr__") || has("__delattr__") {
        s.setattro.set(Some(|vm, obj, name, value| {
            let n = Value::from_object(name.as_obj().clone());
            match value {
                Some(v) => call_dunder(vm, obj, "__setattr__", &[n, v])?,
                None => call_dunder(vm, obj, "__delattr__", &[n])?,
            };
            Ok(())
        }));
    }
    if has("__get__") {
        s.descr_get.set(Some(|vm, descr, obj, owner| {
            let o = obj.cloned().unwrap_or(Value::NONE);
            call_dunder(
                vm,
                descr,
                "__get__",
                &[o, Value::from_object(owner.as_obj().clone())],
            )
        }));
    }
    if has("__set__") || has("__delete__") {
        s.descr_set.set(Some(|vm, descr, obj, value| {
            match value {
                Some(v) => call_dunder(vm, descr, "__set__", &[obj.clone(), v])?,
                None => call_dunder(vm, descr, "__delete__", std::slice::from_ref(obj))?,
            };
            Ok(())
        }));
    }
}

/// Finds a dunder on the value's class (not the instance), bound.
fn lookup_dunder(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Value> {
    let class = vm.type_of(v).clone();
    match class.lookup(name) {
        Some(f) => vm.bind(&f, v, &class),
        None => {
            let tn = vm.type_name(v);
            Err(vm.attribute_error(&format!("'{tn}' object has no attribute '{name}'")))
        }
    }
}

/// `class.lookup(name)` for a dunder a slot function calls, answered from
/// the class's own [`dunder_cache`](crate::types::TypeObject::dunder_cache)
/// while its version tag holds (one probe, no name hashing); a miss
/// (no such dunder) is not remembered.
#[inline(always)]
fn lookup_dunder_cached(class: &TypeRef, name: &'static str) -> Option<Value> {
    let version = class.version_tag();
    if let Some(found) = class.dunder_cache.get(version, name) {
        return Some(found);
    }
    lookup_dunder_slow(class, version, name)
}

#[inline(never)]
fn lookup_dunder_slow(class: &TypeRef, version: u32, name: &'static str) -> Option<Value> {
    let found = class.lookup(name)?;
    if version != 0 {
        class.dunder_cache.store(version, name, &found);
    }
    Some(found)
}

/// Calls a dunder method found on the class (a plain function is called
/// with `v` prepended, without making a bound method).
pub fn call_dunder(vm: &mut Vm, v: &Value, name: &'static str, args: &[Value]) -> PyResult<Value> {
    call_dunder_kw(vm, v, name, args, None)
}

fn call_dunder_kw(
    vm: &mut Vm,
    v: &Value,
    name: &'static str,
    args: &[Value],
    kwnames: Option<&Ref<crate::builtins::tuple::Tuple>>,
) -> PyResult<Value> {
    let class = vm.type_of(v).clone();
    match lookup_dunder_cached(&class, name) {
        Some(f) => call_found_dunder(vm, v, &class, &f, args, kwnames),
        None => {
            let tn = vm.type_name(v);
            Err(vm.attribute_error(&format!("'{tn}' object has no attribute '{name}'")))
        }
    }
}

/// Calls `f`, the dunder found on `v`'s class `class`, with `v` and `args`.
/// Functions and builtin methods are called unbound, with `v` first
/// (CPython's `lookup_maybe_method`): a builtin method of another class
/// then refuses `v` as CPython's does. A plain Python function called
/// positionally takes the direct path of
/// [`Vm::call_function_with_self`]; anything else is bound (`__get__`)
/// and called. Inlined into its two callers: one call level less on
/// every dunder a slot function calls.
#[inline(always)]
fn call_found_dunder(
    vm: &mut Vm,
    v: &Value,
    class: &TypeRef,
    f: &Value,
    args: &[Value],
    kwnames: Option<&Ref<crate::builtins::tuple::Tuple>>,
) -> PyResult<Value> {
    let Some(object) = f.as_object() else {
        let bound = vm.bind(f, v, class)?;
        return vm.call(&bound, args, kwnames);
    };
    if let Some(func) = object.downcast::<crate::builtins::function::Function>() {
        if kwnames.is_none_or(|k| k.items().is_empty()) {
            return vm.call_function_with_self(func, v, args);
        }
        return crate::runtime::call::with_self(v, args, |all| vm.call(f, all, kwnames));
    }
    if object
        .downcast::<MethodDescriptor>()
        .is_some_and(|d| d.def.kind == crate::builtins::native::MethodKind::Method)
    {
        return crate::runtime::call::with_self(v, args, |all| vm.call(f, all, kwnames));
    }
    let bound = vm.bind(f, v, class)?;
    vm.call(&bound, args, kwnames)
}

/// Calls the dunder `name` of `v`'s class, or gives `NotImplemented` when
/// the class has none (CPython's `vectorcall_maybe`). The class is looked
/// up once: its answer is the dunder called.
fn call_dunder_maybe(vm: &mut Vm, v: &Value, name: &'static str, arg: &Value) -> PyResult<Value> {
    let class = vm.type_of(v).clone();
    match lookup_dunder_cached(&class, name) {
        Some(f) => call_found_dunder(vm, v, &class, &f, std::slice::from_ref(arg), None),
        None => Ok(vm.not_implemented()),
    }
}

fn slot_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let r = call_dunder(vm, v, "__len__", &[])?;
    let n = vm.index(&r)?;
    match crate::builtins::int::small(&n) {
        Some(n) if n >= 0 => Ok(n as usize),
        Some(_) => Err(vm.value_error("__len__() should return >= 0")),
        None if crate::builtins::int::to_big(&n)
            .is_some_and(|b| b.sign() == num_bigint::Sign::Minus) =>
        {
            Err(vm.value_error("__len__() should return >= 0"))
        }
        None => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
    }
}

fn slot_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let r = call_dunder(vm, v, "__hash__", &[])?;
    match crate::builtins::int::to_big(&r) {
        Some(b) => {
            // A value in range is kept as it is, so that `__hash__`
            // returning `hash(y)` hashes like `y`; only one out of range
            // is reduced as an int hashes (as CPython's `slot_tp_hash`).
            let h = match i64::try_from(&b) {
                Ok(h) => h,
                Err(_) => crate::builtins::int::int_hash(&vm.new_int(b)?),
            };
            Ok(crate::hash::fix_minus_one(h))
        }
        _ => Err(vm.type_error("__hash__ method should return an integer".into())),
    }
}

fn slot_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    call_dunder_maybe(vm, a, op.dunder(), b)
}

fn is_slot_number(f: Option<NumberFn>) -> bool {
    f.is_some_and(|f| f as usize == slot_number as *const () as usize)
}

/// Whether `right` overrides `name` relative to `left` (CPython's
/// `method_is_overloaded`).
fn method_is_overloaded(left: &TypeRef, right: &TypeRef, name: &str) -> bool {
    let Some(b) = right.lookup(name) else {
        return false;
    };
    match left.lookup(name) {
        None => true,
        Some(a) => match (a.as_object(), b.as_object()) {
            (Some(x), Some(y)) => !x.is(y),
            _ => true,
        },
    }
}

/// `a op b` for user classes, forward and reflected (CPython's `SLOT1BINFULL`):
/// a subclass on the right that overrides the reflected method goes first.
fn slot_number(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    let (forward, reflected, _) = op.dunders();
    // Decided before any call, so no class reference is held (nor counted)
    // across them.
    let ta = vm.type_of(a);
    let tb = vm.type_of(b);
    let same = ta.same(tb);
    let forward_defined = is_slot_number(ta.slots.number.get());
    let mut do_other = !same && is_slot_number(tb.slots.number.get());
    let reflected_first =
        forward_defined && do_other && tb.is_subtype(ta) && method_is_overloaded(ta, tb, reflected);
    if forward_defined {
        if reflected_first {
            let r = call_dunder_maybe(vm, b, reflected, a)?;
            if !vm.is_not_implemented(&r) {
                return Ok(r);
            }
            do_other = false;
        }
        let r = call_dunder_maybe(vm, a, forward, b)?;
        if !vm.is_not_implemented(&r) || same {
            return Ok(r);
        }
    }
    if do_other {
        return call_dunder_maybe(vm, b, reflected, a);
    }
    Ok(vm.not_implemented())
}

fn slot_inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    call_dunder_maybe(vm, a, op.dunders().2, b)
}

fn slot_init(
    vm: &mut Vm,
    this: &Value,
    args: &[Value],
    kwnames: Option<&Ref<crate::builtins::tuple::Tuple>>,
) -> PyResult<()> {
    let r = call_dunder_kw(vm, this, "__init__", args, kwnames)?;
    if !r.is_none() {
        let tn = vm.type_name(&r);
        return Err(vm.type_error(format!("__init__() should return None, not '{tn}'")));
    }
    Ok(())
}

/// Whether a `tp_init` is the one of classes defining `__init__` in Python.
pub fn is_slot_init(f: Option<crate::types::slots::InitFn>) -> bool {
    f.is_some_and(|f| f as usize == slot_init as *const () as usize)
}

/// Whether a `tp_new` is the one of classes defining `__new__` in Python.
pub fn is_slot_new(f: Option<crate::types::slots::NewFn>) -> bool {
    f.is_some_and(|f| f as usize == slot_new as *const () as usize)
}

/// `tp_new` of a class defining `__new__` in Python: calls
/// `cls.__new__(cls, *args, **kwargs)`.
fn slot_new(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kwnames: Option<&Ref<crate::builtins::tuple::Tuple>>,
) -> PyResult<Value> {
    let class_value = Value::from_object(cls.as_obj().clone());
    let f = match cls.lookup("__new__") {
        Some(f) => match f.as_object().and_then(|o| o.downcast::<Wrapper>()) {
            // The usual case: `__new__` is a staticmethod.
            Some(w) if vm.type_of(&f).same(&vm.types.staticmethod) => w.callable.get(),
            _ => vm.get_attr_str(&class_value, "__new__")?,
        },
        None => vm.get_attr_str(&class_value, "__new__")?,
    };
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(class_value);
    all.extend_from_slice(args);
    vm.call(&f, &all, kwnames)
}

fn slot_getattr(vm: &mut Vm, obj: &Value, name: &Ref<Str>) -> PyResult<Value> {
    let class = vm.type_of(obj).clone();
    let n = Value::from_object(name.as_obj().clone());
    let first = if defined_in_python(&class, "__getattribute__") {
        call_dunder(vm, obj, "__getattribute__", std::slice::from_ref(&n))
    } else {
        crate::builtins::object::generic_getattr(vm, obj, name)
    };
    match first {
        Err(e)
            if vm.exc_matches(&e, ExcKind::AttributeError)
                && defined_in_python(&class, "__getattr__") =>
        {
            call_dunder(vm, obj, "__getattr__", &[n])
        }
        other => other,
    }
}
