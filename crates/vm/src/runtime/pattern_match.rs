//! The run-time half of structural pattern matching (`match` statements):
//! what `MATCH_MAPPING`, `MATCH_SEQUENCE`, `MATCH_KEYS` and `MATCH_CLASS`
//! compute (CPython's `match_keys` and `match_class` in `Python/ceval.c`).
//!
//! The compiler does the rest (comparisons, unpacking, captures, guards);
//! these helpers answer "is the subject a mapping / a sequence", "fetch
//! these keys" and "is it an instance of this class, and what are the
//! attributes its sub-patterns look at".

use crate::builtins::exceptions::ExcKind;
use crate::builtins::set::{Set, as_set};
use crate::builtins::str::Str;
use crate::builtins::tuple::Tuple;
use crate::builtins::type_::{as_type, isinstance};
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::flags;
use crate::value::Value;

/// Whether mapping patterns apply to `subject` (`Py_TPFLAGS_MAPPING`).
pub fn is_mapping(vm: &Vm, subject: &Value) -> bool {
    vm.type_of(subject).has_flag(flags::MAPPING)
}

/// Whether sequence patterns apply to `subject` (`Py_TPFLAGS_SEQUENCE`;
/// `str`, `bytes` and `bytearray` do not have it).
pub fn is_sequence(vm: &Vm, subject: &Value) -> bool {
    vm.type_of(subject).has_flag(flags::SEQUENCE)
}

/// `GET_LEN`: `len(subject)` as an int.
pub fn length(vm: &mut Vm, subject: &Value) -> PyResult<Value> {
    let n = vm.len(subject)?;
    Ok(Value::from_i64(i64::try_from(n).unwrap_or(i64::MAX)))
}

/// A fresh empty `set`, as a reference.
fn new_seen_set(vm: &mut Vm) -> PyResult<Ref<Set>> {
    let set = vm.new_set(Vec::new())?;
    match as_set(&set) {
        Some(s) => Ok(s.clone()),
        None => Err(vm.type_error("krait: set construction failed".into())),
    }
}

/// Adds `item` to `seen`; `false` if it was there already.
fn first_sighting(vm: &mut Vm, seen: &Ref<Set>, item: &Value) -> PyResult<bool> {
    let set = Value::from_object(seen.as_obj().clone());
    if vm.contains(&set, item)? {
        return Ok(false);
    }
    Set::add(vm, seen, item.clone())?;
    Ok(true)
}

/// `MATCH_KEYS`: the values of `keys` (a tuple) in the mapping `subject`,
/// fetched with `subject.get(key, <sentinel>)`, as a tuple — or `None`
/// when a key is missing. A key given twice is a `ValueError`.
pub fn match_keys(vm: &mut Vm, subject: &Value, keys: &Value) -> PyResult<Value> {
    let keys: Vec<Value> = match keys.as_object().and_then(|o| o.downcast::<Tuple>()) {
        Some(t) => t.items().to_vec(),
        None => return Err(vm.type_error("krait: MATCH_KEYS expects a tuple of keys".into())),
    };
    if keys.is_empty() {
        return vm.new_tuple(Vec::new());
    }
    // A fresh object no mapping can hold: `get` returns it for a missing
    // key (so that `__missing__` and `None` values behave as CPython's).
    let object_type = Value::from_object(vm.types.object.as_obj().clone());
    let sentinel = vm.call(&object_type, &[], None)?;
    let seen = new_seen_set(vm)?;
    let get = vm.get_attr_str(subject, "get")?;
    let mut values = Vec::with_capacity(keys.len());
    for key in &keys {
        if !first_sighting(vm, &seen, key)? {
            let shown = vm.repr_string(key)?;
            return Err(vm.new_error(
                ExcKind::ValueError,
                &format!("mapping pattern checks duplicate key ({shown})"),
            ));
        }
        let value = vm.call(&get, &[key.clone(), sentinel.clone()], None)?;
        if crate::protocol::number::is_same(&value, &sentinel) {
            return Ok(Value::NONE);
        }
        values.push(value);
    }
    vm.new_tuple(values)
}

/// `MATCH_CLASS`: whether `subject` is an instance of `class`, and then the
/// attributes its `positional` sub-patterns (named by `__match_args__`)
/// and keyword sub-patterns (`keywords`, a tuple of names) look at, as a
/// tuple — or `None` when it is not an instance or lacks an attribute.
pub fn match_class(
    vm: &mut Vm,
    subject: &Value,
    class: &Value,
    positional: usize,
    keywords: &Value,
) -> PyResult<Value> {
    let Some(class_type) = as_type(class).cloned() else {
        return Err(vm.type_error("called match pattern must be a class".into()));
    };
    let keywords: Vec<Value> = match keywords.as_object().and_then(|o| o.downcast::<Tuple>()) {
        Some(t) => t.items().to_vec(),
        None => return Err(vm.type_error("krait: MATCH_CLASS expects a tuple of names".into())),
    };
    if !isinstance(vm, subject, class)? {
        return Ok(Value::NONE);
    }
    let class_name = vm.class_name(&class_type);
    let seen = new_seen_set(vm)?;
    let mut attributes = Vec::with_capacity(positional + keywords.len());
    if positional > 0 {
        let match_args_name = vm.intern("__match_args__")?;
        let (names, match_self) = match vm.get_attr_opt(class, &match_args_name)? {
            Some(declared) => {
                let is_exact_tuple = declared.as_object().is_some_and(|o| {
                    o.downcast::<Tuple>().is_some() && o.class().same(&vm.types.tuple)
                });
                if !is_exact_tuple {
                    let got = vm.type_name(&declared);
                    return Err(vm.type_error(format!(
                        "{class_name}.__match_args__ must be a tuple (got {got})"
                    )));
                }
                let names = declared
                    .as_object()
                    .and_then(|o| o.downcast::<Tuple>())
                    .map(|t| t.items().to_vec())
                    .unwrap_or_default();
                (names, false)
            }
            // The self-matching flag counts only for classes that do not
            // declare `__match_args__` (a subclass that declares it opts out).
            None => (Vec::new(), class_type.has_flag(flags::MATCH_SELF)),
        };
        let allowed = if match_self { 1 } else { names.len() };
        if allowed < positional {
            let plural = if allowed == 1 { "" } else { "s" };
            return Err(vm.type_error(format!(
                "{class_name}() accepts {allowed} positional sub-pattern{plural} ({positional} given)"
            )));
        }
        if match_self {
            attributes.push(subject.clone());
        } else {
            for name in names.iter().take(positional) {
                let exact_str = name
                    .as_object()
                    .is_some_and(|o| o.class().same(&vm.types.str));
                if !exact_str {
                    let got = vm.type_name(name);
                    return Err(vm.type_error(format!(
                        "__match_args__ elements must be strings (got {got})"
                    )));
                }
                match attribute(vm, subject, &class_name, name, &seen)? {
                    Some(v) => attributes.push(v),
                    None => return Ok(Value::NONE),
                }
            }
        }
    }
    for name in &keywords {
        match attribute(vm, subject, &class_name, name, &seen)? {
            Some(v) => attributes.push(v),
            None => return Ok(Value::NONE),
        }
    }
    vm.new_tuple(attributes)
}

/// The attribute `name` of `subject` for a class sub-pattern (`None` when
/// it is missing); an attribute looked at twice is a `TypeError`.
fn attribute(
    vm: &mut Vm,
    subject: &Value,
    class_name: &str,
    name: &Value,
    seen: &Ref<Set>,
) -> PyResult<Option<Value>> {
    if !first_sighting(vm, seen, name)? {
        let shown = vm.repr_string(name)?;
        return Err(vm.type_error(format!(
            "{class_name}() got multiple sub-patterns for attribute {shown}"
        )));
    }
    let Some(name) = name.as_object().and_then(|o| o.downcast::<Str>()).cloned() else {
        return Err(vm.type_error("attribute name must be string".into()));
    };
    vm.get_attr_opt(subject, &name)
}
