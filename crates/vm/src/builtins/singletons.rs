//! `None`, `NotImplemented` and `Ellipsis`, plus the slots of the small
//! callable and namespace types (functions, methods, cells, modules, code).

use crate::builtins::function::{Code, Function, Method, Module};
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::value::Value;

/// The payload of `NotImplemented` and `Ellipsis` (and inline-only types).
pub struct Singleton;

/// Installs the slots of `NoneType`, `NotImplementedType` and `ellipsis`.
pub fn init_types(none: &TypeObject, not_implemented: &TypeObject, ellipsis: &TypeObject) {
    none.slots.repr.set(Some(|vm, _| vm.new_str("None")));
    none.slots.bool.set(Some(|_, _| Ok(false)));
    none.slots.hash.set(Some(|_, _| Ok(crate::hash::HASH_NONE)));
    none.slots.new.set(Some(|vm, _, args, kw| {
        no_arguments(vm, "NoneType", args, kw)?;
        Ok(Value::NONE)
    }));
    not_implemented
        .slots
        .repr
        .set(Some(|vm, _| vm.new_str("NotImplemented")));
    not_implemented.slots.bool.set(Some(|vm, _| {
        Err(vm.type_error("NotImplemented should not be used in a boolean context".into()))
    }));
    not_implemented.slots.new.set(Some(|vm, _, args, kw| {
        no_arguments(vm, "NotImplementedType", args, kw)?;
        Ok(vm.not_implemented())
    }));
    ellipsis
        .slots
        .repr
        .set(Some(|vm, _| vm.new_str("Ellipsis")));
    ellipsis.slots.new.set(Some(|vm, _, args, kw| {
        no_arguments(vm, "EllipsisType", args, kw)?;
        Ok(vm.ellipsis.clone())
    }));
}

/// The `TypeError` of a singleton's class called with arguments.
fn no_arguments(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Option<&crate::object::Ref<crate::builtins::tuple::Tuple>>,
) -> crate::error::PyResult<()> {
    if !args.is_empty() || kw.is_some_and(|k| !k.items().is_empty()) {
        return Err(vm.type_error(format!("{name} takes no arguments")));
    }
    Ok(())
}

fn qualname_of(vm: &mut Vm, v: &Value) -> String {
    let q = v
        .as_object()
        .and_then(|o| o.downcast::<Function>())
        .map(|f| f.qualname.get())
        .unwrap_or(Value::NONE);
    vm.as_str(&q)
        .map(|s| s.as_lossy().into_owned())
        .unwrap_or_default()
}

/// Installs the slots of functions, methods, builtin functions, cells, modules and code.
pub fn init_callables(vm: &Vm) {
    let t = &vm.types;
    t.function
        .slots
        .call
        .set(Some(crate::runtime::call::function_call));
    t.function
        .slots
        .new
        .set(Some(crate::builtins::function::function_new));
    t.function
        .slots
        .descr_get
        .set(Some(crate::builtins::function::function_descr_get));
    t.function.slots.repr.set(Some(|vm, v| {
        let q = qualname_of(vm, v);
        let a = v.as_object().map_or(0, |o| o.address());
        vm.new_str(&format!("<function {q} at {a:#x}>"))
    }));
    t.method
        .slots
        .call
        .set(Some(crate::runtime::call::method_call));
    t.method
        .slots
        .getattro
        .set(Some(crate::builtins::function::method_getattr));
    // `types.MethodType(function, instance)`.
    t.method.slots.new.set(Some(|vm, _cls, args, kw| {
        if kw.is_some_and(|k| !k.items().is_empty()) {
            return Err(vm.type_error("method() takes no keyword arguments".into()));
        }
        let a = crate::builtins::native::Args::parse(
            vm,
            "method",
            &["function", "instance"],
            2,
            args,
            None,
        )?;
        let (func, this) = (a.required(0).clone(), a.required(1).clone());
        if vm.type_of(&func).slots.call.get().is_none() {
            return Err(vm.type_error("first argument must be callable".into()));
        }
        if this.is_none() {
            return Err(vm.type_error("instance must not be None".into()));
        }
        vm.new_method(func, this)
    }));
    t.method.slots.repr.set(Some(|vm, v| {
        let Some(m) = v.as_object().and_then(|o| o.downcast::<Method>()).cloned() else {
            return vm.new_str("<method>");
        };
        let q = qualname_of(vm, &m.func);
        let r = vm.repr_string(&m.this)?;
        vm.new_str(&format!("<bound method {q} of {r}>"))
    }));
    t.method.slots.richcompare.set(Some(|vm, a, b, op| {
        let (Some(x), Some(y)) = (
            a.as_object().and_then(|o| o.downcast::<Method>()).cloned(),
            b.as_object().and_then(|o| o.downcast::<Method>()).cloned(),
        ) else {
            return Ok(vm.not_implemented());
        };
        let same_self = match (x.this.as_object(), y.this.as_object()) {
            (Some(p), Some(q)) => p.is(q),
            _ => false,
        };
        let same_func = match (x.func.as_object(), y.func.as_object()) {
            (Some(p), Some(q)) => p.is(q),
            _ => false,
        };
        let eq = same_self && same_func;
        match op {
            crate::types::slots::CompareOp::Eq => Ok(Value::from_bool(eq)),
            crate::types::slots::CompareOp::Ne => Ok(Value::from_bool(!eq)),
            _ => Ok(vm.not_implemented()),
        }
    }));
    t.builtin_function
        .slots
        .call
        .set(Some(crate::builtins::native::call_builtin));
    t.builtin_function.slots.repr.set(Some(|vm, v| {
        let Some(b) = v
            .as_object()
            .and_then(|o| o.downcast::<crate::builtins::native::BuiltinFunction>())
            .cloned()
        else {
            return vm.new_str("<built-in function>");
        };
        match &b.this {
            Some(this)
                if this
                    .as_object()
                    .is_none_or(|o| o.downcast::<Module>().is_none()) =>
            {
                let tn = vm.type_name(this);
                let a = this.as_object().map_or(0, |o| o.address());
                let text = if b.def.slot_wrapper {
                    format!("<method-wrapper '{}' of {tn} object at {a:#x}>", b.def.name)
                } else {
                    format!("<built-in method {} of {tn} object at {a:#x}>", b.def.name)
                };
                vm.new_str(&text)
            }
            _ => vm.new_str(&format!("<built-in function {}>", b.def.name)),
        }
    }));
    t.method_descriptor
        .slots
        .call
        .set(Some(crate::builtins::native::call_method_descriptor));
    t.method_descriptor
        .slots
        .descr_get
        .set(Some(crate::builtins::native::method_descriptor_get));
    t.method_descriptor.slots.repr.set(Some(|vm, v| {
        let Some(d) = v
            .as_object()
            .and_then(|o| o.downcast::<crate::builtins::native::MethodDescriptor>())
            .cloned()
        else {
            return vm.new_str("<method>");
        };
        let kind = if d.def.slot_wrapper {
            "slot wrapper"
        } else {
            "method"
        };
        vm.new_str(&format!(
            "<{kind} '{}' of '{}' objects>",
            d.def.name, d.owner.name
        ))
    }));
    // Bound builtin methods are equal when they bind the same object to the
    // same declaration.
    t.builtin_function
        .slots
        .richcompare
        .set(Some(|vm, a, b, op| {
            let (Some(x), Some(y)) = (
                a.as_object()
                    .and_then(|o| o.downcast::<crate::builtins::native::BuiltinFunction>()),
                b.as_object()
                    .and_then(|o| o.downcast::<crate::builtins::native::BuiltinFunction>()),
            ) else {
                return Ok(vm.not_implemented());
            };
            let same_self = match (&x.this, &y.this) {
                (Some(p), Some(q)) => crate::protocol::number::is_same(p, q),
                (None, None) => true,
                _ => false,
            };
            let eq = same_self && std::ptr::eq(x.def, y.def);
            match op {
                crate::types::slots::CompareOp::Eq => Ok(Value::from_bool(eq)),
                crate::types::slots::CompareOp::Ne => Ok(Value::from_bool(!eq)),
                _ => Ok(vm.not_implemented()),
            }
        }));
    // Equal bound methods share their declaration, so hashing it agrees
    // with the comparison above.
    t.builtin_function.slots.hash.set(Some(|_vm, v| {
        let def = v
            .as_object()
            .and_then(|o| o.downcast::<crate::builtins::native::BuiltinFunction>())
            .map_or(0, |f| std::ptr::from_ref(f.def) as usize);
        Ok(i64::try_from(def >> 4).unwrap_or(0))
    }));
    // Slot wrappers (`int.__add__`) and their bound forms (`(1).__add__`)
    // are the same payloads under CPython's type names.
    for (from, to) in [
        (&t.builtin_function, &t.method_wrapper),
        (&t.method_descriptor, &t.wrapper_descriptor),
    ] {
        let (from, to) = (&from.slots, &to.slots);
        to.call.set(from.call.get());
        to.descr_get.set(from.descr_get.get());
        to.repr.set(from.repr.get());
        to.richcompare.set(from.richcompare.get());
        to.hash.set(from.hash.get());
    }
    t.module.slots.repr.set(Some(|vm, v| {
        let name = v
            .as_object()
            .and_then(|o| o.downcast::<Module>())
            .and_then(|m| {
                m.dict
                    .table
                    .with(|t| t.get_str(&crate::builtins::str::Str::new("__name__")))
            });
        let n = match name {
            Some(n) => vm.repr_string(&n)?,
            None => "'?'".into(),
        };
        vm.new_str(&format!("<module {n}>"))
    }));
    t.code.slots.repr.set(Some(|vm, v| {
        let Some(c) = v.as_object().and_then(|o| o.downcast::<Code>()).cloned() else {
            return vm.new_str("<code>");
        };
        let a = v.as_object().map_or(0, |o| o.address());
        let file = String::from_utf8_lossy(c.code.filename.as_bytes()).into_owned();
        vm.new_str(&format!(
            "<code object {} at {a:#x}, file \"{file}\", line {}>",
            c.name.as_lossy(),
            c.code.firstlineno
        ))
    }));
}
