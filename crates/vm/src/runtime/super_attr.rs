//! `LOAD_SUPER_ATTR`: `super().name` and `super(C, obj).name` (and their
//! method loads) without making a super object when `super` is the builtin
//! and its first argument is a type — the lookup along the MRO after the
//! class is `super`'s own ([`super_lookup`]); anything else calls whatever
//! `super` names and takes the attribute of what it returns.

use crate::builtins::descriptors::{super_bind, super_lookup};
use crate::builtins::str::Str;
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::runtime::attr_access::{Loaded, generic_get, is_method_descriptor};
use crate::types::TypeObject;
use crate::value::Value;

/// `LOAD_SUPER_ATTR`'s oparg bit for a method load.
const METHOD_BIT: u32 = 1;
/// `LOAD_SUPER_ATTR`'s oparg bit for the two-argument form: the fallback
/// passes `class` and `self` to `super`; without it `super()` finds them
/// in the running frame.
const TWO_ARGUMENT_BIT: u32 = 2;

/// `global_super(class, this).name` for `LOAD_SUPER_ATTR` with `oparg`: a
/// method load (bit 0) answers [`Loaded::Method`] when the attribute is a
/// plain function or method descriptor found for an instance with the
/// generic `__getattribute__` (push it and `this`).
pub fn load_super_attr(
    vm: &mut Vm,
    global_super: &Value,
    class: &Value,
    this: &Value,
    name: &Ref<Str>,
    oparg: u32,
) -> PyResult<Loaded> {
    let is_builtin_super = global_super
        .as_object()
        .is_some_and(|o| o.is(vm.types.super_.as_obj()));
    let class_type = class.as_object().and_then(|o| o.downcast::<TypeObject>());
    let Some(class_type) = class_type.filter(|_| is_builtin_super).cloned() else {
        let args: &[Value] = if oparg & TWO_ARGUMENT_BIT != 0 {
            &[class.clone(), this.clone()]
        } else {
            &[]
        };
        let sup = vm.call(global_super, args, None)?;
        return vm.get_attr(&sup, name).map(Loaded::Value);
    };
    let obj_type = vm.super_obj_type(&class_type, this)?;
    let Some(attr) = super_lookup(&class_type, &obj_type, name) else {
        // Not in the MRO after the class: the super object's own attributes
        // or the AttributeError that names it.
        let sup = vm.new_super(class_type, this.clone())?;
        return crate::builtins::object::generic_getattr(vm, &sup, name).map(Loaded::Value);
    };
    if oparg & METHOD_BIT != 0 && is_method_descriptor(&attr) && generic_get(vm.type_of(this)) {
        return Ok(Loaded::Method(attr));
    }
    super_bind(vm, &attr, this, &obj_type).map(Loaded::Value)
}
