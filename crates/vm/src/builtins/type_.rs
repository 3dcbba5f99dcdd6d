//! `type`: calling a class, attribute access on classes
//! (`type_getattro`), class creation (`type(name, bases, dict)` and
//! `__build_class__`), and the slots of user classes, which call the dunder
//! methods found along the MRO (CPython's `slot_*` functions).

use crate::builtins::dict::Dict;
use crate::builtins::exceptions::{BaseException, ExcKind};
use crate::builtins::function::Function;
use crate::builtins::instance::Instance;
use crate::builtins::native::{BuiltinFunction, MethodDescriptor};
use crate::builtins::object::BareObject;
use crate::builtins::str::Str;
use crate::builtins::tuple::Tuple;
use crate::error::PyResult;
use crate::object::{PyCell, Ref};
use crate::runtime::Vm;
use crate::types::slots::{BinOp, CompareOp, UnaryOp};
use crate::types::{TypeObject, TypeRef, flags};
use crate::value::Value;

/// A class's `__module__`, if it has one.
pub fn type_module(vm: &mut Vm, class: &TypeRef) -> Option<String> {
    let m = class.dict.with(|d| d.get_str(&Str::new("__module__")));
    if !class.has_flag(flags::HEAPTYPE) {
        // Builtin types of native modules name their module in their dict.
        let named = m.as_ref().and_then(|m| vm.as_str(m));
        return Some(named.map_or_else(|| "builtins".into(), |s| s.as_lossy().into_owned()));
    }
    vm.as_str(&m?).map(|s| s.as_lossy().into_owned())
}

fn as_type(v: &Value) -> Option<&TypeRef> {
    v.as_object()?.downcast::<TypeObject>()
}

/// Allocates a fresh instance of `cls` with its solid base's payload.
pub fn alloc_instance(vm: &mut Vm, cls: &TypeRef) -> PyResult<Value> {
    use std::any::TypeId;
    let p = cls.payload;
    let obj = if p == TypeId::of::<Instance>() {
        vm.alloc(cls, Instance::default())?.into_obj()
    } else if p == TypeId::of::<BareObject>() {
        vm.alloc(cls, BareObject)?.into_obj()
    } else if p == TypeId::of::<BaseException>() {
        return Ok(Value::from_object(
            vm.new_exception_of(cls, Vec::new()).0.into_obj(),
        ));
    } else {
        return Err(vm.new_error(
            ExcKind::NotImplementedError,
            &format!(
                "krait cannot create instances of '{}' this way yet",
                cls.name
            ),
        ));
    };
    Ok(Value::from_object(obj))
}

/// `type.__call__`: `__new__`, then `__init__` if the result is an instance.
pub fn type_call(
    vm: &mut Vm,
    callable: &Value,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let Some(cls) = as_type(callable).cloned() else {
        return Err(vm.type_error("descriptor '__call__' requires a 'type' object".into()));
    };
    if cls.same(&vm.types.type_) {
        let nkw = kwnames.map_or(0, |k| k.items().len());
        if args.len() == 1 && nkw == 0 {
            return Ok(Value::from_object(vm.type_of(&args[0]).as_obj().clone()));
        }
        if args.len() != 3 {
            return Err(vm.type_error("type() takes 1 or 3 arguments".into()));
        }
        return new_class(vm, &cls, &args[0], &args[1], &args[2]);
    }
    let Some(new) = cls.slots.new.get() else {
        return Err(vm.type_error(format!("cannot create '{}' instances", cls.name)));
    };
    let obj = new(vm, &cls, args, kwnames)?;
    if !vm.type_of(&obj).is_subtype(&cls) {
        return Ok(obj);
    }
    if let Some(init) = vm.type_of(&obj).slots.init.get() {
        init(vm, &obj, args, kwnames)?;
    }
    Ok(obj)
}

/// `type.__getattribute__`.
pub fn type_getattr(vm: &mut Vm, obj: &Value, name: &Ref<Str>) -> PyResult<Value> {
    let Some(cls) = as_type(obj).cloned() else {
        return crate::builtins::object::generic_getattr(vm, obj, name);
    };
    let meta = vm.type_of(obj).clone();
    let meta_attr = meta.lookup_str(name);
    if let Some(d) = &meta_attr {
        let dt = vm.type_of(d);
        if let (Some(get), Some(_)) = (dt.slots.descr_get.get(), dt.slots.descr_set.get()) {
            return get(vm, d, Some(obj), &meta);
        }
    }
    if let Some(attr) = cls.lookup_str(name) {
        if let Some(get) = vm.type_of(&attr).slots.descr_get.get() {
            return get(vm, &attr, None, &cls);
        }
        return Ok(attr);
    }
    if let Some(v) = type_special(vm, &cls, &name.as_lossy())? {
        return Ok(v);
    }
    if let Some(d) = meta_attr {
        if let Some(get) = vm.type_of(&d).slots.descr_get.get() {
            return get(vm, &d, Some(obj), &meta);
        }
        return Ok(d);
    }
    Err(vm.attribute_error(&format!(
        "type object '{}' has no attribute '{}'",
        cls.name,
        name.as_lossy()
    )))
}

fn type_special(vm: &mut Vm, cls: &TypeRef, name: &str) -> PyResult<Option<Value>> {
    Ok(Some(match name {
        "__name__" => vm.new_str(&cls.name)?,
        "__qualname__" => vm.new_str(&cls.qualname.get())?,
        "__module__" => match type_module(vm, cls) {
            Some(m) => vm.new_str(&m)?,
            None => Value::NONE,
        },
        "__mro__" => {
            let items = cls
                .mro
                .get()
                .into_iter()
                .map(|c| Value::from_object(c.into_obj()))
                .collect();
            vm.new_tuple(items)?
        }
        "__bases__" => {
            let items = cls
                .bases
                .get()
                .into_iter()
                .map(|c| Value::from_object(c.into_obj()))
                .collect();
            vm.new_tuple(items)?
        }
        "__base__" => match cls.base.get() {
            Some(b) => Value::from_object(b.into_obj()),
            None => Value::NONE,
        },
        "__doc__" => Value::NONE,
        "__dict__" => {
            let d = vm.new_dict_ref()?;
            let items: Vec<(Value, Value)> = cls
                .dict
                .with(|t| t.iter().map(|e| (e.key.clone(), e.value.clone())).collect());
            for (k, v) in items {
                Dict::set_item(vm, &d, k, v)?;
            }
            Value::from_object(d.into_obj())
        }
        _ => return Ok(None),
    }))
}

/// `type.__setattr__`: only classes created by `class` statements.
pub fn type_setattr(
    vm: &mut Vm,
    obj: &Value,
    name: &Ref<Str>,
    value: Option<Value>,
) -> PyResult<()> {
    let Some(cls) = as_type(obj).cloned() else {
        return crate::builtins::object::generic_setattr(vm, obj, name, value);
    };
    if !cls.has_flag(flags::HEAPTYPE) {
        return Err(vm.type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            name.as_lossy(),
            cls.name
        )));
    }
    let text = name.as_lossy().into_owned();
    if (text == "__name__" || text == "__qualname__")
        && let Some(v) = &value
        && let Some(s) = vm.as_str(v)
    {
        let s: Box<str> = s.as_lossy().into();
        cls.qualname.with(|q| *q = s);
        return Ok(());
    }
    let old = match value {
        Some(v) => cls.dict.with(|d| d.insert_str(name.clone(), v)),
        None => match cls.dict.with(|d| d.remove_str(name)) {
            Some(old) => Some(old),
            None => {
                return Err(vm.attribute_error(&format!(
                    "type object '{}' has no attribute '{}'",
                    cls.name, text
                )));
            }
        },
    };
    drop(old);
    cls.bump_version();
    if text.starts_with("__") && text.ends_with("__") {
        fixup_slots(&cls);
    }
    Ok(())
}

/// Installs `type`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.call.set(Some(type_call));
    t.slots.getattro.set(Some(type_getattr));
    t.slots.setattro.set(Some(type_setattr));
    t.slots.repr.set(Some(|vm, v| {
        let Some(cls) = as_type(v).cloned() else {
            return vm.new_str("<type>");
        };
        let text = match type_module(vm, &cls) {
            Some(m) if m != "builtins" => format!("<class '{m}.{}'>", cls.qualname.get()),
            _ => format!("<class '{}'>", cls.qualname.get()),
        };
        vm.new_str(&text)
    }));
    t.slots
        .number
        .set(Some(|vm, _a, _b, _op| Ok(vm.not_implemented())));
}

/// Creates a class: `type(name, bases, namespace)`.
pub fn new_class(
    vm: &mut Vm,
    meta: &TypeRef,
    name: &Value,
    bases: &Value,
    namespace: &Value,
) -> PyResult<Value> {
    let Some(name_str) = vm.as_str(name).map(|s| s.as_lossy().into_owned()) else {
        let tn = vm.type_name(name);
        return Err(vm.type_error(format!("type.__new__() argument 1 must be str, not {tn}")));
    };
    let (tuple_type, dict_type) = (vm.types.tuple.clone(), vm.types.dict.clone());
    for (i, value, expected) in [(2, bases, &tuple_type), (3, namespace, &dict_type)] {
        if !vm.type_of(value).is_subtype(expected) {
            let (want, tn) = (expected.name.clone(), vm.type_name(value));
            return Err(vm.type_error(format!(
                "type.__new__() argument {i} must be {want}, not {tn}"
            )));
        }
    }
    let mut base_list: Vec<TypeRef> = Vec::new();
    for b in crate::builtins::tuple::seq_items(bases).unwrap_or_default() {
        match as_type(&b) {
            Some(t) => base_list.push(t.clone()),
            None => {
                return Err(vm.type_error("bases must be types".into()));
            }
        }
    }
    if base_list.is_empty() {
        base_list.push(vm.types.object.clone());
    }
    for b in &base_list {
        if !b.has_flag(flags::BASETYPE) {
            return Err(vm.type_error(format!("type '{}' is not an acceptable base type", b.name)));
        }
    }
    let tail = match crate::types::mro::c3_merge(&base_list) {
        Ok(m) => m,
        Err(message) => return Err(vm.type_error(message)),
    };
    // The solid base: the most derived base payload among the bases.
    let solid = base_list
        .iter()
        .find(|b| b.payload != std::any::TypeId::of::<BareObject>())
        .cloned()
        .unwrap_or_else(|| base_list[0].clone());
    let builtin_payloads = [
        std::any::TypeId::of::<BareObject>(),
        std::any::TypeId::of::<Instance>(),
        std::any::TypeId::of::<BaseException>(),
    ];
    if !builtin_payloads.contains(&solid.payload) {
        return Err(vm.new_error(
            ExcKind::NotImplementedError,
            &format!(
                "krait does not support subclassing the builtin type '{}' yet",
                solid.name
            ),
        ));
    }
    let mut payload = if solid.payload == std::any::TypeId::of::<BareObject>() {
        TypeObject::for_payload::<Instance>(&name_str)
    } else {
        let mut t = TypeObject::for_payload::<BaseException>(&name_str);
        t.payload = solid.payload;
        t.dealloc = solid.dealloc;
        // The collector's hooks belong with the payload.
        t.slots.gc = solid.slots.gc;
        t
    };
    payload.flags = std::cell::Cell::new(
        flags::HEAPTYPE
            | flags::BASETYPE
            | flags::HAS_DICT
            | (solid.flags.get() & flags::EXCEPTION),
    );
    payload.base = PyCell::new(Some(solid.clone()));
    payload.bases = PyCell::new(base_list.clone());
    let qualname = match namespace.as_object().and_then(|o| o.downcast::<Dict>()) {
        Some(ns) => ns.table.with(|t| t.get_str(&Str::new("__qualname__"))),
        None => None,
    };
    if let Some(q) = qualname.as_ref().and_then(|q| vm.as_str(q)) {
        payload.qualname = PyCell::new(q.as_lossy().into());
    }
    let cls = vm.alloc(meta, payload)?;
    let mut mro = vec![cls.clone()];
    mro.extend(tail);
    cls.mro.with(|m| *m = mro);
    cls.slots.inherit_from(&solid.slots);
    if let Some(ns) = namespace.as_object().and_then(|o| o.downcast::<Dict>()) {
        for (k, v) in ns.items() {
            let Some(key) = vm.as_str(&k).cloned() else {
                continue;
            };
            if &*key.as_lossy() == "__qualname__" {
                continue;
            }
            let v = if &*key.as_lossy() == "__new__"
                && v.as_object()
                    .is_some_and(|o| o.downcast::<Function>().is_some())
            {
                crate::builtins::descriptors::new_staticmethod(vm, v)?
            } else {
                v
            };
            cls.dict.with(|d| d.insert_str(key, v));
        }
    }
    if cls
        .dict
        .with(|d| d.get_str(&Str::new("__module__")))
        .is_none()
        && let Some(m) = vm.current_globals_name()
    {
        let key = vm.intern("__module__")?;
        cls.dict.with(|d| d.insert_str(key, m));
    }
    cls.bump_version();
    fixup_slots(&cls);
    Ok(Value::from_object(cls.into_obj()))
}

fn defined_in_python(cls: &TypeRef, name: &str) -> bool {
    match cls.lookup(name) {
        Some(v) => !v.as_object().is_some_and(|o| {
            o.downcast::<MethodDescriptor>().is_some() || o.downcast::<BuiltinFunction>().is_some()
        }),
        None => false,
    }
}

/// Points a user class's slots at the dunder-calling `slot_*` functions for
/// every dunder defined in Python along its MRO.
pub fn fixup_slots(cls: &TypeRef) {
    let s = &cls.slots;
    let base = cls.base.get();
    if let Some(b) = &base {
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
    if has("__hash__") {
        s.hash.set(Some(slot_hash));
    } else if has("__eq__") && cls.dict.with(|d| d.get_str(&Str::new("__eq__")).is_some()) {
        s.hash.set(None);
    }
    if cls.lookup("__hash__").is_some_and(|v| v.is_none()) {
        s.hash.set(None);
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
        s.init.set(Some(|vm, this, args, kw| {
            let f = lookup_dunder(vm, this, "__init__")?;
            let r = vm.call(&f, args, kw)?;
            if !r.is_none() {
                let tn = vm.type_name(&r);
                return Err(vm.type_error(format!("__init__() should return None, not '{tn}'")));
            }
            Ok(())
        }));
    }
    if has("__new__") {
        s.new.set(Some(|vm, cls, args, kw| {
            let Some(f) = cls.lookup("__new__") else {
                return alloc_instance(vm, cls);
            };
            let f = match f
                .as_object()
                .and_then(|o| o.downcast::<crate::builtins::descriptors::Wrapper>())
            {
                Some(w) => w.callable.get(),
                None => f,
            };
            let mut all = vec![Value::from_object(cls.as_obj().clone())];
            all.extend_from_slice(args);
            vm.call(&f, &all, kw)
        }));
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
    match vm.lookup_special(v, name) {
        Some(f) => Ok(f),
        None => {
            let tn = vm.type_name(v);
            Err(vm.attribute_error(&format!("'{tn}' object has no attribute '{name}'")))
        }
    }
}

/// Calls a dunder method found on the class.
pub fn call_dunder(vm: &mut Vm, v: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let f = lookup_dunder(vm, v, name)?;
    vm.call(&f, args, None)
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
            let h = crate::builtins::int::int_hash(&vm.new_int(b)?);
            Ok(if h == -1 { -2 } else { h })
        }
        _ => Err(vm.type_error("__hash__ method should return an integer".into())),
    }
}

fn slot_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let class = vm.type_of(a).clone();
    match class.lookup(op.dunder()) {
        Some(f) if defined_in_python(&class, op.dunder()) || !f.is_none() => {
            let bound = vm.bind(&f, a, &class)?;
            vm.call(&bound, std::slice::from_ref(b), None)
        }
        // `object.__ne__`: the inverse of `__eq__` unless that is NotImplemented.
        None if op == CompareOp::Ne && defined_in_python(&class, "__eq__") => {
            let r = slot_richcompare(vm, a, b, CompareOp::Eq)?;
            if vm.is_not_implemented(&r) {
                return Ok(r);
            }
            Ok(Value::from_bool(!vm.is_true(&r)?))
        }
        _ => Ok(vm.not_implemented()),
    }
}

/// Calls the dunder `name` of `v`'s class with `arg`; `NotImplemented` if
/// the class has none (CPython's `vectorcall_maybe`).
fn call_dunder_maybe(vm: &mut Vm, v: &Value, name: &str, arg: &Value) -> PyResult<Value> {
    let class = vm.type_of(v).clone();
    match class.lookup(name) {
        Some(f) => {
            let bound = vm.bind(&f, v, &class)?;
            vm.call(&bound, std::slice::from_ref(arg), None)
        }
        None => Ok(vm.not_implemented()),
    }
}

/// The number slot of classes with arithmetic dunders (CPython's
/// `SLOT1BINFULL`): a subclass operand that overrides the reflected method
/// goes first, then the forward method, then the other operand's reflected
/// method.
fn slot_number(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    let (forward, reflected, _) = op.dunders();
    let ta = vm.type_of(a).clone();
    let tb = vm.type_of(b).clone();
    let uses_this_slot = |t: &TypeRef| {
        t.slots
            .number
            .get()
            .is_some_and(|f| f as usize == slot_number as *const () as usize)
    };
    let mut do_other = !ta.same(&tb) && uses_this_slot(&tb);
    if uses_this_slot(&ta) {
        if do_other && tb.is_subtype(&ta) {
            let overloaded = match (tb.lookup(reflected), ta.lookup(reflected)) {
                (Some(x), Some(y)) => !crate::protocol::number::is_same(&x, &y),
                (Some(_), None) => true,
                _ => false,
            };
            if overloaded {
                let r = call_dunder_maybe(vm, b, reflected, a)?;
                if !vm.is_not_implemented(&r) {
                    return Ok(r);
                }
                do_other = false;
            }
        }
        let r = call_dunder_maybe(vm, a, forward, b)?;
        if !vm.is_not_implemented(&r) || ta.same(&tb) {
            return Ok(r);
        }
    }
    if do_other {
        return call_dunder_maybe(vm, b, reflected, a);
    }
    Ok(vm.not_implemented())
}

fn slot_inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    let (_, _, inplace) = op.dunders();
    let ta = vm.type_of(a).clone();
    match ta.lookup(inplace) {
        Some(f) => {
            let bound = vm.bind(&f, a, &ta)?;
            vm.call(&bound, std::slice::from_ref(b), None)
        }
        None => Ok(vm.not_implemented()),
    }
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

#[allow(dead_code)]
fn unary_unused(_: UnaryOp) {}
