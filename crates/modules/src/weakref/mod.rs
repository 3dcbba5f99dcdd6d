//! `_weakref` (CPython's `Modules/_weakref.c` and `Objects/weakrefobject.c`):
//! the weak reference type `ref` (`ReferenceType`, subclassable), the two
//! proxy types, and `getweakrefcount`, `getweakrefs`, `proxy`,
//! `_remove_dead_weakref`. The object model's side of weak references (the
//! payload, the per-referent lists, clearing and callbacks on death) is
//! `krait_vm::object::weakref`; this module gives them their Python types.
//!
//! Each referent's list keeps CPython's order: the *basic* reference (an
//! exact `ref` without callback, shared by every `ref(o)` call), then the
//! basic proxy (likewise shared), then the others, newest first — which is
//! the order `getweakrefs` reports and callbacks run in.

mod proxy;
mod reference;

use krait_vm::builtins::dict::Dict;
use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{Args, MethodDef, method};
use krait_vm::object::weakref::{self as core, WeakRef};
use krait_vm::object::{ObjRef, Ref};
use krait_vm::types::TypeRef;
use krait_vm::{PyErr, PyResult, Value, Vm};

/// `_weakref`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    vm.module_add_functions(module, FUNCTIONS)?;
    let reference = reference::new_type(vm)?;
    let (proxy, callable_proxy) = proxy::new_types(vm)?;
    for (key, t) in [
        (REF_KEY, &reference),
        (PROXY_KEY, &proxy),
        (CALLABLE_PROXY_KEY, &callable_proxy),
    ] {
        vm.module_state
            .insert(key, Value::from_object(t.as_obj().clone()));
    }
    for (name, t) in [
        ("ref", &reference),
        ("ReferenceType", &reference),
        ("ProxyType", &proxy),
        ("CallableProxyType", &callable_proxy),
    ] {
        vm.module_set(module, name, Value::from_object(t.as_obj().clone()))?;
    }
    let doc = vm.new_str(DOC)?;
    vm.module_set(module, "__doc__", doc)
}

/// `_weakref.__doc__` (krait's own words).
const DOC: &str = "Weak-reference support module.";

const REF_KEY: &str = "_weakref.ref";
const PROXY_KEY: &str = "_weakref.ProxyType";
const CALLABLE_PROXY_KEY: &str = "_weakref.CallableProxyType";

/// One of the module's types, by its `module_state` key.
fn module_type(vm: &Vm, key: &str) -> Option<TypeRef> {
    vm.module_state
        .get(key)
        .and_then(|v| v.as_object()?.downcast::<krait_vm::TypeObject>().cloned())
}

/// Whether `class` is exactly the module type stored under `key`.
fn is_module_type(vm: &Vm, class: &TypeRef, key: &str) -> bool {
    module_type(vm, key).is_some_and(|t| t.as_obj().is(class.as_obj()))
}

/// Whether `object` is a proxy (of either proxy type).
fn is_proxy(vm: &Vm, object: &ObjRef) -> bool {
    let class = object.class();
    is_module_type(vm, class, PROXY_KEY) || is_module_type(vm, class, CALLABLE_PROXY_KEY)
}

/// The referent of `value` as a heap object that may be weakly referenced,
/// or CPython's `TypeError`.
fn weakrefable(vm: &mut Vm, value: &Value) -> PyResult<ObjRef> {
    match value.as_object() {
        Some(object) if core::is_weakrefable_class(object.class()) => Ok(object.clone()),
        _ => {
            let tn = vm.type_name(value);
            Err(vm.type_error(format!("cannot create weak reference to '{tn}' object")))
        }
    }
}

/// The basic reference and basic proxy of `referent`'s list, with their
/// positions (CPython's `get_basic_refs`).
struct BasicRefs {
    reference: Option<ObjRef>,
    proxy: Option<(usize, ObjRef)>,
}

fn basic_refs(vm: &Vm, referent: &ObjRef) -> BasicRefs {
    let list = core::weakrefs_of(referent);
    let has_no_callback = |o: &ObjRef| core::as_weakref(o).is_some_and(|w| w.callback().is_none());
    let mut at = 0;
    let mut reference = None;
    if let Some(first) = list.first()
        && is_module_type(vm, first.class(), REF_KEY)
        && has_no_callback(first)
    {
        reference = Some(first.clone());
        at = 1;
    }
    let proxy = list
        .get(at)
        .filter(|o| is_proxy(vm, o) && has_no_callback(o))
        .map(|o| (at, o.clone()));
    BasicRefs { reference, proxy }
}

/// Makes a weak reference of class `class` to `referent` and puts it in the
/// referent's list where CPython would: a new basic reference or basic
/// proxy (`basic`, no callback) first, anything else right after them.
fn make_weakref(
    vm: &mut Vm,
    class: &TypeRef,
    referent: &ObjRef,
    callback: Option<Value>,
    basic: bool,
) -> PyResult<ObjRef> {
    let found = basic_refs(vm, referent);
    let object = vm
        .alloc(class, WeakRef::new(referent, callback))?
        .into_obj();
    let is_proxy_class = is_proxy(vm, &object);
    let index = if basic && !is_proxy_class {
        0
    } else if basic {
        usize::from(found.reference.is_some())
    } else if let Some((at, _)) = found.proxy {
        at + 1
    } else {
        usize::from(found.reference.is_some())
    };
    core::insert(referent, &object, index);
    Ok(object)
}

/// The callback argument: `None` means no callback.
fn callback_of(value: Option<&Value>) -> Option<Value> {
    value.filter(|v| !v.is_none()).cloned()
}

/// `ReferenceError: weakly-referenced object no longer exists`.
fn dead_referent(vm: &mut Vm) -> PyErr {
    vm.new_error(
        ExcKind::ReferenceError,
        "weakly-referenced object no longer exists",
    )
}

/// The functions of `_weakref`.
const FUNCTIONS: &[MethodDef] = &[
    method("getweakrefcount", "(object, /)", |_vm, args| {
        let count = args.required(0).as_object().map_or(0, core::weakref_count);
        Ok(Value::from_i64(i64::try_from(count).unwrap_or(i64::MAX)))
    }),
    method("getweakrefs", "(object, /)", |vm, args| {
        let refs = args
            .required(0)
            .as_object()
            .map(core::weakrefs_of)
            .unwrap_or_default();
        vm.new_list(refs.into_iter().map(Value::from_object).collect())
    }),
    method("proxy", "(*args, **kwargs)", |vm, args| {
        let (values, names) = krait_vm::builtins::type_::flatten_call(vm, args)?;
        if names.is_some_and(|n| !n.items().is_empty()) {
            return Err(vm.type_error("_weakref.proxy() takes no keyword arguments".into()));
        }
        let args = Args::parse_positional(vm, "proxy", &["object", "callback"], 1, &values, None)?;
        let referent = weakrefable(vm, args.required(0))?;
        let callback = callback_of(args.get(1));
        let callable = referent.class().slots.call.get().is_some();
        let key = if callable {
            CALLABLE_PROXY_KEY
        } else {
            PROXY_KEY
        };
        let Some(class) = module_type(vm, key) else {
            return Err(vm.type_error("weakref proxies are not initialised".into()));
        };
        if callback.is_none()
            && let Some((_, proxy)) = basic_refs(vm, &referent).proxy
        {
            return Ok(Value::from_object(proxy));
        }
        let basic = callback.is_none();
        make_weakref(vm, &class, &referent, callback, basic).map(Value::from_object)
    }),
    method("_remove_dead_weakref", "(dct, key, /)", |vm, args| {
        let Some(dict) = args
            .required(0)
            .as_object()
            .and_then(|o| o.downcast::<Dict>())
            .cloned()
        else {
            let tn = vm.type_name(args.required(0));
            return Err(vm.type_error(format!(
                "_remove_dead_weakref() argument 1 must be dict, not {tn}"
            )));
        };
        let key = args.required(1);
        let Some(value) = Dict::get_item(vm, &dict, key)? else {
            return Ok(Value::NONE);
        };
        let dead = match value.as_object().and_then(core::as_weakref) {
            Some(w) => !w.is_alive(),
            None => return Err(vm.type_error("not a weakref".into())),
        };
        if dead {
            Dict::del_item(vm, &dict, key)?;
        }
        Ok(Value::NONE)
    }),
];
