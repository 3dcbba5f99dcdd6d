//! `types.UnionType`: what `int | str` and `int | None` make (PEP 604),
//! usable as the second argument of `isinstance` and `issubclass`. `|`
//! between classes is `type`'s number slot here; `None` stands for
//! `NoneType`; duplicates collapse and a single member is returned as
//! itself.

use crate::error::PyResult;
use crate::runtime::Vm;
use crate::types::slots::{BinOp, CompareOp};
use crate::types::{TypeObject, TypeRef};
use crate::value::Value;

/// The payload of a `types.UnionType`.
pub struct UnionType {
    /// `__args__`: the member classes, in order, without duplicates.
    pub args: Vec<TypeRef>,
}

/// The members of a union value.
pub fn union_args(v: &Value) -> Option<&[TypeRef]> {
    Some(&v.as_object()?.downcast::<UnionType>()?.args)
}

/// The classes `v` contributes to a union (`None` for values that cannot
/// be members).
fn members(vm: &Vm, v: &Value) -> Option<Vec<TypeRef>> {
    if v.is_none() {
        return Some(vec![vm.types.none.clone()]);
    }
    if let Some(args) = union_args(v) {
        return Some(args.to_vec());
    }
    let t = v.as_object()?.downcast::<TypeObject>()?;
    Some(vec![t.clone()])
}

/// `a | b` for classes, `None` and unions.
fn union_or(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    let is_class_like = |v: &Value| {
        union_args(v).is_some()
            || v.as_object()
                .is_some_and(|o| o.downcast::<TypeObject>().is_some())
    };
    if op != BinOp::Or || !(is_class_like(a) || is_class_like(b)) {
        return Ok(vm.not_implemented());
    }
    let (Some(x), Some(y)) = (members(vm, a), members(vm, b)) else {
        return Ok(vm.not_implemented());
    };
    let mut args: Vec<TypeRef> = Vec::with_capacity(x.len() + y.len());
    for t in x.into_iter().chain(y) {
        if !args.iter().any(|a| a.same(&t)) {
            args.push(t);
        }
    }
    if let [only] = args.as_slice() {
        if only.same(&vm.types.none) {
            return Ok(Value::NONE);
        }
        return Ok(Value::from_object(only.as_obj().clone()));
    }
    let u = vm.alloc(&vm.types.union_type.clone(), UnionType { args })?;
    Ok(Value::from_object(u.into_obj()))
}

fn member_repr(vm: &mut Vm, t: &TypeRef) -> String {
    if t.same(&vm.types.none) {
        return "None".into();
    }
    match crate::builtins::type_::type_module(vm, t) {
        Some(m) if m != "builtins" => format!("{m}.{}", t.qualname.get()),
        _ => t.qualname.get().to_string(),
    }
}

/// Installs `|` on classes and the slots of `types.UnionType`.
pub fn init_types(vm: &Vm) {
    vm.types.type_.slots.number.set(Some(union_or));
    vm.types.none.slots.number.set(Some(union_or));
    let t = &vm.types.union_type;
    t.slots.number.set(Some(union_or));
    t.slots.repr.set(Some(|vm, v| {
        let args = union_args(v).map(<[TypeRef]>::to_vec).unwrap_or_default();
        let parts: Vec<String> = args.iter().map(|a| member_repr(vm, a)).collect();
        vm.new_str(&parts.join(" | "))
    }));
    t.slots.hash.set(Some(|_vm, v| {
        let mut h: i64 = 0x345678;
        for a in union_args(v).unwrap_or_default() {
            h ^= crate::hash::hash_pointer(a.as_obj().address());
        }
        Ok(if h == -1 { -2 } else { h })
    }));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        let (Some(x), Some(y)) = (union_args(a), union_args(b)) else {
            return Ok(vm.not_implemented());
        };
        let same = x.len() == y.len() && x.iter().all(|t| y.iter().any(|u| u.same(t)));
        match op {
            CompareOp::Eq => Ok(Value::from_bool(same)),
            CompareOp::Ne => Ok(Value::from_bool(!same)),
            _ => Ok(vm.not_implemented()),
        }
    }));
}

/// `__args__` of a union.
pub fn union_attribute(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(args) = union_args(v).map(<[TypeRef]>::to_vec) else {
        return Ok(None);
    };
    match name {
        "__args__" => {
            let items = args
                .into_iter()
                .map(|t| Value::from_object(t.into_obj()))
                .collect();
            Ok(Some(vm.new_tuple(items)?))
        }
        _ => Ok(None),
    }
}
