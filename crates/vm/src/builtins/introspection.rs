//! Attributes every object or a family of objects has without a dict entry:
//! `__class__`, `__dict__`, and the `__name__`/`__qualname__`/`__self__` of
//! builtin functions. (Functions, code objects, cells and bound methods
//! declare theirs as getset descriptors in `function.rs`.)

use crate::builtins::dict::Dict;
use crate::builtins::function::Module;
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
    let Some(o) = obj.as_object() else {
        return Ok(None);
    };
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
    if let Some(b) = o.downcast::<BuiltinFunction>() {
        return Ok(match &*text {
            "__name__" => Some(vm.new_str(b.def.name)?),
            "__qualname__" => Some(vm.new_str(&b.qualname.clone())?),
            "__self__" => Some(b.this.clone().unwrap_or(Value::NONE)),
            _ => None,
        });
    }
    Ok(None)
}
