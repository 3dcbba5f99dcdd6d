//! `types.GenericAlias`: what `list[int]` is (CPython's
//! `Objects/genericaliasobject.c`). Builtin containers get it from their
//! `__class_getitem__`. An alias remembers its origin class and arguments,
//! substitutes its type parameters when subscripted again, calls the
//! origin when called, and acts as the origin when used as a base class.

use crate::builtins::descriptors::{GetSetDef, getter, readonly};
use crate::builtins::native::{MethodDef, classmethod, method};
use crate::builtins::tuple::Tuple;
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::{TypeObject, TypeRef};
use crate::value::Value;

/// The payload of a generic alias.
pub struct GenericAlias {
    /// `__origin__`.
    pub origin: Value,
    /// `__args__` (a tuple).
    pub args: Ref<Tuple>,
}

fn alias_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Ref<GenericAlias>> {
    match v.as_object().and_then(|o| o.downcast::<GenericAlias>()) {
        Some(a) => Ok(a),
        None => Err(vm.type_error("expected a types.GenericAlias".into())),
    }
}

/// `GenericAlias(origin, args)`.
pub fn new_alias(vm: &mut Vm, origin: Value, args: Value) -> PyResult<Value> {
    let cls = vm.types.generic_alias.clone();
    new_alias_of(vm, &cls, origin, args)
}

/// An alias of class `cls` (`GenericAlias` or a subclass of it).
fn new_alias_of(vm: &mut Vm, cls: &TypeRef, origin: Value, args: Value) -> PyResult<Value> {
    let args = match args.as_object().and_then(|o| o.downcast::<Tuple>()) {
        Some(t) if vm.type_of(&args).same(&vm.types.tuple) => t.clone(),
        _ => vm.new_tuple_ref(vec![args])?,
    };
    let a = vm.alloc(cls, GenericAlias { origin, args })?;
    Ok(Value::from_object(a.into_obj()))
}

fn is_type_param(vm: &Vm, v: &Value) -> bool {
    let t = vm.type_of(v);
    t.same(&vm.types.typevar) || t.same(&vm.types.paramspec) || t.same(&vm.types.typevartuple)
}

/// The type parameters an alias's arguments mention, in order.
fn parameters(vm: &mut Vm, args: &[Value]) -> PyResult<Vec<Value>> {
    let mut out: Vec<Value> = Vec::new();
    let add = |v: Value, out: &mut Vec<Value>| {
        if !out.iter().any(|p| crate::protocol::number::is_same(p, &v)) {
            out.push(v);
        }
    };
    for a in args {
        if is_type_param(vm, a) {
            add(a.clone(), &mut out);
        } else if let Some(inner) = a.as_object().and_then(|o| o.downcast::<GenericAlias>()) {
            let nested = parameters(vm, inner.args.items())?;
            for p in nested {
                add(p, &mut out);
            }
        }
    }
    Ok(out)
}

/// How an argument shows in an alias's repr.
fn item_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(o) = v.as_object()
        && vm.ellipsis.as_object().is_some_and(|e| e.is(o))
    {
        return Ok("...".into());
    }
    // Any class, whatever its metaclass (`weakref.WeakValueDictionary` is an
    // `ABCMeta` instance), shows as `module.qualname`.
    if let Some(t) = crate::builtins::type_::as_type(v).cloned() {
        return Ok(match crate::builtins::type_::type_module(vm, &t) {
            Some(m) if m != "builtins" => format!("{m}.{}", t.qualname.get()),
            _ => t.qualname.get().to_string(),
        });
    }
    if let Some(items) = v
        .as_object()
        .and_then(|o| o.downcast::<crate::builtins::list::List>())
        .map(|l| l.items.get())
    {
        let mut parts = Vec::with_capacity(items.len());
        for i in &items {
            parts.push(item_repr(vm, i)?);
        }
        return Ok(format!("[{}]", parts.join(", ")));
    }
    vm.repr_string(v)
}

fn alias_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let a = alias_of(vm, v)?.clone();
    let origin = item_repr(vm, &a.origin)?;
    let items = a.args.items().to_vec();
    let inner = if items.is_empty() {
        "()".to_string()
    } else {
        let mut parts = Vec::with_capacity(items.len());
        for i in &items {
            parts.push(item_repr(vm, i)?);
        }
        parts.join(", ")
    };
    vm.new_str(&format!("{origin}[{inner}]"))
}

/// `alias[args]`: substitutes the alias's type parameters.
fn alias_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let a = alias_of(vm, v)?.clone();
    let items = a.args.items().to_vec();
    let params = parameters(vm, &items)?;
    if params.is_empty() {
        let r = vm.repr_string(v)?;
        return Err(vm.type_error(format!("{r} is not a generic class")));
    }
    let given = match key.as_object().and_then(|o| o.downcast::<Tuple>()) {
        Some(t) => t.items().to_vec(),
        None => vec![key.clone()],
    };
    if given.len() != params.len() {
        let r = vm.repr_string(v)?;
        let which = if given.len() > params.len() {
            "many arguments for {r}; actual {}, expected"
        } else {
            "few arguments for {r}; actual {}, expected at least"
        };
        let message = which
            .replacen("{r}", &r, 1)
            .replacen("{}", &given.len().to_string(), 1);
        return Err(vm.type_error(format!("Too {message} {}", params.len())));
    }
    let mut new_args = Vec::with_capacity(items.len());
    for item in &items {
        new_args.push(substitute(vm, item, &params, &given)?);
    }
    let t = vm.new_tuple(new_args)?;
    new_alias(vm, a.origin.clone(), t)
}

fn substitute(vm: &mut Vm, item: &Value, params: &[Value], given: &[Value]) -> PyResult<Value> {
    if let Some(i) = params
        .iter()
        .position(|p| crate::protocol::number::is_same(p, item))
    {
        return Ok(given[i].clone());
    }
    if let Some(inner) = item
        .as_object()
        .and_then(|o| o.downcast::<GenericAlias>())
        .cloned()
    {
        let mut args = Vec::new();
        for a in inner.args.items().to_vec() {
            args.push(substitute(vm, &a, params, given)?);
        }
        let t = vm.new_tuple(args)?;
        return new_alias(vm, inner.origin.clone(), t);
    }
    Ok(item.clone())
}

/// Installs the slots of `types.GenericAlias`.
pub fn init_type(t: &TypeObject) {
    t.slots.new.set(Some(|vm, cls, args, kw| {
        if kw.is_some_and(|k| !k.items().is_empty()) {
            return Err(vm.type_error("GenericAlias() takes no keyword arguments".into()));
        }
        let a = crate::builtins::native::Args::parse(
            vm,
            "GenericAlias",
            &["origin", "args"],
            2,
            args,
            None,
        )?;
        new_alias_of(vm, cls, a.required(0).clone(), a.required(1).clone())
    }));
    t.slots.repr.set(Some(alias_repr));
    t.slots.getitem.set(Some(alias_getitem));
    t.slots.call.set(Some(|vm, callable, args, kwnames| {
        let a = alias_of(vm, callable)?.clone();
        let obj = vm.call(&a.origin, args, kwnames)?;
        let name = vm.intern("__orig_class__")?;
        // Like CPython, ignore objects that refuse the attribute.
        let _ = vm.set_attr(&obj, &name, Some(callable.clone()));
        Ok(obj)
    }));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        use crate::types::slots::CompareOp;
        let (Some(x), Some(y)) = (
            a.as_object()
                .and_then(|o| o.downcast::<GenericAlias>())
                .cloned(),
            b.as_object()
                .and_then(|o| o.downcast::<GenericAlias>())
                .cloned(),
        ) else {
            return Ok(vm.not_implemented());
        };
        if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
            return Ok(vm.not_implemented());
        }
        let mut equal = vm.eq(&x.origin, &y.origin)?;
        if equal {
            let (xa, ya) = (
                Value::from_object(x.args.as_obj().clone()),
                Value::from_object(y.args.as_obj().clone()),
            );
            equal = vm.eq(&xa, &ya)?;
        }
        Ok(Value::from_bool(equal == (op == CompareOp::Eq)))
    }));
    t.slots.hash.set(Some(|vm, v| {
        let a = alias_of(vm, v)?.clone();
        let h = vm.hash(&a.origin)? ^ vm.hash(&Value::from_object(a.args.as_obj().clone()))?;
        Ok(if h == -1 { -2 } else { h })
    }));
    t.slots.number.set(Some(|vm, a, b, op| {
        if op == crate::types::slots::BinOp::Or {
            return crate::builtins::union::union_or(vm, a, b);
        }
        Ok(vm.not_implemented())
    }));
    t.slots.getattro.set(Some(|vm, v, name| {
        // Attributes the alias does not have come from the origin.
        if let Some(found) = crate::builtins::object::generic_getattr_opt(vm, v, name)? {
            return Ok(found);
        }
        let text = name.as_lossy();
        if text.starts_with("__") && text.ends_with("__") {
            return Err(crate::builtins::object::no_attribute(vm, v, name));
        }
        let origin = alias_of(vm, v)?.origin.clone();
        vm.get_attr(&origin, name)
    }));
}

/// The attributes of `types.GenericAlias`.
pub const GETSETS: &[GetSetDef] = &[
    readonly("__origin__", |vm, v| Ok(alias_of(vm, v)?.origin.clone())),
    readonly("__args__", |vm, v| {
        Ok(Value::from_object(alias_of(vm, v)?.args.as_obj().clone()))
    }),
    getter("__parameters__", |vm, v| {
        let a = alias_of(vm, v)?.clone();
        let params = parameters(vm, a.args.items())?;
        vm.new_tuple(params)
    }),
    readonly("__unpacked__", |_vm, _v| Ok(Value::from_bool(false))),
];

/// The methods of `types.GenericAlias`.
pub const METHODS: &[MethodDef] = &[
    method("__mro_entries__", "(self, bases, /)", |vm, args| {
        let origin = alias_of(vm, args.this())?.origin.clone();
        vm.new_tuple(vec![origin])
    }),
    method("__instancecheck__", "(self, obj, /)", |vm, _args| {
        Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic".into()))
    }),
    method("__subclasscheck__", "(self, cls, /)", |vm, _args| {
        Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic".into()))
    }),
];

/// `__class_getitem__` of the builtin containers: `list[int]`.
pub static CLASS_GETITEM: MethodDef =
    classmethod("__class_getitem__", "(cls, item, /)", |vm, args| {
        new_alias(vm, args.this().clone(), args.required(1).clone())
    });
