//! `object.__reduce_ex__`, `object.__reduce__` and `object.__getstate__`
//! (CPython's `reduce_newobj` and `object_getstate` in
//! `Objects/typeobject.c`): how `copy` and `pickle` take an instance apart —
//! a `copyreg.__newobj__` call recreating it from its class (and
//! `__getnewargs__`/`__getnewargs_ex__`), its state (its `__dict__` and
//! `__slots__` values), and the items of list and dict subclasses.
//! Protocols 0 and 1 go through `copyreg._reduce_ex`, as in CPython.

use crate::builtins::native::{Args, MethodDef, method};
use crate::builtins::str::Str;
use crate::builtins::tuple::Tuple;
use crate::error::PyResult;
use crate::runtime::Vm;
use crate::value::Value;

/// `object`'s reduction methods.
pub const METHODS: &[MethodDef] = &[
    method("__reduce_ex__", "(self, protocol, /)", |vm, args| {
        reduce_ex(vm, args)
    }),
    method("__reduce__", "(self, /)", |vm, args| {
        copyreg_reduce_ex(vm, args.this(), Value::from_i64(0))
    }),
    method("__getstate__", "(self, /)", |vm, args| {
        object_getstate(vm, args.this(), false)
    }),
];

fn reduce_ex(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let obj = args.this();
    let protocol = args.required(1).clone();
    // A class that overrides `__reduce__` is reduced by it.
    let name = Str::new("__reduce__");
    let own = vm.type_of(obj).lookup_str(&name);
    let base = vm.types.object.lookup_str(&name);
    if let (Some(own), Some(base)) = (own, base)
        && !crate::protocol::number::is_same(&own, &base)
    {
        let reduce = vm.get_attr_str(obj, "__reduce__")?;
        return vm.call(&reduce, &[], None);
    }
    let Some(p) = vm.index_value(&protocol)? else {
        let tn = vm.type_name(&protocol);
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    if p >= 2 {
        reduce_newobj(vm, obj)
    } else {
        copyreg_reduce_ex(vm, obj, protocol)
    }
}

fn copyreg_reduce_ex(vm: &mut Vm, obj: &Value, protocol: Value) -> PyResult<Value> {
    let copyreg = vm.import_module("copyreg")?;
    let f = vm.get_attr_str(&copyreg, "_reduce_ex")?;
    vm.call(&f, &[obj.clone(), protocol], None)
}

fn cannot_pickle(vm: &mut Vm, obj: &Value) -> crate::error::PyErr {
    let tn = vm.type_name(obj);
    vm.type_error(format!("cannot pickle '{tn}' object"))
}

/// Calls `obj.<name>()` when its class defines `name`.
fn call_special(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    match vm.lookup_special(obj, name) {
        Some(f) => vm.call(&f, &[], None).map(Some),
        None => Ok(None),
    }
}

fn tuple_items(v: &Value) -> Option<Vec<Value>> {
    v.as_object()
        .and_then(|o| o.downcast::<Tuple>())
        .map(|t| t.items().to_vec())
}

/// The reduction for protocols 2 and up (CPython's `reduce_newobj`).
fn reduce_newobj(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let cls = vm.type_of(obj).clone();
    if cls.slots.new.get().is_none() {
        return Err(cannot_pickle(vm, obj));
    }
    let mut args: Option<Vec<Value>> = None;
    let mut kwargs: Option<Value> = None;
    if let Some(pair) = call_special(vm, obj, "__getnewargs_ex__")? {
        let items = tuple_items(&pair).unwrap_or_default();
        let (Some(a), Some(k), 2) = (items.first(), items.get(1), items.len()) else {
            let tn = vm.type_name(&pair);
            return Err(vm.type_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not '{tn}'"
            )));
        };
        let Some(a_items) = tuple_items(a) else {
            let tn = vm.type_name(a);
            return Err(vm.type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{tn}'"
            )));
        };
        args = Some(a_items);
        if vm.len(k).unwrap_or(0) > 0 {
            kwargs = Some(k.clone());
        }
    } else if let Some(a) = call_special(vm, obj, "__getnewargs__")? {
        let Some(a_items) = tuple_items(&a) else {
            let tn = vm.type_name(&a);
            return Err(vm.type_error(format!("__getnewargs__ should return a tuple, not '{tn}'")));
        };
        args = Some(a_items);
    }
    let has_args = args.is_some();
    let args = args.unwrap_or_default();
    let copyreg = vm.import_module("copyreg")?;
    let class = Value::from_object(cls.as_obj().clone());
    let (newobj, newargs) = match kwargs {
        None => {
            let f = vm.get_attr_str(&copyreg, "__newobj__")?;
            let mut items = vec![class];
            items.extend(args);
            (f, vm.new_tuple(items)?)
        }
        Some(k) => {
            let f = vm.get_attr_str(&copyreg, "__newobj_ex__")?;
            let a = vm.new_tuple(args)?;
            (f, vm.new_tuple(vec![class, a, k])?)
        }
    };
    let is_list = vm.isinstance_type(obj, &vm.types.list.clone());
    let is_dict = vm.isinstance_type(obj, &vm.types.dict.clone());
    let required = !has_args && !is_list && !is_dict;
    let getstate = vm.get_attr_str(obj, "__getstate__")?;
    let state = if is_object_getstate(vm, &getstate) {
        object_getstate(vm, obj, required)?
    } else {
        vm.call(&getstate, &[], None)?
    };
    let list_items = if is_list { vm.iter(obj)? } else { Value::NONE };
    let dict_items = if is_dict {
        let items = vm.get_attr_str(obj, "items")?;
        let items = vm.call(&items, &[], None)?;
        vm.iter(&items)?
    } else {
        Value::NONE
    };
    vm.new_tuple(vec![newobj, newargs, state, list_items, dict_items])
}

/// Whether the bound `__getstate__` is `object.__getstate__`.
fn is_object_getstate(vm: &mut Vm, bound: &Value) -> bool {
    let Ok(func) = vm.get_attr_str(bound, "__func__") else {
        return false;
    };
    let name = Str::new("__getstate__");
    vm.types
        .object
        .lookup_str(&name)
        .is_some_and(|own| crate::protocol::number::is_same(&own, &func))
}

/// `object.__getstate__()`: the instance dict (`None` when empty), paired
/// with a dict of the set `__slots__` values when there are any. With
/// `required`, an instance whose state lives in a native payload cannot be
/// described and is refused.
fn object_getstate(vm: &mut Vm, obj: &Value, required: bool) -> PyResult<Value> {
    let builtin = crate::builtins::class_creation::builtin_ancestor(vm.type_of(obj));
    let plain = builtin.payload == std::any::TypeId::of::<crate::builtins::object::BareObject>();
    if required && !plain {
        return Err(cannot_pickle(vm, obj));
    }
    let mut state = match crate::builtins::object::materialized_dict(vm, obj)? {
        Some(d) if vm.len(&d)? > 0 => d,
        _ => Value::NONE,
    };
    let copyreg = vm.import_module("copyreg")?;
    let slotnames_fn = vm.get_attr_str(&copyreg, "_slotnames")?;
    let class = Value::from_object(vm.type_of(obj).as_obj().clone());
    let names = vm.call(&slotnames_fn, &[class], None)?;
    let names = vm.collect_iterable(&names)?;
    if !names.is_empty() {
        let slots = vm.new_dict_ref()?;
        for name in names {
            let Some(key) = vm.as_str(&name).cloned() else {
                continue;
            };
            if let Some(value) = vm.get_attr_opt(obj, &key)? {
                crate::builtins::dict::Dict::set_item(vm, &slots, name, value)?;
            }
        }
        if !slots.is_empty() {
            let slots = Value::from_object(slots.into_obj());
            state = vm.new_tuple(vec![state, slots])?;
        }
    }
    Ok(state)
}
