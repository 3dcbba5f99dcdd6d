//! Attributes every object or a family of objects has without a dict entry:
//! `__class__` and `__dict__`. (Functions, code objects, cells, bound
//! methods, builtin functions and the numbers declare theirs as getset
//! descriptors in their own files.)

use crate::builtins::dict::Dict;
use crate::builtins::function::Module;
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
    if let Some(v) = crate::builtins::file_io::file_attribute(vm, obj, &text)? {
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
    Ok(None)
}

/// `vars(object)`: its `__dict__`; without an argument, `locals()`.
pub fn builtin_vars(vm: &mut Vm, args: &crate::builtins::native::Args) -> PyResult<Value> {
    let Some(obj) = args.get(0) else {
        return crate::builtins::code_eval::current_locals(vm);
    };
    let name = vm.intern("__dict__")?;
    match vm.get_attr_opt(obj, &name)? {
        Some(d) => Ok(d),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute".into())),
    }
}

/// The names of a type dict.
fn type_dict_keys(class: &crate::types::TypeRef) -> Vec<Value> {
    class
        .dict
        .with(|d| d.iter().map(|e| e.key.clone()).collect())
}

/// `dir(object)`: `__dir__` if the class defines one, else the module's
/// names, a class's attributes along its MRO, or an instance's attributes
/// and its class's; sorted. Without an argument, the local names.
pub fn builtin_dir(vm: &mut Vm, args: &crate::builtins::native::Args) -> PyResult<Value> {
    let names: Vec<Value> = match args.get(0) {
        None => {
            let locals = crate::builtins::code_eval::current_locals(vm)?;
            vm.collect_iterable(&locals)?
        }
        Some(obj) => {
            let class = vm.type_of(obj).clone();
            if class.lookup("__dir__").is_some() {
                let f = vm
                    .lookup_special(obj, "__dir__")
                    .ok_or_else(|| vm.type_error("__dir__ is not callable".into()))?;
                let r = vm.call(&f, &[], None)?;
                vm.collect_iterable(&r)?
            } else if let Some(m) = obj.as_object().and_then(|o| o.downcast::<Module>()) {
                m.dict.items().into_iter().map(|(k, _)| k).collect()
            } else if let Some(t) = obj
                .as_object()
                .and_then(|o| o.downcast::<crate::types::TypeObject>())
            {
                t.mro.get().iter().flat_map(type_dict_keys).collect()
            } else {
                let mut names: Vec<Value> = instance_dict(obj)
                    .map(|d| d.items().into_iter().map(|(k, _)| k).collect())
                    .unwrap_or_default();
                names.extend(class.mro.get().iter().flat_map(type_dict_keys));
                names.push(vm.intern_value("__class__")?);
                names
            }
        }
    };
    let mut unique: Vec<Value> = Vec::with_capacity(names.len());
    let mut seen = std::collections::HashSet::new();
    for n in names {
        let key = match vm.as_str(&n) {
            Some(s) => s.as_bytes().to_vec(),
            None => {
                unique.push(n);
                continue;
            }
        };
        if seen.insert(key) {
            unique.push(n);
        }
    }
    let sorted = crate::builtins::list::sort_values(vm, unique, None, false)?;
    vm.new_list(sorted)
}
