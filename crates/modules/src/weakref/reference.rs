//! `weakref.ref` (`weakref.ReferenceType`): calling it gives the referent
//! or `None`; it hashes as its referent (remembered, so it still hashes once
//! the referent is gone); `==` compares referents while both are alive and
//! identity otherwise; `ref(o)` without callback is shared. Subclasses
//! (`weakref.KeyedRef`) may add `__slots__` and their own `__new__`/`__init__`.

use krait_vm::builtins::descriptors::{GetSetDef, readonly};
use krait_vm::builtins::native::{MethodDef, classmethod};
use krait_vm::builtins::tuple::Tuple;
use krait_vm::object::weakref as core;
use krait_vm::object::{ObjRef, Ref};
use krait_vm::types::slots::CompareOp;
use krait_vm::types::{TypeRef, flags};
use krait_vm::{PyResult, Value, Vm};

use super::{REF_KEY, basic_refs, callback_of, is_module_type, make_weakref, weakrefable};

/// Creates the `ref` type.
pub(super) fn new_type(vm: &mut Vm) -> PyResult<TypeRef> {
    let t = vm.new_builtin_type::<core::WeakRef>(
        "weakref",
        "ReferenceType",
        None,
        flags::BASETYPE | flags::NEW_ALLOCATES_CLASS,
        METHODS,
    )?;
    t.slots.new.set(Some(new));
    t.slots.init.set(Some(init));
    t.slots.call.set(Some(call));
    t.slots.hash.set(Some(hash));
    t.slots.richcompare.set(Some(compare));
    t.slots.repr.set(Some(repr));
    vm.add_getsets(&t, &GETSETS)?;
    t.bump_version();
    krait_vm::builtins::slot_wrappers::install(vm, std::slice::from_ref(&t))?;
    krait_vm::builtins::type_::install_new_wrappers(vm, std::slice::from_ref(&t))?;
    Ok(t)
}

/// `ref[T]` (a `types.GenericAlias`).
const METHODS: &[MethodDef] = &[classmethod(
    "__class_getitem__",
    "(cls, item, /)",
    |vm, args| {
        krait_vm::builtins::generic_alias::new_alias(
            vm,
            args.this().clone(),
            args.required(1).clone(),
        )
    },
)];

static GETSETS: [GetSetDef; 1] = [readonly("__callback__", |_vm, this| {
    Ok(payload(this)
        .and_then(|w| w.callback())
        .unwrap_or(Value::NONE))
})];

/// The weak reference payload of `value`.
pub(super) fn payload(value: &Value) -> Option<&core::WeakRef> {
    value.as_object().and_then(core::as_weakref)
}

/// The positional arguments of a vectorcall (keyword values come last).
fn positional<'a>(args: &'a [Value], kwnames: Option<&Ref<Tuple>>) -> &'a [Value] {
    let keywords = kwnames.map_or(0, |k| k.items().len());
    &args[..args.len().saturating_sub(keywords)]
}

/// Checks `ref`'s one or two positional arguments (`__new__`'s messages).
fn unpack(vm: &mut Vm, args: &[Value]) -> PyResult<()> {
    match args.len() {
        0 => Err(vm.type_error("__new__ expected at least 1 argument, got 0".into())),
        1 | 2 => Ok(()),
        n => Err(vm.type_error(format!("__new__ expected at most 2 arguments, got {n}"))),
    }
}

/// `ref.__new__(type, object, callback=None, /)`.
fn new(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let args = positional(args, kwnames);
    unpack(vm, args)?;
    let referent = weakrefable(vm, &args[0])?;
    let callback = callback_of(args.get(1));
    let exact = is_module_type(vm, cls, REF_KEY);
    if exact
        && callback.is_none()
        && let Some(basic) = basic_refs(vm, &referent).reference
    {
        return Ok(Value::from_object(basic));
    }
    let basic = exact && callback.is_none();
    make_weakref(vm, cls, &referent, callback, basic).map(Value::from_object)
}

/// `ref.__init__`: the arguments were taken by `__new__`; keywords are refused.
fn init(vm: &mut Vm, _this: &Value, args: &[Value], kwnames: Option<&Ref<Tuple>>) -> PyResult<()> {
    if kwnames.is_some_and(|k| !k.items().is_empty()) {
        return Err(vm.type_error("ref() takes no keyword arguments".into()));
    }
    unpack(vm, args)
}

/// Calling a weak reference: the referent, or `None` once it died.
fn call(
    vm: &mut Vm,
    this: &Value,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    if kwnames.is_some_and(|k| !k.items().is_empty()) {
        return Err(vm.type_error("weakref() takes no keyword arguments".into()));
    }
    if !args.is_empty() {
        return Err(vm.type_error(format!("weakref expected 0 arguments, got {}", args.len())));
    }
    Ok(payload(this)
        .and_then(|w| w.referent())
        .map_or(Value::NONE, Value::from_object))
}

/// `hash(r)`: the referent's hash, remembered.
fn hash(vm: &mut Vm, this: &Value) -> PyResult<i64> {
    let Some(weakref) = payload(this) else {
        return Err(vm.type_error("weak object has gone away".into()));
    };
    if let Some(h) = weakref.cached_hash() {
        return Ok(h);
    }
    let Some(referent) = weakref.referent() else {
        return Err(vm.type_error("weak object has gone away".into()));
    };
    let h = vm.hash(&Value::from_object(referent))?;
    if let Some(weakref) = payload(this) {
        weakref.set_cached_hash(h);
    }
    Ok(h)
}

/// `==`/`!=` between weak references (and proxies): the referents' comparison
/// while both are alive, identity otherwise.
fn compare(vm: &mut Vm, this: &Value, other: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let (Some(a), Some(b)) = (payload(this), payload(other)) else {
        return Ok(vm.not_implemented());
    };
    match (a.referent(), b.referent()) {
        (Some(x), Some(y)) => vm.rich_compare(&Value::from_object(x), &Value::from_object(y), op),
        _ => {
            let same =
                this.as_object().map(ObjRef::address) == other.as_object().map(ObjRef::address);
            Ok(Value::from_bool(same == (op == CompareOp::Eq)))
        }
    }
}

/// `<weakref at 0x…; to 'C' at 0x… (name)>` or `<weakref at 0x…; dead>`.
fn repr(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let address = this.as_object().map_or(0, ObjRef::address);
    let Some(referent) = payload(this).and_then(|w| w.referent()) else {
        return vm.new_str(&format!("<weakref at {address:#x}; dead>"));
    };
    let referent = Value::from_object(referent);
    let tn = vm.type_name(&referent);
    let to = referent.as_object().map_or(0, ObjRef::address);
    let name = match vm.lookup_special(&referent, "__name__") {
        Some(name) => vm.as_str(&name).map(|s| s.as_lossy().into_owned()),
        None => None,
    };
    let text = match name {
        Some(name) => format!("<weakref at {address:#x}; to '{tn}' at {to:#x} ({name})>"),
        None => format!("<weakref at {address:#x}; to '{tn}' at {to:#x}>"),
    };
    vm.new_str(&text)
}
