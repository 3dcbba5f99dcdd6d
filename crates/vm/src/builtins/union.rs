//! `typing.Union` (what `int | str` makes, formerly `types.UnionType`): the
//! flattened, de-duplicated member classes, usable with `isinstance` and
//! `issubclass`.

use crate::builtins::descriptors::{GetSetDef, getter};
use crate::builtins::native::{MethodDef, classmethod};
use crate::builtins::tuple::Tuple;
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::value::Value;

/// The payload of a union.
pub struct Union {
    /// `__args__`: the members, in order, without duplicates.
    pub args: Ref<Tuple>,
}

/// The members of a union value.
pub fn union_members(v: &Value) -> Option<&[Value]> {
    v.as_object()
        .and_then(|o| o.downcast::<Union>())
        .map(|u| u.args.items())
}

fn is_union_member(vm: &Vm, v: &Value) -> bool {
    let o = v.as_object();
    v.is_none()
        || crate::builtins::type_::as_type(v).is_some()
        || union_members(v).is_some()
        || o.is_some_and(|o| {
            o.downcast::<crate::builtins::generic_alias::GenericAlias>()
                .is_some()
                || o.downcast::<crate::builtins::typing::TypeParam>().is_some()
                || o.downcast::<crate::builtins::typing::TypeAlias>().is_some()
        })
        || vm.type_of(v).lookup("__origin__").is_some()
}

fn same_member(a: &Value, b: &Value) -> bool {
    match (a.as_object(), b.as_object()) {
        (Some(x), Some(y)) => x.is(y),
        (None, None) => a.is_none() && b.is_none(),
        _ => false,
    }
}

/// `a | b` for classes, `None` and unions.
pub fn union_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !is_union_member(vm, a) || !is_union_member(vm, b) {
        return Ok(vm.not_implemented());
    }
    union_of(vm, &[a.clone(), b.clone()])
}

/// The union of `parts` (unions flattened, `None` as `type(None)`,
/// duplicates dropped); a single member stands for itself.
fn union_of(vm: &mut Vm, parts: &[Value]) -> PyResult<Value> {
    let mut members: Vec<Value> = Vec::new();
    for side in parts {
        let items = match union_members(side) {
            Some(m) => m.to_vec(),
            None => vec![side.clone()],
        };
        for item in items {
            // `None` stands for `type(None)` in a union.
            let item = if item.is_none() {
                Value::from_object(vm.types.none.as_obj().clone())
            } else {
                item
            };
            if !members.iter().any(|m| same_member(m, &item)) {
                members.push(item);
            }
        }
    }
    if members.len() == 1 {
        return Ok(members.remove(0));
    }
    if members.is_empty() {
        return Err(vm.type_error("Cannot take a Union of no types.".into()));
    }
    let args = vm.new_tuple_ref(members)?;
    let u = vm.alloc(&vm.types.union.clone(), Union { args })?;
    Ok(Value::from_object(u.into_obj()))
}

/// The methods of `Union`: `Union[X, Y]` (CPython's `union_class_getitem`).
pub const METHODS: &[MethodDef] = &[classmethod(
    "__class_getitem__",
    "(cls, args, /)",
    |vm, args| {
        let given = args.required(1);
        let parts = match given.as_object().and_then(|o| o.downcast::<Tuple>()) {
            Some(t) if vm.type_of(given).same(&vm.types.tuple) => t.items().to_vec(),
            _ => vec![given.clone()],
        };
        union_of(vm, &parts)
    },
)];

fn member_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(t) = crate::builtins::type_::as_type(v).cloned() {
        if t.same(&vm.types.none) {
            return Ok("None".into());
        }
        return Ok(match crate::builtins::type_::type_module(vm, &t) {
            Some(m) if m != "builtins" => format!("{m}.{}", t.qualname.get()),
            _ => t.qualname.get().to_string(),
        });
    }
    vm.repr_string(v)
}

/// Installs the slots of `typing.Union`.
pub fn init_type(t: &TypeObject) {
    t.slots.repr.set(Some(|vm, v| {
        let members = union_members(v).map(<[Value]>::to_vec).unwrap_or_default();
        let mut parts = Vec::with_capacity(members.len());
        for m in &members {
            parts.push(member_repr(vm, m)?);
        }
        vm.new_str(&parts.join(" | "))
    }));
    t.slots.number.set(Some(|vm, a, b, op| {
        if op == crate::types::slots::BinOp::Or {
            return union_or(vm, a, b);
        }
        Ok(vm.not_implemented())
    }));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        use crate::types::slots::CompareOp;
        let (Some(x), Some(y)) = (union_members(a), union_members(b)) else {
            return Ok(vm.not_implemented());
        };
        let equal = x.len() == y.len() && x.iter().all(|m| y.iter().any(|n| same_member(m, n)));
        match op {
            CompareOp::Eq => Ok(Value::from_bool(equal)),
            CompareOp::Ne => Ok(Value::from_bool(!equal)),
            _ => Ok(vm.not_implemented()),
        }
    }));
    t.slots.hash.set(Some(|vm, v| {
        let members = union_members(v).map(<[Value]>::to_vec).unwrap_or_default();
        let mut h: i64 = 0x345678;
        for m in &members {
            h ^= vm.hash(m)?;
        }
        Ok(if h == -1 { -2 } else { h })
    }));
}

/// The attributes of `typing.Union`.
pub const GETSETS: &[GetSetDef] = &[getter("__args__", |vm, v| {
    match v.as_object().and_then(|o| o.downcast::<Union>()) {
        Some(u) => Ok(Value::from_object(u.args.as_obj().clone())),
        None => Err(vm.type_error("expected a union".into())),
    }
})];
