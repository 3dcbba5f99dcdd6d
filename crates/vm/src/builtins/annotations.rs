//! PEP 649 lazy annotations: `__annotate__` functions (made by the
//! compiler) evaluated on the first read of `__annotations__`, whose result
//! is cached — for functions in the function object, for classes in the
//! class dict (`__annotations_cache__`, CPython 3.14's layout, with the
//! class body's `__annotate_func__`).

use crate::builtins::dict::Dict;
use crate::builtins::function::Function;
use crate::builtins::str::Str;
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::TypeRef;
use crate::value::Value;

/// `annotationlib.Format.VALUE`.
const FORMAT_VALUE: i64 = 1;

/// Calls an `__annotate__` function for values and checks it gave a dict.
fn evaluate(vm: &mut Vm, annotate: &Value) -> PyResult<Value> {
    let r = vm.call(annotate, &[Value::from_i64(FORMAT_VALUE)], None)?;
    if r.as_object().and_then(|o| o.downcast::<Dict>()).is_none() {
        let tn = vm.type_name(&r);
        return Err(vm.type_error(format!("__annotate__ returned non-dict of type '{tn}'")));
    }
    Ok(r)
}

fn function_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Ref<Function>> {
    match v.as_object().and_then(|o| o.downcast::<Function>()) {
        Some(f) => Ok(f),
        None => Err(vm.type_error("expected a function".into())),
    }
}

/// `function.__annotations__`.
pub fn function_annotations(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = function_of(vm, v)?.clone();
    let cached = f.annotations.get();
    if !cached.is_none() {
        return Ok(cached);
    }
    let annotate = f.annotate.get();
    let value = if annotate.is_none() {
        vm.new_dict()?
    } else {
        evaluate(vm, &annotate)?
    };
    f.annotations.with(|a| *a = value.clone());
    Ok(value)
}

/// `function.__annotations__ = value` (a dict, or `None`/deletion to reset).
pub fn set_function_annotations(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let f = function_of(vm, v)?.clone();
    let value = value.unwrap_or(Value::NONE);
    if !value.is_none()
        && value
            .as_object()
            .and_then(|o| o.downcast::<Dict>())
            .is_none()
    {
        return Err(vm.type_error("__annotations__ must be set to a dict object".into()));
    }
    f.annotations.with(|a| *a = value);
    f.annotate.with(|a| *a = Value::NONE);
    Ok(())
}

/// `function.__annotate__`.
pub fn function_annotate(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(function_of(vm, v)?.annotate.get())
}

/// `function.__annotate__ = value` (callable or `None`).
pub fn set_function_annotate(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let f = function_of(vm, v)?.clone();
    let Some(value) = value else {
        return Err(vm.type_error("__annotate__ cannot be deleted".into()));
    };
    if !value.is_none() && vm.type_of(&value).slots.call.get().is_none() {
        return Err(vm.type_error("__annotate__ must be callable or None".into()));
    }
    if !value.is_none() {
        f.annotations.with(|a| *a = Value::NONE);
    }
    f.annotate.with(|a| *a = value);
    Ok(())
}

fn heap_class(vm: &mut Vm, v: &Value, attribute: &str) -> PyResult<TypeRef> {
    match crate::builtins::type_::as_type(v) {
        Some(t) if t.has_flag(crate::types::flags::HEAPTYPE) => Ok(t.clone()),
        Some(t) => Err(vm.attribute_error(&format!(
            "type object '{}' has no attribute '{attribute}'",
            t.name
        ))),
        None => Err(vm.type_error("expected a class".into())),
    }
}

fn own_entry(cls: &TypeRef, name: &str) -> Option<Value> {
    cls.dict.with(|d| d.get_str(&Str::new(name)))
}

/// `type.__annotate__`: the class's own annotate function, or `None`.
pub fn class_annotate(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let cls = heap_class(vm, v, "__annotate__")?;
    Ok(own_entry(&cls, "__annotate__")
        .or_else(|| own_entry(&cls, "__annotate_func__"))
        .unwrap_or(Value::NONE))
}

/// `type.__annotate__ = value`.
pub fn set_class_annotate(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let cls = heap_class(vm, v, "__annotate__")?;
    let Some(value) = value else {
        return Err(vm.type_error("cannot delete __annotate__ attribute".into()));
    };
    if !value.is_none() && vm.type_of(&value).slots.call.get().is_none() {
        return Err(vm.type_error("__annotate__ must be callable or None".into()));
    }
    let key = vm.intern("__annotate_func__")?;
    let old = cls.dict.with(|d| d.insert_str(key, value.clone()));
    drop(old);
    if !value.is_none() {
        let cache = vm.intern("__annotations_cache__")?;
        let old = cls.dict.with(|d| d.remove_str(&cache));
        drop(old);
    }
    cls.bump_version();
    Ok(())
}

/// `type.__annotations__`: evaluated once from `__annotate__` and cached.
pub fn class_annotations(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let cls = heap_class(vm, v, "__annotations__")?;
    if let Some(a) = own_entry(&cls, "__annotations__") {
        return match vm.type_of(&a).slots.descr_get.get() {
            Some(get) => get(vm, &a, None, &cls),
            None => Ok(a),
        };
    }
    if let Some(a) = own_entry(&cls, "__annotations_cache__") {
        return Ok(a);
    }
    let annotate = class_annotate(vm, v)?;
    let value = if annotate.is_none() {
        vm.new_dict()?
    } else {
        evaluate(vm, &annotate)?
    };
    let key = vm.intern("__annotations_cache__")?;
    let old = cls.dict.with(|d| d.insert_str(key, value.clone()));
    drop(old);
    cls.bump_version();
    Ok(value)
}

/// `type.__annotations__ = value` / `del type.__annotations__`.
pub fn set_class_annotations(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let cls = heap_class(vm, v, "__annotations__")?;
    let key = vm.intern("__annotations__")?;
    let cache = vm.intern("__annotations_cache__")?;
    let old = match value {
        Some(value) => {
            let annotate = vm.intern("__annotate_func__")?;
            let old = cls.dict.with(|d| d.insert_str(annotate, Value::NONE));
            drop(old);
            cls.dict.with(|d| d.insert_str(key, value))
        }
        None => {
            let removed = cls.dict.with(|d| d.remove_str(&key));
            let cached = cls.dict.with(|d| d.remove_str(&cache));
            if removed.is_none() && cached.is_none() {
                return Err(vm.attribute_error("__annotations__"));
            }
            removed
        }
    };
    drop(old);
    cls.bump_version();
    Ok(())
}
