//! `weakref.ProxyType` and `weakref.CallableProxyType` (made by
//! `weakref.proxy`): every attribute access, operator, conversion and (for
//! the callable kind) call is forwarded to the referent, with proxies among
//! the operands replaced by their referents; once the referent died each of
//! them raises `ReferenceError: weakly-referenced object no longer exists`.
//! Proxies are unhashable.

use krait_vm::builtins::native::{MethodDef, method};
use krait_vm::builtins::tuple::Tuple;
use krait_vm::object::{ObjRef, Ref};
use krait_vm::types::TypeRef;
use krait_vm::types::slots::{BinOp, CompareOp, UnaryOp};
use krait_vm::{PyResult, Value, Vm};

use super::reference::payload;
use super::{dead_referent, is_proxy};

/// Creates `ProxyType` and `CallableProxyType`.
pub(super) fn new_types(vm: &mut Vm) -> PyResult<(TypeRef, TypeRef)> {
    let proxy = new_type(vm, "ProxyType")?;
    let callable = new_type(vm, "CallableProxyType")?;
    callable.slots.call.set(Some(call));
    callable.bump_version();
    krait_vm::builtins::slot_wrappers::install(vm, &[proxy.clone(), callable.clone()])?;
    Ok((proxy, callable))
}

fn new_type(vm: &mut Vm, name: &str) -> PyResult<TypeRef> {
    let t = vm.new_builtin_type::<krait_vm::object::weakref::WeakRef>(
        "weakref", name, None, 0, METHODS,
    )?;
    let s = &t.slots;
    s.new.set(Some(|vm, cls, _args, _kw| {
        let tn = format!("weakref.{}", cls.name);
        Err(vm.type_error(format!("cannot create '{tn}' instances")))
    }));
    s.getattro.set(Some(|vm, this, name| {
        let referent = referent(vm, this)?;
        vm.get_attr(&referent, name)
    }));
    s.setattro.set(Some(|vm, this, name, value| {
        let referent = referent(vm, this)?;
        vm.set_attr(&referent, name, value)
    }));
    s.repr.set(Some(repr));
    s.str.set(Some(|vm, this| {
        let referent = referent(vm, this)?;
        vm.str(&referent)
    }));
    s.hash.set(None);
    s.richcompare.set(Some(compare));
    s.bool.set(Some(|vm, this| {
        let referent = referent(vm, this)?;
        vm.is_true(&referent)
    }));
    s.len.set(Some(|vm, this| {
        let referent = referent(vm, this)?;
        vm.len(&referent)
    }));
    s.iter.set(Some(|vm, this| {
        let referent = referent(vm, this)?;
        vm.iter(&referent)
    }));
    s.next.set(Some(next));
    s.getitem.set(Some(|vm, this, key| {
        let referent = referent(vm, this)?;
        let key = unwrap(vm, key)?;
        vm.get_item(&referent, &key)
    }));
    s.setitem.set(Some(|vm, this, key, value| {
        let referent = referent(vm, this)?;
        let key = unwrap(vm, key)?;
        vm.set_item(&referent, &key, value)
    }));
    s.contains.set(Some(|vm, this, item| {
        let referent = referent(vm, this)?;
        let item = unwrap(vm, item)?;
        vm.contains(&referent, &item)
    }));
    s.number.set(Some(|vm, a, b, op| {
        let a = unwrap(vm, a)?;
        let b = unwrap(vm, b)?;
        vm.binary_op(&a, &b, op)
    }));
    s.inplace.set(Some(inplace));
    s.unary.set(Some(|vm, this, op: UnaryOp| {
        let referent = referent(vm, this)?;
        vm.unary_op(&referent, op)
    }));
    t.bump_version();
    Ok(t)
}

/// The referent of the proxy `this`, or `ReferenceError`.
fn referent(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    match payload(this).and_then(|w| w.referent()) {
        Some(object) => Ok(Value::from_object(object)),
        None => Err(dead_referent(vm)),
    }
}

/// `value`, or its referent if it is a proxy (CPython's `UNWRAP`).
fn unwrap(vm: &mut Vm, value: &Value) -> PyResult<Value> {
    match value.as_object() {
        Some(object) if is_proxy(vm, object) => referent(vm, value),
        _ => Ok(value.clone()),
    }
}

/// `p += x`: the referent's in-place operation (its result replaces the
/// proxy in the variable, as in CPython).
fn inplace(vm: &mut Vm, this: &Value, other: &Value, op: BinOp) -> PyResult<Value> {
    let a = unwrap(vm, this)?;
    let b = unwrap(vm, other)?;
    vm.inplace_op(&a, &b, op)
}

fn compare(vm: &mut Vm, this: &Value, other: &Value, op: CompareOp) -> PyResult<Value> {
    let a = unwrap(vm, this)?;
    let b = unwrap(vm, other)?;
    vm.rich_compare(&a, &b, op)
}

fn next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let referent = referent(vm, this)?;
    if vm.type_of(&referent).slots.next.get().is_none() {
        let tn = vm.type_name(&referent);
        return Err(vm.type_error(format!(
            "Weakref proxy referenced a non-iterator '{tn}' object"
        )));
    }
    vm.next(&referent)
}

fn call(
    vm: &mut Vm,
    this: &Value,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let referent = referent(vm, this)?;
    vm.call(&referent, args, kwnames)
}

/// `<weakproxy at 0x…; to 'C' at 0x…>` or `<weakproxy at 0x…; dead>`.
fn repr(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let address = this.as_object().map_or(0, ObjRef::address);
    let Some(object) = payload(this).and_then(|w| w.referent()) else {
        return vm.new_str(&format!("<weakproxy at {address:#x}; dead>"));
    };
    let to = object.address();
    let tn = vm.type_name(&Value::from_object(object));
    vm.new_str(&format!(
        "<weakproxy at {address:#x}; to '{tn}' at {to:#x}>"
    ))
}

/// The conversions a proxy forwards as methods.
const METHODS: &[MethodDef] = &[
    method("__bytes__", "(self, /)", |vm, args| {
        let referent = referent(vm, args.this())?;
        let bytes = Value::from_object(vm.types.bytes.as_obj().clone());
        vm.call(&bytes, &[referent], None)
    }),
    method("__reversed__", "(self, /)", |vm, args| {
        let referent = referent(vm, args.this())?;
        let reversed = Value::from_object(vm.types.reversed.as_obj().clone());
        vm.call(&reversed, &[referent], None)
    }),
    method("__int__", "(self, /)", |vm, args| {
        let referent = referent(vm, args.this())?;
        vm.to_int(&referent)
    }),
    method("__float__", "(self, /)", |vm, args| {
        let referent = referent(vm, args.this())?;
        vm.to_float(&referent)
    }),
    method("__index__", "(self, /)", |vm, args| {
        let referent = referent(vm, args.this())?;
        vm.index(&referent)
    }),
];
