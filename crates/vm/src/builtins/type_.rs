//! `type`: calling a class (`type.__call__`), attribute access on classes
//! (`type.__getattribute__`/`__setattr__`), the attributes every class has
//! (`__name__`, `__qualname__`, `__module__`, `__doc__`, `__dict__`,
//! `__mro__`, `__annotations__`, ...) as getset descriptors of `type`, the
//! methods of `type`, `__new__` of builtin types, and `dir()`.
//! Class creation lives in `class_creation.rs`, the slots of user classes
//! in `user_slots.rs`.

use crate::builtins::class_creation::type_new;
use crate::builtins::descriptors::{GetSetDef, getset, getter, readonly};
use crate::builtins::dict::Dict;
use crate::builtins::exceptions::ExcKind;
use crate::builtins::native::{MethodDef, classmethod, method};
use crate::builtins::str::Str;
use crate::builtins::tuple::Tuple;
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::{TypeObject, TypeRef, flags};
use crate::value::Value;

/// A class's `__module__`, if it has one.
pub fn type_module(vm: &mut Vm, class: &TypeRef) -> Option<String> {
    let m = class.dict.with(|d| d.get_str(&Str::new("__module__")));
    if !class.has_flag(flags::HEAPTYPE) {
        if let Some(module) = class.builtin_module.get() {
            return Some(module.into());
        }
        // Builtin types of native modules name their module in their dict.
        let named = m.as_ref().and_then(|m| vm.as_str(m));
        return Some(named.map_or_else(|| "builtins".into(), |s| s.as_lossy().into_owned()));
    }
    vm.as_str(&m?).map(|s| s.as_lossy().into_owned())
}

/// The class, if the value is one.
pub fn as_type(v: &Value) -> Option<&TypeRef> {
    v.as_object()?.downcast::<TypeObject>()
}

fn class_of(vm: &mut Vm, v: &Value) -> PyResult<TypeRef> {
    match as_type(v) {
        Some(t) => Ok(t.clone()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor requires a 'type' object but received a '{tn}'"
            )))
        }
    }
}

/// `type.__call__`: `__new__`, then `__init__` if the result is an instance.
pub fn type_call(
    vm: &mut Vm,
    callable: &Value,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let cls = class_of(vm, callable)?;
    if cls.same(&vm.types.type_) {
        let nkw = kwnames.map_or(0, |k| k.items().len());
        let npos = args.len() - nkw;
        if npos == 1 && nkw == 0 {
            return Ok(Value::from_object(vm.type_of(&args[0]).as_obj().clone()));
        }
        if npos != 3 {
            return Err(vm.type_error("type() takes 1 or 3 arguments".into()));
        }
    }
    let Some(new) = cls.slots.new.get() else {
        return Err(vm.type_error(format!("cannot create '{}' instances", cls.name)));
    };
    // `ValueError(x)`: `__new__` and `__init__` together only store the
    // arguments as `args` (see `is_plain_exception_class`).
    if kwnames.is_none_or(|k| k.items().is_empty())
        && crate::builtins::exceptions::is_plain_exception_class(vm, &cls)
    {
        return crate::builtins::exceptions::new_with_args(vm, &cls, args.to_vec());
    }
    let obj = new(vm, &cls, args, kwnames)?;
    if !vm.type_of(&obj).is_subtype(&cls) {
        return Ok(obj);
    }
    if let Some(init) = vm.type_of(&obj).slots.init.get() {
        init(vm, &obj, args, kwnames)?;
    }
    Ok(obj)
}

/// `type.__init__`: checks the argument count (the work is in `__new__`).
pub fn type_init(
    vm: &mut Vm,
    _this: &Value,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<()> {
    let nkw = kwnames.map_or(0, |k| k.items().len());
    let npos = args.len() - nkw;
    if npos == 1 && nkw > 0 {
        return Err(vm.type_error("type.__init__() takes no keyword arguments".into()));
    }
    if npos != 1 && npos != 3 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments".into()));
    }
    Ok(())
}

/// `type.__getattribute__` (CPython's `_Py_type_getattro`): data
/// descriptors of the metaclass, then the class's MRO (through `__get__`
/// with no instance), then other attributes of the metaclass.
pub fn type_getattr(vm: &mut Vm, obj: &Value, name: &Ref<Str>) -> PyResult<Value> {
    match type_getattr_opt(vm, obj, name)? {
        Some(v) => Ok(v),
        None => Err(crate::builtins::object::no_attribute(vm, obj, name)),
    }
}

fn type_getattr_opt(vm: &mut Vm, obj: &Value, name: &Ref<Str>) -> PyResult<Option<Value>> {
    let Some(cls) = as_type(obj).cloned() else {
        return crate::builtins::object::generic_getattr_opt(vm, obj, name);
    };
    let meta = vm.type_of(obj).clone();
    let meta_attr = meta.lookup_str(name);
    let mut meta_get = None;
    if let Some(d) = &meta_attr {
        let dt = vm.type_of(d);
        meta_get = dt.slots.descr_get.get();
        if let (Some(get), Some(_)) = (meta_get, dt.slots.descr_set.get()) {
            return get(vm, d, Some(obj), &meta).map(Some);
        }
    }
    if let Some(attr) = cls.lookup_str(name) {
        if let Some(get) = vm.type_of(&attr).slots.descr_get.get() {
            return get(vm, &attr, None, &cls).map(Some);
        }
        return Ok(Some(attr));
    }
    match (meta_attr, meta_get) {
        (Some(d), Some(get)) => get(vm, &d, Some(obj), &meta).map(Some),
        (Some(d), None) => Ok(Some(d)),
        (None, _) => Ok(None),
    }
}

/// `type.__setattr__`: only classes created by `class` statements.
pub fn type_setattr(
    vm: &mut Vm,
    obj: &Value,
    name: &Ref<Str>,
    value: Option<Value>,
) -> PyResult<()> {
    let Some(cls) = as_type(obj).cloned() else {
        return crate::builtins::object::generic_setattr(vm, obj, name, value);
    };
    if !cls.has_flag(flags::HEAPTYPE) {
        return Err(vm.type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            name.as_lossy(),
            cls.name
        )));
    }
    let meta = vm.type_of(obj).clone();
    if let Some(d) = meta.lookup_str(name)
        && let Some(set) = vm.type_of(&d).slots.descr_set.get()
    {
        return set(vm, &d, obj, value);
    }
    let old = match value {
        Some(v) => cls.dict.with(|d| d.insert_str(name.clone(), v)),
        None => match cls.dict.with(|d| d.remove_str(name)) {
            Some(old) => Some(old),
            None => return Err(crate::builtins::object::no_attribute(vm, obj, name)),
        },
    };
    cls.bump_version();
    let text = name.as_lossy();
    if text.starts_with("__") && text.ends_with("__") {
        crate::builtins::user_slots::fixup_slots(&cls);
    }
    drop(old);
    Ok(())
}

fn type_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let cls = class_of(vm, v)?;
    let text = match type_module(vm, &cls) {
        Some(m) if m != "builtins" => format!("<class '{m}.{}'>", cls.qualname.get()),
        _ => format!("<class '{}'>", cls.qualname.get()),
    };
    vm.new_str(&text)
}

/// Installs `type`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.call.set(Some(type_call));
    t.slots.new.set(Some(type_new));
    t.slots.init.set(Some(type_init));
    t.slots.getattro.set(Some(type_getattr));
    t.slots.setattro.set(Some(type_setattr));
    t.slots.repr.set(Some(type_repr));
    t.slots.number.set(Some(|vm, a, b, op| {
        if op == crate::types::slots::BinOp::Or {
            return crate::builtins::union::union_or(vm, a, b);
        }
        Ok(vm.not_implemented())
    }));
}

fn heap_only(vm: &mut Vm, cls: &TypeRef, what: &str) -> PyResult<()> {
    if cls.has_flag(flags::HEAPTYPE) {
        Ok(())
    } else {
        Err(vm.type_error(format!(
            "cannot set '{what}' attribute of immutable type '{}'",
            cls.name
        )))
    }
}

fn string_for(vm: &mut Vm, cls: &TypeRef, value: Option<Value>, what: &str) -> PyResult<String> {
    let Some(v) = value else {
        return Err(vm.type_error(format!(
            "cannot delete '{what}' attribute of immutable type '{}'",
            cls.name
        )));
    };
    match vm.as_str(&v) {
        Some(s) => Ok(s.as_lossy().into_owned()),
        None => {
            let tn = vm.type_name(&v);
            Err(vm.type_error(format!(
                "can only assign string to {}.{what}, not '{tn}'",
                cls.name
            )))
        }
    }
}

fn classes_tuple(vm: &mut Vm, classes: Vec<TypeRef>) -> PyResult<Value> {
    let items = classes
        .into_iter()
        .map(|c| Value::from_object(c.into_obj()))
        .collect();
    vm.new_tuple(items)
}

/// Reads `name` from a heap class's own dict, through `__get__`.
fn own_dict_entry(vm: &mut Vm, cls: &TypeRef, name: &str) -> PyResult<Option<Value>> {
    let Some(v) = cls.dict.with(|d| d.get_str(&Str::new(name))) else {
        return Ok(None);
    };
    let cls_value = Value::from_object(cls.as_obj().clone());
    match vm.type_of(&v).slots.descr_get.get() {
        Some(get) => get(vm, &v, Some(&cls_value), cls).map(Some),
        None => Ok(Some(v)),
    }
}

fn set_own_dict_entry(
    vm: &mut Vm,
    cls: &TypeRef,
    name: &str,
    value: Option<Value>,
) -> PyResult<()> {
    let key = vm.intern(name)?;
    let old = match value {
        Some(v) => cls.dict.with(|d| d.insert_str(key, v)),
        None => cls.dict.with(|d| d.remove_str(&key)),
    };
    cls.bump_version();
    drop(old);
    Ok(())
}

/// The attributes of every class: getset descriptors in `type`'s dict.
pub const GETSETS: &[GetSetDef] = &[
    getset(
        "__name__",
        |vm, v| {
            let cls = class_of(vm, v)?;
            vm.new_str(&cls.name)
        },
        |vm, v, value| {
            let cls = class_of(vm, v)?;
            heap_only(vm, &cls, "__name__")?;
            let text = string_for(vm, &cls, value, "__name__")?;
            if text.contains('\0') {
                return Err(vm.value_error("type name must not contain null characters"));
            }
            cls.name.set(&text);
            Ok(())
        },
    ),
    getset(
        "__qualname__",
        |vm, v| {
            let cls = class_of(vm, v)?;
            vm.new_str(&cls.qualname.get())
        },
        |vm, v, value| {
            let cls = class_of(vm, v)?;
            heap_only(vm, &cls, "__qualname__")?;
            let text = string_for(vm, &cls, value, "__qualname__")?;
            cls.qualname.with(|q| *q = text.into());
            Ok(())
        },
    ),
    getset(
        "__module__",
        |vm, v| {
            let cls = class_of(vm, v)?;
            if !cls.has_flag(flags::HEAPTYPE) {
                let module = type_module(vm, &cls).unwrap_or_else(|| "builtins".into());
                return vm.new_str(&module);
            }
            match cls.dict.with(|d| d.get_str(&Str::new("__module__"))) {
                Some(m) => Ok(m),
                None => Err(vm.attribute_error("__module__")),
            }
        },
        |vm, v, value| {
            let cls = class_of(vm, v)?;
            heap_only(vm, &cls, "__module__")?;
            set_own_dict_entry(vm, &cls, "__module__", value)
        },
    ),
    getset(
        "__doc__",
        |vm, v| {
            let cls = class_of(vm, v)?;
            if !cls.has_flag(flags::HEAPTYPE) {
                return Ok(match cls.dict.with(|d| d.get_str(&Str::new("__doc__"))) {
                    Some(d) => d,
                    None => Value::NONE,
                });
            }
            Ok(own_dict_entry(vm, &cls, "__doc__")?.unwrap_or(Value::NONE))
        },
        |vm, v, value| {
            let cls = class_of(vm, v)?;
            heap_only(vm, &cls, "__doc__")?;
            set_own_dict_entry(vm, &cls, "__doc__", value)
        },
    ),
    readonly("__mro__", |vm, v| {
        let cls = class_of(vm, v)?;
        classes_tuple(vm, cls.mro.get())
    }),
    getter("__bases__", |vm, v| {
        let cls = class_of(vm, v)?;
        classes_tuple(vm, cls.bases.get())
    }),
    readonly("__base__", |vm, v| {
        let cls = class_of(vm, v)?;
        Ok(match cls.base.get() {
            Some(b) => Value::from_object(b.into_obj()),
            None => Value::NONE,
        })
    }),
    getter("__dict__", |vm, v| {
        let cls = class_of(vm, v)?;
        vm.new_class_mappingproxy(&cls)
    }),
    readonly("__basicsize__", |vm, v| {
        let _ = class_of(vm, v)?;
        Ok(Value::from_i64(16))
    }),
    readonly("__flags__", |vm, v| {
        let cls = class_of(vm, v)?;
        Ok(Value::from_i64(i64::from(cls.flags.get())))
    }),
    getset(
        "__annotations__",
        crate::builtins::annotations::class_annotations,
        crate::builtins::annotations::set_class_annotations,
    ),
    getset(
        "__annotate__",
        crate::builtins::annotations::class_annotate,
        crate::builtins::annotations::set_class_annotate,
    ),
    getset(
        "__type_params__",
        |vm, v| {
            let cls = class_of(vm, v)?;
            match cls.dict.with(|d| d.get_str(&Str::new("__type_params__"))) {
                Some(p) => Ok(p),
                None => Ok(Value::from_object(vm.empty_tuple.as_obj().clone())),
            }
        },
        |vm, v, value| {
            let cls = class_of(vm, v)?;
            heap_only(vm, &cls, "__type_params__")?;
            set_own_dict_entry(vm, &cls, "__type_params__", value)
        },
    ),
    getset(
        "__abstractmethods__",
        |vm, v| {
            let cls = class_of(vm, v)?;
            if cls.same(&vm.types.type_) {
                return Err(vm.attribute_error("__abstractmethods__"));
            }
            match cls
                .dict
                .with(|d| d.get_str(&Str::new("__abstractmethods__")))
            {
                Some(m) => Ok(m),
                None => Err(vm.attribute_error("__abstractmethods__")),
            }
        },
        |vm, v, value| {
            let cls = class_of(vm, v)?;
            let abstract_ = match &value {
                Some(v) => vm.is_true(v)?,
                None => false,
            };
            set_own_dict_entry(vm, &cls, "__abstractmethods__", value)?;
            let f = cls.flags.get();
            cls.flags.set(if abstract_ {
                f | flags::ABSTRACT
            } else {
                f & !flags::ABSTRACT
            });
            Ok(())
        },
    ),
];

/// The methods of `type`.
pub const METHODS: &[MethodDef] = &[
    method("mro", "(self, /)", |vm, args| {
        let cls = class_of(vm, args.this())?;
        let bases = cls.bases.get();
        let tail = match crate::types::mro::c3_merge(&bases) {
            Ok(m) => m,
            Err(message) => return Err(vm.type_error(message)),
        };
        let mut items = vec![Value::from_object(cls.as_obj().clone())];
        items.extend(tail.into_iter().map(|c| Value::from_object(c.into_obj())));
        vm.new_list(items)
    }),
    method("__init__", "(self, /, *args, **kwargs)", |vm, args| {
        let (positional, kwnames) = flatten_call(vm, args)?;
        type_init(vm, args.this(), &positional, kwnames.as_ref())?;
        Ok(Value::NONE)
    }),
    method("__call__", "(self, /, *args, **kwargs)", |vm, args| {
        let (positional, kwnames) = flatten_call(vm, args)?;
        type_call(vm, args.this(), &positional, kwnames.as_ref())
    }),
    method("__subclasses__", "(self, /)", |vm, args| {
        let cls = class_of(vm, args.this())?;
        let addresses = cls.subclasses.with(|list| list.clone());
        let mut items = Vec::with_capacity(addresses.len());
        for address in addresses {
            if let Some(pointer) =
                std::ptr::NonNull::new(address as *mut crate::object::ObjectHeader)
            {
                // SAFETY: a class leaves its bases' lists when it is freed,
                // so every address listed is a live class.
                items.push(Value::from_object(unsafe {
                    crate::object::ObjRef::new_from_raw(pointer)
                }));
            }
        }
        vm.new_list(items)
    }),
    method("__getattribute__", "(self, name, /)", |vm, args| {
        let name = crate::builtins::object::name_arg(vm, args.required(1))?;
        type_getattr(vm, args.this(), &name)
    }),
    method("__setattr__", "(self, name, value, /)", |vm, args| {
        let name = crate::builtins::object::name_arg(vm, args.required(1))?;
        type_setattr(vm, args.this(), &name, Some(args.required(2).clone()))?;
        Ok(Value::NONE)
    }),
    method("__delattr__", "(self, name, /)", |vm, args| {
        let name = crate::builtins::object::name_arg(vm, args.required(1))?;
        type_setattr(vm, args.this(), &name, None)?;
        Ok(Value::NONE)
    }),
    classmethod("__prepare__", "(cls, /, *args, **kwargs)", |vm, _args| {
        vm.new_dict()
    }),
    method("__instancecheck__", "(self, instance, /)", |vm, args| {
        let cls = class_of(vm, args.this())?;
        Ok(Value::from_bool(
            vm.type_of(args.required(1)).is_subtype(&cls),
        ))
    }),
    method("__subclasscheck__", "(self, subclass, /)", |vm, args| {
        let cls = class_of(vm, args.this())?;
        let sub = class_of(vm, args.required(1))?;
        Ok(Value::from_bool(sub.is_subtype(&cls)))
    }),
    method("__dir__", "(self, /)", |vm, args| {
        let cls = class_of(vm, args.this())?;
        let names = class_attribute_names(vm, &cls)?;
        vm.new_list(names)
    }),
    method("__sizeof__", "(self, /)", |_vm, _args| {
        Ok(Value::from_i64(928))
    }),
    method("__or__", "(self, value, /)", |vm, args| {
        crate::builtins::union::union_or(vm, args.this(), args.required(1))
    }),
    method("__ror__", "(self, value, /)", |vm, args| {
        crate::builtins::union::union_or(vm, args.required(1), args.this())
    }),
];

/// A native call's `*args`/`**kwargs` as vectorcall arguments again.
pub fn flatten_call(
    vm: &mut Vm,
    args: &crate::builtins::native::Args,
) -> PyResult<(Vec<Value>, Option<Ref<Tuple>>)> {
    let mut positional = args.varargs().to_vec();
    let mut names = Vec::new();
    if let Some(d) = args
        .kwargs()
        .and_then(|k| k.as_object())
        .and_then(|o| o.downcast::<Dict>())
    {
        for (k, v) in d.items() {
            names.push(k);
            positional.push(v);
        }
    }
    let kwnames = if names.is_empty() {
        None
    } else {
        Some(vm.new_tuple_ref(names)?)
    };
    Ok((positional, kwnames))
}

/// `__new__` of a builtin type (CPython's `tp_new_wrapper`), bound to the
/// type: `T.__new__(cls, *args, **kwargs)` checks `cls` and runs `T`'s
/// `tp_new` for it.
pub static TP_NEW_WRAPPER: MethodDef =
    method("__new__", "(self, /, *args, **kwargs)", |vm, args| {
        let owner = class_of(vm, args.this())?;
        let Some(first) = args.varargs().first().cloned() else {
            return Err(vm.type_error(format!("{}.__new__(): not enough arguments", owner.name)));
        };
        let Some(cls) = as_type(&first).cloned() else {
            let tn = vm.type_name(&first);
            return Err(vm.type_error(format!(
                "{}.__new__(X): X is not a type object ({tn})",
                owner.name
            )));
        };
        if !cls.is_subtype(&owner) {
            return Err(vm.type_error(format!(
                "{}.__new__({}): {} is not a subtype of {}",
                owner.name, cls.name, cls.name, owner.name
            )));
        }
        // CPython's safety check: the nearest class whose `__new__` is not
        // written in Python must share `owner`'s `tp_new`.
        let mut static_base = cls.clone();
        while crate::builtins::user_slots::is_slot_new(static_base.slots.new.get()) {
            match static_base.base.get() {
                Some(b) => static_base = b,
                None => break,
            }
        }
        if effective_new(&static_base) != effective_new(&owner) {
            return Err(vm.type_error(format!(
                "{}.__new__({}) is not safe, use {}.__new__()",
                owner.name, cls.name, static_base.name
            )));
        }
        let (mut positional, kwnames) = flatten_call(vm, args)?;
        positional.remove(0);
        if crate::builtins::instance::converts_to_subclass(owner.payload) {
            return crate::builtins::instance::new_as_subclass(
                vm,
                &owner,
                &cls,
                &positional,
                kwnames.as_ref(),
            );
        }
        let Some(new) = owner.slots.new.get() else {
            return Err(vm.type_error(format!("cannot create '{}' instances", owner.name)));
        };
        new(vm, &cls, &positional, kwnames.as_ref())
    });

/// A class's `tp_new` as an address, counting a builtin subclass's
/// converting `tp_new` as its builtin base's.
fn effective_new(cls: &TypeRef) -> usize {
    let new = cls.slots.new.get();
    let converting = crate::builtins::instance::builtin_subclass_new as *const () as usize;
    match new {
        Some(f) if f as usize == converting => {
            let builtin = crate::builtins::class_creation::builtin_ancestor(cls);
            builtin.slots.new.get().map_or(0, |f| f as usize)
        }
        Some(f) => f as usize,
        None => 0,
    }
}

/// Puts `__new__` (bound to the type) in the dict of every builtin type
/// that can create instances.
pub fn install_new_wrappers(vm: &mut Vm, types: &[TypeRef]) -> PyResult<()> {
    for t in types {
        if t.slots.new.get().is_none() {
            continue;
        }
        let key = vm.intern("__new__")?;
        let qualname = format!("{}.__new__", t.name);
        let f = vm.new_builtin_function(
            &TP_NEW_WRAPPER,
            Some(Value::from_object(t.as_obj().clone())),
            &qualname,
        )?;
        t.dict.with(|d| d.insert_str(key, f));
        t.bump_version();
    }
    Ok(())
}

/// Every attribute name of a class and its bases (`type.__dir__`), sorted.
fn class_attribute_names(vm: &mut Vm, cls: &TypeRef) -> PyResult<Vec<Value>> {
    let mut names: Vec<Ref<Str>> = Vec::new();
    for c in cls.mro.get() {
        let keys: Vec<Value> = c.dict.with(|d| d.iter().map(|e| e.key.clone()).collect());
        for k in keys {
            if let Some(s) = vm.as_str(&k)
                && !names.iter().any(|n| n.as_bytes() == s.as_bytes())
            {
                names.push(s.clone());
            }
        }
    }
    names.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
    Ok(names
        .into_iter()
        .map(|n| Value::from_object(n.into_obj()))
        .collect())
}

/// `object.__dir__`: the instance's attributes and its class's, sorted.
pub fn object_dir(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    if let Some(cls) = as_type(obj).cloned() {
        let mut names = class_attribute_names(vm, &cls)?;
        let meta = vm.type_of(obj).clone();
        for n in class_attribute_names(vm, &meta)? {
            if !names.iter().any(|m| {
                vm.as_str(m)
                    .zip(vm.as_str(&n))
                    .is_some_and(|(a, b)| a.as_bytes() == b.as_bytes())
            }) {
                names.push(n);
            }
        }
        let names = crate::builtins::list::sort_values(vm, names, None, false)?;
        return vm.new_list(names);
    }
    let cls = vm.type_of(obj).clone();
    let mut names = class_attribute_names(vm, &cls)?;
    if let Some(d) = crate::builtins::object::instance_dict(obj) {
        for (k, _) in d.items() {
            let present = names.iter().any(|m| {
                vm.as_str(m)
                    .zip(vm.as_str(&k))
                    .is_some_and(|(a, b)| a.as_bytes() == b.as_bytes())
            });
            if !present {
                names.push(k);
            }
        }
    }
    if let Some(m) = obj
        .as_object()
        .and_then(|o| o.downcast::<crate::builtins::function::Module>())
    {
        for (k, _) in m.dict.items() {
            names.push(k);
        }
    }
    let names = crate::builtins::list::sort_values(vm, names, None, false)?;
    vm.new_list(names)
}

/// Which builtin is checking, for its messages.
#[derive(Clone, Copy, PartialEq)]
enum Check {
    Instance,
    Subclass,
}

impl Check {
    fn dunder(self) -> &'static str {
        match self {
            Check::Instance => "__instancecheck__",
            Check::Subclass => "__subclasscheck__",
        }
    }

    fn error(self, vm: &mut Vm) -> crate::error::PyErr {
        vm.type_error(
            match self {
                Check::Instance => {
                    "isinstance() arg 2 must be a type, a tuple of types, or a union"
                }
                Check::Subclass => {
                    "issubclass() arg 2 must be a class, a tuple of classes, or a union"
                }
            }
            .into(),
        )
    }
}

/// `isinstance(obj, cls)` (CPython's `PyObject_IsInstance`): exact classes
/// by MRO, tuples and unions member by member, anything else through its
/// metaclass's `__instancecheck__`.
pub fn isinstance(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    check(vm, obj, cls, Check::Instance)
}

/// `issubclass(derived, cls)` (CPython's `PyObject_IsSubclass`).
pub fn issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    check(vm, derived, cls, Check::Subclass)
}

fn check(vm: &mut Vm, subject: &Value, cls: &Value, which: Check) -> PyResult<bool> {
    if which == Check::Instance
        && vm.type_of(subject).as_obj().address() == cls.as_object().map_or(0, |o| o.address())
    {
        return Ok(true);
    }
    let exact_type = vm.type_of(cls).same(&vm.types.type_);
    if exact_type && let Some(c) = as_type(cls).cloned() {
        return plain_check(vm, subject, &c, which);
    }
    if let Some(members) = crate::builtins::union::union_members(cls) {
        for m in members {
            if check(vm, subject, m, which)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(items) = cls
        .as_object()
        .and_then(|o| o.downcast::<Tuple>())
        .map(|t| t.items().to_vec())
    {
        vm.enter_native()?;
        let mut found = Ok(false);
        for item in &items {
            match check(vm, subject, item, which) {
                Ok(false) => {}
                other => {
                    found = other;
                    break;
                }
            }
        }
        vm.leave_native();
        return found;
    }
    let meta = vm.type_of(cls).clone();
    if let Some(hook) = meta.lookup(which.dunder()) {
        let bound = vm.bind(&hook, cls, &meta)?;
        vm.enter_native()?;
        let r = vm.call(&bound, std::slice::from_ref(subject), None);
        vm.leave_native();
        return vm.is_true(&r?);
    }
    Err(which.error(vm))
}

fn plain_check(vm: &mut Vm, subject: &Value, cls: &TypeRef, which: Check) -> PyResult<bool> {
    match which {
        Check::Instance => {
            let class = vm.type_of(subject).clone();
            if class.is_subtype(cls) {
                return Ok(true);
            }
            claimed_class_check(vm, subject, &class, cls)
        }
        Check::Subclass => match as_type(subject) {
            Some(t) => Ok(t.is_subtype(cls)),
            None => Err(vm.type_error("issubclass() arg 1 must be a class".into())),
        },
    }
}

/// CPython's second chance for `isinstance`: the class the object's
/// `__class__` attribute claims (a `weakref.proxy` claims its referent's).
/// Skipped when the attribute cannot differ from the type: the generic
/// attribute lookup and `object`'s own `__class__`.
fn claimed_class_check(
    vm: &mut Vm,
    subject: &Value,
    class: &TypeRef,
    cls: &TypeRef,
) -> PyResult<bool> {
    let generic = class.slots.getattro.get().map(|f| f as usize)
        == Some(crate::builtins::object::generic_getattr as *const () as usize);
    // Builtin classes with the generic lookup never redefine `__class__`.
    if generic && !class.has_flag(flags::HEAPTYPE) {
        return Ok(false);
    }
    let object_class_attr = vm.types.object.lookup("__class__");
    let own_class_attr = class.lookup("__class__");
    let same_descriptor = match (&object_class_attr, &own_class_attr) {
        (Some(a), Some(b)) => crate::protocol::number::is_same(a, b),
        _ => false,
    };
    if generic && same_descriptor {
        return Ok(false);
    }
    let claimed = match vm.get_attr_str(subject, "__class__") {
        Ok(c) => c,
        Err(err) if vm.exc_matches(&err, ExcKind::AttributeError) => return Ok(false),
        Err(err) => return Err(err),
    };
    match as_type(&claimed) {
        Some(c) if !c.same(class) => Ok(c.is_subtype(cls)),
        _ => Ok(false),
    }
}
