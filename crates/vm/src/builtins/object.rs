//! `object`: the root of the hierarchy, and the generic attribute protocol
//! (CPython's `_PyObject_GenericGetAttrWithDict`/`SetAttr`): data
//! descriptors on the class win over the instance's attributes, which win
//! over non-data descriptors and plain class attributes.

use crate::builtins::exceptions::{BaseException, ExcKind};
use crate::builtins::function::{Function, Module};
use crate::builtins::instance::{Instance, InstanceDict};
use crate::builtins::native::{MethodDef, method};
use crate::builtins::str::Str;
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::value::Value;

/// The payload of plain `object()` instances (no attributes).
pub struct BareObject;

/// The attribute storage of an object, if it has one.
pub fn instance_dict(v: &Value) -> Option<&InstanceDict> {
    let o = v.as_object()?;
    if let Some(i) = o.downcast::<Instance>() {
        return Some(&i.dict);
    }
    if let Some(e) = o.downcast::<BaseException>() {
        return Some(&e.dict);
    }
    if let Some(f) = o.downcast::<Function>() {
        return Some(&f.dict);
    }
    None
}

/// `object.__getattribute__`.
pub fn generic_getattr(vm: &mut Vm, obj: &Value, name: &Ref<Str>) -> PyResult<Value> {
    match generic_getattr_opt(vm, obj, name)? {
        Some(v) => Ok(v),
        None => Err(no_attribute(vm, obj, name)),
    }
}

/// The `AttributeError` for a missing attribute, as CPython words it.
pub fn no_attribute(vm: &mut Vm, obj: &Value, name: &Str) -> crate::error::PyErr {
    let tn = vm.type_name(obj);
    let message = if let Some(m) = obj.as_object().and_then(|o| o.downcast::<Module>()) {
        let modname = m
            .dict
            .table
            .with(|t| t.get_str(&Str::new("__name__")))
            .and_then(|v| vm.as_str(&v).map(|s| s.as_lossy().into_owned()))
            .unwrap_or_else(|| "?".into());
        format!("module '{modname}' has no attribute '{}'", name.as_lossy())
    } else {
        format!("'{tn}' object has no attribute '{}'", name.as_lossy())
    };
    vm.attribute_error(&message)
}

/// The generic lookup; `None` when the attribute does not exist (no
/// `AttributeError` object is made on that path).
pub fn generic_getattr_opt(vm: &mut Vm, obj: &Value, name: &Ref<Str>) -> PyResult<Option<Value>> {
    let class = vm.type_of(obj).clone();
    let descr = class.lookup_str(name);
    if let Some(d) = &descr {
        let dt = vm.type_of(d);
        if let (Some(get), Some(_)) = (dt.slots.descr_get.get(), dt.slots.descr_set.get()) {
            return get(vm, d, Some(obj), &class).map(Some);
        }
    }
    if let Some(dict) = instance_dict(obj)
        && let Some(v) = dict.get(name)
    {
        return Ok(Some(v));
    }
    if let Some(e) = obj.as_object().and_then(|o| o.downcast::<BaseException>()) {
        let e = e.clone();
        if let Some(r) = crate::builtins::exceptions::exception_attribute(vm, &e, &name.as_lossy())
        {
            return r.map(Some);
        }
    }
    if let Some(m) = obj.as_object().and_then(|o| o.downcast::<Module>())
        && let Some(v) = m.dict.table.with(|t| t.get_str(name))
    {
        return Ok(Some(v));
    }
    if let Some(v) = crate::builtins::introspection::special_attribute(vm, obj, name)? {
        return Ok(Some(v));
    }
    if let Some(d) = descr {
        if let Some(get) = vm.type_of(&d).slots.descr_get.get() {
            return get(vm, &d, Some(obj), &class).map(Some);
        }
        return Ok(Some(d));
    }
    Ok(None)
}

/// `object.__setattr__` (`None` deletes).
pub fn generic_setattr(
    vm: &mut Vm,
    obj: &Value,
    name: &Ref<Str>,
    value: Option<Value>,
) -> PyResult<()> {
    let class = vm.type_of(obj).clone();
    if let Some(d) = class.lookup_str(name)
        && let Some(set) = vm.type_of(&d).slots.descr_set.get()
    {
        return set(vm, &d, obj, value);
    }
    if let Some(e) = obj.as_object().and_then(|o| o.downcast::<BaseException>()) {
        let e = e.clone();
        if let Some(v) = &value
            && let Some(r) = crate::builtins::exceptions::set_exception_attribute(
                vm,
                &e,
                &name.as_lossy(),
                v.clone(),
            )
        {
            return r;
        }
    }
    if let Some(m) = obj.as_object().and_then(|o| o.downcast::<Module>()) {
        let m = m.clone();
        match value {
            Some(v) => {
                let old = m.dict.table.with(|t| t.insert_str(name.clone(), v));
                drop(old);
            }
            None => {
                if m.dict.table.with(|t| t.remove_str(name)).is_none() {
                    return Err(no_attribute(vm, obj, name));
                }
            }
        }
        return Ok(());
    }
    if let Some(f) = obj.as_object().and_then(|o| o.downcast::<Function>())
        && let Some(v) = &value
    {
        let handled = match &*name.as_lossy() {
            "__name__" => {
                f.name.with(|n| *n = v.clone());
                true
            }
            "__qualname__" => {
                f.qualname.with(|n| *n = v.clone());
                true
            }
            "__doc__" => {
                f.doc.with(|n| *n = v.clone());
                true
            }
            "__module__" => {
                f.module.with(|n| *n = v.clone());
                true
            }
            _ => false,
        };
        if handled {
            return Ok(());
        }
    }
    let Some(dict) = instance_dict(obj) else {
        let tn = vm.type_name(obj);
        let has_attr = class.lookup_str(name).is_some();
        let message = if has_attr {
            format!("'{tn}' object attribute '{}' is read-only", name.as_lossy())
        } else {
            format!(
                "'{tn}' object has no attribute '{}' and no __dict__ for setting new attributes",
                name.as_lossy()
            )
        };
        return Err(vm.attribute_error(&message));
    };
    match value {
        Some(v) => {
            let old = dict.set(&class.keys, name, v);
            drop(old);
            Ok(())
        }
        None => match dict.delete(name) {
            Some(old) => {
                drop(old);
                Ok(())
            }
            None => Err(no_attribute(vm, obj, name)),
        },
    }
}

/// `object.__repr__`: `<module.Class object at 0x...>`.
pub fn object_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let class = vm.type_of(v).clone();
    let module = crate::builtins::type_::type_module(vm, &class);
    let qualname = class.qualname.get();
    let address = v.as_object().map_or(0, |o| o.address());
    let text = match module.as_deref() {
        Some(m) if m != "builtins" => format!("<{m}.{qualname} object at {address:#x}>"),
        _ => format!("<{qualname} object at {address:#x}>"),
    };
    vm.new_str(&text)
}

fn object_new(
    vm: &mut Vm,
    cls: &crate::types::TypeRef,
    args: &[Value],
    _kw: Option<&Ref<crate::builtins::tuple::Tuple>>,
) -> PyResult<Value> {
    if !args.is_empty() {
        let init_overridden = cls.lookup("__init__").is_some_and(|i| {
            i.as_object()
                .is_some_and(|o| o.downcast::<Function>().is_some())
        });
        let new_overridden = cls.lookup("__new__").is_some_and(|i| !is_builtin_new(&i));
        if new_overridden {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)".into(),
            ));
        }
        if !init_overridden {
            return Err(vm.type_error(format!("{}() takes no arguments", cls.name)));
        }
    }
    crate::builtins::type_::alloc_instance(vm, cls)
}

fn is_builtin_new(v: &Value) -> bool {
    v.as_object().is_some_and(|o| {
        o.downcast::<crate::builtins::native::BuiltinFunction>()
            .is_some()
            || o.downcast::<crate::builtins::native::MethodDescriptor>()
                .is_some()
    })
}

/// Installs `object`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.getattro.set(Some(generic_getattr));
    t.slots.setattro.set(Some(generic_setattr));
    t.slots.repr.set(Some(object_repr));
    t.slots.str.set(Some(|vm, v| {
        let repr = vm.type_of(v).slots.repr.get().unwrap_or(object_repr);
        repr(vm, v)
    }));
    t.slots.hash.set(Some(|_vm, v| {
        Ok(crate::hash::hash_pointer(
            v.as_object().map_or(0, |o| o.address()),
        ))
    }));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        use crate::types::slots::CompareOp;
        let same = crate::protocol::number::is_same(a, b);
        match op {
            CompareOp::Eq => Ok(if same {
                Value::from_bool(true)
            } else {
                vm.not_implemented()
            }),
            CompareOp::Ne => {
                // `__ne__` inverts `__eq__` unless that is NotImplemented.
                let eq = vm.type_of(a).slots.richcompare.get();
                match eq {
                    Some(f) if f as usize != object_richcompare_addr() => {
                        let r = f(vm, a, b, CompareOp::Eq)?;
                        if vm.is_not_implemented(&r) {
                            Ok(r)
                        } else {
                            Ok(Value::from_bool(!vm.is_true(&r)?))
                        }
                    }
                    _ => Ok(if same {
                        Value::from_bool(false)
                    } else {
                        vm.not_implemented()
                    }),
                }
            }
            _ => Ok(vm.not_implemented()),
        }
    }));
    t.slots.new.set(Some(object_new));
    t.slots.init.set(Some(|vm, this, args, _kw| {
        if !args.is_empty() {
            let cls = vm.type_of(this).clone();
            if !cls.has_flag(crate::types::flags::HEAPTYPE)
                && cls
                    .slots
                    .new
                    .get()
                    .is_some_and(|n| n as *const () != object_new as *const ())
            {
                return Ok(());
            }
            let init_overridden = cls.lookup("__init__").is_some_and(|i| {
                i.as_object()
                    .is_some_and(|o| o.downcast::<Function>().is_some())
            });
            let new_overridden = cls.lookup("__new__").is_some_and(|i| !is_builtin_new(&i));
            if init_overridden {
                return Err(vm.type_error(
                    "object.__init__() takes exactly one argument (the instance to initialize)"
                        .into(),
                ));
            }
            if !new_overridden {
                return Err(vm.type_error(format!("{}() takes no arguments", cls.name)));
            }
        }
        Ok(())
    }));
}

fn object_richcompare_addr() -> usize {
    0
}

/// `object`'s methods (what `super().__init__()` and friends reach).
pub const METHODS: &[MethodDef] = &[
    method("__init__", "(self, *args, **kwargs)", |_vm, _args| {
        Ok(Value::NONE)
    }),
    method("__setattr__", "(self, name, value, /)", |vm, args| {
        let Some(name) = vm.as_str(args.required(1)).cloned() else {
            return Err(vm.type_error("attribute name must be string".into()));
        };
        generic_setattr(vm, args.this(), &name, Some(args.required(2).clone()))?;
        Ok(Value::NONE)
    }),
    method("__getattribute__", "(self, name, /)", |vm, args| {
        let Some(name) = vm.as_str(args.required(1)).cloned() else {
            return Err(vm.type_error("attribute name must be string".into()));
        };
        generic_getattr(vm, args.this(), &name)
    }),
    method("__repr__", "(self, /)", |vm, args| {
        object_repr(vm, args.this())
    }),
    method("__eq__", "(self, value, /)", |vm, args| {
        let same = match (args.this().as_object(), args.required(1).as_object()) {
            (Some(x), Some(y)) => x.is(y),
            _ => false,
        };
        Ok(if same {
            Value::from_bool(true)
        } else {
            vm.not_implemented()
        })
    }),
    method("__hash__", "(self, /)", |_vm, args| {
        Ok(Value::from_i64(crate::hash::hash_pointer(
            args.this().as_object().map_or(0, |o| o.address()),
        )))
    }),
    method("__str__", "(self, /)", |vm, args| {
        let repr = vm
            .type_of(args.this())
            .slots
            .repr
            .get()
            .unwrap_or(object_repr);
        repr(vm, args.this())
    }),
];

#[allow(dead_code)]
fn unused(_: ExcKind) {}
