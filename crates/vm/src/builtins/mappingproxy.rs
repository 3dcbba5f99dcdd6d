//! `mappingproxy`: the read-only view of a class's namespace that
//! `C.__dict__` returns. Reads go to the live type dict; writes raise
//! CPython's `TypeError`.

use crate::builtins::dict::Dict;
use crate::builtins::native::{MethodDef, method};
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::{TypeObject, TypeRef};
use crate::value::Value;

/// The payload of a `mappingproxy`.
pub struct MappingProxy {
    /// The class whose namespace is shown.
    pub class: TypeRef,
}

impl Vm {
    /// `cls.__dict__`.
    pub fn new_mappingproxy(&mut self, class: &TypeRef) -> PyResult<Value> {
        let p = self.alloc(
            &self.types.mappingproxy.clone(),
            MappingProxy {
                class: class.clone(),
            },
        )?;
        Ok(Value::from_object(p.into_obj()))
    }
}

fn proxied_class(vm: &mut Vm, v: &Value) -> PyResult<TypeRef> {
    match v.as_object().and_then(|o| o.downcast::<MappingProxy>()) {
        Some(p) => Ok(p.class.clone()),
        None => Err(vm.type_error("expected a mappingproxy".into())),
    }
}

/// A fresh dict holding the class's namespace, in order.
pub fn namespace_copy(vm: &mut Vm, class: &TypeObject) -> PyResult<Ref<Dict>> {
    let d = vm.new_dict_ref()?;
    let items: Vec<(Value, Value)> = class
        .dict
        .with(|t| t.iter().map(|e| (e.key.clone(), e.value.clone())).collect());
    for (k, v) in items {
        Dict::set_item(vm, &d, k, v)?;
    }
    Ok(d)
}

fn snapshot(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let class = proxied_class(vm, v)?;
    Ok(Value::from_object(namespace_copy(vm, &class)?.into_obj()))
}

fn lookup(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Option<Value>> {
    let class = proxied_class(vm, v)?;
    Ok(match vm.as_str(key) {
        Some(k) => class.dict.with(|d| d.get_str(k)),
        None => None,
    })
}

/// Installs `mappingproxy`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots
        .getitem
        .set(Some(|vm, v, key| match lookup(vm, v, key)? {
            Some(found) => Ok(found),
            None => Err(vm.key_error(key.clone())),
        }));
    t.slots
        .contains
        .set(Some(|vm, v, key| Ok(lookup(vm, v, key)?.is_some())));
    t.slots.len.set(Some(|vm, v| {
        let class = proxied_class(vm, v)?;
        Ok(class.dict.with(|d| d.iter().count()))
    }));
    t.slots.iter.set(Some(|vm, v| {
        let d = snapshot(vm, v)?;
        vm.iter(&d)
    }));
    t.slots.repr.set(Some(|vm, v| {
        let d = snapshot(vm, v)?;
        let inner = vm.repr_string(&d)?;
        vm.new_str(&format!("mappingproxy({inner})"))
    }));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        let d = snapshot(vm, a)?;
        vm.rich_compare(&d, b, op)
    }));
}

fn via_snapshot(vm: &mut Vm, v: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let d = snapshot(vm, v)?;
    let f = vm.get_attr_str(&d, name)?;
    vm.call(&f, args, None)
}

/// `mappingproxy`'s methods.
pub const METHODS: &[MethodDef] = &[
    method("keys", "(self, /)", |vm, args| {
        via_snapshot(vm, args.this(), "keys", &[])
    }),
    method("values", "(self, /)", |vm, args| {
        via_snapshot(vm, args.this(), "values", &[])
    }),
    method("items", "(self, /)", |vm, args| {
        via_snapshot(vm, args.this(), "items", &[])
    }),
    method("copy", "(self, /)", |vm, args| snapshot(vm, args.this())),
    method(
        "get",
        "(self, key, default=None, /)",
        |vm, args| match lookup(vm, args.this(), args.required(1))? {
            Some(v) => Ok(v),
            None => Ok(args.get(2).cloned().unwrap_or(Value::NONE)),
        },
    ),
];
