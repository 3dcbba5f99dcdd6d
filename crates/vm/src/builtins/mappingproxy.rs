//! `mappingproxy`: a read-only view of a mapping (what `dict_keys.mapping`
//! returns, CPython's `types.MappingProxyType`). Reads go to the mapping;
//! item assignment is refused by the absence of a `setitem` slot.

use crate::builtins::native::{Args, MethodDef, method};
use crate::error::PyResult;
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::types::slots::BinOp;
use crate::value::Value;

/// The payload of a `mappingproxy`.
pub struct MappingProxy {
    /// The mapping read through.
    pub mapping: Value,
}

impl Vm {
    /// A read-only proxy of `mapping`.
    pub fn new_mappingproxy(&mut self, mapping: Value) -> PyResult<Value> {
        let p = self.alloc(&self.types.mappingproxy.clone(), MappingProxy { mapping })?;
        Ok(Value::from_object(p.into_obj()))
    }
}

fn mapping_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.as_object().and_then(|o| o.downcast::<MappingProxy>()) {
        Some(p) => Ok(p.mapping.clone()),
        None => Err(vm.type_error("descriptor requires a 'mappingproxy' object".into())),
    }
}

/// Installs `mappingproxy`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.repr.set(Some(|vm, v| {
        let m = mapping_of(vm, v)?;
        let r = vm.repr_string(&m)?;
        vm.new_str(&format!("mappingproxy({r})"))
    }));
    t.slots.str.set(Some(|vm, v| {
        let m = mapping_of(vm, v)?;
        vm.str(&m)
    }));
    t.slots.getitem.set(Some(|vm, v, key| {
        let m = mapping_of(vm, v)?;
        vm.get_item(&m, key)
    }));
    t.slots.len.set(Some(|vm, v| {
        let m = mapping_of(vm, v)?;
        vm.len(&m)
    }));
    t.slots.contains.set(Some(|vm, v, key| {
        let m = mapping_of(vm, v)?;
        vm.contains(&m, key)
    }));
    t.slots.iter.set(Some(|vm, v| {
        let m = mapping_of(vm, v)?;
        vm.iter(&m)
    }));
    t.slots.hash.set(Some(|vm, v| {
        let m = mapping_of(vm, v)?;
        vm.hash(&m)
    }));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        let m = mapping_of(vm, a)?;
        vm.rich_compare(&m, b, op)
    }));
    t.slots.number.set(Some(|vm, a, b, op| {
        if op != BinOp::Or {
            return Ok(vm.not_implemented());
        }
        let unwrap = |vm: &mut Vm, v: &Value| -> PyResult<Value> {
            match v.as_object().and_then(|o| o.downcast::<MappingProxy>()) {
                Some(p) => {
                    let m = p.mapping.clone();
                    let copy = vm.get_attr_str(&m, "copy")?;
                    vm.call(&copy, &[], None)
                }
                None => Ok(v.clone()),
            }
        };
        let (x, y) = (unwrap(vm, a)?, unwrap(vm, b)?);
        vm.binary_op(&x, &y, BinOp::Or)
    }));
    t.slots.new.set(Some(|vm, _cls, args, kwnames| {
        let a = Args::parse(vm, "mappingproxy", &["mapping"], 1, args, kwnames)?;
        let m = a.required(0).clone();
        let is_sequence = crate::builtins::tuple::seq_items(&m).is_some();
        if is_sequence || vm.type_of(&m).slots.getitem.get().is_none() {
            let tn = vm.type_name(&m);
            return Err(vm.type_error(format!(
                "mappingproxy() argument must be a mapping, not {tn}"
            )));
        }
        vm.new_mappingproxy(m)
    }));
}

/// Calls `name()` on the proxied mapping with the remaining arguments.
fn forward(vm: &mut Vm, args: &Args, name: &str, extra: &[Value]) -> PyResult<Value> {
    let m = mapping_of(vm, args.this())?;
    let f = vm.get_attr_str(&m, name)?;
    vm.call(&f, extra, None)
}

/// `mappingproxy`'s methods.
pub const METHODS: &[MethodDef] = &[
    method("get", "(self, key, default=None, /)", |vm, args| {
        let mut extra = vec![args.required(1).clone()];
        if let Some(d) = args.get(2) {
            extra.push(d.clone());
        }
        forward(vm, args, "get", &extra)
    }),
    method("keys", "(self, /)", |vm, args| {
        forward(vm, args, "keys", &[])
    }),
    method("values", "(self, /)", |vm, args| {
        forward(vm, args, "values", &[])
    }),
    method("items", "(self, /)", |vm, args| {
        forward(vm, args, "items", &[])
    }),
    method("copy", "(self, /)", |vm, args| {
        forward(vm, args, "copy", &[])
    }),
    method("__reversed__", "(self, /)", |vm, args| {
        let m = mapping_of(vm, args.this())?;
        let reversed = vm
            .builtins
            .table
            .with(|t| t.get_str(&crate::builtins::str::Str::new("reversed")));
        match reversed {
            Some(f) => vm.call(&f, &[m], None),
            None => Err(vm.type_error("'mappingproxy' object is not reversible".into())),
        }
    }),
];
