//! Attributes every object or a family of objects has without a dict entry:
//! `__class__`, `__dict__`, and the `__name__`/`__qualname__`/`__doc__`/...
//! of functions and methods (CPython's getset descriptors, here answered in
//! one place).

use crate::builtins::dict::Dict;
use crate::builtins::function::{Code, Function, Method, Module};
use crate::builtins::native::BuiltinFunction;
use crate::builtins::object::instance_dict;
use crate::builtins::str::Str;
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::value::Value;

/// The special attribute `name` of `obj`, if it has one.
pub fn special_attribute(vm: &mut Vm, obj: &Value, name: &Ref<Str>) -> PyResult<Option<Value>> {
    let text = name.as_lossy();
    if &*text == "__class__" {
        return Ok(Some(Value::from_object(vm.type_of(obj).as_obj().clone())));
    }
    if crate::builtins::int::is_int(obj) {
        return crate::builtins::int::int_attribute(vm, obj, &text);
    }
    if let Some(v) = crate::builtins::float::float_attribute(obj, &text) {
        return Ok(Some(v));
    }
    let Some(o) = obj.as_object() else {
        return Ok(None);
    };
    if let Some(v) = crate::builtins::complex::complex_attribute(obj, &text) {
        return Ok(Some(v));
    }
    if &*text == "__dict__" {
        if let Some(m) = o.downcast::<Module>() {
            return Ok(Some(Value::from_object(m.dict.as_obj().clone())));
        }
        if let Some(d) = instance_dict(obj) {
            let fresh = vm.new_dict_ref()?;
            for (k, v) in d.items() {
                Dict::set_item(vm, &fresh, k, v)?;
            }
            let dict = d.take_dict(fresh);
            return Ok(Some(Value::from_object(dict.into_obj())));
        }
        return Ok(None);
    }
    if let Some(f) = o.downcast::<Function>() {
        return Ok(match &*text {
            "__name__" => Some(f.name.get()),
            "__qualname__" => Some(f.qualname.get()),
            "__doc__" => Some(f.doc.get()),
            "__module__" => Some(f.module.get()),
            "__code__" => Some(Value::from_object(f.code.as_obj().clone())),
            "__globals__" => Some(Value::from_object(f.globals.as_obj().clone())),
            "__defaults__" => Some(
                f.defaults
                    .get()
                    .map_or(Value::NONE, |t| Value::from_object(t.into_obj())),
            ),
            "__kwdefaults__" => Some(
                f.kwdefaults
                    .get()
                    .map_or(Value::NONE, |t| Value::from_object(t.into_obj())),
            ),
            "__closure__" => Some(
                f.closure
                    .get()
                    .map_or(Value::NONE, |t| Value::from_object(t.into_obj())),
            ),
            _ => None,
        });
    }
    if let Some(m) = o.downcast::<Method>() {
        return Ok(match &*text {
            "__func__" => Some(m.func.clone()),
            "__self__" => Some(m.this.clone()),
            "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                let f = m.func.clone();
                Some(vm.get_attr(&f, name)?)
            }
            _ => None,
        });
    }
    if let Some(b) = o.downcast::<BuiltinFunction>() {
        return Ok(match &*text {
            "__name__" => Some(vm.new_str(b.def.name)?),
            "__qualname__" => Some(vm.new_str(&b.qualname.clone())?),
            "__self__" => Some(b.this.clone().unwrap_or(Value::NONE)),
            _ => None,
        });
    }
    if let Some(c) = o.downcast::<Code>() {
        return Ok(match &*text {
            "co_name" => Some(Value::from_object(c.name.as_obj().clone())),
            "co_qualname" => Some(Value::from_object(c.qualname.as_obj().clone())),
            "co_argcount" => Some(Value::from_i64(i64::from(c.code.argcount))),
            "co_flags" => Some(Value::from_i64(i64::from(c.code.flags))),
            "co_firstlineno" => Some(Value::from_i64(i64::from(c.code.firstlineno))),
            _ => None,
        });
    }
    Ok(None)
}
