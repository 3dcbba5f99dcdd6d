//! `types.SimpleNamespace` (CPython's `Objects/namespaceobject.c`): an
//! object whose attributes are given as keyword arguments, shown as
//! `namespace(a=1, b=2)` and equal to another namespace with the same
//! attributes. `sys.implementation` is one; `Lib/types.py` takes the class
//! from it.

use krait_vm::builtins::dict::Dict;
use krait_vm::builtins::native::Args;
use krait_vm::builtins::object::{BareObject, instance_dict};
use krait_vm::builtins::tuple::Tuple;
use krait_vm::object::Ref;
use krait_vm::types::slots::CompareOp;
use krait_vm::types::{TypeRef, flags};
use krait_vm::{PyResult, Value, Vm};

/// Creates the `types.SimpleNamespace` class.
pub fn new_type(vm: &mut Vm) -> PyResult<TypeRef> {
    let ty = vm.new_builtin_type::<BareObject>(
        "types",
        "SimpleNamespace",
        None,
        flags::BASETYPE | flags::HAS_DICT | flags::EXTENDED,
        &[],
    )?;
    ty.slots.new.set(Some(|vm, cls, _args, _kw| alloc(vm, cls)));
    ty.slots.init.set(Some(init));
    ty.slots.repr.set(Some(repr));
    ty.slots.richcompare.set(Some(compare));
    ty.slots.hash.set(None);
    ty.bump_version();
    Ok(ty)
}

/// A namespace with `attributes`.
pub fn new_instance(vm: &mut Vm, ty: &TypeRef, attributes: Vec<(&str, Value)>) -> PyResult<Value> {
    let obj = alloc(vm, ty)?;
    for (name, value) in attributes {
        let key = vm.intern(name)?;
        vm.set_attr(&obj, &key, Some(value))?;
    }
    Ok(obj)
}

/// A new empty namespace of class `cls` (its attributes live in the
/// instance's extension, as a class instance's do).
fn alloc(vm: &mut Vm, cls: &TypeRef) -> PyResult<Value> {
    Ok(Value::from_object(vm.alloc(cls, BareObject)?.into_obj()))
}

/// `SimpleNamespace(mapping_or_iterable=(), /, **kwargs)`.
fn init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: Option<&Ref<Tuple>>) -> PyResult<()> {
    let name = vm.type_of(this).name.to_string();
    let bound: Args = krait_vm::static_signature!("(mapping_or_iterable=(), /, **kwargs)")
        .bind(vm, &name, args, kwnames)?;
    let mut pairs: Vec<(Value, Value)> = Vec::new();
    if let Some(initial) = bound.get(0) {
        let dict = vm.new_dict_ref()?;
        krait_vm::builtins::dict::update_from(vm, &dict, initial)?;
        pairs.extend(dict.items());
    }
    if let Some(kwargs) = bound
        .kwargs()
        .and_then(|k| k.as_object()?.downcast::<Dict>().cloned())
    {
        pairs.extend(kwargs.items());
    }
    for (key, value) in pairs {
        let Some(key) = vm.as_str(&key).cloned() else {
            let tn = vm.type_name(&key);
            return Err(vm.type_error(format!("keywords must be strings, not '{tn}'")));
        };
        vm.set_attr(this, &key, Some(value))?;
    }
    Ok(())
}

fn attributes(obj: &Value) -> Vec<(Value, Value)> {
    instance_dict(obj).map(|d| d.items()).unwrap_or_default()
}

/// `namespace(a=1, b=2)` (the class name for subclasses).
fn repr(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let class = vm.type_of(obj).clone();
    let name = if class.has_flag(flags::HEAPTYPE) {
        class.name.to_string()
    } else {
        "namespace".to_owned()
    };
    if !vm.repr_enter(obj) {
        return vm.new_str(&format!("{name}(...)"));
    }
    let result = (|| {
        let mut out = format!("{name}(");
        for (i, (key, value)) in attributes(obj).iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&vm.str_string(key)?);
            out.push('=');
            out.push_str(&vm.repr_string(value)?);
        }
        out.push(')');
        Ok(out)
    })();
    vm.repr_leave(obj);
    let out = result?;
    vm.new_str(&out)
}

/// Namespaces are equal when both are namespaces with equal attributes.
fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let both = is_namespace(vm, a) && is_namespace(vm, b);
    if !both || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let left = dict_of(vm, a)?;
    let right = dict_of(vm, b)?;
    let equal = vm.eq(&left, &right)?;
    Ok(Value::from_bool(equal == (op == CompareOp::Eq)))
}

/// Whether `v` is a `SimpleNamespace` (or an instance of a subclass).
fn is_namespace(vm: &Vm, v: &Value) -> bool {
    vm.type_of(v).mro.with(|mro| {
        mro.iter()
            .any(|c| !c.has_flag(flags::HEAPTYPE) && &*c.name == "SimpleNamespace")
    })
}

fn dict_of(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let dict = vm.new_dict_ref()?;
    for (k, v) in attributes(obj) {
        Dict::set_item(vm, &dict, k, v)?;
    }
    Ok(Value::from_object(dict.into_obj()))
}
