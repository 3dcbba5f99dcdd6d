//! `mappingproxy`: a read-only view of a mapping (CPython's
//! `types.MappingProxyType`): what `dict_keys.mapping` returns, and what
//! `C.__dict__` returns for a class's namespace (a type dict is a
//! `DictTable` inside the type object, not a dict object, so the proxy
//! keeps the class and reads its live namespace). Reads go to the source;
//! item assignment is refused by the absence of a `setitem` slot.

use crate::builtins::dict::Dict;
use crate::builtins::native::{Args, MethodDef, method};
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::slots::BinOp;
use crate::types::{TypeObject, TypeRef};
use crate::value::Value;

/// What a `mappingproxy` reads through.
pub enum ProxySource {
    /// Any mapping object.
    Mapping(Value),
    /// A class's namespace (`C.__dict__`).
    Class(TypeRef),
}

/// The payload of a `mappingproxy`.
pub struct MappingProxy {
    /// The mapping or class read through.
    pub source: ProxySource,
}

impl Vm {
    /// A read-only proxy of `mapping`.
    pub fn new_mappingproxy(&mut self, mapping: Value) -> PyResult<Value> {
        self.alloc_mappingproxy(ProxySource::Mapping(mapping))
    }

    /// `cls.__dict__`: a read-only proxy of the class's namespace.
    pub fn new_class_mappingproxy(&mut self, class: &TypeRef) -> PyResult<Value> {
        self.alloc_mappingproxy(ProxySource::Class(class.clone()))
    }

    fn alloc_mappingproxy(&mut self, source: ProxySource) -> PyResult<Value> {
        let p = self.alloc(&self.types.mappingproxy.clone(), MappingProxy { source })?;
        Ok(Value::from_object(p.into_obj()))
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

fn proxy_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Ref<MappingProxy>> {
    match v.as_object().and_then(|o| o.downcast::<MappingProxy>()) {
        Some(p) => Ok(p),
        None => Err(vm.type_error("descriptor requires a 'mappingproxy' object".into())),
    }
}

/// The mapping a proxy reads: the proxied mapping, or a fresh copy of the
/// class's namespace.
fn mapping_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match &proxy_of(vm, v)?.source {
        ProxySource::Mapping(m) => Ok(m.clone()),
        ProxySource::Class(class) => {
            let class = class.clone();
            Ok(Value::from_object(namespace_copy(vm, &class)?.into_obj()))
        }
    }
}

/// `key` in a class's namespace (type dicts are keyed by strings).
fn class_lookup(vm: &Vm, class: &TypeObject, key: &Value) -> Option<Value> {
    let key = vm.as_str(key)?;
    class.dict.with(|d| d.get_str(key))
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
        if let ProxySource::Class(class) = &proxy_of(vm, v)?.source {
            let class = class.clone();
            return match class_lookup(vm, &class, key) {
                Some(found) => Ok(found),
                None => Err(vm.key_error(key.clone())),
            };
        }
        let m = mapping_of(vm, v)?;
        vm.get_item(&m, key)
    }));
    t.slots.len.set(Some(|vm, v| {
        if let ProxySource::Class(class) = &proxy_of(vm, v)?.source {
            return Ok(class.dict.with(|d| d.iter().count()));
        }
        let m = mapping_of(vm, v)?;
        vm.len(&m)
    }));
    t.slots.contains.set(Some(|vm, v, key| {
        if let ProxySource::Class(class) = &proxy_of(vm, v)?.source {
            let class = class.clone();
            return Ok(class_lookup(vm, &class, key).is_some());
        }
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
            if v.as_object()
                .and_then(|o| o.downcast::<MappingProxy>())
                .is_none()
            {
                return Ok(v.clone());
            }
            let m = mapping_of(vm, v)?;
            let copy = vm.get_attr_str(&m, "copy")?;
            vm.call(&copy, &[], None)
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
        if let ProxySource::Class(class) = &proxy_of(vm, args.this())?.source {
            let class = class.clone();
            return Ok(class_lookup(vm, &class, args.required(1))
                .or_else(|| args.get(2).cloned())
                .unwrap_or(Value::NONE));
        }
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
