//! Struct sequences (CPython's `structseq`): tuples whose items also have
//! names, such as `sys.version_info` and `sys.float_info`. An instance is a
//! `tuple` (indexing, slicing, comparison, hashing and iteration are the
//! tuple's) whose class adds read-only attributes for the fields and a
//! `module.name(field=value, ...)` repr. The field names are the class's
//! `__match_args__`, as in CPython.

use krait_vm::builtins::str::Str;
use krait_vm::builtins::tuple::Tuple;
use krait_vm::object::Ref;
use krait_vm::types::TypeRef;
use krait_vm::{PyResult, Value, Vm};

/// Creates a struct sequence type `module.name` with `fields`.
pub fn new_type(vm: &mut Vm, module: &str, name: &str, fields: &[&str]) -> PyResult<TypeRef> {
    let tuple = vm.types.tuple.clone();
    let ty = vm.new_builtin_type::<Tuple>(module, name, Some(&tuple), 0, &[])?;
    let mut names = Vec::with_capacity(fields.len());
    for field in fields {
        names.push(vm.intern_value(field)?);
    }
    let count = Value::from_i64(i64::try_from(fields.len()).unwrap_or(i64::MAX));
    let match_args = vm.new_tuple(names)?;
    for (key, value) in [
        ("__match_args__", match_args),
        ("n_sequence_fields", count.clone()),
        ("n_fields", count),
        ("n_unnamed_fields", Value::from_i64(0)),
    ] {
        let key = vm.intern(key)?;
        ty.dict.with(|d| d.insert_str(key, value));
    }
    ty.slots.getattro.set(Some(getattr));
    ty.slots.repr.set(Some(repr));
    ty.slots.new.set(None);
    ty.bump_version();
    Ok(ty)
}

/// An instance of a struct sequence type.
pub fn new_instance(vm: &mut Vm, ty: &TypeRef, values: Vec<Value>) -> PyResult<Value> {
    let t = vm.alloc(ty, Tuple::new(values))?;
    Ok(Value::from_object(t.into_obj()))
}

/// The field names of a struct sequence's class.
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

/// `module.name(field=value, ...)`.
fn repr(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let class = vm.type_of(obj).clone();
    let module = krait_vm::builtins::type_::type_module(vm, &class);
    let mut out = match module {
        Some(m) if m != "builtins" => format!("{m}.{}(", class.name),
        _ => format!("{}(", class.name),
    };
    let fields = field_names(vm, obj);
    for (i, (field, value)) in fields.iter().zip(items(obj)).enumerate() {
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
