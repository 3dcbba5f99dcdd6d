//! Creating classes: `__build_class__` (what a `class` statement calls:
//! `__mro_entries__`, the metaclass, `__prepare__`, running the body) and
//! `type.__new__` (CPython's `type_new`: the winning metaclass, the best
//! base and instance layout, `__slots__`, the namespace's special entries,
//! `__set_name__` and `__init_subclass__`).

use std::any::TypeId;

use crate::builtins::descriptors::{GetSetDef, getset};
use crate::builtins::dict::Dict;
use crate::builtins::exceptions::{BaseException, ExcKind};
use crate::builtins::function::{CellObj, Function, Module};
use crate::builtins::native::Args;
use crate::builtins::object::BareObject;
use crate::builtins::str::Str;
use crate::builtins::tuple::Tuple;
use crate::builtins::type_::as_type;
use crate::error::PyResult;
use crate::object::{PyCell, Ref};
use crate::runtime::Vm;
use crate::types::{TypeObject, TypeRef, flags};
use crate::value::Value;

/// Keyword arguments as (name, value) pairs.
type Keywords = Vec<(Value, Value)>;

/// Splits vectorcall keyword values off `args`.
fn split_keywords<'a>(args: &'a [Value], kwnames: Option<&Ref<Tuple>>) -> (&'a [Value], Keywords) {
    let names = kwnames.map(|k| k.items()).unwrap_or(&[]);
    let npos = args.len().saturating_sub(names.len());
    let keywords = names
        .iter()
        .cloned()
        .zip(args[npos..].iter().cloned())
        .collect();
    (&args[..npos], keywords)
}

/// Calls `f(*args, **keywords)`.
fn call_with_keywords(
    vm: &mut Vm,
    f: &Value,
    args: &[Value],
    keywords: &Keywords,
) -> PyResult<Value> {
    if keywords.is_empty() {
        return vm.call(f, args, None);
    }
    let mut all = args.to_vec();
    let mut names = Vec::with_capacity(keywords.len());
    for (k, v) in keywords {
        names.push(k.clone());
        all.push(v.clone());
    }
    let names = vm.new_tuple_ref(names)?;
    vm.call(f, &all, Some(&names))
}

fn text_of(vm: &Vm, v: &Value) -> Option<String> {
    vm.as_str(v).map(|s| s.as_lossy().into_owned())
}

/// `builtins.__build_class__(func, name, /, *bases, **kwds)`.
pub fn build_class(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let func = args.required(0).clone();
    let name = args.required(1).clone();
    let Some(body) = func
        .as_object()
        .and_then(|o| o.downcast::<Function>())
        .cloned()
    else {
        return Err(vm.type_error("__build_class__: func must be a function".into()));
    };
    if vm.as_str(&name).is_none() {
        return Err(vm.type_error("__build_class__: name is not a string".into()));
    }
    let orig_bases = args.varargs().to_vec();
    let (bases, bases_changed) = update_bases(vm, &orig_bases)?;
    let mut keywords: Keywords = match args
        .kwargs()
        .and_then(|k| k.as_object())
        .and_then(|o| o.downcast::<Dict>())
    {
        Some(d) => d.items(),
        None => Vec::new(),
    };
    let explicit_meta = keywords
        .iter()
        .position(|(k, _)| vm.as_str(k).is_some_and(|s| &*s.as_lossy() == "metaclass"))
        .map(|i| keywords.remove(i).1);
    let (meta, is_class) = match explicit_meta {
        Some(m) => {
            let is_class = as_type(&m).is_some();
            (m, is_class)
        }
        None => match bases.first() {
            Some(b) => (Value::from_object(vm.type_of(b).as_obj().clone()), true),
            None => (Value::from_object(vm.types.type_.as_obj().clone()), true),
        },
    };
    let meta = match as_type(&meta).cloned() {
        Some(m) if is_class => Value::from_object(calculate_metaclass(vm, &m, &bases)?.into_obj()),
        _ => meta,
    };
    let bases_tuple = vm.new_tuple(bases.clone())?;
    // The namespace: `meta.__prepare__(name, bases, **kwds)`, or a dict.
    let prepare_name = vm.intern("__prepare__")?;
    let ns = match vm.get_attr_opt(&meta, &prepare_name)? {
        Some(prepare) => call_with_keywords(
            vm,
            &prepare,
            &[name.clone(), bases_tuple.clone()],
            &keywords,
        )?,
        None => vm.new_dict()?,
    };
    if !is_mapping(vm, &ns) {
        let owner = match as_type(&meta) {
            Some(m) if is_class => m.name.to_string(),
            _ => "<metaclass>".to_string(),
        };
        let tn = vm.type_name(&ns);
        return Err(vm.type_error(format!(
            "{owner}.__prepare__() must return a mapping, not {tn}"
        )));
    }
    let frame = vm.push_body_frame(body.code.clone(), body.globals.clone(), ns.clone())?;
    // SAFETY: just pushed; the body may read its closure (`__class__` cells).
    unsafe { (*frame).func = Some(func.clone()) };
    let cell = vm.run_pushed(frame)?;
    if bases_changed {
        let orig = vm.new_tuple(orig_bases)?;
        let key = vm.intern_value("__orig_bases__")?;
        vm.set_item(&ns, &key, Some(orig))?;
    }
    let cls = call_with_keywords(vm, &meta, &[name, bases_tuple, ns], &keywords)?;
    if let Some(c) = cell.as_object().and_then(|o| o.downcast::<CellObj>())
        && as_type(&cls).is_some()
    {
        let in_cell = c.value.get();
        let same = in_cell
            .as_ref()
            .and_then(|v| v.as_object())
            .zip(cls.as_object())
            .is_some_and(|(a, b)| a.is(b));
        if !same {
            let cls_repr = vm.repr_string(&cls)?;
            return Err(match in_cell {
                None => {
                    let name_repr = vm.repr_string(args.required(1))?;
                    vm.runtime_error(&format!(
                        "__class__ not set defining {name_repr} as {cls_repr}. Was __classcell__ propagated to type.__new__?"
                    ))
                }
                Some(other) => {
                    let other_repr = vm.repr_string(&other)?;
                    let name_repr = vm.repr_string(args.required(1))?;
                    vm.type_error(format!(
                        "__class__ set to {other_repr} defining {name_repr} as {cls_repr}"
                    ))
                }
            });
        }
    }
    Ok(cls)
}

fn is_mapping(vm: &mut Vm, v: &Value) -> bool {
    v.as_object()
        .is_some_and(|o| o.downcast::<Dict>().is_some())
        || vm.type_of(v).slots.getitem.get().is_some()
}

/// Replaces bases that are not classes by what their `__mro_entries__`
/// returns (PEP 560).
fn update_bases(vm: &mut Vm, bases: &[Value]) -> PyResult<(Vec<Value>, bool)> {
    let mut out = Vec::with_capacity(bases.len());
    let mut changed = false;
    let mut original: Option<Value> = None;
    for b in bases {
        if as_type(b).is_some() {
            out.push(b.clone());
            continue;
        }
        let name = vm.intern("__mro_entries__")?;
        let Some(entries) = vm.get_attr_opt(b, &name)? else {
            out.push(b.clone());
            continue;
        };
        let orig = match &original {
            Some(o) => o.clone(),
            None => {
                let t = vm.new_tuple(bases.to_vec())?;
                original = Some(t.clone());
                t
            }
        };
        let r = vm.call(&entries, &[orig], None)?;
        let Some(items) = r.as_object().and_then(|o| o.downcast::<Tuple>()) else {
            return Err(vm.type_error("__mro_entries__ must return a tuple".into()));
        };
        out.extend(items.items().iter().cloned());
        changed = true;
    }
    Ok((out, changed))
}

/// The most derived metaclass among `meta` and the bases' metaclasses
/// (CPython's `_PyType_CalculateMetaclass`).
pub fn calculate_metaclass(vm: &mut Vm, meta: &TypeRef, bases: &[Value]) -> PyResult<TypeRef> {
    let mut winner = meta.clone();
    for b in bases {
        let t = vm.type_of(b).clone();
        if winner.is_subtype(&t) {
            continue;
        }
        if t.is_subtype(&winner) {
            winner = t;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases"
                .into(),
        ));
    }
    Ok(winner)
}

/// `tp_new` of `type`: `type.__new__(metatype, name, bases, namespace, **kwds)`.
pub fn type_new(
    vm: &mut Vm,
    metatype: &TypeRef,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let (positional, keywords) = split_keywords(args, kwnames);
    if positional.len() != 3 {
        return Err(vm.type_error(format!(
            "type.__new__() takes exactly 3 arguments ({} given)",
            positional.len()
        )));
    }
    let Some(name) = text_of(vm, &positional[0]) else {
        let tn = vm.type_name(&positional[0]);
        return Err(vm.type_error(format!("type.__new__() argument 1 must be str, not {tn}")));
    };
    let Some(bases) = positional[1]
        .as_object()
        .and_then(|o| o.downcast::<Tuple>())
        .map(|t| t.items().to_vec())
    else {
        let tn = vm.type_name(&positional[1]);
        return Err(vm.type_error(format!("type.__new__() argument 2 must be tuple, not {tn}")));
    };
    let Some(namespace) = positional[2]
        .as_object()
        .and_then(|o| o.downcast::<Dict>())
        .cloned()
    else {
        let tn = vm.type_name(&positional[2]);
        return Err(vm.type_error(format!("type.__new__() argument 3 must be dict, not {tn}")));
    };
    let mut metatype = metatype.clone();
    if !bases.is_empty() {
        for b in &bases {
            if as_type(b).is_none() && vm.has_attr_str(b, "__mro_entries__")? {
                return Err(vm.type_error(
                    "type() doesn't support MRO entry resolution; use types.new_class()".into(),
                ));
            }
        }
        let winner = calculate_metaclass(vm, &metatype, &bases)?;
        if !winner.same(&metatype) {
            let winner_new = winner.slots.new.get();
            if winner_new.is_some_and(|f| f as usize != type_new as *const () as usize)
                && let Some(new) = winner_new
            {
                return new(vm, &winner, args, kwnames);
            }
            metatype = winner;
        }
    }
    let cls = create_class(vm, &metatype, &name, &bases, &namespace)?;
    let cls_value = Value::from_object(cls.as_obj().clone());
    set_names(vm, &cls)?;
    init_subclass(vm, &cls, &keywords)?;
    Ok(cls_value)
}

/// The type whose instance layout `t` has (CPython's `solid_base`): the
/// nearest class that adds `__slots__` values or is a builtin type with its
/// own payload.
fn solid_base(t: &TypeRef) -> TypeRef {
    let mut current = t.clone();
    loop {
        let Some(base) = current.base.get() else {
            return current;
        };
        let adds_layout = if current.has_flag(flags::HEAPTYPE) {
            current.slot_count.get() > base.slot_count.get()
        } else {
            current.payload != base.payload
        };
        if adds_layout {
            return current;
        }
        current = base;
    }
}

/// The nearest builtin (non-heap) type in `t`'s base chain: its payload is
/// what instances carry.
pub fn builtin_ancestor(t: &TypeRef) -> TypeRef {
    let mut current = t.clone();
    while current.has_flag(flags::HEAPTYPE) {
        match current.base.get() {
            Some(b) => current = b,
            None => break,
        }
    }
    current
}

/// Picks `__base__` among the bases (CPython's `best_base`).
fn best_base(vm: &mut Vm, bases: &[Value]) -> PyResult<(Vec<TypeRef>, TypeRef)> {
    let mut types = Vec::with_capacity(bases.len());
    // (solid base of the winner, the winning base)
    let mut winner: Option<(TypeRef, TypeRef)> = None;
    for b in bases {
        let Some(t) = as_type(b).cloned() else {
            return Err(vm.type_error("bases must be types".into()));
        };
        if !t.has_flag(flags::BASETYPE) {
            // CPython names the type by its `tp_name`: dotted with the
            // module for the types of native modules (`re.Pattern`).
            let name = match crate::builtins::type_::type_module(vm, &t) {
                Some(m) if m != "builtins" && !t.has_flag(flags::HEAPTYPE) => {
                    format!("{m}.{}", t.name)
                }
                _ => t.name.to_string(),
            };
            return Err(vm.type_error(format!("type '{name}' is not an acceptable base type")));
        }
        let candidate = solid_base(&t);
        let replace = match &winner {
            None => true,
            Some((w, _)) if w.is_subtype(&candidate) => false,
            Some((w, _)) if candidate.is_subtype(w) => true,
            Some(_) => {
                return Err(vm.type_error("multiple bases have instance lay-out conflict".into()));
            }
        };
        if replace {
            winner = Some((candidate, t.clone()));
        }
        types.push(t);
    }
    let base = match winner {
        Some((_, base)) => base,
        None => vm.types.object.clone(),
    };
    Ok((types, base))
}

/// Whether instances of a builtin type keep attributes natively (so user
/// subclasses need no dict of their own).
fn has_native_dict(builtin: &TypeObject) -> bool {
    builtin.payload == TypeId::of::<BaseException>()
        || builtin.payload == TypeId::of::<TypeObject>()
        || builtin.payload == TypeId::of::<Module>()
}

/// Whether instances of a builtin type support weak references natively.
fn has_native_weakref(builtin: &TypeObject) -> bool {
    builtin.has_flag(flags::WEAKREFABLE)
}

/// Whether a builtin type's instances vary in size, so that subclasses
/// cannot add `__weakref__` (CPython: a nonzero `tp_itemsize`).
fn refuses_weakref_slot(builtin: &TypeObject) -> bool {
    builtin.payload == TypeId::of::<crate::builtins::int::BigInt>()
        || builtin.payload == TypeId::of::<Tuple>()
        || builtin.payload == TypeId::of::<crate::builtins::bytes::Bytes>()
}

/// Whether a builtin type stores a variable-size value (`nonempty __slots__
/// not supported`).
fn is_variable_size(builtin: &TypeObject) -> bool {
    builtin.payload == TypeId::of::<crate::builtins::int::BigInt>()
        || builtin.payload == TypeId::of::<Tuple>()
        || builtin.payload == TypeId::of::<crate::builtins::bytes::Bytes>()
        || builtin.payload == TypeId::of::<TypeObject>()
}

/// Private-name mangling (`__x` in class `C` is `_C__x`).
pub fn mangle(class_name: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// What `__slots__` asks for.
struct SlotsSpec {
    /// Member names, mangled and sorted.
    members: Vec<String>,
    add_dict: bool,
    add_weakref: bool,
}

fn slots_spec(
    vm: &mut Vm,
    class_name: &str,
    namespace: &Ref<Dict>,
    base: &TypeRef,
    builtin: &TypeRef,
) -> PyResult<SlotsSpec> {
    let base_has_dict = base.has_flag(flags::HAS_DICT) || has_native_dict(builtin);
    let base_has_weakref = base.has_flag(flags::WEAKREFABLE)
        || base.lookup("__weakref__").is_some()
        || has_native_weakref(builtin);
    let spec = namespace.table.with(|t| t.get_str(&Str::new("__slots__")));
    let Some(spec) = spec else {
        return Ok(SlotsSpec {
            members: Vec::new(),
            add_dict: !base_has_dict,
            add_weakref: !base_has_weakref && !refuses_weakref_slot(builtin),
        });
    };
    let items = if vm.as_str(&spec).is_some() {
        vec![spec]
    } else {
        vm.collect_iterable(&spec)?
    };
    let mut members = Vec::new();
    let mut add_dict = false;
    let mut add_weakref = false;
    for item in &items {
        let Some(text) = text_of(vm, item) else {
            let tn = vm.type_name(item);
            return Err(vm.type_error(format!("__slots__ items must be strings, not '{tn}'")));
        };
        if text.is_empty()
            || krait_syntax::tokenizer::unicode::first_invalid_identifier_char(&text).is_some()
        {
            return Err(vm.type_error("__slots__ must be identifiers".into()));
        }
        if text == "__dict__" {
            if base_has_dict || add_dict {
                return Err(vm.type_error("__dict__ slot disallowed: we already got one".into()));
            }
            add_dict = true;
            continue;
        }
        if text == "__weakref__" {
            if base_has_weakref || add_weakref {
                return Err(vm.type_error("__weakref__ slot disallowed: we already got one".into()));
            }
            add_weakref = true;
            continue;
        }
        members.push(mangle(class_name, &text));
    }
    if (!members.is_empty() || (add_weakref && refuses_weakref_slot(builtin)))
        && is_variable_size(builtin)
    {
        return Err(vm.type_error(format!(
            "nonempty __slots__ not supported for subtype of '{}'",
            base.name
        )));
    }
    members.sort();
    for m in &members {
        if namespace.table.with(|t| t.get_str(&Str::new(m))).is_some() {
            return Err(
                vm.value_error(&format!("'{m}' in __slots__ conflicts with class variable"))
            );
        }
    }
    Ok(SlotsSpec {
        members,
        add_dict,
        add_weakref,
    })
}

/// Whether user subclasses of a builtin type can be created.
fn subclassable_payload(payload: TypeId) -> bool {
    payload == TypeId::of::<BareObject>()
        || payload == TypeId::of::<BaseException>()
        || payload == TypeId::of::<TypeObject>()
        || payload == TypeId::of::<crate::builtins::descriptors::Wrapper>()
        || payload == TypeId::of::<crate::builtins::descriptors::Property>()
        || payload == TypeId::of::<crate::builtins::generic_alias::GenericAlias>()
        || crate::builtins::instance::converts_to_subclass(payload)
}

/// `__dict__` and `__weakref__` of instances of classes that add them.
static INSTANCE_DICT_GETSETS: [GetSetDef; 2] = [
    getset(
        "__dict__",
        |vm, obj| match crate::builtins::object::materialized_dict(vm, obj)? {
            Some(d) => Ok(d),
            None => Err(crate::builtins::object::no_attribute_text(
                vm, obj, "__dict__",
            )),
        },
        crate::builtins::object::set_instance_dict,
    ),
    getset(
        "__weakref__",
        |_vm, obj| {
            Ok(obj
                .as_object()
                .and_then(crate::object::weakref::first_weakref)
                .map_or(Value::NONE, Value::from_object))
        },
        |vm, obj, _value| {
            // Named after the class that defines the attribute, as CPython.
            let owner = vm
                .type_of(obj)
                .mro
                .get()
                .into_iter()
                .find(|c| {
                    c.dict
                        .with(|d| d.get_str(&Str::new("__weakref__")).is_some())
                })
                .map(|c| c.name.to_string())
                .unwrap_or_default();
            Err(vm.attribute_error(&format!(
                "attribute '__weakref__' of '{owner}' objects is not writable"
            )))
        },
    ),
];

/// Creates the class object (the heart of `type.__new__`).
fn create_class(
    vm: &mut Vm,
    metatype: &TypeRef,
    name: &str,
    bases: &[Value],
    namespace: &Ref<Dict>,
) -> PyResult<TypeRef> {
    if name.contains('\0') {
        return Err(vm.value_error("type name must not contain null characters"));
    }
    let bases: Vec<Value> = if bases.is_empty() {
        vec![Value::from_object(vm.types.object.as_obj().clone())]
    } else {
        bases.to_vec()
    };
    let (base_types, base) = best_base(vm, &bases)?;
    let tail = match crate::types::mro::c3_merge(&base_types) {
        Ok(m) => m,
        Err(message) => return Err(vm.type_error(message)),
    };
    let builtin = builtin_ancestor(&base);
    if !subclassable_payload(builtin.payload) && !builtin.has_flag(flags::NEW_ALLOCATES_CLASS) {
        return Err(vm.new_error(
            ExcKind::NotImplementedError,
            &format!(
                "krait does not support subclassing the builtin type '{}' yet",
                builtin.name
            ),
        ));
    }
    let slots = slots_spec(vm, name, namespace, &base, &builtin)?;
    let qualname = match namespace
        .table
        .with(|t| t.get_str(&Str::new("__qualname__")))
    {
        Some(q) => match text_of(vm, &q) {
            Some(q) => q,
            None => {
                let tn = vm.type_name(&q);
                return Err(vm.type_error(format!("type __qualname__ must be a str, not {tn}")));
            }
        },
        None => name.to_string(),
    };
    let has_dict = slots.add_dict || base.has_flag(flags::HAS_DICT) || has_native_dict(&builtin);
    let base_slot_count = base.slot_count.get();
    let extended = base.has_flag(flags::EXTENDED)
        || !slots.members.is_empty()
        || (has_dict && !has_native_dict(&builtin));
    let mut payload = TypeObject::derived_from(&builtin, name, extended);
    payload.flags = std::cell::Cell::new(
        flags::HEAPTYPE
            | flags::BASETYPE
            | if has_dict { flags::HAS_DICT } else { 0 }
            | if extended { flags::EXTENDED } else { 0 }
            | if slots.add_weakref {
                flags::WEAKREFABLE
            } else {
                0
            }
            | (base.flags.get() & (flags::EXCEPTION | flags::WEAKREFABLE | flags::MATCH_SELF)),
    );
    payload.slot_count = std::cell::Cell::new(base_slot_count + slots.members.len());
    payload.base = PyCell::new(Some(base.clone()));
    payload.bases = PyCell::new(base_types);
    payload.qualname = PyCell::new(qualname.into());
    let cls = vm.alloc(metatype, payload)?;
    cls.register_with_bases();
    let mut mro = vec![cls.clone()];
    mro.extend(tail);
    // Pattern matching sees the class as the first class along its MRO
    // that is a sequence or a mapping sees itself (as CPython does).
    let collection = flags::SEQUENCE | flags::MAPPING;
    let kind = mro
        .iter()
        .skip(1)
        .map(|t| t.flags.get() & collection)
        .find(|bits| *bits != 0)
        .unwrap_or(0);
    cls.flags.set(cls.flags.get() | kind);
    cls.mro.with(|m| *m = mro);
    // The namespace, less the entries type.__new__ consumes.
    let mut classcell = None;
    let mut classdictcell = None;
    for (k, v) in namespace.items() {
        let Some(key) = vm.as_str(&k).cloned() else {
            continue;
        };
        let v = match &*key.as_lossy() {
            "__qualname__" => continue,
            "__classcell__" => {
                classcell = Some(v);
                continue;
            }
            "__classdictcell__" => {
                classdictcell = Some(v);
                continue;
            }
            "__new__" if is_plain_function(&v) => {
                crate::builtins::descriptors::new_staticmethod(vm, v)?
            }
            "__init_subclass__" | "__class_getitem__" if is_plain_function(&v) => {
                crate::builtins::descriptors::new_classmethod(vm, v)?
            }
            _ => v,
        };
        let key = vm.intern(&key.as_lossy())?;
        cls.dict.with(|d| d.insert_str(key, v));
    }
    if cls
        .dict
        .with(|d| d.get_str(&Str::new("__module__")))
        .is_none()
        && let Some(m) = vm.current_globals_name()
    {
        let key = vm.intern("__module__")?;
        cls.dict.with(|d| d.insert_str(key, m));
    }
    for (i, member) in slots.members.iter().enumerate() {
        let key = vm.intern(member)?;
        let descr = vm.new_member_descriptor(&cls, key.clone(), base_slot_count + i)?;
        cls.dict.with(|d| d.insert_str(key, descr));
    }
    if slots.add_dict {
        add_instance_getset(vm, &cls, &INSTANCE_DICT_GETSETS[0])?;
    }
    if slots.add_weakref {
        add_instance_getset(vm, &cls, &INSTANCE_DICT_GETSETS[1])?;
    }
    if cls.dict.with(|d| d.get_str(&Str::new("__doc__"))).is_none() {
        let key = vm.intern("__doc__")?;
        cls.dict.with(|d| d.insert_str(key, Value::NONE));
    }
    let defines_eq = cls.dict.with(|d| d.get_str(&Str::new("__eq__"))).is_some();
    if defines_eq
        && cls
            .dict
            .with(|d| d.get_str(&Str::new("__hash__")))
            .is_none()
    {
        let key = vm.intern("__hash__")?;
        cls.dict.with(|d| d.insert_str(key, Value::NONE));
    }
    let cls_value = Value::from_object(cls.as_obj().clone());
    if let Some(cell) = classcell {
        match cell.as_object().and_then(|o| o.downcast::<CellObj>()) {
            Some(c) => c.value.with(|v| *v = Some(cls_value.clone())),
            None => {
                let r = vm.repr_string(&Value::from_object(vm.type_of(&cell).as_obj().clone()))?;
                return Err(
                    vm.type_error(format!("__classcell__ must be a nonlocal cell, not {r}"))
                );
            }
        }
    }
    if let Some(cell) = classdictcell
        && let Some(c) = cell.as_object().and_then(|o| o.downcast::<CellObj>())
    {
        let proxy = vm.new_class_mappingproxy(&cls)?;
        c.value.with(|v| *v = Some(proxy));
    }
    cls.bump_version();
    crate::builtins::user_slots::fixup_slots(&cls);
    Ok(cls)
}

fn add_instance_getset(vm: &mut Vm, cls: &TypeRef, def: &'static GetSetDef) -> PyResult<()> {
    let descr = vm.alloc(
        &vm.types.getset.clone(),
        crate::builtins::descriptors::GetSetDescriptor {
            def,
            owner: cls.clone(),
        },
    )?;
    let key = vm.intern(def.name)?;
    cls.dict
        .with(|d| d.insert_str(key, Value::from_object(descr.into_obj())));
    Ok(())
}

fn is_plain_function(v: &Value) -> bool {
    v.as_object()
        .is_some_and(|o| o.downcast::<Function>().is_some())
}

/// Calls `__set_name__(cls, name)` on every namespace value that has it; a
/// failure gets CPython's note naming the attribute.
fn set_names(vm: &mut Vm, cls: &TypeRef) -> PyResult<()> {
    let items: Vec<(Value, Value)> = cls
        .dict
        .with(|d| d.iter().map(|e| (e.key.clone(), e.value.clone())).collect());
    let cls_value = Value::from_object(cls.as_obj().clone());
    for (k, v) in items {
        let class = vm.type_of(&v).clone();
        let Some(f) = class.lookup("__set_name__") else {
            continue;
        };
        let bound = vm.bind(&f, &v, &class)?;
        if let Err(e) = vm.call(&bound, &[cls_value.clone(), k.clone()], None) {
            let key = vm.repr_string(&k)?;
            let note = format!(
                "Error calling __set_name__ on '{}' instance {key} in '{}'",
                class.name, cls.name
            );
            crate::builtins::exceptions::add_note_text(vm, &e, &note)?;
            return Err(e);
        }
    }
    Ok(())
}

/// `super(cls, cls).__init_subclass__(**keywords)`.
fn init_subclass(vm: &mut Vm, cls: &TypeRef, keywords: &Keywords) -> PyResult<()> {
    let cls_value = Value::from_object(cls.as_obj().clone());
    let sup = vm.new_super(cls.clone(), cls_value)?;
    let f = vm.get_attr_str(&sup, "__init_subclass__")?;
    call_with_keywords(vm, &f, &[], keywords)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::mangle;

    #[test]
    fn private_names_are_mangled_like_cpython() {
        assert_eq!(mangle("Point", "__x"), "_Point__x");
        assert_eq!(mangle("_Point", "__x"), "_Point__x");
        assert_eq!(mangle("__", "__x"), "__x");
        assert_eq!(mangle("Point", "__x__"), "__x__");
        assert_eq!(mangle("Point", "_x"), "_x");
    }
}
