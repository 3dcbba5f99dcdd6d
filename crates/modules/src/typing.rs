//! `_typing` (CPython's `Modules/_typingmodule.c` and the `Generic` and
//! `ParamSpecArgs`/`ParamSpecKwargs` parts of `Objects/typevarobject.c`):
//! what `Lib/typing.py` imports from C. The type-parameter classes,
//! `TypeAliasType`, `Union` and `NoDefault` are the interpreter's own;
//! `Generic` is a base class whose `__class_getitem__` and
//! `__init_subclass__` hand over to `typing._generic_class_getitem` and
//! `typing._generic_init_subclass`, as in CPython.

use krait_vm::builtins::descriptors::{GetSetDef, readonly};
use krait_vm::builtins::dict::Dict;
use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{Args, MethodDef, classmethod, method};
use krait_vm::builtins::object::BareObject;
use krait_vm::gc::{Payload, Visitor};
use krait_vm::object::Ref;
use krait_vm::types::slots::CompareOp;
use krait_vm::types::{TypeRef, flags};
use krait_vm::{PyResult, Value, Vm};

/// `_typing`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    vm.module_add_functions(module, FUNCTIONS)?;
    let own = [
        ("TypeVar", vm.types.typevar.clone()),
        ("ParamSpec", vm.types.paramspec.clone()),
        ("TypeVarTuple", vm.types.typevartuple.clone()),
        ("TypeAliasType", vm.types.typealias.clone()),
        ("Union", vm.types.union.clone()),
    ];
    for (name, ty) in own {
        vm.module_set(module, name, Value::from_object(ty.as_obj().clone()))?;
    }
    let no_default = vm.nodefault.clone();
    vm.module_set(module, "NoDefault", no_default)?;
    let generic = vm.new_builtin_type::<BareObject>(
        "typing",
        "Generic",
        None,
        flags::BASETYPE,
        GENERIC_METHODS,
    )?;
    let empty = vm.new_tuple(Vec::new())?;
    let slots_key = vm.intern("__slots__")?;
    generic.dict.with(|d| d.insert_str(slots_key, empty));
    generic.bump_version();
    vm.module_set(
        module,
        "Generic",
        Value::from_object(generic.as_obj().clone()),
    )?;
    for name in ["ParamSpecArgs", "ParamSpecKwargs"] {
        let ty = vm.new_builtin_type::<Origin>("typing", name, None, 0, &[])?;
        ty.slots.new.set(Some(new_origin));
        ty.slots.repr.set(Some(origin_repr));
        ty.slots.richcompare.set(Some(origin_compare));
        vm.add_getsets(&ty, ORIGIN_GETSETS)?;
        ty.bump_version();
        vm.module_set(module, name, Value::from_object(ty.as_obj().clone()))?;
    }
    let doc = vm.new_str("Primitives and accelerators for the typing module.")?;
    vm.module_set(module, "__doc__", doc)
}

/// The payload of `ParamSpecArgs` and `ParamSpecKwargs`: the `ParamSpec`.
pub struct Origin {
    origin: Value,
}

impl Payload for Origin {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.origin);
    }
}

fn origin_of(v: &Value) -> Option<Value> {
    v.as_object()?
        .downcast::<Origin>()
        .map(|o| o.origin.clone())
}

fn new_origin(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kw: Option<&Ref<krait_vm::builtins::tuple::Tuple>>,
) -> PyResult<Value> {
    let a = Args::parse(vm, &cls.name.to_string(), &["origin"], 1, args, kw)?;
    let o = vm.alloc(
        cls,
        Origin {
            origin: a.required(0).clone(),
        },
    )?;
    Ok(Value::from_object(o.into_obj()))
}

fn origin_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let origin = origin_of(v).unwrap_or(Value::NONE);
    let name = vm.get_attr_str(&origin, "__name__")?;
    let name = vm.str(&name)?;
    let name = vm
        .as_str(&name)
        .map(|s| s.as_lossy().into_owned())
        .unwrap_or_default();
    let suffix = if vm.type_of(v).name.to_string() == "ParamSpecArgs" {
        "args"
    } else {
        "kwargs"
    };
    vm.new_str(&format!("{name}.{suffix}"))
}

fn origin_compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !vm.type_of(a).same(vm.type_of(b)) {
        return Ok(vm.not_implemented());
    }
    let (Some(x), Some(y)) = (origin_of(a), origin_of(b)) else {
        return Ok(vm.not_implemented());
    };
    let equal = vm.eq(&x, &y)?;
    Ok(Value::from_bool(equal == (op == CompareOp::Eq)))
}

const ORIGIN_GETSETS: &[GetSetDef] = &[readonly("__origin__", |vm, v| {
    origin_of(v).ok_or_else(|| vm.type_error("expected ParamSpecArgs or ParamSpecKwargs".into()))
})];

/// Calls `typing.<name>(cls, *args, **kwargs)`.
fn call_typing(vm: &mut Vm, name: &str, args: &Args) -> PyResult<Value> {
    let typing = vm.import_module("typing")?;
    let f = vm.get_attr_str(&typing, name)?;
    let mut positional = vec![args.this().clone()];
    positional.extend(args.varargs().iter().cloned());
    let mut names = Vec::new();
    if let Some(d) = args
        .kwargs()
        .and_then(|k| k.as_object())
        .and_then(|o| o.downcast::<Dict>())
    {
        for (k, v) in d.items() {
            names.push(k);
            positional.push(v);
        }
    }
    let kwnames = if names.is_empty() {
        None
    } else {
        Some(vm.new_tuple_ref(names)?)
    };
    vm.call(&f, &positional, kwnames.as_ref())
}

const GENERIC_METHODS: &[MethodDef] = &[
    classmethod("__class_getitem__", "(cls, *args)", |vm, args| {
        call_typing(vm, "_generic_class_getitem", args)
    }),
    classmethod("__init_subclass__", "(cls, *args, **kwargs)", |vm, args| {
        call_typing(vm, "_generic_init_subclass", args)
    }),
];

/// The functions of `_typing`.
const FUNCTIONS: &[MethodDef] = &[method("_idfunc", "(_, x, /)", |_vm, args| {
    Ok(args.required(1).clone())
})];
