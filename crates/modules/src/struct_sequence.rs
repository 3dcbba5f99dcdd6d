//! Struct sequences (CPython's `structseq`): tuples whose items also have
//! names, such as `sys.version_info` and `os.stat_result`. An instance is a
//! `tuple` (indexing, slicing, comparison, hashing and iteration are the
//! tuple's) whose class adds read-only attributes for the fields and a
//! `module.name(field=value, ...)` repr. The named items are the class's
//! `__match_args__`, as in CPython. A type may also have items without a
//! name after the named ones, and *hidden* fields: attributes only, not
//! items, kept in the instance's slot values and read through member
//! descriptors (`os.stat_result.st_atime_ns`).

use krait_vm::builtins::descriptors::MemberDescriptor;
use krait_vm::builtins::dict::Dict;
use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::str::Str;
use krait_vm::builtins::tuple::Tuple;
use krait_vm::object::Ref;
use krait_vm::types::{TypeRef, flags};
use krait_vm::{PyErr, PyResult, Value, Vm};

/// The fields of a struct sequence type.
pub struct Shape<'a> {
    /// The named items, in order.
    pub named: &'a [&'a str],
    /// How many items follow the named ones without a name of their own.
    pub unnamed: usize,
    /// The fields that are attributes only (in order; `None` when unset).
    pub hidden: &'a [&'a str],
}

/// Creates a struct sequence type `module.name` whose items are `fields`.
pub fn new_type(vm: &mut Vm, module: &str, name: &str, fields: &[&str]) -> PyResult<TypeRef> {
    let shape = Shape {
        named: fields,
        unnamed: 0,
        hidden: &[],
    };
    new_type_shaped(vm, module, name, &shape)
}

/// Creates a struct sequence type `module.name` of `shape`. It cannot be
/// instantiated from Python unless the caller installs a `__new__` (see
/// [`construct`]).
pub fn new_type_shaped(
    vm: &mut Vm,
    module: &str,
    name: &str,
    shape: &Shape<'_>,
) -> PyResult<TypeRef> {
    let tuple = vm.types.tuple.clone();
    let type_flags = if shape.hidden.is_empty() {
        0
    } else {
        flags::EXTENDED
    };
    let ty = vm.new_builtin_type::<Tuple>(module, name, Some(&tuple), type_flags, &[])?;
    let mut names = Vec::with_capacity(shape.named.len());
    for field in shape.named {
        names.push(vm.intern_value(field)?);
    }
    let visible = shape.named.len() + shape.unnamed;
    let count = |n: usize| Value::from_i64(i64::try_from(n).unwrap_or(i64::MAX));
    let match_args = vm.new_tuple(names)?;
    for (key, value) in [
        ("__match_args__", match_args),
        ("n_sequence_fields", count(visible)),
        ("n_fields", count(visible + shape.hidden.len())),
        ("n_unnamed_fields", count(shape.unnamed)),
    ] {
        let key = vm.intern(key)?;
        ty.dict.with(|d| d.insert_str(key, value));
    }
    for (index, field) in shape.hidden.iter().enumerate() {
        let key = vm.intern(field)?;
        let member = vm.new_member_descriptor(&ty, key.clone(), index)?;
        ty.dict.with(|d| d.insert_str(key, member));
    }
    ty.slot_count.set(shape.hidden.len());
    ty.slots.getattro.set(Some(getattr));
    ty.slots.setattro.set(Some(setattr));
    ty.slots.repr.set(Some(repr));
    ty.slots.new.set(None);
    ty.bump_version();
    Ok(ty)
}

/// An instance of a struct sequence type without hidden fields.
pub fn new_instance(vm: &mut Vm, ty: &TypeRef, values: Vec<Value>) -> PyResult<Value> {
    new_instance_with_hidden(vm, ty, values, Vec::new())
}

/// An instance of a struct sequence type: its items, then its hidden
/// fields in order (`None` for one not given, which reads as `None`).
pub fn new_instance_with_hidden(
    vm: &mut Vm,
    ty: &TypeRef,
    values: Vec<Value>,
    hidden: Vec<Option<Value>>,
) -> PyResult<Value> {
    let t = vm.alloc(ty, Tuple::new(values))?;
    let instance = Value::from_object(t.into_obj());
    if let Some(extension) = instance.as_object().and_then(|o| o.extension()) {
        for (index, value) in hidden.into_iter().enumerate() {
            if let Err(value) = extension.set_slot(index, Some(value.unwrap_or(Value::NONE))) {
                drop(value);
                return Err(vm.new_error(
                    ExcKind::SystemError,
                    "krait: struct sequence built with too many hidden fields",
                ));
            }
        }
    }
    Ok(instance)
}

/// A struct sequence class's counts: (items, items and hidden fields).
fn field_counts(ty: &TypeRef) -> (usize, usize) {
    let read = |key: &str| {
        ty.dict
            .with(|d| d.get_str(&Str::new(key)))
            .and_then(|v| v.as_i64())
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(0)
    };
    (read("n_sequence_fields"), read("n_fields"))
}

/// The arguments of a struct sequence constructor, `T(sequence, dict=None)`,
/// checked as CPython's `structseq_new` does: the items, then the hidden
/// fields (from the sequence's extra items, else `dict`, else unset).
/// A class that may be instantiated installs a `__new__` that calls this
/// and [`new_instance_with_hidden`].
pub fn construct(
    vm: &mut Vm,
    ty: &TypeRef,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<(Vec<Value>, Vec<Option<Value>>)> {
    let bound = krait_vm::static_signature!("(sequence, dict=None)").bind(
        vm,
        "structseq",
        args,
        kwnames,
    )?;
    let sequence = bound.required(0).clone();
    let dict = bound.get(1).filter(|d| !d.is_none()).cloned();
    let title = qualified_name(vm, ty);
    let mut items = match vm.iter(&sequence) {
        Ok(_) => vm.collect_iterable(&sequence)?,
        Err(e) if vm.exc_matches(&e, ExcKind::TypeError) => {
            return Err(vm.type_error("constructor requires a sequence".to_string()));
        }
        Err(e) => return Err(e),
    };
    let dict = match dict {
        None => None,
        Some(d) => match d.as_object().and_then(|o| o.downcast::<Dict>()) {
            Some(d) => Some(d.clone()),
            None => {
                return Err(vm.type_error(format!("{title}() takes a dict as second arg, if any")));
            }
        },
    };
    let (min, max) = field_counts(ty);
    let given = items.len();
    if given < min {
        let bound = if min == max { "a" } else { "an at least" };
        return Err(vm.type_error(format!(
            "{title}() takes {bound} {min}-sequence ({given}-sequence given)"
        )));
    }
    if given > max {
        let bound = if min == max { "a" } else { "an at most" };
        return Err(vm.type_error(format!(
            "{title}() takes {bound} {max}-sequence ({given}-sequence given)"
        )));
    }
    let hidden_values = items.split_off(min);
    let mut hidden: Vec<Option<Value>> = hidden_values.into_iter().map(Some).collect();
    let names = hidden_names(ty);
    let mut used = 0;
    for name in names.iter().skip(hidden.len()) {
        let value = match &dict {
            Some(d) => {
                let key = Value::from_object(name.as_obj().clone());
                let found = Dict::get_item(vm, d, &key)?;
                used += usize::from(found.is_some());
                found
            }
            None => None,
        };
        hidden.push(value);
    }
    if let Some(d) = &dict
        && d.len() > used
    {
        return Err(vm.type_error(format!(
            "{title}() got duplicate or unexpected field name(s)"
        )));
    }
    Ok((items, hidden))
}

/// `module.name` of a struct sequence class (its name alone in `builtins`).
fn qualified_name(vm: &mut Vm, class: &TypeRef) -> String {
    match krait_vm::builtins::type_::type_module(vm, class) {
        Some(m) if m != "builtins" => format!("{m}.{}", class.name),
        _ => class.name.to_string(),
    }
}

/// The names of the items of a struct sequence's class.
fn field_names(vm: &Vm, obj: &Value) -> Vec<Ref<Str>> {
    let names = vm
        .type_of(obj)
        .dict
        .with(|d| d.get_str(&Str::new("__match_args__")));
    let Some(names) = names
        .as_ref()
        .and_then(|n| n.as_object())
        .and_then(|o| o.downcast::<Tuple>())
    else {
        return Vec::new();
    };
    names
        .items()
        .iter()
        .filter_map(|n| n.as_object().and_then(|o| o.downcast::<Str>()).cloned())
        .collect()
}

/// The hidden fields' names of a struct sequence class, in slot order:
/// its own member descriptors.
fn hidden_names(class: &TypeRef) -> Vec<Ref<Str>> {
    let mut members: Vec<(usize, Ref<Str>)> = class.dict.with(|d| {
        d.iter()
            .filter_map(|e| {
                let m = e.value.as_object()?.downcast::<MemberDescriptor>()?;
                m.owner
                    .as_obj()
                    .is(class.as_obj())
                    .then(|| (m.index, m.name.clone()))
            })
            .collect()
    });
    members.sort_by_key(|(index, _)| *index);
    members.into_iter().map(|(_, name)| name).collect()
}

fn items(obj: &Value) -> Vec<Value> {
    obj.as_object()
        .and_then(|o| o.downcast::<Tuple>())
        .map(|t| t.items().to_vec())
        .unwrap_or_default()
}

/// Attribute access: a field name gives its item.
fn getattr(vm: &mut Vm, obj: &Value, name: &Ref<Str>) -> PyResult<Value> {
    let fields = field_names(vm, obj);
    if let Some(i) = fields.iter().position(|f| f.as_bytes() == name.as_bytes())
        && let Some(v) = items(obj).get(i)
    {
        return Ok(v.clone());
    }
    krait_vm::builtins::object::generic_getattr(vm, obj, name)
}

/// Every field is read-only, and there is no `__dict__` for new
/// attributes.
fn setattr(vm: &mut Vm, obj: &Value, name: &Ref<Str>, _value: Option<Value>) -> PyResult<()> {
    let class = vm.type_of(obj).clone();
    let is_field = field_names(vm, obj)
        .iter()
        .chain(hidden_names(&class).iter())
        .any(|f| f.as_bytes() == name.as_bytes());
    if is_field {
        return Err(vm.attribute_error("readonly attribute"));
    }
    let tn = vm.type_name(obj);
    Err(no_new_attributes(vm, &tn, name))
}

fn no_new_attributes(vm: &mut Vm, type_name: &str, name: &Ref<Str>) -> PyErr {
    vm.attribute_error(&format!(
        "'{type_name}' object has no attribute '{}' and no __dict__ for setting new attributes",
        name.as_lossy()
    ))
}

/// `module.name(field=value, ...)` over the items. As in CPython, an item
/// without a name of its own is shown under the next name in field order
/// (`os.stat_result`'s integer times appear as `st_atime=...`).
fn repr(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let class = vm.type_of(obj).clone();
    let mut out = format!("{}(", qualified_name(vm, &class));
    let names: Vec<Ref<Str>> = field_names(vm, obj)
        .into_iter()
        .chain(hidden_names(&class))
        .collect();
    for (i, (field, value)) in names.iter().zip(items(obj)).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&field.as_lossy());
        out.push('=');
        out.push_str(&vm.repr_string(&value)?);
    }
    out.push(')');
    vm.new_str(&out)
}
