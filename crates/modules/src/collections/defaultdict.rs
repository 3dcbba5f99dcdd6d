//! `collections.defaultdict`: a `dict` subclass whose `__missing__` calls
//! `default_factory` and stores the result. Instances are dicts laid out
//! with an extension whose first slot holds the factory.

use krait_vm::builtins::descriptors::{GetSetDef, getset};
use krait_vm::builtins::dict::Dict;
use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{Args, MethodDef, method};
use krait_vm::builtins::tuple::Tuple;
use krait_vm::object::{PyCell, Ref};
use krait_vm::types::{TypeRef, flags};
use krait_vm::{PyResult, Value, Vm};

/// Adds `defaultdict` to `_collections`.
pub fn install(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    let dict = vm.types.dict.clone();
    let ty = vm.new_builtin_type::<Dict>(
        "collections",
        "defaultdict",
        Some(&dict),
        flags::BASETYPE | flags::EXTENDED,
        METHODS,
    )?;
    ty.slot_count.set(1);
    ty.slots.new.set(Some(new));
    ty.slots.init.set(Some(init));
    ty.slots.repr.set(Some(repr));
    ty.slots.number.set(Some(|vm, a, b, op| {
        if op != krait_vm::types::slots::BinOp::Or {
            return Ok(vm.not_implemented());
        }
        super::dict_subclass_or(vm, a, b, "defaultdict", |vm, ours, items| {
            let class = Value::from_object(vm.type_of(ours).as_obj().clone());
            vm.call(&class, &[factory(ours), items.clone()], None)
        })
    }));
    vm.add_getsets(&ty, GETSETS)?;
    ty.bump_version();
    krait_vm::builtins::slot_wrappers::install(vm, std::slice::from_ref(&ty))?;
    vm.module_set(
        module,
        "defaultdict",
        Value::from_object(ty.as_obj().clone()),
    )
}

fn new(vm: &mut Vm, cls: &TypeRef, _args: &[Value], _kw: Option<&Ref<Tuple>>) -> PyResult<Value> {
    let d = vm.alloc(
        cls,
        Dict {
            table: PyCell::new(Default::default()),
        },
    )?;
    Ok(Value::from_object(d.into_obj()))
}

/// The factory of a defaultdict (`None` when unset).
fn factory(v: &Value) -> Value {
    v.as_object()
        .and_then(|o| o.extension())
        .and_then(|e| e.slot(0))
        .unwrap_or(Value::NONE)
}

fn set_factory(vm: &mut Vm, v: &Value, factory: Value) -> PyResult<()> {
    let Some(object) = v.as_object() else {
        return Err(vm.type_error("expected a collections.defaultdict".into()));
    };
    match object.extension().map(|e| e.set_slot(0, Some(factory))) {
        Some(Ok(old)) => {
            drop(old);
            Ok(())
        }
        _ => Err(vm.type_error("expected a collections.defaultdict".into())),
    }
}

/// `defaultdict(default_factory=None, /, [...])`: the rest goes to `dict`.
fn init(vm: &mut Vm, this: &Value, args: &[Value], kw: Option<&Ref<Tuple>>) -> PyResult<()> {
    let kw_count = kw.map_or(0, |k| k.items().len());
    let positional = args.len().saturating_sub(kw_count);
    let (factory_value, rest) = if positional > 0 {
        match args.split_first() {
            Some((f, rest)) => (f.clone(), rest),
            None => (Value::NONE, args),
        }
    } else {
        (Value::NONE, args)
    };
    if !factory_value.is_none() && vm.type_of(&factory_value).slots.call.get().is_none() {
        return Err(vm.type_error("first argument must be callable or None".into()));
    }
    set_factory(vm, this, factory_value)?;
    let dict_init = vm.types.dict.slots.init.get();
    match dict_init {
        Some(f) => f(vm, this, rest, kw),
        None => Ok(()),
    }
}

fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = factory(v);
    let factory_text = if f.is_none() {
        "None".to_string()
    } else if !vm.repr_enter(v) {
        "...".to_string()
    } else {
        let text = vm.repr_string(&f);
        vm.repr_leave(v);
        text?
    };
    let dict_repr = vm.types.dict.slots.repr.get();
    let body = match dict_repr {
        Some(r) => {
            let s = r(vm, v)?;
            vm.as_str(&s)
                .map(|s| s.as_lossy().into_owned())
                .unwrap_or_default()
        }
        None => String::new(),
    };
    let name = vm.type_of(v).name.to_string();
    vm.new_str(&format!("{name}({factory_text}, {body})"))
}

const GETSETS: &[GetSetDef] = &[getset(
    "default_factory",
    |_vm, v| Ok(factory(v)),
    |vm, v, value| set_factory(vm, v, value.unwrap_or(Value::NONE)),
)];

/// A new defaultdict of `v`'s class with `v`'s factory and items.
fn copy(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let this = args.this();
    let class = Value::from_object(vm.type_of(this).as_obj().clone());
    vm.call(&class, &[factory(this), this.clone()], None)
}

const METHODS: &[MethodDef] = &[
    method("__missing__", "(self, key, /)", |vm, args| {
        let this = args.this();
        let key = args.required(1);
        let f = factory(this);
        if f.is_none() {
            return Err(vm.key_error(key.clone()));
        }
        let value = vm.call(&f, &[], None)?;
        let setitem = vm.type_of(this).slots.setitem.get();
        match setitem {
            Some(set) => set(vm, this, key, Some(value.clone()))?,
            None => return Err(vm.type_error("defaultdict lost its __setitem__".into())),
        }
        Ok(value)
    }),
    method("copy", "(self, /)", copy),
    method("__copy__", "(self, /)", copy),
    method("__reduce__", "(self, /)", |vm, args| {
        let this = args.this();
        let class = Value::from_object(vm.type_of(this).as_obj().clone());
        let f = factory(this);
        let factory_args = if f.is_none() {
            vm.new_tuple(Vec::new())?
        } else {
            vm.new_tuple(vec![f])?
        };
        let items = vm.get_attr_str(this, "items")?;
        let items = vm.call(&items, &[], None)?;
        let items = vm.iter(&items)?;
        vm.new_tuple(vec![class, factory_args, Value::NONE, Value::NONE, items])
    }),
];
