//! `object`: the root of the hierarchy, and the generic attribute protocol
//! (CPython's `_PyObject_GenericGetAttrWithDict`/`SetAttr`): data
//! descriptors on the class win over the instance's attributes, which win
//! over non-data descriptors and plain class attributes. Also `object`'s
//! `__new__`/`__init__` argument checks and its default methods.

use crate::builtins::descriptors::{GetSetDef, getset};
use crate::builtins::dict::Dict;
use crate::builtins::exceptions::{BaseException, ExcKind};
use crate::builtins::function::{Function, Module};
use crate::builtins::instance::{InstanceDict, InstanceExtension};
use crate::builtins::native::{MethodDef, classmethod, method, slot_method};
use crate::builtins::str::Str;
use crate::builtins::tuple::Tuple;
use crate::error::{PyErr, PyResult};
use crate::object::{ObjRef, Ref};
use crate::runtime::Vm;
use crate::types::slots::{CompareOp, InitFn, NewFn};
use crate::types::{TypeObject, TypeRef, flags};
use crate::value::Value;

/// The payload of plain `object()` instances (and, followed by an
/// extension, of instances of user classes deriving from `object`).
pub struct BareObject;

/// The attribute storage of an object, if it has one. Inlined: attribute
/// cache hits (`runtime::attr_access`) reach the instance's values here.
#[inline]
pub fn instance_dict(v: &Value) -> Option<&InstanceDict> {
    let o = v.as_object()?;
    if let Some(ext) = o.extension() {
        return o.class().has_flag(flags::HAS_DICT).then_some(&ext.dict);
    }
    if let Some(e) = o.downcast::<BaseException>() {
        return Some(&e.dict);
    }
    if let Some(f) = o.downcast::<Function>() {
        return Some(&f.dict);
    }
    None
}

/// Where the instances of `class` keep their attributes, as an offset
/// from the start of the object: for a class whose instances carry an
/// extension with a dict (`EXTENDED` and `HAS_DICT`, both fixed when the
/// class is made), the extension's offset plus the dict's place in it.
/// Attribute caches remember it with the class's version tag, so a hit
/// reaches the attributes without asking the class again.
pub(crate) fn instance_dict_offset(class: &TypeObject) -> Option<u32> {
    if !class.has_flag(flags::EXTENDED) || !class.has_flag(flags::HAS_DICT) {
        return None;
    }
    let offset = class
        .extension_offset
        .checked_add(std::mem::offset_of!(InstanceExtension, dict))?;
    u32::try_from(offset).ok()
}

/// The attributes of `object`, found at `offset`.
///
/// # Safety
/// `offset` must be [`instance_dict_offset`] of the object's class.
#[inline(always)]
pub(crate) unsafe fn instance_dict_at(object: &ObjRef, offset: u32) -> &InstanceDict {
    // SAFETY: per the contract, the object is an instance of an `EXTENDED`
    // class with a dict, whose extension holds the dict at that offset
    // (as `ObjRef::extension` finds it); it lives as long as `object`.
    unsafe {
        &*(object
            .as_non_null()
            .as_ptr()
            .cast::<u8>()
            .add(offset as usize)
            .cast::<InstanceDict>())
    }
}

/// The object's `__dict__` as a dict object (switching its storage to that
/// dict), if it has one.
pub fn materialized_dict(vm: &mut Vm, obj: &Value) -> PyResult<Option<Value>> {
    if let Some(m) = obj.as_object().and_then(|o| o.downcast::<Module>()) {
        return Ok(Some(Value::from_object(m.dict.as_obj().clone())));
    }
    let Some(d) = instance_dict(obj) else {
        return Ok(None);
    };
    let fresh = vm.new_dict_ref()?;
    for (k, v) in d.items() {
        Dict::set_item(vm, &fresh, k, v)?;
    }
    let dict = d.take_dict(fresh);
    Ok(Some(Value::from_object(dict.into_obj())))
}

/// `obj.__dict__ = value` (or `del obj.__dict__`).
pub fn set_instance_dict(vm: &mut Vm, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let new = match value {
        Some(v) => match v.as_object().and_then(|o| o.downcast::<Dict>()) {
            Some(d) => d.clone(),
            None => {
                let tn = vm.type_name(&v);
                return Err(vm.type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{tn}'"
                )));
            }
        },
        None => vm.new_dict_ref()?,
    };
    match instance_dict(obj) {
        Some(d) => {
            d.replace_dict(new);
            Ok(())
        }
        None => Err(no_attribute_text(vm, obj, "__dict__")),
    }
}

/// `object.__getattribute__`.
pub fn generic_getattr(vm: &mut Vm, obj: &Value, name: &Ref<Str>) -> PyResult<Value> {
    match generic_getattr_opt(vm, obj, name)? {
        Some(v) => Ok(v),
        None => {
            // A module's own `__getattr__` answers names it lacks (PEP 562).
            let hook = obj
                .as_object()
                .and_then(|o| o.downcast::<Module>())
                .and_then(|m| m.dict.table.with(|t| t.get_str(&Str::new("__getattr__"))));
            match hook {
                Some(hook) => vm.call(&hook, &[Value::from_object(name.as_obj().clone())], None),
                None => Err(no_attribute(vm, obj, name)),
            }
        }
    }
}

/// The `AttributeError` for a missing attribute, as CPython words it, with
/// its `name` and `obj`.
pub fn no_attribute(vm: &mut Vm, obj: &Value, name: &Ref<Str>) -> PyErr {
    let message = if let Some(m) = obj.as_object().and_then(|o| o.downcast::<Module>()) {
        let modname = m
            .dict
            .table
            .with(|t| t.get_str(&Str::new("__name__")))
            .and_then(|v| vm.as_str(&v).map(|s| s.as_lossy().into_owned()));
        match modname {
            Some(n) => format!("module '{n}' has no attribute '{}'", name.as_lossy()),
            None => format!("module has no attribute '{}'", name.as_lossy()),
        }
    } else if let Some(t) = crate::builtins::type_::as_type(obj) {
        format!(
            "type object '{}' has no attribute '{}'",
            vm.class_name(t),
            name.as_lossy()
        )
    } else {
        let tn = vm.type_name(obj);
        format!("'{tn}' object has no attribute '{}'", name.as_lossy())
    };
    let err = vm.attribute_error(&message);
    crate::builtins::exceptions::set_attribute_error_context(
        &err,
        obj,
        &Value::from_object(name.as_obj().clone()),
    );
    err
}

/// [`no_attribute`] for a name given as Rust text.
pub fn no_attribute_text(vm: &mut Vm, obj: &Value, name: &str) -> PyErr {
    match vm.intern(name) {
        Ok(n) => no_attribute(vm, obj, &n),
        Err(e) => e,
    }
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
    let Some(dict) = instance_dict(obj) else {
        let tn = vm.type_name(obj);
        let message = if class.lookup_str(name).is_some() {
            format!("'{tn}' object attribute '{}' is read-only", name.as_lossy())
        } else {
            format!(
                "'{tn}' object has no attribute '{}' and no __dict__ for setting new attributes",
                name.as_lossy()
            )
        };
        let err = vm.attribute_error(&message);
        crate::builtins::exceptions::set_attribute_error_context(
            &err,
            obj,
            &Value::from_object(name.as_obj().clone()),
        );
        return Err(err);
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

fn same_new(f: Option<NewFn>, g: NewFn) -> bool {
    f.is_some_and(|f| f as usize == g as *const () as usize)
}

fn same_init(f: Option<InitFn>, g: InitFn) -> bool {
    f.is_some_and(|f| f as usize == g as *const () as usize)
}

/// Whether a `tp_new` is `object.__new__`'s.
pub fn is_object_new(f: Option<crate::types::slots::NewFn>) -> bool {
    f.is_some_and(|f| f as usize == object_new as *const () as usize)
}

/// `object.__new__` (CPython's `object_new`): extra arguments are an error
/// unless the class overrides `__init__` (and not `__new__`).
pub fn object_new(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    _kw: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    if !args.is_empty() {
        if !same_new(cls.slots.new.get(), object_new) {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)".into(),
            ));
        }
        if same_init(cls.slots.init.get(), object_init) {
            return Err(vm.type_error(format!("{}() takes no arguments", cls.name)));
        }
    }
    if cls.has_flag(flags::ABSTRACT) {
        return Err(abstract_class_error(vm, cls));
    }
    let obj = vm.alloc(cls, BareObject)?;
    Ok(Value::from_object(obj.into_obj()))
}

/// The error for instantiating a class with abstract methods: their names
/// sorted, as CPython's `object_new` reports them.
fn abstract_class_error(vm: &mut Vm, cls: &TypeRef) -> crate::error::PyErr {
    let class = Value::from_object(cls.as_obj().clone());
    let names = match vm.get_attr_str(&class, "__abstractmethods__") {
        Ok(v) => v,
        Err(e) => return e,
    };
    let mut texts = match vm.collect_iterable(&names) {
        Ok(items) => items
            .iter()
            .filter_map(|n| vm.as_str(n).map(|s| s.as_lossy().into_owned()))
            .collect::<Vec<_>>(),
        Err(e) => return e,
    };
    texts.sort();
    let plural = if texts.len() == 1 { "" } else { "s" };
    vm.type_error(format!(
        "Can't instantiate abstract class {} without an implementation for abstract method{plural} '{}'",
        cls.qualname.get(),
        texts.join("', '")
    ))
}

/// `object.__init__` (CPython's `object_init`).
pub fn object_init(
    vm: &mut Vm,
    this: &Value,
    args: &[Value],
    _kw: Option<&Ref<Tuple>>,
) -> PyResult<()> {
    if !args.is_empty() {
        let cls = vm.type_of(this).clone();
        if !same_init(cls.slots.init.get(), object_init) {
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)".into(),
            ));
        }
        if same_new(cls.slots.new.get(), object_new) {
            return Err(vm.type_error(format!("{}() takes no arguments", cls.name)));
        }
    }
    Ok(())
}

/// `object`'s rich comparison: identity for `==`, the inverse of `__eq__`
/// for `!=`, `NotImplemented` otherwise.
fn object_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let same = crate::protocol::number::is_same(a, b);
    match op {
        CompareOp::Eq => Ok(if same {
            Value::from_bool(true)
        } else {
            vm.not_implemented()
        }),
        CompareOp::Ne => {
            let eq = vm.type_of(a).slots.richcompare.get();
            let r = match eq {
                Some(f) => f(vm, a, b, CompareOp::Eq)?,
                None => vm.not_implemented(),
            };
            if vm.is_not_implemented(&r) {
                Ok(r)
            } else {
                Ok(Value::from_bool(!vm.is_true(&r)?))
            }
        }
        _ => Ok(vm.not_implemented()),
    }
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
    t.slots.richcompare.set(Some(object_richcompare));
    t.slots.new.set(Some(object_new));
    t.slots.init.set(Some(object_init));
}

/// An attribute name argument (`str`), or CPython's TypeError.
pub(crate) fn name_arg(vm: &mut Vm, v: &Value) -> PyResult<Ref<Str>> {
    match vm.as_str(v) {
        Some(s) => Ok(s.clone()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("attribute name must be string, not '{tn}'")))
        }
    }
}

fn compare_method(
    vm: &mut Vm,
    args: &crate::builtins::native::Args,
    op: CompareOp,
) -> PyResult<Value> {
    object_richcompare(vm, args.this(), args.required(1), op)
}

/// `object`'s methods (what `super().__init__()` and friends reach).
pub const METHODS: &[MethodDef] = &[
    slot_method("__init__", "(self, /, *args, **kwargs)", |vm, args| {
        let (positional, kwnames) = crate::builtins::type_::flatten_call(vm, args)?;
        object_init(vm, args.this(), &positional, kwnames.as_ref())?;
        Ok(Value::NONE)
    }),
    slot_method("__setattr__", "(self, name, value, /)", |vm, args| {
        let name = name_arg(vm, args.required(1))?;
        generic_setattr(vm, args.this(), &name, Some(args.required(2).clone()))?;
        Ok(Value::NONE)
    }),
    slot_method("__delattr__", "(self, name, /)", |vm, args| {
        let name = name_arg(vm, args.required(1))?;
        generic_setattr(vm, args.this(), &name, None)?;
        Ok(Value::NONE)
    }),
    slot_method("__getattribute__", "(self, name, /)", |vm, args| {
        let name = name_arg(vm, args.required(1))?;
        generic_getattr(vm, args.this(), &name)
    }),
    slot_method("__repr__", "(self, /)", |vm, args| {
        object_repr(vm, args.this())
    }),
    slot_method("__str__", "(self, /)", |vm, args| {
        let repr = vm
            .type_of(args.this())
            .slots
            .repr
            .get()
            .unwrap_or(object_repr);
        repr(vm, args.this())
    }),
    slot_method("__eq__", "(self, value, /)", |vm, args| {
        compare_method(vm, args, CompareOp::Eq)
    }),
    slot_method("__ne__", "(self, value, /)", |vm, args| {
        compare_method(vm, args, CompareOp::Ne)
    }),
    slot_method("__lt__", "(self, value, /)", |vm, args| {
        compare_method(vm, args, CompareOp::Lt)
    }),
    slot_method("__le__", "(self, value, /)", |vm, args| {
        compare_method(vm, args, CompareOp::Le)
    }),
    slot_method("__gt__", "(self, value, /)", |vm, args| {
        compare_method(vm, args, CompareOp::Gt)
    }),
    slot_method("__ge__", "(self, value, /)", |vm, args| {
        compare_method(vm, args, CompareOp::Ge)
    }),
    slot_method("__hash__", "(self, /)", |_vm, args| {
        Ok(Value::from_i64(crate::hash::hash_pointer(
            args.this().as_object().map_or(0, |o| o.address()),
        )))
    }),
    method("__format__", "(self, format_spec, /)", |vm, args| {
        let Some(spec) = vm.as_str(args.required(1)).cloned() else {
            let tn = vm.type_name(args.required(1));
            return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
        };
        if !spec.as_bytes().is_empty() {
            let tn = vm.type_name(args.this());
            return Err(vm.type_error(format!(
                "unsupported format string passed to {tn}.__format__"
            )));
        }
        vm.str(args.this())
    }),
    method("__sizeof__", "(self, /)", |_vm, _args| {
        Ok(Value::from_i64(16))
    }),
    method("__dir__", "(self, /)", |vm, args| {
        crate::builtins::type_::object_dir(vm, args.this())
    }),
    classmethod("__init_subclass__", "(cls, /, **kwargs)", |vm, args| {
        let given = args
            .kwargs()
            .and_then(|k| k.as_object())
            .and_then(|o| o.downcast::<Dict>())
            .is_some_and(|d| !d.is_empty());
        if given {
            let name = match crate::builtins::type_::as_type(args.this()) {
                Some(t) => t.name.to_string(),
                None => "object".into(),
            };
            return Err(vm.type_error(format!(
                "{name}.__init_subclass__() takes no keyword arguments"
            )));
        }
        Ok(Value::NONE)
    }),
    classmethod("__subclasshook__", "(cls, /, *args)", |vm, _args| {
        Ok(vm.not_implemented())
    }),
];

/// `object`'s attributes.
pub const GETSETS: &[GetSetDef] = &[getset(
    "__class__",
    |vm, obj| Ok(Value::from_object(vm.type_of(obj).as_obj().clone())),
    |vm, _obj, _value| {
        Err(vm.new_error(
            ExcKind::NotImplementedError,
            "krait does not support assigning __class__ yet",
        ))
    },
)];

/// The dict, if `v` is exactly a `dict` (not a subclass, whose overridden
/// `__getitem__`/`__setitem__` must run) — CPython's `PyDict_CheckExact`.
pub fn exact_dict<'a>(vm: &Vm, v: &'a Value) -> Option<&'a Ref<Dict>> {
    let d = v.as_object()?.downcast::<Dict>()?;
    vm.type_of(v).same(&vm.types.dict).then_some(d)
}
